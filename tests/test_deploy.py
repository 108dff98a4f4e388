"""The course-scale deployment: two Streamlit processes behind nginx (deploy/nginx.conf) on loopback.
Readers spread across both processes, and each reader's requests and session stay on one. The live
class's processes share one database (a SQLite file, and PostgreSQL where there is one): an activity
started through one process is answered through the other, and every answer is counted."""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from streamclient import Server, Tab, free_port  # noqa: E402

STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
READERS = 16
STUDENTS = 12            # at least; more join until both processes have taken some


@contextlib.contextmanager
def _deployment(work: Path, database_url: str) -> Iterator[dict]:
    """Two Streamlit processes sharing the class database at `database_url`, behind nginx."""
    if NGINX is None:
        reason = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the deployment test")
        pytest.skip(reason)
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-for-every-process", "CLASSROOM_DB_URL": database_url}
    backends = []
    try:
        backends += [Server(env=env), Server(env=env)]
        with _nginx(work, backends) as url:
            yield {"url": url, "log": work / "textbook-access.log", "backends": backends, "database": database_url}
    finally:
        for backend in backends:
            backend.stop()


@contextlib.contextmanager
def _nginx(work: Path, backends: list[Server]) -> Iterator[str]:
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("server 127.0.0.1:8501;", f"server 127.0.0.1:{backends[0].port};")
    conf = conf.replace("server 127.0.0.1:8502;", f"server 127.0.0.1:{backends[1].port};")
    conf = conf.replace("/var/log/nginx/", f"{work}/")
    conf = conf.replace("/srv/textbook/venv/lib/python3.11/site-packages/streamlit/static", str(STREAMLIT_STATIC))
    for directive in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        conf = conf.replace("http {", f"http {{\n    {directive}_temp_path {work}/{directive};", 1)
    if os.geteuid() == 0:       # nginx's workers would run as nobody, who may not read this Python's files
        conf = "user root;\n" + conf
    (work / "nginx.conf").write_text(conf)
    nginx = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"),
                              "-g", f"daemon off; pid {work}/nginx.pid;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        nginx.terminate()
        nginx.wait(10)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The deployment, its class answers in one SQLite file shared by both processes."""
    work = tmp_path_factory.mktemp("nginx")
    with _deployment(work, f"sqlite:///{work / 'class.sqlite'}") as deployment:
        yield deployment


@pytest.fixture(scope="module")
def course_on_postgres(tmp_path_factory, postgres_url):
    """The deployment again, its class answers in one PostgreSQL database."""
    import pg
    with _deployment(tmp_path_factory.mktemp("nginx-pg"), pg.fresh_database(postgres_url)) as deployment:
        yield deployment


async def _reader(url: str) -> tuple[str, list[float]]:
    """A new browser: load the page (getting a route cookie), open its session, move a slider thrice."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = await asyncio.to_thread(lambda: opener.open(url + "/tolerance").read())
    assert b"<html" in page.lower()
    cookie = {c.name: c.value for c in jar}
    assert "textbook_route" in cookie
    tab = await Tab.open(url.replace("http", "ws") + "/_stcore/stream", "tolerance", "感知服务",
                         headers={"Cookie": f"textbook_route={cookie['textbook_route']}"})
    moves = [await tab.move(v) for v in (3.0, 6.0, 8.5)]
    await tab.close()
    return cookie["textbook_route"], moves


def test_readers_spread_across_processes_and_each_stays_on_one(course):
    async def crowd():
        return await asyncio.gather(*(_reader(course["url"]) for _ in range(READERS)))
    # A thread of its own: the browser tests' Playwright may keep an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        readers = pool.submit(asyncio.run, crowd()).result()
    assert len({key for key, _ in readers}) == READERS
    assert all(len(moves) == 3 for _, moves in readers), "every reader's session answered every move"
    time.sleep(0.5)
    upstreams: dict[str, set[str]] = defaultdict(set)
    for line in course["log"].read_text().splitlines():
        match = re.match(r"\S+ (\S+) (\S+) ", line)
        if match and match.group(2) != "-":
            upstreams[match.group(1)].add(match.group(2))
    ours = {key: upstreams[key] for key, _ in readers}
    assert all(len(addresses) == 1 for addresses in ours.values()), ours
    used = set().union(*ours.values())
    expected = {f"127.0.0.1:{b.port}" for b in course["backends"]}
    assert used == expected, f"readers went to {used}, not to both of {expected}"


