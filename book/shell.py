"""The frame every page stands in: page config, reader settings, the site's navigation.

A deep link runs only its own page script, never streamlit_app.py, so everything a page needs
happens here, called first by every page through `shell()`.
"""
from __future__ import annotations

import datetime
from functools import lru_cache, partial
from typing import NamedTuple
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from . import content, handout, lecture, quiz, render, share
from .i18n import t
from .settings import CHOICES, Settings, from_query

STATE_KEY = "_settings"
CITE_KEY = "_cite_chapter"     # page chrome, not an exhibit input: not in the URL
LECTURE_CSS = (Path(__file__).parent / "lecture.css").read_text(encoding="utf-8")
HOME = "streamlit_app.py"
CSS = (Path(__file__).parent / "site.css").read_text(encoding="utf-8")


def read_settings() -> tuple[Settings, tuple]:
    """Settings from session state, unless the URL says otherwise (first visit, link, back button)."""
    url = {name: st.query_params[name] for name in CHOICES if name in st.query_params}
    current: Settings | None = st.session_state.get(STATE_KEY)
    if current is not None and url == current.to_query():
        return current, ()
    settings, rejected = from_query(url)
    st.session_state[STATE_KEY] = settings
    write_url(settings)
    return settings, rejected


def write_url(settings: Settings) -> None:
    wanted = settings.to_query()
    for name in CHOICES:
        if name in wanted:
            st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def _apply_widget(name: str, widget_key: str) -> None:
    value = st.session_state.get(widget_key)
    if value is None:
        return
    settings = st.session_state[STATE_KEY].with_(**{name: value})
    st.session_state[STATE_KEY] = settings
    write_url(settings)


def _setting_control(settings: Settings, name: str, where: str, label_visibility: str = "visible") -> None:
    key = f"_w_{name}_{where}"
    st.session_state[key] = getattr(settings, name)
    lang = settings.lang
    st.segmented_control(
        t(lang, f"settings.{name}"), CHOICES[name], key=key, required=True,
        format_func=lambda v: t(lang, f"settings.{name}_choices.{v}"),
        on_change=_apply_widget, args=(name, key), label_visibility=label_visibility)


def chapter_number(chapter_id: str) -> int:
    order = [c for part in content.load_toml("toc.toml")["part"] for c in part["chapters"]]
    return order.index(chapter_id) + 1


def chapter_label(chapter_id: str, lang: str) -> str:
    return t(lang, "nav.chapter_label", n=chapter_number(chapter_id),
             title=content.load_chapter(chapter_id, lang).title)


TOOL_ICONS = {"glossary": ":material/dictionary:", "search": ":material/search:",
              "references": ":material/format_quote:", "kano-lab": ":material/science:",
              "servqual-lab": ":material/science:", "customer-lab": ":material/science:",
              "class": ":material/groups:"}


def _navigation(settings: Settings) -> None:
    lang, query = settings.lang, settings.to_query()
    st.page_link(HOME, label=t(lang, "nav.home"), icon=":material/home:", query_params=query)
    for part in content.parts():
        st.caption(part.title[lang])
        for chapter_id in part.chapters:
            st.page_link(f"pages/{chapter_id}.py", label=chapter_label(chapter_id, lang), query_params=query)
    for group in content.TOOL_GROUPS:
        if content.tools(group):
            st.caption(t(lang, f"{group}.heading"))
        for tool in content.tools(group):
            st.page_link(f"pages/{tool}.py", label=t(lang, f"tools.{tool}.title"), icon=TOOL_ICONS.get(tool),
                         query_params=query)


def _text_size_css(settings: Settings) -> str:
    """Text size and lecture mode scale the root font size, so text, tables and widgets grow together
    (charts scale themselves with `settings.scale`). Lecture mode also clears Streamlit's chrome away."""
    base = st.get_option("theme.baseFontSize") or 16
    size = settings.root_font_px(base)
    css = f"html {{ font-size: {size:g}px !important; }}" if size != base else ""
    return css + (LECTURE_CSS if settings.lecture else "")


