"""Finding sections across both languages.

Chinese has no spaces between words, so matching is by substring on normalised text (NFKC, case-folded)
rather than by words, which is what breaks CJK search in most book tools. A section also answers to the
names and aliases of the glossary terms it uses, in both languages, so "ZOT", "容忍区" and "zone of
tolerance" find the same section. The index is built once per process from the content files.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import content, render

TITLE, TERM, PHRASE, WORD = 20, 12, 3, 1     # weights: title and term matches rank first
MAX_BODY_HITS = 5


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Doc:
    chapter: str
    section: str
    lang: str
    title: str
    text: str           # plain text of the section, terms and citations written out
    terms: tuple[tuple[str, ...], ...]   # per glossary term the section uses: its names and aliases, normalised


@dataclass(frozen=True)
class Hit:
    chapter: str
    section: str
    lang: str            # the language whose text matched best
    title: str
    snippet: tuple[str, str, str]   # before, match, after
    score: int


_MARKUP = re.compile(r"[*_`>#|]+|^\s*[-+]\s+|^\s*\d+\.\s+", re.M)


def plain_text(body: str, glossary: dict, references: dict, lang: str) -> str:
    """A section's Markdown as the reader sees it, without markup."""
    text = render.TERM.sub(lambda m: m.group(2) or glossary.get(m.group(1), {}).get(lang, m.group(1)), body)
    text = render.render_citations(text, references, lang)
    text = _MARKUP.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _names(term_ids: set[str], glossary: dict) -> tuple[tuple[str, ...], ...]:
    groups = []
    for term_id in sorted(term_ids):
        entry = glossary.get(term_id, {})
        names = (entry.get("zh", ""), entry.get("en", ""), *entry.get("aliases", ()))
        groups.append(tuple(sorted({normalise(n) for n in names if n}, key=len, reverse=True)))
    return tuple(groups)


@lru_cache(maxsize=2)
def _index(_stamps: tuple) -> tuple[Doc, ...]:
    glossary, references = content.glossary(), content.references()
    docs = []
    for chapter_id in content.published_chapters():
        chapters = {lang: content.load_chapter(chapter_id, lang) for lang in content.LANGS}
        for position, section in enumerate(chapters["zh"].sections):
            used = set().union(*(render.term_ids(chapters[lang].sections[position].body) for lang in content.LANGS))
            names = _names(used, glossary)
            for lang in content.LANGS:
                s = chapters[lang].sections[position]
                docs.append(Doc(chapter_id, s.id, lang, s.title,
                                plain_text(s.body, glossary, references, lang), names))
    return tuple(docs)


def index() -> tuple[Doc, ...]:
    stamps = tuple(content.modified(p) for p in [content.CONTENT / "glossary.toml", *(
        content.chapter_path(c, lang) for c in content.published_chapters() for lang in content.LANGS)])
    return _index(stamps)


def _score(doc: Doc, query: str, tokens: list[str]) -> tuple[int, int, int]:
    """(score, where the best body match starts, its length); score 0 when some token is missing.

    A query that names a glossary term (by any name or alias) counts the term's other names in the
    body too, so "ZOT" ranks the section that explains the zone of tolerance first.
    """
    title, text = normalise(doc.title), normalise(doc.text)
    named = [group for group in doc.terms
             if any(query == name or (len(query) >= 2 and query in name) for name in group)]
    haystack = " ".join((title, text, *(name for group in doc.terms for name in group)))
    if not all(token in haystack for token in tokens):
        return 0, -1, 0
    score = TITLE if query in title else sum(TITLE // 4 for token in tokens if token in title)
    phrases = [query, *(name for group in named for name in group if name != query)]
    if named:
        score += TERM
    score += PHRASE * min(sum(text.count(p) for p in phrases), MAX_BODY_HITS)
    score += WORD * sum(min(text.count(token), MAX_BODY_HITS) for token in tokens)
    found = [(text.find(p), len(p)) for p in phrases if p in text]
    if not found:
        found = [(text.find(token), len(token)) for token in tokens if token in text]
    at, length = min(found) if found else (-1, 0)
    return score, at, length


def _snippet(text: str, at: int, length: int, width: int = 48) -> tuple[str, str, str]:
    if at < 0:
        return text[:width * 2] + ("…" if len(text) > width * 2 else ""), "", ""
    start, end = max(0, at - width), min(len(text), at + length + width)
    return (("…" if start else "") + text[start:at], text[at:at + length],
            text[at + length:end] + ("…" if end < len(text) else ""))


def search(query: str, lang: str, limit: int = 20) -> list[Hit]:
    """Sections matching `query` in either language, best first; each section once, titled in `lang`.

    Normalisation keeps offsets (NFKC of CJK and ASCII text does not change lengths here), so the
    snippet is cut from the original text at the normalised match position.
    """
    q = normalise(query).strip()
    if not q:
        return []
    tokens = q.split()
    matched: dict[tuple[str, str], dict[str, tuple[int, Doc, int, int]]] = {}
    for doc in index():
        score, at, length = _score(doc, q, tokens)
        if score:
            matched.setdefault((doc.chapter, doc.section), {})[doc.lang] = (score, doc, at, length)
    titles = {(d.chapter, d.section): d.title for d in index() if d.lang == lang}
    hits = []
    for key, by_lang in matched.items():
        # Show the reader's own language whenever it matches; rank by the better of the two.
        score = max(found[0] for found in by_lang.values())
        _, doc, at, length = by_lang.get(lang) or next(iter(by_lang.values()))
        hits.append(Hit(doc.chapter, doc.section, doc.lang, titles[key], _snippet(doc.text, at, length), score))
    return sorted(hits, key=lambda h: -h.score)[:limit]
