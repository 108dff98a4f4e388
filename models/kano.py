"""The Kano model of attractive quality as numbers: evaluation table, classification, Better/Worse.

Kano, Seraku, Takahashi & Tsuji (1984) separate how fully an attribute is provided from how satisfied
the customer is, and sort attributes into attractive (A), one-dimensional (O), must-be (M),
indifferent (I) and reverse (R) quality; a contradictory answer pair is questionable (Q).

Each respondent answers a functional question ("How do you feel if the service has X?") and a
dysfunctional one ("…if it does not have X?") with one of five answers; the standard evaluation table
of Berger et al. (1993) and Sauerwein et al. (1996) turns the pair into a category. A feature's
category is the most frequent one across respondents, with the evaluation rule M > O > A > I for
ambiguous results; Timko's coefficients (in Berger et al. 1993) summarise the counts as
Better = (A+O)/(A+O+M+I) and Worse = −(O+M)/(A+O+M+I).

The functions take plain Python values (answers as codes 1–5 or names, counts as a mapping of
category → count) so that the chapter's exhibits and a later data lab can share them. `curve` draws
teaching curves for the Kano diagram; Kano et al. drew the curves by hand, so these are
illustrations, not estimated response functions.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real
from typing import Literal

Category = Literal["A", "O", "M", "I", "R", "Q"]

# The five answers in questionnaire order; an answer's code is its position + 1.
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")
# All six results of the evaluation table, in the order of the evaluation rule M > O > A > I,
# extended by R and Q (neither says how much an attribute matters).
CATEGORIES: tuple[Category, ...] = ("M", "O", "A", "I", "R", "Q")
DRAWN_CATEGORIES: tuple[Category, ...] = ("A", "O", "M", "I", "R")   # Q has no curve
LIFE_CYCLE: tuple[Category, ...] = ("I", "A", "O", "M")               # Kano (2001)

# Rows: answer to the functional question; columns: answer to the dysfunctional question.
EVALUATION_TABLE: tuple[tuple[Category, ...], ...] = (
    ("Q", "A", "A", "A", "O"),   # like
    ("R", "I", "I", "I", "M"),   # must-be
    ("R", "I", "I", "I", "M"),   # neutral
    ("R", "I", "I", "I", "M"),   # live-with
    ("R", "R", "R", "R", "Q"),   # dislike
)

_CATEGORY_NAMES = {
    "attractive": "A", "one-dimensional": "O", "must-be": "M", "indifferent": "I",
    "reverse": "R", "questionable": "Q",
}
_EPSILON = 1e-12   # shares are floats: "differ by no more than" must not fail on 0.46 − 0.40


def _normalise(name: str) -> str:
    return "-".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


def answer_code(answer: int | str) -> int:
    """The code 1–5 of an answer given as a code or as a name ("like", "must-be", "neutral",
    "live-with", "dislike"; case, spaces and underscores do not matter)."""
    if isinstance(answer, bool):
        raise ValueError(f"a Kano answer must be a code 1–5 or one of {', '.join(ANSWERS)}; got {answer!r}")
    if isinstance(answer, int):
        if 1 <= answer <= len(ANSWERS):
            return answer
        raise ValueError(f"a Kano answer code must be 1–5; got {answer}")
    if isinstance(answer, str):
        name = _normalise(answer)
        if name.isdigit():
            return answer_code(int(name))
        if name in ANSWERS:
            return ANSWERS.index(name) + 1
    raise ValueError(f"a Kano answer must be a code 1–5 or one of {', '.join(ANSWERS)}; got {answer!r}")


def evaluate(functional: int | str, dysfunctional: int | str) -> Category:
    """The category the standard evaluation table gives one respondent's pair of answers."""
    return EVALUATION_TABLE[answer_code(functional) - 1][answer_code(dysfunctional) - 1]


def category_code(category: str) -> Category:
    """A category given as its letter or its name ("A", "attractive", "Must-be", …) as a letter."""
    if isinstance(category, str):
        name = _normalise(category)
        if name.upper() in CATEGORIES:
            return name.upper()  # type: ignore[return-value]
        if name in _CATEGORY_NAMES:
            return _CATEGORY_NAMES[name]  # type: ignore[return-value]
    raise ValueError(f"unknown Kano category {category!r}: use one of {', '.join(CATEGORIES)} "
                     f"or {', '.join(_CATEGORY_NAMES)}")


def tally(counts: Mapping[str, float]) -> dict[Category, float]:
    """Counts for all six categories, from a mapping that may name only some of them."""
    result: dict[Category, float] = dict.fromkeys(CATEGORIES, 0)
    for key, value in counts.items():
        code = category_code(key)
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) or value < 0:
            raise ValueError(f"the count for {key!r} must be a finite number ≥ 0; got {value!r}")
        result[code] += value
    return result