def _frame(settings: Settings, rejected: tuple, page_title: str, path: str) -> None:
    lang = settings.lang
    st.set_page_config(page_title=f"{page_title} · {t(lang, 'site.short_title')}", page_icon="📘",
                       layout="wide" if settings.lecture else "centered",
                       initial_sidebar_state="collapsed" if settings.lecture else "auto")
    st.html(f"<style>{CSS}{_text_size_css(settings)}</style>")
    with st.container(horizontal=True, horizontal_alignment="right", key="topbar"):
        share.control(settings, path)
        _setting_control(settings, "lang", "top", label_visibility="collapsed")
    for r in rejected:
        st.warning(t(lang, f"settings.rejected.{r.setting}", value=render.literal(r.value)), icon=":material/info:")
    with st.sidebar:
        st.markdown(f"**{t(lang, 'site.title')}**")
        _navigation(settings)
        st.divider()
        st.markdown(f"**{t(lang, 'settings.heading')}**")
        _setting_control(settings, "lang", "side")
        _setting_control(settings, "size", "side")
        _setting_control(settings, "mode", "side")
        _setting_control(settings, "palette", "side")


class HomePage:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.lang = settings.lang
        self.text = content.load_chapter("home", self.lang)
        st.title(self.text.title, anchor="top")
        st.markdown(f"*{self.text.summary}*")

    def section(self, section_id: str) -> None:
        section = self.text.section(section_id)
        st.header(section.title, anchor=section_id)
        st.markdown(section.body)

    def course_map(self) -> None:
        lang, query = self.lang, self.settings.to_query()
        st.header(t(lang, "home.map_heading"), anchor="course-map")
        for part in content.parts():
            st.subheader(part.title[lang])
            for chapter_id in part.chapters:
                with st.container(border=True):
                    st.page_link(f"pages/{chapter_id}.py", label=chapter_label(chapter_id, lang),
                                 icon=":material/menu_book:", query_params=query)
                    st.caption(content.load_chapter(chapter_id, lang).summary)


def glossary_link(term_id: str, query: tuple[tuple[str, str], ...]) -> str:
    """The glossary page's address for one term, carrying the reader's settings."""
    return "glossary?" + urlencode((*query, ("term", term_id))) + f"#term-{term_id}"


class Rendered(NamedTuple):
    bodies: dict[str, str]               # section id → Markdown with terms and citations rendered
    references: tuple[str, ...]          # the works the chapter cites, formatted for its language
    new_terms: dict[str, tuple[str, ...]]   # section id → the terms it uses for the first time
    html: dict[str, str]                 # section id → its body as HTML, as a page shows it
    reference_html: str                  # the reference list as HTML


@lru_cache(maxsize=32)
def _rendered(chapter_id: str, lang: str, query: tuple, _stamps: tuple) -> Rendered:
    chapter = content.load_chapter(chapter_id, lang)
    glossary, references = content.glossary(), content.references()
    seen: set[str] = set()
    bodies, cited, new_terms = {}, [], {}
    more = (lambda term_id: glossary_link(term_id, query), t(lang, "tools.glossary.open_term"))
    for section in chapter.sections:
        before = set(seen)
        bodies[section.id] = render.render_citations(
            render.render_terms(section.body, glossary, lang, seen, more), references, lang)
        new_terms[section.id] = tuple(dict.fromkeys(
            m.group(1) for m in render.TERM.finditer(section.body) if m.group(1) not in before))
        cited.extend(render.citation_keys(section.body))
    html = {section_id: render.section_html(body) for section_id, body in bodies.items()}
    listed = tuple(render.reference_list(cited, references, lang))
    reference_html = render.to_html("\n".join(f"1. {entry}" for entry in listed))
    return Rendered(bodies, listed, new_terms, html, f'<div class="prose reference-list">{reference_html}</div>')


