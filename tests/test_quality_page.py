"""The service-quality chapter through AppTest: the SERVQUAL calculator's numbers and the gaps-model diagram."""
from __future__ import annotations

import json

import pytest

from helpers import button_group, chart_rows, metric, open_page

PAGE = "pages/quality.py"


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _diagram(at):
    return chart_rows(at, 1)


def test_calculator_opens_on_the_bank_branch_example():
    at = open_page(PAGE, lang="en")
    assert metric(at, "Unweighted score") == "-0.68"
    assert metric(at, "Weighted score") == "-0.80"
    assert metric(at, "Points allocated") == "100 / 100"
    assert "The largest gap is in **Reliability**: P − E = -1.3, with 30 importance points" in at.error[0].value
    rows = chart_rows(at, 0)
    assert list(rows["row"]) == ["Tangibles (10 pts)", "Reliability (30 pts)", "Responsiveness (25 pts)",
                                 "Assurance (20 pts)", "Empathy (15 pts)"]
    assert rows["gap"].round(1).tolist() == [-0.2, -1.3, -0.8, -0.5, -0.6]
    assert rows.loc[rows["highlight"], "row"].tolist() == ["Reliability (30 pts)"]
    assert any("mean perception of 5.68" in c.value for c in at.caption)
    table = next(m.value for m in at.markdown if m.value.startswith("| Dimension |"))
    assert "| Reliability | 6.7 | 5.4 | -1.3 | 30 | below expectations |" in table


def test_closing_the_reliability_gap_moves_both_scores_and_the_largest_gap():
    at = open_page(PAGE, lang="en")
    at.slider(key="sq_p_reliability").set_value(6.7).run()
    # gaps −0.2, 0, −0.8, −0.5, −0.6: unweighted −2.1/5; weighted (−2 − 20 − 10 − 9)/100
    assert metric(at, "Unweighted score") == "-0.42"
    assert metric(at, "Weighted score") == "-0.41"
    assert "The largest gap is in **Responsiveness**" in at.error[0].value
    rows = chart_rows(at, 0).set_index("row")
    assert rows.loc["Reliability (30 pts)", "gap"] == pytest.approx(0.0)
    assert rows.loc["Reliability (30 pts)", "verdict"] == "meets or exceeds expectations"


def test_each_dimension_keeps_its_own_sliders():
    at = open_page(PAGE, lang="zh")
    at.slider(key="sq_e_reliability").set_value(6.0).run()
    button_group(at, "sq_dim").set_value("tangibles").run()
    assert at.slider(key="sq_e_tangibles").value == pytest.approx(6.2)
    at.slider(key="sq_p_tangibles").set_value(6.5).run()
    rows = chart_rows(at, 0).set_index("row")
    assert rows.loc["有形性（10 分）", "gap"] == pytest.approx(0.3)
    assert rows.loc["可靠性（30 分）", "gap"] == pytest.approx(-0.6)
    button_group(at, "sq_dim").set_value("reliability").run()
    assert at.slider(key="sq_e_reliability").value == pytest.approx(6.0)


def test_weights_that_do_not_add_up_to_100_warn_and_leave_the_weighted_score_blank():
    at = open_page(PAGE, lang="en")
    at.number_input(key="sq_w_tangibles").set_value(20).run()
    assert metric(at, "Points allocated") == "110 / 100"
    assert metric(at, "Weighted score") == "—"
    assert any("add up to 110 points, not 100" in w.value for w in at.warning)
    assert metric(at, "Unweighted score") == "-0.68"
    at.number_input(key="sq_w_reliability").set_value(20).run()
    # weights 20/20/25/20/15: (−4 − 26 − 20 − 10 − 9)/100
    assert metric(at, "Weighted score") == "-0.69"
    assert not any("not 100" in w.value for w in at.warning)
    assert chart_rows(at, 0)["row"].tolist()[0] == "Tangibles (20 pts)"


