"""Every page, both languages, phone and projector widths: renders cleanly, draws its charts, and leaves
a whole-page screenshot in test-artifacts/screenshots/ for people to look at."""
from __future__ import annotations

import pytest

from book import content
from book.i18n import t

from .conftest import SCREENSHOTS

TOOLS = [tool for group in content.TOOL_GROUPS for tool in content.tools(group)]
PAGES = ["", *content.published_chapters(), *TOOLS]
DRAWS_CHARTS = {*content.published_chapters(), *content.tools("labs")}   # labs open on their sample data


@pytest.mark.parametrize("width", [390, 1920])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_renders_with_charts_and_no_errors(browser, server, reader, path, lang, width):
    r = reader(width=width, height=844 if width < 800 else 1080)
    r.open(f"{server.url}/{path}?lang={lang}")
    body = r.page.inner_text("body")
    for problem in ("Page not found", "Traceback", "Error:"):
        assert problem not in body, f"/{path}?lang={lang}: {problem!r} on the page"
    assert r.page.get_by_test_id("stException").count() == 0
    title = (t(lang, f"tools.{path}.title") if path in TOOLS
             else (content.load_chapter(path, lang) if path else content.load_chapter("home", lang)).title)
    assert r.page.locator("h1").first.inner_text().strip() == title
    charts = r.charts()
    for i, chart in enumerate(charts):       # on first render each chart is an SVG image made on the server
        assert chart["kind"] == "static" and chart["drawn"], f"chart {i}: {chart}"
        assert chart["marks"] > 0, f"chart {i} drew no marks"
    if path in DRAWS_CHARTS:
        assert len(charts) >= 1, f"/{path} should draw its exhibits' charts"
    diagrams = r.page.evaluate("""() => [...document.querySelectorAll(".static-diagram img")]
        .filter(img => img.offsetParent !== null).map(img => img.complete && img.naturalWidth > 0)""")
    assert diagrams == [True] * (path == "satisfaction"), f"diagrams shown and decoded: {diagrams}"
    r.shot_whole_page(SCREENSHOTS / f"{path or 'home'}-{lang}-{width}.png")
    assert r.console_errors == [], r.console_errors
