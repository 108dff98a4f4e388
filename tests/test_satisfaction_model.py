"""models.satisfaction: the disconfirmation verdict, the course's index and the ACSI score."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.satisfaction import acsi_score, assess

rating = st.floats(min_value=1, max_value=10, allow_nan=False)


@pytest.mark.parametrize(("expected", "perceived", "index", "difference", "verdict"), [
    # The chapter's worked example (section "disconfirmation"): the same delivery rated 7 on a 1–10
    # scale against an expectation of 8, of 7 and of 6. The course's index is 实际效果 / 客户期望.
    (8, 7, 87.5, -1, "fell_short"),
    (7, 7, 100.0, 0, "met"),
    (6, 7, 700 / 6, 1, "exceeded"),
])
def test_worked_examples(expected, perceived, index, difference, verdict):
    result = assess(expected, perceived)
    assert result.index == pytest.approx(index)
    assert result.disconfirmation == pytest.approx(difference)
    assert result.verdict == verdict


def test_a_tolerance_band_counts_small_differences_as_met():
    assert assess(7, 7.4, tolerance=0.5).verdict == "met"
    assert assess(7, 7.6, tolerance=0.5).verdict == "exceeded"


@pytest.mark.parametrize(("expected", "perceived", "tolerance", "message"), [
    (0, 5, 0, "greater than 0"), (-2, 5, 0, "greater than 0"), (5, -1, 0, "negative"),
    (5, 5, -0.1, "tolerance"), (float("nan"), 5, 0, "finite"), ("7", 5, 0, "finite"),
])
def test_bad_input_is_refused_with_a_clear_message(expected, perceived, tolerance, message):
    with pytest.raises(ValueError, match=message):
        assess(expected, perceived, tolerance)


@given(rating, rating)
def test_index_and_verdict_agree(expected, perceived):
    result = assess(expected, perceived)
    sign = {"exceeded": 1, "met": 0, "fell_short": -1}[result.verdict]
    assert sign == (result.index > 100) - (result.index < 100) or abs(perceived - expected) < 1e-9
    assert result.disconfirmation == pytest.approx(perceived - expected, abs=1e-9)


@given(rating, rating, rating)
def test_verdict_never_worsens_as_performance_rises(expected, p1, p2):
    rank = {"fell_short": 0, "met": 1, "exceeded": 2}
    low, high = sorted((p1, p2))
    assert rank[assess(expected, low).verdict] <= rank[assess(expected, high).verdict]


def test_acsi_worked_example():
    # The published 0–100 form, ((X1−1)w1 + (X2−1)w2 + (X3−1)w3) / 9 × 100 (ACSI score calculation;
    # Fornell et al. 1996 for the three questions). Means 8, 7, 7 with equal weights:
    # (7 + 6 + 6) / 27 × 100 = 70.37.
    assert acsi_score(8, 7, 7) == pytest.approx(1900 / 27)
    # The State of Ohio weights quoted in Verint's article on the ACSI score give 70.98.
    ohio = (0.3885, 0.3190, 0.2925)
    assert acsi_score(8, 7, 7, ohio) == pytest.approx((7 * ohio[0] + 6 * ohio[1] + 6 * ohio[2]) / 9 * 100)


def test_acsi_end_points_and_bad_input():
    assert acsi_score(1, 1, 1) == 0 and acsi_score(10, 10, 10) == pytest.approx(100)
    with pytest.raises(ValueError, match="1–10"):
        acsi_score(11, 5, 5)
    with pytest.raises(ValueError, match="weights"):
        acsi_score(5, 5, 5, (0, 0, 0))
    with pytest.raises(ValueError, match="three weights"):
        acsi_score(5, 5, 5, (1, 1))  # type: ignore[arg-type]


@given(rating, rating, rating, st.tuples(*[st.floats(min_value=0.01, max_value=1)] * 3))
def test_acsi_stays_between_0_and_100(x1, x2, x3, weights):
    assert 0 - 1e-9 <= acsi_score(x1, x2, x3, weights) <= 100 + 1e-9
