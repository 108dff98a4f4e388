"""The site under a class's load, measured on this machine. Run from the project root:

    python bench/benchmark.py                  # everything (about 35 minutes on 2 cores)
    python bench/benchmark.py --part load      # (1) a class moving sliders, against the floor
    python bench/benchmark.py --part render    # (2) first full render of every page in Chromium
    python bench/benchmark.py --part memory    # (3) memory per idle session, RSS drift over reruns
    python bench/benchmark.py --part fix       # what the rerun-cost fix saves (frozen heap, no post-run GC)
    python bench/benchmark.py --part elements  # what each kind of Streamlit element adds to a first render

(1) Simulated students speak Streamlit's websocket protocol, each moving a slider about once a second
on the chosen page, at 1, 20 and 60 students; round-trip p50/p95 and server CPU per rerun (the idle server's own CPU subtracted), side by side
with bench/floor_app.py (one slider) served with the same settings. (2) Time from navigation start until the
page's script has finished, nothing is loading and every chart is drawn, by the page's own clock, in a fresh
Chromium context per page (median of 3), and from a click on the page's link in another page's sidebar.
(3) RSS added per idle session over 100 sessions, and RSS growth over 10,000 slider moves after a
warm-up. Targets (issue 3): p95 ≤ 150 ms and CPU ≤ 3× the floor at 60 students; first render ≤ 1.5 s;
≤ 300 KB per idle session; ≤ 10 MB RSS growth.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import platform
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from streamclient import ROOT, Server, Tab  # noqa: E402

SLIDER = "感知服务"           # the perceived-service slider of the zone-of-tolerance exhibit


def cpu_seconds(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return times.user + times.system


async def class_session(server: Server, page: str, students: int, seconds: float) -> dict:
    tabs = [await Tab.open(server.ws, page, SLIDER) for _ in range(students)]
    proc = psutil.Process(server.proc.pid)
    latencies: list[float] = []

    async def student(tab: Tab) -> None:
        await asyncio.sleep(random.uniform(0, 1))          # students do not move in lockstep
        while time.monotonic() < end:
            took = await tab.move(random.randint(10, 90) / 10)
            latencies.append(took)
            await asyncio.sleep(max(0.0, random.uniform(0.8, 1.2) - took))

    idle0 = cpu_seconds(proc)
    await asyncio.sleep(5)
    idle_rate = (cpu_seconds(proc) - idle0) / 5          # what the server burns with nobody moving
    cpu0, t0 = cpu_seconds(proc), time.monotonic()
    end = t0 + seconds
    await asyncio.gather(*(student(tab) for tab in tabs))
    cpu = cpu_seconds(proc) - cpu0 - idle_rate * (time.monotonic() - t0)
    for tab in tabs:
        await tab.close()
    # a warm-up of a second or two may see a single move: its p95 is that move
    q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [max(latencies, default=0.0)] * 19
    return {"reruns": len(latencies), "p50": 1000 * statistics.median(latencies), "p95": 1000 * q[18],
            "cpu": 1000 * cpu / len(latencies)}


def part_load(page: str, classes: list[int], seconds: float) -> None:
    print(f"\n(1) Class load: each student moves a slider about once a second for {seconds:.0f} s")
    print(f"{'students':>8} | {'page p50':>9} {'p95':>7} {'CPU/rerun':>10} | {'floor p50':>9} {'p95':>7} "
          f"{'CPU/rerun':>10} | {'CPU ratio':>9}")
    site, floor = Server(), Server("bench/floor_app.py")
    try:
        for target in (site, floor):                      # warm both: imports, first renders
            asyncio.run(class_session(target, page if target is site else "", 1, 2))
            target.wait_idle()                            # the site's chart warm-up has finished
        for n in classes:
            a = asyncio.run(class_session(site, page, n, seconds))
            b = asyncio.run(class_session(floor, "", n, seconds))
            ratio = f"{a['cpu'] / b['cpu']:>8.1f}×" if b["cpu"] > 0.5 else "     n/a"   # floor lost in idle noise
            print(f"{n:>8} | {a['p50']:>6.0f} ms {a['p95']:>4.0f} ms {a['cpu']:>7.1f} ms | {b['p50']:>6.0f} ms "
                  f"{b['p95']:>4.0f} ms {b['cpu']:>7.1f} ms | {ratio}")
    finally:
        site.stop()
        floor.stop()


# Watches the page from its first byte: the moment the script has run, no element is still loading (no
# skeleton) and every chart has its SVG, read off the page's own clock (milliseconds since navigation
# started). Timing it in the page leaves out the harness's own polling, which added about 0.2 s.
DONE_WATCH = """
window.__pageComplete = () => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector("[data-testid='stSkeleton']")) return false;
  for (const chart of document.querySelectorAll("[data-testid='stVegaLiteChart']"))
    if (!chart.querySelector("svg")) return false;
  return true;
};
window.__fullRender = new Promise(resolve => {
  const check = () => {
    if (!window.__pageComplete()) return;
    watcher.disconnect();
    resolve(performance.now());
  };
  const watcher = new MutationObserver(check);
  watcher.observe(document, {subtree: true, childList: true, attributes: true});
});
"""


def _rendered(context, url: str) -> float:
    """Seconds from navigating to `url` in a new tab of `context` until the script has run, no element is
    still loading and every chart has drawn, by the page's clock."""
    tab = context.new_page()
    tab.add_init_script(DONE_WATCH)
    tab.goto(url)
    ms = tab.evaluate("() => Promise.race([window.__fullRender, new Promise(r => setTimeout(() => r(null), 120000))])")
    if ms is None:
        raise TimeoutError(f"{url} was not fully rendered after 120 s")
    seconds = ms / 1000
    tab.close()
    return seconds


