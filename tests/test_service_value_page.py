"""The service-value chapter through AppTest: each exhibit's defaults, edits and verdicts."""
from __future__ import annotations

import pytest

from helpers import button_group, chart_rows, metric, open_page

PAGE = "pages/service-value.py"


@pytest.fixture
def en():
    return open_page(PAGE, lang="en")


def _exact_metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _markdown(at, start: str) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(start))


# ── Value composition ──

def test_value_composition_opens_on_the_hotel_night(en):
    assert metric(en, "Value W") == "300 yuan"
    assert metric(en, "m/v") == "100%"
    assert metric(en, "c/v") == "3.00"
    assert any("rate of profit m/(c + v) = 25%" in m.value for m in en.markdown)
    rows = chart_rows(en, 0)
    hotel = rows[rows["row"] == "A hotel room-night"].set_index("part")
    assert hotel.loc["Constant capital c", "share"] == pytest.approx(0.6)
    assert hotel["highlight"].all() and not rows[rows["row"] != "A hotel room-night"]["highlight"].any()


def test_editing_c_v_m_updates_value_and_ratios(en):
    en.number_input(key="sv_c_hotel-night").set_value(240).run()
    assert metric(en, "Value W") == "360 yuan" and metric(en, "c/v") == "4.00"
    en.number_input(key="sv_m_hotel-night").set_value(90).run()
    assert metric(en, "m/v") == "150%" and metric(en, "Value W") == "390 yuan"
    hotel = chart_rows(en, 0).query("row == 'A hotel room-night'").set_index("part")
    assert hotel.loc["Surplus value m", "amount"] == 90


def test_each_service_keeps_its_own_numbers(en):
    en.number_input(key="sv_v_hotel-night").set_value(120).run()
    button_group(en, "sv_preset").set_value("home-cleaning").run()
    assert metric(en, "Value W") == "150 yuan"
    assert metric(en, "m/v") == "50%" and metric(en, "c/v") == "0.17"
    assert any("each hour creates about 45 yuan" in m.value for m in en.markdown)
    button_group(en, "sv_preset").set_value("hotel-night").run()
    assert en.number_input(key="sv_v_hotel-night").value == 120
    assert metric(en, "c/v") == "1.50"


def test_wages_cannot_be_set_to_zero(en):
    assert en.number_input(key="sv_v_hotel-night").min == 1
    assert en.number_input(key="sv_c_hotel-night").min == 0


# ── Total utility ──

def test_utility_split_opens_on_a_vaccination(en):
    assert _exact_metric(en, "Total utility") == "250 yuan"
    assert metric(en, "Unpaid share") == "60%" and metric(en, "Total utility ÷ market value") == "2.50×"
    rows = chart_rows(en, 1)
    assert set(rows["row"]) == {"A haircut", "Vocational training", "A vaccination"}
    shot = rows.query("row == 'A vaccination'").set_index("part")
    assert shot.loc["Unpaid utility (external benefit)", "amount"] == 150


def test_utility_split_follows_the_inputs(en):
    en.number_input(key="sv_unpaid_vaccination").set_value(300).run()
    assert _exact_metric(en, "Total utility") == "400 yuan" and metric(en, "Unpaid share") == "75%"
    button_group(en, "sv_utility").set_value("haircut").run()
    assert _exact_metric(en, "Total utility") == "100 yuan" and metric(en, "Unpaid share") == "0%"
    assert en.number_input(key="sv_paid_haircut").min == 1


# ── Comparative advantage ──

def test_ricardo_opens_with_his_verdict_and_gains(en):
    assert "England should specialise in cloth, Portugal in wine" in en.success[0].value
    assert "0.833 units of wine and Portugal 1.125" in en.success[0].value
    table = _markdown(en, "| Economy |")
    assert "| England | 0.833 | 1.200 | cloth |" in table and "| Portugal | 1.125 | 0.889 | wine |" in table
    assert any("Take the greater advantage" in m.value and "67%" in m.value for m in en.markdown)
    assert metric(en, "England saves") == "20.0 man-years"
    assert metric(en, "Portugal saves") == "10.0 man-years"
    rows = chart_rows(en, 2).set_index("kind")
    assert rows.loc["terms", "x"] == 1.0 and rows.loc["terms", "lo"] == pytest.approx(100 / 120)


def test_changing_the_terms_shifts_the_gains(en):
    en.number_input(key="sv_terms_ricardo_0.833333_1.125").set_value(1.1).run()
    assert metric(en, "England saves") == "29.1 man-years"
    assert metric(en, "Portugal saves") == "2.0 man-years"


def test_slower_english_cloth_reverses_the_specialisation(en):
    en.number_input(key="sv_h_ricardo_england_cloth").set_value(150).run()
    assert "England should specialise in wine, Portugal in cloth" in en.success[0].value
    assert "| England | 1.250 | 0.800 | wine |" in _markdown(en, "| Economy |")
    assert metric(en, "England saves") == "7.4 man-years"


def test_each_side_leading_in_one_good_is_smith_s_case(en):
    en.number_input(key="sv_h_ricardo_england_cloth").set_value(80).run()
    lines = next(m.value for m in en.markdown if m.value.startswith("- Producing cloth"))
    assert "**England** needs less labour (80 against 90)" in lines
    assert "the case Smith had already described" in lines and "Take the greater advantage" not in lines
    assert "England should specialise in cloth, Portugal in wine" in en.success[0].value


def test_equal_ratios_mean_no_comparative_advantage(en):
    en.number_input(key="sv_h_ricardo_england_cloth").set_value(90).run()
    en.number_input(key="sv_h_ricardo_england_wine").set_value(80).run()
    assert "No comparative advantage" in en.warning[0].value
    assert not en.success
    assert "none (equal ratios)" in _markdown(en, "| Economy |")
    assert any("both need the same labour (90 each)" in m.value for m in en.markdown)
    assert not [n for n in en.number_input if n.key.startswith("sv_terms")]
    assert not [m for m in en.metric if "saves" in m.label]


def test_a_very_narrow_range_of_terms_still_opens_inside_it(en):
    for economy, cloth, wine in (("england", 10000, 10001), ("portugal", 10001, 10002)):
        en.number_input(key=f"sv_h_ricardo_{economy}_cloth").set_value(cloth).run()
        en.number_input(key=f"sv_h_ricardo_{economy}_wine").set_value(wine).run()
    assert not en.exception
    assert "England should specialise in cloth" in en.success[0].value
    terms = next(n for n in en.number_input if n.key.startswith("sv_terms_ricardo"))
    assert terms.min <= terms.value <= terms.max


def test_services_case_economy_b_takes_the_lighter_disadvantage(en):
    button_group(en, "sv_case").set_value("services").run()
    assert "Economy A should specialise in tour-group stay, Economy B in software-testing project" in en.success[0].value
    assert metric(en, "Economy A saves") == "100.0 hours"
    assert metric(en, "Economy B saves") == "66.7 hours"


def test_chinese_page_shows_the_same_numbers():
    at = open_page(PAGE)
    assert metric(at, "价值 W") == "300 元"
    assert "英国应专门生产毛呢，葡萄牙应专门生产葡萄酒" in at.success[0].value
    assert metric(at, "英国每单位节省") == "20.0 人年"
