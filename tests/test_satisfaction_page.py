"""The satisfaction chapter through AppTest: each exhibit's default numbers, and what moving it shows."""
from __future__ import annotations

import json
import re

import pytest

from helpers import button_group, chart_rows, metric, open_page, svg_images

PAGE = "pages/satisfaction.py"
INDEX_CHART, CURVES_CHART, GRID_CHART, BETTER_WORSE_CHART, LIFE_CYCLE_CHART = range(5)


@pytest.fixture(scope="module")
def english():
    return open_page(PAGE, lang="en")


def _markers(at):
    rows = chart_rows(at, CURVES_CHART)
    markers = rows[rows["kind"] == "marker"]
    return dict(zip(markers["category"], markers["satisfaction"].round(2)))


def _acsi_diagram(at) -> list[str]:
    """The ACSI diagram's two SVGs (desktop, phone), decoded from the page's HTML block."""
    block = next(h.value for h in at.html if h.value.startswith('<div class="static-diagram">'))
    return [svg for svg, _, _, _ in svg_images(block)]


def test_page_draws_five_charts_and_the_acsi_diagram_drawn_on_the_server(english):
    assert len(english.get("vega_lite_chart")) == 5
    assert not english.get("graphviz_chart")           # no diagram library for the browser to load
    wide, narrow = _acsi_diagram(english)
    for svg in (wide, narrow):
        lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
        for box in ("Customer", "expectations", "Perceived quality", "satisfaction", "Customer complaints",
                    "loyalty"):
            assert box in " ".join(lines)
        assert svg.count("<rect") == 6 and svg.count("marker-end") == 5      # six boxes, five arrows
        assert svg.count('stroke-dasharray') == 1                             # satisfaction ⟶ complaints: −
    assert 'width="702"' in wide[:200] and 'width="356"' in narrow[:200]
    assert len(re.findall("<tspan", narrow)) > len(re.findall("<tspan", wide))   # wrapped to the phone's boxes


def test_the_acsi_diagram_is_in_chinese_and_keeps_closing_brackets_on_their_line():
    wide, narrow = _acsi_diagram(open_page(PAGE, lang="zh"))
    for svg in (wide, narrow):
        lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
        assert "顾客满意" in lines and "顾客抱怨" in lines
        assert not any(line[0] in "）)、，" for line in lines), lines


def test_moving_an_acsi_slider_changes_the_score_and_keeps_the_diagram():
    at = open_page(PAGE, lang="en")
    before = _acsi_diagram(at)
    at.slider(key="ks_acsi_overall").set_value(1.0).run()
    assert metric(at, "0–100 score") == f"{(0 + 6 + 6) / 27 * 100:.1f}"
    assert _acsi_diagram(at) == before


def test_index_exhibit_opens_with_rising_expectations_turning_the_same_service_into_a_shortfall(english):
    assert metric(english, "Satisfaction index") == "87.5"
    assert metric(english, "Difference D") == "-1.0"
    assert any("Our shop this year: expectation not met." in e.value for e in english.error)
    rows = chart_rows(english, INDEX_CHART).set_index("name")
    assert rows.loc["Our shop last year", "verdict"] == "met" and rows.loc["Our shop last year", "index"] == 100.0
    assert rows.loc["Competitor", "verdict"] == "exceeded" and rows.loc["Competitor", "index"] == 105.0
    assert rows.loc["Our shop this year", "highlight"]


def test_moving_expectation_and_performance_updates_index_difference_and_verdict():
    at = open_page(PAGE, lang="en")
    at.slider(key="ks_expected").set_value(6.5).run()
    assert metric(at, "Satisfaction index") == "107.7" and metric(at, "Difference D") == "+0.5"
    assert any("expectation exceeded" in s.value for s in at.success)
    at.slider(key="ks_perceived").set_value(6.5).run()
    assert metric(at, "Satisfaction index") == "100.0" and metric(at, "Difference D") == "+0.0"
    assert any("expectation met" in i.value for i in at.info)
    row = chart_rows(at, INDEX_CHART).set_index("name").loc["Our shop this year"]
    assert (row["expected"], row["perceived"], row["verdict"]) == (6.5, 6.5, "met")


def test_acsi_score_follows_the_three_questions():
    at = open_page(PAGE, lang="en")
    assert metric(at, "0–100 score") == "70.4"
    for item in ("overall", "disconfirmation", "ideal"):
        at.slider(key=f"ks_acsi_{item}").set_value(10.0).run()
    assert metric(at, "0–100 score") == "100.0"
    at.slider(key="ks_acsi_overall").set_value(1.0).run()
    assert metric(at, "0–100 score") == "66.7"


def test_kano_diagram_opens_where_missing_attractive_quality_costs_nothing(english):
    markers = _markers(english)
    assert markers == {"Attractive A": 0.06, "One-dimensional O": -0.5, "Must-be M": -0.44, "Indifferent I": 0.0}
    assert "Reverse R" not in set(chart_rows(english, CURVES_CHART)["category"])


def test_kano_diagram_follows_fulfilment_categories_and_curvature():
    at = open_page(PAGE, lang="en")
    at.slider(key="ks_kano_fulfilment").set_value(1.0).run()
    assert _markers(at) == {"Attractive A": 1.0, "One-dimensional O": 1.0, "Must-be M": 0.0, "Indifferent I": 0.0}
    button_group(at, "ks_kano_show").set_value(["M", "R"]).run()
    assert set(_markers(at)) == {"Must-be M", "Reverse R"}
    at.slider(key="ks_kano_fulfilment").set_value(-0.5).run()
    low_k = _markers(at)["Must-be M"]
    at.slider(key="ks_kano_k").set_value(6.0).run()
    assert _markers(at)["Must-be M"] > low_k, "a larger k makes must-be quality recover faster"
    button_group(at, "ks_kano_show").set_value([]).run()
    assert any("Choose at least one kind of quality" in w.value for w in at.warning)
    assert len(at.get("vega_lite_chart")) == 4


