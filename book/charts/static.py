"""A chart drawn on the server as SVG, for the first render of a page.

A live chart costs the reader's browser about 0.3 s to load and start Vega and 40–150 ms more for each
chart (bench/benchmark.py --part render): on a chapter with five charts that is a second before the page
is complete. So when a page is drawn, each exhibit's chart arrives as SVG that vl-convert (the Vega
project's own converter, the same Vega-Lite version as the browser's) made from the same spec and data;
the first time the reader moves one of that exhibit's inputs, its fragment reruns and draws the live Vega
chart in its place (book/exhibits/common.chart decides). Until then the chart has no hover tooltips;
the exhibit's data table holds every figure as before.

The SVG goes to the page as an image (st.html keeps no inline SVG), in two widths: the chart's width in
the page's column on a desktop and on a 390-px phone; a CSS container query (book/site.css) shows the
one nearer the column's width, scaled to fit it. Results are cached per spec and data: an exhibit's
opening state is converted once per process.
"""
from __future__ import annotations

import functools
import html
import json
import re
from urllib.parse import quote

import vl_convert

VEGA_LITE = "6.4"          # the version Altair compiles to and Streamlit's frontend draws
WIDE, NARROW = 702, 356    # px: the chart's width in Streamlit's centred column, at 1280 px and at 390 px
_SIZE = re.compile(r'^<svg\b[^>]*? width="([\d.]+)" height="([\d.]+)"')


@functools.lru_cache(maxsize=256)
def _convert(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(spec_json, vl_version=VEGA_LITE)


def svg(spec: dict, data: dict[str, list], width: int) -> str:
    """`spec` (compiled, without data, fed the named dataset "rows" as st.vega_lite_chart would) drawn
    with `data` (columns) at `width` px."""
    count = len(next(iter(data.values()))) if data else 0
    rows = [{field: values[i] for field, values in data.items()} for i in range(count)]
    sized = {**spec, "width": width, "autosize": {"type": "fit-x", "contains": "padding"},
             "datasets": {**spec.get("datasets", {}), "rows": rows}, "data": {"name": "rows"}}
    return _convert(json.dumps(sized, ensure_ascii=False, sort_keys=True, default=str))


def _image(drawn: str, alt_text: str) -> str:
    size = _SIZE.match(drawn)
    size_attributes = f' width="{size[1]}" height="{size[2]}"' if size else ""
    return (f'<img src="data:image/svg+xml;charset=utf-8,{quote(drawn, safe=" /:;=,.-_()!*~")}"'
            f'{size_attributes} alt="{html.escape(alt_text)}">')


def figure(spec: dict, data: dict[str, list], alt_text: str, until_live: bool = False) -> str:
    """The HTML for st.html: the chart at both widths, each with the chart's alternative text. `until_live`:
    a stand-in drawn just after the live chart the first time it replaces the SVG, shown only until the
    browser has drawn the live one (book/site.css)."""
    return pair(svg(spec, data, WIDE), svg(spec, data, NARROW), alt_text,
                "static-chart until-live" if until_live else "static-chart")


def pair(wide: str, narrow: str, alt_text: str, kind: str) -> str:
    """Two drawings of one figure, `WIDE` and `NARROW` px wide, as images in a `kind` block (a class in
    book/site.css) that shows the one nearer the column's width."""
    return (f'<div class="{kind}"><div class="static-chart-wide">{_image(wide, alt_text)}</div>'
            f'<div class="static-chart-narrow">{_image(narrow, alt_text)}</div></div>')


def warm() -> None:
    """Start the converter (about 0.7 s the first time in a process) before a reader needs it."""
    _convert(json.dumps({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}}))
