"""Search, experience and credence qualities: how hard an offering is to evaluate, and a reader's guess.

Zeithaml (1981) sorted offerings along a continuum by the qualities a buyer can use to judge them:
search qualities can be checked before buying (colour, fit, price), experience qualities only during or
after consumption (taste, a haircut), and credence qualities hardly even afterwards (a diagnosis, a
repair one cannot inspect). Most goods sit towards the easy end, most services towards the hard end.

`OFFERINGS` is this book's placement of each offering by its dominant quality, with a position on a
0–100 continuum (0 = easiest to evaluate) that only orders the offerings for the chart. Some offerings
have a second defensible placement (`also`): a car's price and features can be searched, its
reliability only experienced. `judge` compares a reader's placement with the book's.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Quality = Literal["search", "experience", "credence"]
Kind = Literal["good", "service"]
Outcome = Literal["match", "defensible", "near", "far"]
QUALITIES: tuple[Quality, ...] = ("search", "experience", "credence")
BAND_EDGES = (0.0, 100 / 3, 200 / 3, 100.0)    # the three bands of the 0–100 continuum, in QUALITIES order


@dataclass(frozen=True)
class Offering:
    id: str
    kind: Kind
    quality: Quality                # the book's placement: the quality that dominates the buyer's judgement
    position: float                 # 0–100 along the continuum, inside the band of `quality`
    also: tuple[Quality, ...] = ()  # other placements the book accepts as defensible


OFFERINGS: tuple[Offering, ...] = (
    Offering("clothing", "good", "search", 8),
    Offering("furniture", "good", "search", 17),
    Offering("car", "good", "search", 27, also=("experience",)),
    Offering("restaurant-meal", "service", "experience", 42),
    Offering("haircut", "service", "experience", 50),
    Offering("holiday", "service", "experience", 58),
    Offering("university-course", "service", "credence", 70, also=("experience",)),
    Offering("supplement", "good", "credence", 76),
    Offering("car-repair", "service", "credence", 82, also=("experience",)),
    Offering("legal-advice", "service", "credence", 88),
    Offering("surgery", "service", "credence", 95),
)
OFFERING_IDS = tuple(o.id for o in OFFERINGS)
_BY_ID = {o.id: o for o in OFFERINGS}


def offering(offering_id: str) -> Offering:
    try:
        return _BY_ID[offering_id]
    except KeyError:
        raise ValueError(f"unknown offering {offering_id!r}; known: {', '.join(OFFERING_IDS)}") from None


def band_centre(quality: Quality) -> float:
    """Where a reader's placement is drawn: the middle of that quality's band."""
    i = _index(quality)
    return round((BAND_EDGES[i] + BAND_EDGES[i + 1]) / 2, 1)


def band_of(position: float) -> Quality:
    if not 0 <= position <= 100:
        raise ValueError(f"a position on the continuum lies between 0 and 100, got {position:g}")
    for quality, upper in zip(QUALITIES, BAND_EDGES[1:]):
        if position < upper:
            return quality
    return QUALITIES[-1]


def _index(quality: str) -> int:
    try:
        return QUALITIES.index(quality)
    except ValueError:
        raise ValueError(f"unknown quality {quality!r}; use one of {', '.join(QUALITIES)}") from None


@dataclass(frozen=True)
class Judgement:
    offering: str
    chosen: Quality
    book: Quality
    steps: int          # how many bands apart the reader's and the book's placements are (0, 1 or 2)
    outcome: Outcome


def judge(offering_id: str, chosen: str) -> Judgement:
    """Compare a reader's placement of one offering with the book's."""
    item = offering(offering_id)
    steps = abs(_index(chosen) - _index(item.quality))
    if steps == 0:
        outcome: Outcome = "match"
    elif chosen in item.also:
        outcome = "defensible"
    else:
        outcome = "near" if steps == 1 else "far"
    return Judgement(offering=item.id, chosen=chosen, book=item.quality, steps=steps, outcome=outcome)


@dataclass(frozen=True)
class Score:
    placed: int
    match: int
    defensible: int
    near: int
    far: int

    @property
    def agreeing(self) -> int:
        """Placements the book accepts: its own or a defensible alternative."""
        return self.match + self.defensible


def score(placements: Mapping[str, str | None]) -> Score:
    """Tally a reader's placements (offering id → quality; None = not placed yet)."""
    judged = [judge(o, q) for o, q in placements.items() if q is not None]
    count = {outcome: sum(j.outcome == outcome for j in judged) for outcome in ("match", "defensible", "near", "far")}
    return Score(placed=len(judged), **count)


def tally() -> dict[Kind, dict[Quality, int]]:
    """How many goods and how many services the book places in each band."""
    counts: dict[Kind, dict[Quality, int]] = {"good": dict.fromkeys(QUALITIES, 0), "service": dict.fromkeys(QUALITIES, 0)}
    for item in OFFERINGS:
        counts[item.kind][item.quality] += 1
    return counts
