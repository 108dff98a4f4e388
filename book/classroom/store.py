"""Where a live class keeps its activities and answers: two tables behind SQLAlchemy Core.

The same code runs on SQLite (a file shared by every server process) and on PostgreSQL; only the
engine's URL differs. An answer is one row per (activity, participant, question, round), written with
the dialect's INSERT … ON CONFLICT DO UPDATE, so a changed answer replaces the old one and answers
arriving at the same moment are each counted exactly once.

SQLite: every connection runs in WAL mode with a busy timeout, and a write transaction starts with
BEGIN IMMEDIATE so that two writers queue for the lock instead of failing when a read turns into a
write; a "database is locked" that still gets through is retried. PostgreSQL: a submission reads
the activity FOR SHARE, so it cannot slip in after a lock or end that committed first.

No streamlit here: book/classroom/config.py builds the engine. Errors the reader should hear about
are StoreError (ui.toml [*.classroom.errors.<key>]) or models.classroom's ConfigError/AnswerError.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from models import classroom as model
from models.classroom import Answer, AnswerError, ClassroomError, ConfigError  # noqa: F401  (re-exported)

# Join codes: upper-case letters and digits a projector cannot make ambiguous (no 0/O, 1/I/L).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
ACTIONS = ("lock", "open", "reveal", "hide", "reset", "end", "next_round")
STATUSES = ("open", "locked", "ended")
LANGS = ("zh", "en")
DEFAULT_MAX_AGE = timedelta(hours=24)
_PARTICIPANT = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_CODE_NOISE = re.compile(r"[\s\-_.·—–]+")

metadata = sa.MetaData()

activities = sa.Table(
    "classroom_activities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("config", sa.Text, nullable=False),            # JSON
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("revealed", sa.Boolean, nullable=False),
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False),   # sha256 of the lecturer key
    sa.Column("created", sa.DateTime, nullable=False),        # naive UTC
)
sa.Index("classroom_activities_created", activities.c.created)

answers_table = sa.Table(
    "classroom_answers", metadata,
    sa.Column("activity", sa.Integer, sa.ForeignKey("classroom_activities.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("participant", sa.String(64), nullable=False),
    sa.Column("question", sa.String(40), nullable=False),
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("answer", sa.String(model.MAX_ANSWER), nullable=False),
    sa.Column("updated", sa.DateTime, nullable=False),        # naive UTC
    sa.PrimaryKeyConstraint("activity", "participant", "question", "round",
                            name="classroom_answers_one_per_question"),
)


class StoreError(ClassroomError):
    """Something about the activity itself stops the request: `key` under ui.toml
    [*.classroom.errors] — bad_code, no_such_code, ended, locked, not_lecturer, unknown_action,
    not_peer, last_round, bad_participant, bad_lang, busy."""


@dataclass(frozen=True)
class Activity:
    code: str
    kind: str
    config: dict
    lang: str
    status: str          # "open" | "locked" | "ended"
    revealed: bool
    round: int
    created: datetime    # timezone-aware UTC

    @property
    def questions(self) -> list[str]:
        return model.questions(self.kind, self.config)


def _now() -> datetime:
    return datetime.now(UTC)


def _naive(moment: datetime) -> datetime:
    """Stored form: naive UTC (both SQLite and PostgreSQL 'timestamp without time zone')."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def normalise_code(code: object) -> str:
    """A join code as typed (any case, spaces or dashes) in its stored form, or StoreError("bad_code")."""
    if not isinstance(code, str) or len(code) > 40:
        raise StoreError("bad_code", length=CODE_LENGTH)
    text = _CODE_NOISE.sub("", code).upper()
    if len(text) != CODE_LENGTH or any(c not in ALPHABET for c in text):
        raise StoreError("bad_code", length=CODE_LENGTH)
    return text


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_participant() -> str:
    """A random anonymous id for one student's browser session."""
    return secrets.token_urlsafe(16)


def check_participant(participant: object) -> str:
    if not isinstance(participant, str) or not _PARTICIPANT.match(participant):
        raise StoreError("bad_participant")
    return participant


