"""models.loyalty: customer lifetime value, the value of higher retention, and profit by year of tenure."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import loyalty
from models.loyalty import clv, expected_lifetime, margin_multiple, retention_gain

retention = st.floats(min_value=0.0, max_value=0.97, allow_nan=False)
discount = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)
margin = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)


def test_margin_multiple_of_gupta_and_lehmann():
    # Gupta & Lehmann (2003): with constant margin and retention, an unlimited horizon and margins at the end
    # of each period, CLV = m · r / (1 + i − r); r = 80 % and i = 10 % give a margin multiple of 2.67.
    assert margin_multiple(0.8, 0.1) == pytest.approx(2.6667, abs=1e-4)


def test_the_chapter_s_worked_example():
    # Section "lifetime-value": margin 100 yuan a year, retention 80 %, discount 10 %.
    assert clv(100, 0.8, 0.1) == pytest.approx(266.67, abs=0.01)       # 100 × 0.8 / 0.3
    assert clv(100, 0.85, 0.1) == pytest.approx(340.0)                  # 100 × 0.85 / 0.25
    gain = retention_gain(0.8, 0.1)
    assert gain.raised == pytest.approx(0.85) and gain.relative == pytest.approx(0.275)  # 340 / 266.67 − 1
    # Five years only: 100·(0.8/1.1 + 0.8²/1.1² + … + 0.8⁵/1.1⁵)
    assert clv(100, 0.8, 0.1, periods=5) == pytest.approx(212.41, abs=0.01)


@pytest.mark.parametrize(("periods", "value"), [
    (1, 100 * 0.8 / 1.1),                                 # 72.73: one margin, one period discounted
    (2, 100 * 0.8 / 1.1 + 100 * 0.64 / 1.21),             # 125.62
])
def test_finite_horizon_is_the_plain_sum(periods, value):
    assert clv(100, 0.8, 0.1, periods=periods) == pytest.approx(value)


def test_expected_lifetime_and_mbna_halving_defections():
    # Reichheld & Sasser (1990): MBNA halved its 10 % defection rate; at 5 % the expected life doubles.
    assert expected_lifetime(0.90) == pytest.approx(10)
    assert expected_lifetime(0.95) == pytest.approx(20)
    assert expected_lifetime(0.80) == pytest.approx(5)


@pytest.mark.parametrize("bad", [1.0, 1.2, -0.1, math.nan, math.inf, True])
def test_retention_outside_zero_to_one_is_refused(bad):
    with pytest.raises(ValueError, match="retention must be a rate in"):
        clv(100, bad, 0.1)


@pytest.mark.parametrize("bad", [-0.01, math.nan, -math.inf])
def test_negative_or_missing_discount_is_refused(bad):
    with pytest.raises(ValueError, match="discount must be a rate of at least 0"):
        clv(100, 0.8, bad)


@pytest.mark.parametrize("bad", [0, -3, 2.5, True])
def test_periods_must_be_a_positive_whole_number(bad):
    with pytest.raises(ValueError, match="periods must be a whole number"):
        clv(100, 0.8, 0.1, periods=bad)


def test_retention_gain_refuses_a_rise_to_one_and_retention_zero():
    with pytest.raises(ValueError, match="retention must be a rate in"):
        retention_gain(0.95, 0.1, rise=0.05)
    with pytest.raises(ValueError, match="relative gain is undefined"):
        retention_gain(0.0, 0.1)


@settings(deadline=None)
@given(margin, retention, discount)
def test_a_long_finite_horizon_approaches_the_closed_form(m, r, d):
    assert clv(m, r, d, periods=2000) == pytest.approx(clv(m, r, d), rel=1e-6, abs=1e-6)


@given(margin, retention, discount, st.integers(min_value=1, max_value=40))
def test_finite_value_equals_the_explicit_sum(m, r, d, periods):
    explicit = sum(m * r ** t / (1 + d) ** t for t in range(1, periods + 1))
    assert clv(m, r, d, periods=periods) == pytest.approx(explicit, rel=1e-9, abs=1e-9)


@given(retention, retention, discount)
def test_value_never_falls_as_retention_rises(r1, r2, d):
    low, high = sorted((r1, r2))
    assert clv(100, low, d) <= clv(100, high, d) + 1e-9


@given(retention, discount, discount)
def test_value_never_rises_with_the_discount_rate(r, d1, d2):
    low, high = sorted((d1, d2))
    assert clv(100, r, high) <= clv(100, r, low) + 1e-9


@given(st.floats(min_value=0.01, max_value=0.9), discount, st.floats(min_value=0, max_value=0.07),
       st.floats(min_value=1, max_value=1e4))
def test_relative_gain_is_non_negative_and_does_not_depend_on_margin(r, d, rise, m):
    gain = retention_gain(r, d, rise=rise)
    assert gain.relative >= -1e-12
    assert clv(m, gain.raised, d) / clv(m, r, d) - 1 == pytest.approx(gain.relative, rel=1e-9, abs=1e-12)


def test_profit_sources_follow_reichheld_and_sasser():
    # Reichheld & Sasser (1990): acquisition cost, then base profit, increased purchases, lower operating costs,
    # referrals and a price premium. The amounts are the book's teaching model.
    rows = loyalty.profit_by_year(5)
    assert rows[0] == {"year": 0, "source": "acquisition", "profit": -100.0}
    year_one = {r["source"]: r["profit"] for r in rows if r["year"] == 1}
    year_five = {r["source"]: r["profit"] for r in rows if r["year"] == 5}
    assert year_one == {"base-profit": 30.0, "increased-purchases": 0.0, "reduced-costs": 0.0,
                        "referrals": 0.0, "price-premium": 0.0}
    assert sum(year_five.values()) == pytest.approx(70.0)     # 30 + 4 × (4 + 2 + 2.5 + 1.5)
    assert loyalty.break_even_year(rows) == 3                 # −100, then +30, +40, +50
    assert loyalty.break_even_year(loyalty.profit_by_year(5, ["base-profit"])) == 4


def test_profit_by_year_refuses_unknown_sources_and_bad_years():
    with pytest.raises(ValueError, match="unknown profit source"):
        loyalty.profit_by_year(5, ["goodwill"])
    with pytest.raises(ValueError, match="years must be a whole number"):
        loyalty.profit_by_year(0)


@given(st.sets(st.sampled_from(loyalty.SOURCE_IDS)), st.integers(min_value=1, max_value=15))
def test_more_sources_never_lower_the_yearly_profit(chosen, years):
    all_rows = loyalty.cumulative_profit(loyalty.profit_by_year(years), years)
    some_rows = loyalty.cumulative_profit(loyalty.profit_by_year(years, chosen), years)
    assert list(some_rows) == list(all_rows) == list(range(years + 1))
    assert all(some_rows[y] <= all_rows[y] + 1e-9 for y in all_rows)
