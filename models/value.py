"""Service value as numbers: the value composition c + v + m, and total utility as paid plus unpaid.

Value composition (Marx, Capital vol. I, 1867): the value of a commodity, a service product included,
is W = c + v + m, where c (constant capital) is the value of the means of production used up and
passed on, v (variable capital) the wages paid, and m the surplus value the workers add beyond their
wages. Derived ratios: the rate of surplus value m/v, the organic composition of capital c/v, and the rate of
profit m/(c + v). Amounts are in yuan, standing for the labour they represent.

Total utility (course material, 服务贸易的基本理论): what a service does for society is its market
value, the part buyers pay for, plus the effective external benefits nobody pays for.

The presets are illustrative teaching numbers, not measurements.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


def _check(name: str, amount: float, positive: bool = False) -> None:
    if not (isinstance(amount, (int, float)) and math.isfinite(amount)):
        raise ValueError(f"{name} must be a finite number, got {amount!r}")
    if amount < 0 or (positive and amount == 0):
        raise ValueError(f"{name} must be {'greater than zero' if positive else 'zero or more'}, got {amount:g}")


@dataclass(frozen=True)
class ValueComposition:
    constant: float   # c: means of production used up (buildings, equipment, energy, materials)
    variable: float   # v: wages
    surplus: float    # m: value added beyond wages

    @property
    def value(self) -> float:
        return self.constant + self.variable + self.surplus

    @property
    def new_value(self) -> float:
        """The value the service workers add in this period: v + m (c is only passed on)."""
        return self.variable + self.surplus

    @property
    def rate_of_surplus_value(self) -> float:
        return self.surplus / self.variable

    @property
    def organic_composition(self) -> float:
        """c/v: the value composition of capital, how much means of production each yuan of wages sets in
        motion (Marx calls it the organic composition insofar as it mirrors the technical one)."""
        return self.constant / self.variable

    @property
    def rate_of_profit(self) -> float:
        return self.surplus / (self.constant + self.variable)

    def shares(self) -> dict[str, float]:
        """Each part's share of the value, summing to 1."""
        return {"c": self.constant / self.value, "v": self.variable / self.value, "m": self.surplus / self.value}


def compose(constant: float, variable: float, surplus: float) -> ValueComposition:
    """Check the three parts and return the composition. Wages must be positive, since the ratios
    divide by them; c and m may be zero."""
    _check("constant capital c", constant)
    _check("variable capital v", variable, positive=True)
    _check("surplus value m", surplus)
    return ValueComposition(float(constant), float(variable), float(surplus))


def new_value_per_hour(composition: ValueComposition, labour_hours: float) -> float:
    """The new value v + m added per hour of service labour: high where skilled (complex) labour works."""
    _check("labour hours", labour_hours, positive=True)
    return composition.new_value / labour_hours


# One unit of each service, in yuan, and the hours of labour it takes. Shaped to show three factor
# intensities: a hotel room-night is capital-heavy (high c/v), home cleaning labour-heavy (low c/v, low
# new value per hour), a software project knowledge-heavy (low c/v, high new value per hour).
VALUE_PRESETS: dict[str, ValueComposition] = {
    "hotel-night": ValueComposition(constant=180.0, variable=60.0, surplus=60.0),
    "home-cleaning": ValueComposition(constant=15.0, variable=90.0, surplus=45.0),
    "software-project": ValueComposition(constant=20_000.0, variable=100_000.0, surplus=80_000.0),
}
LABOUR_HOURS: dict[str, float] = {"hotel-night": 2.0, "home-cleaning": 3.0, "software-project": 800.0}


@dataclass(frozen=True)
class UtilitySplit:
    paid: float      # market value: what buyers pay
    unpaid: float    # effective external benefit that nobody pays for

    @property
    def total(self) -> float:
        return self.paid + self.unpaid

    @property
    def unpaid_share(self) -> float:
        return self.unpaid / self.total

    @property
    def total_to_market(self) -> float:
        """Total utility as a multiple of the market value."""
        return self.total / self.paid


def split_utility(paid: float, unpaid: float) -> UtilitySplit:
    """Total utility as market value plus unpaid external benefit; the market value must be positive."""
    _check("market value", paid, positive=True)
    _check("unpaid external benefit", unpaid)
    return UtilitySplit(float(paid), float(unpaid))


# Per 100 yuan paid: a haircut benefits mainly its buyer; a vaccination also protects the people the
# buyer would otherwise infect; vocational training also raises what colleagues and employers get.
UTILITY_PRESETS: dict[str, UtilitySplit] = {
    "haircut": UtilitySplit(paid=100.0, unpaid=0.0),
    "training": UtilitySplit(paid=100.0, unpaid=60.0),
    "vaccination": UtilitySplit(paid=100.0, unpaid=150.0),
}
