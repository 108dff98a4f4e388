"""Lecture mode: a chapter presented as a sequence of cards from the same content as the book.

The page script runs as usual; in lecture mode each part it draws claims the next card in turn — the
title card, one card per section (its key definitions, with the section's prose folded beneath as the
lecturer's notes), one per exhibit (through `exhibit_frame`, so every chapter's exhibits join), and one
per self-check question — and only the current card is drawn. The card number lives in the URL
(`?mode=lecture&card=4`), so a link opens at that card.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import streamlit as st

from .i18n import t

DECK_KEY = "_lecture_deck"


@dataclass
class Deck:
    chapter: str
    current: int
    titles: list[str] = field(default_factory=list)

    def claim(self, title: str) -> bool:
        """Register the next card; True when it is the one to draw."""
        self.titles.append(title)
        return len(self.titles) - 1 == self.current


def start(deck: Deck | None) -> None:
    """Make `deck` the one this run's exhibits claim cards from (None outside lecture mode)."""
    st.session_state[DECK_KEY] = deck


def active() -> Deck | None:
    return st.session_state.get(DECK_KEY)


def card_key(chapter_id: str) -> str:
    return f"_lecture_card_{chapter_id}"


def requested_card(chapter_id: str) -> tuple[int, str | None]:
    """The card to show (0-based): the URL's `card` when it changed, else the session's. A value
    that is not a positive whole number falls back to the first card and is returned for a notice."""
    key, seen = card_key(chapter_id), card_key(chapter_id) + "_url"
    raw = st.query_params.get("card")
    rejected = None
    if raw is not None and raw != st.session_state.get(seen):
        st.session_state[seen] = raw
        number = int(raw) if raw.strip().isdigit() and len(raw.strip()) < 6 else 0
        if number >= 1:
            st.session_state[key] = number - 1
        else:
            st.session_state[key] = 0
            rejected = raw
    return st.session_state.get(key, 0), rejected


def go_to(chapter_id: str, index: int) -> None:
    """A navigation button's callback: move to card `index` and mirror it in the URL."""
    st.session_state[card_key(chapter_id)] = index
    st.session_state[card_key(chapter_id) + "_url"] = str(index + 1)
    st.query_params["card"] = str(index + 1)


def lead(body: str) -> str:
    """A section's opening paragraph, for a card whose section introduces no new term."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith("|")]
    return paragraphs[0] if paragraphs else body


def navigation(deck: Deck, lang: str) -> None:
    """Progress and previous/next buttons; arrow keys and a clicker's Page Up/Down work too."""
    here, count = deck.current, len(deck.titles)
    st.progress((here + 1) / count, text=t(lang, "lecture.progress", n=here + 1, total=count, title=deck.titles[here]))
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        st.button(t(lang, "lecture.previous"), key="lecture_previous", icon=":material/arrow_back:",
                  disabled=here == 0, shortcut="Left", on_click=go_to, args=(deck.chapter, max(here - 1, 0)))
        st.button(t(lang, "lecture.next"), key="lecture_next", icon=":material/arrow_forward:", icon_position="right",
                  disabled=here + 1 >= count, shortcut="Right", on_click=go_to,
                  args=(deck.chapter, min(here + 1, count - 1)))
    with st.container(key="lecture_keys_more"):
        st.button("PageUp", key="lecture_page_up", shortcut="PageUp", disabled=here == 0,
                  on_click=go_to, args=(deck.chapter, max(here - 1, 0)))
        st.button("PageDown", key="lecture_page_down", shortcut="PageDown", disabled=here + 1 >= count,
                  on_click=go_to, args=(deck.chapter, min(here + 1, count - 1)))
