"""The service-profit-chain chapter through AppTest: the chain built link by link, and the simulator's numbers."""
from __future__ import annotations

import json

import pytest

from helpers import chart_rows, metric, open_page

PAGE = "pages/profit-chain.py"


@pytest.fixture
def en():
    return open_page(PAGE, lang="en")


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _builder(at):
    return chart_rows(at, 0)


def _simulator(at):
    return chart_rows(at, 1).set_index("label")


# ── The chain, link by link ──

def test_builder_opens_with_the_whole_chain_and_its_last_link(en):
    rows = _builder(en)
    assert list(rows["label"]) == ["1  Internal service quality", "2  Employee satisfaction",
                                   "3  Employee loyalty and productivity", "4  External service value",
                                   "5  Customer satisfaction", "6  Customer loyalty",
                                   "7  Revenue growth and profitability"]
    assert rows["reached"].all() and rows["current"].tolist() == [False] * 6 + [True]
    assert "#### Customer loyalty → Revenue growth and profitability" in _markdown(en)
    assert any("Taco Bell's stores with the lowest staff turnover had double the sales" in i.value for i in en.info)


def test_builder_builds_the_chain_one_link_at_a_time(en):
    en.select_slider(key="pc_build_step").set_value(1).run()
    rows = _builder(en)
    assert rows["reached"].tolist() == [True] + [False] * 6
    assert "#### The starting point: Internal service quality" in _markdown(en)
    assert any("USAA" in i.value for i in en.info)
    en.select_slider(key="pc_build_step").set_value(6).run()
    rows = _builder(en)
    assert rows["reached"].tolist() == [True] * 6 + [False]
    assert rows.loc[rows["current"], "group"].tolist() == ["Customers"]
    assert "#### Customer satisfaction → Customer loyalty" in _markdown(en)
    assert any("six times more likely" in i.value for i in en.info)


def test_builder_table_lists_every_stage_with_a_measure_and_evidence():
    at = open_page(PAGE, lang="zh")
    table = next(m.value for m in at.markdown if m.value.startswith("| 序号 | 环节 |"))
    assert "| 6 | 客户忠诚 | 顾客 | 客户保留率、购买深度、推荐 |" in table
    assert table.count("Heskett 等，1994") == 7


def test_builder_draws_arrows_only_into_built_stages():
    spec = json.loads(open_page(PAGE, lang="en").get("vega_lite_chart")[0].proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "rule", "point", "text"]
    filters = [t["filter"] for t in spec["layer"][1].get("transform", []) if "filter" in t]
    assert filters == ["datum.reached && datum.order > 1"]


# ── The simulator ──

def test_simulator_opens_on_the_chapter_s_worked_example(en):
    # Every driver +10 %, elasticities 0.6, 0.5, 0.5, 0.7, 1.5, 5.0: 10 → 6 → 3 → 1.5 → 1.05 → 1.575 → 7.875.
    assert metric(en, "Internal service quality") == "+10.0%"
    assert metric(en, "Customer satisfaction") == "+1.1%"
    assert metric(en, "Revenue growth and profitability") == "+7.9%"
    assert metric(en, "Pass-through") == "0.79"
    rows = _simulator(en)
    assert rows["change"].round(3).tolist() == [10, 6, 3, 1.5, 1.05, 1.575, 7.875]
    assert rows.loc["Customer loyalty", "shown"] == "+1.58%"
    assert rows.loc["Employee satisfaction", "elasticity"] == "0.6"
    reading = next(m.value for m in en.markdown if m.value.startswith("Reading the chart"))
    assert "arrives at customer satisfaction as +1.05%" in reading and "the pass-through is 0.79" in reading
    assert "“Employee satisfaction → Employee loyalty and productivity” and " \
           "“Employee loyalty and productivity → External service value”" in reading
    assert not en.warning


def test_raising_one_driver_moves_internal_quality_by_its_weight(en):
    for driver in ("management-support", "rewards-recognition", "communication-teamwork"):
        en.slider(key=f"pc_drv_{driver}").set_value(0)
    en.slider(key="pc_drv_training").set_value(20).run()
    # Training alone +20 % with a weight of 0.25: internal service quality +5 %, profit 0.7875 × 5 %.
    assert metric(en, "Internal service quality") == "+5.0%"
    assert _simulator(en).loc["Revenue growth and profitability", "change"] == pytest.approx(3.9375)
    en.slider(key="pc_drv_training").set_value(0).run()
    assert metric(en, "Revenue growth and profitability") == "+0.0%"
    assert any("None of the four drivers has changed" in m.value for m in en.markdown)


def test_a_link_set_to_zero_breaks_the_chain(en):
    en.slider(key="pc_beta_2").set_value(0.0).run()
    rows = _simulator(en)
    assert rows.loc["Employee loyalty and productivity", "change"] == pytest.approx(3)
    assert (rows.loc[["External service value", "Customer satisfaction", "Customer loyalty",
                      "Revenue growth and profitability"], "change"] == 0).all()
    assert metric(en, "Pass-through") == "0.00"
    assert any("“Employee loyalty and productivity → External service value” has strength 0" in w.value
               for w in en.warning)


def test_stronger_links_and_the_reset_button(en):
    en.slider(key="pc_beta_4").set_value(2.0).run()
    assert _simulator(en).loc["Customer loyalty", "change"] == pytest.approx(2.1)
    assert metric(en, "Pass-through") == "1.05"
    en.button(key="pc_reset").click().run()
    assert en.slider(key="pc_beta_4").value == pytest.approx(1.5)
    assert metric(en, "Pass-through") == "0.79"


def test_extreme_settings_are_flagged_not_trusted():
    at = open_page(PAGE, lang="zh")
    for k in range(5):
        at.slider(key=f"pc_beta_{k}").set_value(2.0)
    at.slider(key="pc_beta_5").set_value(10.0)
    for driver in ("management-support", "training", "rewards-recognition", "communication-teamwork"):
        at.slider(key=f"pc_drv_{driver}").set_value(30)
    at.run()
    assert not at.exception
    assert any("超出模型的适用范围" in w.value for w in at.warning)


def test_a_fall_in_the_drivers_travels_down_as_a_fall():
    at = open_page(PAGE, lang="zh")
    for driver in ("management-support", "training", "rewards-recognition", "communication-teamwork"):
        at.slider(key=f"pc_drv_{driver}").set_value(-20)
    at.run()
    assert metric(at, "内部服务质量") == "-20.0%"
    assert metric(at, "收入增长与盈利") == "-15.8%"
    assert (chart_rows(at, 1)["change"] < 0).all()


def test_simulator_bars_keep_the_chain_order():
    spec = json.loads(open_page(PAGE, lang="en").get("vega_lite_chart")[1].proto.spec)
    y = spec["layer"][0]["encoding"]["y"]
    assert y["sort"] == {"field": "order", "op": "min", "order": "ascending"}


def test_a_fall_stopped_by_a_broken_link_shows_no_negative_zero():
    at = open_page(PAGE, lang="en")
    at.slider(key="pc_drv_training").set_value(-20)
    for driver in ("management-support", "rewards-recognition", "communication-teamwork"):
        at.slider(key=f"pc_drv_{driver}").set_value(0)
    at.slider(key="pc_beta_0").set_value(0.0).run()
    assert metric(at, "Internal service quality") == "-5.0%"
    assert metric(at, "Customer satisfaction") == "+0.0%"
