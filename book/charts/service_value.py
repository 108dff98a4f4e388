"""Charts for the service-value chapter: value composition, paid and unpaid utility, comparative advantage."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

HIGHLIGHT_EDGE = "#1d2330"
PART_COLOURS = {"c": OKABE_ITO[4], "v": OKABE_ITO[0], "m": OKABE_ITO[2]}    # blue, orange, green
PAID_COLOURS = {"paid": OKABE_ITO[4], "unpaid": OKABE_ITO[1]}               # blue, sky blue
ECONOMY_SHAPES = ("circle", "square")
ECONOMY_COLOURS = (OKABE_ITO[5], OKABE_ITO[4])                              # vermilion, blue
BAND = "#d8ead2"
TERMS_COLOUR = OKABE_ITO[7]


def _segment_bars(names: dict[str, str], parts: tuple[tuple[str, str], ...], colours: dict[str, str],
                  x_axis: alt.Axis, scale: float) -> alt.LayerChart:
    """Horizontal bars made of segments from x0 to x1, one row per service, each segment labelled in
    place so the parts are told apart by text as well as colour."""
    domain = [label for _, label in parts]
    colour = alt.Color("part:N", scale=alt.Scale(domain=domain, range=[colours[k] for k, _ in parts]),
                       legend=alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=400 * scale))
    y = alt.Y("row:N", sort=None, title=None)
    tips = [alt.Tooltip("row:N", title=names["row"]), alt.Tooltip("part:N", title=names["part"]),
            alt.Tooltip("amount:Q", title=names["amount"], format=",.0f"),
            alt.Tooltip("share:Q", title=names["share"], format=".0%")]
    base = alt.Chart(DATA).encode(y=y, tooltip=tips)
    bars = base.mark_bar(size=26 * scale).encode(
        x=alt.X("x0:Q", title=names["axis"], axis=x_axis), x2="x1:Q", color=colour,
        stroke=alt.condition("datum.highlight", alt.value(HIGHLIGHT_EDGE), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(2 * scale), alt.value(0)))
    labels = base.transform_filter("datum.x1 > datum.x0").transform_calculate(
        mid="(datum.x0 + datum.x1) / 2").mark_text(fontSize=12 * scale, fontWeight="bold", color="white").encode(
        x="mid:Q", text="label:N")
    return alt.layer(bars, labels)


@lru_cache(maxsize=16)
def composition_spec(labels: tuple[tuple[str, str], ...], parts: tuple[tuple[str, str], ...],
                     scale: float = 1.0) -> dict:
    """Each service's value split into c, v and m, as shares of 100 %.

    Data columns: row, part (a label from `parts`), amount, share, x0 and x1 (where the segment starts
    and ends, here cumulative shares), label (text in the segment), highlight (bool: outline the
    reader's service)."""
    names = dict(labels)
    axis = alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])
    chart = _segment_bars(names, parts, PART_COLOURS, axis, scale)
    return finish(chart, scale, height=alt.Step(44 * scale))


@lru_cache(maxsize=16)
def utility_spec(labels: tuple[tuple[str, str], ...], parts: tuple[tuple[str, str], ...],
                 scale: float = 1.0) -> dict:
    """Each service's total utility as the paid part (market value) plus the unpaid part, in yuan.

    Data columns as for `composition_spec`, with x0 and x1 in yuan."""
    names = dict(labels)
    chart = _segment_bars(names, parts, PAID_COLOURS, alt.Axis(format=",.0f"), scale)
    return finish(chart, scale, height=alt.Step(44 * scale))


@lru_cache(maxsize=16)
def trade_spec(labels: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """A number line of the first good's opportunity cost in each economy, the band of terms of trade at
    which both gain, and the chosen terms.

    Data columns: kind ("economy" or "terms"), label (an economy's name with its cost, or the terms),
    x, shape_index (0 or 1), anchor ("start": the label extends to the right of its mark, as for the
    economy further left and for terms in the left half of the band; "end": it extends to the left),
    lo, hi (the band; the same in every row)."""
    names = dict(labels)
    x_scale = alt.Scale(zero=False, padding=30 * scale)
    base = alt.Chart(DATA)
    band = base.transform_filter("datum.kind == 'terms'").mark_rect(color=BAND, opacity=0.9).encode(
        x=alt.X("lo:Q", scale=x_scale, title=names["axis"]), x2="hi:Q",
        tooltip=[alt.Tooltip("lo:Q", title=names["low"], format=".3f"),
                 alt.Tooltip("hi:Q", title=names["high"], format=".3f")])
    terms = base.transform_filter("datum.kind == 'terms'")
    rule = terms.mark_rule(color=TERMS_COLOUR, strokeWidth=2.5 * scale, strokeDash=[6, 4]).encode(
        x="x:Q", tooltip=[alt.Tooltip("x:Q", title=names["terms"], format=".3f")])
    lane = alt.Scale(domain=[0, 1])
    rule_labels = [terms.transform_filter(f"datum.anchor == '{anchor}'").transform_calculate(lane="0.88").mark_text(
        align=align, dx=dx * scale, fontSize=12 * scale, color=TERMS_COLOUR).encode(
        x="x:Q", y=alt.Y("lane:Q", scale=lane, axis=None), text="label:N")
        for anchor, align, dx in (("start", "left", 6), ("end", "right", -6))]
    economies = base.transform_filter("datum.kind == 'economy'").transform_calculate(lane="0.35")
    shape = alt.Shape("shape_index:N", scale=alt.Scale(domain=[0, 1], range=list(ECONOMY_SHAPES)), legend=None)
    colour = alt.Color("shape_index:N", scale=alt.Scale(domain=[0, 1], range=list(ECONOMY_COLOURS)), legend=None)
    y = alt.Y("lane:Q", scale=lane, axis=None)
    points = economies.mark_point(filled=True, size=260 * scale * scale, opacity=1).encode(
        x="x:Q", y=y, shape=shape, color=colour,
        tooltip=[alt.Tooltip("label:N", title=names["economy"]),
                 alt.Tooltip("x:Q", title=names["cost"], format=".3f")])
    # Each label reaches inwards from its point, so neither runs off the chart nor covers the other.
    labels = [economies.transform_filter(f"datum.anchor == '{anchor}'").mark_text(
        align=align, dx=dx * scale, dy=-22 * scale, fontSize=13 * scale, fontWeight="bold").encode(
        x="x:Q", y=y, text="label:N", color=colour) for anchor, align, dx in (("start", "left", -8), ("end", "right", 8))]
    chart = alt.layer(band, rule, *rule_labels, points, *labels)
    return finish(chart, scale, height=170 * scale)
