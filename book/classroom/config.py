"""Where the live class keeps its data, and the one Store each server process shares.

The database URL comes, first match wins, from
1. the environment variable CLASSROOM_DB_URL (e.g. postgresql+psycopg://user:pw@host/db),
2. `url` under [connections.classroom] in .streamlit/secrets.toml,
3. the SQLite file var/classroom.sqlite under the project root (created on first use).
Activities older than CLASSROOM_MAX_AGE_HOURS (default 24) are removed.

The engine comes from Streamlit's SQL connection, `st.connection("classroom", type="sql", url=…)`,
so Streamlit's connection cache and secrets handling apply; the Store (book/classroom/store.py)
itself holds no streamlit code and is what tests drive directly.
"""
from __future__ import annotations

import math
import os
from datetime import timedelta
from pathlib import Path

import streamlit as st

from .store import DEFAULT_MAX_AGE, Store

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_PATH = ROOT / "var" / "classroom.sqlite"
URL_ENV = "CLASSROOM_DB_URL"
MAX_AGE_ENV = "CLASSROOM_MAX_AGE_HOURS"
CONNECTION = "classroom"


def _secrets_url() -> str | None:
    try:
        section = st.secrets.get("connections", {}).get(CONNECTION, {})
    except Exception:             # no secrets.toml anywhere, or one that does not parse
        return None
    url = section.get("url") if hasattr(section, "get") else None
    return str(url) if url else None


def database_url() -> str:
    """The SQLAlchemy URL of the class database (see the module docstring for the order)."""
    url = os.environ.get(URL_ENV, "").strip() or _secrets_url()
    if url:
        # A bare postgresql:// or postgres:// URL would ask SQLAlchemy for psycopg2; psycopg 3 is installed.
        scheme, sep, rest = url.partition("://")
        if sep and scheme in ("postgresql", "postgres"):
            url = f"postgresql+psycopg://{rest}"
        return url
    DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_PATH}"


def max_age() -> timedelta:
    """How long an activity is kept: CLASSROOM_MAX_AGE_HOURS (a positive number), else 24 hours."""
    text = os.environ.get(MAX_AGE_ENV, "").strip()
    try:
        hours = float(text)
    except ValueError:
        return DEFAULT_MAX_AGE
    return timedelta(hours=hours) if math.isfinite(hours) and hours > 0 else DEFAULT_MAX_AGE


def engine_options(url: str) -> dict:
    """create_engine() options: SQLite waits for the write lock instead of failing at once;
    pooled PostgreSQL connections are checked before use (a server restart drops them)."""
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 15, "check_same_thread": False}}
    return {"pool_pre_ping": True}


@st.cache_resource(show_spinner=False)
def _store(url: str, age_seconds: float) -> Store:
    connection = st.connection(CONNECTION, type="sql", url=url, ttl=None, **engine_options(url))
    return Store(connection.engine, max_age=timedelta(seconds=age_seconds))


def store() -> Store:
    """The process-wide Store (schema created on first use)."""
    return _store(database_url(), max_age().total_seconds())
