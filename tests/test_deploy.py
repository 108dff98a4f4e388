"""The course-scale deployment: two Streamlit processes behind nginx (deploy/nginx.conf) on loopback.
Readers spread across both processes, and each reader's requests and session stay on one."""
from __future__ import annotations

import asyncio
import concurrent.futures
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from streamclient import Server, Tab, free_port  # noqa: E402

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
READERS = 16


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    if NGINX is None:
        reason = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the deployment test")
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("nginx")
    secret = ("STREAMLIT_SERVER_COOKIE_SECRET", "one-secret-for-every-process")
    backends = [Server(env=dict([secret])), Server(env=dict([secret]))]
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("server 127.0.0.1:8501;", f"server 127.0.0.1:{backends[0].port};")
    conf = conf.replace("server 127.0.0.1:8502;", f"server 127.0.0.1:{backends[1].port};")
    conf = conf.replace("/var/log/nginx/", f"{work}/")
    for directive in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        conf = conf.replace("http {", f"http {{\n    {directive}_temp_path {work}/{directive};", 1)
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
        yield {"url": url, "log": work / "textbook-access.log", "backends": backends}
    finally:
        nginx.terminate()
        nginx.wait(10)
        for backend in backends:
            backend.stop()


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


def test_nginx_compresses_streamlit_s_javascript(course):
    html = urllib.request.urlopen(course["url"] + "/").read().decode()
    script = re.search(r'src="(\./)?(static/js/[^"]+\.js)"', html)
    assert script, "no script tag found"
    request = urllib.request.Request(f"{course['url']}/{script.group(2)}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers.get("Content-Encoding") == "gzip"
