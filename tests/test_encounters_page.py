"""The service-encounters chapter through AppTest: each exhibit's default numbers, and what moving it shows."""
from __future__ import annotations

import html
import json

import pytest

from book import handout
from book.exhibits import encounters
from helpers import button_group, chart_rows, metric, open_page

PAGE = "pages/encounters.py"
MOMENTS_CHART, RECOVERY_CHART = range(2)


@pytest.fixture(scope="module")
def english():
    return open_page(PAGE, lang="en")


def _table(at, header_start: str) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(header_start))


def test_page_draws_both_exhibits(english):
    assert len(english.get("vega_lite_chart")) == 2
    titles = [s.value for s in english.subheader]
    assert "The arithmetic of moments of truth" in titles
    assert "Service recovery: when does the paradox appear?" in titles


def test_moments_exhibit_opens_on_carlzon_s_figures(english):
    # Carlzon (1987): 10 million customers × 5 contacts = 50 million a year, about 137,000 a day.
    assert metric(english, "Moments of truth a year") == "50 million"
    assert metric(english, "Per day") == "136,986"
    assert metric(english, "Moments of truth that go wrong") == "500,000"
    assert metric(english, "Customers meeting at least one failure") == "4.9%"
    assert any("50,000 a day" in i.value and "18.25 million" in i.value for i in english.info)
    reading = next(m.value for m in english.markdown if m.value.startswith("10 million customers"))
    assert "**50 million** moments of truth a year" in reading and "75 seconds per customer" in reading
    table = _table(english, "| Quantity |")
    assert "| Moments of truth a year | customers × contacts | 50 million |" in table
    assert "| Total contact time (hours a year) | moments of truth × seconds per contact ÷ 3600 | 208,333 |" in table


def test_moments_chart_marks_the_reader_s_number_of_contacts(english):
    rows = chart_rows(english, MOMENTS_CHART)
    assert list(rows["contacts"]) == list(range(1, 21))
    chosen = rows[rows["selected"]]
    assert chosen["contacts"].tolist() == [5] and chosen["share"].tolist() == [4.9]
    assert chosen["label"].tolist() == ["5 contacts: 4.9%"]
    assert rows["share"].is_monotonic_increasing
    spec = json.loads(english.get("vega_lite_chart")[MOMENTS_CHART].proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point", "point", "text", "text"]


def test_moving_the_moments_widgets_updates_counts_failures_and_chart():
    at = open_page(PAGE, lang="en")
    at.slider(key="en_success").set_value(99.9).run()
    assert metric(at, "Moments of truth that go wrong") == "50,000"
    assert metric(at, "Customers meeting at least one failure") == "0.5%"
    at.slider(key="en_contacts").set_value(10).run()
    assert metric(at, "Moments of truth a year") == "100 million"
    assert metric(at, "Customers meeting at least one failure") == "1.0%"
    assert not at.info, "Carlzon's note belongs to his figures only"
    rows = chart_rows(at, MOMENTS_CHART)
    assert rows.loc[rows["selected"], "contacts"].tolist() == [10]
    at.select_slider(key="en_customers").set_value(2_000_000).run()
    assert metric(at, "Moments of truth a year") == "20 million"
    assert metric(at, "Per day") == "54,795"


def test_chinese_counts_use_wan_and_yi():
    at = open_page(PAGE, lang="zh")
    assert metric(at, "关键时刻/年") == "5000 万" and metric(at, "平均每天") == "13.7 万"
    assert metric(at, "出错的关键时刻/年") == "50 万"
    at.select_slider(key="en_customers").set_value(100_000_000).run()
    assert metric(at, "关键时刻/年") == "5 亿"
    assert any("13.7 万" not in m.value and "5 亿" in m.value for m in at.markdown)


def test_recovery_exhibit_opens_on_the_paradox(english):
    assert metric(english, "Satisfaction after the failure") == "6.0"
    assert metric(english, "Satisfaction after the response") == "8.4"
    assert metric(english, "Compared with no failure") == "+0.4"
    assert any(s.value.startswith("Recovery paradox: satisfaction after the response (8.4)") for s in english.success)
    assert any("de Matos et al., 2007" in c.value for c in english.caption)
    rows = chart_rows(english, RECOVERY_CHART)
    ends = rows[rows["step"] == 2].set_index("response")["satisfaction"]
    assert ends.to_dict() == {"No response, or passing the buck": 5.5, "Apology only": 6.7,
                              "Apology and a solution": 7.6, "Apology, a fast solution and amends": 8.4}
    assert rows.loc[rows["selected"], "response"].unique().tolist() == ["Apology, a fast solution and amends"]
    assert (rows["baseline"] == 8.0).all()
    table = _table(english, "| The firm's response |")
    assert "| No response, or passing the buck | 8.0 | 6.0 | 5.5 | -2.5 | Double deviation |" in table


def test_a_second_failure_removes_the_paradox():
    at = open_page(PAGE, lang="en")
    button_group(at, "en_history").set_value("repeat").run()
    assert metric(at, "Satisfaction after the failure") == "5.5"
    assert metric(at, "Satisfaction after the response") == "7.2"       # 7.25 in the model
    assert not at.success
    assert any(i.value.startswith("Partly restored") for i in at.info)
    ends = chart_rows(at, RECOVERY_CHART).query("step == 2")["satisfaction"]
    assert (ends < 8.0).all(), "no response to a second failure lifts satisfaction above no failure"


def test_a_serious_failure_and_no_response_give_a_double_deviation():
    at = open_page(PAGE, lang="zh")
    button_group(at, "en_severity").set_value("serious").run()
    at.radio(key="en_response").set_value("不回应或推诿").run()
    assert metric(at, "失误后的满意度") == "4.0" and metric(at, "回应后的满意度") == "3.0"
    assert metric(at, "与从未出错时相比") == "-5.0"
    assert any(e.value.startswith("双重偏离：回应不当，满意度从失误后的 4.0 进一步降到 3.0") for e in at.error)
    rows = chart_rows(at, RECOVERY_CHART)
    assert rows.loc[rows["selected"], "response"].unique().tolist() == ["不回应或推诿"]


def test_large_text_scales_both_charts():
    normal = [json.loads(c.proto.spec) for c in open_page(PAGE, lang="en").get("vega_lite_chart")]
    large = [json.loads(c.proto.spec) for c in open_page(PAGE, lang="en", size="large").get("vega_lite_chart")]
    for small, big in zip(normal, large):
        assert big["config"]["axis"]["labelFontSize"] > small["config"]["axis"]["labelFontSize"]
        assert big["height"] > small["height"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_prints_both_exhibits_default_data(lang):
    tables = encounters.handout_tables(lang)
    assert [len(t["rows"]) for t in tables] == [9, 4]
    page = handout.build("encounters", lang)
    for table in tables:
        assert table["title"] in page and html.escape(table["source"]) in page
    expected = "5000 万" if lang == "zh" else "50 million"
    assert any(row["value"] == expected for row in tables[0]["rows"])
    assert tables[1]["rows"][-1]["change"] == "+0.4"


@pytest.mark.parametrize(("value", "lang", "shown"), [
    (50_000_000, "zh", "5000 万"), (136_986.3, "zh", "13.7 万"), (9_999, "zh", "9,999"), (250_000_000, "zh", "2.5 亿"),
    (50_000_000, "en", "50 million"), (136_986.3, "en", "136,986"), (2_500_000_000, "en", "2.5 billion"),
])
def test_big_numbers_read_naturally_in_each_language(value, lang, shown):
    assert encounters.big_number(value, lang) == shown
