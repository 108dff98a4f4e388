"""The study tools' pages: the glossary, search across both languages, and the references."""
from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from . import content, glossary, render, search
from .i18n import t
from .settings import Settings
from .shell import chapter_label


def _link(path: str, settings: Settings, label: str, anchor: str = "", **extra: str) -> str:
    """An in-site link that opens in the same tab (Markdown links open new tabs) and keeps the settings."""
    query = urlencode({**settings.to_query(), **extra})
    href = path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
    return f'<a href="{html.escape(href)}" target="_self">{html.escape(label)}</a>'


def _chapter_links(chapters: tuple[str, ...], settings: Settings) -> str:
    separator = "、" if settings.lang == "zh" else ", "
    return separator.join(_link(c, settings, chapter_label(c, settings.lang)) for c in chapters)


def _term_entry(term_id: str, entry: dict, settings: Settings) -> str:
    """One glossary entry as HTML: its names as a heading (the anchor #term-<id>), definition, aliases, source
    and the chapters that use it."""
    lang, other = settings.lang, "en" if settings.lang == "zh" else "zh"
    used = glossary.usage().get(term_id, ())
    source = content.references().get(entry.get("source", ""))
    sep = "：" if lang == "zh" else ": "
    lines = [html.escape(entry[f"def_{lang}"])]
    if entry.get("aliases"):
        aliases = ("、" if lang == "zh" else ", ").join(html.escape(a) for a in entry["aliases"])
        lines.append(f"<em>{t(lang, 'tools.glossary.aliases')}</em>{sep}{aliases}")
    meta = []
    if source:
        meta.append(f"{t(lang, 'tools.glossary.source')}{sep}{render.in_text(source, lang)}")
    meta.append(f"{t(lang, 'tools.glossary.used_in')}{sep}" + (_chapter_links(used, settings) if used
                                                                else t(lang, "tools.glossary.unused")))
    lines.append(" · ".join(meta))
    heading = html.escape(f"{entry[lang]} · {entry[other]}")
    return (f'<div class="glossary-entry"><h3 id="term-{term_id}">{heading}</h3>'
            + "".join(f"<p>{line}</p>" for line in lines) + "</div>")


def glossary_page(settings: Settings) -> None:
    lang = settings.lang
    focus = st.query_params.get("term")
    terms = content.glossary()
    if focus in terms:
        with st.container(border=True):
            st.caption(t(lang, "tools.glossary.focus"))
            st.html(_term_entry(focus, terms[focus], settings))
    chapters = content.published_chapters()
    chapter = st.selectbox(t(lang, "tools.glossary.chapter"), [None, *chapters], key="gl_chapter",
                           format_func=lambda c: t(lang, "tools.glossary.all_chapters") if c is None
                           else chapter_label(c, lang))
    letter = st.pills(t(lang, "tools.glossary.letter"), glossary.letters(lang), key="gl_letter")
    found = glossary.entries(lang, chapter, letter)
    st.caption(t(lang, "tools.glossary.count", n=len(found)))
    # One block for the whole list: the browser inserts it at once, where 150 headings and paragraphs as
    # separate elements cost about 0.7 s more of the page's first render on a 2-core machine.
    st.html("".join(_term_entry(term_id, entry, settings) for term_id, entry in found))


def search_page(settings: Settings) -> None:
    lang = settings.lang
    query = st.text_input(t(lang, "tools.search.box"), key="q", placeholder=t(lang, "tools.search.placeholder"),
                          max_chars=100, bind="query-params")
    if not query.strip():
        return
    hits = search.search(query, lang)
    if not hits:
        st.info(t(lang, "tools.search.none", query=render.literal(query)))
        return
    st.caption(t(lang, "tools.search.results", n=len(hits)))
    for hit in hits:
        before, match, after = (html.escape(part) for part in hit.snippet)
        note = f" <small>{t(lang, 'tools.search.other_language')}</small>" if hit.lang != lang else ""
        st.markdown(
            f"**{_link(hit.chapter, settings, hit.title, anchor=hit.section)}** · "
            f"<small>{html.escape(chapter_label(hit.chapter, lang))}</small>\n\n"
            f"{before}<mark>{match}</mark>{after}{note}", unsafe_allow_html=True)


def references_page(settings: Settings) -> None:
    lang = settings.lang
    style = st.segmented_control(t(lang, "tools.references.style"), ("gbt", "apa"), key="ref_style",
                                 default="gbt" if lang == "zh" else "apa", required=True,
                                 format_func=lambda s: t(lang, f"tools.references.styles.{s}"))
    refs, citing = content.references(), content.chapters_mentioning(render.citation_keys)
    fmt = render.gbt7714 if style == "gbt" else render.apa
    sep = "：" if lang == "zh" else ": "
    entries = []
    for key in sorted(refs, key=lambda k: (refs[k]["authors"][0]["family"].lower(), refs[k]["year"], k)):
        chapters = citing.get(key, ())
        line = fmt(refs[key])
        if chapters:
            line += f"<br><small>{t(lang, 'tools.references.cited_in')}{sep}{_chapter_links(chapters, settings)}</small>"
        entries.append(render.to_html(line))
    st.html('<div class="prose references">' + "".join(entries) + "</div>")     # one block, as the glossary
