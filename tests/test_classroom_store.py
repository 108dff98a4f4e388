"""book/classroom/store.py against SQLite and, where a server can be had, PostgreSQL.

Behaviour: join codes, answers replaced when changed, the lecturer's controls and key, purge.
Concurrency: 120 students answering at the same moment, from threads in one process and from
threads in several processes sharing the database, are each counted exactly once.
"""
from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from book.classroom import store as store_module
from book.classroom.store import ALPHABET, Store, StoreError
from classroom_load import answer_as_students, expected, process_worker, student
from models.classroom import AnswerError, ConfigError

KANO = {"service": "食堂点餐小程序", "features": ["提前点餐", "扫码支付"]}
STUDENTS = 120


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'class.sqlite'}"
    import pg
    return pg.fresh_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def engine(db_url):
    engine = sa.create_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine):
    return Store(engine)


def error_key(call) -> str:
    with pytest.raises(StoreError) as info:
        call()
    return info.value.key


# --- joining ----------------------------------------------------------------------------------

def test_start_gives_a_short_unambiguous_code_and_a_key(store):
    codes = set()
    for _ in range(30):
        activity, key = store.start("quality", {"service": "图书馆"}, "zh")
        assert len(activity.code) == 6 and set(activity.code) <= set(ALPHABET)
        assert not set(activity.code) & set("0O1IL")
        assert len(key) >= 32 and activity.status == "open" and activity.round == 0
        assert not activity.revealed and activity.created.tzinfo is not None
        codes.add(activity.code)
    assert len(codes) == 30


def test_find_forgives_case_spaces_and_dashes(store):
    activity, _ = store.start("kano", KANO, "en")
    code = activity.code
    for typed in (code.lower(), f" {code[:3]} {code[3:]} ", f"{code[:3]}-{code[3:]}"):
        found = store.find(typed)
        assert found.code == code and found.config == KANO and found.lang == "en"


def test_unknown_mistyped_and_ended_codes_are_told_apart(store):
    activity, key = store.start("kano", KANO, "zh")
    free = next(c * 6 for c in ALPHABET if c * 6 != activity.code)
    assert error_key(lambda: store.find(free)) == "no_such_code"
    assert error_key(lambda: store.find("ABC")) == "bad_code"
    assert error_key(lambda: store.find("ABCDE0")) == "bad_code"      # 0 is not in the alphabet
    assert error_key(lambda: store.find(None)) == "bad_code"
    assert error_key(lambda: store.find("A" * 5000)) == "bad_code"
    store.control(activity.code, key, "end")
    assert error_key(lambda: store.find(activity.code)) == "ended"
    assert store.find(activity.code, include_ended=True).status == "ended"
    assert error_key(lambda: store.submit(activity.code, student(1), "f0.functional", "1")) == "ended"


def test_text_is_kept_verbatim_for_the_page_to_escape(store):
    config = {"service": "<script>alert(1)</script>", "features": ["**粗体** & <b>", "'; DROP TABLE x; --"]}
    activity, _ = store.start("kano", config, "zh")
    assert store.find(activity.code).config == config


def test_bad_configs_and_languages_are_refused(store):
    with pytest.raises(ConfigError) as info:
        store.start("kano", {"service": "x", "features": []}, "zh")
    assert info.value.key == "features_count"
    assert error_key(lambda: store.start("quality", {"service": "x"}, "fr")) == "bad_lang"
    with pytest.raises(ConfigError) as info:
        store.start("peer", {"chapter": "quality", "question": 999}, "zh")
    assert info.value.key == "no_such_question" and info.value.params["number"] == 1000
    with pytest.raises(ConfigError) as info:
        store.start("peer", {"chapter": "no-such-chapter", "question": 0}, "zh")
    assert info.value.key == "no_such_question"


def test_peer_activity_takes_its_options_from_the_quiz(store):
    activity, _ = store.start("peer", {"chapter": "quality", "question": 0}, "en")
    assert activity.config == {"chapter": "quality", "question": 0, "options": ["a", "b", "c", "d"],
                               "answer": "b"}
    assert store.find(activity.code).config == activity.config


# --- answering -------------------------------------------------------------------------------

