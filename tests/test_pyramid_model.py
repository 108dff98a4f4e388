"""models.pyramid: the Pareto curve, revenue shares and customer tiers, on worked and random data."""
import csv
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from book.content import CONTENT
from models import pyramid
from models.pyramid import TIERS, assign_tiers, pareto_curve, revenue_share, tier_summary

amount_lists = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=300).filter(
    lambda xs: sum(xs) > 0)
share = st.floats(min_value=0, max_value=1)


def test_worked_example_of_five_customers():
    # Five customers bring 5, 50, 10, 30 and 5: ranked 50, 30, 10, 5, 5 out of a total of 100.
    curve = pareto_curve([5, 50, 10, 30, 5])
    assert list(curve["amount"]) == [50, 30, 10, 5, 5]
    assert list(curve["customer_share"]) == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0])
    assert list(curve["revenue_share"]) == pytest.approx([0.5, 0.8, 0.9, 0.95, 1.0])
    assert revenue_share([5, 50, 10, 30, 5], 0.2) == pytest.approx(0.5)     # the top fifth: one customer
    assert revenue_share([5, 50, 10, 30, 5], 0.3) == pytest.approx(0.65)    # and half of the second
    tiers = assign_tiers([5, 50, 10, 30, 5], cuts=(0.2, 0.2, 0.2))
    assert list(tiers) == ["small", "vip", "ordinary", "major", "small"]


def test_course_cuts_on_a_hundred_customers_give_1_4_15_80():
    counts = assign_tiers(np.arange(100, 0, -1)).value_counts().reindex(TIERS)
    assert list(counts) == [1, 4, 15, 80]


def test_equal_amounts_keep_their_input_order():
    assert list(assign_tiers([7, 7, 7, 7], cuts=(0.25, 0.25, 0.25))) == ["vip", "major", "ordinary", "small"]


def test_a_series_keeps_its_index():
    amounts = pd.Series([10.0, 90.0], index=["shop-a", "shop-b"])
    assert assign_tiers(amounts, cuts=(0.5, 0, 0)).to_dict() == {"shop-a": "small", "shop-b": "vip"}


@pytest.mark.parametrize(("amounts", "message"), [
    ([], "amounts is empty"),
    ([10, -5, 3], "must not be negative; 1 are"),
    ([10, math.nan], "missing or infinite"),
    ([10, math.inf], "missing or infinite"),
    (["10", "x"], "must be numbers"),
    ([[1, 2], [3, 4]], "one list of numbers"),
    ([0, 0, 0], "all amounts are zero"),
])
def test_bad_amounts_are_refused_with_a_clear_message(amounts, message):
    with pytest.raises(ValueError, match=message):
        pareto_curve(amounts)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan, True])
def test_top_fraction_must_be_a_share(bad):
    with pytest.raises(ValueError, match="top_fraction must be a share"):
        revenue_share([1, 2, 3], bad)


@pytest.mark.parametrize(("cuts", "message"), [
    ((0.5, 0.4, 0.2), "more than all customers"),
    ((0.01, 0.04), "needs 3 shares"),
    ((0.01, -0.04, 0.15), "each cut must be a share"),
])
def test_bad_cuts_are_refused(cuts, message):
    with pytest.raises(ValueError, match=message):
        assign_tiers([1, 2, 3], cuts=cuts)


def test_assign_tiers_accepts_all_zero_amounts_but_shares_do_not():
    assert list(assign_tiers([0, 0], cuts=(0.5, 0, 0))) == ["vip", "small"]
    with pytest.raises(ValueError, match="all amounts are zero"):
        revenue_share([0, 0], 0.5)


def _sample() -> list[int]:
    with open(CONTENT / "data" / "customer_sample.csv", encoding="utf-8") as f:
        return [int(row["annual_purchases_yuan"]) for row in csv.DictReader(line for line in f if line[0] != "#")]


def test_shipped_sample_is_the_script_s_output_and_shows_the_80_20_pattern():
    from scripts.make_customer_sample import sample
    amounts = _sample()
    assert amounts == list(sample())
    assert len(amounts) == 1000
    assert revenue_share(amounts, 0.2) == pytest.approx(0.79, abs=0.01)
    summary = tier_summary(amounts).set_index("tier")
    assert list(summary["customers"]) == [10, 40, 150, 800]
    assert summary.loc["small", "revenue_share"] == pytest.approx(0.21, abs=0.01)


@settings(deadline=None)
@given(amount_lists, share, share)
def test_revenue_share_never_falls_as_the_top_fraction_grows(amounts, a, b):
    low, high = sorted((a, b))
    assert revenue_share(amounts, low) <= revenue_share(amounts, high) + 1e-12


@settings(deadline=None)
@given(amount_lists, share)
def test_top_customers_bring_at_least_their_head_count_share(amounts, top):
    assert revenue_share(amounts, top) >= top - 1e-9


@settings(deadline=None)
@given(amount_lists)
def test_revenue_share_runs_from_zero_to_one(amounts):
    assert revenue_share(amounts, 0) == 0
    assert revenue_share(amounts, 1) == pytest.approx(1)
    assert pareto_curve(amounts)["revenue_share"].iloc[-1] == pytest.approx(1)


@settings(deadline=None)
@given(amount_lists, st.tuples(share, share, share).filter(lambda c: sum(c) <= 1))
def test_tiers_cover_everyone_and_never_rank_a_smaller_customer_higher(amounts, cuts):
    tiers = assign_tiers(amounts, cuts)
    assert len(tiers) == len(amounts)
    frame = pd.DataFrame({"tier": tiers.cat.codes, "amount": amounts})
    for upper, lower in zip(range(3), range(1, 4)):
        above, below = frame[frame["tier"] == upper], frame[frame["tier"] == lower]
        if len(above) and len(below):
            assert above["amount"].min() >= below["amount"].max()
    summary = tier_summary(amounts, cuts)
    assert summary["customers"].sum() == len(amounts)
    assert summary["revenue_share"].sum() == pytest.approx(1)


@settings(deadline=None)
@given(amount_lists)
def test_the_tier_table_agrees_with_revenue_share_at_its_boundaries(amounts):
    summary = tier_summary(amounts, pyramid.COURSE_CUTS)
    for _, row in summary.iterrows():
        assert row["cumulative_revenue_share"] == pytest.approx(
            revenue_share(amounts, row["cumulative_customer_share"]), abs=1e-9)
