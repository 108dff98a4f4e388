"""models/classroom.py: activity configs, answer validation and the class summaries.

The summaries are checked against small classes computed by hand from the standard Kano evaluation
table (Berger et al. 1993), Timko's Better/Worse, and the three-column zone of tolerance of
Parasuraman, Zeithaml & Berry (1994); hypothesis checks the invariants on random classes.
"""
from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import classroom as m
from models.classroom import Answer, AnswerError, ConfigError

ROOT = Path(__file__).resolve().parent.parent
UI = tomllib.loads((ROOT / "content" / "ui.toml").read_text(encoding="utf-8"))
KANO = {"service": "食堂点餐小程序", "features": ["提前点餐", "扫码支付", "营养成分表"]}
PEER = {"chapter": "quality", "question": 0, "options": ["a", "b", "c", "d"], "answer": "b"}


def message(exc: m.ClassroomError, lang: str) -> str:
    """The reader's message for an error, as the page formats it (fails if a placeholder is missing)."""
    return UI[lang]["classroom"]["errors"][exc.key].format(**exc.params)


def refused(exc_type, call, key):
    with pytest.raises(exc_type) as info:
        call()
    assert info.value.key == key
    for lang in ("zh", "en"):
        assert message(info.value, lang)
    return info.value


def a(participant, question, answer, round_=0):
    return Answer(participant=participant, question=question, round=round_, answer=answer)


# --- configs --------------------------------------------------------------------------------

def test_kano_config_is_normalised():
    config = m.validate_config("kano", {"service": "  canteen \n app ", "features": ["Order  ahead", "", " Pay "],
                                        "extra": 1})
    assert config == {"service": "canteen app", "features": ["Order ahead", "Pay"]}


def test_kano_features_may_come_as_typed_lines():
    assert m.validate_config("kano", {"service": "x", "features": "a\n\nb\n"})["features"] == ["a", "b"]


@pytest.mark.parametrize("config, key, params", [
    ({"service": "", "features": ["a"]}, "service_missing", {}),
    ({"service": "x" * 81, "features": ["a"]}, "service_too_long", {"max": 80, "length": 81}),
    ({"service": "x", "features": []}, "features_count", {"min": 1, "max": 12, "count": 0}),
    ({"service": "x", "features": [str(i) for i in range(13)]}, "features_count", {"count": 13}),
    ({"service": "x", "features": ["a", "y" * 81]}, "feature_too_long", {"number": 2, "length": 81}),
    ({"service": "x", "features": ["Wi-Fi", "a", "wi-fi"]}, "feature_duplicate", {"number": 3, "first": 1}),
    ({"service": "x", "features": ["a", 5]}, "feature_missing", {"number": 2}),
    ({"service": "x", "features": None}, "features_count", {"count": 0}),
])
def test_bad_kano_configs_say_what_and_where(config, key, params):
    error = refused(ConfigError, lambda: m.validate_config("kano", config), key)
    assert params.items() <= error.params.items()


def test_other_configs():
    assert m.validate_config("quality", {"service": " 图书馆 "}) == {"service": "图书馆"}
    assert m.validate_config("peer", dict(PEER, question="0")) == PEER
    refused(ConfigError, lambda: m.validate_config("survey", {}), "unknown_kind")
    refused(ConfigError, lambda: m.validate_config("kano", ["a"]), "config_malformed")
    refused(ConfigError, lambda: m.validate_config("peer", dict(PEER, chapter="../etc")), "chapter_malformed")
    refused(ConfigError, lambda: m.validate_config("peer", dict(PEER, question=True)), "question_malformed")
    refused(ConfigError, lambda: m.validate_config("peer", dict(PEER, question=-1)), "question_malformed")
    refused(ConfigError, lambda: m.validate_config("peer", dict(PEER, options=["a", "a"])), "options_malformed")
    refused(ConfigError, lambda: m.validate_config("peer", dict(PEER, answer="e")), "options_malformed")


def test_questions_of_each_kind():
    assert m.questions("kano", KANO) == ["f0.functional", "f0.dysfunctional", "f1.functional",
                                         "f1.dysfunctional", "f2.functional", "f2.dysfunctional"]
    quality = m.questions("quality", {"service": "x"})
    assert len(quality) == 15 and quality[:3] == ["reliability.desired", "reliability.adequate",
                                                  "reliability.perceived"]
    assert m.questions("peer", PEER) == ["vote"]


