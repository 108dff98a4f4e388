"""Turning chapter Markdown into what the page shows: glossary terms, citations, reference lists.

Pure functions of text and content data, so they are tested without Streamlit.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import markdown

TERM = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
CITATION = re.compile(r"\[(@[a-z0-9]+(?:\s*;\s*@[a-z0-9]+)*)\]")
# Chinese puts no space before a full-width parenthesis, so a citation there absorbs the space before it.
CITATION_ZH = re.compile(r"[ \t]*" + CITATION.pattern)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def literal(text: str, limit: int = 40) -> str:
    """Untrusted text (e.g. a URL value) made safe to show inside Markdown: shortened, every
    Markdown, HTML and LaTeX character escaped, so it is shown exactly as typed and never rendered."""
    short = text if len(text) <= limit else text[:limit] + "…"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", short)


def term_ids(text: str) -> set[str]:
    return {m.group(1) for m in TERM.finditer(text)}


def citation_keys(text: str) -> set[str]:
    return {key.strip().lstrip("@") for m in CITATION.finditer(text) for key in m.group(1).split(";")}


def _other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def bilingual(text: str, other_name: str, lang: str) -> str:
    """A term with its name in the other language, as written at its first use in a chapter."""
    return f"{text}（{other_name}）" if lang == "zh" else f"{text} ({other_name})"


def term_html(term_id: str, entry: dict, lang: str, shown: str, link: tuple[str, str] | None = None) -> str:
    """A focusable span whose definition opens on hover, keyboard focus and tap (see site.css),
    with an optional (address, label) link to the term's glossary entry."""
    other = _other(lang)
    definition = html.escape(entry[f"def_{lang}"])
    names = html.escape(f"{entry[lang]} · {entry[other]}")
    more = (f' <a class="term-more" href="{html.escape(link[0])}" target="_self">{html.escape(link[1])}</a>'
            if link else "")
    return (f'<span class="term" tabindex="0" data-term="{term_id}">{html.escape(shown)}'
            f'<span class="term-def" role="tooltip"><strong>{names}</strong> {definition}{more}</span></span>')


def render_terms(text: str, glossary: dict[str, dict], lang: str, seen: set[str],
                 more: tuple[Callable[[str], str], str] | None = None, plain: bool = False) -> str:
    """Replace [[id]] / [[id|text]] by glossary spans; `seen` carries first uses across sections.
    `more` is (term id → glossary address, link label) when the spans should link to the glossary;
    `plain` writes the term as text (bilingual at first use) for print."""
    def replace(match: re.Match) -> str:
        term_id, custom = match.group(1), match.group(2)
        entry = glossary.get(term_id)
        if entry is None:
            raise KeyError(f"glossary has no term {term_id!r}")
        first = term_id not in seen
        seen.add(term_id)
        shown = custom or entry[lang]
        if first:
            shown = bilingual(shown, entry[_other(lang)], lang)
        if plain:
            return shown
        return term_html(term_id, entry, lang, shown, (more[0](term_id), more[1]) if more else None)
    return TERM.sub(replace, text)


def _families(ref: dict) -> list[str]:
    return [a["family"] for a in ref["authors"]]


def in_text(ref: dict, lang: str) -> str:
    """Author–year citation: APA 7 style in English, its usual Chinese counterpart in Chinese."""
    names = _families(ref)
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} 和 {names[1]}" if lang == "zh" else f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} 等" if lang == "zh" else f"{names[0]} et al."
    return f"{who}，{ref['year']}" if lang == "zh" else f"{who}, {ref['year']}"


def render_citations(text: str, references: dict[str, dict], lang: str) -> str:
    def replace(match: re.Match) -> str:
        keys = [k.strip().lstrip("@") for k in match.group(1).split(";")]
        missing = [k for k in keys if k not in references]
        if missing:
            raise KeyError(f"references.toml has no entry {', '.join(missing)}")
        parts = [in_text(references[k], lang) for k in keys]
        return f"（{'；'.join(parts)}）" if lang == "zh" else f"({'; '.join(parts)})"
    return (CITATION_ZH if lang == "zh" else CITATION).sub(replace, text)


