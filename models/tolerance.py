"""The zone of tolerance as numbers.

Customers hold two expectation levels for a service: the *desired* level they hope for and the
*adequate* level they will accept; the band between them is the zone of tolerance (Zeithaml, Berry &
Parasuraman 1993). Perceived performance is placed against the band with two gap scores from the
three-column format of Parasuraman, Zeithaml & Berry (1994): MSA = perceived − adequate and
MSS = perceived − desired.

`FACTORS` and `shift_zone` are a teaching model: the literature gives the direction in which each
factor moves desired or adequate service, not the amount. The amounts here are chosen for the
exhibit and are labelled as such on the page.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Zone = Literal["below", "within", "above"]
SCALE_MIN, SCALE_MAX = 1.0, 9.0          # PZB (1994) rated each column on a 9-point scale
DIMENSIONS = ("reliability", "responsiveness", "assurance", "empathy", "tangibles")


@dataclass(frozen=True)
class ToleranceResult:
    msa: float   # measure of service adequacy = perceived − adequate
    mss: float   # measure of service superiority = perceived − desired
    zone: Zone


def assess(desired: float, adequate: float, perceived: float) -> ToleranceResult:
    """Place a perceived score against the zone between adequate and desired service.

    The bounds belong to the zone: perceived == adequate and perceived == desired are "within".
    """
    if adequate > desired:
        raise ValueError(
            f"adequate service ({adequate:g}) cannot exceed desired service ({desired:g}): "
            "the adequate level is the lower edge of the zone of tolerance")
    msa = round(perceived - adequate, 10)
    mss = round(perceived - desired, 10)
    zone: Zone = "below" if msa < 0 else "above" if mss > 0 else "within"
    return ToleranceResult(msa=msa, mss=mss, zone=zone)


@dataclass(frozen=True)
class Expectations:
    adequate: float
    desired: float
    perceived: float

    @property
    def width(self) -> float:
        return round(self.desired - self.adequate, 10)


# Illustrative defaults shaped to the published pattern (reliability highest and narrowest), not PZB
# data; see domain reference §4.4a. The same perceived 6.8 falls below the zone for reliability and
# inside it for tangibles, and empathy rises above its desired level.
DEFAULT_EXPECTATIONS: dict[str, Expectations] = {
    "reliability": Expectations(adequate=7.0, desired=8.3, perceived=6.8),
    "responsiveness": Expectations(adequate=6.2, desired=8.0, perceived=7.0),
    "assurance": Expectations(adequate=6.3, desired=8.1, perceived=7.5),
    "empathy": Expectations(adequate=5.8, desired=7.8, perceived=8.0),
    "tangibles": Expectations(adequate=5.5, desired=7.5, perceived=6.8),
}


@dataclass(frozen=True)
class Factor:
    """A determinant of expectations (ZBP 1993) and its teaching-model shifts on the 1–9 scale."""
    id: str
    determinant: str          # the glossary id of the ZBP (1993) determinant it illustrates
    moves_desired: float
    moves_adequate: float


FACTORS: tuple[Factor, ...] = (
    Factor("enduring-intensifier", "enduring-service-intensifiers", moves_desired=+0.6, moves_adequate=0.0),
    Factor("personal-needs", "personal-needs", moves_desired=+0.4, moves_adequate=0.0),
    Factor("emergency", "transitory-service-intensifiers", moves_desired=0.0, moves_adequate=+1.2),
    Factor("competitor-nearby", "perceived-service-alternatives", moves_desired=0.0, moves_adequate=+0.6),
    Factor("did-my-part", "self-perceived-service-role", moves_desired=0.0, moves_adequate=+0.4),
    Factor("storm-or-peak", "situational-factors", moves_desired=0.0, moves_adequate=-1.0),
    Factor("explicit-promise", "explicit-service-promises", moves_desired=+0.5, moves_adequate=+0.5),
    Factor("high-price", "implicit-service-promises", moves_desired=+0.4, moves_adequate=+0.3),
    Factor("bad-word-of-mouth", "word-of-mouth", moves_desired=-0.3, moves_adequate=-0.5),
)
FACTOR_IDS = tuple(f.id for f in FACTORS)

# A ride-hailing pickup, rated for punctuality on the 1–9 scale, before any factor applies.
BASELINE = Expectations(adequate=5.0, desired=7.5, perceived=5.8)


def shift_zone(base: Expectations, active: Iterable[str]) -> Expectations:
    """Apply the active factors' shifts to the baseline zone; perceived performance stays as it is.

    Levels are clamped to the scale, and adequate service never rises above desired service: when
    factors push it that far the zone closes to a single point at the desired level.
    """
    chosen = set(active)
    unknown = chosen.difference(FACTOR_IDS)
    if unknown:
        raise ValueError(f"unknown factor(s): {', '.join(sorted(unknown))}")
    desired, adequate = base.desired, base.adequate
    for factor in FACTORS:
        if factor.id in chosen:
            desired += factor.moves_desired
            adequate += factor.moves_adequate
    desired = _clamp(desired)
    adequate = min(_clamp(adequate), desired)
    return Expectations(adequate=round(adequate, 10), desired=round(desired, 10), perceived=base.perceived)


def _clamp(level: float) -> float:
    return min(max(level, SCALE_MIN), SCALE_MAX)