def _main_script(course) -> str:
    html = urllib.request.urlopen(course["url"] + "/").read().decode()
    script = re.search(r'src="(\./)?(static/js/[^"]+\.js)"', html)
    assert script, "no script tag found"
    return script.group(2)


def test_nginx_compresses_streamlit_s_javascript(course):
    request = urllib.request.Request(f"{course['url']}/{_main_script(course)}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers.get("Content-Encoding") == "gzip"


def test_nginx_serves_streamlit_s_own_files_from_disk_and_the_rest_from_the_processes(course):
    script = _main_script(course)
    with urllib.request.urlopen(f"{course['url']}/{script}?from-disk") as response:
        assert response.read() == (STREAMLIT_STATIC / script).read_bytes()
        assert "immutable" in response.headers.get("Cache-Control", "")
        assert response.headers.get("Content-Type") == "application/javascript"    # else no module loads
    with urllib.request.urlopen(f"{course['url']}/tolerance?from-a-process") as page:
        assert page.read() == (STREAMLIT_STATIC / "index.html").read_bytes()
        assert "textbook_route=" in page.headers.get("Set-Cookie", "")
    try:                                               # not on disk: asked of a process (which answers as it will)
        urllib.request.urlopen(f"{course['url']}/static/js/no-such-script.js").read()
    except urllib.error.HTTPError:
        pass
    log = course["log"].read_text()                    # names the upstream, "-" when nginx answered alone
    upstream = {path: address for address, path in re.findall(r'(\S+) "GET (\S+) HTTP', log)}
    assert upstream[f"/{script}?from-disk"] == "-"
    assert upstream["/tolerance?from-a-process"].startswith("127.0.0.1:")
    assert upstream["/static/js/no-such-script.js"].startswith("127.0.0.1:")


# ── The live class across processes ─────────────────────────────────────────────────────────────

class ClassPage:
    """One browser's session on the class page, speaking Streamlit's websocket protocol: it reruns
    the page with widget values, as the browser does, and keeps what the page last drew."""

    def __init__(self, ws, query: str):
        self.ws, self.query = ws, query
        self.widgets: dict[str, str] = {}      # user key → widget id
        self.typed: dict[str, str] = {}        # user key → a text box's text, which a browser always sends
        self.texts: list[str] = []             # every alert, Markdown and metric body drawn

    @classmethod
    async def open(cls, url: str, route: str, query: str = "") -> ClassPage:
        ws = await websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None, additional_headers={"Cookie": f"textbook_route={route}"})
        page = cls(ws, query)
        await page.run()
        return page

    async def run(self, values: dict[str, object] | None = None, click: str | None = None) -> None:
        """Rerun the page with `values` (user key → value) and `click` (the key of a button) pressed."""
        message = BackMsg()
        message.rerun_script.page_name = "class"
        message.rerun_script.query_string = self.query
        for key, value in {**self.typed, **(values or {})}.items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = self.widgets[key]
            state.string_value = str(value)
        if click:
            state = message.rerun_script.widget_states.widgets.add()
            state.id, state.trigger_value = self.widgets[click], True
        self.texts, self.typed = [], {}
        await self.ws.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self.ws.recv(), 60))
            kind = forward.WhichOneof("type")
            if kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._seen(forward.delta.new_element)
            elif kind == "script_finished":
                return

    def _seen(self, element) -> None:
        kind = element.WhichOneof("type")
        inner = getattr(element, kind)
        if kind in ("alert", "markdown"):
            self.texts.append(inner.body)
        elif kind == "metric":
            self.texts.append(f"{inner.label}={inner.body}")
        widget_id = getattr(inner, "id", "")
        if widget_id.startswith("$$ID-"):
            key = widget_id.split("-", 2)[2]
            self.widgets[key] = widget_id
            if kind in ("text_input", "text_area"):
                self.typed[key] = inner.value if inner.HasField("value") else inner.default

    def param(self, name: str) -> str | None:
        return urllib.parse.parse_qs(self.query).get(name, [None])[0]

    async def close(self) -> None:
        await self.ws.close()