def test_a_changed_answer_replaces_the_old_one(store):
    activity, _ = store.start("kano", KANO, "zh")
    assert store.submit(activity.code, student(1), "f0.functional", "like") == "1"
    store.submit(activity.code, student(1), "f0.dysfunctional", "5")
    store.submit(activity.code.lower(), student(1), "f0.functional", "3")
    store.submit(activity.code, student(2), "f0.functional", "2")
    answers = store.answers(activity.code)
    assert [(x.participant, x.question, x.answer) for x in answers] == [
        (student(1), "f0.dysfunctional", "5"), (student(1), "f0.functional", "3"),
        (student(2), "f0.functional", "2")]
    assert all(x.round == 0 and x.updated.tzinfo is not None for x in answers)
    assert store.respondents(activity.code) == 2


def test_malformed_answers_and_participants_are_refused_and_nothing_is_stored(store):
    activity, _ = store.start("kano", KANO, "zh")
    for question, answer in (("f0.functional", "6"), ("f9.functional", "1"), ("f0.functional", "<b>1</b>")):
        with pytest.raises(AnswerError):
            store.submit(activity.code, student(1), question, answer)
    for who in ("", "short", "a b c d e f g h", "x" * 65, None):
        assert error_key(lambda: store.submit(activity.code, who, "f0.functional", "1")) == "bad_participant"
    assert store.answers(activity.code) == [] and store.respondents(activity.code) == 0


def test_answers_and_respondents_need_a_real_code(store):
    assert error_key(lambda: store.answers("ZZZZZZ")) == "no_such_code"
    assert error_key(lambda: store.respondents("nope")) == "bad_code"


# --- the lecturer's controls ------------------------------------------------------------------

def test_lock_and_reopen(store):
    activity, key = store.start("quality", {"service": "图书馆"}, "zh")
    store.submit(activity.code, student(1), "reliability.desired", "8")
    assert store.control(activity.code, key, "lock").status == "locked"
    assert error_key(lambda: store.submit(activity.code, student(1), "reliability.desired", "9")) == "locked"
    assert error_key(lambda: store.submit(activity.code, student(2), "reliability.desired", "9")) == "locked"
    assert [x.answer for x in store.answers(activity.code)] == ["8"]        # nothing lost, nothing added
    assert store.control(activity.code, key, "open").status == "open"
    store.submit(activity.code, student(1), "reliability.desired", "9")
    assert [x.answer for x in store.answers(activity.code)] == ["9"]


def test_reveal_hide_reset_and_end(store):
    activity, key = store.start("kano", KANO, "zh")
    assert store.control(activity.code, key, "reveal").revealed is True
    assert store.find(activity.code).revealed is True
    assert store.control(activity.code, key, "hide").revealed is False
    store.submit(activity.code, student(1), "f0.functional", "1")
    store.control(activity.code, key, "lock")
    store.control(activity.code, key, "reveal")
    reset = store.control(activity.code, key, "reset")
    assert (reset.status, reset.revealed, reset.round) == ("open", False, 0)
    assert store.answers(activity.code) == [] and store.respondents(activity.code) == 0
    store.submit(activity.code, student(1), "f0.functional", "2")
    assert store.control(activity.code, key, "end").status == "ended"
    assert [x.answer for x in store.answers(activity.code)] == ["2"]      # still there for the export
    assert error_key(lambda: store.control(activity.code, key, "open")) == "ended"


def test_only_the_lecturer_controls_the_activity(store, engine):
    activity, key = store.start("kano", KANO, "zh")
    other, other_key = store.start("kano", KANO, "zh")
    for wrong in (None, "", other_key, key + "x", key[:-1], student(1), 12345):
        assert error_key(lambda: store.control(activity.code, wrong, "lock")) == "not_lecturer"
    assert store.find(activity.code).status == "open"
    assert store.is_lecturer(activity.code, key) and store.is_lecturer(activity.code.lower(), key)
    assert not store.is_lecturer(activity.code, other_key) and not store.is_lecturer("bad", key)
    with engine.connect() as conn:           # only a hash of the key is kept
        stored = [row[0] for row in conn.execute(sa.select(store_module.activities.c.key_hash))]
    assert key not in stored and store_module._hash(key) in stored
    assert error_key(lambda: store.control(activity.code, key, "delete")) == "unknown_action"


