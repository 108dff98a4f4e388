"""The customer pyramid and the Pareto curve of a customer base, from one amount per customer.

An amount is what a customer brings in a period (revenue, or a non-negative contribution). Customers are
ranked from the largest amount down; the Pareto (Lorenz) curve pairs the cumulative share of customers
with the cumulative share of the total they bring, and the pyramid cuts the ranking into tiers by size:
VIP, major, ordinary and small customers, 1 % / 4 % / 15 % / the remaining 80 % in the course material.

These functions serve both the chapter's synthetic sample and customer data a reader uploads, so they
refuse what they cannot rank honestly (empty input, missing, infinite or negative amounts) with a
ValueError that says what is wrong. Profit tiers that include loss-making customers (Zeithaml, Rust &
Lemon's "lead") need signed amounts, which a share-of-total curve cannot show; rank by revenue here.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

TIERS = ("vip", "major", "ordinary", "small")
COURSE_CUTS = (0.01, 0.04, 0.15)      # VIP, major and ordinary tiers as shares of all customers


def _amounts(amounts: Sequence[float] | np.ndarray | pd.Series, *, need_total: bool = True) -> np.ndarray:
    values = amounts.to_numpy() if isinstance(amounts, pd.Series) else np.asarray(amounts)
    if values.ndim != 1:
        raise ValueError(f"amounts must be one list of numbers, one per customer (got {values.ndim} dimensions)")
    if values.size == 0:
        raise ValueError("amounts is empty: there are no customers to rank")
    if values.dtype == bool or not np.issubdtype(values.dtype, np.number):
        raise ValueError("amounts must be numbers (one per customer); found non-numeric values")
    values = values.astype(float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise ValueError(f"amounts must be finite numbers; {int(bad.sum())} are missing or infinite "
                         f"(first at position {int(np.argmax(bad))})")
    negative = values < 0
    if negative.any():
        raise ValueError(f"amounts must not be negative; {int(negative.sum())} are "
                         f"(first at position {int(np.argmax(negative))}: {values[np.argmax(negative)]:g}). "
                         "Rank revenue here; loss-making customers need a profit analysis instead")
    if need_total and values.sum() == 0:
        raise ValueError("all amounts are zero, so no customer has a share of the total")
    return values


def _ranking(values: np.ndarray) -> np.ndarray:
    """Positions from the largest amount down; equal amounts keep their input order."""
    return np.argsort(-values, kind="stable")


def pareto_curve(amounts: Sequence[float] | np.ndarray | pd.Series) -> pd.DataFrame:
    """One row per customer, largest first: rank (1 = largest), amount, customer_share (cumulative share of
    customers up to and including this one) and revenue_share (cumulative share of the total)."""
    values = _amounts(amounts)
    ordered = values[_ranking(values)]
    n = ordered.size
    return pd.DataFrame({"rank": np.arange(1, n + 1), "amount": ordered,
                         "customer_share": np.arange(1, n + 1) / n,
                         "revenue_share": np.cumsum(ordered) / ordered.sum()})


def revenue_share(amounts: Sequence[float] | np.ndarray | pd.Series, top_fraction: float) -> float:
    """Share of the total brought by the top `top_fraction` of customers (0 ≤ top_fraction ≤ 1).

    Between whole customers the curve is joined by straight lines, so the top 2.5 % of 100 customers bring
    the two largest amounts and half the third; at k/n the value is exactly the top k customers' share.
    """
    if not (isinstance(top_fraction, numbers.Real) and not isinstance(top_fraction, bool)
            and 0 <= top_fraction <= 1):
        raise ValueError(f"top_fraction must be a share between 0 and 1, got {top_fraction!r}")
    values = _amounts(amounts)
    ordered = values[_ranking(values)]
    curve = np.concatenate(([0.0], np.cumsum(ordered) / ordered.sum()))
    positions = np.arange(ordered.size + 1) / ordered.size
    return float(min(1.0, np.interp(top_fraction, positions, curve)))


def tier_sizes(n: int, cuts: Sequence[float] = COURSE_CUTS) -> list[int]:
    """Customers per tier: cumulative boundaries n·(c1), n·(c1+c2), n·(c1+c2+c3), rounded half up."""
    if len(cuts) != len(TIERS) - 1:
        raise ValueError(f"cuts needs {len(TIERS) - 1} shares (VIP, major, ordinary); got {len(cuts)}")
    if not all(isinstance(c, numbers.Real) and not isinstance(c, bool) and math.isfinite(c) and 0 <= c <= 1
               for c in cuts):
        raise ValueError(f"each cut must be a share between 0 and 1, got {tuple(cuts)!r}")
    if sum(cuts) > 1 + 1e-12:
        raise ValueError(f"the cuts add up to {sum(cuts):g}, more than all customers")
    bounds = [0]
    running = 0.0
    for cut in cuts:
        running += cut
        bounds.append(min(n, math.floor(n * running + 0.5 + 1e-9)))
    bounds.append(n)
    return [b - a for a, b in zip(bounds, bounds[1:])]


def assign_tiers(amounts: Sequence[float] | np.ndarray | pd.Series,
                 cuts: Sequence[float] = COURSE_CUTS) -> pd.Series:
    """Each customer's tier by rank: the top cuts[0] of customers are "vip", the next cuts[1] "major", the
    next cuts[2] "ordinary", and the rest "small". Keeps the input's index when given a Series."""
    values = _amounts(amounts, need_total=False)
    sizes = tier_sizes(values.size, cuts)
    labels = np.repeat(np.array(TIERS, dtype=object), sizes)
    tiers = np.empty(values.size, dtype=object)
    tiers[_ranking(values)] = labels
    index = amounts.index if isinstance(amounts, pd.Series) else None
    return pd.Series(pd.Categorical(tiers, categories=TIERS), index=index, name="tier")


def tier_summary(amounts: Sequence[float] | np.ndarray | pd.Series,
                 cuts: Sequence[float] = COURSE_CUTS) -> pd.DataFrame:
    """One row per tier, top first: customers, customer_share, revenue, revenue_share, and the tier's
    cumulative shares (everyone from the top down to and including this tier)."""
    values = _amounts(amounts)
    tiers = assign_tiers(values, cuts)
    frame = pd.DataFrame({"tier": tiers, "amount": values})
    grouped = frame.groupby("tier", observed=False)["amount"]
    summary = pd.DataFrame({"customers": grouped.size(), "revenue": grouped.sum()}).reindex(list(TIERS))
    summary["customer_share"] = summary["customers"] / values.size
    summary["revenue_share"] = summary["revenue"] / values.sum()
    summary["cumulative_customer_share"] = summary["customer_share"].cumsum()
    summary["cumulative_revenue_share"] = summary["revenue_share"].cumsum()
    return summary.rename_axis("tier").reset_index()
