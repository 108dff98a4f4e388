"""SERVQUAL as numbers: the 22 items, the five dimensions and the gap scores.

Customers rate 22 statements twice on a 7-point scale, once for what an excellent firm in the
category would do (expectations, E) and once for the firm at hand (perceptions, P); Parasuraman,
Zeithaml & Berry (1988, refined 1991) group the items into five dimensions. The gap score of an item
or dimension is P − E, so a negative number is a shortfall. Two summaries follow the usual SERVQUAL
scoring instructions: the unweighted score is the plain mean of the five dimension gaps; the
weighted score lets customers allocate 100 importance points across the dimensions and is
Σ points × gap / 100.

`DEFAULT_EXPECTATIONS`, `DEFAULT_PERCEPTIONS` and `DEFAULT_WEIGHTS` are a teaching example (a bank
branch), not survey data.
"""
from __future__ import annotations

from collections.abc import Mapping
from statistics import fmean

DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
SCALE_MIN, SCALE_MAX = 1.0, 7.0          # 1 = strongly disagree … 7 = strongly agree
WEIGHT_TOTAL = 100                       # importance points a respondent allocates

# Item numbers of the 22-item instrument (1988 and 1991 numbering) → dimension.
ITEM_DIMENSION: dict[int, str] = {
    **{item: "tangibles" for item in range(1, 5)},
    **{item: "reliability" for item in range(5, 10)},
    **{item: "responsiveness" for item in range(10, 14)},
    **{item: "assurance" for item in range(14, 18)},
    **{item: "empathy" for item in range(18, 23)},
}

# The chapter's worked example: a bank branch on the 7-point scale. Reliability has the largest
# shortfall and, in these illustrative weights, the most importance points.
DEFAULT_EXPECTATIONS: dict[str, float] = {
    "tangibles": 6.2, "reliability": 6.7, "responsiveness": 6.4, "assurance": 6.5, "empathy": 6.0}
DEFAULT_PERCEPTIONS: dict[str, float] = {
    "tangibles": 6.0, "reliability": 5.4, "responsiveness": 5.6, "assurance": 6.0, "empathy": 5.4}
DEFAULT_WEIGHTS: dict[str, int] = {
    "tangibles": 10, "reliability": 30, "responsiveness": 25, "assurance": 20, "empathy": 15}


def _check_dimensions(values: Mapping[str, float], what: str) -> None:
    missing = [d for d in DIMENSIONS if d not in values]
    unknown = sorted(set(values).difference(DIMENSIONS))
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown {', '.join(unknown)}")
        raise ValueError(f"{what} must give one value for each of the five dimensions ({'; '.join(parts)})")


def _check_scale(values: Mapping[str, float], what: str) -> None:
    for dim, value in values.items():
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"{what} for {dim} is {value:g}, outside the {SCALE_MIN:g}–{SCALE_MAX:g} scale")


def dimension_means(item_scores: Mapping[int, float]) -> dict[str, float]:
    """Average 22 item scores (item number → score) into the five dimension scores."""
    missing = sorted(set(ITEM_DIMENSION).difference(item_scores))
    unknown = sorted(set(item_scores).difference(ITEM_DIMENSION))
    if missing or unknown:
        raise ValueError(f"item scores must cover items 1–22 exactly (missing {missing}, unknown {unknown})")
    return {dim: fmean(score for item, score in item_scores.items() if ITEM_DIMENSION[item] == dim)
            for dim in DIMENSIONS}


def dimension_gaps(expectations: Mapping[str, float], perceptions: Mapping[str, float]) -> dict[str, float]:
    """P − E for each dimension, in DIMENSIONS order; negative means perceptions fall short."""
    _check_dimensions(expectations, "expectations")
    _check_dimensions(perceptions, "perceptions")
    _check_scale(expectations, "expectation")
    _check_scale(perceptions, "perception")
    return {dim: round(perceptions[dim] - expectations[dim], 10) for dim in DIMENSIONS}


def unweighted_score(gaps: Mapping[str, float]) -> float:
    """The unweighted SERVQUAL score: the plain mean of the five dimension gaps."""
    _check_dimensions(gaps, "gaps")
    return round(fmean(gaps[dim] for dim in DIMENSIONS), 10)


def check_weights(weights: Mapping[str, float]) -> None:
    """Raise ValueError unless the weights are non-negative points for the five dimensions summing to 100."""
    _check_dimensions(weights, "weights")
    negative = [d for d in DIMENSIONS if weights[d] < 0]
    if negative:
        raise ValueError(f"importance points cannot be negative ({', '.join(negative)})")
    total = sum(weights[d] for d in DIMENSIONS)
    if abs(total - WEIGHT_TOTAL) > 1e-9:
        raise ValueError(f"importance points must add up to {WEIGHT_TOTAL}; these add up to {total:g}")


def weighted_score(gaps: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The weighted SERVQUAL score: Σ points × gap / 100, the points summing to 100."""
    _check_dimensions(gaps, "gaps")
    check_weights(weights)
    return round(sum(weights[d] * gaps[d] for d in DIMENSIONS) / WEIGHT_TOTAL, 10)


def largest_shortfall(gaps: Mapping[str, float]) -> str | None:
    """The dimension whose gap is most negative (the first in DIMENSIONS order on a tie), or None
    when no dimension falls short of expectations."""
    _check_dimensions(gaps, "gaps")
    worst = min(DIMENSIONS, key=lambda d: gaps[d])
    return worst if gaps[worst] < 0 else None


def servperf_score(perceptions: Mapping[str, float]) -> float:
    """Cronin & Taylor's (1992) performance-only alternative at dimension level: the mean perception."""
    _check_dimensions(perceptions, "perceptions")
    _check_scale(perceptions, "perception")
    return round(fmean(perceptions[d] for d in DIMENSIONS), 10)
