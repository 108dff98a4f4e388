"""The live class as numbers: what an activity asks, which answers are valid, and what the class's
answers add up to.

Three kinds of activity feed the chapters' own models with the class's answers:

- ``kano``: for each feature the lecturer lists, every student answers the functional and the
  dysfunctional question (codes 1–5, Kano et al. 1984); each student's pair goes through the standard
  evaluation table and the counts give each feature's category, category strength and Better/Worse
  (``models.kano``).
- ``quality``: for each RATER dimension every student gives desired, adequate and perceived service on
  the tolerance chapter's 1–9 scale (Parasuraman, Zeithaml & Berry 1994); the class means give each
  dimension's zone of tolerance, MSA and MSS (``models.tolerance``). A student whose adequate level
  is above the desired one for a dimension contradicts the definition of the zone; that triple is
  left out of the means and counted.
- ``peer``: one multiple-choice question of a chapter's quiz, voted on twice (Mazur's peer
  instruction: vote, discuss with a neighbour, vote again); the summary puts both rounds side by side.

Everything here is pure: no streamlit and no SQL. Errors carry a ``key`` under ui.toml
``[*.classroom.errors]`` and the ``params`` its message needs, so the page can say in the reader's
language what is wrong and where.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import kano, tolerance

KINDS = ("kano", "quality", "peer")
KANO_PARTS = ("functional", "dysfunctional")
LEVELS = ("desired", "adequate", "perceived")
DIMENSIONS = tolerance.DIMENSIONS               # reliability, responsiveness, assurance, empathy, tangibles
QUALITY_MIN, QUALITY_MAX = int(tolerance.SCALE_MIN), int(tolerance.SCALE_MAX)
PEER_QUESTION = "vote"
PEER_ROUNDS = 2                                 # first vote, then the vote after discussion

MAX_FEATURES = 12
MAX_TEXT = 80                                   # characters of a service or feature name
MAX_OPTIONS = 12
MAX_ANSWER = 40                                 # characters an answer may have before it is looked at

_CHAPTER = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_OPTION = re.compile(r"^[a-z0-9][a-z0-9_-]{0,15}$")


class ClassroomError(ValueError):
    """A refusal the reader can be told about: `key` names the message in ui.toml
    [*.classroom.errors], `params` fill its placeholders."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key}: {params}" if params else key)


class ConfigError(ClassroomError):
    """An activity's set-up (kind, service, features, quiz question) is not usable."""


class AnswerError(ClassroomError):
    """A student's answer does not fit its question."""


@dataclass(frozen=True)
class Answer:
    """One student's current answer to one question in one round."""
    participant: str
    question: str
    round: int
    answer: str
    updated: datetime | None = None


# --- configuration ---------------------------------------------------------------------------

def clean_text(value: object, field: str, number: int | None = None) -> str:
    """A lecturer-typed name with its white space collapsed; refused if empty or too long."""
    where = {"number": number} if number is not None else {}
    if not isinstance(value, str):
        raise ConfigError(f"{field}_missing", **where)
    text = " ".join(value.split())
    if not text:
        raise ConfigError(f"{field}_missing", **where)
    if len(text) > MAX_TEXT:
        raise ConfigError(f"{field}_too_long", max=MAX_TEXT, length=len(text), **where)
    return text