# --- answers --------------------------------------------------------------------------------

def test_valid_answers_are_stored_in_one_form():
    assert m.validate_answer("kano", KANO, "f1.dysfunctional", " 4 ") == "4"
    assert m.validate_answer("kano", KANO, "f0.functional", "Like") == "1"
    assert m.validate_answer("quality", {"service": "x"}, "empathy.adequate", "9") == "9"
    assert m.validate_answer("peer", PEER, "vote", " C ") == "c"


@pytest.mark.parametrize("kind, config, question, answer, key", [
    ("kano", KANO, "f0.functional", "6", "kano_answer"),
    ("kano", KANO, "f0.functional", "0", "kano_answer"),
    ("kano", KANO, "f0.functional", "", "kano_answer"),
    ("kano", KANO, "f0.functional", None, "kano_answer"),
    ("kano", KANO, "f0.functional", "1" * 500, "kano_answer"),
    ("kano", KANO, "f3.functional", "1", "unknown_question"),
    ("kano", KANO, "f0.both", "1", "unknown_question"),
    ("quality", {"service": "x"}, "reliability.desired", "10", "quality_answer"),
    ("quality", {"service": "x"}, "reliability.desired", "7.5", "quality_answer"),
    ("quality", {"service": "x"}, "reliability.desired", "٣", "quality_answer"),
    ("quality", {"service": "x"}, "speed.desired", "5", "unknown_question"),
    ("peer", PEER, "vote", "e", "peer_answer"),
    ("peer", PEER, "vote", "<b>a</b>", "peer_answer"),
    ("peer", PEER, None, "a", "unknown_question"),
])
def test_malformed_answers_are_refused_with_a_message(kind, config, question, answer, key):
    refused(AnswerError, lambda: m.validate_answer(kind, config, question, answer), key)


def test_an_answer_error_says_where():
    error = refused(AnswerError, lambda: m.validate_answer("kano", KANO, "f2.dysfunctional", "9"),
                    "kano_answer")
    assert error.params["number"] == 3 and error.params["part"] == "dysfunctional"
    assert "3" in message(error, "zh") and "feature 3" in message(error, "en")
    error = refused(AnswerError,
                    lambda: m.validate_answer("quality", {"service": "x"}, "tangibles.perceived", "0"),
                    "quality_answer")
    assert error.params["number"] == 5 and "1" in message(error, "en") and "9" in message(error, "en")
    error = refused(AnswerError, lambda: m.validate_answer("peer", PEER, "vote", "z"), "peer_answer")
    assert "A, B, C, D" in message(error, "en")


# --- summaries, computed by hand -----------------------------------------------------------

def test_kano_summary_by_hand():
    answers = [
        a("p1", "f0.functional", "1"), a("p1", "f0.dysfunctional", "5"),   # O
        a("p2", "f0.functional", "1"), a("p2", "f0.dysfunctional", "3"),   # A
        a("p3", "f0.functional", "1"), a("p3", "f0.dysfunctional", "4"),   # A
        a("p4", "f0.functional", "3"), a("p4", "f0.dysfunctional", "5"),   # M
        a("p5", "f0.functional", "3"), a("p5", "f0.dysfunctional", "3"),   # I
        a("p6", "f0.functional", "5"), a("p6", "f0.dysfunctional", "1"),   # R
        a("p7", "f0.functional", "1"),                                     # only one of the pair
        a("p1", "f1.functional", "1"), a("p1", "f1.dysfunctional", "1"),   # Q
    ]
    first, second, third = m.kano_summary(KANO, answers)
    assert first["feature"] == "提前点餐"
    assert first["counts"] == {"M": 1, "O": 1, "A": 2, "I": 1, "R": 1, "Q": 0}
    assert (first["n"], first["partial"], first["category"]) == (6, 1, "A")
    assert first["strength"] == pytest.approx(2 / 6 - 1 / 6)
    assert first["better"] == pytest.approx(3 / 5)        # (A + O) / (A + O + M + I) = 3/5
    assert first["worse"] == pytest.approx(-2 / 5)        # −(O + M) / (A + O + M + I) = −2/5
    # Only a questionable answer: a category, but no Better/Worse (R and Q are left out).
    assert second["category"] == "Q" and second["better"] is None and second["worse"] is None
    assert third == {"index": 2, "feature": "营养成分表", "counts": dict.fromkeys("MOAIRQ", 0), "n": 0,
                     "partial": 0, "category": None, "strength": None, "better": None, "worse": None}


