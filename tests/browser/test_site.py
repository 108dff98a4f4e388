"""The site in a real browser: deep links, navigation, language switch, glossary terms, sliders."""
from __future__ import annotations

import re

from .conftest import SCREENSHOTS

EN_TITLE = "Customer expectations and the zone of tolerance"
ZH_TITLE = "客户期望与容忍区域"


def _h1(reader) -> str:
    return reader.page.locator("h1").first.inner_text().strip()


def _charts_drawn(reader) -> int:
    return sum(chart["drawn"] for chart in reader.charts())


def test_a_deep_link_as_the_first_request_after_start_shows_the_page_in_english(browser, fresh_server, reader):
    r = reader()
    r.open(fresh_server.url + "/tolerance?lang=en")
    body = r.page.inner_text("body")
    assert "Page not found" not in body
    assert _h1(r) == EN_TITLE
    nav = r.page.get_by_test_id("stSidebar")
    assert nav.get_by_text("Home", exact=True).count() == 1
    assert nav.get_by_text("3. " + EN_TITLE).count() == 1
    assert nav.get_by_text("Part 2 · Expectations, quality and satisfaction").count() == 1
    assert _charts_drawn(r) == 2
    r.shot("deep-link-first-visit-en")
    nav.get_by_text("Home", exact=True).click()
    r.wait()
    assert re.search(r"/\?lang=en$", r.page.url), r.page.url
    assert _h1(r) == "Service Management: An Interactive Textbook"
    r.page.get_by_test_id("stMain").get_by_text("3. " + EN_TITLE).click()
    r.wait()
    assert r.page.url.endswith("/tolerance?lang=en") and _h1(r) == EN_TITLE
    assert r.console_errors == []


def test_switching_language_keeps_the_reader_on_the_page(browser, server, reader):
    r = reader()
    r.open(server.url + "/tolerance")
    assert _h1(r) == ZH_TITLE
    r.page.locator(".st-key-topbar").get_by_text("English", exact=True).click()
    r.wait()
    assert _h1(r) == EN_TITLE
    assert r.page.url.endswith("/tolerance?lang=en")
    r.page.locator(".st-key-topbar").get_by_text("中文", exact=True).click()
    r.wait()
    assert _h1(r) == ZH_TITLE and r.page.url.endswith("/tolerance")
    assert r.console_errors == []


def test_a_glossary_term_shows_its_definition_on_focus_as_a_tap_would(browser, server, reader):
    r = reader(width=390, height=844)
    r.open(server.url + "/tolerance?lang=en")
    term = r.page.locator('.term[data-term="zone-of-tolerance"]').first
    definition = term.locator(".term-def")
    assert not definition.is_visible()
    term.focus()
    assert definition.is_visible()
    assert "desired" in definition.inner_text() and "容忍区域" in definition.inner_text()
    r.shot("glossary-term-open-390")


def test_the_perceived_slider_moves_with_the_keyboard_and_updates_msa(browser, server, reader):
    r = reader()
    r.open(server.url + "/tolerance?lang=en")
    msa = r.page.get_by_test_id("stMetric").filter(has_text="MSA").get_by_test_id("stMetricValue")
    assert msa.inner_text() == "-0.2"
    first = r.charts()[0]
    assert first["kind"] == "static"                 # as the page first drew it
    before = first["texts"]
    assert before.count("6.8") == 2              # reliability and tangibles share the score
    thumb = r.page.get_by_role("slider", name=re.compile("Perceived service"))
    thumb.focus()
    r.page.keyboard.press("ArrowRight")
    r.page.keyboard.press("ArrowRight")
    r.wait()
    assert msa.inner_text() == "+0.0"
    assert "within the zone" in r.page.get_by_test_id("stAlert").first.inner_text()
    r.page.get_by_test_id("stVegaLiteChart").first.locator("svg .mark-text").first.wait_for()
    stand_in = r.page.locator(".until-live")                # the SVG that held the chart's place meanwhile
    assert stand_in.count() == 1 and not stand_in.is_visible()
    first = r.charts()[0]
    assert first["kind"] == "live", "the exhibit's own rerun draws the live chart"
    after = first["texts"]
    assert after.count("6.8") == 1 and after.count("7.0") == before.count("7.0") + 1, (before, after)
    assert _charts_drawn(r) == 2
    assert r.console_errors == []


def test_phone_width_has_the_language_switch_on_the_page_and_large_text_is_larger(browser, server, reader):
    r = reader(width=390, height=844)
    r.open(server.url + "/tolerance?lang=en")
    assert r.page.locator(".st-key-topbar").get_by_text("English", exact=True).is_visible()
    assert not r.page.get_by_test_id("stSidebar").get_by_text("Home", exact=True).is_visible()
    paragraph = r.page.locator("[data-testid='stMarkdownContainer'] p").first
    normal = float(paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))
    r.shot("tolerance-en-390")
    r.open(server.url + "/tolerance?lang=en&size=large")
    large = float(r.page.locator("[data-testid='stMarkdownContainer'] p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"))
    assert large >= normal * 1.2, (normal, large)
    r.shot("tolerance-en-large-390")
    assert r.console_errors == []


def test_an_unknown_url_value_gets_a_notice_not_an_error(browser, server, reader):
    r = reader()
    r.open(server.url + "/tolerance?lang=fr&size=huge")
    body = r.page.inner_text("body")
    assert "“fr”无法识别" in body and "“huge”无法识别" in body
    assert _h1(r) == ZH_TITLE and r.page.get_by_test_id("stException").count() == 0


