"""Charts of the loyalty chapter: profit by year of the relationship, lifetime value against retention,
reasons for switching, and the Pareto curve with the customer pyramid's tiers. Specs only; no theory here.

Every layer of a chart reads the rows the exhibit sends (layers of different kinds pick theirs with a filter
on `kind`), so no layer carries inline data: Streamlit fills only the chart's top-level data.
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

# Profit sources in stacking order (acquisition below zero, then upwards from base profit).
SOURCE_COLOURS = ("#D55E00", "#0072B2", "#56B4E9", "#009E73", "#E69F00", "#CC79A7")
TIER_COLOURS = (OKABE_ITO[4], OKABE_ITO[2], OKABE_ITO[0], "#8c8c8c")
MEASURE_COLOURS = ("#9db7d5", OKABE_ITO[4])
HIGHLIGHT, MUTED = OKABE_ITO[4], "#b9cde3"


def _kind(chart: alt.Chart, kind: str) -> alt.Chart:
    return chart.transform_filter(alt.datum.kind == kind)


@lru_cache(maxsize=16)
def profit_spec(labels: tuple[tuple[str, str], ...], sources: tuple[str, ...], scale: float = 1.0) -> dict:
    """Stacked bars of profit by year and source, with each source's name written beside the last bar (the
    acquisition cost beside year 0). Rows: kind ("bar" or "label"), year, source, order, profit, mid (a label's
    height)."""
    names = dict(labels)
    base = alt.Chart(DATA)
    x = alt.X("year:O", title=names["year"], axis=alt.Axis(labelAngle=0))
    colour = alt.Color("source:N", scale=alt.Scale(domain=list(sources), range=list(SOURCE_COLOURS[:len(sources)])),
                       title=names["source"], legend=None)
    tips = [alt.Tooltip("year:Q", title=names["year"]), alt.Tooltip("source:N", title=names["source"]),
            alt.Tooltip("profit:Q", title=names["profit"], format=".1f")]
    bars = _kind(base, "bar").mark_bar(width=alt.RelativeBandSize(0.6)).encode(
        x=x, y=alt.Y("profit:Q", title=names["profit"], stack="zero"), color=colour,
        order=alt.Order("order:Q"), tooltip=tips)
    zero = _kind(base, "bar").transform_filter(alt.datum.year == 0).mark_rule(
        color="#555555", strokeWidth=1).encode(y=alt.datum(0))
    tags = _kind(base, "label").mark_text(align="left", dx=2 * scale, fontSize=11 * scale).encode(
        x=alt.X("year:O", bandPosition=1), y="mid:Q", text="source:N", color=colour)
    return finish(alt.layer(bars, zero, tags), scale, height=300 * scale)


@lru_cache(maxsize=16)
def clv_spec(labels: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """Lifetime value against retention, with two marked points. Rows: kind ("curve" or "point"), retention,
    clv, point (the marker's name) and caption (the text written above the marker)."""
    names = dict(labels)
    base = alt.Chart(DATA)
    x = alt.X("retention:Q", title=names["axis_retention"],
              axis=alt.Axis(format=".0%", values=[0.5, 0.6, 0.7, 0.8, 0.9]),
              scale=alt.Scale(domain=[0.5, 0.95], nice=False))
    y = alt.Y("clv:Q", title=names["axis_clv"], scale=alt.Scale(zero=True))
    curve = _kind(base, "curve").mark_line(color="#555555", strokeWidth=2 * scale).encode(
        x=x, y=y, tooltip=[alt.Tooltip("retention:Q", format=".0%", title=names["axis_retention"]),
                           alt.Tooltip("clv:Q", format=",.1f", title=names["axis_clv"])])
    domain = [names["now"], names["raised"]]
    points = _kind(base, "point").mark_point(filled=True, size=160 * scale * scale, opacity=1).encode(
        x="retention:Q", y="clv:Q",
        color=alt.Color("point:N", scale=alt.Scale(domain=domain, range=[OKABE_ITO[4], OKABE_ITO[5]]), legend=None),
        shape=alt.Shape("point:N", scale=alt.Scale(domain=domain, range=["circle", "triangle-up"]), legend=None),
        tooltip=[alt.Tooltip("point:N", title=names["point"]),
                 alt.Tooltip("retention:Q", format=".0%", title=names["axis_retention"]),
                 alt.Tooltip("clv:Q", format=",.1f", title=names["axis_clv"])])
    text = _kind(base, "point").mark_text(fontSize=12 * scale, fontWeight="bold", dy=-14 * scale).encode(
        x="retention:Q", y="clv:Q", text="caption:N",
        color=alt.Color("point:N", scale=alt.Scale(domain=domain, range=[OKABE_ITO[4], OKABE_ITO[5]]), legend=None))
    return finish(alt.layer(curve, points, text), scale, height=300 * scale)


@lru_cache(maxsize=16)
def switching_spec(labels: tuple[tuple[str, str], ...], categories: tuple[str, ...], scale: float = 1.0) -> dict:
    """Horizontal bars of the reasons for switching in the order given (largest first), the chosen one dark
    and outlined. Rows: category, share, highlight (bool), value (the printed share)."""
    names = dict(labels)
    base = alt.Chart(DATA).encode(
        y=alt.Y("category:N", sort=list(categories), title=None),
        tooltip=[alt.Tooltip("category:N", title=names["category"]),
                 alt.Tooltip("share:Q", title=names["axis_share"])])
    bars = base.mark_bar(size=20 * scale).encode(
        x=alt.X("share:Q", title=names["axis_share"], scale=alt.Scale(domain=[0, 50])),
        color=alt.condition("datum.highlight", alt.value(HIGHLIGHT), alt.value(MUTED)),
        stroke=alt.condition("datum.highlight", alt.value("#000000"), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(1.5 * scale), alt.value(0)))
    values = [base.transform_filter(test).mark_text(align="left", dx=4 * scale, fontSize=12 * scale,
                                                   fontWeight=weight).encode(x="share:Q", text="value:N")
              for test, weight in (("datum.highlight", "bold"), ("!datum.highlight", "normal"))]
    return finish(alt.layer(bars, *values), scale, height=alt.Step(30 * scale))


@lru_cache(maxsize=16)
def pareto_spec(labels: tuple[tuple[str, str], ...], tiers: tuple[str, ...], scale: float = 1.0) -> dict:
    """The Pareto curve over shaded tier bands, with each tier's lower cut-off marked and labelled.
    Rows: kind ("curve", "band" or "cut"), x, y, x2 (a band's right edge), tier, caption."""
    names = dict(labels)
    base = alt.Chart(DATA)
    share_axis = alt.Axis(format=".0%", values=[0, 0.2, 0.4, 0.6, 0.8, 1])
    x = alt.X("x:Q", title=names["axis_customers"], axis=share_axis, scale=alt.Scale(domain=[0, 1], nice=False))
    y = alt.Y("y:Q", title=names["axis_revenue"], axis=share_axis, scale=alt.Scale(domain=[0, 1], nice=False))
    tier_scale = alt.Scale(domain=list(tiers), range=list(TIER_COLOURS[:len(tiers)]))
    bands = _kind(base, "band").mark_rect(opacity=0.16).encode(
        x="x:Q", x2="x2:Q", y=alt.datum(0), y2=alt.datum(1),
        color=alt.Color("tier:N", scale=tier_scale, title=names["tier"], legend=alt.Legend(columns=2)))
    curve = _kind(base, "curve").mark_line(color="#000000", strokeWidth=2 * scale).encode(
        x=x, y=y, tooltip=[alt.Tooltip("x:Q", format=".1%", title=names["axis_customers"]),
                                   alt.Tooltip("y:Q", format=".1%", title=names["axis_revenue"])])
    cuts = _kind(base, "cut").mark_point(filled=True, size=90 * scale * scale, opacity=1, shape="diamond").encode(
        x="x:Q", y="y:Q", color=alt.Color("tier:N", scale=tier_scale, title=names["tier"]),
        tooltip=[alt.Tooltip("caption:N", title=names["tier"])])
    captions = _kind(base, "cut").mark_text(align="left", dx=8 * scale, dy=6 * scale, fontSize=11.5 * scale,
                                             fontWeight="bold").encode(
        x="x:Q", y="y:Q", text="caption:N", color=alt.Color("tier:N", scale=tier_scale, title=names["tier"]))
    return finish(alt.layer(bands, curve, cuts, captions), scale, height=340 * scale)


@lru_cache(maxsize=16)
def tier_bars_spec(labels: tuple[tuple[str, str], ...], tiers: tuple[str, ...], measures: tuple[str, ...],
                   scale: float = 1.0) -> dict:
    """Each tier's share of customers beside its share of sales. Rows: tier, measure, share, caption."""
    names = dict(labels)
    base = alt.Chart(DATA).encode(
        y=alt.Y("tier:N", sort=list(tiers), title=None), yOffset=alt.YOffset("measure:N", sort=list(measures)))
    measure_scale = alt.Scale(domain=list(measures), range=list(MEASURE_COLOURS))
    bars = base.mark_bar(size=14 * scale).encode(
        x=alt.X("share:Q", title=names["axis_share"], axis=alt.Axis(format=".0%", values=[0, 0.2, 0.4, 0.6, 0.8, 1]),
                scale=alt.Scale(domain=[0, 1.25], nice=False)),
        color=alt.Color("measure:N", scale=measure_scale, title=names["measure"]),
        tooltip=[alt.Tooltip("tier:N", title=names["tier"]), alt.Tooltip("measure:N", title=names["measure"]),
                 alt.Tooltip("share:Q", format=".1%", title=names["axis_share"])])
    text = base.mark_text(align="left", dx=4 * scale, fontSize=11 * scale).encode(x="share:Q", text="caption:N")
    return finish(alt.layer(bars, text), scale, height=alt.Step(36 * scale))