def rendered_chapter(chapter_id: str, lang: str, query: tuple[tuple[str, str], ...] = ()) -> Rendered:
    """Section bodies with terms (linking to the glossary with the reader's settings `query`) and
    citations rendered, the chapter's reference list, and each section's new terms."""
    stamps = tuple(content.modified(p) for p in (content.chapter_path(chapter_id, lang),
                                                 content.CONTENT / "glossary.toml",
                                                 content.CONTENT / "references.toml"))
    return _rendered(chapter_id, lang, query, stamps)


class ChapterPage:
    def __init__(self, chapter_id: str, settings: Settings):
        self.id = chapter_id
        self.settings = settings
        self.lang = settings.lang
        self.chapter = content.load_chapter(chapter_id, self.lang)
        self.rendered = rendered_chapter(chapter_id, self.lang, tuple(sorted(settings.to_query().items())))
        self.bodies = self.rendered.bodies
        self.open()

    def open(self) -> None:
        chapter_id = self.id
        st.caption(t(self.lang, "nav.chapter_number", n=chapter_number(chapter_id)))
        st.title(self.chapter.title, anchor="top")
        st.markdown(f"*{self.chapter.summary}*")
        with st.expander(t(self.lang, "chapter.objectives"), expanded=False):
            st.markdown("\n".join(f"- {o}" for o in self.chapter.objectives))
        st.download_button(t(self.lang, "handout.download"), data=partial(handout.build, chapter_id, self.lang),
                           file_name=f"{chapter_id}-{self.lang}.html", mime="text/html", icon=":material/print:",
                           help=t(self.lang, "handout.help"), on_click="ignore", type="tertiary")

    def section(self, section_id: str) -> None:
        # Markdown made HTML once per process: the browser inserts it as it is, where st.markdown would
        # parse every section again on every reader's phone (about 0.2 s of a chapter's first render).
        st.header(self.chapter.section(section_id).title, anchor=section_id)   # the heading keeps its #id
        st.html(self.rendered.html[section_id])

    def as_reference(self, url: str, today: datetime.date | None = None) -> dict:
        """This chapter as a web-page reference, for the "cite this chapter" box."""
        today = today or datetime.date.today()
        page = url.split("?")[0].split("#")[0]
        query = urlencode(self.settings.to_query())
        return {"type": "web", "authors": [{"family": t(self.lang, "tools.references.book_author")}],
                "title": chapter_label(self.id, self.lang), "venue": t(self.lang, "site.title"),
                "year": today.year, "accessed": today.isoformat(), "url": page + (f"?{query}" if query else "")}

    def close(self) -> None:
        """The chapter's self-check and exam practice, its references, the lecturer's notes and links
        to its neighbours."""
        lang = self.lang
        quiz.self_check(self.id, self.settings)
        quiz.practice(self.id, self.settings)
        st.header(t(lang, "chapter.references"), anchor="references")
        st.html(self.rendered.reference_html)
        # Drawn only when opened: its copyable code blocks load the browser's syntax highlighter, which
        # costs a phone or a 2-core machine about half a second of the chapter's first render.
        with st.expander(t(lang, "tools.references.cite_chapter"), icon=":material/format_quote:",
                         key=CITE_KEY, on_change="rerun") as cite:
            if cite.open:
                reference = self.as_reference(st.context.url or f"/{self.id}")
                st.caption("GB/T 7714")
                st.code(render.gbt7714(reference), language=None, wrap_lines=True)
                st.caption("APA")
                st.code(render.apa(reference).replace("*", ""), language=None, wrap_lines=True)
        if self.chapter.teaching_notes:
            with st.expander(t(lang, "chapter.teaching_notes")):
                st.markdown(self.chapter.teaching_notes)
        order = content.published_chapters()
        here = order.index(self.id)
        query = self.settings.to_query()
        with st.container(horizontal=True, horizontal_alignment="distribute"):
            if here > 0:
                st.page_link(f"pages/{order[here - 1]}.py", icon=":material/arrow_back:",
                             label=chapter_label(order[here - 1], lang), query_params=query)
            else:
                st.page_link(HOME, label=t(lang, "nav.home"), icon=":material/home:", query_params=query)
            if here + 1 < len(order):
                st.page_link(f"pages/{order[here + 1]}.py", icon=":material/arrow_forward:",
                             icon_position="right", label=chapter_label(order[here + 1], lang),
                             query_params=query)


