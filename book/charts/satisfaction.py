"""Charts of the satisfaction chapter: the disconfirmation map, the Kano diagram, the evaluation grid,
the Better–Worse scatter, and the ACSI model as an SVG diagram. Specs only; no theory here."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import altair as alt

from . import DATA, FONT, OKABE_ITO, finish

# One colour, one point shape and one dash pattern per Kano category, so no category is told by colour alone.
KANO_COLOURS = {"A": "#009E73", "O": "#0072B2", "M": "#D55E00", "I": "#000000", "R": "#CC79A7", "Q": "#E69F00"}
KANO_SHAPES = {"A": "triangle-up", "O": "circle", "M": "square", "I": "diamond", "R": "triangle-down", "Q": "cross"}
KANO_DASHES = {"A": [1, 0], "O": [8, 4], "M": [2, 3], "I": [12, 3, 2, 3], "R": [4, 4], "Q": [1, 0]}
VERDICT_COLOURS = {"fell_short": OKABE_ITO[5], "met": OKABE_ITO[4], "exceeded": OKABE_ITO[2]}
VERDICT_SHAPES = {"fell_short": "triangle-down", "met": "circle", "exceeded": "triangle-up"}
SCALE_1_10 = [1, 10]
LEGEND_COLUMNS = 2      # six category names side by side would run off a phone screen
# Where the Better–Worse chart writes a point's label for each `place`: text anchor, dx, dy (pixels at scale 1).
LABEL_OFFSETS = {"right": ("left", 10, -8), "left": ("right", -10, -8), "below": ("left", 6, 16),
                 "above": ("left", 8, -20), "below-left": ("right", -6, 16), "above-left": ("right", -8, -20)}


def _rows_from_top(spec: dict) -> dict:
    """Let layers drawn from the exhibit's rows inherit the chart's top-level data.

    Streamlit sends the rows as the chart's top-level data. When every layer uses them, Altair hoists
    the reference to the top and `finish` drops it; when fixed guides (diagonals, quadrant lines, their
    labels) bring small inline datasets, the row layers keep a reference to a named dataset that
    Streamlit never fills, so it is removed here.
    """
    for layer in spec.get("layer", []):
        if layer.get("data") == {"name": DATA.name}:
            del layer["data"]
    return spec


def _by_place(offsets: dict[str, tuple[str, float, float]], part: int, scale: float) -> alt.ExprRef:
    """A mark property (0: align, 1: dx, 2: dy) read from each row's `place`, so that one text mark can
    put every label where its row asks; the first entry of `offsets` is the fallback."""
    def value(entry: tuple[str, float, float]) -> str:
        item = entry[part]
        return f"'{item}'" if isinstance(item, str) else f"{item * scale:g}"
    places = list(offsets.items())
    expr = value(places[0][1])
    for place, entry in reversed(places[1:]):
        expr = f"datum.place == '{place}' ? {value(entry)} : ({expr})"
    return alt.expr(expr)


def _placed_text(chart: alt.Chart, offsets: dict[str, tuple[str, float, float]], scale: float,
                 **mark: object) -> alt.Chart:
    return chart.mark_text(align=_by_place(offsets, 0, 1), dx=_by_place(offsets, 1, scale),
                           dy=_by_place(offsets, 2, scale), **mark)


def _category_scale(names: dict[str, str], kind: str) -> alt.Scale:
    keys = list(names)
    table = {"colour": KANO_COLOURS, "shape": KANO_SHAPES, "dash": KANO_DASHES}[kind]
    return alt.Scale(domain=[names[k] for k in keys], range=[table[k] for k in keys])


@lru_cache(maxsize=16)
def disconfirmation_spec(labels: tuple[tuple[str, str], ...], verdicts: tuple[tuple[str, str], ...],
                         scale: float = 1.0) -> dict:
    """Expectation (x) against perceived performance (y) on 1–10; above the diagonal expectations
    are exceeded, below it they are not met. Data: name, expected, perceived, index, verdict, highlight,
    place (where the point's label goes: left, right, above or below)."""
    names, verdict_names = dict(labels), dict(verdicts)
    x_scale, y_scale = alt.Scale(domain=SCALE_1_10, nice=False), alt.Scale(domain=SCALE_1_10, nice=False)
    ticks = list(range(1, 11))
    region_rows = {"exceeded": [{"x": 1, "low": 1, "high": 10}, {"x": 10, "low": 10, "high": 10}],
                   "fell_short": [{"x": 1, "low": 1, "high": 1}, {"x": 10, "low": 1, "high": 10}]}
    regions = [alt.Chart(alt.Data(values=rows)).mark_area(opacity=0.08, color=VERDICT_COLOURS[region]).encode(
        x=alt.X("x:Q", scale=x_scale, title=names["expected"], axis=alt.Axis(values=ticks, format="d")),
        y=alt.Y("low:Q", scale=y_scale, title=names["perceived"], axis=alt.Axis(values=ticks, format="d")),
        y2="high:Q") for region, rows in region_rows.items()]
    diagonal = alt.Chart(alt.Data(values=[{"x": 1, "y": 1}, {"x": 10, "y": 10}])).mark_line(
        color="#555555", strokeDash=[6, 4], strokeWidth=1.5 * scale).encode(x="x:Q", y="y:Q")
    region_text = _placed_text(alt.Chart(alt.Data(values=[
        {"x": 1.3, "y": 9.5, "text": names["region_exceeded"], "place": "right"},
        {"x": 9.7, "y": 1.5, "text": names["region_fell_short"], "place": "left"},
        {"x": 9.6, "y": 9.95, "text": names["diagonal"], "place": "left"},
    ])), {"right": ("left", 0, 0), "left": ("right", 0, 0)}, scale, fontSize=12 * scale, color="#444444",
        baseline="middle").encode(x="x:Q", y="y:Q", text="text:N")
    keys = list(VERDICT_COLOURS)
    domain = [verdict_names[k] for k in keys]
    tips = [alt.Tooltip("name:N", title=names["name"]),
            alt.Tooltip("expected:Q", title=names["expected"], format=".1f"),
            alt.Tooltip("perceived:Q", title=names["perceived"], format=".1f"),
            alt.Tooltip("index:Q", title=names["index"], format=".1f"),
            alt.Tooltip("verdict:N", title=names["verdict"])]
    base = alt.Chart(DATA).encode(x=alt.X("expected:Q", scale=x_scale), y=alt.Y("perceived:Q", scale=y_scale),
                                  tooltip=tips)
    points = base.mark_point(filled=True, opacity=1).encode(
        color=alt.Color("verdict:N", scale=alt.Scale(domain=domain, range=[VERDICT_COLOURS[k] for k in keys]),
                        title=names["verdict"]),
        shape=alt.Shape("verdict:N", scale=alt.Scale(domain=domain, range=[VERDICT_SHAPES[k] for k in keys]),
                        title=names["verdict"]),
        size=alt.condition("datum.highlight", alt.value(320 * scale * scale), alt.value(150 * scale * scale)),
        stroke=alt.condition("datum.highlight", alt.value("#000000"), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(1.5 * scale), alt.value(0)))
    # Each row says where its label goes (`place`), so that labels of nearby points do not collide
    # and none runs off a phone-sized chart.
    offsets = {"right": ("left", 11, 0), "left": ("right", -11, 0), "above": ("center", 0, -16),
               "below": ("center", 0, 18)}
    point_text = _placed_text(base, offsets, scale, fontSize=12 * scale, fontWeight="bold").encode(
        text="name:N", color=alt.Color("verdict:N", title=names["verdict"], scale=alt.Scale(
            domain=domain, range=[VERDICT_COLOURS[k] for k in keys])))
    chart = alt.layer(*regions, diagonal, region_text, points, point_text)
    return _rows_from_top(finish(chart, scale, height=340 * scale))


@lru_cache(maxsize=32)
def kano_curves_spec(labels: tuple[tuple[str, str], ...], categories: tuple[tuple[str, str], ...],
                     scale: float = 1.0) -> dict:
    """Satisfaction (−1 … +1) against fulfilment (−1 … +1), one curve per category, with a marker
    where each curve meets the chosen fulfilment.

    Data rows: kind ("curve" or "marker"), category (a label from `categories`), fulfilment,
    satisfaction, highlight (bool: draw this curve strongly). Curves differ by colour and dash pattern,
    markers by shape; the legend names them (the curves meet at both ends, leaving no room for labels).
    """
    names, category_names = dict(labels), dict(categories)
    colour = _category_scale(category_names, "colour")
    x = alt.X("fulfilment:Q", scale=alt.Scale(domain=[-1, 1], nice=False), title=names["x"],
              axis=alt.Axis(values=[-1, -0.5, 0, 0.5, 1], labelExpr=(
                  f"datum.value == -1 ? '{names['absent']}' : datum.value == 1 ? '{names['full']}' : ''")))
    y = alt.Y("satisfaction:Q", scale=alt.Scale(domain=[-1.05, 1.05], nice=False), title=names["y"],
              axis=alt.Axis(values=[-1, 0, 1], labelExpr=(
                  f"datum.value == -1 ? '{names['dissatisfied']}' : datum.value == 1 ? '{names['satisfied']}'"
                  f" : '{names['neutral']}'")))
    base = alt.Chart(DATA).encode(x=x, y=y)
    axes = alt.Chart(alt.Data(values=[{"v": 0}])).mark_rule(color="#888888", strokeWidth=scale)
    lines = base.transform_filter("datum.kind == 'curve'").mark_line(strokeWidth=2.6 * scale).encode(
        color=alt.Color("category:N", scale=colour, title=names["category"],
                        legend=alt.Legend(columns=LEGEND_COLUMNS)),
        strokeDash=alt.StrokeDash("category:N", scale=_category_scale(category_names, "dash"),
                                  title=names["category"]),
        opacity=alt.condition("datum.highlight", alt.value(1), alt.value(0.22)),
        detail="category:N")
    tips = [alt.Tooltip("category:N", title=names["category"]),
            alt.Tooltip("fulfilment:Q", title=names["x"], format="+.2f"),
            alt.Tooltip("satisfaction:Q", title=names["y"], format="+.2f")]
    markers = base.transform_filter("datum.kind == 'marker'").mark_point(
        filled=True, size=150 * scale * scale, opacity=1, stroke="#ffffff", strokeWidth=scale).encode(
        color=alt.Color("category:N", scale=colour, title=names["category"]),
        shape=alt.Shape("category:N", scale=_category_scale(category_names, "shape"), title=names["category"]),
        tooltip=tips)
    cursor = base.transform_filter("datum.kind == 'marker'").mark_rule(
        color="#444444", strokeDash=[3, 3], strokeWidth=1.2 * scale).encode(x="fulfilment:Q")
    chart = alt.layer(axes.encode(y=alt.Y("v:Q")), axes.encode(x=alt.X("v:Q")), lines, cursor, markers)
    return _rows_from_top(finish(chart, scale, height=330 * scale))


@lru_cache(maxsize=16)
def evaluation_grid_spec(labels: tuple[tuple[str, str], ...], answers: tuple[str, ...],
                         categories: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """The 5×5 evaluation table as a grid: rows are functional answers, columns dysfunctional ones,
    each cell coloured and lettered by its category; the selected cell is outlined.
    Data rows: functional, dysfunctional (answer labels), code (A…Q), category (its name), selected."""
    names, category_names = dict(labels), dict(categories)
    # Long answer labels (English) are slanted so that five of them fit across a phone screen.
    angle = -40 if max(len(a) for a in answers) > 6 else 0
    x = alt.X("dysfunctional:N", sort=list(answers), title=names["dysfunctional"],
              axis=alt.Axis(orient="top", labelAngle=angle, labelAlign="left" if angle else "center",
                            labelLimit=130 * scale))
    y = alt.Y("functional:N", sort=list(answers), title=names["functional"], axis=alt.Axis(labelLimit=120 * scale))
    tips = [alt.Tooltip("functional:N", title=names["functional"]),
            alt.Tooltip("dysfunctional:N", title=names["dysfunctional"]),
            alt.Tooltip("category:N", title=names["category"])]
    base = alt.Chart(DATA).encode(x=x, y=y, tooltip=tips)
    cells = base.mark_rect(cornerRadius=2).encode(
        color=alt.Color("category:N", scale=_category_scale(category_names, "colour"), title=names["category"],
                        legend=alt.Legend(columns=LEGEND_COLUMNS)),
        opacity=alt.condition("datum.selected", alt.value(0.95), alt.value(0.3)),
        stroke=alt.condition("datum.selected", alt.value("#000000"), alt.value("#ffffff")),
        strokeWidth=alt.condition("datum.selected", alt.value(4 * scale), alt.value(1.5 * scale)))
    letters = base.mark_text(fontSize=16 * scale, fontWeight="bold").encode(
        text="code:N", color=alt.condition("datum.selected", alt.value("#ffffff"), alt.value("#222222")))
    return finish(alt.layer(cells, letters), scale, height=alt.Step(44 * scale))


@lru_cache(maxsize=16)
def better_worse_spec(labels: tuple[tuple[str, str], ...], categories: tuple[tuple[str, str], ...],
                      scale: float = 1.0, split: float = 0.5) -> dict:
    """Better (y) against |Worse| (x), both 0–1, split into quadrants at `split`.
    Data rows: feature, better, worse_abs, worse, category (the name of the feature's mode), highlight,
    place (where the label goes: right, left, below, above (both to the right), below-left or above-left
    of the point)."""
    names, category_names = dict(labels), dict(categories)
    axis = alt.Scale(domain=[0, 1], nice=False)
    ticks = [0, 0.25, 0.5, 0.75, 1]
    x = alt.X("worse_abs:Q", scale=axis, title=names["x"], axis=alt.Axis(values=ticks, format=".2f"))
    y = alt.Y("better:Q", scale=axis, title=names["y"], axis=alt.Axis(values=ticks, format=".2f"))
    splits = alt.Chart(alt.Data(values=[{"v": split}])).mark_rule(color="#777777", strokeDash=[5, 4],
                                                                   strokeWidth=1.2 * scale)
    corner = 0.03
    quadrant_rows = ({"x": corner, "y": 1 - corner, "text": names["quadrant_A"], "place": "right"},
                     {"x": 1 - corner, "y": 1 - corner, "text": names["quadrant_O"], "place": "left"},
                     {"x": 1 - corner, "y": corner, "text": names["quadrant_M"], "place": "left"},
                     {"x": corner, "y": corner, "text": names["quadrant_I"], "place": "right"})
    quadrants = _placed_text(alt.Chart(alt.Data(values=list(quadrant_rows))), {"right": ("left", 0, 0),
                                                                             "left": ("right", 0, 0)}, scale,
                             fontSize=12 * scale, color="#555555", baseline="middle", fontStyle="italic").encode(
        x=alt.X("x:Q", scale=axis), y=alt.Y("y:Q", scale=axis), text="text:N")
    tips = [alt.Tooltip("feature:N", title=names["feature"]),
            alt.Tooltip("better:Q", title="Better", format=".2f"),
            alt.Tooltip("worse:Q", title="Worse", format=".2f"),
            alt.Tooltip("category:N", title=names["category"])]
    base = alt.Chart(DATA).encode(x=x, y=y, tooltip=tips)
    points = base.mark_point(filled=True, opacity=1).encode(
        color=alt.Color("category:N", scale=_category_scale(category_names, "colour"), title=names["category"],
                        legend=alt.Legend(columns=LEGEND_COLUMNS)),
        shape=alt.Shape("category:N", scale=_category_scale(category_names, "shape"), title=names["category"]),
        size=alt.condition("datum.highlight", alt.value(340 * scale * scale), alt.value(150 * scale * scale)),
        stroke=alt.condition("datum.highlight", alt.value("#000000"), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(1.5 * scale), alt.value(0)))
    # Each row says where its label goes (`place`), so that long names of nearby points do not collide.
    text = _placed_text(base, LABEL_OFFSETS, scale, fontSize=12 * scale,
                        fontWeight=alt.expr("datum.highlight ? 'bold' : 'normal'")).encode(text="feature:N")
    chart = alt.layer(splits.encode(x=alt.X("v:Q", scale=axis)), splits.encode(y=alt.Y("v:Q", scale=axis)),
                      quadrants, points, text)
    return _rows_from_top(finish(chart, scale, height=360 * scale))


CLOSING = "）)」』】〕，。、；：！？,.;:!?"


def _wrap(text: str, width: int = 20) -> list[str]:
    """Break a label into lines of at most `width` units, a CJK character counting two (SVG text does
    not wrap by itself). Closing punctuation stays on the line it closes, even past the width."""
    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in re.findall(r"[A-Za-z0-9'’()\-–.]+ ?|\S ?| ", paragraph):
            size = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in token.rstrip())
            if line and used + size > width and token[0] not in CLOSING:
                lines.append(line.rstrip())
                line, used = "", 0
            line += token
            used += size + (len(token) - len(token.rstrip()))
        lines.append(line.rstrip())
    return [line for line in lines if line]


@lru_cache(maxsize=32)
def acsi_svg(labels: tuple[tuple[str, str], ...], width: int, scale: float = 1.0) -> str:
    """The ACSI model's structure as an SVG `width` px wide: the three drivers stacked on the left,
    satisfaction in the centre, complaints (a dashed arrow marked −) and loyalty (+) on the right.
    `labels` names the six constructs. Drawn here rather than by a diagram library in the reader's
    browser (Graphviz's 770 KB script was the heaviest thing on the chapter's first render); labels
    are wrapped to the box width, so a phone's narrow column keeps 13-px text."""
    names = dict(labels)
    font, pad, vgap = 13 * scale, 6 * scale, 12 * scale
    line = font * 1.3
    gap = max(28.0, width * 0.07)                        # room between columns for the arrows
    box = (width - 2 * gap - 2) / 3
    units = max(6, int((box - 2 * pad) / (font * 0.56)))  # a CJK character counts two units
    lines = {key: _wrap(names[key], units) for key in ("expectations", "quality", "value", "satisfaction",
                                                       "complaints", "loyalty")}
    height = {key: len(text) * line + 2 * pad for key, text in lines.items()}
    columns = (("expectations", "quality", "value"), ("satisfaction",), ("complaints", "loyalty"))
    spacing = (vgap, vgap, 3 * vgap)                     # the outcomes sit further apart: room for the signs
    total = max(sum(height[k] for k in col) + space * (len(col) - 1) for col, space in zip(columns, spacing))
    canvas = total + 4
    place = {}                                           # key → (x, y, centre y)
    for i, (col, space) in enumerate(zip(columns, spacing)):
        y = (canvas - sum(height[k] for k in col) - space * (len(col) - 1)) / 2
        for key in col:
            place[key] = (1 + i * (box + gap), y, y + height[key] / 2)
            y += height[key] + space
    fill = {"satisfaction": "#fde9d4", "complaints": "#f2f2f2", "loyalty": "#f2f2f2"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{canvas:.0f}" '
             f'viewBox="0 0 {width} {canvas:.1f}" font-family="{html.escape(FONT)}" font-size="{font:.1f}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#444444"/></marker></defs>']
    for key, (x, y, middle) in place.items():
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{box:.1f}" height="{height[key]:.1f}" rx="{5 * scale:.1f}" '
                     f'fill="{fill.get(key, "#e8f1f8")}" stroke="#444444" stroke-width="1"/>')
        first = middle - (len(lines[key]) - 1) * line / 2
        spans = "".join(f'<tspan x="{x + box / 2:.1f}" y="{first + i * line:.1f}">{html.escape(text)}</tspan>'
                        for i, text in enumerate(lines[key]))
        parts.append(f'<text text-anchor="middle" dominant-baseline="central" fill="#222222">{spans}</text>')
    sat_x, _, sat_y = place["satisfaction"]
    for key in columns[0]:                               # drivers → satisfaction, joined by one trunk
        x, _, y = place[key]
        parts.append(f'<path d="M{x + box:.1f},{y:.1f} H{x + box + gap / 2:.1f} V{sat_y:.1f} H{sat_x - 1:.1f}" '
                     'fill="none" stroke="#444444" stroke-width="1.3" marker-end="url(#arrow)"/>')
    for key, sign, dash in (("complaints", "−", ' stroke-dasharray="5 4"'), ("loyalty", "+", "")):
        x, _, y = place[key]
        turn = sat_x + box + gap / 3
        parts.append(f'<path d="M{sat_x + box:.1f},{sat_y:.1f} H{turn:.1f} V{y:.1f} H{x - 1:.1f}" fill="none" '
                     f'stroke="#444444" stroke-width="1.3"{dash} marker-end="url(#arrow)"/>')
        parts.append(f'<text x="{(turn + x) / 2:.1f}" y="{y - 4 * scale:.1f}" text-anchor="middle" font-weight="bold" '
                     f'font-size="{font * 1.3:.1f}" fill="#222222">{sign}</text>')
    parts.append("</svg>")
    return "".join(parts)