def validate_config(kind: str, config: object) -> dict:
    """The activity's config, normalised (white space collapsed, unknown keys dropped), or ConfigError.

    kano:    {"service": str, "features": [str, …]}   1–12 distinct features of ≤ 80 characters
    quality: {"service": str}
    peer:    {"chapter": str, "question": int, "options": [id, …], "answer": id (optional)}
             `question` counts the chapter's multiple-choice questions from 0; `options` are that
             question's option ids (the store fills them in from content/quizzes/<chapter>.toml).
    """
    if kind not in KINDS:
        raise ConfigError("unknown_kind", kind=str(kind)[:20])
    if not isinstance(config, dict):
        raise ConfigError("config_malformed")
    if kind == "kano":
        service = clean_text(config.get("service"), "service")
        features = config.get("features")
        if isinstance(features, str):
            features = features.splitlines()
        if not isinstance(features, (list, tuple)):
            raise ConfigError("features_count", min=1, max=MAX_FEATURES, count=0)
        # Blank lines in a typed list are not features; anything else must be a usable name.
        features = [f for f in features if not (isinstance(f, str) and not f.strip())]
        if not 1 <= len(features) <= MAX_FEATURES:
            raise ConfigError("features_count", min=1, max=MAX_FEATURES, count=len(features))
        names: list[str] = []
        seen: dict[str, int] = {}
        for number, feature in enumerate(features, start=1):
            name = clean_text(feature, "feature", number)
            folded = name.casefold()
            if folded in seen:
                raise ConfigError("feature_duplicate", number=number, first=seen[folded], feature=name)
            seen[folded] = number
            names.append(name)
        return {"service": service, "features": names}
    if kind == "quality":
        return {"service": clean_text(config.get("service"), "service")}
    chapter = config.get("chapter")
    if not isinstance(chapter, str) or not _CHAPTER.match(chapter.strip()):
        raise ConfigError("chapter_malformed")
    question = config.get("question")
    if isinstance(question, str) and question.strip().isdigit():
        question = int(question.strip())
    if isinstance(question, bool) or not isinstance(question, int) or question < 0:
        raise ConfigError("question_malformed")
    options = config.get("options")
    if not isinstance(options, (list, tuple)) or not 2 <= len(options) <= MAX_OPTIONS \
            or not all(isinstance(o, str) and _OPTION.match(o) for o in options) \
            or len(set(options)) != len(options):
        raise ConfigError("options_malformed")
    normalised = {"chapter": chapter.strip(), "question": question, "options": list(options)}
    answer = config.get("answer")
    if answer is not None:
        if answer not in options:
            raise ConfigError("options_malformed")
        normalised["answer"] = answer
    return normalised


def questions(kind: str, config: dict) -> list[str]:
    """The ids of everything a student answers, in the order the page asks.

    kano "f0.functional", "f0.dysfunctional", "f1.functional", …; quality "reliability.desired",
    "reliability.adequate", "reliability.perceived", …; peer "vote".
    """
    if kind == "kano":
        return [f"f{i}.{part}" for i in range(len(config["features"])) for part in KANO_PARTS]
    if kind == "quality":
        return [f"{d}.{level}" for d in DIMENSIONS for level in LEVELS]
    if kind == "peer":
        return [PEER_QUESTION]
    raise ConfigError("unknown_kind", kind=str(kind)[:20])


def where(kind: str, config: dict, question: str) -> dict:
    """Where a question sits, for messages: kano {"number", "feature", "part"}, quality
    {"number", "dimension", "part"}, peer {}. Raises AnswerError("unknown_question") for a question
    the activity does not ask."""
    if question not in questions(kind, config):
        raise AnswerError("unknown_question")
    if kind == "kano":
        item, part = question.split(".")
        index = int(item[1:])
        return {"number": index + 1, "feature": config["features"][index], "part": part}
    if kind == "quality":
        dimension, part = question.split(".")
        return {"number": DIMENSIONS.index(dimension) + 1, "dimension": dimension, "part": part}
    return {}


def validate_answer(kind: str, config: dict, question: str, answer: object) -> str:
    """The answer in its stored form, or AnswerError naming what is wrong and where.

    kano: a code "1"–"5" (a name such as "like" is accepted and stored as its code);
    quality: a whole number "1"–"9"; peer: one of the question's option ids.
    """
    if not isinstance(question, str) or len(question) > 40:
        raise AnswerError("unknown_question")
    place = where(kind, config, question)
    if not isinstance(answer, str) or len(answer) > MAX_ANSWER or not answer.strip():
        raise AnswerError(f"{kind}_answer", **place, **_answer_range(kind, config))
    text = answer.strip()
    if kind == "kano":
        try:
            return str(kano.answer_code(text))
        except ValueError:
            raise AnswerError("kano_answer", **place, **_answer_range(kind, config)) from None
    if kind == "quality":
        if text.isascii() and text.isdigit() and QUALITY_MIN <= int(text) <= QUALITY_MAX:
            return str(int(text))
        raise AnswerError("quality_answer", **place, **_answer_range(kind, config))
    option = text.lower()
    if option in config["options"]:
        return option
    raise AnswerError("peer_answer", **place, **_answer_range(kind, config))


def _answer_range(kind: str, config: dict) -> dict:
    if kind == "kano":
        return {"min": 1, "max": len(kano.ANSWERS)}
    if kind == "quality":
        return {"min": QUALITY_MIN, "max": QUALITY_MAX}
    return {"options": ", ".join(o.upper() for o in config["options"])}


# --- summaries -------------------------------------------------------------------------------

