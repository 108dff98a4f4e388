"""The glossary as a reader uses it: which chapters use each term, and an index by initial.

Usage is computed from the `[[term]]` references in the published chapters (either language), never
written by hand. Chinese names are indexed by the pinyin initial of their first character (容忍区域 →
R), English names by their first letter.
"""
from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=4)
def _usage(_stamps: tuple) -> dict[str, tuple[str, ...]]:
    used: dict[str, list[str]] = {}
    for chapter_id in content.published_chapters():
        ids = set()
        for lang in content.LANGS:
            ids |= render.term_ids(content.chapter_path(chapter_id, lang).read_text(encoding="utf-8"))
        for term_id in ids:
            used.setdefault(term_id, []).append(chapter_id)
    return {term_id: tuple(chapters) for term_id, chapters in used.items()}


def usage() -> dict[str, tuple[str, ...]]:
    """Term id → the published chapters that use it, in course order."""
    stamps = tuple(content.modified(content.chapter_path(c, lang))
                   for c in content.published_chapters() for lang in content.LANGS)
    return _usage(stamps)


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
