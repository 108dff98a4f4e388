"""models.trade: Ricardo's worked example, the services case, refusals, and invariants."""
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from models import trade
from models.trade import (CASES, NoComparativeAdvantage, absolute_advantage, comparative_advantage,
                          gains_from_trade, opportunity_costs, relative_hours, terms_of_trade_range)

RICARDO = CASES["ricardo"]
hours_value = st.floats(min_value=0.5, max_value=5000, allow_nan=False, allow_infinity=False)


def _hours(a0, a1, b0, b1):
    return {"a": {"x": a0, "y": a1}, "b": {"x": b0, "y": b1}}


# ── Ricardo (1817), ch. 7: England cloth 100, wine 120; Portugal cloth 90, wine 80 ──

def test_ricardo_opportunity_costs():
    costs = opportunity_costs(RICARDO)
    assert costs["england"]["cloth"] == pytest.approx(100 / 120) == pytest.approx(0.8333, abs=1e-4)
    assert costs["portugal"]["cloth"] == pytest.approx(90 / 80) == 1.125
    assert costs["england"]["wine"] == pytest.approx(1.2)
    assert costs["portugal"]["wine"] == pytest.approx(80 / 90)


def test_ricardo_portugal_has_absolute_advantage_in_both_yet_england_specialises_in_cloth():
    assert absolute_advantage(RICARDO) == {"cloth": "portugal", "wine": "portugal"}
    assert comparative_advantage(RICARDO) == {"england": "cloth", "portugal": "wine"}


def test_ricardo_heavier_advantage_and_lighter_disadvantage():
    # England needs 100/90 ≈ 1.11 times Portugal's hours for cloth but 1.5 times for wine:
    # its disadvantage is lighter in cloth (两劣取其轻), Portugal's advantage heavier in wine (两优取其重).
    shares = relative_hours(RICARDO)
    assert shares["cloth"] == pytest.approx(100 / 90)
    assert shares["wine"] == pytest.approx(1.5)


def test_ricardo_one_cloth_for_one_wine_saves_england_20_and_portugal_10():
    # Ricardo: England gets wine for the labour of 100 men instead of 120; Portugal cloth for 80 instead of 90.
    gains = gains_from_trade(RICARDO, terms=1.0)
    assert gains["england"] == trade.Gain(exports="cloth", imports="wine", hours_at_home=120,
                                          hours_via_trade=100, hours_saved=20)
    assert gains["portugal"].hours_via_trade == 80 and gains["portugal"].hours_saved == 10


def test_ricardo_terms_of_trade_range():
    low, high = terms_of_trade_range(RICARDO)
    assert (low, high) == (pytest.approx(0.8333, abs=1e-4), 1.125)


def test_services_case_a_is_better_at_both_yet_b_specialises_in_software():
    case = CASES["services"]
    assert absolute_advantage(case) == {"software": "economy-a", "tourism": "economy-a"}
    assert comparative_advantage(case) == {"economy-a": "tourism", "economy-b": "software"}
    assert terms_of_trade_range(case) == (1.25, 2.0)
    gains = gains_from_trade(case, trade.OPENING_TERMS["services"])
    assert gains["economy-a"].hours_saved == pytest.approx(100)
    assert gains["economy-b"].hours_saved == pytest.approx(400 - 500 / 1.5)


def test_opening_terms_lie_inside_each_case_s_range():
    for name, case in CASES.items():
        low, high = terms_of_trade_range(case)
        assert low < trade.OPENING_TERMS[name] < high


def test_each_economy_has_absolute_advantage_in_one_good():
    # Smith's case: comparative advantage then coincides with absolute advantage.
    hours = _hours(10, 30, 20, 15)
    assert absolute_advantage(hours) == {"x": "a", "y": "b"}
    assert comparative_advantage(hours) == {"a": "x", "b": "y"}


def test_equal_hours_for_a_good_is_no_absolute_advantage():
    assert absolute_advantage(_hours(10, 20, 10, 30))["x"] is None


# ── Refusals ──

def test_equal_ratios_mean_no_comparative_advantage():
    with pytest.raises(NoComparativeAdvantage) as caught:
        comparative_advantage(_hours(100, 120, 50, 60))
    assert caught.value.ratio == pytest.approx(100 / 120)
    with pytest.raises(NoComparativeAdvantage):
        terms_of_trade_range(_hours(0.1 * 3, 0.3, 2, 2))   # 0.30000000000000004 vs 0.3


