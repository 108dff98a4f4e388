"""Server CPU per slider move, with and without the rerun-cost fix.

Starts the site twice on loopback: once as shipped (book/ freezes the import heap and the config turns
off Streamlit's full collection after every rerun) and once with the fix undone (BENCH_NO_FREEZE=1
makes book/ skip gc.freeze(), and --runner.postScriptGC=true restores the collection). In each, simulated readers speak
Streamlit's websocket protocol, open the chapter page and move the perceived-service slider; the
server process's CPU time is divided by the number of reruns.

    python bench/rerun_cost.py [--page tolerance] [--users 5] [--moves 40]

Goal (issue 2): ≤ 10 ms of server CPU per slider move with the fix, against ~50 ms without.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
SLIDER_LABEL = "感知服务"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(freeze: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, **({} if freeze else {"BENCH_NO_FREEZE": "1"}))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless=true",
                             f"--server.port={port}", "--server.address=127.0.0.1",
                             "--server.fileWatcherType=none", f"--runner.postScriptGC={str(not freeze).lower()}"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, f"ws://127.0.0.1:{port}/_stcore/stream"
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


async def run_until_finished(ws, found: dict) -> None:
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "slider" and element.slider.label == SLIDER_LABEL:
                found["slider"] = element.slider.id
                found["fragment"] = msg.delta.fragment_id
        if kind == "script_finished":
            return


async def open_page(url: str, page: str):
    """Connect as a browser tab does and run the page once; returns the socket and the slider's ids."""
    ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None)
    found: dict = {}
    hello = BackMsg()
    hello.rerun_script.query_string = ""
    hello.rerun_script.page_name = page
    await ws.send(hello.SerializeToString())
    await run_until_finished(ws, found)
    return ws, found


async def move_slider(ws, found: dict, page: str, moves: int, latencies: list[float]) -> None:
    for _ in range(moves):
        move = BackMsg()
        move.rerun_script.page_name = page
        move.rerun_script.fragment_id = found["fragment"]   # as the browser does for a widget in a fragment
        widget = move.rerun_script.widget_states.widgets.add()
        widget.id = found["slider"]
        widget.double_array_value.data.append(random.randint(10, 90) / 10)
        t0 = time.perf_counter()
        await ws.send(move.SerializeToString())
        await run_until_finished(ws, found)
        latencies.append(time.perf_counter() - t0)
        await asyncio.sleep(random.uniform(0.05, 0.2))


async def class_session(url: str, page: str, users: int, moves: int, server: psutil.Process) -> dict:
    tabs = [await open_page(url, page) for _ in range(users)]   # page loads are not slider moves
    latencies: list[float] = []
    cpu0 = sum(server.cpu_times()[:2])
    await asyncio.gather(*(move_slider(ws, found, page, moves, latencies) for ws, found in tabs))
    cpu = sum(server.cpu_times()[:2]) - cpu0
    for ws, _ in tabs:
        await ws.close()
    q = statistics.quantiles(latencies, n=20)
    return {"cpu_ms": 1000 * cpu / len(latencies), "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * q[18], "reruns": len(latencies)}


def measure(freeze: bool, page: str, users: int, moves: int) -> dict:
    proc, url = start(freeze)
    try:
        server = psutil.Process(proc.pid)
        asyncio.run(class_session(url, page, 1, 3, server))     # warm up: imports, content parsing
        return asyncio.run(class_session(url, page, users, moves, server))
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--page", default="tolerance")
    ap.add_argument("--users", type=int, default=5)
    ap.add_argument("--moves", type=int, default=40)
    a = ap.parse_args()
    print(f"page={a.page} users={a.users} moves/user={a.moves} cores={os.cpu_count()}")
    print(f"{'setting':<28}{'server CPU/rerun':>18}{'p50':>10}{'p95':>10}{'reruns':>8}")
    for label, freeze in (("import heap frozen (shipped)", True), ("fix undone", False)):
        r = measure(freeze, a.page, a.users, a.moves)
        print(f"{label:<28}{r['cpu_ms']:>15.1f} ms{r['p50_ms']:>7.0f} ms{r['p95_ms']:>7.0f} ms{r['reruns']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
