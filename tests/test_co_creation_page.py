"""The value co-creation chapter through AppTest: each exhibit opens making its point and follows the reader."""
from __future__ import annotations

import json

import pytest

from book.exhibits import co_creation
from helpers import button_group, chart_rows, metric, open_page
from models.cocreation import book_placement

PAGE = "pages/co-creation.py"
DART, SPHERES, GAINS = 0, 1, 2      # the order of the page's charts


@pytest.fixture
def en():
    return open_page(PAGE, lang="en")


def test_dart_opens_with_the_renovation_case_and_ranks_transparency_first(en):
    assert metric(en, "Mean score") == "2.4" and metric(en, "Improve first") == "Transparency"
    rows = chart_rows(en, DART).set_index("block")
    assert list(rows.index) == ["Dialogue", "Access", "Risk assessment", "Transparency"]
    assert rows.loc["Transparency", "text"] == "1.5 · ①" and rows.loc["Dialogue", "text"] == "3.5 · ④"
    assert set(rows["status"]) == {"below the target"} and set(rows["target"]) == {4.0}
    assert any("Improve first: Transparency** (2.5 below the target)" in w.value for w in en.warning)
    assert any(m.value == "Order of improvement: Transparency → Risk assessment → Access → Dialogue"
               for m in en.markdown)
    spec = json.loads(en.get("vega_lite_chart")[DART].proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "rule", "text", "text", "text"]


def test_moving_the_dart_sliders_reranks_and_reset_restores_the_case(en):
    en.slider(key="cc_dart_transparency").set_value(4.5).run()
    assert metric(en, "Improve first") == "Risk assessment" and metric(en, "Mean score") == "3.1"
    row = chart_rows(en, DART).set_index("block").loc["Transparency"]
    assert (row["score"], row["status"], row["text"]) == (4.5, "target reached", "4.5 ✓")
    for block in ("dialogue", "access", "risk"):
        en.slider(key=f"cc_dart_{block}").set_value(4.0).run()
    assert metric(en, "Improve first") == "—"
    assert any("All four blocks reach the target of 4.0" in s.value for s in en.success)
    en.button(key="cc_dart_reset").click().run()
    assert en.slider(key="cc_dart_transparency").value == 1.5
    assert metric(en, "Improve first") == "Transparency"


def test_spheres_open_with_the_book_s_hotel_reading_and_the_joint_lane():
    at = open_page(PAGE, lang="zh")
    assert metric(at, "已放置") == "8 / 8" and metric(at, "与本书一致") == "8 / 8" and metric(at, "放在联合领域") == "3"
    rows = chart_rows(at, SPHERES)
    lane = rows[rows["kind"] == "lane"]
    assert lane["sphere"].tolist() == ["联合领域"] and lane["text"].tolist() == ["可以共创"]
    acts = rows[rows["kind"] == "activity"].set_index("step")
    assert acts.loc[[3, 4, 5], "sphere"].tolist() == ["联合领域"] * 3
    assert acts.loc[7, "sphere"] == "顾客领域" and acts.loc[1, "sphere"] == "提供者领域"
    assert set(acts["verdict"]) == {"与本书一致"}
    assert any("联合领域里的活动" in i.value and "礼宾员" in i.value for i in at.info)
    assert not at.success, "the book's own placement is shown, not praised"


def test_a_misplaced_activity_is_flagged_with_the_book_s_reason(en):
    button_group(en, "cc_sphere_hotel_rest-in-room").set_value("joint").run()
    assert metric(en, "As the book places them") == "7 / 8" and metric(en, "In the joint sphere") == "4"
    flagged = [e.value for e in en.error]
    assert len(flagged) == 1 and "Activity 7" in flagged[0] and "**Customer sphere**" in flagged[0]
    assert "the hotel is not there" in flagged[0]
    row = chart_rows(en, SPHERES).query("kind == 'activity'").set_index("step").loc[7]
    assert (row["sphere"], row["verdict"], row["book"]) == ("Joint sphere", "not where the book places it",
                                                              "Customer sphere")


