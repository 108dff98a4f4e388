"""New Public Service as data and rules: three views of public administration, Arnstein's ladder,
and a government service centre measured against the zone of tolerance.

* `PARADIGMS` and `ROWS` are the frame of Denhardt & Denhardt's (2000, Table 1) comparison of the Old
  Public Administration, the New Public Management and the New Public Service; the cells' wording lives
  in content/ui.toml. `PRINCIPLES` are their seven principles in the order of the 2003 book, and
  `PRINCIPLE_OF_ROW` says which principle answers which row of the table (this book's reading).
* `RUNGS` and `GROUPS` are Arnstein's (1969) eight-rung ladder of citizen participation in three groups.
  The ladder measures how much power citizens hold over a decision, not how much activity there is, so
  `place` reads a practice's `Design` from the top of the ladder down: first who holds the decision,
  then whether the exercise is staged, then whether citizens sit on the body or can only speak to it.
  `PRACTICES` are the designs this book gives to five common practices; they describe typical set-ups,
  not measurements of any one city.
* `CENTRE_SURVEY` is an illustrative three-column survey (1–9 scale) of a city's government service
  centre for all respondents and for those aged 60 and over; `centre_rows` places each RATER dimension
  against its zone of tolerance with `models.tolerance.assess`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.tolerance import DIMENSIONS, Expectations, ToleranceResult, assess

# ── Three paradigms (Denhardt & Denhardt 2000, Table 1) ────────────────────────────────────────────

PARADIGMS = ("opa", "npm", "nps")
ROWS = ("foundations", "rationality", "public-interest", "responsive-to", "role", "mechanisms",
        "accountability", "discretion", "structure", "motivation")
KEY_ROWS = ("public-interest", "responsive-to", "role", "accountability")   # what the exhibit opens with
CASES = ("service-centre", "waste-sorting", "lift-retrofit")
CASE_ASPECTS = ("seen-as", "approach", "success")

PRINCIPLES = ("serve-citizens", "public-interest", "citizenship", "strategic-democratic",
              "accountability", "serve-not-steer", "value-people")
PRINCIPLE_OF_ROW: dict[str, str] = {
    "public-interest": "public-interest",
    "responsive-to": "serve-citizens",
    "role": "serve-not-steer",
    "rationality": "strategic-democratic",
    "mechanisms": "strategic-democratic",
    "accountability": "accountability",
    "discretion": "citizenship",
    "motivation": "citizenship",
    "structure": "value-people",
}


@dataclass(frozen=True)
class Comparison:
    rows: tuple[str, ...]                 # chosen rows, in the order of the published table
    case: str
    principles: tuple[str, ...]           # the principles that answer the chosen rows, in book order


def compare(rows: tuple[str, ...] | list[str], case: str) -> Comparison:
    """The chosen rows of the table (in the table's order) beside one case, with their principles."""
    unknown = sorted(set(rows).difference(ROWS))
    if unknown:
        raise ValueError(f"unknown row(s) of the comparison table: {', '.join(unknown)}")
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; choose one of {', '.join(CASES)}")
    ordered = tuple(r for r in ROWS if r in set(rows))
    answered = {PRINCIPLE_OF_ROW[r] for r in ordered if r in PRINCIPLE_OF_ROW}
    return Comparison(rows=ordered, case=case, principles=tuple(p for p in PRINCIPLES if p in answered))


# ── Arnstein's ladder of citizen participation (1969) ──────────────────────────────────────────────

RUNGS = ("manipulation", "therapy", "informing", "consultation", "placation", "partnership",
         "delegated-power", "citizen-control")            # rung 1 … rung 8
GROUPS = ("non-participation", "tokenism", "citizen-power")
GROUP_OF_RUNG = {1: "non-participation", 2: "non-participation", 3: "tokenism", 4: "tokenism",
                 5: "tokenism", 6: "citizen-power", 7: "citizen-power", 8: "citizen-power"}

Purpose = Literal["genuine", "engineer-support", "cure"]
Power = Literal["none", "shared", "dominant", "full"]
PURPOSES: tuple[Purpose, ...] = ("genuine", "engineer-support", "cure")
POWERS: tuple[Power, ...] = ("none", "shared", "dominant", "full")
RUNG_OF_POWER = {"full": 8, "dominant": 7, "shared": 6}


@dataclass(frozen=True)
class Design:
    """How a participation practice is set up, in the terms Arnstein uses to tell the rungs apart.

    power: who holds the decision. "none": officials keep the final say; "shared": decisions are
    negotiated under ground rules neither side can change alone; "dominant": citizens hold the
    decisive say over a defined matter (a majority of seats, or a binding vote on part of a budget);
    "full": citizens run the programme, its policy, management and money.
    purpose: "genuine" unless the exercise is staged to win support ("engineer-support") or to change
    the participants rather than the decision ("cure").
    seats: citizens sit on the board or committee that prepares the decision, as a minority or advisers.
    voice: citizens can put their views to those who decide (surveys, hearings, comments, calls).
    """
    power: Power = "none"
    purpose: Purpose = "genuine"
    seats: bool = False
    voice: bool = False


@dataclass(frozen=True)
class Check:
    question: str     # "power", "purpose", "seats", "voice": the step of the reasoning
    answer: str       # what this design says at that step


@dataclass(frozen=True)
class Placement:
    rung: int                     # 1 (manipulation) … 8 (citizen control)
    name: str                     # id from RUNGS
    group: str                    # id from GROUPS
    checks: tuple[Check, ...]     # the steps read, top of the ladder first; the last one decided


def place(design: Design) -> Placement:
    """Put a practice on the ladder by reading its design from the top down.

    Power is read first, because the ladder measures power: shared, dominant or full power puts a
    practice on rungs 6–8 whatever else is true of it. Without power, a staged exercise is
    manipulation (rung 1) or therapy (rung 2), even if it hands out seats; a genuine one is placation
    when citizens sit on the deciding body (5), consultation when they can only speak to it (4), and
    informing when information flows one way, from officials to citizens (3).
    """
    if design.power not in POWERS:
        raise ValueError(f"unknown power {design.power!r}; choose one of {', '.join(POWERS)}")
    if design.purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {design.purpose!r}; choose one of {', '.join(PURPOSES)}")
    checks = [Check("power", design.power)]
    if design.power in RUNG_OF_POWER:
        return _placement(RUNG_OF_POWER[design.power], checks)
    checks.append(Check("purpose", design.purpose))
    if design.purpose != "genuine":
        return _placement(1 if design.purpose == "engineer-support" else 2, checks)
    checks.append(Check("seats", "yes" if design.seats else "no"))
    if design.seats:
        return _placement(5, checks)
    checks.append(Check("voice", "yes" if design.voice else "no"))
    return _placement(4 if design.voice else 3, checks)


def _placement(rung: int, checks: list[Check]) -> Placement:
    return Placement(rung=rung, name=RUNGS[rung - 1], group=GROUP_OF_RUNG[rung], checks=tuple(checks))


# Five practices as this book sets them up for the exhibit (typical designs, described in the chapter).
PRACTICES: dict[str, Design] = {
    # Officials explain a plan that has already been decided; questions are answered, nothing changes.
    "briefing": Design(power="none", voice=False),
    # A price hearing: representatives state their views; the pricing authority decides.
    "hearing": Design(power="none", voice=True),
    # A 12345 hotline: calls are answered and followed up one by one; callers decide nothing.
    "hotline": Design(power="none", voice=True),
    # A draft published online for comment; the drafting body weighs the comments and decides.
    "online-consultation": Design(power="none", voice=True),
    # Residents propose and vote; the government has promised beforehand to fund the winners within a set sum.
    "participatory-budgeting": Design(power="dominant", voice=True),
}
PRACTICE_IDS = tuple(PRACTICES)


def distance(guess: int, placement: Placement) -> int:
    """How many rungs a reader's guess is away from the placement (0 = the same rung)."""
    if not 1 <= guess <= len(RUNGS):
        raise ValueError(f"the ladder has rungs 1–{len(RUNGS)}, not {guess}")
    return abs(guess - placement.rung)


# ── A government service centre against the zone of tolerance (illustrative) ───────────────────────

RESPONDENT_GROUPS = ("all", "older")

# Three-column survey on the 1–9 scale (adequate, desired, perceived). Illustrative numbers, shaped so
# that the average hides a group: for all respondents only reliability falls below its zone while the
# hall's tangibles rise above desired service; for respondents aged 60 and over, who meet an
# online-first process, responsiveness and empathy fall below their zones as well.
CENTRE_SURVEY: dict[str, dict[str, Expectations]] = {
    "all": {
        "reliability": Expectations(adequate=7.2, desired=8.4, perceived=6.9),
        "responsiveness": Expectations(adequate=6.0, desired=8.0, perceived=6.6),
        "assurance": Expectations(adequate=6.4, desired=8.1, perceived=7.2),
        "empathy": Expectations(adequate=5.6, desired=7.8, perceived=6.5),
        "tangibles": Expectations(adequate=5.2, desired=7.3, perceived=7.8),
    },
    "older": {
        "reliability": Expectations(adequate=7.3, desired=8.5, perceived=6.7),
        "responsiveness": Expectations(adequate=6.2, desired=8.1, perceived=5.9),
        "assurance": Expectations(adequate=6.6, desired=8.3, perceived=7.0),
        "empathy": Expectations(adequate=6.0, desired=8.2, perceived=5.4),
        "tangibles": Expectations(adequate=5.0, desired=7.0, perceived=6.6),
    },
}


@dataclass(frozen=True)
class CentreRow:
    dimension: str
    levels: Expectations
    result: ToleranceResult


def centre_rows(group: str) -> tuple[CentreRow, ...]:
    """Each RATER dimension of the service-centre survey for one respondent group, placed against its zone."""
    if group not in CENTRE_SURVEY:
        raise ValueError(f"unknown respondent group {group!r}; choose one of {', '.join(RESPONDENT_GROUPS)}")
    survey = CENTRE_SURVEY[group]
    return tuple(CentreRow(dim, survey[dim], assess(survey[dim].desired, survey[dim].adequate, survey[dim].perceived))
                 for dim in DIMENSIONS)


def below_zone(group: str) -> tuple[str, ...]:
    """The dimensions on which this group's perceived service falls below adequate service."""
    return tuple(row.dimension for row in centre_rows(group) if row.result.zone == "below")