def test_peer_instruction_votes_twice(store):
    activity, key = store.start("peer", {"chapter": "quality", "question": 1}, "zh")
    store.submit(activity.code, student(1), "vote", "a")
    store.submit(activity.code, student(2), "vote", "d")
    store.control(activity.code, key, "reveal")
    second = store.control(activity.code, key, "next_round")
    assert (second.round, second.status, second.revealed) == (1, "open", False)
    store.submit(activity.code, student(1), "vote", "d")
    store.submit(activity.code, student(3), "vote", "D")
    assert [(x.participant, x.answer) for x in store.answers(activity.code, round=0)] == [
        (student(1), "a"), (student(2), "d")]
    assert [(x.participant, x.answer) for x in store.answers(activity.code, round=1)] == [
        (student(1), "d"), (student(3), "d")]
    assert store.respondents(activity.code) == 3 and store.respondents(activity.code, round=1) == 2
    assert error_key(lambda: store.control(activity.code, key, "next_round")) == "last_round"
    kano, kano_key = store.start("kano", KANO, "zh")
    assert error_key(lambda: store.control(kano.code, kano_key, "next_round")) == "not_peer"


# --- ageing and schema --------------------------------------------------------------------------

def _age(engine, code: str, hours: float) -> None:
    past = (datetime.now(UTC) - timedelta(hours=hours)).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(store_module.activities.update().where(store_module.activities.c.code == code)
                     .values(created=past))


def test_old_activities_are_ended_then_purged(engine):
    store = Store(engine, max_age=timedelta(hours=2))
    old, old_key = store.start("kano", KANO, "zh")
    new, _ = store.start("kano", KANO, "zh")
    store.submit(old.code, student(1), "f0.functional", "1")
    store.submit(new.code, student(1), "f0.functional", "1")
    _age(engine, old.code, 3)
    assert error_key(lambda: store.find(old.code)) == "ended"
    assert error_key(lambda: store.submit(old.code, student(2), "f0.functional", "1")) == "ended"
    assert error_key(lambda: store.control(old.code, old_key, "lock")) == "ended"
    assert store.purge() == 1
    assert error_key(lambda: store.find(old.code)) == "no_such_code"
    assert len(store.answers(new.code)) == 1
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(store_module.answers_table)).scalar() == 1
    assert store.purge(now=datetime.now(UTC) + timedelta(hours=5)) == 1
    assert error_key(lambda: store.find(new.code)) == "no_such_code"


def test_starting_an_activity_purges_old_ones(engine):
    store = Store(engine, max_age=timedelta(hours=1))
    old, _ = store.start("quality", {"service": "x"}, "zh")
    _age(engine, old.code, 2)
    store.start("quality", {"service": "y"}, "zh")
    assert error_key(lambda: store.find(old.code)) == "no_such_code"


def test_schema_is_created_once_and_shared(engine, db_url):
    first = Store(engine)
    activity, _ = first.start("kano", KANO, "zh")
    other_engine = sa.create_engine(db_url)
    try:
        second = Store(other_engine)                  # a second server process: the schema exists
        second.submit(activity.code, student(1), "f0.functional", "1")
        assert first.respondents(activity.code) == 1
    finally:
        other_engine.dispose()
    assert set(sa.inspect(engine).get_table_names()) >= {"classroom_activities", "classroom_answers"}


def test_max_age_must_be_positive(engine):
    with pytest.raises(ValueError):
        Store(engine, max_age=timedelta(0))


# --- concurrency -------------------------------------------------------------------------------

def _check_class(store: Store, code: str) -> None:
    answers = store.answers(code)
    assert store.respondents(code) == STUDENTS
    assert len(answers) == 2 * STUDENTS                      # exactly once each: no loss, no duplicate
    table = {(x.participant, x.question): x.answer for x in answers}
    for n in range(STUDENTS):
        for question, answer in expected(n).items():
            assert table[student(n), question] == answer


def test_120_students_answering_at_once_from_threads(store, db_url):
    activity, _ = store.start("kano", KANO, "zh")
    assert answer_as_students(db_url, activity.code, 0, STUDENTS, None) == []
    _check_class(store, activity.code)


def test_120_students_answering_at_once_from_several_processes(store, db_url):
    activity, _ = store.start("kano", KANO, "zh")
    processes_n = 4
    context = multiprocessing.get_context("spawn")     # a fresh interpreter, as a server process is
    barrier = context.Barrier(processes_n)
    results = context.Queue()
    share = STUDENTS // processes_n
    processes = [context.Process(target=process_worker,
                                 args=(db_url, activity.code, i * share, share, barrier, results))
                 for i in range(processes_n)]
    for process in processes:
        process.start()
    errors = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert errors == [[]] * processes_n
    _check_class(store, activity.code)


