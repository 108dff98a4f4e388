"""Every page through Streamlit's AppTest: both languages, the exhibits' numbers, bad URL values."""
from __future__ import annotations

import json

import pytest

from book import content
from helpers import PAGES, button_group, chart_rows, metric, open_page, sections, texts

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(page, lang):
    at = open_page(page, lang=lang)
    body = texts(at)
    if lang == "en":
        assert "Home" in [p.proto.label for p in at.get("page_link")]
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in at.header[0].value)
    else:
        assert "首页" in [p.proto.label for p in at.get("page_link")]
    assert body.strip()
    if page:
        chapter = content.load_chapter(page.removeprefix("pages/").removesuffix(".py"), lang)
        assert at.title[0].value == chapter.title
        assert [h.value for h in at.header][:len(chapter.sections)] == [s.title for s in chapter.sections]
        assert len(sections(at)) == len(chapter.sections) and all(text.strip() for text in sections(at))
        assert at.get("vega_lite_chart"), "a chapter page draws its exhibits' charts"


def test_home_lists_exactly_the_published_chapters_with_links_that_keep_the_language():
    at = open_page(lang="en")
    main = [p.proto for p in at.main.get("page_link")]
    labels = {p.label for p in main}
    expected = {f"{n}. {content.load_chapter(c, 'en').title}" for n, c in _numbered_published()}
    chapter_links = {label for label in labels if label[:1].isdigit()}
    assert chapter_links == expected, "the course map lists the published chapters and nothing else"
    assert all("lang=en" in p.query_string for p in main)


def _numbered_published():
    order = [c for part in content.load_toml("toc.toml")["part"] for c in part["chapters"]]
    return [(order.index(c) + 1, c) for c in content.published_chapters()]


def test_default_state_of_the_zone_exhibit_makes_its_point():
    at = open_page("pages/tolerance.py", lang="en")
    rows = chart_rows(at, 0).set_index("row")
    widths = rows["desired"] - rows["adequate"]
    assert widths.idxmin() == "Reliability"
    assert rows.loc["Reliability", "verdict"] == "below the zone"
    assert rows.loc["Empathy", "verdict"] == "above desired"
    assert metric(at, "MSA") == "-0.2" and metric(at, "MSS") == "-1.5"
    assert "Reliability: below adequate service" in at.error[0].value
    table = next(m.value for m in at.markdown if m.value.startswith("| Dimension |"))
    assert "| Reliability | 7.0 | 8.3 | 1.3 | 6.8 | -0.2 | -1.5 | below the zone |" in table


def test_moving_the_sliders_updates_msa_mss_and_the_verdict():
    at = open_page("pages/tolerance.py", lang="en")
    at.slider(key="zot_perceived_reliability").set_value(8.0).run()
    assert metric(at, "MSA") == "+1.0" and metric(at, "MSS") == "-0.3"
    assert any("Reliability: within the zone" in i.value for i in at.info)
    at.slider(key="zot_band_reliability").set_value((6.0, 7.5)).run()
    assert metric(at, "MSA") == "+2.0" and metric(at, "MSS") == "+0.5"
    assert any("Reliability: above desired service" in s.value for s in at.success)
    row = chart_rows(at, 0).set_index("row").loc["Reliability"]
    assert (row["adequate"], row["desired"], row["perceived"]) == (6.0, 7.5, 8.0)


def test_each_dimension_keeps_its_own_values_when_the_reader_switches():
    at = open_page("pages/tolerance.py", lang="zh")
    at.slider(key="zot_perceived_reliability").set_value(7.5).run()
    button_group(at, "zot_dim").set_value("tangibles").run()
    assert at.slider(key="zot_band_tangibles").value == (5.5, 7.5)
    assert metric(at, "MSA") == "+1.3" and metric(at, "MSS") == "-0.7"
    button_group(at, "zot_dim").set_value("reliability").run()
    assert at.slider(key="zot_perceived_reliability").value == 7.5
    assert metric(at, "MSA") == "+0.5"


def test_zone_chart_carries_all_five_dimensions_and_follows_the_sliders():
    at = open_page("pages/tolerance.py", lang="zh")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "point", "text"]
    assert spec["layer"][0]["encoding"]["x2"]["field"] == "desired"
    rows = chart_rows(at, 0)
    assert list(rows["row"]) == ["可靠性", "响应性", "保证性", "移情性", "有形性"]
    assert rows.loc[rows["highlight"], "row"].tolist() == ["可靠性"]
    at.slider(key="zot_perceived_reliability").set_value(8.5).run()
    rows = chart_rows(at, 0)
    assert rows.loc[0, "perceived"] == 8.5 and rows.loc[0, "verdict"] == "高于理想服务"


def test_factor_exhibit_opens_with_an_emergency_that_pushes_the_same_service_below_the_zone():
    at = open_page("pages/tolerance.py", lang="en")
    assert metric(at, "Adequate service") == "6.2" and metric(at, "Zone width") == "1.3"
    assert any("Punctual pickup: below adequate service" in e.value for e in at.error)
    button_group(at, "zot_factors").set_value([]).run()
    assert metric(at, "Adequate service") == "5.0" and metric(at, "Zone width") == "2.5"
    assert any("Punctual pickup: within the zone" in i.value for i in at.info)
    button_group(at, "zot_factors").set_value(["storm-or-peak"]).run()
    assert metric(at, "Adequate service") == "4.0" and metric(at, "Zone width") == "3.5"


def test_switching_language_keeps_the_page_and_writes_the_url():
    at = open_page("pages/tolerance.py")
    assert at.title[0].value == "客户期望与容忍区域"
    button_group(at, "_w_lang_top").set_value("en").run()
    assert at.title[0].value == "Customer expectations and the zone of tolerance"
    assert at.query_params["lang"] == "en"
    assert all("lang=en" in p.proto.query_string for p in at.get("page_link"))


def test_large_text_is_kept_in_the_url_and_scales_the_charts():
    normal = json.loads(open_page("pages/tolerance.py").get("vega_lite_chart")[0].proto.spec)
    at = open_page("pages/tolerance.py", size="large")
    large = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert large["config"]["axis"]["labelFontSize"] > normal["config"]["axis"]["labelFontSize"]
    assert large["height"]["step"] > normal["height"]["step"]
    assert all("size=large" in p.proto.query_string for p in at.get("page_link"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("query", "notice"), [
    ({"lang": "fr"}, "“fr”无法识别"),
    ({"size": "huge"}, "“huge”无法识别"),
    ({"lang": "en", "size": "huge"}, "text size “huge”"),
])
def test_unknown_url_values_fall_back_with_a_notice_in_the_reader_s_language(page, query, notice):
    at = open_page(page, **query)
    assert any(notice in w.value for w in at.warning), [w.value for w in at.warning]
    expected_lang = "en" if query.get("lang") == "en" else "zh"
    assert at.session_state["_settings"].lang == expected_lang
    assert "size" not in at.query_params
    assert at.query_params.get("lang", "zh") == expected_lang
    if page:
        assert at.get("vega_lite_chart"), "the page itself still renders"