def latest(answers: Iterable[Answer], round: int | None = None) -> dict[str, dict[str, str]]:
    """participant → question → answer, for one round (all rounds if None; a later round wins)."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for a in sorted(answers, key=lambda a: a.round):
        if round is None or a.round == round:
            table[a.participant][a.question] = a.answer
    return dict(table)


def kano_summary(config: dict, answers: Iterable[Answer]) -> list[dict]:
    """Per feature, in the lecturer's order: the counts of A/O/M/I/R/Q over students who answered both
    questions, the category (evaluation rule M > O > A > I on a tie), the category strength, Better
    and Worse (None while no A, O, M or I answer exists), n (complete pairs) and partial (students
    who answered only one of the two questions).

    Row keys: index, feature, counts, n, partial, category, strength, better, worse.
    """
    table = latest(answers)
    rows = []
    for index, feature in enumerate(config["features"]):
        fq, dq = f"f{index}.functional", f"f{index}.dysfunctional"
        counts = dict.fromkeys(kano.CATEGORIES, 0)
        partial = 0
        for given in table.values():
            if fq in given and dq in given:
                counts[kano.evaluate(int(given[fq]), int(given[dq]))] += 1
            elif fq in given or dq in given:
                partial += 1
        n = sum(counts.values())
        row = {"index": index, "feature": feature, "counts": counts, "n": n, "partial": partial,
               "category": None, "strength": None, "better": None, "worse": None}
        if n:
            row["category"] = kano.classify(counts)
            row["strength"] = round(kano.category_strength(counts), 10)
            if counts["A"] + counts["O"] + counts["M"] + counts["I"]:
                better, worse = kano.better_worse(counts)
                row["better"], row["worse"] = round(better, 10), round(worse, 10)
        rows.append(row)
    return rows


def quality_summary(config: dict, answers: Iterable[Answer]) -> list[dict]:
    """Per RATER dimension (tolerance chapter order): the class's mean desired, adequate and
    perceived service over students who gave all three levels with adequate ≤ desired; n (those
    students), partial (students who gave one or two levels), contradictory (adequate > desired);
    the zone verdict of the means ("below"/"within"/"above"), MSA = P − A, MSS = P − D, and gap
    (= MSS, perceived − desired, the SERVQUAL-style gap). Means and scores are None while n is 0.

    Row keys: dimension, n, partial, contradictory, desired, adequate, perceived, zone, msa, mss, gap.
    """
    table = latest(answers)
    rows = []
    for dimension in DIMENSIONS:
        keys = [f"{dimension}.{level}" for level in LEVELS]
        triples, partial, contradictory = [], 0, 0
        for given in table.values():
            present = [k in given for k in keys]
            if all(present):
                desired, adequate, perceived = (int(given[k]) for k in keys)
                if adequate > desired:
                    contradictory += 1
                else:
                    triples.append((desired, adequate, perceived))
            elif any(present):
                partial += 1
        n = len(triples)
        row = {"dimension": dimension, "n": n, "partial": partial, "contradictory": contradictory,
               "desired": None, "adequate": None, "perceived": None, "zone": None,
               "msa": None, "mss": None, "gap": None}
        if n:
            desired, adequate, perceived = (round(sum(t[i] for t in triples) / n, 10) for i in range(3))
            result = tolerance.assess(desired, adequate, perceived)
            row.update(desired=desired, adequate=adequate, perceived=perceived, zone=result.zone,
                       msa=result.msa, mss=result.mss, gap=result.mss)
        rows.append(row)
    return rows


def peer_summary(config: dict, answers: Iterable[Answer]) -> list[dict]:
    """Per round (0 = first vote, 1 = after discussion) × option, in the question's option order:
    count, share of that round's voters (0 when nobody voted), voters (that round's total) and
    correct (True/False, or None when the config holds no answer).

    Row keys: round, option, count, share, voters, correct.
    """
    votes = [a for a in answers if a.question == PEER_QUESTION]
    rows = []
    for round_ in range(PEER_ROUNDS):
        chosen = latest(votes, round_)
        voters = len(chosen)
        for option in config["options"]:
            count = sum(given.get(PEER_QUESTION) == option for given in chosen.values())
            rows.append({"round": round_, "option": option, "count": count,
                         "share": round(count / voters, 10) if voters else 0.0, "voters": voters,
                         "correct": (option == config["answer"]) if "answer" in config else None})
    return rows


def summary(kind: str, config: dict, answers: Iterable[Answer]) -> list[dict]:
    """The summary function for the activity's kind."""
    return {"kano": kano_summary, "quality": quality_summary, "peer": peer_summary}[kind](config, answers)
