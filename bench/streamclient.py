"""A minimal Streamlit client speaking the websocket protocol: open a page, move a slider, time it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run <script>` from the project root, so it reads the project's .streamlit/config.toml."""

    def __init__(self, script: str = "streamlit_app.py", *options: str, env: dict | None = None):
        self.port = free_port()
        self.http = f"http://127.0.0.1:{self.port}"
        self.ws = f"ws://127.0.0.1:{self.port}/_stcore/stream"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true", f"--server.port={self.port}",
             "--server.address=127.0.0.1", "--server.fileWatcherType=none", *options],
            cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(self.http + "/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{script} did not start")

    def wait_idle(self, cpu_share: float = 0.05, window: float = 2.0, timeout: float = 300) -> float:
        """Wait until the server process uses under `cpu_share` of one core over `window` seconds: the
        site compiles its chart specs in a background thread after it starts, and a warm server is one
        that has finished. Returns the seconds waited."""
        import psutil
        proc, start = psutil.Process(self.proc.pid), time.monotonic()
        while time.monotonic() - start < timeout:
            before = sum(proc.cpu_times()[:2])
            time.sleep(window)
            if sum(proc.cpu_times()[:2]) - before < cpu_share * window:
                break
        return time.monotonic() - start

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


class Tab:
    """One reader's browser tab: a websocket session on one page."""

    def __init__(self, ws, page: str, slider_label: str):
        self.ws, self.page, self.slider_label = ws, page, slider_label
        self.slider: str | None = None
        self.fragment = ""

    @classmethod
    async def open(cls, url: str, page: str, slider_label: str, headers: dict | None = None) -> Tab:
        ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None, additional_headers=headers)
        tab = cls(ws, page, slider_label)
        hello = BackMsg()
        hello.rerun_script.query_string = ""
        hello.rerun_script.page_name = page
        await ws.send(hello.SerializeToString())
        await tab.until_finished()
        if tab.slider is None:
            raise RuntimeError(f"no slider labelled {slider_label!r} on page {page!r}")
        return tab

    async def until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "slider" and element.slider.label == self.slider_label:
                    self.slider, self.fragment = element.slider.id, msg.delta.fragment_id
            if kind == "script_finished":
                return

    async def move(self, value: float) -> float:
        """Move the slider as the browser does (a fragment rerun when it sits in one); seconds taken."""
        move = BackMsg()
        move.rerun_script.page_name = self.page
        move.rerun_script.fragment_id = self.fragment
        widget = move.rerun_script.widget_states.widgets.add()
        widget.id = self.slider
        widget.double_array_value.data.append(value)
        t0 = time.perf_counter()
        await self.ws.send(move.SerializeToString())
        await self.until_finished()
        return time.perf_counter() - t0

    async def close(self) -> None:
        await self.ws.close()