@contextlib.contextmanager
def _fresh_context(browser, viewport: dict) -> Iterator:
    """A new browser context (empty cache, no cookies), closed afterwards."""
    context = browser.new_context(viewport=viewport)
    try:
        yield context
    finally:
        context.close()


# Started just before a click on a sidebar link, in a tab that has DONE_WATCH: resolves with the milliseconds
# from the click until the new page's script has run (after it was seen running) and the page is complete.
NAV_DONE = """(target) => { const start = performance.now(); let ran = false; window.__navRender = new Promise(resolve => {
  const check = (records) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return;
    // a quick run can start and finish between two callbacks: the records keep the states it passed through
    for (const r of records) if (r.attributeName === "data-test-script-state" && r.oldValue === "running") ran = true;
    if (app.getAttribute("data-test-script-state") === "running") ran = true;
    if (!ran || location.pathname.replace(/^\\/+/, "") !== target || !window.__pageComplete()) return;
    watcher.disconnect();
    resolve(performance.now() - start);
  };
  const watcher = new MutationObserver(check);
  watcher.observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
}); }"""


def _navigated(context, origin: str, path: str, lang: str) -> float:
    """Seconds from a click on `path`'s link in the sidebar of another page (the home page, or a chapter
    for the home page itself) until `path` is fully rendered: the site is already loaded, Streamlit
    switches pages over the open websocket."""
    tab = context.new_page()
    tab.add_init_script(DONE_WATCH)
    tab.goto(f"{origin}/{'tolerance' if path == '' else ''}?lang={lang}")
    tab.evaluate("() => window.__fullRender")
    links = tab.locator("[data-testid='stSidebar'] a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    targets = [i for i, href in enumerate(hrefs) if href.split("?")[0] == path]
    if not targets:
        raise LookupError(f"no link to /{path} in the sidebar of {tab.url}: {hrefs}")
    tab.evaluate(NAV_DONE, path)
    links.nth(targets[0]).click()
    ms = tab.evaluate("() => Promise.race([window.__navRender, new Promise(r => setTimeout(() => r(null), 120000))])")
    if ms is None:
        seen = tab.evaluate("""() => [location.pathname, document.querySelector("[data-testid='stApp']")
            .getAttribute("data-test-script-state"), document.querySelectorAll("[data-testid='stSkeleton']").length,
            document.querySelector("h1")?.innerText]""")
        raise TimeoutError(f"/{path} was not fully rendered 120 s after its link was clicked: {seen}")
    tab.close()
    return ms / 1000


def part_render(pages: list[str], repeats: int = 3) -> None:
    from playwright.sync_api import sync_playwright
    print(f"\n(2) First full render in Chromium (median of {repeats}) on a server already warmed by one visit to "
          "every page. 'new browser': a fresh browser context (empty cache) each time; 'cached': the site's "
          "scripts already in the browser's cache, as for a reader who has opened any page of the site before; "
          "'link': from a click on the page's link in the sidebar of the home page (of a chapter, for the home "
          "page), the way a reader moves through the site")
    print(f"{'page':<24} {'zh new browser':>15} {'cached':>8} {'link':>8} {'en new browser':>15} {'cached':>8} "
          f"{'link':>8}")
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    viewport = {"width": 1280, "height": 900}
    server, floor = Server(), Server("bench/floor_app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            for path in pages:                       # warm-up: imports, content, chart compilation
                for lang in ("zh", "en"):
                    context = browser.new_context()
                    _rendered(context, f"{server.http}/{path}?lang={lang}")
                    context.close()
            waited = server.wait_idle()
            print(f"(server idle {waited:.0f} s after the warm-up visits: chart specs compiled)")

            def new_browser(url: str) -> float:
                with _fresh_context(browser, viewport) as context:
                    return _rendered(context, url)

            def cached(url: str, origin: str) -> float:
                with _fresh_context(browser, viewport) as context:
                    _rendered(context, origin + "/")       # fills the HTTP cache with the site's scripts
                    return statistics.median(_rendered(context, url) for _ in range(repeats))

            def link(origin: str, path: str, lang: str) -> float:
                with _fresh_context(browser, viewport) as context:
                    return statistics.median(_navigated(context, origin, path, lang) for _ in range(repeats))

            for name, origin, paths in (("floor app (one slider)", floor.http, [""]), (None, server.http, pages)):
                for path in paths:
                    row = []
                    for lang in ("zh", "en"):
                        url = f"{origin}/{path}?lang={lang}"
                        row.append(statistics.median(new_browser(url) for _ in range(repeats)))
                        row.append(cached(url, origin))
                        row.append(link(origin, path, lang) if name is None else float("nan"))
                    label = name or "/" + path
                    cells = [f"{v:.2f} s" if v == v else "–" for v in row]     # NaN: the floor app has no links
                    print(f"{label:<24} {cells[0]:>15} {cells[1]:>8} {cells[2]:>8} {cells[3]:>15} {cells[4]:>8} "
                          f"{cells[5]:>8}")
            browser.close()
    finally:
        server.stop()
        floor.stop()


async def idle_sessions(server: Server, page: str, count: int) -> float:
    proc = psutil.Process(server.proc.pid)
    warm = await Tab.open(server.ws, page, SLIDER)
    await warm.close()
    await asyncio.sleep(1)
    before = proc.memory_info().rss
    tabs = [await Tab.open(server.ws, page, SLIDER) for _ in range(count)]
    await asyncio.sleep(2)
    after = proc.memory_info().rss
    for tab in tabs:
        await tab.close()
    return (after - before) / count


async def drift(server: Server, page: str, reruns: int, warmup: int = 500) -> tuple[float, float]:
    proc = psutil.Process(server.proc.pid)
    tab = await Tab.open(server.ws, page, SLIDER)
    for _ in range(warmup):
        await tab.move(random.randint(10, 90) / 10)
    start = proc.memory_info().rss
    for _ in range(reruns):
        await tab.move(random.randint(10, 90) / 10)
    end = proc.memory_info().rss
    await tab.close()
    return start, end


def part_memory(page: str, sessions: int, reruns: int) -> None:
    print(f"\n(3) Memory on /{page}")
    server = Server()
    try:
        server.wait_idle()
        per_session = asyncio.run(idle_sessions(server, page, sessions))
        print(f"RSS per idle session (over {sessions} sessions): {per_session / 1024:.0f} KB")
        start, end = asyncio.run(drift(server, page, reruns))
        print(f"RSS over {reruns} reruns after warm-up: {start / 2**20:.1f} MB → {end / 2**20:.1f} MB "
              f"(growth {(end - start) / 2**20:+.1f} MB)")
    finally:
        server.stop()


def part_fix(page: str, students: int, seconds: float) -> None:
    print(f"\n(4) The rerun-cost fix, {students} students for {seconds:.0f} s")
    for label, options, env in (("as shipped", (), {}),
                                ("fix undone", ("--runner.postScriptGC=true",), {"BENCH_NO_FREEZE": "1"})):
        server = Server("streamlit_app.py", *options, env=env)
        try:
            asyncio.run(class_session(server, page, 1, 2))
            server.wait_idle()
            r = asyncio.run(class_session(server, page, students, seconds))
            print(f"{label:<12} CPU/rerun {r['cpu']:>6.1f} ms   p50 {r['p50']:>4.0f} ms   p95 {r['p95']:>4.0f} ms")
        finally:
            server.stop()


def part_elements(repeats: int = 5) -> None:
    """First full render of bench/element_app.py with forty elements of each kind, against none, in turn
    (interleaved, median of `repeats`): the price of a page's parts in the reader's browser."""
    from playwright.sync_api import sync_playwright
    from element_app import COUNT, DRAW
    kinds = ["none", *DRAW, "one_html"]
    print(f"\n(5) What each kind of element adds to a first full render in Chromium: {COUNT} of one kind, against "
          f"the same app with none (a fresh browser context each time, median of {repeats}, kinds interleaved)")
    server = Server("bench/element_app.py")
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)

            def render(kind: str) -> float:
                with _fresh_context(browser, {"width": 1280, "height": 900}) as context:
                    return _rendered(context, f"{server.http}/?kind={kind}")

            for kind in kinds:
                render(kind)                                      # warm-up
            times = {kind: [] for kind in kinds}
            for _ in range(repeats):
                for kind in kinds:
                    times[kind].append(render(kind))
            browser.close()
    finally:
        server.stop()
    base = statistics.median(times["none"])
    print(f"{'kind':<25} {'page':>8} {'added':>8} {'per element':>12}")
    for kind in kinds:
        page = statistics.median(times[kind])
        label = f"{kind} ({COUNT} paragraphs)" if kind == "one_html" else kind
        print(f"{label:<25} {page:>6.2f} s {page - base:>+6.2f} s "
              f"{'' if kind == 'none' else f'{(page - base) / COUNT * 1000:>9.1f} ms':>12}")


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmarks of the site under a class's load.")
    ap.add_argument("--part", choices=["all", "load", "render", "memory", "fix", "elements"], default="all")
    ap.add_argument("--page", default="tolerance", help="page (URL path) with the slider to move")
    ap.add_argument("--classes", type=int, nargs="+", default=[1, 20, 60])
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--reruns", type=int, default=10_000)
    a = ap.parse_args()
    mem = psutil.virtual_memory().total / 2**30
    print(f"Machine: {psutil.cpu_count()} cores, {mem:.0f} GiB, {platform.platform()}, Python {platform.python_version()}")
    pages = [""] + sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    if a.part in ("all", "load"):
        part_load(a.page, a.classes, a.seconds)
    if a.part in ("all", "render"):
        part_render(pages)
    if a.part in ("all", "memory"):
        part_memory(a.page, a.sessions, a.reruns)
    if a.part in ("all", "fix"):
        part_fix(a.page, 5, a.seconds)
    if a.part in ("all", "elements"):
        part_elements()
    return 0


if __name__ == "__main__":
    sys.exit(main())
