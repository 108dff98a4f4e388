"""models.kano: the published evaluation table, the classification rules, Better/Worse and the curves."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import kano
from models.kano import ANSWERS, CATEGORIES, better_worse, classify, curve, evaluate

# The standard 5×5 evaluation table (Berger et al. 1993; Sauerwein et al. 1996, as reproduced in
# domain reference §1.4). Rows: functional answer; columns: dysfunctional answer; both in the order
# like, must-be, neutral, live-with, dislike.
PUBLISHED_TABLE = """
Q A A A O
R I I I M
R I I I M
R I I I M
R R R R Q
"""

counts = st.dictionaries(st.sampled_from(CATEGORIES), st.integers(min_value=0, max_value=500), min_size=1)
answer = st.sampled_from([*range(1, 6), *ANSWERS])


def test_every_cell_of_the_published_evaluation_table():
    rows = [line.split() for line in PUBLISHED_TABLE.strip().splitlines()]
    for f, row in enumerate(rows, start=1):
        for d, expected in enumerate(row, start=1):
            assert evaluate(f, d) == expected, (ANSWERS[f - 1], ANSWERS[d - 1])
            assert evaluate(ANSWERS[f - 1], ANSWERS[d - 1]) == expected


@pytest.mark.parametrize(("functional", "dysfunctional", "category"), [
    # The textbook readings of the table (Sauerwein et al. 1996).
    ("like", "dislike", "O"),        # wanted when present, missed when absent: one-dimensional
    ("like", "neutral", "A"),        # delights when present, no loss when absent: attractive
    ("must-be", "dislike", "M"),     # taken for granted, resented when absent: must-be
    ("neutral", "neutral", "I"),     # no feeling either way: indifferent
    ("dislike", "like", "R"),        # the customer prefers it absent: reverse
    ("like", "like", "Q"),           # liked both when present and when absent: questionable
])
def test_textbook_readings(functional, dysfunctional, category):
    assert evaluate(functional, dysfunctional) == category


def test_answers_are_accepted_as_codes_or_names_in_any_case_and_spelling():
    assert evaluate("LIKE", " Live With ") == "A"
    assert evaluate("Must_Be", 5) == "M"
    assert evaluate("1", "5") == "O"


@pytest.mark.parametrize("bad", [0, 6, -1, True, 2.0, None, "love", "", "must", [1]])
def test_anything_else_is_refused_with_a_clear_message(bad):
    with pytest.raises(ValueError, match="Kano answer"):
        evaluate(bad, "dislike")
    with pytest.raises(ValueError, match="Kano answer"):
        evaluate("like", bad)


@given(answer)
def test_diagonal_is_questionable_at_the_ends_and_indifferent_in_between(a):
    """The same answer to both questions contradicts itself when it is "like" or "dislike";
    the middle three answers (must-be, neutral, live-with) on the diagonal give I."""
    code = kano.answer_code(a)
    assert evaluate(a, a) == ("Q" if code in (1, 5) else "I")


@given(answer, answer)
def test_table_is_a_function_onto_the_six_categories(f, d):
    assert evaluate(f, d) in CATEGORIES


def test_mode_of_a_worked_tally():
    # 30 guests rating clean bedding: 20 must-be answers make it a must-be attribute.
    assert classify({"A": 1, "O": 6, "M": 20, "I": 2, "Q": 1}) == "M"


@pytest.mark.parametrize(("tally", "category"), [
    ({"A": 9, "I": 9, "O": 4, "M": 2, "R": 3, "Q": 3}, "A"),   # exact tie A = I: A ranks higher
    ({"O": 5, "M": 5}, "M"),                                   # exact tie O = M: M ranks highest
    ({"A": 5, "O": 5, "M": 5, "I": 5}, "M"),                   # four-way tie: M > O > A > I
    ({"R": 4, "Q": 4}, "R"),                                   # R ranks above Q in the extension
])
def test_evaluation_rule_m_o_a_i_breaks_ties(tally, category):
    # The rule M > O > A > I for ambiguous results (Sauerwein et al. 1996, p. 9).
    assert classify(tally) == category


def test_strength_threshold_treats_a_narrow_lead_as_ambiguous():
    tally = {"A": 4, "O": 13, "M": 11, "I": 2}        # O leads M by 2/30 ≈ 6.7 points
    assert classify(tally) == "O"
    assert classify(tally, strength_threshold=0.05) == "O"
    assert classify(tally, strength_threshold=0.07) == "M"
    # A lead of exactly the threshold counts as "no more than": 0.46 − 0.40 = 0.06.
    assert classify({"A": 46, "M": 40, "I": 14}, strength_threshold=0.06) == "M"


def test_category_strength_is_the_lead_of_the_top_category():
    assert kano.category_strength({"A": 4, "O": 13, "M": 11, "I": 2}) == pytest.approx(2 / 30)
    assert kano.category_strength({"M": 5, "O": 5}) == 0


@given(counts, st.floats(min_value=0, max_value=1))
def test_classification_is_one_of_the_two_leading_categories(tally, threshold):
    if sum(tally.values()) == 0:
        return
    result = classify(tally, threshold)
    full = kano.tally(tally)
    leaders = sorted(CATEGORIES, key=lambda c: (-full[c], CATEGORIES.index(c)))[:2]
    assert result in leaders
    assert classify(tally, 0.0) == leaders[0]


def test_counts_accept_category_names_and_refuse_nonsense():
    assert classify({"attractive": 3, "Must-be": 5, "one_dimensional": 1}) == "M"
    for bad in ({"X": 1}, {"A": -1}, {"A": float("nan")}, {"A": "3"}, {"A": True}):
        with pytest.raises(ValueError):
            classify(bad)
    with pytest.raises(ValueError, match="no answers"):
        classify({"A": 0, "O": 0})
    with pytest.raises(ValueError, match="strength_threshold"):
        classify({"A": 1}, strength_threshold=1.5)


def test_better_worse_worked_example():
    # Timko's coefficients (Berger et al. 1993) for the chapter's hotel Wi-Fi tally:
    # A=4, O=13, M=11, I=2 (R and Q are left out). Better = 17/30, Worse = −24/30.
    better, worse = better_worse({"A": 4, "O": 13, "M": 11, "I": 2, "R": 0, "Q": 3})
    assert better == pytest.approx(17 / 30) and worse == pytest.approx(-0.8)


def test_better_worse_of_pure_categories():
    assert better_worse({"A": 10}) == (1.0, 0.0)
    assert better_worse({"O": 10}) == (1.0, -1.0)
    assert better_worse({"M": 10}) == (0.0, -1.0)
    assert better_worse({"I": 10}) == (0.0, 0.0)
    assert str(better_worse({"A": 3, "I": 1})[1]) == "0.0", "no negative zero to print as -0.00"


def test_better_worse_needs_an_a_o_m_or_i_answer():
    with pytest.raises(ValueError, match="R and Q answers do not count"):
        better_worse({"R": 5, "Q": 2})


@given(counts)
def test_better_and_worse_stay_in_their_ranges(tally):
    full = kano.tally(tally)
    if full["A"] + full["O"] + full["M"] + full["I"] == 0:
        return
    better, worse = better_worse(tally)
    assert 0 <= better <= 1 and -1 <= worse <= 0
    assert better - worse <= 2


@pytest.mark.parametrize(("better", "worse", "category"), [
    (0.8, -0.2, "A"), (0.8, -0.7, "O"), (0.2, -0.7, "M"), (0.2, -0.2, "I"), (0.5, -0.5, "O"),
])
def test_quadrants_split_at_one_half(better, worse, category):
    assert kano.quadrant(better, worse) == category


def test_curves_meet_the_textbook_shapes():
    assert curve("A", -1) == 0 and curve("A", 1) == pytest.approx(1)
    assert curve("M", -1) == pytest.approx(-1) and curve("M", 1) == 0
    assert curve("O", 0.4) == 0.4 and curve("R", 0.4) == -0.4 and curve("I", 0.7) == 0
    # Attractive stays low until fulfilment is high; must-be recovers quickly and then flattens.
    assert curve("A", 0) < 0.5 and curve("M", 0) > -0.5


@given(st.floats(min_value=-1, max_value=1), st.floats(min_value=-1, max_value=1),
       st.floats(min_value=0.1, max_value=20))
def test_curves_are_monotone_and_bounded(x1, x2, k):
    low, high = sorted((x1, x2))
    for category, direction in (("A", 1), ("O", 1), ("M", 1), ("R", -1)):
        a, b = curve(category, low, k), curve(category, high, k)
        assert -1 - 1e-9 <= a <= 1 + 1e-9
        assert direction * (b - a) >= -1e-12
    assert curve("A", low, k) >= 0 and curve("M", low, k) <= 0


def test_curve_refuses_questionable_and_out_of_range_input():
    with pytest.raises(ValueError, match="no curve"):
        curve("Q", 0)
    with pytest.raises(ValueError, match="fulfilment"):
        curve("A", 1.5)
    with pytest.raises(ValueError, match="curvature"):
        curve("A", 0, k=0)
    assert math.isfinite(curve("attractive", 0.3, k=50))


def test_life_cycle_runs_from_indifferent_to_must_be():
    # Kano (2001): indifferent → attractive → one-dimensional → must-be.
    assert kano.LIFE_CYCLE == ("I", "A", "O", "M")
