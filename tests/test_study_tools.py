"""Study tools: the glossary's usage index, search across languages and aliases, references, handouts."""
from __future__ import annotations

import html.parser
import re

import pytest

from book import content, glossary, handout, render, search
from book.shell import CITE_KEY, rendered_chapter
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


def _glossary_entries(at) -> list[tuple[str, str]]:
    """(heading, whole entry) for every glossary entry the page shows, the looked-up one first."""
    page = "".join(h.value for h in at.html)
    return re.findall(r'<div class="glossary-entry"><h3 id="term-[a-z0-9-]+">(.*?)</h3>(.*?)</div>', page)


def test_glossary_page_opens_at_a_looked_up_term_and_filters():
    at = open_page("pages/glossary.py", lang="en", term="zone-of-tolerance")
    entries = _glossary_entries(at)
    assert entries[0][0] == "zone of tolerance · 容忍区域"
    assert len(entries) == len(content.glossary()) + 1        # every term, and the looked-up one above them
    at.selectbox(key="gl_chapter").set_value("tolerance").run()
    assert 1 < len(_glossary_entries(at)) < len(entries)
    assert all("Used in" in body for _, body in _glossary_entries(at) if "Source" in body)
    assert '<a href="tolerance?lang=en" target="_self">3. Customer expectations' in "".join(
        body for _, body in _glossary_entries(at))


def test_search_page_links_results_to_their_sections_in_the_reader_s_language():
    at = open_page("pages/search.py", lang="en", q="ZOT")
    first = next(m.value for m in at.markdown if "<mark>" in m.value)
    assert 'href="tolerance?lang=en#zone"' in first and 'target="_self"' in first
    at = open_page("pages/search.py", q="<b>nothing</b> here")
    assert any("没有找到" in i.value and r"\<b\>" in i.value for i in at.info)


def _reference_entries(at) -> list[str]:
    return re.findall(r"<p>(.*?)</p>", "".join(h.value for h in at.html if "references" in h.value))


def test_references_page_switches_between_gbt_and_apa_and_names_citing_chapters():
    at = open_page("pages/references.py", lang="en")
    entries = [e for e in _reference_entries(at) if "Zeithaml" in e and "1993" in e]
    assert len(_reference_entries(at)) == len(content.references())
    assert entries and entries[0].startswith("Zeithaml, V. A., Berry, L. L., &amp; Parasuraman, A. (1993).")
    assert "<em>Journal of the Academy of Marketing Science</em>" in entries[0]
    assert '<a href="https://doi.org/10.1177/0092070393211001">https://doi.org/10.1177/0092070393211001</a>' \
        in entries[0]
    assert "Cited in" in entries[0] and 'href="tolerance?lang=en"' in entries[0]
    button_group(at, "ref_style").set_value("gbt").run()
    assert any(e.startswith("ZEITHAML V A, BERRY L L, PARASURAMAN A.") for e in _reference_entries(at))
    zh = open_page("pages/references.py")
    assert any(e.startswith("ZEITHAML V A") for e in _reference_entries(zh)), "Chinese readers get GB/T 7714 first"


def test_chapter_terms_link_to_their_glossary_entry_with_the_reader_s_settings():
    at = open_page("pages/tolerance.py", lang="en", size="large")
    body = "".join(h.value for h in at.html)        # the sections arrive as HTML
    assert re.search(r'href="glossary\?lang=en&amp;size=large&amp;term=zone-of-tolerance#term-zone-of-tolerance"', body)


QUIZ_CHAPTERS = [c for c in content.published_chapters() if (content.CONTENT / "quizzes" / f"{c}.toml").exists()]


@pytest.mark.parametrize("chapter_id", QUIZ_CHAPTERS)
def test_quiz_files_have_six_questions_feedback_for_every_option_and_every_practice_format(chapter_id):
    from book import quiz
    data = quiz.load(chapter_id)
    assert len(data["choice"]) >= 6
    ids = [q["id"] for q in data["choice"]] + [p["id"] for p in data["practice"]]
    assert len(ids) == len(set(ids))
    for q in data["choice"]:
        assert q["zh"] and q["en"] and q["answer"] in {o["id"] for o in q["options"]}
        assert len(q["options"]) >= 3
        for o in q["options"]:
            assert o["zh"] and o["en"] and o["why_zh"] and o["why_en"], (q["id"], o["id"])
    assert {p["format"] for p in data["practice"]} == set(quiz.FORMATS)
    for p in data["practice"]:
        assert p["zh"] and p["en"] and p["outline_zh"] and p["outline_en"]


