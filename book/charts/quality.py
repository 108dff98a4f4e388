"""Charts for the service-quality chapter: SERVQUAL gaps as bars, and the gaps-model diagram.

The diagram is drawn with Vega-Lite marks on a fixed 100 × 120 canvas (boxes are rects, arrows are
rules with triangle heads, labels are text), so it scales with the page from a 390 px phone to a
wide screen. Its layout lives here; which boxes and gaps exist at each stage comes from
models.gaps_model, and every word on it comes with the data in the reader's language.
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

SHORTFALL, MET = OKABE_ITO[5], OKABE_ITO[2]          # vermillion, bluish green
CUSTOMER_FILL, CUSTOMER_EDGE = "#dcebf7", OKABE_ITO[4]
COMPANY_FILL, COMPANY_EDGE = "#fbe9cf", "#b07800"
GAP_LINE = OKABE_ITO[5]
INK = "#222222"
GAP_AXIS_MIN = 3.0                                    # the gap axis always shows at least −3 … +3


@lru_cache(maxsize=32)
def gap_bars_spec(labels: tuple[tuple[str, str], ...], verdicts: tuple[tuple[str, str], ...],
                  scale: float = 1.0) -> dict:
    """Horizontal bars of P − E per dimension, each labelled with its value.

    Data columns: row (dimension label), gap, expected, perceived, weight, verdict (a label from
    `verdicts`: shortfall or met), label (the gap as text), highlight (bool: the largest shortfall),
    lo and hi (the smallest axis range, drawn invisibly so the axis never shrinks below it).
    """
    names, kinds = dict(labels), dict(verdicts)
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=260 * scale))
    x_axis = alt.Axis(title=names["axis"], tickCount=7, labelExpr="datum.value > 0 ? '+' + datum.label : datum.label")
    tips = [alt.Tooltip("row:N", title=names["row"]),
            alt.Tooltip("expected:Q", title=names["expected"], format=".1f"),
            alt.Tooltip("perceived:Q", title=names["perceived"], format=".1f"),
            alt.Tooltip("gap:Q", title=names["gap"], format="+.1f"),
            alt.Tooltip("weight:Q", title=names["weight"]),
            alt.Tooltip("verdict:N", title=names["verdict"])]
    base = alt.Chart(DATA).encode(y=y)
    extent = base.mark_rule(opacity=0).encode(x=alt.X("lo:Q", axis=x_axis), x2="hi:Q")
    domain = [kinds["shortfall"], kinds["met"]]
    # No legend: the side of the zero line and the printed value already say what the colour says.
    colour = alt.Color("verdict:N", scale=alt.Scale(domain=domain, range=[SHORTFALL, MET]), legend=None)
    bars = base.mark_bar(size=24 * scale, cornerRadius=2).encode(
        x=alt.X("gap:Q"), x2=alt.datum(0), color=colour, tooltip=tips,
        stroke=alt.condition("datum.highlight", alt.value(INK), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(2.5 * scale), alt.value(0)))
    zero = alt.Chart(DATA).mark_rule(color=INK, strokeWidth=1.2).encode(x=alt.datum(0))
    text = dict(fontSize=13 * scale, fontWeight="bold", color=INK)
    left = base.transform_filter("datum.gap < 0").mark_text(align="right", dx=-5 * scale, **text).encode(
        x="gap:Q", text="label:N")
    right = base.transform_filter("datum.gap >= 0").mark_text(align="left", dx=5 * scale, **text).encode(
        x="gap:Q", text="label:N")
    return finish(alt.layer(extent, bars, zero, left, right), scale, height=alt.Step(44 * scale))


# ── The gaps-model diagram ────────────────────────────────────────────────────────────────────
# Canvas: x 0–100 left to right, y 0–120 top to bottom. The main column is centred on x = CENTRE.
CANVAS_X, CANVAS_Y = (0, 100), (0, 120)
CENTRE = 38.5
BOXES: dict[str, tuple[float, float, float, float]] = {      # element → x, y, x2, y2
    "influences": (13, 0.5, 64, 13.5),
    "expected": (13, 18, 64, 28),
    "perceived": (13, 40, 64, 50),
    "delivery": (13, 62, 64, 72),
    "communications": (69, 60.5, 100, 75.5),
    "standards": (13, 84, 64, 94),
    "company-perceptions": (13, 106, 64, 116),
}
SEPARATOR_Y = 56
HEIGHT_PX = 520                                           # at scale 1; text sizes scale alike
LINE_PX = 14
LINE_UNITS = LINE_PX * (CANVAS_Y[1] - CANVAS_Y[0]) / HEIGHT_PX   # one text line in canvas units
# Arrows that show how the model flows: segments, then the head (x, y, shape) at the end.
FLOWS: dict[str, tuple[tuple[tuple[float, float, float, float], ...], tuple[float, float, str], bool]] = {
    "influences": (((CENTRE, 13.5, CENTRE, 17.5),), (CENTRE, 17, "triangle-down"), False),
    "delivery": (((CENTRE, 62, CENTRE, 50.5),), (CENTRE, 51, "triangle-up"), False),
    "standards": (((CENTRE, 84, CENTRE, 72.5),), (CENTRE, 73, "triangle-up"), False),
    "company-perceptions": (((CENTRE, 106, CENTRE, 94.5),), (CENTRE, 95, "triangle-up"), False),
    "communications": (((84.5, 60.5, 84.5, 23), (84.5, 23, 64.5, 23)), (65, 23, "triangle-left"), True),
}
FLOW_NEEDS = {"influences": "expected", "delivery": "perceived", "standards": "delivery",
              "company-perceptions": "standards", "communications": "expected"}
GAP_SEGMENTS: dict[str, tuple[tuple[float, float, float, float], ...]] = {
    "gap1": ((13, 23, 6, 23), (6, 23, 6, 111), (6, 111, 13, 111)),
    "gap2": ((CENTRE, 94, CENTRE, 106),),
    "gap3": ((CENTRE, 72, CENTRE, 84),),
    "gap4": ((64, 67, 69, 67),),
    "gap5": ((CENTRE, 28, CENTRE, 40),),
}
GAP_LABELS: dict[str, tuple[float, float, bool]] = {    # x, y, rotated
    "gap1": (2.5, 67, True),
    "gap2": (41, 100, False),
    "gap3": (41, 78, False),
    "gap4": (64.5, 78.5, False),
    "gap5": (41, 34, False),
}
SIDE_LABELS = {"customer": (100, 53), "company": (100, 58.3)}
DIAGRAM_FIELDS = ("layer", "x", "y", "x2", "y2", "text", "side", "active", "dashed", "shape")


def diagram_rows(elements: tuple[str, ...], gaps: tuple[str, ...], active: tuple[str, ...],
                 words: dict[str, str]) -> dict[str, list]:
    """The diagram's marks as columns for a pyarrow table: the boxes in `elements`, the arrows
    between them, the gaps in `gaps`; anything named in `active` is drawn emphasised. `words`
    holds the text for every box, gap and side label in the reader's language."""
    rows: list[dict] = []

    def add(layer: str, x: float, y: float, x2: float = 0, y2: float = 0, text: str = "", side: str = "",
            is_active: bool = False, dashed: bool = False, shape: str = "") -> None:
        rows.append({"layer": layer, "x": x, "y": y, "x2": x2, "y2": y2, "text": text, "side": side,
                     "active": is_active, "dashed": dashed, "shape": shape})

    add("separator", CANVAS_X[0], SEPARATOR_Y, CANVAS_X[1], SEPARATOR_Y)
    for side, (x, y) in SIDE_LABELS.items():
        add("side", x, y, text=words[side], side=side)
    for element in elements:
        x, y, x2, y2 = BOXES[element]
        side = "company" if element in ("delivery", "standards", "company-perceptions", "communications") else "customer"
        add("box", x, y, x2, y2, side=side, is_active=element in active)
        # Vega puts the first line of a multi-line label at y; lift the block so it is centred.
        lines = words[element].count("\n") + 1
        add("box-text", (x + x2) / 2, (y + y2) / 2 - (lines - 1) * LINE_UNITS / 2, text=words[element], side=side)
    for source, (segments, (hx, hy, shape), dashed) in FLOWS.items():
        if source in elements and FLOW_NEEDS[source] in elements:
            for x, y, x2, y2 in segments:
                add("flow", x, y, x2, y2, dashed=dashed)
            add("head", hx, hy, shape=shape)
    for gap in gaps:
        for x, y, x2, y2 in GAP_SEGMENTS[gap]:
            add("gap", x, y, x2, y2, is_active=gap in active)
        x, y, rotated = GAP_LABELS[gap]
        add("gap-label-vertical" if rotated else "gap-label", x, y, text=words[gap], is_active=gap in active)
    return {field: [r[field] for r in rows] for field in DIAGRAM_FIELDS}


