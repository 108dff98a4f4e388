"""models.value: the value composition c + v + m and the paid/unpaid split of total utility."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.value import LABOUR_HOURS, UTILITY_PRESETS, VALUE_PRESETS, compose, new_value_per_hour, split_utility

amount = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
wages = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_hotel_night_worked_example():
    # The chapter's hotel room-night: c = 180, v = 60, m = 60 yuan (teaching numbers).
    night = compose(180, 60, 60)
    assert night.value == 300 and night.new_value == 120
    assert night.rate_of_surplus_value == 1.0          # m/v = 60/60 = 100 %
    assert night.organic_composition == 3.0            # c/v = 180/60
    assert night.rate_of_profit == pytest.approx(0.25)  # m/(c+v) = 60/240
    assert night.shares() == {"c": 0.6, "v": 0.2, "m": 0.2}


def test_marx_reproduction_example_ratios():
    # Marx, Capital vol. II, department I: 4000c + 1000v + 1000m = 6000 (m/v = 100 %, c/v = 4).
    dept = compose(4000, 1000, 1000)
    assert dept.value == 6000 and dept.rate_of_surplus_value == 1 and dept.organic_composition == 4


def test_presets_show_three_factor_intensities():
    compositions = {name: p.organic_composition for name, p in VALUE_PRESETS.items()}
    assert max(compositions, key=compositions.get) == "hotel-night"
    assert compositions["home-cleaning"] < 1 and compositions["software-project"] < 1
    per_hour = {name: new_value_per_hour(p, LABOUR_HOURS[name]) for name, p in VALUE_PRESETS.items()}
    assert per_hour == {"hotel-night": 60, "home-cleaning": 45, "software-project": 225}


def test_labour_hours_must_be_positive():
    with pytest.raises(ValueError, match="labour hours must be greater than zero"):
        new_value_per_hour(VALUE_PRESETS["hotel-night"], 0)


@pytest.mark.parametrize(("args", "message"), [
    ((-1, 60, 60), "constant capital c must be zero or more, got -1"),
    ((180, 0, 60), "variable capital v must be greater than zero, got 0"),
    ((180, 60, -5), "surplus value m must be zero or more, got -5"),
    ((math.nan, 60, 60), "constant capital c must be a finite number"),
    ((180, math.inf, 60), "variable capital v must be a finite number"),
])
def test_impossible_compositions_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        compose(*args)


@given(amount, wages, amount)
def test_value_is_the_sum_and_the_shares_add_up(c, v, m):
    parts = compose(c, v, m)
    assert parts.value == pytest.approx(c + v + m)
    assert sum(parts.shares().values()) == pytest.approx(1)
    assert parts.rate_of_profit <= parts.rate_of_surplus_value + 1e-12   # c ≥ 0 can only dilute it


@given(amount, wages, amount)
def test_profit_rate_links_the_two_ratios(c, v, m):
    parts = compose(c, v, m)
    # m/(c+v) = (m/v) / (c/v + 1)
    expected = parts.rate_of_surplus_value / (parts.organic_composition + 1)
    assert parts.rate_of_profit == pytest.approx(expected)


def test_vaccination_worked_example():
    # Per 100 yuan paid, 150 yuan of unpaid benefit to others (teaching numbers).
    shot = split_utility(100, 150)
    assert shot.total == 250 and shot.unpaid_share == 0.6 and shot.total_to_market == 2.5


def test_a_haircut_has_no_unpaid_part():
    cut = UTILITY_PRESETS["haircut"]
    assert cut.total == cut.paid and cut.unpaid_share == 0


@pytest.mark.parametrize(("paid", "unpaid", "message"), [
    (0, 10, "market value must be greater than zero"),
    (-10, 10, "market value must be greater than zero"),
    (100, -1, "unpaid external benefit must be zero or more"),
])
def test_impossible_splits_are_refused(paid, unpaid, message):
    with pytest.raises(ValueError, match=message):
        split_utility(paid, unpaid)


@given(st.floats(min_value=0.01, max_value=1e6), amount)
def test_total_utility_is_never_below_market_value(paid, unpaid):
    split = split_utility(paid, unpaid)
    assert split.total >= split.paid
    assert 0 <= split.unpaid_share < 1
