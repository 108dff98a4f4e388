"""Service encounters as numbers: Carlzon's moments of truth, and a teaching model of service recovery.

`moments_of_truth` is Carlzon's (1987) arithmetic. Each of SAS's 10 million customers met about five
employees a year for about 15 seconds each time, so SAS was "created" in customers' minds 50 million
times a year, 15 seconds at a time: moments of truth = customers × contacts per customer. (The often
repeated "50,000 moments of truth a day" does not follow from the book's figure, which is about 137,000
a day.)

`failed_moments` and `share_meeting_a_failure` add one assumption of this book: every contact goes well
with the same probability, independently of the others. Then a customer with k contacts meets at least
one failure with probability 1 − q^k, which is also the share of work that is not right first time at
the end of a chain of k internal steps that each get it right with probability q.

`recovery_path` is a teaching model, not an estimate. The literature gives the pattern it draws, not the
numbers: a poor response to a failure makes things worse ("double deviation"); a satisfactory recovery
can lift satisfaction above its level before the failure (the "recovery paradox") after a first failure
but not after a second (Maxham & Netemeyer 2002), and the paradox is most likely when the failure is not
severe (Magnini et al. 2007). The amounts below are this book's, chosen to show that pattern.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Literal

# Carlzon (1987): last year's customers, contacts per customer and seconds per contact at SAS.
SAS_CUSTOMERS = 10_000_000
SAS_CONTACTS = 5
SAS_SECONDS = 15
DAYS_PER_YEAR = 365


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _count(name: str, value: object) -> float:
    if not _is_number(value) or value < 0:
        raise ValueError(f"{name} must be a finite number of at least 0, got {value!r}")
    return float(value)


def _rate(value: object) -> float:
    if not _is_number(value) or not 0 <= value <= 1:
        raise ValueError(f"success_rate is the share of contacts that go well, a number from 0 to 1; "
                         f"got {value!r} (write 99 % as 0.99)")
    return float(value)


@dataclass(frozen=True)
class MomentsOfTruth:
    per_year: float              # customers × contacts per customer
    per_day: float               # per_year spread over the days of the year
    contact_seconds: float       # total time customers spend in contact with staff in a year
    seconds_per_customer: float  # one customer's contact time in a year

    @property
    def contact_hours(self) -> float:
        return self.contact_seconds / 3600


def moments_of_truth(customers: float, contacts_per_customer: float, seconds_per_contact: float,
                     days: int = DAYS_PER_YEAR) -> MomentsOfTruth:
    """Carlzon's count: every contact between a customer and an employee is one moment of truth."""
    customers = _count("customers", customers)
    contacts = _count("contacts_per_customer", contacts_per_customer)
    seconds = _count("seconds_per_contact", seconds_per_contact)
    if isinstance(days, bool) or not isinstance(days, numbers.Integral) or days < 1:
        raise ValueError(f"days must be a whole number of at least 1, got {days!r}")
    per_year = customers * contacts
    return MomentsOfTruth(per_year=per_year, per_day=per_year / days, contact_seconds=per_year * seconds,
                          seconds_per_customer=contacts * seconds)


def failed_moments(moments_per_year: float, success_rate: float) -> float:
    """How many moments of truth go wrong in a year when a share `success_rate` of them go well."""
    return _count("moments_per_year", moments_per_year) * (1 - _rate(success_rate))


def share_meeting_a_failure(contacts: float, success_rate: float) -> float:
    """The share of customers who meet at least one failure in `contacts` contacts, 1 − q^k, when every
    contact goes well with probability q independently of the others (this book's assumption)."""
    return 1 - _rate(success_rate) ** _count("contacts", contacts)


# ── Service recovery: a teaching model ───────────────────────────────────────────────────────

Severity = Literal["minor", "serious"]
History = Literal["first", "repeat"]
Response = Literal["none", "apology", "apology-fix", "full"]
Outcome = Literal["paradox", "partly_restored", "double_deviation"]

SEVERITIES: tuple[Severity, ...] = ("minor", "serious")
HISTORIES: tuple[History, ...] = ("first", "repeat")
# From doing nothing (or arguing) to apologising, solving the problem at once and making amends.
RESPONSES: tuple[Response, ...] = ("none", "apology", "apology-fix", "full")
SCALE_MIN, SCALE_MAX = 0.0, 10.0   # satisfaction on the exhibit's 0–10 scale

BEFORE = 8.0                         # satisfaction before the failure, and had nothing gone wrong
DROP: dict[Severity, float] = {"minor": 2.0, "serious": 4.0}
REPEAT_EXTRA_DROP = 0.5              # a second failure hurts more than the first
# Share of the drop a response wins back; a negative share deepens the drop (double deviation).
RECOVERED_SHARE: dict[Response, float] = {"none": -0.25, "apology": 0.35, "apology-fix": 0.8, "full": 1.0}
SERIOUS_FACTOR = 0.9                 # a serious failure is harder to make good
REPEAT_FACTOR = 0.7                  # recovery works less well the second time (Maxham & Netemeyer 2002)
PARADOX_BONUS = 0.4                  # the overshoot of an excellent recovery after a first, minor failure


@dataclass(frozen=True)
class RecoveryPath:
    before: float          # satisfaction before the failure (also the level without any failure)
    after_failure: float
    after_response: float
    outcome: Outcome

    @property
    def change(self) -> float:
        """After the response compared with never having failed: above 0 is the recovery paradox."""
        return round(self.after_response - self.before, 10)


def recovery_path(severity: Severity, history: History, response: Response) -> RecoveryPath:
    """Satisfaction before a failure, after it and after the firm's response, in the teaching model.

    The paradox appears only for a complete response (apology, a fast solution and amends) to a first,
    minor failure; a repeated or serious failure can be made good only in part, and no response at
    all leaves the customer worse off than the failure alone.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}; got {severity!r}")
    if history not in HISTORIES:
        raise ValueError(f"history must be one of {', '.join(HISTORIES)}; got {history!r}")
    if response not in RESPONSES:
        raise ValueError(f"response must be one of {', '.join(RESPONSES)}; got {response!r}")
    drop = DROP[severity] + (REPEAT_EXTRA_DROP if history == "repeat" else 0.0)
    share = RECOVERED_SHARE[response]
    if share > 0:
        share *= (SERIOUS_FACTOR if severity == "serious" else 1.0) * (REPEAT_FACTOR if history == "repeat" else 1.0)
    after_failure = BEFORE - drop
    after_response = after_failure + share * drop
    if (severity, history, response) == ("minor", "first", "full"):
        after_response += PARADOX_BONUS
    after_response = min(max(after_response, SCALE_MIN), SCALE_MAX)
    outcome: Outcome = ("paradox" if after_response > BEFORE
                        else "double_deviation" if after_response < after_failure else "partly_restored")
    return RecoveryPath(before=BEFORE, after_failure=round(after_failure, 10),
                        after_response=round(after_response, 10), outcome=outcome)
