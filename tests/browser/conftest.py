"""Browser tests: a real Streamlit server and Debian's Chromium driven by Playwright.

No browser is ever downloaded. Where /usr/bin/chromium is missing these tests skip with the reason,
except under CI (the CI variable set), where a missing browser is a failure.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"   # every page at 390 and 1920 px in both languages, for people to look at
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# Streamlit's frontend probes these on a deep link and gets 404s: the framework's, not the page's.
FRAMEWORK_404 = ("/_stcore/health", "/_stcore/host-config")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run streamlit_app.py` on a free port, with the project's own config."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless=true",
             f"--server.port={self.port}", "--server.address=127.0.0.1", "--server.fileWatcherType=none",
             "--global.developmentMode=false"],
            cwd=ROOT, env={k: v for k, v in os.environ.items() if k != "BOOK_CHARTS"},   # the site as readers get it
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def wait_until_healthy(self) -> None:
        """Poll the health endpoint only: it serves no page, so the first page request stays ours."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the Streamlit server did not start within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@contextmanager
def serving() -> Iterator[Server]:
    server = Server()
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_server() -> Iterator[Server]:
    """A server of this test's own, whose very first page request the test makes."""
    with serving() as server:
        yield server


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serving() as server:
        yield server


CHARTS_JS = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart'], .static-chart:not(.until-live)")].map(chart => {
  const MARKS = ".mark-symbol, .mark-rect, .mark-line, .mark-text, .mark-area, .mark-rule";
  let svg, drawn = false, kind = "live";
  if (chart.matches(".static-chart")) {
    kind = "static";
    const shown = [...chart.querySelectorAll("img")].filter(img => img.offsetParent !== null);
    if (shown.length === 1) {
      drawn = shown[0].complete && shown[0].naturalWidth > 0;
      const source = decodeURIComponent(shown[0].getAttribute("src").split(",").slice(1).join(","));
      svg = new DOMParser().parseFromString(source, "image/svg+xml");
    }
  } else {
    svg = chart.querySelector("svg");
    drawn = svg !== null;
  }
  return {kind, drawn, marks: svg ? svg.querySelectorAll(MARKS).length : 0,
          texts: svg ? [...svg.querySelectorAll(".mark-text text")].map(e => e.textContent) : []};
})"""


class Reader:
    """A browser tab with the checks every test wants: console errors recorded, runs awaited."""

    def __init__(self, browser, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if "404" in message.text and where.endswith(FRAMEWORK_404):
            return
        self.console_errors.append(f"{message.text} @ {where}")

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.wait()

    def wait(self) -> None:
        page = self.page
        page.wait_for_timeout(200)
        page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(state="attached")
        page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")
        for _ in range(100):
            if not page.get_by_test_id("stSkeleton").count():
                break
            page.wait_for_timeout(100)

    def charts(self) -> list[dict]:
        """Every chart on the page in order: live (Vega's SVG) or as the page first drew it (an SVG image
        made on the server, of which the copy for the column's width shows). For each: its kind, whether
        it has drawn (SVG present, image decoded), how many marks it has and the text of its text marks."""
        return self.page.evaluate(CHARTS_JS)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def shot_whole_page(self, path: Path) -> None:
        """Streamlit scrolls inside its own container, so grow the viewport to the content first."""
        path.parent.mkdir(parents=True, exist_ok=True)
        width = self.page.viewport_size["width"]
        height = self.page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebar]')]"
            ".map(e => e.scrollHeight), 600)")
        self.page.set_viewport_size({"width": width, "height": min(int(height) + 40, 30000)})
        self.page.wait_for_timeout(300)
        self.page.screenshot(path=str(path))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser):
    made: list[Reader] = []

    def make(width: int = 1280, height: int = 900) -> Reader:
        made.append(Reader(browser, width, height))
        return made[-1]
    yield make
    for r in made:
        r.close()
