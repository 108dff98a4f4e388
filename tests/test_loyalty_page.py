"""The loyalty chapter through AppTest: each exhibit's default numbers, and what moving it shows."""
from __future__ import annotations

import json

import pytest

from helpers import button_group, chart_rows, metric, open_page, texts

PAGE = "pages/loyalty.py"
PROFIT_CHART, CLV_CHART, SWITCHING_CHART, PARETO_CHART, TIER_BARS_CHART = range(5)


@pytest.fixture(scope="module")
def english():
    return open_page(PAGE, lang="en")


def _kind(at, index, kind):
    rows = chart_rows(at, index)
    return rows[rows["kind"] == kind]


def test_page_draws_five_charts_and_says_the_sample_is_synthetic(english):
    assert len(english.get("vega_lite_chart")) == 5
    assert "synthetic" in texts(english)


def test_profit_exhibit_opens_with_every_source_and_pays_back_in_year_three(english):
    assert metric(english, "Profit in year 7") == "90"                 # 30 + 6 × (4 + 2 + 2.5 + 1.5)
    assert metric(english, "Running total at the end of year 7") == "320"
    assert metric(english, "Acquisition cost paid back") == "Year 3"
    bars = _kind(english, PROFIT_CHART, "bar")
    assert bars.loc[bars["year"] == 0, "profit"].tolist() == [-100.0]
    assert set(bars["source"]) == {"Acquisition cost", "Base profit", "Increased purchases",
                                   "Reduced operating costs", "Referrals", "Price premium"}
    labels = _kind(english, PROFIT_CHART, "label").sort_values("mid")
    assert list(labels["source"]) == ["Acquisition cost", "Base profit", "Increased purchases",
                                      "Reduced operating costs", "Referrals", "Price premium"]
    assert labels["mid"].diff().dropna().min() > 10        # names beside the last bar do not overlap


def test_base_profit_alone_pays_back_a_year_later():
    at = open_page(PAGE, lang="en")
    button_group(at, "ly_sources").set_value(["base-profit"]).run()
    assert metric(at, "Profit in year 7") == "30"
    assert metric(at, "Running total at the end of year 7") == "110"   # −100 + 7 × 30
    assert metric(at, "Acquisition cost paid back") == "Year 4"
    at.slider(key="ly_years").set_value(3).run()
    assert metric(at, "Acquisition cost paid back") == "Not paid back"
    button_group(at, "ly_sources").set_value([]).run()
    assert any("Every source is switched off" in w.value for w in at.warning)


def test_clv_exhibit_opens_with_the_chapter_s_worked_example(english):
    assert metric(english, "Customer lifetime value CLV") == "266.7 yuan"
    assert metric(english, "With retention 5 points higher") == "340.0 yuan"
    assert metric(english, "Expected stay") == "5.0 years"
    middle = next(m for m in english.metric if m.label.startswith("With retention"))
    assert middle.delta == "+27.5%"
    points = _kind(english, CLV_CHART, "point").set_index("point")
    assert points.loc["now", "retention"] == 0.8 and points.loc["+5 points", "retention"] == 0.85
    assert points.loc["+5 points", "clv"] == pytest.approx(340.0)


def test_higher_retention_makes_five_more_points_worth_more():
    at = open_page(PAGE, lang="en")
    at.slider(key="ly_retention").set_value(90).run()
    assert metric(at, "Customer lifetime value CLV") == "450.0 yuan"           # 100 × 0.9 ÷ 0.2
    assert next(m for m in at.metric if m.label.startswith("With retention")).delta == "+40.7%"
    assert metric(at, "Expected stay") == "10.0 years"
    at.slider(key="ly_margin").set_value(200).run()
    assert metric(at, "Customer lifetime value CLV") == "900.0 yuan"
    button_group(at, "ly_horizon").set_value("five").run()
    five_years = 200 * sum(0.9 ** t / 1.1 ** t for t in range(1, 6))         # the plain sum, 5 periods
    assert metric(at, "Customer lifetime value CLV") == f"{five_years:,.1f} yuan"


def test_switching_exhibit_highlights_the_chosen_reason(english):
    assert metric(english, "Respondents who mentioned it") == "44%"
    rows = chart_rows(english, SWITCHING_CHART).set_index("category")
    assert rows.loc["Core service failure", "highlight"] and rows["highlight"].sum() == 1
    assert list(rows["share"]) == [44, 34, 30, 21, 17, 10, 7, 6]
    at = open_page(PAGE, lang="zh")
    button_group(at, "ly_reason").set_value("competition").run()
    assert metric(at, "提及这一原因的被访者比例") == "10%"
    assert any("主要来自企业外部" in i.value for i in at.info)
    rows = chart_rows(at, SWITCHING_CHART).set_index("category")
    assert rows.loc["竞争", "highlight"] and not rows.loc["核心服务失误", "highlight"]


def test_pyramid_opens_with_the_course_tiers_on_the_synthetic_sample(english):
    assert metric(english, "VIP customers: sales") == "29.8%"
    assert metric(english, "Small customers: sales") == "21.0%"
    assert metric(english, "Sales from the top 20% of customers") == "79.0%"
    cuts = _kind(english, PARETO_CHART, "cut")
    assert list(cuts["x"]) == pytest.approx([0.01, 0.05, 0.20])
    assert len(_kind(english, PARETO_CHART, "curve")) == 1001
    bars = chart_rows(english, TIER_BARS_CHART)
    assert bars.loc[(bars["tier"] == "Small customers") & (bars["measure"] == "Customers"), "share"].item() == 0.8


def test_moving_the_cut_offs_moves_the_tiers():
    at = open_page(PAGE, lang="en")
    at.slider(key="ly_vip").set_value(2.5).run()
    at.slider(key="ly_ordinary").set_value(30).run()
    assert metric(at, "Sales from the top 36.5% of customers").endswith("%")
    cuts = _kind(at, PARETO_CHART, "cut")
    assert list(cuts["x"]) == pytest.approx([0.025, 0.065, 0.365])
    vip = float(metric(at, "VIP customers: sales").rstrip("%"))
    assert vip > 29.8
    delta = next(m for m in at.metric if m.label.startswith("VIP customers")).delta
    assert delta == "2.5% of customers"


def test_chart_specs_scale_with_large_text():
    normal = json.loads(open_page(PAGE).get("vega_lite_chart")[PARETO_CHART].proto.spec)
    large = json.loads(open_page(PAGE, size="large").get("vega_lite_chart")[PARETO_CHART].proto.spec)
    assert large["config"]["axis"]["labelFontSize"] > normal["config"]["axis"]["labelFontSize"]
