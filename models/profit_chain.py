"""The service-profit chain as a teaching model: a chain of elasticities.

Heskett et al. (1994) state the service-profit chain as propositions, link by link: internal service
quality drives employee satisfaction, which drives employee retention and productivity, which drive
the value of the service to customers, then customer satisfaction, customer loyalty, and finally
revenue growth and profitability. They give no equations. This module turns the propositions into
the simplest model that keeps their logic (domain reference §6.4):

* each link k is log-linear, ln Y_k = α_k + β_k · ln Y_{k−1}; in percentage-change form, for small
  changes, %ΔY_k = β_k · %ΔY_{k−1}. β_k is the link's elasticity, its *strength*;
* so a change in internal service quality reaches the end of the chain multiplied by the product of
  all the elasticities (the chain's *pass-through*);
* internal service quality is a weighted composite of four drivers (management support, training,
  rewards and recognition, communication and teamwork — the course material's list), with weights
  summing to one, so raising every driver by x % raises internal service quality by x %.

The elasticities and weights are assumptions chosen for teaching, not estimates from any study; the
page says so. Changes are in percent (10.0 means +10 %). The percentage-change form is only credible
for small changes, which is why `OUT_OF_RANGE` exists.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import prod

# The chain's stages, upstream to downstream (Heskett et al. 1994).
STAGES: tuple[str, ...] = (
    "internal-service-quality",
    "employee-satisfaction",
    "employee-retention-productivity",
    "external-service-value",
    "customer-satisfaction",
    "customer-loyalty",
    "revenue-profit",
)
# Link k runs from STAGES[k] to STAGES[k + 1].
LINKS: tuple[tuple[str, str], ...] = tuple(zip(STAGES, STAGES[1:]))
# Where each stage sits: inside the firm, with its employees, with its customers, or in its results.
STAGE_GROUP: Mapping[str, str] = {
    "internal-service-quality": "internal",
    "employee-satisfaction": "employees",
    "employee-retention-productivity": "employees",
    "external-service-value": "customers",
    "customer-satisfaction": "customers",
    "customer-loyalty": "customers",
    "revenue-profit": "results",
}
GROUPS: tuple[str, ...] = ("internal", "employees", "customers", "results")

DRIVERS: tuple[str, ...] = ("management-support", "training", "rewards-recognition", "communication-teamwork")
DRIVER_WEIGHTS: Mapping[str, float] = {driver: 0.25 for driver in DRIVERS}   # equal: a teaching assumption

# Teaching defaults. The first four are the domain reference's illustrative values. Satisfaction →
# loyalty is set above 1 because the chain's own evidence (Xerox: "very satisfied" customers far more
# likely to repurchase than "satisfied" ones) says loyalty responds more than in proportion; loyalty →
# profit is 5, the lowest reading of the figure Heskett et al. quote (a 5 % rise in loyalty, 25 %–85 %
# more profit) if that figure is read as an elasticity.
DEFAULT_ELASTICITIES: tuple[float, ...] = (0.6, 0.5, 0.5, 0.7, 1.5, 5.0)
DEFAULT_DRIVER_CHANGES: Mapping[str, float] = {driver: 10.0 for driver in DRIVERS}

OUT_OF_RANGE = 50.0   # a stage moving more than this (in %) is far outside a constant elasticity's credible range


@dataclass(frozen=True)
class ChainResult:
    changes: tuple[float, ...]        # % change at each stage, in STAGES order
    elasticities: tuple[float, ...]   # the link strengths used, in LINKS order

    @property
    def pass_through(self) -> float:
        """% change at the end of the chain per 1 % change in internal service quality."""
        return chain_pass_through(self.elasticities)

    @property
    def weakest_links(self) -> tuple[int, ...]:
        """Indices (into LINKS) of the link or links with the smallest elasticity."""
        smallest = min(self.elasticities)
        return tuple(k for k, beta in enumerate(self.elasticities) if beta == smallest)

    def change(self, stage: str) -> float:
        return self.changes[STAGES.index(stage)]

    @property
    def out_of_range(self) -> bool:
        return any(abs(c) > OUT_OF_RANGE for c in self.changes)


def internal_quality_change(driver_changes: Mapping[str, float],
                            weights: Mapping[str, float] = DRIVER_WEIGHTS) -> float:
    """% change in internal service quality from % changes in its drivers: the weighted sum.

    Drivers left out of `driver_changes` do not change. Weights must be non-negative and sum to 1.
    """
    unknown = set(driver_changes).difference(weights)
    if unknown:
        raise ValueError(f"unknown driver(s): {', '.join(sorted(unknown))}")
    if any(w < 0 for w in weights.values()) or abs(sum(weights.values()) - 1.0) > 1e-9:
        raise ValueError("driver weights must be non-negative and sum to 1")
    if any(c <= -100 for c in driver_changes.values()):
        raise ValueError("a driver cannot fall by 100 % or more")
    return round(sum(weights[d] * c for d, c in driver_changes.items()), 10)


def chain_pass_through(elasticities: Sequence[float]) -> float:
    """The end-to-end multiplier: the product of the link elasticities."""
    return round(prod(_checked(elasticities)), 10)


def propagate(isq_change: float, elasticities: Sequence[float] = DEFAULT_ELASTICITIES) -> ChainResult:
    """Carry a % change in internal service quality down the chain, link by link:
    change[k] = elasticity[k − 1] × change[k − 1]."""
    betas = _checked(elasticities)
    changes = [float(isq_change)]
    for beta in betas:
        changes.append(beta * changes[-1])
    return ChainResult(changes=tuple(round(c, 10) for c in changes), elasticities=betas)


def simulate(driver_changes: Mapping[str, float], elasticities: Sequence[float] = DEFAULT_ELASTICITIES,
             weights: Mapping[str, float] = DRIVER_WEIGHTS) -> ChainResult:
    """From driver changes to every stage of the chain."""
    return propagate(internal_quality_change(driver_changes, weights), elasticities)


def _checked(elasticities: Sequence[float]) -> tuple[float, ...]:
    betas = tuple(float(b) for b in elasticities)
    if len(betas) != len(LINKS):
        raise ValueError(f"the chain has {len(LINKS)} links, so it needs {len(LINKS)} elasticities, not {len(betas)}")
    if any(b < 0 for b in betas):
        raise ValueError("a link's elasticity cannot be negative: each proposition of the chain says "
                         "the downstream stage rises with the upstream one")
    return betas
