"""Study tools: the glossary's usage index, search across languages and aliases, references, handouts."""
from __future__ import annotations

import html.parser
import re

import pytest

from book import content, glossary, handout, render, search
from helpers import button_group, open_page


def test_usage_index_is_computed_from_the_chapters_term_references():
    used = glossary.usage()
    for chapter_id in content.published_chapters():
        text = "".join(content.chapter_path(chapter_id, lang).read_text(encoding="utf-8") for lang in content.LANGS)
        for term_id in render.term_ids(text):
            assert chapter_id in used[term_id]
    assert "tolerance" in used["zone-of-tolerance"]
    assert all(set(chapters) <= set(content.published_chapters()) for chapters in used.values())


@pytest.mark.parametrize(("name", "letter"), [("容忍区域", "R"), ("顾客惊喜", "G"), ("zone of tolerance", "Z"),
                                              ("RATER 模型", "R"), ("服务质量", "F"), ("1–9", "#")])
def test_initials_use_pinyin_for_chinese_and_the_letter_for_english(name, letter):
    assert glossary.initial(name) == letter


def test_glossary_filters_by_chapter_and_letter():
    every = glossary.entries("zh")
    assert len(every) == len(content.glossary())
    by_chapter = glossary.entries("zh", chapter="tolerance")
    assert 0 < len(by_chapter) < len(every) and ("zone-of-tolerance", content.glossary()["zone-of-tolerance"]) in by_chapter
    r_terms = glossary.entries("zh", letter="R")
    assert r_terms and all(glossary.initial(e["zh"]) == "R" for _, e in r_terms)
    names = [e["zh"] for _, e in every]
    assert names.index("保证性") < names.index("容忍区域") < names.index("移情性"), "Chinese names sort by pinyin"


@pytest.mark.parametrize(("query", "lang"), [("容忍区", "zh"), ("zone of tolerance", "en"), ("ZOT", "en"),
                                             ("zot", "zh"), ("tolerance zone", "en")])
def test_chinese_english_and_alias_queries_find_the_zone_section_first(query, lang):
    hits = search.search(query, lang)
    assert (hits[0].chapter, hits[0].section) == ("tolerance", "zone"), hits[:3]


def test_a_query_found_only_in_the_other_language_still_finds_the_section():
    hits = search.search("容忍区域", "en")          # Chinese words, English reader
    assert (hits[0].chapter, hits[0].section) == ("tolerance", "zone")
    zone_title = content.load_chapter("tolerance", "en").section("zone").title
    assert hits[0].title == zone_title, "the result is titled in the reader's language"
    chinese_only = search.search("值得排队", "en")     # a phrase of the Chinese text only, no term
    assert chinese_only and chinese_only[0].lang == "zh" and chinese_only[0].snippet[1] == "值得排队"


def test_snippet_highlights_the_match_and_nonsense_finds_nothing():
    hit = search.search("MSA", "zh")[0]
    assert hit.snippet[1].lower() in ("msa", "服务充分性测量") and hit.section == "measures"
    assert search.search("xyzzy-no-such-thing", "zh") == [] and search.search("   ", "en") == []


def test_titles_rank_before_body_mentions():
    hits = search.search("容忍区域", "zh")
    titled = [h for h in hits if "容忍区域" in h.title]
    assert titled and hits[0] in titled


WEB = {"type": "web", "year": 2026, "title": "第3章 客户期望与容忍区域", "venue": "服务管理互动教科书",
       "url": "https://example.edu/tolerance", "accessed": "2026-11-22", "authors": [{"family": "服务管理互动教科书编写组"}]}


def test_gbt7714_and_apa_for_a_web_page():
    assert render.gbt7714(WEB) == ("服务管理互动教科书编写组. 第3章 客户期望与容忍区域[EB/OL]. (2026)[2026-11-22]. "
                                   "https://example.edu/tolerance.")
    assert render.apa(WEB) == ("服务管理互动教科书编写组 (2026). *第3章 客户期望与容忍区域*. 服务管理互动教科书. "
                               "Retrieved November 22, 2026, from https://example.edu/tolerance")


class _Outline(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.headings, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("h1", "h2", "h3") and data.strip():
            self.headings.append(data.strip())


@pytest.mark.parametrize("lang", content.LANGS)
@pytest.mark.parametrize("chapter_id", content.published_chapters())
def test_handout_is_well_formed_html_with_every_section(chapter_id, lang):
    page = handout.build(chapter_id, lang)
    parser = _Outline()
    parser.feed(page)
    assert parser.stack == [], "every element is closed"
    chapter = content.load_chapter(chapter_id, lang)
    assert [s.title for s in chapter.sections] == [h for h in parser.headings if h in {s.title for s in chapter.sections}]
    assert chapter.title in parser.headings and "@page { size: A4" in page
    assert "[[" not in page and "[@" not in page, "terms and citations are written out"


def test_tolerance_handout_carries_the_exhibits_default_data():
    page = handout.build("tolerance", "en")
    assert "<td>Reliability</td>" in page and "<td>-0.2</td>" in page
    assert "Key terms" in page and "zone of tolerance（容忍区域）" in page


def test_glossary_page_opens_at_a_looked_up_term_and_filters():
    at = open_page("pages/glossary.py", lang="en", term="zone-of-tolerance")
    assert at.subheader[0].value == "zone of tolerance · 容忍区域"
    total = len(at.subheader)
    at.selectbox(key="gl_chapter").set_value("tolerance").run()
    assert 1 < len(at.subheader) < total
    assert all("Used in" in m.value for m in at.markdown if "Source" in m.value)


def test_search_page_links_results_to_their_sections_in_the_reader_s_language():
    at = open_page("pages/search.py", lang="en", q="ZOT")
    first = next(m.value for m in at.markdown if "<mark>" in m.value)
    assert 'href="tolerance?lang=en#zone"' in first and 'target="_self"' in first
    at = open_page("pages/search.py", q="<b>nothing</b> here")
    assert any("没有找到" in i.value and r"\<b\>" in i.value for i in at.info)


def test_references_page_switches_between_gbt_and_apa_and_names_citing_chapters():
    at = open_page("pages/references.py", lang="en")
    entries = [m.value for m in at.markdown if "Zeithaml" in m.value and "1993" in m.value]
    assert entries and entries[0].startswith("Zeithaml, V. A., Berry, L. L., & Parasuraman, A. (1993).")
    assert "Cited in" in entries[0] and 'href="tolerance?lang=en"' in entries[0]
    button_group(at, "ref_style").set_value("gbt").run()
    assert any(m.value.startswith("ZEITHAML V A, BERRY L L, PARASURAMAN A.") for m in at.markdown)
    zh = open_page("pages/references.py")
    assert any(m.value.startswith("ZEITHAML V A") for m in zh.markdown), "Chinese readers get GB/T 7714 first"


def test_chapter_terms_link_to_their_glossary_entry_with_the_reader_s_settings():
    at = open_page("pages/tolerance.py", lang="en", size="large")
    body = "".join(m.value for m in at.markdown)
    assert re.search(r'href="glossary\?lang=en&amp;size=large&amp;term=zone-of-tolerance#term-zone-of-tolerance"', body)
