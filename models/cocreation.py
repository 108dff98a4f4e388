"""Value co-creation as numbers: a DART self-assessment, the value spheres, and a teaching model of
value-in-use.

- `assess_dart` scores a firm on Prahalad & Ramaswamy's (2004) four building blocks of co-creation
  (dialogue, access, risk assessment, transparency) and ranks what to improve first. The 1–5 scale,
  the target level and the ranking rule (the largest shortfall first) are this book's teaching choices;
  the literature names the blocks, not a scoring method.
- `check_placement` compares a reader's sorting of service activities into Grönroos & Voima's (2013)
  provider, joint and customer spheres with the book's reading of those activities.
- `value_in_use` is a labelled teaching model, not a published formula: value-in-use as the product of
  firm resources, customer participation and trust, so that none of the three can make up for another
  that is missing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

# ── DART self-assessment ───────────────────────────────────────────────────

DART_BLOCKS = ("dialogue", "access", "risk", "transparency")
SCORE_MIN, SCORE_MAX = 1.0, 5.0
TARGET = 4.0     # "largely in place" on the 1–5 scale: the level below which a block is worth improving

# The chapter's worked case: a home-renovation firm (fictional) that talks with clients at the design
# stage but keeps prices, site progress and risks to itself.
RENOVATION_CASE: dict[str, float] = {"dialogue": 3.5, "access": 2.5, "risk": 2.0, "transparency": 1.5}


@dataclass(frozen=True)
class DartAssessment:
    scores: dict[str, float]
    target: float
    mean: float
    gaps: dict[str, float]            # how far each block falls short of the target (0 when it reaches it)
    weakest: tuple[str, ...]          # the block(s) with the lowest score, in DART order
    priorities: tuple[str, ...]       # blocks below the target, largest shortfall first, ties in DART order

    @property
    def ready(self) -> bool:
        """Every block reaches the target."""
        return not self.priorities


def assess_dart(scores: Mapping[str, float], target: float = TARGET) -> DartAssessment:
    """Score the four DART blocks on 1–5 and rank the blocks below `target`, largest shortfall first."""
    missing = [b for b in DART_BLOCKS if b not in scores]
    unknown = sorted(set(scores).difference(DART_BLOCKS))
    if missing or unknown:
        raise ValueError(f"DART needs exactly the blocks {', '.join(DART_BLOCKS)}"
                         + (f"; missing: {', '.join(missing)}" if missing else "")
                         + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
    for name, value in [*((b, scores[b]) for b in DART_BLOCKS), ("target", target)]:
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise ValueError(f"{name} score {value:g} is outside the {SCORE_MIN:g}–{SCORE_MAX:g} scale")
    # Scores are read to 10 decimals, so that float noise cannot split a tie or invent a shortfall.
    ordered = {b: round(float(scores[b]), 10) for b in DART_BLOCKS}
    target = round(float(target), 10)
    gaps = {b: round(max(0.0, target - s), 10) for b, s in ordered.items()}
    lowest = min(ordered.values())
    priorities = tuple(sorted((b for b in DART_BLOCKS if gaps[b] > 0),
                              key=lambda b: (-gaps[b], DART_BLOCKS.index(b))))
    return DartAssessment(scores=ordered, target=target, mean=round(sum(ordered.values()) / len(ordered), 10),
                          gaps=gaps, weakest=tuple(b for b in DART_BLOCKS if ordered[b] == lowest),
                          priorities=priorities)


# ── Value spheres (Grönroos & Voima 2013) ──────────────────────────────────

Sphere = Literal["provider", "joint", "customer"]
SPHERES: tuple[Sphere, ...] = ("provider", "joint", "customer")


@dataclass(frozen=True)
class Activity:
    id: str
    sphere: Sphere    # the book's reading: who acts, and whether firm and customer interact directly


# Activities in the order a customer's journey meets them (the order is illustrative).
SCENARIOS: dict[str, tuple[Activity, ...]] = {
    "hotel": (
        Activity("room-standards", "provider"),
        Activity("staff-rota", "provider"),
        Activity("check-in-talk", "joint"),
        Activity("concierge-route", "joint"),
        Activity("aircon-repair", "joint"),
        Activity("laundry", "provider"),
        Activity("rest-in-room", "customer"),
        Activity("share-photos", "customer"),
    ),
    "hospital": (
        Activity("sterilise", "provider"),
        Activity("symptom-notes", "customer"),
        Activity("consultation", "joint"),
        Activity("lab-analysis", "provider"),
        Activity("shared-decision", "joint"),
        Activity("insulin-teaching", "joint"),
        Activity("take-medicine", "customer"),
        Activity("family-rehab", "customer"),
    ),
}


@dataclass(frozen=True)
class PlacementCheck:
    placed: int                       # activities the reader has put into a sphere
    agreed: int                       # of those, how many agree with the book's reading
    disagreed: tuple[str, ...]        # activity ids placed elsewhere than the book places them
    joint: tuple[str, ...]            # activities the book places in the joint sphere: where co-creation can happen
    by_sphere: dict[str, int]         # how many activities the reader has placed in each sphere


def check_placement(scenario: str, placement: Mapping[str, str | None]) -> PlacementCheck:
    """Compare the reader's placement (activity id → sphere, or None while unplaced) with the book's."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    activities = SCENARIOS[scenario]
    known = {a.id for a in activities}
    unknown = sorted(set(placement).difference(known))
    if unknown:
        raise ValueError(f"unknown activity id(s) for {scenario}: {', '.join(unknown)}")
    bad = sorted(str(s) for s in placement.values() if s is not None and s not in SPHERES)
    if bad:
        raise ValueError(f"unknown sphere(s): {', '.join(bad)}; use one of {', '.join(SPHERES)}")
    placed = [a for a in activities if placement.get(a.id) is not None]
    disagreed = tuple(a.id for a in placed if placement[a.id] != a.sphere)
    return PlacementCheck(placed=len(placed), agreed=len(placed) - len(disagreed), disagreed=disagreed,
                          joint=tuple(a.id for a in activities if a.sphere == "joint"),
                          by_sphere={s: sum(placement.get(a.id) == s for a in activities) for s in SPHERES})


