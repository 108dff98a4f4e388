"""A throwaway PostgreSQL server for tests, or the one named by CLASSROOM_TEST_POSTGRES_URL.

`postgres_server()` is a context manager yielding a SQLAlchemy URL (postgresql+psycopg://…). Unless
the environment names a server, it runs initdb and pg_ctl in a temporary directory, on a free port
on 127.0.0.1, with trust authentication and fsync off, and removes everything afterwards. The
binaries come from PG_BINDIR, the PATH, or Debian's /usr/lib/postgresql/<version>/bin (the
`postgresql` package; .ci/run installs it). PostgreSQL refuses to run as root, so as root the
server runs as the `postgres` user through runuser.

`fresh_database(url)` creates an empty database on that server and returns its URL, so each test
(or each deployment) starts from nothing. When no server can be had, `PostgresUnavailable` says why;
tests/conftest.py turns that into a skip, or a failure when CI is set.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "CLASSROOM_TEST_POSTGRES_URL"
TOOLS = ("initdb", "pg_ctl", "postgres")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server for the tests, and why."""


def find_bindir() -> Path | None:
    """A directory holding initdb, pg_ctl and postgres, or None."""
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                      key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                      reverse=True)
    candidates += [Path(p) for p in versions] + [Path("/usr/local/bin"), Path("/usr/local/pgsql/bin")]
    for directory in candidates:
        if all(os.access(directory / tool, os.X_OK) for tool in TOOLS):
            return directory
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(command: list[str], as_user: str | None, **kwargs) -> subprocess.CompletedProcess:
    if as_user:
        command = ["runuser", "-u", as_user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield the SQLAlchemy URL of a running PostgreSQL server (see the module docstring)."""
    named = os.environ.get(URL_ENV, "").strip()
    if named:
        yield named
        return
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable(
            "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found in PG_BINDIR, the PATH or "
            f"/usr/lib/postgresql/*/bin (install Debian's `postgresql` package), and {URL_ENV} is not set")
    as_user = None
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("running as root, and runuser is missing to start PostgreSQL as another user")
        try:
            import pwd
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable(
                "running as root, and there is no `postgres` user to run the server as "
                "(Debian's postgresql package creates it)") from None
        as_user = "postgres"
    # As root the server runs as `postgres`, who must reach the directory: /tmp, not a private TMPDIR.
    home = Path(tempfile.mkdtemp(prefix="classroom-pg-", dir="/tmp" if as_user else None))
    data, log = home / "data", home / "server.log"
    if as_user:
        os.chown(home, account.pw_uid, account.pw_gid)
    port = _free_port()
    started = False
    try:
        made = _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                     "-E", "UTF8", "--locale=C", "--no-sync"], as_user)
        if made.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {made.stderr.strip()[-800:]}")
        options = (f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        begun = _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                      "-w", "-t", "60", "start"], as_user)
        if begun.returncode != 0:
            detail = log.read_text(errors="replace")[-800:] if log.exists() else begun.stderr
            raise PostgresUnavailable(f"pg_ctl could not start the server: {detail.strip()}")
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_user)
        shutil.rmtree(home, ignore_errors=True)


def fresh_database(url: str, prefix: str = "classroom_test") -> str:
    """Create an empty database on the server at `url`; return its URL."""
    import sqlalchemy as sa
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return sa.make_url(url).set(database=name).render_as_string(hide_password=False)