def test_clearing_lets_the_reader_place_and_each_setting_keeps_its_own_placement(en):
    en.button(key="cc_sphere_clear").click().run()
    assert metric(en, "Placed") == "0 / 8" and metric(en, "As the book places them") == "—"
    assert chart_rows(en, SPHERES)["kind"].tolist() == ["lane"]
    assert button_group(en, "cc_sphere_hotel_laundry").value is None
    button_group(en, "cc_sphere_hotel_laundry").set_value("provider").run()
    button_group(en, "cc_sphere_hotel_share-photos").set_value("joint").run()
    assert metric(en, "Placed") == "2 / 8" and metric(en, "As the book places them") == "1 / 2"
    button_group(en, "cc_sphere_case").set_value("hospital").run()
    assert metric(en, "Placed") == "8 / 8"
    acts = chart_rows(en, SPHERES).query("kind == 'activity'").set_index("step")
    assert acts.loc[[3, 5, 6], "sphere"].tolist() == ["Joint sphere"] * 3
    button_group(en, "cc_sphere_case").set_value("hotel").run()
    assert metric(en, "Placed") == "2 / 8"
    assert button_group(en, "cc_sphere_hotel_share-photos").value == "joint"
    for activity, sphere in book_placement("hotel").items():
        button_group(en, f"cc_sphere_hotel_{activity}").set_value(sphere).run()
    assert metric(en, "As the book places them") == "8 / 8"
    assert any("All eight activities are placed as the book places them." in s.value for s in en.success)
    en.button(key="cc_sphere_book").click().run()
    assert metric(en, "As the book places them") == "8 / 8"
    assert not en.success, "the book's own placement earns the reader no praise"


def test_value_in_use_opens_with_the_gym_and_shows_participation_as_the_best_step(en):
    assert metric(en, "Value-in-use index") == "14.4" and metric(en, "For contrast: plain average") == "56.7"
    rows = chart_rows(en, GAINS).set_index("factor")
    assert rows["text"].to_dict() == {"Firm resources": "+1.8", "Customer participation": "+4.8", "Trust": "+2.4"}
    assert rows.loc["Customer participation", "role"] == "best next step"
    assert rows["after"].round(1).to_dict() == {"Firm resources": 16.2, "Customer participation": 19.2, "Trust": 16.8}
    assert any("**Customer participation** gains most (V rises by 4.8)" in i.value for i in en.info)
    table = next(m.value for m in en.markdown if m.value.startswith("| Factor |"))
    assert "| Customer participation | 3.0 | 4.8 | 19.2 | yes |" in table


def test_without_participation_resources_yield_nothing_and_two_zeros_leave_no_single_step(en):
    en.slider(key="cc_viu_participation").set_value(0.0).run()
    en.slider(key="cc_viu_resources").set_value(10.0).run()
    assert metric(en, "Value-in-use index") == "0.0" and metric(en, "For contrast: plain average") == "53.3"
    assert any("**Customer participation** gains most (V rises by 6.0)" in i.value for i in en.info)
    en.slider(key="cc_viu_trust").set_value(0.0).run()
    assert set(chart_rows(en, GAINS)["role"]) == {"other factors"}
    assert any("Two or three factors are at 0" in w.value for w in en.warning)
    en.button(key="cc_viu_reset").click().run()
    assert metric(en, "Value-in-use index") == "14.4"


def test_handout_carries_every_exhibit_s_default_data():
    tables = co_creation.handout_tables("en")
    assert [len(t["rows"]) for t in tables] == [4, 8, 8, 3]
    assert tables[0]["rows"][3]["rank"] == "1" and tables[0]["rows"][0]["rank"] == "4"
    assert {r["book"] for r in tables[1]["rows"]} == {"Provider sphere", "Joint sphere", "Customer sphere"}
    assert [r["best"] for r in tables[3]["rows"]] == ["no", "yes", "no"]
    assert all(t["source"] and t["title"] for t in tables)
