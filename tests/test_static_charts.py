"""A page's first render draws each chart as SVG made on the server (book/charts/static.py); the exhibit's
own rerun, lecture mode and the class page's results draw the live chart."""
from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from book import content
from book.charts import static
from book.exhibits import common, tolerance
from book.i18n import t
from book.settings import Settings
from helpers import open_page, svg_images
from models import tolerance as zot



@pytest.fixture
def first_render(monkeypatch):
    """The site as readers get it: tests/conftest.py makes every chart live for the other page tests."""
    monkeypatch.delenv("BOOK_CHARTS", raising=False)


def _zone_chart(lang: str = "en"):
    rows = tolerance.zone_rows(dict(zot.DEFAULT_EXPECTATIONS), lang)
    data = common.columns(rows, tolerance.CHART_FIELDS)
    data["highlight"] = [r["dimension"] == "reliability" for r in rows]
    return tolerance._zone_spec(lang, "Dimension", Settings().scale), data, rows


def _static_blocks(at) -> list[str]:
    return [block.value for block in at.html if block.value.startswith('<div class="static-chart">')]


def test_the_svg_draws_the_exhibits_figures_at_the_width_asked():
    spec, data, rows = _zone_chart()
    for width in (static.WIDE, static.NARROW):
        drawn = static.svg(common.styled(spec), data, width)
        assert drawn.startswith("<svg") and f'width="{width}"' in drawn[:300]
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", drawn)
        for row in rows:
            assert row["row"] in labels                          # each dimension on the axis
            assert f"{row['perceived']:.1f}" in labels           # and its perceived score printed
    moved = {**data, "perceived": [1.0] * len(rows)}
    assert static.svg(common.styled(spec), data, static.WIDE) != static.svg(common.styled(spec), moved, static.WIDE)


def test_the_figure_holds_both_widths_as_images_with_the_alternative_text():
    spec, data, _ = _zone_chart()
    images = svg_images(static.figure(common.styled(spec), data, 'Zones "A" & B'))
    assert [w for _, w, _, _ in images] == [static.WIDE, static.NARROW]
    for svg, width, height, alt in images:
        assert svg.startswith("<svg") and svg.endswith("</svg>") and height > 100
        assert alt == "Zones &quot;A&quot; &amp; B"
        assert "可靠性" not in svg and "Reliability" in svg


def test_the_palette_the_reader_chose_reaches_the_svg():
    spec, data, _ = _zone_chart()
    default = static.svg(common.styled(spec), data, static.WIDE)
    from book.charts.palette import in_palette
    contrast = static.svg(in_palette(spec, "contrast"), data, static.WIDE)
    assert "#0072B2".lower() in default.lower() and "#0072B2".lower() not in contrast.lower()


@pytest.mark.parametrize("page", [*content.published_chapters(), *content.tools("labs")])
def test_every_chart_of_a_chapter_or_lab_opens_as_svg_and_the_same_charts_live(first_render, monkeypatch, page):
    at = open_page(f"pages/{page}.py", lang="zh")
    blocks = _static_blocks(at)
    assert not at.get("vega_lite_chart"), "no live chart on the first render"
    for block in blocks:
        assert len(svg_images(block)) == 2, block[:200]
    monkeypatch.setenv("BOOK_CHARTS", "live")
    live = open_page(f"pages/{page}.py", lang="zh")
    assert len(blocks) == len(live.get("vega_lite_chart")) >= 1
    assert not _static_blocks(live)


def test_lecture_mode_draws_the_live_chart(first_render):
    at = open_page("pages/tolerance.py", lang="en", mode="lecture", card="7")
    assert len(at.get("vega_lite_chart")) == 1 and not _static_blocks(at)


def test_a_failed_conversion_sends_the_live_chart(first_render, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("converter unavailable")
    monkeypatch.setattr(static, "figure", broken)
    at = open_page("pages/tolerance.py", lang="en")
    assert len(at.get("vega_lite_chart")) == 2 and not _static_blocks(at)


def test_only_the_exhibit_s_own_rerun_turns_its_chart_live(first_render, monkeypatch):
    monkeypatch.setattr(common.lecture, "active", lambda: None)
    for fragments, first in ((None, True), ([], True), (["an-exhibit"], False)):
        monkeypatch.setattr(common, "get_script_run_ctx", lambda: SimpleNamespace(fragment_ids_this_run=fragments))
        assert common._first_render() is first
    monkeypatch.setenv("BOOK_CHARTS", "live")
    monkeypatch.setattr(common, "get_script_run_ctx", lambda: SimpleNamespace(fragment_ids_this_run=None))
    assert common._first_render() is False


def test_the_alt_text_of_each_static_chart_is_the_exhibit_s(first_render):
    at = open_page("pages/tolerance.py", lang="en")
    alts = [alt for block in _static_blocks(at) for _, _, _, alt in svg_images(block)]
    assert alts == [html.escape(t("en", "exhibits.tolerance_zone.alt"))] * 2 + [html.escape(t("en", "exhibits.zone_factors.alt"))] * 2


def test_the_svg_on_screen_stands_in_while_the_live_chart_loads(first_render, monkeypatch):
    spec, data, _ = _zone_chart()
    drawn: list[tuple[str, str]] = []
    clock = iter([100.0, 101.0, 100.0 + common.STAND_IN_SECONDS + 0.1])
    monkeypatch.setattr(common.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(common.lecture, "active", lambda: None)
    monkeypatch.setattr(common.st, "session_state", {})
    monkeypatch.setattr(common.st, "html", lambda body: drawn.append(("html", body)))
    monkeypatch.setattr(common.st, "vega_lite_chart", lambda *a, **k: drawn.append(("live", k["alt"])))
    for fragments in (None, ["an-exhibit"], ["an-exhibit"], ["an-exhibit"]):   # the page, then three moves
        monkeypatch.setattr(common, "get_script_run_ctx", lambda: SimpleNamespace(fragment_ids_this_run=fragments))
        common.chart(spec, data, "zones")
    opened = static.figure(common.styled(spec), data, "zones")
    stand_in = opened.replace('class="static-chart"', 'class="static-chart until-live"', 1)
    assert drawn == [("html", opened), ("live", "zones"), ("html", stand_in),      # first move
                     ("live", "zones"), ("html", stand_in),                        # a second, 1 s later
                     ("live", "zones")], "not after STAND_IN_SECONDS"
    assert common.st.session_state[common.SHOWN_KEY] == {}


def test_a_page_remembers_the_svg_each_chart_opened_with(first_render):
    at = open_page("pages/tolerance.py", lang="en")
    shown = at.session_state[common.SHOWN_KEY]
    assert sorted(shown) == sorted([t("en", "exhibits.tolerance_zone.alt"), t("en", "exhibits.zone_factors.alt")])
    block = _static_blocks(at)[0]
    alt = t("en", "exhibits.tolerance_zone.alt")
    assert shown[alt][2] is None                             # not drawn live yet
    stand_in = static.figure(*shown[alt][:2], alt, until_live=True)
    assert stand_in == block.replace('class="static-chart"', 'class="static-chart until-live"', 1)
