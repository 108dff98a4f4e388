"""Loading the book's content files: chapters, glossary, references, table of contents, UI strings.

Parsed files are cached per process and re-read when a file changes on disk. A file is looked at
(`stat`) at most once a second, so a rerun that reads dozens of strings costs no system calls, and an
edited file still shows on the next rerun.
"""
from __future__ import annotations

import os
import re
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PAGES = ROOT / "pages"
LANGS = ("zh", "en")

_FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n", re.S)
_SECTION = re.compile(r"^<!-- section: ([a-z0-9-]+) -->[ \t]*$", re.M)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    body: str


@dataclass(frozen=True)
class Chapter:
    id: str
    lang: str
    title: str
    summary: str
    objectives: tuple[str, ...]
    teaching_notes: str
    sections: tuple[Section, ...]
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def section(self, section_id: str) -> Section:
        try:
            return self._by_id[section_id]
        except KeyError:
            raise KeyError(f"chapter {self.id!r} ({self.lang}) has no section {section_id!r}") from None


@dataclass(frozen=True)
class Part:
    id: str
    title: dict[str, str]
    chapters: tuple[str, ...]


def chapter_path(chapter_id: str, lang: str) -> Path:
    return CONTENT / lang / f"{chapter_id}.md"


def page_path(chapter_id: str) -> Path:
    return PAGES / f"{chapter_id}.py"


def parse_chapter(text: str, chapter_id: str, lang: str) -> Chapter:
    """Split a chapter file into its TOML front matter and its marked sections."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{lang}/{chapter_id}.md: missing +++ front matter")
    meta = tomllib.loads(match.group(1))
    body = text[match.end():]
    markers = list(_SECTION.finditer(body))
    sections = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(body)
        chunk = body[marker.end():end].strip()
        heading, _, rest = chunk.partition("\n")
        if not heading.startswith("## "):
            raise ValueError(f"{lang}/{chapter_id}.md: section {marker.group(1)!r} must open with a '## ' heading")
        sections.append(Section(marker.group(1), heading[3:].strip(), rest.strip()))
    return Chapter(
        id=chapter_id, lang=lang, title=meta["title"], summary=meta.get("summary", ""),
        objectives=tuple(meta.get("objectives", ())), teaching_notes=meta.get("teaching_notes", "").strip(),
        sections=tuple(sections), _by_id={s.id: s for s in sections})


_STAT_EVERY = 1.0                      # seconds between two looks at the same file
_seen: dict[Path, tuple[float, float]] = {}   # path -> (when looked at, modification time)


def modified(path: Path) -> float:
    """The file's modification time, looked up at most once a second."""
    now = time.monotonic()
    looked = _seen.get(path)
    if looked is None or now - looked[0] >= _STAT_EVERY:
        looked = (now, os.stat(path).st_mtime)
        _seen[path] = looked
    return looked[1]


@lru_cache(maxsize=64)
def _chapter(chapter_id: str, lang: str, _stamp: float) -> Chapter:
    return parse_chapter(chapter_path(chapter_id, lang).read_text(encoding="utf-8"), chapter_id, lang)


def load_chapter(chapter_id: str, lang: str) -> Chapter:
    path = chapter_path(chapter_id, lang)
    return _chapter(chapter_id, lang, modified(path))


@lru_cache(maxsize=16)
def _toml(name: str, _stamp: float) -> dict:
    with open(CONTENT / name, "rb") as f:
        return tomllib.load(f)


def load_toml(name: str) -> dict:
    return _toml(name, modified(CONTENT / name))


def glossary() -> dict[str, dict]:
    return load_toml("glossary.toml")


def references() -> dict[str, dict]:
    return load_toml("references.toml")


def parts() -> tuple[Part, ...]:
    """The course's parts with only the chapters whose content and page both exist, in course order."""
    result = []
    for part in load_toml("toc.toml")["part"]:
        ready = tuple(c for c in part["chapters"] if is_published(c))
        if ready:
            result.append(Part(part["id"], {lang: part[lang] for lang in LANGS}, ready))
    return tuple(result)


def is_published(chapter_id: str) -> bool:
    return page_path(chapter_id).exists() and all(chapter_path(chapter_id, lang).exists() for lang in LANGS)


TOOL_GROUPS = ("tools", "labs", "classroom")   # study tools, data labs, live class: listed after the chapters


def tools(group: str = "tools") -> tuple[str, ...]:
    """The tool pages of `group` (see TOOL_GROUPS) that exist, in their listed order."""
    return tuple(tool for tool in load_toml("toc.toml").get(group, ()) if page_path(tool).exists())


def is_tool(page: str) -> bool:
    toc = load_toml("toc.toml")
    return any(page in toc.get(group, ()) for group in TOOL_GROUPS)


def published_chapters() -> tuple[str, ...]:
    return tuple(c for part in parts() for c in part.chapters)


@lru_cache(maxsize=8)
def _mentions(extract: Callable[[str], set[str]], _stamps: tuple) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for chapter_id in published_chapters():
        ids = set().union(*(extract(chapter_path(chapter_id, lang).read_text(encoding="utf-8")) for lang in LANGS))
        for item in ids:
            found.setdefault(item, []).append(chapter_id)
    return {item: tuple(chapters) for item, chapters in found.items()}


def chapters_mentioning(extract: Callable[[str], set[str]]) -> dict[str, tuple[str, ...]]:
    """Item → the published chapters (in course order) whose text in either language contains it, for an
    `extract` that lists the items in a chapter's text (glossary terms, citation keys)."""
    stamps = tuple(modified(chapter_path(c, lang)) for c in published_chapters() for lang in LANGS)
    return _mentions(extract, stamps)