class LecturePage(ChapterPage):
    """The chapter as cards for a projector: same content, one card at a time (see book/lecture.py)."""

    def open(self) -> None:
        lang = self.lang
        current, rejected = lecture.requested_card(self.id)
        self.deck = lecture.Deck(self.id, current)
        lecture.start(self.deck)
        if rejected is not None:
            st.warning(t(lang, "lecture.bad_card", value=render.literal(rejected)), icon=":material/info:")
        self.nav = st.container()
        if self.deck.claim(self.chapter.title):
            with st.container(key="lecture_card"):
                st.caption(t(lang, "nav.chapter_number", n=chapter_number(self.id)))
                st.title(self.chapter.title, anchor="top")
                st.markdown(f"*{self.chapter.summary}*")
                st.markdown("\n".join(f"- {o}" for o in self.chapter.objectives))
            self._notes(self.chapter.teaching_notes, "chapter.teaching_notes")

    def _notes(self, text: str, label_key: str = "lecture.notes") -> None:
        if text:
            with st.expander(t(self.lang, label_key)):
                st.markdown(text, unsafe_allow_html=True)

    def section(self, section_id: str) -> None:
        section = self.chapter.section(section_id)
        if not self.deck.claim(section.title):
            return
        lang, glossary = self.lang, content.glossary()
        other = "en" if lang == "zh" else "zh"
        sep = "：" if lang == "zh" else ": "
        terms = self.rendered.new_terms[section_id][:4]
        with st.container(key="lecture_card"):
            st.header(section.title, anchor=section_id)
            if terms:
                st.markdown("\n\n".join(
                    f'<span class="lecture-term">{render.bilingual(glossary[i][lang], glossary[i][other], lang)}'
                    f"</span>{sep}{glossary[i][f'def_{lang}']}" for i in terms), unsafe_allow_html=True)
            else:
                st.markdown(lecture.lead(self.bodies[section_id]), unsafe_allow_html=True)
        self._notes(self.bodies[section_id])

    def close(self) -> None:
        lang = self.lang
        for number, question in enumerate((quiz.load(self.id) or {}).get("choice", ()), 1):
            if self.deck.claim(t(lang, "lecture.question", n=number)):
                quiz.question_card(self.id, question, number, self.settings)
        count = len(self.deck.titles)
        if self.deck.current >= count:
            st.session_state[lecture.card_key(self.id)] = count - 1
            st.query_params["card"] = str(count)
            st.rerun()
        with self.nav:
            lecture.navigation(self.deck, lang)
        lecture.start(None)


class ToolPage:
    """A study tool (glossary, search, references): its title and a line on what it is for."""

    def __init__(self, tool: str, settings: Settings):
        self.id, self.settings, self.lang = tool, settings, settings.lang
        st.title(t(self.lang, f"tools.{tool}.title"), anchor="top")
        st.caption(t(self.lang, f"tools.{tool}.intro"))


def shell(page: str) -> HomePage | ChapterPage | ToolPage:
    """Draw the frame for `page` ("home", a chapter id or a tool id) and return it in the reader's language."""
    settings, rejected = read_settings()
    lang = settings.lang
    is_tool = content.is_tool(page)
    if page == "home":
        title = t(lang, "site.title")
    elif is_tool:
        title = t(lang, f"tools.{page}.title")
    else:
        title = content.load_chapter(page, lang).title
    _frame(settings, rejected, title, "" if page == "home" else page)
    lecture.start(None)
    if page == "home":
        return HomePage(settings)
    if is_tool:
        return ToolPage(page, settings)
    return LecturePage(page, settings) if settings.lecture else ChapterPage(page, settings)