def _route_cookie(url: str) -> str:
    """A new browser's first page load, which gets it nginx's route cookie."""
    jar = http.cookiejar.CookieJar()
    urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)).open(url + "/class").read()
    return next(c.value for c in jar if c.name == "textbook_route")


def _process_of(course: dict, route: str) -> str:
    """The backend nginx sent this route's page load to, from its access log. nginx writes a request's
    line after the response has gone out, so the client may get there first: look again for a while."""
    deadline = time.monotonic() + 5
    while True:
        for line in course["log"].read_text().splitlines():
            match = re.match(r"\S+ (\S+) (\S+) ", line)
            if match and match.group(1) == route and match.group(2) != "-":
                return match.group(2)
        if time.monotonic() > deadline:
            raise AssertionError(f"nginx logged no request for route {route}")
        time.sleep(0.05)


async def _class_across_processes(course: dict) -> tuple[str, dict[str, str], list[str], list[str]]:
    """A lecturer starts the default Kano survey; students, on both processes, answer feature 1; then
    the lecturer's page is drawn again. Returns the code, route → process (the lecturer's first),
    what each student's page said, and what the lecturer's page showed."""
    route = await asyncio.to_thread(_route_cookie, course["url"])
    lecturer = await ClassPage.open(course["url"], route)
    await lecturer.run(click="class_start")
    code = lecturer.param("code")
    assert code and lecturer.param("key"), lecturer.query
    processes = {route: _process_of(course, route)}
    students = []
    while len(students) < STUDENTS or len(set(processes.values())) < 2:
        assert len(students) < 4 * STUDENTS, f"nginx sent every student to one process: {processes}"
        student_route = await asyncio.to_thread(_route_cookie, course["url"])
        processes[student_route] = _process_of(course, student_route)
        students.append(await ClassPage.open(course["url"], student_route, f"join={code}"))

    async def answer(student: ClassPage) -> str:
        prefix = f"class_{code}_0_"
        await student.run({f"{prefix}f0.functional": "喜欢", f"{prefix}f0.dysfunctional": "不喜欢"},
                          click="class_submit")
        await student.close()
        return " ".join(student.texts)
    said = await asyncio.gather(*(answer(s) for s in students))     # all at once
    await lecturer.run()
    await lecturer.close()
    return code, processes, list(said), lecturer.texts


def _check_class(course: dict) -> None:
    # A thread of its own: the browser tests' Playwright may keep an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        code, processes, said, shown = pool.submit(asyncio.run, _class_across_processes(course)).result()
    assert all("已保存 2 个答案。" in text for text in said), said
    lecturer_process, *student_processes = processes.values()
    assert set(student_processes) == {f"127.0.0.1:{b.port}" for b in course["backends"]}, processes
    assert lecturer_process in student_processes and len(set(student_processes)) == 2, \
        "students answered through the lecturer's process and through the other one"
    students = len(said)
    assert f"已作答的学生={students}" in shown, shown
    engine = sa.create_engine(course["database"])
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT participant, question, answer FROM classroom_answers a JOIN classroom_activities c "
                "ON a.activity = c.id WHERE c.code = :code"), {"code": code}).all()
    finally:
        engine.dispose()
    assert len(rows) == 2 * students and len({r.participant for r in rows}) == students
    assert {(r.question, r.answer) for r in rows} == {("f0.functional", "1"), ("f0.dysfunctional", "5")}


def test_a_class_started_on_one_process_is_answered_on_both_and_counted_once_on_sqlite(course):
    _check_class(course)


def test_a_class_started_on_one_process_is_answered_on_both_and_counted_once_on_postgresql(course_on_postgres):
    _check_class(course_on_postgres)
