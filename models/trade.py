"""Ricardo's comparative advantage for two economies and two goods or services.

Each economy needs a number of labour hours (Ricardo: men's labour for a year) to produce one unit of
each good. From these unit labour requirements follow, with no further assumption:

- absolute advantage: who needs fewer hours for a good;
- opportunity cost: how many units of the other good an economy gives up to make one unit of this
  one (its own hours for this good divided by its hours for the other);
- comparative advantage: each economy specialises in the good whose opportunity cost is lower
  there than abroad (Ricardo 1817, ch. 7; the course's 两优取其重，两劣取其轻);
- gains from trade at given terms of trade: the labour an economy saves on each unit it imports
  instead of making it at home.

Ricardo's own numbers: England cloth 100, wine 120; Portugal cloth 90, wine 80.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

Hours = Mapping[str, Mapping[str, float]]

# Worked cases for the exhibit: economy -> good -> hours per unit, and the terms of trade it opens at
# (units of the second good per unit of the first).
CASES: dict[str, dict[str, dict[str, float]]] = {
    # Ricardo (1817), ch. 7: labour of so many men for a year.
    "ricardo": {"england": {"cloth": 100.0, "wine": 120.0}, "portugal": {"cloth": 90.0, "wine": 80.0}},
    # Illustrative numbers (not data): hours for one software-testing project and for hosting one
    # week-long tour group. Economy A is faster at both; B's disadvantage is lighter in software.
    "services": {"economy-a": {"software": 400.0, "tourism": 200.0},
                 "economy-b": {"software": 500.0, "tourism": 400.0}},
}
OPENING_TERMS = {"ricardo": 1.0, "services": 1.5}   # Ricardo's one cloth for one wine; a price inside the range


class NoComparativeAdvantage(Exception):
    """Both economies give up the same amount of one good for the other: specialising gains nothing."""

    def __init__(self, ratio: float):
        self.ratio = ratio
        super().__init__(f"no comparative advantage: both economies have the same opportunity cost ({ratio:.4g})")


def economies_and_goods(hours: Hours) -> tuple[tuple[str, str], tuple[str, str]]:
    """The two economies and the two goods, in the order given; refuse any other shape or any hours ≤ 0."""
    economies = tuple(hours)
    if len(economies) != 2:
        raise ValueError(f"comparative advantage needs exactly two economies, got {len(economies)}")
    goods = tuple(hours[economies[0]])
    if len(goods) != 2:
        raise ValueError(f"comparative advantage needs exactly two goods, got {len(goods)} for {economies[0]}")
    other_goods = set(hours[economies[1]])
    if other_goods != set(goods):
        raise ValueError(f"both economies must list the same two goods: {sorted(goods)} vs {sorted(other_goods)}")
    for economy in economies:
        for good in goods:
            value = hours[economy][good]
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise ValueError(f"labour hours must be a positive number: {economy}, {good} = {value!r}")
    return (economies[0], economies[1]), (goods[0], goods[1])


def _other(pair: tuple[str, str], item: str) -> str:
    return pair[1] if item == pair[0] else pair[0]


def opportunity_costs(hours: Hours) -> dict[str, dict[str, float]]:
    """For each economy and good: units of the other good given up to make one unit of this good."""
    economies, goods = economies_and_goods(hours)
    return {e: {g: hours[e][g] / hours[e][_other(goods, g)] for g in goods} for e in economies}


def absolute_advantage(hours: Hours) -> dict[str, str | None]:
    """For each good, the economy that needs fewer hours to make it, or None when both need the same."""
    economies, goods = economies_and_goods(hours)
    first, second = economies
    result: dict[str, str | None] = {}
    for g in goods:
        a, b = hours[first][g], hours[second][g]
        result[g] = None if math.isclose(a, b, rel_tol=1e-12) else first if a < b else second
    return result


def relative_hours(hours: Hours) -> dict[str, float]:
    """For each good, the first economy's hours as a share of the second's. The first economy's advantage
    is heaviest (or its disadvantage lightest) where this share is lowest: 两优取其重，两劣取其轻."""
    economies, goods = economies_and_goods(hours)
    first, second = economies
    return {g: hours[first][g] / hours[second][g] for g in goods}


def comparative_advantage(hours: Hours) -> dict[str, str]:
    """Map each economy to the good it should specialise in: the one with the lower opportunity cost.

    Raises NoComparativeAdvantage when both economies have the same ratio of hours (then each gives
    up exactly what the other does, and trade brings no gain), ValueError for malformed input.
    """
    economies, goods = economies_and_goods(hours)
    first, second = economies
    g0, g1 = goods
    # Compare hours[first][g0]/hours[first][g1] with hours[second][g0]/hours[second][g1] by
    # cross-multiplying, so equal ratios are recognised without division round-off.
    left, right = hours[first][g0] * hours[second][g1], hours[second][g0] * hours[first][g1]
    if math.isclose(left, right, rel_tol=1e-12):
        raise NoComparativeAdvantage(hours[first][g0] / hours[first][g1])
    if left < right:
        return {first: g0, second: g1}
    return {first: g1, second: g0}


def terms_of_trade_range(hours: Hours) -> tuple[float, float]:
    """The prices of the first good, in units of the second, at which both economies gain (bounds included,
    where one side gains nothing): between the two economies' opportunity costs of the first good."""
    economies, goods = economies_and_goods(hours)
    comparative_advantage(hours)
    costs = opportunity_costs(hours)
    low, high = sorted(costs[e][goods[0]] for e in economies)
    return low, high


@dataclass(frozen=True)
class Gain:
    """What one economy gains from trade on each unit it imports."""
    exports: str
    imports: str
    hours_at_home: float      # labour to make one unit of the import at home
    hours_via_trade: float    # labour to make the exports that buy one unit of the import
    hours_saved: float        # the difference: negative means trade at these terms costs labour


def gains_from_trade(hours: Hours, terms: float) -> dict[str, Gain]:
    """Labour saved per unit imported when each economy specialises by comparative advantage and one
    unit of the first good exchanges for `terms` units of the second."""
    if not (math.isfinite(terms) and terms > 0):
        raise ValueError(f"the terms of trade must be a positive number, got {terms!r}")
    _, goods = economies_and_goods(hours)
    specialisation = comparative_advantage(hours)
    g0, g1 = goods
    gains = {}
    for economy, export in specialisation.items():
        imported = _other(goods, export)
        # One unit of g1 costs 1/terms units of g0; one unit of g0 costs `terms` units of g1.
        units_of_export = 1 / terms if export == g0 else terms
        via_trade = units_of_export * hours[economy][export]
        at_home = hours[economy][imported]
        gains[economy] = Gain(exports=export, imports=imported, hours_at_home=at_home,
                              hours_via_trade=via_trade, hours_saved=at_home - via_trade)
    return gains