def test_questionnaire_names_the_category_and_highlights_its_cell(english):
    assert any("row 2, column 5" in s.value and "Must-be M" in s.value for s in english.success)
    grid = chart_rows(english, GRID_CHART)
    assert len(grid) == 25
    selected = grid[grid["selected"]].iloc[0]
    assert (selected["functional"], selected["dysfunctional"], selected["code"]) == (
        "It must be that way", "I dislike it", "M")


@pytest.mark.parametrize(("functional", "dysfunctional", "category", "cell"), [
    ("like", "dislike", "One-dimensional O", "row 1, column 5"),
    ("like", "neutral", "Attractive A", "row 1, column 3"),
    ("neutral", "live-with", "Indifferent I", "row 3, column 4"),
    ("dislike", "like", "Reverse R", "row 5, column 1"),
    ("like", "like", "Questionable Q", "row 1, column 1"),
])
def test_answering_the_two_questions_moves_the_highlighted_cell(functional, dysfunctional, category, cell):
    at = open_page(PAGE, lang="en")
    at.radio(key="ks_q_functional").set_value(functional)
    at.radio(key="ks_q_dysfunctional").set_value(dysfunctional).run()
    assert any(cell in s.value and category in s.value for s in at.success)
    grid = chart_rows(at, GRID_CHART)
    assert grid[grid["selected"]]["category"].tolist() == [category]


def test_questions_name_the_chosen_feature():
    at = open_page(PAGE, lang="en")
    at.selectbox(key="ks_q_feature").set_value("sales-calls").run()
    assert "“Sales calls after check-in”" in at.radio(key="ks_q_functional").label


def test_better_worse_opens_on_hotel_wifi(english):
    assert metric(english, "Better") == "0.57" and metric(english, "Worse") == "-0.80"
    assert metric(english, "Category (most frequent)") == "One-dimensional O"
    assert metric(english, "The quadrant suggests") == "One-dimensional O"
    rows = chart_rows(english, BETTER_WORSE_CHART).set_index("feature")
    assert len(rows) == 6
    assert rows.loc["Clean bedding", "category"] == "Must-be M"
    assert rows.loc["Fast in-room Wi-Fi", "highlight"]
    assert rows.loc["Fast in-room Wi-Fi", "worse_abs"] == pytest.approx(0.8)


def test_a_strength_threshold_turns_a_narrow_lead_into_must_be():
    at = open_page(PAGE, lang="en")
    at.slider(key="ks_bw_threshold").set_value(0.07).run()
    assert metric(at, "Category (most frequent)") == "Must-be M"
    assert any("M > O > A > I gives **Must-be M**" in i.value for i in at.info)
    assert chart_rows(at, BETTER_WORSE_CHART).set_index("feature").loc["Fast in-room Wi-Fi", "category"] == "Must-be M"


def test_ties_reverse_answers_and_edited_counts():
    at = open_page(PAGE, lang="en")
    at.selectbox(key="ks_bw_feature").set_value("self-check-in").run()
    assert metric(at, "Category (most frequent)") == "Attractive A"
    assert any("Attractive A and Indifferent I" in i.value for i in at.info)
    at.selectbox(key="ks_bw_feature").set_value("sales-calls").run()
    assert metric(at, "Category (most frequent)") == "Reverse R"
    assert metric(at, "The quadrant suggests") == "Indifferent I"
    assert any("most answers for this feature are reverse" in w.value for w in at.warning)
    at.number_input(key="ks_bw_sales-calls_R").set_value(0).run()
    assert metric(at, "Category (most frequent)") == "Indifferent I"
    at.selectbox(key="ks_bw_feature").set_value("pillow-menu").run()
    at.selectbox(key="ks_bw_feature").set_value("sales-calls").run()
    assert at.number_input(key="ks_bw_sales-calls_R").value == 0, "edited counts survive switching features"
    for code in ("A", "O", "M", "I"):
        at.number_input(key=f"ks_bw_sales-calls_{code}").set_value(0)
    at.run()
    assert any("no A, O, M or I answers" in w.value for w in at.warning)
    assert len(chart_rows(at, BETTER_WORSE_CHART)) == 5
    at.number_input(key="ks_bw_sales-calls_Q").set_value(0).run()
    assert any("Enter at least one answer" in w.value for w in at.warning)


def test_life_cycle_moves_the_highlight_from_stage_to_stage():
    at = open_page(PAGE, lang="en")
    assert any("Category at this stage: **Attractive A**" in i.value for i in at.info)
    at.select_slider(key="ks_cycle_stage").set_value("M").run()
    assert any("Category at this stage: **Must-be M**" in i.value for i in at.info)
    rows = chart_rows(at, LIFE_CYCLE_CHART)
    assert set(rows.loc[rows["highlight"], "category"]) == {"Must-be M"}
    assert set(rows["category"]) == {"Indifferent I", "Attractive A", "One-dimensional O", "Must-be M"}


def test_chinese_page_shows_the_same_numbers_in_chinese():
    at = open_page(PAGE)
    assert metric(at, "满意度指数") == "87.5"
    assert metric(at, "类别（众数规则）") == "一元品质 O"
    assert any("本店今年：低于期望。" in e.value for e in at.error)
    grid = json.loads(at.get("vega_lite_chart")[GRID_CHART].proto.spec)
    assert grid["layer"][0]["encoding"]["x"]["title"] == "反向问题的回答"
    assert grid["layer"][0]["encoding"]["x"]["axis"]["labelAngle"] == 0, "short Chinese answers stay upright"