@pytest.mark.parametrize(("hours", "message"), [
    ({"a": {"x": 1, "y": 1}}, "exactly two economies, got 1"),
    ({"a": {"x": 1, "y": 1}, "b": {"x": 1, "y": 2}, "c": {"x": 1, "y": 1}}, "exactly two economies, got 3"),
    ({"a": {"x": 1, "y": 1, "z": 1}, "b": {"x": 1, "y": 2, "z": 1}}, "exactly two goods, got 3"),
    ({"a": {"x": 1, "y": 1}, "b": {"x": 1, "z": 2}}, "same two goods"),
    ({"a": {"x": 0, "y": 1}, "b": {"x": 1, "y": 2}}, "positive number: a, x = 0"),
    ({"a": {"x": 1, "y": -5}, "b": {"x": 1, "y": 2}}, "positive number: a, y = -5"),
    ({"a": {"x": 1, "y": 1}, "b": {"x": math.nan, "y": 2}}, "positive number: b, x = nan"),
    ({"a": {"x": 1, "y": 1}, "b": {"x": "3", "y": 2}}, "positive number: b, x = '3'"),
])
def test_malformed_input_is_refused_with_a_clear_message(hours, message):
    with pytest.raises(ValueError, match=message):
        comparative_advantage(hours)


@pytest.mark.parametrize("terms", [0, -1, math.inf, math.nan])
def test_terms_of_trade_must_be_positive(terms):
    with pytest.raises(ValueError, match="terms of trade must be a positive number"):
        gains_from_trade(RICARDO, terms)


# ── Invariants ──

@given(hours_value, hours_value, hours_value, hours_value)
def test_the_two_economies_specialise_in_different_goods_by_lower_opportunity_cost(a0, a1, b0, b1):
    hours = _hours(a0, a1, b0, b1)
    assume(not math.isclose(a0 * b1, b0 * a1, rel_tol=1e-9))
    choice = comparative_advantage(hours)
    assert {choice["a"], choice["b"]} == {"x", "y"}
    costs = opportunity_costs(hours)
    good = choice["a"]
    assert costs["a"][good] < costs["b"][good]
    shares = relative_hours(hours)
    assert good == min(shares, key=shares.get)


@given(hours_value, hours_value, hours_value, hours_value)
def test_opportunity_costs_of_the_two_goods_are_reciprocal(a0, a1, b0, b1):
    costs = opportunity_costs(_hours(a0, a1, b0, b1))
    for economy in ("a", "b"):
        assert costs[economy]["x"] * costs[economy]["y"] == pytest.approx(1)


@given(hours_value, hours_value, hours_value, hours_value, st.floats(min_value=0, max_value=1))
def test_inside_the_range_both_gain_and_at_its_ends_one_gains_nothing(a0, a1, b0, b1, position):
    hours = _hours(a0, a1, b0, b1)
    assume(not math.isclose(a0 * b1, b0 * a1, rel_tol=1e-6))
    low, high = terms_of_trade_range(hours)
    gains = gains_from_trade(hours, low + position * (high - low))
    assert all(g.hours_saved >= -1e-9 * g.hours_at_home for g in gains.values())
    at_ends = [gains_from_trade(hours, t) for t in (low, high)]
    assert all(min(abs(g.hours_saved) for g in end.values()) <= 1e-9 * max(a0, a1, b0, b1) for end in at_ends)


@given(hours_value, hours_value, hours_value, hours_value, st.floats(min_value=1.05, max_value=10))
def test_outside_the_range_one_economy_loses(a0, a1, b0, b1, factor):
    hours = _hours(a0, a1, b0, b1)
    assume(not math.isclose(a0 * b1, b0 * a1, rel_tol=1e-6))
    low, high = terms_of_trade_range(hours)
    for terms in (low / factor, high * factor):
        assert min(g.hours_saved for g in gains_from_trade(hours, terms).values()) < 0


@given(hours_value, hours_value, hours_value, hours_value, st.floats(min_value=0.01, max_value=1000))
def test_scaling_one_economy_s_hours_changes_no_verdict(a0, a1, b0, b1, scale):
    # Comparative advantage depends on ratios only: a uniformly slower economy specialises the same way.
    hours = _hours(a0, a1, b0, b1)
    assume(not math.isclose(a0 * b1, b0 * a1, rel_tol=1e-6))
    assert comparative_advantage(_hours(a0 * scale, a1 * scale, b0, b1)) == comparative_advantage(hours)