def test_kano_tie_follows_the_evaluation_rule():
    answers = [a("p1", "f0.functional", "1"), a("p1", "f0.dysfunctional", "3"),    # A
               a("p2", "f0.functional", "2"), a("p2", "f0.dysfunctional", "5")]    # M
    assert m.kano_summary(KANO, answers)[0]["category"] == "M"                      # M > O > A > I


def test_quality_summary_by_hand():
    answers = [
        a("p1", "reliability.desired", "8"), a("p1", "reliability.adequate", "6"), a("p1", "reliability.perceived", "5"),
        a("p2", "reliability.desired", "9"), a("p2", "reliability.adequate", "7"), a("p2", "reliability.perceived", "7"),
        a("p3", "reliability.desired", "7"), a("p3", "reliability.adequate", "8"), a("p3", "reliability.perceived", "6"),
        a("p4", "reliability.desired", "8"),
        a("p1", "empathy.desired", "6"), a("p1", "empathy.adequate", "4"), a("p1", "empathy.perceived", "7"),
    ]
    rows = {row["dimension"]: row for row in m.quality_summary({"service": "图书馆"}, answers)}
    assert list(rows) == ["reliability", "responsiveness", "assurance", "empathy", "tangibles"]
    r = rows["reliability"]
    # p3 says adequate 8 > desired 7: left out; p4 gave only one level.
    assert (r["n"], r["partial"], r["contradictory"]) == (2, 1, 1)
    assert (r["desired"], r["adequate"], r["perceived"]) == (8.5, 6.5, 6.0)
    assert (r["zone"], r["msa"], r["mss"], r["gap"]) == ("below", -0.5, -2.5, -2.5)
    e = rows["empathy"]
    assert (e["zone"], e["msa"], e["mss"]) == ("above", 3.0, 1.0)
    assert rows["tangibles"]["n"] == 0 and rows["tangibles"]["zone"] is None


def test_peer_summary_puts_rounds_side_by_side():
    answers = [a("p1", "vote", "a"), a("p2", "vote", "b"), a("p3", "vote", "b"),
               a("p1", "vote", "b", 1), a("p2", "vote", "b", 1), a("p3", "vote", "b", 1), a("p4", "vote", "c", 1)]
    rows = {(r["round"], r["option"]): r for r in m.peer_summary(PEER, answers)}
    assert len(rows) == 8
    assert rows[0, "a"]["count"] == 1 and rows[0, "a"]["share"] == pytest.approx(1 / 3)
    assert rows[0, "b"]["share"] == pytest.approx(2 / 3) and rows[0, "b"]["voters"] == 3
    assert rows[1, "b"]["count"] == 3 and rows[1, "b"]["share"] == 0.75 and rows[1, "c"]["share"] == 0.25
    assert rows[1, "b"]["correct"] is True and rows[1, "a"]["correct"] is False
    empty = m.peer_summary(dict(PEER, answer=None) | {"options": ["a", "b"]}, [])
    assert [r["share"] for r in empty] == [0.0] * 4


def test_error_keys_in_code_all_have_messages_in_both_languages():
    sources = (ROOT / "models" / "classroom.py").read_text() + (ROOT / "book" / "classroom" / "store.py").read_text()
    keys = set(re.findall(r'(?:Config|Answer|Store)Error\(\s*"(\w+)"', sources))
    keys |= {f"{kind}_answer" for kind in m.KINDS} | {f"{f}_{s}" for f in ("service", "feature")
                                                      for s in ("missing", "too_long")}
    assert len(keys) > 20
    for lang in ("zh", "en"):
        assert keys <= set(UI[lang]["classroom"]["errors"]), lang


# --- properties -------------------------------------------------------------------------------

