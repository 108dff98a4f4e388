"""Lecture mode: every chapter as cards, the card in the URL, keys and notes."""
from __future__ import annotations

import pytest

from book import content, quiz
from helpers import open_page, open_share


def _progress(at) -> str:
    return at.get("progress")[0].proto.text


def _expected_cards(chapter_id: str, lang: str) -> int:
    sections = len(content.load_chapter(chapter_id, lang).sections)
    questions = len((quiz.load(chapter_id) or {}).get("choice", ()))
    return 1 + sections + questions          # plus the exhibits, counted on the way


@pytest.mark.parametrize("lang", content.LANGS)
@pytest.mark.parametrize("chapter_id", content.published_chapters())
def test_every_chapter_runs_through_all_its_cards(chapter_id, lang):
    at = open_page(f"pages/{chapter_id}.py", lang=lang, mode="lecture")
    first = _progress(at)
    total = int(first.split("/")[1].split()[0]) if lang == "zh" else int(first.split(" of ")[1].split()[0])
    assert total >= _expected_cards(chapter_id, lang)
    seen_titles, charts_seen = [], 0
    for number in range(1, total + 1):
        assert not at.exception, [e.message for e in at.exception]
        assert at.query_params.get("card", "1") == str(number)
        seen_titles.append(_progress(at))
        charts_seen += len(at.get("vega_lite_chart"))
        assert len(at.header) + len(at.title) + len(at.subheader) >= 1, f"card {number} shows nothing"
        if number < total:
            at.button(key="lecture_next").click().run()
    assert at.button(key="lecture_next").disabled, "the last card has no next"
    assert len(set(seen_titles)) == total
    assert charts_seen >= 1, "exhibits appear as cards"


def test_the_url_opens_at_a_card_and_previous_goes_back():
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card="3")
    assert _progress(at).startswith("Card 3 of")
    assert at.header[0].value == content.load_chapter("tolerance", "en").sections[1].title
    at.button(key="lecture_previous").click().run()
    assert _progress(at).startswith("Card 2 of") and at.query_params["card"] == "2"


def test_a_section_card_shows_key_definitions_with_the_prose_as_notes():
    at = open_page("pages/tolerance.py", lang="zh", mode="lecture", card="2")     # the opening section
    card = "".join(m.value for m in at.markdown)
    assert "客户期望（customer expectations）" in card and "lecture-term" in card
    notes = [e for e in at.expander if e.label.startswith("讲稿")]
    assert notes and notes[0].markdown, "the section's text is folded under the card"


def test_an_exhibit_card_works_like_the_exhibit():
    chapter = content.load_chapter("tolerance", "en")
    card = 1 + [s.id for s in chapter.sections].index("dimensions") + 2     # the exhibit after "dimensions"
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card=str(card))
    assert len(at.get("vega_lite_chart")) == 1
    at.slider(key="zot_perceived_reliability").set_value(8.0).run()
    assert any(m.label.startswith("MSA") and m.value == "+1.0" for m in at.metric)


def test_a_question_card_reveals_the_answer_on_demand():
    questions = quiz.load("tolerance")["choice"]
    chapter = content.load_chapter("tolerance", "en")
    card = 1 + len(chapter.sections) + 2 + 1                 # the first question, after the two exhibits
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card=str(card))
    assert questions[0]["en"] in "".join(m.value for m in at.markdown)
    assert not at.success
    next(b for b in at.button if b.label == "Show the answer").click().run()
    right = next(o for o in questions[0]["options"] if o["id"] == questions[0]["answer"])
    assert right["why_en"] in at.success[0].value


@pytest.mark.parametrize("card", ["0", "-2", "abc", "9999999", "<b>"])
def test_a_bad_card_number_starts_the_lecture_safely(card):
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card=card)
    assert not at.exception
    progress = _progress(at)
    if card == "9999999":
        assert progress.startswith("Card 1 of") or " of " in progress
    else:
        assert progress.startswith("Card 1 of")
        assert any("not a card number" in w.value for w in at.warning)


def test_a_card_beyond_the_end_opens_the_last_card():
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card="500")
    progress = _progress(at)
    total = progress.split(" of ")[1].split()[0]
    assert progress.startswith(f"Card {total} of {total}")


def test_share_this_view_gives_the_exact_view_as_a_link_and_a_qr_code():
    from book import share
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card="3")
    assert not at.code and not at.get("image"), "a closed popover draws nothing"
    link = next(c.value for c in open_share(at).code if "card=" in c.value)
    assert link == "/tolerance?lang=en&mode=lecture&card=3"
    assert len(at.get("image")) == 1                                       # the QR code
    png = share.qr_png("https://example.edu/tolerance?lang=en&mode=lecture&card=3")
    assert png.startswith(b"\x89PNG") and len(png) > 200
    assert share.view_url("https://example.edu/anything?x=1", "book/", "tolerance",
                          {"lang": ["en"], "zot_band": ["6.0", "7.5"]}) == \
        "https://example.edu/book/tolerance?lang=en&zot_band=6.0&zot_band=7.5"


def test_a_link_too_long_for_a_qr_code_is_still_shared():
    from book import share
    assert share.qr_png("https://example.edu/?" + "x" * 5000) is None
    at = open_share(open_page("pages/tolerance.py", lang="en", r="x" * 3000))
    assert any("too long for a QR code" in i.value for i in at.info)
    assert any("x" * 3000 in c.value for c in at.code)