def _apa_authors(ref: dict) -> str:
    names = [f"{a['family']}, {a['given']}" if a.get("given") else a["family"] for a in ref["authors"]]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def apa(ref: dict) -> str:
    """An APA 7 reference-list entry in Markdown."""
    head = f"{_apa_authors(ref)} ({ref['year']}). "
    pages = f" (pp. {ref['pages']})" if ref.get("pages") else ""
    if ref["type"] == "chapter" and ref.get("book"):
        editors = _apa_editors(ref.get("editors", ()))
        return head + f"{ref['title']}. In {editors}*{ref['book']}*{pages}. {ref['venue']}." + _doi(ref)
    if ref["type"] == "chapter":
        return head + f"{ref['title']}. In *{ref['venue']}*{pages}." + _doi(ref)
    if ref["type"] == "web":
        return head + f"*{ref['title']}*. {ref['venue']}. Retrieved {_apa_date(ref['accessed'])}, from {ref['url']}"
    if ref["type"] == "book":
        text = head + f"*{ref['title']}*. {ref['venue']}."
    else:
        text = head + f"{ref['title']}. *{ref['venue']}*"
        if ref.get("volume"):
            text += f", *{ref['volume']}*"
            if ref.get("issue"):
                text += f"({ref['issue']})"
        if ref.get("pages"):
            text += f", {ref['pages']}"
        text += "."
    return text + _doi(ref)


def _doi(ref: dict) -> str:
    return f" https://doi.org/{ref['doi']}" if ref.get("doi") else ""


def _apa_editors(editors) -> str:
    """APA's editor list inside a chapter reference: initials first, then "(Ed.)" or "(Eds.)"."""
    if not editors:
        return ""
    names = [f"{e['given']} {e['family']}" for e in editors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + (", & " if len(names) > 2 else " & ") + names[-1]
    return f"{joined} ({'Ed.' if len(names) == 1 else 'Eds.'}), "


def _apa_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    return f"{months[month - 1]} {day}, {year}"


def gbt7714(ref: dict) -> str:
    """A GB/T 7714-2015 reference-list entry: family names in capitals, initials without stops;
    a group author (no given name) stands as written."""
    who = _gbt_people(ref["authors"])
    place = f"{ref['place']}: " if ref.get("place") else ""
    pages = f": {ref['pages'].replace('–', '-')}" if ref.get("pages") else ""
    if ref["type"] == "chapter" and ref.get("book"):
        editors = _gbt_people(ref.get("editors", ()))
        return (f"{who}. {ref['title']}[M]//{editors + '. ' if editors else ''}{ref['book']}. "
                f"{place}{ref['venue']}, {ref['year']}{pages}." + _gbt_doi(ref))
    if ref["type"] == "chapter":
        where = f"{ref['place']}, " if ref.get("place") else ""
        return f"{who}. {ref['title']}[C]//{ref['venue']}. {where}{ref['year']}{pages}." + _gbt_doi(ref)
    if ref["type"] == "web":
        return f"{who}. {ref['title']}[EB/OL]. ({ref['year']})[{ref['accessed']}]. {ref['url']}."
    if ref["type"] == "book":
        text = f"{who}. {ref['title']}[M]. {place}{ref['venue']}, {ref['year']}."
    else:
        text = f"{who}. {ref['title']}[J]. {ref['venue']}, {ref['year']}"
        if ref.get("volume"):
            text += f", {ref['volume']}"
            if ref.get("issue"):
                text += f"({ref['issue']})"
        text += pages + "."
    return text + _gbt_doi(ref)


def _gbt_doi(ref: dict) -> str:
    return f" DOI:{ref['doi']}." if ref.get("doi") else ""


def _gbt_people(people) -> str:
    """Family names in capitals with initials without stops; a group author stands as written."""
    names = [f"{p['family'].upper()} {p['given'].replace('.', '').strip()}" if p.get("given") else p["family"]
             for p in people]
    return ", ".join(names[:3]) + (", 等" if len(names) > 3 else "")


def reference_list(keys: Iterable[str], references: dict[str, dict], lang: str) -> list[str]:
    """The works cited, sorted by first author and year, formatted for the reader's language."""
    chosen = sorted(set(keys), key=lambda k: (_families(references[k])[0].lower(), references[k]["year"], k))
    fmt = gbt7714 if lang == "zh" else apa
    return [fmt(references[k]) for k in chosen]


# A bare address (a DOI, say) not already inside a tag, without the punctuation that ends its sentence.
BARE_URL = re.compile(r"(?<![\"'=<])https?://[^\s<>\"]+?(?=[.,;)]?(?:\s|<|$))")


@lru_cache(maxsize=2048)        # a page's lines (the references page has 86) are made once, not on every run
def to_html(text: str) -> str:
    """Markdown whose terms and citations are already HTML, as HTML: made once on the server rather than
    parsed again in every reader's browser. Bare addresses become links, as Streamlit's Markdown makes them."""
    return markdown.markdown(BARE_URL.sub(r"<\g<0>>", text), extensions=["tables", "sane_lists"])


def section_html(body: str) -> str:
    """A chapter section's body as the page shows it."""
    return f'<div class="prose">{to_html(body)}</div>'