def book_placement(scenario: str) -> dict[str, Sphere]:
    """The book's reading of every activity in a scenario."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    return {a.id: a.sphere for a in SCENARIOS[scenario]}


# ── Teaching model: value-in-use = resources × participation × trust ──────

FACTORS = ("resources", "participation", "trust")
FACTOR_MIN, FACTOR_MAX = 0.0, 10.0
STEP = 1.0     # the size of one improvement step when comparing the factors

# A gym with excellent equipment (firm resources) whose members seldom train or follow advice.
GYM_CASE: dict[str, float] = {"resources": 8.0, "participation": 3.0, "trust": 6.0}


def value_in_use(resources: float, participation: float, trust: float) -> float:
    """The teaching model's value-in-use index, 0–100: 100 × (R/10) × (P/10) × (T/10).

    Multiplying (rather than adding) says that none of the three can stand in for another: with no
    participation or no trust the firm's resources yield no value in use.
    """
    for name, value in (("resources", resources), ("participation", participation), ("trust", trust)):
        if not FACTOR_MIN <= value <= FACTOR_MAX:
            raise ValueError(f"{name} ({value:g}) is outside the {FACTOR_MIN:g}–{FACTOR_MAX:g} scale")
    return round(resources * participation * trust / 10, 10)


def additive_index(resources: float, participation: float, trust: float) -> float:
    """For contrast: the plain average of the three on 0–100, where plenty of one hides a lack of another."""
    value_in_use(resources, participation, trust)      # the same range checks
    return round((resources + participation + trust) / 30 * 100, 10)


@dataclass(frozen=True)
class StepGains:
    value: float                      # the value-in-use index now
    gains: dict[str, float]           # how much the index rises if only that factor rises by STEP (capped at 10)
    best: tuple[str, ...]             # the factor(s) with the largest gain; empty when no single step helps


def step_gains(levels: Mapping[str, float], step: float = STEP) -> StepGains:
    """Where one more step of effort adds most value-in-use: raise each factor alone by `step`."""
    if step <= 0:
        raise ValueError(f"the improvement step must be positive, not {step:g}")
    if set(levels) != set(FACTORS):
        raise ValueError(f"levels need exactly the factors {', '.join(FACTORS)}")
    now = value_in_use(**levels)
    gains = {}
    for factor in FACTORS:
        raised = dict(levels, **{factor: min(FACTOR_MAX, levels[factor] + step)})
        gains[factor] = round(value_in_use(**raised) - now, 10)
    top = max(gains.values())
    best = tuple(f for f in FACTORS if gains[f] == top) if top > 0 else ()
    return StepGains(value=now, gains=gains, best=best)