def peer_question(chapter: str, index: int) -> dict | None:
    """The `index`-th (from 0) multiple-choice question of content/quizzes/<chapter>.toml, or None."""
    from book import content        # content loading only; no streamlit
    path = content.CONTENT / "quizzes" / f"{chapter}.toml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", chapter) or not path.exists():
        return None
    choices = content.load_toml(f"quizzes/{chapter}.toml").get("choice", [])
    return choices[index] if 0 <= index < len(choices) else None


T = TypeVar("T")


class Store:
    """Activities and answers of the live class in one SQL database (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine, max_age: timedelta = DEFAULT_MAX_AGE,
                 retries: int = 8) -> None:
        if max_age <= timedelta(0):
            raise ValueError(f"max_age must be positive; got {max_age}")
        self.engine = engine
        self.max_age = max_age
        self.retries = retries
        self.dialect = engine.dialect.name
        if self.dialect == "sqlite":
            _prepare_sqlite(engine)
        self._create_schema()

    # --- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction: BEGIN IMMEDIATE on SQLite (see _prepare_sqlite)."""
        with self.engine.connect().execution_options(classroom_write=True) as conn:
            with conn.begin():
                yield conn

    def _retry(self, work: Callable[[], T]) -> T:
        """Run `work`, again after a short random pause when the database is momentarily busy."""
        for attempt in range(self.retries + 1):
            try:
                return work()
            except OperationalError as exc:
                if not _is_busy(exc) or attempt == self.retries:
                    if _is_busy(exc):
                        raise StoreError("busy") from exc
                    raise
            except DBAPIError as exc:           # PostgreSQL: deadlock / serialization failure
                if getattr(getattr(exc, "orig", None), "sqlstate", None) not in ("40001", "40P01") \
                        or attempt == self.retries:
                    raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")

    def _read(self, work: Callable[[sa.Connection], T]) -> T:
        """Reads on one connection in one transaction, retried like a write if SQLite is busy."""
        def attempt() -> T:
            with self.engine.connect() as conn:
                return work(conn)
        return self._retry(attempt)

    def _create_schema(self) -> None:
        def work() -> None:
            with self._write() as conn:
                if self.dialect == "postgresql":
                    # Several server processes may start at once: one creates, the others wait.
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(1148151105)"))
                metadata.create_all(conn, checkfirst=True)
        self._retry(work)

    def _row(self, conn: sa.Connection, code: str, *, lock: str | None = None) -> sa.Row | None:
        """The activity's row; on PostgreSQL `lock` "share" (a submission: many at once, none after a
        lock or end that committed first) or "update" (a control) holds it to the transaction's end.
        SQLite needs neither: BEGIN IMMEDIATE already serialises writers."""
        query = sa.select(activities).where(activities.c.code == code)
        if lock and self.dialect == "postgresql":
            query = query.with_for_update(read=lock == "share")
        return conn.execute(query).first()

    def _activity(self, row: sa.Row) -> Activity:
        return Activity(code=row.code, kind=row.kind, config=json.loads(row.config), lang=row.lang,
                        status=row.status, revealed=bool(row.revealed), round=row.round,
                        created=_aware(row.created))

    def _expired(self, row: sa.Row, now: datetime | None = None) -> bool:
        return _aware(row.created) < (now or _now()) - self.max_age

    def _live_row(self, conn: sa.Connection, code: str, *, include_ended: bool = False,
                  lock: str | None = None) -> sa.Row:
        row = self._row(conn, code, lock=lock)
        if row is None:
            raise StoreError("no_such_code", code=code)
        if not include_ended and (row.status == "ended" or self._expired(row)):
            raise StoreError("ended", code=code)
        return row

    # --- the API ---------------------------------------------------------------------------

    def start(self, kind: str, config: dict, lang: str) -> tuple[Activity, str]:
        """Start an activity: returns it and the lecturer key (shown once; only its hash is kept).

        A peer activity's config names a chapter and a question index; its options and right answer
        are read from content/quizzes/<chapter>.toml."""
        if lang not in LANGS:
            raise StoreError("bad_lang")
        if kind == "peer" and isinstance(config, dict):
            config = self._peer_config(config)
        config = model.validate_config(kind, config)
        key = secrets.token_urlsafe(24)
        created = _now()
        self.purge(created)

        def work() -> Activity:
            for _ in range(20):
                code = new_code()
                try:
                    with self._write() as conn:
                        conn.execute(activities.insert().values(
                            code=code, kind=kind, config=json.dumps(config, ensure_ascii=False),
                            lang=lang, status="open", revealed=False, round=0, key_hash=_hash(key),
                            created=_naive(created)))
                except IntegrityError:
                    continue                       # the code is taken: draw another
                return Activity(code=code, kind=kind, config=config, lang=lang, status="open",
                                revealed=False, round=0, created=created)
            raise StoreError("busy")
        return self._retry(work), key

    @staticmethod
    def _peer_config(config: dict) -> dict:
        chapter, question = config.get("chapter"), config.get("question")
        if not isinstance(chapter, str):
            raise ConfigError("chapter_malformed")
        if isinstance(question, str) and question.strip().isdigit():
            question = int(question.strip())
        if isinstance(question, bool) or not isinstance(question, int) or question < 0:
            raise ConfigError("question_malformed")
        found = peer_question(chapter.strip(), question)
        if found is None:
            raise ConfigError("no_such_question", chapter=chapter.strip()[:60], number=question + 1)
        return {"chapter": chapter.strip(), "question": question,
                "options": [o["id"] for o in found["options"]], "answer": found.get("answer")}

    def find(self, code: str, *, include_ended: bool = False) -> Activity:
        """The activity behind a join code typed in any case, with spaces or dashes.

        Raises StoreError bad_code (not six characters of the code alphabet), no_such_code, or
        ended (ended by the lecturer, or older than max_age) unless include_ended is True."""
        code = normalise_code(code)
        return self._read(lambda conn: self._activity(self._live_row(conn, code, include_ended=include_ended)))

    def is_lecturer(self, code: str, lecturer_key: object) -> bool:
        """Whether `lecturer_key` is the key of the activity's lecturer (False for a wrong code too)."""
        try:
            code = normalise_code(code)
        except StoreError:
            return False
        row = self._read(lambda conn: self._row(conn, code))
        return row is not None and _key_matches(row.key_hash, lecturer_key)

    def submit(self, code: str, participant: str, question: str, answer: str) -> str:
        """Record a participant's answer in the current round, replacing their earlier answer to the
        same question; returns the answer as stored.

        Raises StoreError (bad_code, no_such_code, ended, locked, bad_participant) or AnswerError."""
        code = normalise_code(code)
        check_participant(participant)

        def work() -> str:
            with self._write() as conn:
                row = self._live_row(conn, code, lock="share")
                if row.status == "locked":
                    raise StoreError("locked", code=code)
                activity = self._activity(row)
                value = model.validate_answer(activity.kind, activity.config, question, answer)
                values = dict(activity=row.id, participant=participant, question=question,
                              round=row.round, answer=value, updated=_naive(_now()))
                conn.execute(self._upsert(values))
                return value
        return self._retry(work)

    def _upsert(self, values: dict) -> sa.Executable:
        keys = ["activity", "participant", "question", "round"]
        if self.dialect in ("sqlite", "postgresql"):
            insert = (sqlite.insert if self.dialect == "sqlite" else postgresql.insert)(answers_table)
            statement = insert.values(**values)
            return statement.on_conflict_do_update(
                index_elements=keys,
                set_={"answer": statement.excluded.answer, "updated": statement.excluded.updated})
        raise NotImplementedError(f"the class store supports SQLite and PostgreSQL, not {self.dialect}")

    def answers(self, code: str, round: int | None = None) -> list[Answer]:
        """Every current answer of the activity (ended ones too), or of one round; ordered by
        participant, question and round."""
        code = normalise_code(code)

        def read(conn: sa.Connection) -> list[Answer]:
            row = self._live_row(conn, code, include_ended=True)
            query = sa.select(answers_table).where(answers_table.c.activity == row.id)
            if round is not None:
                query = query.where(answers_table.c.round == round)
            query = query.order_by(answers_table.c.participant, answers_table.c.question,
                                   answers_table.c.round)
            return [Answer(participant=r.participant, question=r.question, round=r.round,
                           answer=r.answer, updated=_aware(r.updated)) for r in conn.execute(query)]
        return self._read(read)

    def respondents(self, code: str, round: int | None = None) -> int:
        """How many distinct participants have answered at least one question (in a round)."""
        code = normalise_code(code)

        def read(conn: sa.Connection) -> int:
            row = self._live_row(conn, code, include_ended=True)
            query = sa.select(sa.func.count(sa.distinct(answers_table.c.participant))) \
                .where(answers_table.c.activity == row.id)
            if round is not None:
                query = query.where(answers_table.c.round == round)
            return int(conn.execute(query).scalar_one())
        return self._read(read)

    def control(self, code: str, lecturer_key: str, action: str) -> Activity:
        """The lecturer's controls: lock/open answering, reveal/hide results, reset (delete every
        answer and go back to an open first round), end, next_round (peer: vote again).

        Raises StoreError not_lecturer (wrong key), unknown_action, ended, not_peer, last_round."""
        code = normalise_code(code)
        if action not in ACTIONS:
            raise StoreError("unknown_action")

        def work() -> Activity:
            with self._write() as conn:
                row = self._row(conn, code, lock="update")
                if row is None:
                    raise StoreError("no_such_code", code=code)
                if not _key_matches(row.key_hash, lecturer_key):
                    raise StoreError("not_lecturer")
                if row.status == "ended" or self._expired(row):
                    raise StoreError("ended", code=code)
                change: dict[str, Any] = {
                    "lock": {"status": "locked"},
                    "open": {"status": "open"},
                    "reveal": {"revealed": True},
                    "hide": {"revealed": False},
                    "end": {"status": "ended"},
                    "reset": {"status": "open", "revealed": False, "round": 0},
                }.get(action, {})
                if action == "next_round":
                    if row.kind != "peer":
                        raise StoreError("not_peer")
                    if row.round + 1 >= model.PEER_ROUNDS:
                        raise StoreError("last_round")
                    change = {"round": row.round + 1, "status": "open", "revealed": False}
                if action == "reset":
                    conn.execute(answers_table.delete().where(answers_table.c.activity == row.id))
                conn.execute(activities.update().where(activities.c.id == row.id).values(**change))
                return self._activity(self._row(conn, code))
        return self._retry(work)

    def purge(self, now: datetime | None = None) -> int:
        """Remove activities older than max_age, with their answers; returns how many went."""
        cutoff = _naive((now or _now()) - self.max_age)

        def work() -> int:
            with self._write() as conn:
                old = sa.select(activities.c.id).where(activities.c.created < cutoff)
                conn.execute(answers_table.delete().where(answers_table.c.activity.in_(old)))
                return conn.execute(activities.delete().where(activities.c.created < cutoff)).rowcount
        return self._retry(work)


def _key_matches(stored_hash: str, key: object) -> bool:
    if not isinstance(key, str) or not key or len(key) > 200:
        return False
    return hmac.compare_digest(stored_hash, _hash(key))


def _is_busy(exc: OperationalError) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None        # SQLAlchemy emits BEGIN itself (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 15000")
    cursor.execute("PRAGMA journal_mode = WAL")    # an in-memory database stays "memory"
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    immediate = conn.get_execution_options().get("classroom_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


_prepare_lock = threading.Lock()


def _prepare_sqlite(engine: sa.Engine) -> None:
    """WAL, a busy timeout and foreign keys on every connection; BEGIN (IMMEDIATE for writes) under
    SQLAlchemy's control instead of pysqlite's implicit transactions."""
    with _prepare_lock:
        if event.contains(engine, "connect", _sqlite_connect):
            return
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    engine.dispose()     # connections made before the listeners existed would lack the pragmas
