"""The content tree: both languages in step, every term and citation defined, nothing left empty."""
import re
import tomllib

import pytest

from book import content, render
from book.i18n import _flatten

ZH = sorted(p.stem for p in (content.CONTENT / "zh").glob("*.md"))
GLOSSARY = content.glossary()
REFERENCES = content.references()


def _chapter(chapter_id, lang):
    return content.load_chapter(chapter_id, lang)


def test_every_chinese_file_has_an_english_twin_and_vice_versa():
    en = sorted(p.stem for p in (content.CONTENT / "en").glob("*.md"))
    assert ZH == en
    assert "tolerance" in ZH and "home" in ZH


@pytest.mark.parametrize("chapter_id", ZH)
def test_both_languages_have_the_same_sections_in_the_same_order(chapter_id):
    zh = [s.id for s in _chapter(chapter_id, "zh").sections]
    en = [s.id for s in _chapter(chapter_id, "en").sections]
    assert zh == en and zh, f"{chapter_id}: zh {zh} vs en {en}"


@pytest.mark.parametrize("lang", content.LANGS)
@pytest.mark.parametrize("chapter_id", ZH)
def test_no_section_is_empty_and_front_matter_is_complete(chapter_id, lang):
    chapter = _chapter(chapter_id, lang)
    assert chapter.title and chapter.summary
    for section in chapter.sections:
        assert section.title, f"{lang}/{chapter_id}#{section.id} has no title"
        assert len(section.body) > 40, f"{lang}/{chapter_id}#{section.id} is (nearly) empty"


@pytest.mark.parametrize("lang", content.LANGS)
@pytest.mark.parametrize("chapter_id", ZH)
def test_every_term_and_citation_used_is_defined(chapter_id, lang):
    text = content.chapter_path(chapter_id, lang).read_text(encoding="utf-8")
    assert render.term_ids(text) <= GLOSSARY.keys(), render.term_ids(text) - GLOSSARY.keys()
    assert render.citation_keys(text) <= REFERENCES.keys(), render.citation_keys(text) - REFERENCES.keys()


def test_a_published_chapter_uses_the_same_terms_and_citations_in_both_languages():
    for chapter_id in content.published_chapters():
        zh, en = (content.chapter_path(chapter_id, lang).read_text(encoding="utf-8") for lang in content.LANGS)
        assert render.term_ids(zh) == render.term_ids(en), chapter_id
        assert render.citation_keys(zh) == render.citation_keys(en), chapter_id


def test_no_placeholder_text_or_raw_html_in_chapters():
    for lang in content.LANGS:
        for path in (content.CONTENT / lang).glob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"TODO|FIXME|lorem ipsum|敬请期待|coming soon", text, re.I), path
            assert not re.search(r"<(?!!-- section)[a-zA-Z/]", text), f"raw HTML in {path}"


@pytest.mark.parametrize("term_id", sorted(GLOSSARY))
def test_glossary_entries_are_complete_and_sourced(term_id):
    entry = GLOSSARY[term_id]
    for field in ("zh", "en", "def_zh", "def_en", "source", "chapter"):
        assert entry.get(field), f"{term_id} lacks {field}"
    assert entry["source"] in REFERENCES
    assert re.search(r"[\u4e00-\u9fff]", entry["def_zh"]), f"{term_id}: def_zh is not Chinese"
    assert not re.search(r"[\u4e00-\u9fff]", entry["def_en"]), f"{term_id}: def_en contains Chinese"


def test_glossary_aliases_do_not_collide():
    owner = {}
    for term_id, entry in GLOSSARY.items():
        for name in [entry["zh"], entry["en"], *entry.get("aliases", [])]:
            key = name.lower()
            assert owner.setdefault(key, term_id) == term_id, f"{name!r} names both {owner[key]} and {term_id}"


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_references_have_what_both_citation_styles_need(key):
    ref = REFERENCES[key]
    assert ref["type"] in {"article", "book", "chapter"}
    assert ref["authors"] and all(a["family"] and a["given"] for a in ref["authors"])
    assert isinstance(ref["year"], int) and ref["title"] and ref["venue"]


def test_ui_strings_exist_in_both_languages():
    with open(content.CONTENT / "ui.toml", "rb") as f:
        ui = tomllib.load(f)
    zh, en = _flatten(ui["zh"]), _flatten(ui["en"])
    assert zh.keys() == en.keys(), zh.keys() ^ en.keys()
    assert all(v.strip() for v in [*zh.values(), *en.values()])


def test_toc_lists_each_chapter_once_and_only_published_ones_appear():
    toc = content.load_toml("toc.toml")["part"]
    listed = [c for part in toc for c in part["chapters"]]
    assert len(listed) == len(set(listed))
    published = content.published_chapters()
    assert "tolerance" in published
    assert all(content.page_path(c).exists() for c in published)
    page_files = {p.stem for p in content.PAGES.glob("*.py")}
    toc_file = content.load_toml("toc.toml")
    tools = {tool for group in content.TOOL_GROUPS for tool in toc_file.get(group, ())}
    assert page_files <= set(listed) | tools, f"pages not in toc.toml: {page_files - set(listed) - tools}"
    for group in content.TOOL_GROUPS:
        assert set(content.tools(group)) == set(toc_file.get(group, ())) & page_files