def _card(reader) -> str:
    return reader.page.get_by_test_id("stProgress").inner_text()


def test_lecture_mode_is_projector_sized_and_moves_with_arrow_keys_and_a_clicker(browser, server, reader):
    for width, height in ((1920, 1080), (1024, 768)):
        r = reader(width=width, height=height)
        r.open(f"{server.url}/tolerance?lang=en&mode=lecture&card=2")
        assert _card(r).startswith("Card 2 of")
        paragraph = r.page.locator(".st-key-lecture_card [data-testid='stMarkdownContainer'] p").first
        size = float(paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))
        assert size >= 28, f"body text is {size}px at {width}×{height}"
        assert not r.page.get_by_test_id("stSidebar").get_by_text("Home", exact=True).is_visible()
        r.shot(f"lecture-en-{width}x{height}")
    r.page.keyboard.press("ArrowRight")
    r.wait()
    assert _card(r).startswith("Card 3 of") and r.page.url.endswith("card=3")
    r.page.keyboard.press("PageDown")
    r.wait()
    assert _card(r).startswith("Card 4 of")
    r.page.keyboard.press("PageUp")
    r.wait()
    r.page.keyboard.press("ArrowLeft")
    r.wait()
    assert _card(r).startswith("Card 2 of")
    assert r.console_errors == []


STATE_LINK = ("/tolerance?lang=en&zot_dim=Tangibles&zot_band_tangibles=5.0&zot_band_tangibles=8.0"
              "&zot_perceived_tangibles=4.5")
CONTRAST = {"#EE7733", "#0077BB", "#117733", "#004488", "#BB5566", "#882255"}
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"}


def _chart_colours(reader) -> set[str]:
    colours = reader.page.locator("[data-testid='stVegaLiteChart'] svg").evaluate_all(
        "svgs => svgs.flatMap(s => [...s.querySelectorAll('[fill],[stroke]')]"
        ".flatMap(e => [e.getAttribute('fill'), e.getAttribute('stroke')]))")
    return {c.upper() for c in colours if c and c.startswith("#") and len(c) == 7}


def test_an_exhibit_link_opens_fresh_in_its_state_and_follows_the_reader(browser, fresh_server, reader):
    r = reader()
    r.open(fresh_server.url + STATE_LINK)
    metric = r.page.get_by_test_id("stMetric")
    assert metric.filter(has_text="MSA").get_by_test_id("stMetricValue").inner_text() == "-0.5"
    assert metric.filter(has_text="MSS").get_by_test_id("stMetricValue").inner_text() == "-3.5"
    thumb = r.page.get_by_role("slider", name=re.compile("Perceived service"))
    r.shot("url-state-tolerance-en")
    assert thumb.input_value() == "4.5"
    thumb.focus()
    r.page.keyboard.press("ArrowRight")
    r.wait()
    assert "zot_perceived_tangibles=4.6" in r.page.url and "zot_dim=Tangibles" in r.page.url, r.page.url
    assert metric.filter(has_text="MSA").get_by_test_id("stMetricValue").inner_text() == "-0.4"
    r.page.get_by_text("Share this view").click()
    r.wait()
    link = r.page.get_by_test_id("stPopoverBody").locator("code").first
    link.wait_for()
    assert "zot_perceived_tangibles=4.6" in link.text_content() and "zot_dim=Tangibles" in link.text_content()
    assert r.page.get_by_test_id("stPopoverBody").get_by_role("img").count() == 1        # the QR code
    r.page.reload()
    r.wait()
    assert r.page.get_by_role("slider", name=re.compile("Perceived service")).input_value() == "4.6"
    assert r.console_errors == []


def test_lecture_cards_in_the_projector_palette_keep_the_links_exhibit_state(browser, server, reader):
    links = {"tolerance": ("card=7&zot_perceived_reliability=5.0", "Perceived service", "5"),
             "satisfaction": ("card=9&ks_kano_fulfilment=0.5", "Fulfilment", "0.5")}
    for width, height in ((1920, 1080), (1024, 768)):
        for chapter, (state, slider, value) in links.items():
            r = reader(width=width, height=height)
            r.open(f"{server.url}/{chapter}?lang=en&mode=lecture&palette=contrast&{state}")
            assert r.page.get_by_role("slider", name=re.compile(slider)).input_value() == value
            assert r.page.get_by_test_id("stVegaLiteChart").count() >= 1
            colours = _chart_colours(r)
            assert colours & CONTRAST and not colours & OKABE_ITO, colours
            assert "palette=contrast" in r.page.url and state.split("&")[1] in r.page.url
            assert r.console_errors == []
            r.shot(f"lecture-contrast-{chapter}-{width}x{height}")
            r.shot_whole_page(SCREENSHOTS / f"lecture-contrast-{chapter}-{width}x{height}-whole.png")


def test_the_citation_box_draws_both_styles_when_opened(browser, server, reader):
    r = reader()
    r.open(server.url + "/tolerance?lang=en")
    assert r.page.locator("h2#zone").count() == 1          # a section's heading is its anchor
    codes = r.page.get_by_test_id("stCode")
    assert codes.filter(has_text="[EB/OL]").count() == 0          # not drawn until the reader asks
    r.page.get_by_test_id("stExpander").filter(has_text="Cite this chapter").locator("summary").click()
    codes.filter(has_text="[EB/OL]").first.wait_for(timeout=10000)
    assert "tolerance?lang=en" in codes.filter(has_text="[EB/OL]").first.inner_text()
    assert codes.filter(has_text="Retrieved").count() == 1
    r.shot("cite-box-open-en")
    assert r.console_errors == []