def test_weights_on_the_smallest_gap_lift_the_weighted_score_above_the_unweighted_one():
    at = open_page(PAGE, lang="zh")
    for dim, points in {"tangibles": 60, "reliability": 10, "responsiveness": 10, "assurance": 10, "empathy": 10}.items():
        at.number_input(key=f"sq_w_{dim}").set_value(points).run()
    # (60(−0.2) + 10(−1.3 − 0.8 − 0.5 − 0.6))/100 = (−12 − 32)/100
    assert metric(at, "加权得分") == "-0.44"
    assert metric(at, "不加权得分") == "-0.68"


def test_no_shortfall_is_reported_as_such():
    at = open_page(PAGE, lang="en")
    for dim in ("tangibles", "reliability", "responsiveness", "assurance", "empathy"):
        button_group(at, "sq_dim").set_value(dim).run()
        at.slider(key=f"sq_p_{dim}").set_value(7.0).run()
    assert any("No dimension falls short" in s.value for s in at.success)
    assert not at.error
    assert metric(at, "Unweighted score").startswith("+")


def test_gaps_model_opens_complete_with_gap_5_explained():
    at = open_page(PAGE, lang="en")
    rows = _diagram(at)
    boxes = rows[rows["layer"] == "box"]
    assert len(boxes) == 7
    labels = rows[rows["layer"].isin(["gap-label", "gap-label-vertical"])]
    assert sorted(labels["text"]) == ["Gap 1", "Gap 2", "Gap 3", "Gap 4", "Gap 5"]
    assert labels.loc[labels["active"], "text"].tolist() == ["Gap 5"]
    text = _markdown(at)
    assert "Gap 5 · the customer gap" in text
    assert "Gap 5 = f(Gap 1, Gap 2, Gap 3, Gap 4)" in text


def test_gaps_model_is_built_step_by_step():
    at = open_page(PAGE, lang="zh")
    button_group(at, "sq_gap_stage").set_value("customer").run()
    rows = _diagram(at)
    assert sorted(rows.loc[rows["layer"] == "box-text", "text"]) == sorted(
        ["口碑、个人需要、\n过去经验", "期望的服务", "感知的服务"])
    assert not (rows["layer"] == "gap").any()
    assert "第一步：顾客一侧" in _markdown(at)
    button_group(at, "sq_gap_stage").set_value("company").run()
    rows = _diagram(at)
    assert (rows["layer"] == "box").sum() == 7 and not (rows["layer"] == "gap").any()
    assert (rows["dashed"] & (rows["layer"] == "flow")).sum() == 2, "promises flow back to expectations"
    button_group(at, "sq_gap_stage").set_value("gap3").run()
    rows = _diagram(at)
    labels = rows[rows["layer"].isin(["gap-label", "gap-label-vertical"])]
    assert sorted(labels["text"]) == ["差距 1", "差距 2", "差距 3"]
    assert labels.loc[labels["active"], "text"].tolist() == ["差距 3"]
    text = _markdown(at)
    assert "差距 3　服务绩效差距：未按确定的标准提供服务" in text
    assert "人力资源政策有缺陷" in text
    assert any("快餐连锁" in i.value for i in at.info)


@pytest.mark.parametrize("stage", ["gap1", "gap2", "gap4"])
def test_every_gap_shows_causes_an_example_and_remedies(stage):
    at = open_page(PAGE, lang="en")
    button_group(at, "sq_gap_stage").set_value(stage).run()
    text = _markdown(at)
    for heading in ("**Lies between**  \n", "**Main causes**", "**Ways to close it**"):
        assert heading in text
    assert at.info and at.info[-1].value.startswith("**Example**")


def test_diagram_spec_scales_with_large_text_and_is_built_from_marks():
    normal = json.loads(open_page(PAGE).get("vega_lite_chart")[1].proto.spec)
    large = json.loads(open_page(PAGE, size="large").get("vega_lite_chart")[1].proto.spec)
    assert large["height"] > normal["height"]
    marks = [layer["mark"]["type"] for layer in normal["layer"]]
    assert {"rect", "rule", "text", "point"} <= set(marks)
