"""Sector shares of GDP as published, each figure with its source and vintage.

The service economy chapter charts services' share of GDP in the United States and China. National
statistics are revised (China's after every economic census) and defined differently (the US series
here exclude or include government), so a share is only meaningful together with its series and its
vintage. This module reads the published figures (content/data/service_share.csv), computes shares
where a source gives levels rather than shares, and selects what the exhibits show. It never fills
gaps: a year that no source gives is simply absent.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass

SECTORS = ("primary", "secondary", "tertiary")
LEVELS = ("gdp_level", "primary_level", "secondary_level", "tertiary_level")
SUM_TOLERANCE = 0.25        # published shares are rounded to 0.1, so three of them may miss 100 by 0.2
LEVEL_TOLERANCE = 0.001     # sector levels must add up to GDP within 0.1 %


@dataclass(frozen=True)
class Share:
    """One published figure: a country's sector shares of GDP in one year, in one series."""
    country: str
    series: str
    year: int
    tertiary: float
    primary: float | None      # None where the source gives the services share only
    secondary: float | None
    status: str
    source: str
    vintage: str        # which release of the data, in English
    vintage_zh: str     # the same, in Chinese

    @property
    def has_three_sectors(self) -> bool:
        return self.primary is not None and self.secondary is not None

    @property
    def unsplit(self) -> float:
        """The part of GDP the source does not break down (everything but services when only services is given)."""
        return 0.0 if self.has_three_sectors else round(100 - self.tertiary, 1)


def shares_from_levels(gdp: float, primary: float, secondary: float, tertiary: float) -> tuple[float, float, float]:
    """Percent shares of GDP, rounded to 0.1, from sector levels in any one currency unit."""
    if gdp <= 0 or min(primary, secondary, tertiary) < 0:
        raise ValueError(f"levels must be positive, got GDP {gdp:g} and sectors {primary:g}, {secondary:g}, {tertiary:g}")
    if abs(primary + secondary + tertiary - gdp) > LEVEL_TOLERANCE * gdp:
        raise ValueError(f"sector levels add up to {primary + secondary + tertiary:g}, not to GDP {gdp:g}")
    return tuple(round(100 * level / gdp, 1) for level in (primary, secondary, tertiary))


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def parse(lines: Iterable[str]) -> tuple[Share, ...]:
    """Read the CSV (lines starting with # are comments) into shares, computing those given as levels."""
    shares = []
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        where = f"{row['series']} {row['year']}"
        if row["status"] == "from-levels":
            primary, secondary, tertiary = shares_from_levels(*(float(row[k]) for k in LEVELS))
        else:
            primary, secondary, tertiary = (_number(row[s]) for s in SECTORS)
        if tertiary is None or not 0 < tertiary < 100:
            raise ValueError(f"{where}: the services share must lie between 0 and 100")
        if (primary is None) != (secondary is None):
            raise ValueError(f"{where}: give both primary and secondary shares, or neither")
        if primary is not None and abs(primary + secondary + tertiary - 100) > SUM_TOLERANCE:
            raise ValueError(f"{where}: the three shares add up to {primary + secondary + tertiary:.1f}, not 100")
        if not all(row[k].strip() for k in ("source", "vintage", "vintage_zh")):
            raise ValueError(f"{where}: every figure needs a source and a vintage (in English and Chinese)")
        shares.append(Share(country=row["country"], series=row["series"], year=int(row["year"]),
                            tertiary=tertiary, primary=primary, secondary=secondary, status=row["status"],
                            source=row["source"], vintage=row["vintage"], vintage_zh=row["vintage_zh"]))
    return tuple(shares)


def series_ids(shares: Iterable[Share]) -> tuple[str, ...]:
    """The series in the order they first appear in the data."""
    return tuple(dict.fromkeys(s.series for s in shares))


def year_span(shares: Iterable[Share]) -> tuple[int, int]:
    years = [s.year for s in shares]
    return min(years), max(years)


def select(shares: Iterable[Share], series: Iterable[str], first: int, last: int) -> list[Share]:
    """The figures of the chosen series between two years (inclusive), by series and year."""
    shares = tuple(shares)
    chosen = list(dict.fromkeys(series))
    unknown = set(chosen).difference(series_ids(shares))
    if unknown:
        raise ValueError(f"unknown series: {', '.join(sorted(unknown))}")
    if first > last:
        raise ValueError(f"the first year ({first}) comes after the last ({last})")
    order = {name: i for i, name in enumerate(chosen)}
    picked = [s for s in shares if s.series in order and first <= s.year <= last]
    return sorted(picked, key=lambda s: (order[s.series], s.year))


def first_year_above(shares: Iterable[Share], series: str, threshold: float) -> int | None:
    """The first year in a series whose services share is above `threshold` percent, if any."""
    years = sorted(s.year for s in shares if s.series == series and s.tertiary > threshold)
    return years[0] if years else None


def find(shares: Iterable[Share], series: str, year: int) -> Share:
    for s in shares:
        if s.series == series and s.year == year:
            return s
    raise ValueError(f"no published figure for {series} in {year}")
