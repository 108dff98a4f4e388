"""The glossary as a reader uses it: which chapters use each term, and an index by initial.

Usage is computed from the `[[term]]` references in the published chapters (either language), never
written by hand. Chinese names are indexed by the pinyin initial of their first character (容忍区域 →
R), English names by their first letter.
"""
from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from . import content, render


def initial(name: str) -> str:
    """The index letter of a term name: its first Latin letter, or its first character's pinyin initial."""
    first = name.strip()[:1]
    if first.isascii():
        return first.upper() if first.isalpha() else "#"
    letters = lazy_pinyin(first, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0][:1].upper() if letters and letters[0] else "#"


def sort_key(name: str) -> str:
    """Chinese names sort by pinyin, English ones alphabetically, in one A–Z order."""
    return " ".join(lazy_pinyin(name.lower(), errors="default"))


def usage() -> dict[str, tuple[str, ...]]:
    """Term id → the published chapters that use it, in course order."""
    return content.chapters_mentioning(render.term_ids)


def entries(lang: str, chapter: str | None = None, letter: str | None = None) -> list[tuple[str, dict]]:
    """(term id, entry) pairs in the reader's language order, optionally only one chapter's or one letter's."""
    used = usage()
    terms = [(term_id, entry) for term_id, entry in content.glossary().items()
             if (chapter is None or chapter in used.get(term_id, ()))
             and (letter is None or initial(entry[lang]) == letter)]
    return sorted(terms, key=lambda pair: sort_key(pair[1][lang]))


def letters(lang: str) -> list[str]:
    """The initials that at least one term has, A–Z."""
    return sorted({initial(entry[lang]) for entry in content.glossary().values()})
