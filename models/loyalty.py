"""The economics of customer loyalty as numbers: lifetime value and the profit a customer brings by year.

`clv` values a customer who brings a constant margin each period and stays from one period to the next
with probability `retention`; margins are discounted at `discount` per period and the first margin
arrives at the end of the first period the customer survives (Gupta & Lehmann 2003, "margin multiple"):

    CLV = Σ_{t=1..T} m·r^t / (1+d)^t,  and for an unlimited horizon  CLV = m·r / (1 + d − r).

Acquisition cost is not subtracted; a reader who wants the net value subtracts it once.

`PROFIT_SOURCES` and `profit_by_year` are a teaching model of Reichheld & Sasser's (1990) exhibit of why a
customer grows more profitable with tenure: the list of sources is theirs, the amounts are this book's.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _check(retention: float, discount: float, periods: int | None) -> None:
    if not (_is_number(retention) and 0 <= retention < 1):
        raise ValueError(f"retention must be a rate in [0, 1), got {retention!r}: at 1 the customer never "
                         "leaves and the unlimited-horizon value has no finite sum")
    if not (_is_number(discount) and discount >= 0):
        raise ValueError(f"discount must be a rate of at least 0, got {discount!r}")
    if periods is not None and (isinstance(periods, bool) or not isinstance(periods, numbers.Integral) or periods < 1):
        raise ValueError(f"periods must be a whole number of at least 1 (or None for no limit), got {periods!r}")


def margin_multiple(retention: float, discount: float, periods: int | None = None) -> float:
    """What one unit of margin per period is worth today: CLV with margin 1."""
    _check(retention, discount, periods)
    if periods is None:
        return retention / (1 + discount - retention)
    ratio = retention / (1 + discount)
    if ratio == 1:            # only when retention = 1 + discount, which _check rules out; kept for clarity
        return float(periods)
    return ratio * (1 - ratio ** periods) / (1 - ratio)


def clv(margin: float, retention: float, discount: float, periods: int | None = None) -> float:
    """Customer lifetime value: Σ_{t=1..periods} margin·retention^t/(1+discount)^t (no limit when None)."""
    if not _is_number(margin):
        raise ValueError(f"margin must be a finite number, got {margin!r}")
    return margin * margin_multiple(retention, discount, periods)


def expected_lifetime(retention: float) -> float:
    """Expected number of periods a customer stays, 1 / (1 − retention), counting the current one."""
    _check(retention, 0.0, None)
    return 1 / (1 - retention)


@dataclass(frozen=True)
class RetentionGain:
    retention: float       # the retention rate before
    raised: float          # the retention rate after the rise
    multiple: float        # margin multiple before
    raised_multiple: float # margin multiple after
    relative: float        # raised_multiple / multiple − 1: the share by which every customer's value grows


def retention_gain(retention: float, discount: float, rise: float = 0.05,
                   periods: int | None = None) -> RetentionGain:
    """How much more a customer is worth when retention rises by `rise` (0.05 = five points).

    The relative gain does not depend on the margin, which multiplies both values alike.
    """
    if not (_is_number(rise) and rise >= 0):
        raise ValueError(f"rise must be a non-negative number of rate points, got {rise!r}")
    raised = retention + rise
    before = margin_multiple(retention, discount, periods)
    after = margin_multiple(raised, discount, periods)
    if before == 0:
        raise ValueError("with retention 0 the customer is worth nothing, so a relative gain is undefined")
    return RetentionGain(retention=retention, raised=raised, multiple=before, raised_multiple=after,
                         relative=after / before - 1)


# ── Why a customer grows more profitable over time (Reichheld & Sasser 1990), as a teaching model ──

@dataclass(frozen=True)
class ProfitSource:
    id: str
    first_year: float      # profit in year 1 (for acquisition: the cost, in year 0)
    growth: float          # added each further year of the relationship


# Amounts in yuan per customer and year, chosen for the exhibit; not Reichheld & Sasser's data.
PROFIT_SOURCES: tuple[ProfitSource, ...] = (
    ProfitSource("base-profit", first_year=30.0, growth=0.0),
    ProfitSource("increased-purchases", first_year=0.0, growth=4.0),
    ProfitSource("reduced-costs", first_year=0.0, growth=2.0),
    ProfitSource("referrals", first_year=0.0, growth=2.5),
    ProfitSource("price-premium", first_year=0.0, growth=1.5),
)
SOURCE_IDS = tuple(s.id for s in PROFIT_SOURCES)
ACQUISITION_COST = 100.0


def profit_by_year(years: int, sources: Iterable[str] = SOURCE_IDS,
                   acquisition_cost: float = ACQUISITION_COST) -> list[dict]:
    """Profit from one customer by year of the relationship and source: year 0 carries the acquisition
    cost (negative); from year 1 each chosen source brings first_year + growth·(year − 1)."""
    chosen = set(sources)
    unknown = chosen.difference(SOURCE_IDS)
    if unknown:
        raise ValueError(f"unknown profit source(s): {', '.join(sorted(unknown))}")
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise ValueError(f"years must be a whole number of at least 1, got {years!r}")
    rows = [{"year": 0, "source": "acquisition", "profit": -acquisition_cost}]
    for year in range(1, years + 1):
        rows += [{"year": year, "source": s.id, "profit": s.first_year + s.growth * (year - 1)}
                 for s in PROFIT_SOURCES if s.id in chosen]
    return rows


def cumulative_profit(rows: list[dict], years: int | None = None) -> dict[int, float]:
    """Running total of profit at the end of each year from 0 to `years` (default: the last year with a row),
    from `profit_by_year` rows; a year without rows adds nothing."""
    by_year: dict[int, float] = {}
    for row in rows:
        by_year[row["year"]] = by_year.get(row["year"], 0.0) + row["profit"]
    last = max(by_year) if years is None else years
    total, running = 0.0, {}
    for year in range(last + 1):
        total += by_year.get(year, 0.0)
        running[year] = round(total, 10)
    return running


def break_even_year(rows: list[dict]) -> int | None:
    """The first year at whose end the running total is no longer negative; None if it never is."""
    return next((year for year, total in cumulative_profit(rows).items() if year > 0 and total >= 0), None)