@lru_cache(maxsize=8)
def gaps_model_spec(scale: float = 1.0) -> dict:
    """The gaps-model diagram; its data comes from `diagram_rows`."""
    xs = alt.Scale(domain=list(CANVAS_X), nice=False, zero=False)
    ys = alt.Scale(domain=list(CANVAS_Y), nice=False, zero=False, reverse=True)
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    base = alt.Chart(DATA).encode(x=x, y=y)

    def only(layer: str) -> alt.Chart:
        return base.transform_filter(alt.datum.layer == layer)

    side_colour = alt.Color("side:N", legend=None, scale=alt.Scale(
        domain=["customer", "company"], range=[CUSTOMER_EDGE, COMPANY_EDGE]))
    separator = only("separator").mark_rule(color="#9a9a9a", strokeDash=[6, 4], strokeWidth=1.2).encode(
        x2="x2:Q", y2="y2:Q")
    boxes = only("box").mark_rect(cornerRadius=4 * scale).encode(
        x2="x2:Q", y2="y2:Q",
        fill=alt.Fill("side:N", legend=None, scale=alt.Scale(
            domain=["customer", "company"], range=[CUSTOMER_FILL, COMPANY_FILL])),
        stroke=side_colour,
        strokeWidth=alt.condition("datum.active", alt.value(3 * scale), alt.value(1.3 * scale)))
    flows = only("flow").mark_rule(color="#555555", strokeWidth=1.6 * scale).encode(
        x2="x2:Q", y2="y2:Q",
        strokeDash=alt.condition("datum.dashed", alt.value([5, 4]), alt.value([1, 0])))
    heads = only("head").mark_point(filled=True, color="#555555", size=70 * scale * scale, opacity=1).encode(
        shape=alt.Shape("shape:N", scale=None, legend=None))
    gap_lines = only("gap").mark_rule(color=GAP_LINE, strokeCap="round").encode(
        x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.condition("datum.active", alt.value(6 * scale), alt.value(3.5 * scale)))
    box_text = only("box-text").mark_text(fontSize=11.5 * scale, lineBreak="\n", color=INK,
                                          lineHeight=LINE_PX * scale).encode(text="text:N")
    label = dict(color=INK, fontWeight="bold")
    gap_text = only("gap-label").mark_text(align="left", baseline="middle", **label).encode(
        text="text:N", size=alt.condition("datum.active", alt.value(15 * scale), alt.value(12 * scale)))
    gap_text_vertical = only("gap-label-vertical").mark_text(angle=270, baseline="middle", **label).encode(
        text="text:N", size=alt.condition("datum.active", alt.value(15 * scale), alt.value(12 * scale)))
    sides = only("side").mark_text(align="right", baseline="middle", fontSize=12 * scale, fontWeight="bold"
                                   ).encode(text="text:N", color=side_colour)
    layers = alt.layer(separator, boxes, flows, heads, gap_lines, box_text, gap_text, gap_text_vertical, sides)
    return finish(layers, scale, height=HEIGHT_PX * scale)