def test_locking_while_students_answer_loses_nothing_said_to_be_saved(store, db_url):
    """The lecturer locks in the middle of a burst of answers: every student told "saved" is stored,
    every student told "locked" is not, and nobody gets anything else."""
    import threading
    activity, key = store.start("quality", {"service": "图书馆"}, "zh")
    outcomes: dict[int, str] = {}
    start = threading.Barrier(STUDENTS + 1)

    def one(n: int) -> None:
        start.wait(timeout=60)
        try:
            store.submit(activity.code, student(n), "reliability.perceived", str(1 + n % 9))
            outcomes[n] = "saved"
        except StoreError as exc:
            outcomes[n] = exc.key
        except Exception as exc:
            outcomes[n] = repr(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(STUDENTS)]
    for thread in threads:
        thread.start()
    start.wait(timeout=60)
    store.control(activity.code, key, "lock")
    for thread in threads:
        thread.join()
    assert set(outcomes.values()) <= {"saved", "locked"} and len(outcomes) == STUDENTS
    saved = {student(n) for n, outcome in outcomes.items() if outcome == "saved"}
    assert {x.participant for x in store.answers(activity.code)} == saved
    assert store.respondents(activity.code) == len(saved)


# --- where the store lives (book/classroom/config.py) -------------------------------------------

def test_config_reads_the_url_and_age_from_the_environment(monkeypatch, tmp_path):
    from book.classroom import config
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    monkeypatch.setenv(config.URL_ENV, url)
    monkeypatch.setenv(config.MAX_AGE_ENV, "2.5")
    assert config.database_url() == url and config.max_age() == timedelta(hours=2.5)
    shared = config.store()
    assert shared is config.store()                       # one Store per process
    assert str(shared.engine.url) == url and shared.max_age == timedelta(hours=2.5)
    activity, _ = shared.start("quality", {"service": "图书馆"}, "zh")
    assert Store(sa.create_engine(url)).find(activity.code).config == {"service": "图书馆"}
    assert (tmp_path / "env.sqlite").exists()


@pytest.mark.parametrize("text", ["", "abc", "-3", "0", "nan", "inf"])
def test_a_bad_max_age_falls_back_to_a_day(monkeypatch, text):
    from book.classroom import config
    monkeypatch.setenv(config.MAX_AGE_ENV, text)
    assert config.max_age() == timedelta(hours=24)


def test_the_default_is_a_sqlite_file_under_var(monkeypatch):
    from book.classroom import config
    monkeypatch.delenv(config.URL_ENV, raising=False)
    monkeypatch.setattr(config, "_secrets_url", lambda: None)
    assert config.database_url() == f"sqlite:///{config.ROOT / 'var' / 'classroom.sqlite'}"
    monkeypatch.setattr(config, "_secrets_url", lambda: "postgresql+psycopg://u@h/db")
    assert config.database_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv(config.URL_ENV, "sqlite:///elsewhere.sqlite")
    assert config.database_url() == "sqlite:///elsewhere.sqlite"


def test_a_bare_postgresql_url_gets_the_installed_driver(monkeypatch):
    from book.classroom import config
    monkeypatch.setenv(config.URL_ENV, "postgresql://u:p@db.example.edu:5433/class")
    assert config.database_url() == "postgresql+psycopg://u:p@db.example.edu:5433/class"
    monkeypatch.setenv(config.URL_ENV, "postgres://u@h/db")
    assert config.database_url() == "postgresql+psycopg://u@h/db"


def test_stored_answers_are_always_each_students_last_word(tmp_path):
    """Random sequences of answers, valid and not: the store holds exactly the last valid answer of
    each student to each question, like a dictionary would."""
    from hypothesis import given, settings
    from hypothesis import strategies as hst

    store = Store(sa.create_engine(f"sqlite:///{tmp_path / 'prop.sqlite'}"))
    events = hst.lists(hst.tuples(hst.integers(0, 5), hst.sampled_from(["f0.functional", "f1.dysfunctional",
                                                                         "f2.functional"]),
                                  hst.sampled_from(["1", "3", "5", "like", "9", "", "x"])), max_size=25)

    @settings(max_examples=25, deadline=None)
    @given(events)
    def check(sequence):
        activity, _ = store.start("kano", KANO, "zh")
        expected_table = {}
        for who, question, answer in sequence:
            try:
                stored = store.submit(activity.code, student(who), question, answer)
            except AnswerError:
                assert answer in ("9", "", "x") or question == "f2.functional"     # KANO has two features
                continue
            expected_table[student(who), question] = stored
        assert {(x.participant, x.question): x.answer for x in store.answers(activity.code)} == expected_table
        assert store.respondents(activity.code) == len({who for who, _ in expected_table})

    check()