def test_quiz_score_counts_right_answers_only():
    from book import quiz
    questions = [{"id": "a", "answer": "x"}, {"id": "b", "answer": "y"}, {"id": "c", "answer": "z"}]
    assert quiz.score(questions, {"a": "x", "b": "n", "c": None}) == 1


@pytest.mark.skipif(not QUIZ_CHAPTERS, reason="no chapter has a quiz yet")
def test_self_check_scores_explains_every_answer_and_retries():
    from book import quiz
    chapter_id = QUIZ_CHAPTERS[0]
    questions = quiz.load(chapter_id)["choice"]
    at = open_page(f"pages/{chapter_id}.py", lang="en")
    assert not [r for r in at.radio if r.key.startswith("quiz_")], "questions are drawn only on request"
    at.button(key=f"quiz_started_{chapter_id}_button").click().run()
    assert len([r for r in at.radio if r.key.startswith(f"quiz_{chapter_id}_0_")]) == len(questions)
    first, second = questions[0], questions[1]
    wrong = next(o for o in first["options"] if o["id"] != first["answer"])
    right = next(o for o in second["options"] if o["id"] == second["answer"])
    # AppTest knows a radio's options by their shown labels
    at.radio(key=f"quiz_{chapter_id}_0_{first['id']}").set_value(wrong["en"])
    at.radio(key=f"quiz_{chapter_id}_0_{second['id']}").set_value(right["en"])
    next(b for b in at.button if b.label == "Check answers").click().run()
    assert any(h.value == f"Score: 1 / {len(questions)}" for h in at.subheader)
    assert any(wrong["why_en"] in e.value for e in at.error), "a wrong answer names its misconception"
    assert any(right["why_en"] in s.value for s in at.success)
    assert sum("was left blank" in w.value for w in at.warning) == len(questions) - 2
    next(b for b in at.button if b.label == "Try again").click().run()
    assert at.radio(key=f"quiz_{chapter_id}_1_{first['id']}").value is None
    assert not any(h.value.startswith("Score:") for h in at.subheader)


@pytest.mark.skipif(not QUIZ_CHAPTERS, reason="no chapter has a quiz yet")
def test_practice_outline_opens_only_after_an_attempt_or_declining():
    from book import quiz
    chapter_id = QUIZ_CHAPTERS[0]
    items = quiz.load(chapter_id)["practice"]
    at = open_page(f"pages/{chapter_id}.py", lang="zh")
    outline_shown = lambda item: any(item["outline_zh"].strip()[:30] in m.value for m in at.markdown)  # noqa: E731
    assert not at.text_area, "practice questions are drawn only on request"
    at.button(key=f"practice_started_{chapter_id}_button").click().run()
    assert len(at.text_area) == len(items)
    assert not any(outline_shown(item) for item in items)
    first, second = items[0]["id"], items[1]["id"]
    submit = at.button(key=f"practice_shown_{chapter_id}_{first}_submit")
    assert submit.disabled, "nothing written yet"
    at.text_area(key=f"practice_{chapter_id}_{first}").input("我的答案").run()
    at.button(key=f"practice_shown_{chapter_id}_{first}_submit").click().run()
    assert outline_shown(items[0]) and not outline_shown(items[1])
    at.button(key=f"practice_shown_{chapter_id}_{second}_decline").click().run()
    assert outline_shown(items[1])


def test_every_chapter_offers_a_citation_of_itself_in_both_styles():
    at = open_page("pages/tolerance.py", lang="en")
    assert not [c for c in at.code if "[EB/OL]" in c.value]     # drawn only when the reader opens the box
    at.session_state[CITE_KEY] = True      # what opening the expander does
    codes = [c.value for c in at.run().code]
    gbt = next(c for c in codes if "[EB/OL]" in c)
    apa = next(c for c in codes if "Retrieved" in c)
    assert gbt.startswith("Service Management Textbook Team. 3. Customer expectations and the zone of tolerance[EB/OL].")
    assert "tolerance?lang=en" in gbt and "tolerance?lang=en" in apa
    assert apa.startswith("Service Management Textbook Team (") and "Service Management: An Interactive Textbook." in apa


def test_a_chapter_lists_the_works_it_cites_with_their_doi_as_links():
    at = open_page("pages/tolerance.py", lang="en")
    listed = next(h.value for h in at.html if h.value.startswith('<div class="prose reference-list">'))
    items = re.findall(r"<li>(.*?)</li>", listed, re.S)
    assert len(items) == len(rendered_chapter("tolerance", "en").references) >= 3
    assert any(i.startswith("Zeithaml, V. A., Berry, L. L., &amp; Parasuraman, A. (1993).") for i in items)
    assert '<a href="https://doi.org/10.1177/0092070393211001">' in listed
