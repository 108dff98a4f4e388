"""models.servqual: published worked examples and invariants of SERVQUAL scoring."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import servqual
from models.servqual import (
    DIMENSIONS, ITEM_DIMENSION, dimension_gaps, dimension_means, largest_shortfall, servperf_score,
    unweighted_score, weighted_score)

score = st.floats(min_value=1, max_value=7, allow_nan=False)
gap = st.floats(min_value=-6, max_value=6, allow_nan=False)
scores = st.fixed_dictionaries({d: score for d in DIMENSIONS})
gaps = st.fixed_dictionaries({d: gap for d in DIMENSIONS})


@st.composite
def weights(draw):
    """Five non-negative whole-number point allocations summing to 100, as respondents give them."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=4, max_size=4)))
    bounds = [0, *cuts, 100]
    return {d: bounds[i + 1] - bounds[i] for i, d in enumerate(DIMENSIONS)}


# 12manage, "Weighted and Unweighted Average SERVQUAL Scores?" (answer by J. de Jonge),
# https://www.12manage.com/forum.asp?TB=zeithaml_servqual&S=54 — dimension means of P − E.
TWELVE_MANAGE_GAPS = {"tangibles": -0.65, "reliability": -1.10, "responsiveness": -0.83,
                      "assurance": -0.70, "empathy": -1.01}


def test_unweighted_score_matches_the_12manage_example():
    # (−0.65 − 1.10 − 0.83 − 0.70 − 1.01) / 5 = −4.29 / 5, which the source rounds to −0.86.
    assert unweighted_score(TWELVE_MANAGE_GAPS) == pytest.approx(-0.858)
    assert round(unweighted_score(TWELVE_MANAGE_GAPS), 2) == -0.86


def test_the_12manage_example_points_to_reliability_first():
    # The source: "because the perceived GAP in dimension 2 is the biggest, reliability could be the
    # place to start improving".
    assert largest_shortfall(TWELVE_MANAGE_GAPS) == "reliability"


def test_weighted_score_of_the_12manage_gaps_with_the_chapters_weights():
    # Computed by hand with the step in the SERVQUAL scoring instructions (dimension mean × its
    # share of 100 importance points, summed): 10(−0.65) + 30(−1.10) + 25(−0.83) + 20(−0.70)
    # + 15(−1.01) = −89.4 points, i.e. −0.894.
    assert weighted_score(TWELVE_MANAGE_GAPS, servqual.DEFAULT_WEIGHTS) == pytest.approx(-0.894)


def test_item_to_dimension_mapping_follows_parasuraman_zeithaml_berry():
    # Items 1–4 tangibles, 5–9 reliability, 10–13 responsiveness, 14–17 assurance, 18–22 empathy
    # (PZB 1988; the same numbering in the 1991 refinement).
    counts = {d: sum(1 for v in ITEM_DIMENSION.values() if v == d) for d in DIMENSIONS}
    assert counts == {"tangibles": 4, "reliability": 5, "responsiveness": 4, "assurance": 4, "empathy": 5}
    assert sorted(ITEM_DIMENSION) == list(range(1, 23))
    assert [ITEM_DIMENSION[i] for i in (1, 5, 10, 14, 18, 22)] == [
        "tangibles", "reliability", "responsiveness", "assurance", "empathy", "empathy"]


def test_chapter_worked_example_the_bank_branch():
    # Section "scoring" of the chapter: gaps −0.2, −1.3, −0.8, −0.5, −0.6.
    result = dimension_gaps(servqual.DEFAULT_EXPECTATIONS, servqual.DEFAULT_PERCEPTIONS)
    assert result == pytest.approx({"tangibles": -0.2, "reliability": -1.3, "responsiveness": -0.8,
                                    "assurance": -0.5, "empathy": -0.6})
    assert unweighted_score(result) == pytest.approx(-0.68)
    assert weighted_score(result, servqual.DEFAULT_WEIGHTS) == pytest.approx(-0.80)
    assert largest_shortfall(result) == "reliability"
    assert servperf_score(servqual.DEFAULT_PERCEPTIONS) == pytest.approx(5.68)


def test_item_scores_average_into_dimensions():
    items = {i: 7.0 if ITEM_DIMENSION[i] == "reliability" else 5.0 for i in range(1, 23)}
    items[5] = 6.0   # reliability: (6 + 7 + 7 + 7 + 7) / 5
    means = dimension_means(items)
    assert means["reliability"] == pytest.approx(6.8)
    assert means["tangibles"] == pytest.approx(5.0)


@pytest.mark.parametrize(("bad", "message"), [
    ({"tangibles": 20, "reliability": 30, "responsiveness": 25, "assurance": 20, "empathy": 15}, "add up to 110"),
    ({"tangibles": -10, "reliability": 50, "responsiveness": 25, "assurance": 20, "empathy": 15}, "cannot be negative"),
    ({"reliability": 100}, "missing tangibles"),
])
def test_bad_weights_are_refused_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        weighted_score(TWELVE_MANAGE_GAPS, bad)


def test_scores_off_the_seven_point_scale_are_refused():
    with pytest.raises(ValueError, match="outside the 1–7 scale"):
        dimension_gaps({**servqual.DEFAULT_EXPECTATIONS, "empathy": 8}, servqual.DEFAULT_PERCEPTIONS)


def test_item_scores_must_cover_all_22_items():
    with pytest.raises(ValueError, match="missing"):
        dimension_means({i: 4.0 for i in range(1, 22)})


@given(scores, scores)
def test_gaps_stay_within_plus_minus_six_and_swap_sign_with_the_arguments(e, p):
    forward, backward = dimension_gaps(e, p), dimension_gaps(p, e)
    for d in DIMENSIONS:
        assert -6 <= forward[d] <= 6
        assert forward[d] == pytest.approx(-backward[d], abs=1e-9)


@given(gaps)
def test_equal_weights_give_the_unweighted_score(g):
    equal = {d: 20 for d in DIMENSIONS}
    assert weighted_score(g, equal) == pytest.approx(unweighted_score(g), abs=1e-9)


@given(gaps, weights())
def test_weighted_score_lies_between_the_smallest_and_largest_gap(g, w):
    assert min(g.values()) - 1e-9 <= weighted_score(g, w) <= max(g.values()) + 1e-9


@given(gaps, st.sampled_from(DIMENSIONS))
def test_all_points_on_one_dimension_give_that_dimension_s_gap(g, dim):
    w = {d: (100 if d == dim else 0) for d in DIMENSIONS}
    assert weighted_score(g, w) == pytest.approx(g[dim], abs=1e-9)


@given(scores, scores, st.floats(min_value=-1, max_value=1, allow_nan=False))
def test_raising_every_perception_by_c_raises_both_scores_by_c(e, p, c):
    shifted = {d: p[d] + c for d in DIMENSIONS}
    if not all(1 <= v <= 7 for v in shifted.values()):
        return
    before, after = dimension_gaps(e, p), dimension_gaps(e, shifted)
    assert unweighted_score(after) - unweighted_score(before) == pytest.approx(c, abs=1e-6)
    assert (weighted_score(after, servqual.DEFAULT_WEIGHTS) - weighted_score(before, servqual.DEFAULT_WEIGHTS)
            == pytest.approx(c, abs=1e-6))


@given(gaps)
def test_largest_shortfall_is_the_minimum_gap_or_none(g):
    worst = largest_shortfall(g)
    if worst is None:
        assert min(g.values()) >= 0
    else:
        assert g[worst] == min(g.values()) < 0