def shares(counts: Mapping[str, float]) -> dict[Category, float]:
    """Each category's share of all answers (R and Q included)."""
    full = tally(counts)
    total = sum(full.values())
    if total == 0:
        raise ValueError("no answers were counted: a category needs at least one answer")
    return {c: full[c] / total for c in CATEGORIES}


def classify(counts: Mapping[str, float], strength_threshold: float = 0.0) -> Category:
    """The most frequent category; if the top two categories' shares differ by no more than
    `strength_threshold`, the one ranked higher in M > O > A > I (then R, Q) wins.

    With the default threshold of 0 the rule only breaks exact ties. A threshold such as 0.06 treats
    results whose leading category is only a few points ahead as ambiguous.
    """
    first, second = leaders(counts)
    if is_ambiguous(counts, strength_threshold):
        return min(first, second, key=CATEGORIES.index)
    return first


def leaders(counts: Mapping[str, float]) -> tuple[Category, Category]:
    """The two most frequent categories, the leader first; equal counts are ordered by M > O > A > I > R > Q."""
    share = shares(counts)
    first, second = sorted(CATEGORIES, key=lambda c: (-share[c], CATEGORIES.index(c)))[:2]
    return first, second


def category_strength(counts: Mapping[str, float]) -> float:
    """The share of the leading category minus the share of the runner-up."""
    first, second = leaders(counts)
    share = shares(counts)
    return share[first] - share[second]


def is_ambiguous(counts: Mapping[str, float], strength_threshold: float = 0.0) -> bool:
    """Whether the leader is ahead of the runner-up by no more than `strength_threshold` (a share, 0–1)."""
    if isinstance(strength_threshold, bool) or not isinstance(strength_threshold, Real) \
            or not 0 <= strength_threshold <= 1:
        raise ValueError(f"strength_threshold is a difference of shares, between 0 and 1; got {strength_threshold!r}")
    return category_strength(counts) <= strength_threshold + _EPSILON


def better_worse(counts: Mapping[str, float]) -> tuple[float, float]:
    """Timko's coefficients: Better = (A+O)/(A+O+M+I) in [0, 1], Worse = −(O+M)/(A+O+M+I) in [−1, 0].

    R and Q answers are left out of the denominator, as in Berger et al. (1993).
    """
    full = tally(counts)
    denominator = full["A"] + full["O"] + full["M"] + full["I"]
    if denominator == 0:
        raise ValueError("Better and Worse need at least one A, O, M or I answer; "
                         "R and Q answers do not count")
    better = (full["A"] + full["O"]) / denominator
    worse = -(full["O"] + full["M"]) / denominator
    return better, worse + 0.0   # + 0.0 turns −0.0 into 0.0


def quadrant(better: float, worse: float, split: float = 0.5) -> Category:
    """The category a feature's Better/Worse point suggests: high Better and low |Worse| is A,
    both high O, low Better and high |Worse| M, both low I. Points on a split line count as high."""
    if not 0 <= better <= 1 or not -1 <= worse <= 0:
        raise ValueError(f"Better must lie in [0, 1] and Worse in [−1, 0]; got {better!r}, {worse!r}")
    high_better, high_worse = better >= split, -worse >= split
    if high_better:
        return "O" if high_worse else "A"
    return "M" if high_worse else "I"


def curve(category: str, fulfilment: float, k: float = 3.0) -> float:
    """Teaching curve of satisfaction (−1 … +1) against fulfilment (−1 absent … +1 fully provided).

    A rises convexly from 0, M rises concavely from −1 to 0, O is the diagonal, I the axis and
    R the falling diagonal; `k` > 0 sets how strongly A and M bend.
    """
    code = category_code(category)
    if code == "Q":
        raise ValueError("questionable (Q) is an answer pattern, not a kind of quality: it has no curve")
    if isinstance(fulfilment, bool) or not isinstance(fulfilment, Real) or not -1 <= fulfilment <= 1:
        raise ValueError(f"fulfilment runs from −1 (absent) to +1 (fully provided); got {fulfilment!r}")
    if not isinstance(k, Real) or not 0 < k <= 50:
        raise ValueError(f"the curvature k must be greater than 0 (and at most 50); got {k!r}")
    u = (fulfilment + 1) / 2
    scale = math.expm1(k)
    value = {
        "A": math.expm1(k * u) / scale,
        "O": float(fulfilment),
        "M": -math.expm1(k * (1 - u)) / scale,
        "I": 0.0,
        "R": -float(fulfilment),
    }[code]
    return value + 0.0
