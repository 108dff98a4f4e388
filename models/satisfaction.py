"""Customer satisfaction as performance measured against expectation, and two satisfaction indices.

Oliver (1980) models satisfaction as a function of the customer's expectation and of its
disconfirmation: performance above expectation (positive disconfirmation) satisfies, performance below
it (negative disconfirmation) dissatisfies. Two ways of putting a number on it are used here:

* the course material's index, perceived performance divided by expectation (实际效果 / 客户期望),
  reported as 100 × P / E so that 100 means "expectation exactly met";
* the difference D = P − E, whose sign gives the verdict: exceeded, met or fell short.

`acsi_score` is the published form of the American Customer Satisfaction Index (Fornell et al. 1996):
three 1–10 ratings (overall satisfaction, expectancy disconfirmation, closeness to the ideal) combined
with weights into a 0–100 score. ACSI's own weights come from its PLS model and are proprietary;
equal weights give the do-it-yourself version.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Literal

Verdict = Literal["exceeded", "met", "fell_short"]
ACSI_MIN, ACSI_MAX = 1.0, 10.0       # each ACSI question is rated on a 1–10 scale
SCALE_MIN, SCALE_MAX = 1.0, 10.0     # the chapter's exhibit rates expectation and performance 1–10

# Illustrative points for the chapter's exhibit (teaching values, not data): a takeaway shop's on-time
# delivery as (expectation, perceived performance). The shop's performance stays at 7 while a
# competitor raises the expectation from 7 to 8, so the same service no longer meets it.
EXAMPLE_POINTS: dict[str, tuple[float, float]] = {
    "this_year": (8.0, 7.0),
    "last_year": (7.0, 7.0),
    "competitor": (8.0, 8.4),
}


@dataclass(frozen=True)
class SatisfactionResult:
    disconfirmation: float   # D = perceived − expected
    index: float             # 100 × perceived / expected
    verdict: Verdict


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    return float(value)


def assess(expected: float, perceived: float, tolerance: float = 0.0) -> SatisfactionResult:
    """Compare perceived performance with the expectation, both on the same positive scale.

    The verdict is "met" when |P − E| ≤ `tolerance` (by default only when they are equal),
    "exceeded" above that band and "fell_short" below it.
    """
    expected, perceived = _number("expected", expected), _number("perceived", perceived)
    tolerance = _number("tolerance", tolerance)
    if expected <= 0:
        raise ValueError(f"the expectation must be greater than 0 to serve as the index's denominator; "
                         f"got {expected:g}")
    if perceived < 0:
        raise ValueError(f"perceived performance cannot be negative; got {perceived:g}")
    if tolerance < 0:
        raise ValueError(f"the tolerance is a distance and cannot be negative; got {tolerance:g}")
    difference = round(perceived - expected, 10) + 0.0
    verdict: Verdict = ("met" if abs(difference) <= tolerance
                        else "exceeded" if difference > 0 else "fell_short")
    return SatisfactionResult(disconfirmation=difference, index=100 * perceived / expected, verdict=verdict)


def acsi_score(overall: float, disconfirmation: float, ideal: float,
               weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3)) -> float:
    """The 0–100 ACSI form: Σ wₖ (Xₖ − 1) / 9 × 100 for three mean ratings on 1–10 scales.

    `weights` are rescaled to sum to 1; ACSI's published weights are estimated per industry.
    """
    ratings = [_number(name, x) for name, x in
               (("overall", overall), ("disconfirmation", disconfirmation), ("ideal", ideal))]
    if any(not ACSI_MIN <= x <= ACSI_MAX for x in ratings):
        raise ValueError(f"each ACSI rating lies on the 1–10 scale; got {', '.join(f'{x:g}' for x in ratings)}")
    if len(weights) != 3:
        raise ValueError(f"ACSI combines exactly three ratings, so it needs three weights; got {len(weights)}")
    w = [_number("weight", x) for x in weights]
    if any(x < 0 for x in w) or sum(w) == 0:
        raise ValueError("the weights must be ≥ 0 and not all zero")
    total = sum(w)
    return sum(wk / total * (xk - ACSI_MIN) for wk, xk in zip(w, ratings)) / (ACSI_MAX - ACSI_MIN) * 100