@given(st.text(max_size=50))
def test_kano_answers_are_codes_or_refused(text):
    try:
        stored = m.validate_answer("kano", KANO, "f0.functional", text)
    except AnswerError as error:
        assert error.key == "kano_answer"
    else:
        assert stored in {"1", "2", "3", "4", "5"}


@given(st.text(alphabet=string.printable + "０１２一二", max_size=6))
def test_quality_answers_are_whole_numbers_one_to_nine(text):
    try:
        stored = m.validate_answer("quality", {"service": "x"}, "assurance.perceived", text)
    except AnswerError as error:
        assert error.key == "quality_answer"
    else:
        assert stored == text.strip() and 1 <= int(stored) <= 9


@given(st.dictionaries(st.sampled_from(["service", "features", "x"]),
                       st.one_of(st.text(max_size=90), st.lists(st.one_of(st.text(max_size=90), st.integers()),
                                                               max_size=14), st.none())))
def test_any_kano_config_is_normalised_or_refused_with_a_known_message(config):
    try:
        clean = m.validate_config("kano", config)
    except ConfigError as error:
        for lang in ("zh", "en"):
            assert message(error, lang)
    else:
        assert 1 <= len(clean["features"]) <= m.MAX_FEATURES
        assert len({f.casefold() for f in clean["features"]}) == len(clean["features"])
        assert all(0 < len(f) <= m.MAX_TEXT and f == " ".join(f.split()) for f in clean["features"] + [clean["service"]])


pairs = st.tuples(st.sampled_from("12345"), st.sampled_from("12345"))


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 2), st.one_of(pairs, st.sampled_from("12345"))),
                max_size=60))
def test_kano_summary_invariants(raw):
    answers = []
    for who, feature, given_ in raw:
        if isinstance(given_, tuple):
            answers += [a(f"p{who}", f"f{feature}.functional", given_[0]),
                        a(f"p{who}", f"f{feature}.dysfunctional", given_[1])]
        else:
            answers.append(a(f"p{who}", f"f{feature}.functional", given_))
    rows = m.kano_summary(KANO, answers)
    assert rows == m.kano_summary(KANO, list(reversed(answers))) or len({(x.participant, x.question)
                                                                         for x in answers}) < len(answers)
    for row in rows:
        answered = {x.participant for x in answers if x.question.startswith(f"f{row['index']}.")}
        assert row["n"] + row["partial"] == len(answered)
        assert sum(row["counts"].values()) == row["n"]
        if row["better"] is not None:
            assert 0 <= row["better"] <= 1 and -1 <= row["worse"] <= 0
        assert (row["category"] is None) == (row["n"] == 0)


triples = st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 9))


@settings(max_examples=60)
@given(st.lists(triples, max_size=40))
def test_quality_means_stay_inside_the_valid_answers(class_answers):
    answers = []
    for i, (d, ad, p) in enumerate(class_answers):
        answers += [a(f"p{i}", "assurance.desired", str(d)), a(f"p{i}", "assurance.adequate", str(ad)),
                    a(f"p{i}", "assurance.perceived", str(p))]
    row = next(r for r in m.quality_summary({"service": "x"}, answers) if r["dimension"] == "assurance")
    valid = [t for t in class_answers if t[1] <= t[0]]
    assert row["n"] == len(valid) and row["contradictory"] == len(class_answers) - len(valid)
    if valid:
        assert min(t[0] for t in valid) <= row["desired"] <= max(t[0] for t in valid)
        assert row["adequate"] <= row["desired"]
        assert row["gap"] == pytest.approx(row["perceived"] - row["desired"])
        assert row["zone"] in ("below", "within", "above")


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 1), st.sampled_from("abcd")), max_size=50))
def test_peer_shares_add_up_per_round(votes):
    answers = [a(f"p{who}", "vote", option, round_) for who, round_, option in votes]
    rows = m.peer_summary(PEER, answers)
    for round_ in (0, 1):
        mine = [r for r in rows if r["round"] == round_]
        voters = len({who for who, r, _ in votes if r == round_})
        assert sum(r["count"] for r in mine) == voters
        assert sum(r["share"] for r in mine) == pytest.approx(1.0 if voters else 0.0)
