"""Charts of the service economy chapter: the evaluation continuum, services' share of GDP over time,
and the sector make-up of two economies in a chosen year."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

KIND_COLOURS = {"good": "#E69F00", "service": "#0072B2"}
KIND_SHAPES = {"good": "square", "service": "circle"}
BAND_FILLS = ("#eaf1fa", "#f1f2f5", "#fbeee4")
READER = "#1d2330"
SECTOR_COLOURS = {"primary": "#009E73", "secondary": "#E69F00", "tertiary": "#0072B2", "unsplit": "#c8ccd2"}
# Series are told apart by colour and by point shape: US in blues, China in warm colours.
SERIES_STYLE = {
    "us-bea-private": (OKABE_ITO[4], "square"),
    "us-stlfed": (OKABE_ITO[1], "circle"),
    "cn-history-2014": (OKABE_ITO[7], "triangle-down"),
    "cn-history-2019": (OKABE_ITO[6], "triangle-up"),
    "cn-csy2005": (OKABE_ITO[0], "diamond"),
    "cn-first-release": (OKABE_ITO[5], "circle"),
    "cn-census-revision": (OKABE_ITO[2], "cross"),
}


@lru_cache(maxsize=16)
def continuum_spec(labels: tuple[tuple[str, str], ...], bands: tuple[tuple[str, float, float], ...],
                   kinds: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """One row per offering along the easy-to-hard continuum: the book's placement as a filled marker
    (shape and colour by good or service), the reader's as a hollow diamond joined to it by a rule.

    Data columns: row, kind (a label from `kinds`), book (position or null when hidden), band,
    reader (position or null), verdict, highlight (bool). `bands` are (label, start, end) on 0–100.
    """
    names, kind_names = dict(labels), dict(kinds)
    x_scale = alt.Scale(domain=[0, 100], nice=False)
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelFontWeight="normal"))
    # Bands are drawn from inline data with fixed fills, so the colour scale stays the goods/services one.
    band_rects = [alt.Chart(alt.Data(values=[{"start": s, "end": e}])).mark_rect(color=fill).encode(
        x=alt.X("start:Q", scale=x_scale, title=names["axis"], axis=alt.Axis(labels=False, ticks=False, grid=False)),
        x2="end:Q") for (_, s, e), fill in zip(bands, BAND_FILLS)]
    band_text = alt.Chart(alt.Data(values=[{"band": b, "mid": (s + e) / 2} for b, s, e in bands])).mark_text(
        baseline="bottom", dy=-3 * scale, fontSize=11 * scale, fontWeight="bold", color="#4a5160").encode(
        x=alt.X("mid:Q", scale=x_scale), y=alt.value(0), text="band:N")
    tips = [alt.Tooltip("row:N", title=names["row"]), alt.Tooltip("kind:N", title=names["kind"]),
            alt.Tooltip("band:N", title=names["book"]), alt.Tooltip("verdict:N", title=names["verdict"])]
    # Layers on the exhibit's data carry none of their own: Streamlit supplies it to the top level.
    base = alt.Chart().encode(y=y, tooltip=tips)
    link = base.mark_rule(color=READER, strokeDash=[3, 3], strokeWidth=1.2 * scale).encode(
        x=alt.X("book:Q", scale=x_scale), x2="reader:Q")
    keys = list(KIND_COLOURS)
    domain = [kind_names[k] for k in keys]
    book = base.mark_point(filled=True, size=170 * scale * scale, opacity=1).encode(
        x=alt.X("book:Q", scale=x_scale),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=domain, range=[KIND_COLOURS[k] for k in keys])),
        shape=alt.Shape("kind:N", title=None, scale=alt.Scale(domain=domain, range=[KIND_SHAPES[k] for k in keys])),
        stroke=alt.condition("datum.highlight", alt.value(READER), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(2.5 * scale), alt.value(0)))
    reader = base.mark_point(shape="diamond", filled=False, size=190 * scale * scale, strokeWidth=2.2 * scale,
                             color=READER, opacity=1).encode(x=alt.X("reader:Q", scale=x_scale))
    chart = alt.layer(*band_rects, link, book, reader, band_text, data=DATA)
    return finish(chart, scale, height=alt.Step(30 * scale))


@lru_cache(maxsize=16)
def trend_spec(labels: tuple[tuple[str, str], ...], series: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """Services' share of GDP by year: one line with point markers per series; lines only join the
    published points of one series. A rule marks half of GDP.

    Data columns: series (a label from `series`), year, share, vintage. `series` maps ids to labels.
    """
    names = dict(labels)
    domain = [label for _, label in series]
    colours = [SERIES_STYLE[sid][0] for sid, _ in series]
    shapes = [SERIES_STYLE[sid][1] for sid, _ in series]
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours),
                       legend=alt.Legend(columns=1, labelLimit=520 * scale))
    shape = alt.Shape("series:N", title=None, scale=alt.Scale(domain=domain, range=shapes))
    x = alt.X("year:Q", title=names["year"], scale=alt.Scale(zero=False, nice=False),
              axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("share:Q", title=names["share"], scale=alt.Scale(domain=[0, 100]))
    tips = [alt.Tooltip("series:N", title=names["series"]), alt.Tooltip("year:Q", title=names["year"], format="d"),
            alt.Tooltip("share:Q", title=names["share"], format=".1f"), alt.Tooltip("vintage:N", title=names["vintage"])]
    base = alt.Chart().encode(x=x, y=y, color=colour, tooltip=tips)
    lines = base.mark_line(strokeWidth=1.6 * scale, opacity=0.7).encode(detail="series:N")
    points = base.mark_point(filled=True, size=90 * scale * scale, opacity=1).encode(shape=shape)
    # One row aggregated from the exhibit's own data carries the 50 % rule; inline data would add a dataset
    # without years to the shared x scale.
    half = alt.Chart().transform_aggregate(points="count()")
    rule = half.mark_rule(color="#6b7280", strokeDash=[4, 4]).encode(y=alt.datum(50))
    # Labelled at the right end, just below the rule, where no published point lies.
    rule_text = half.mark_text(align="right", baseline="top", dx=-4, dy=4 * scale, fontSize=11 * scale,
                               color="#4a5160", text=names["half"]).encode(y=alt.datum(50), x=alt.value({"expr": "width"}))
    # Streamlit fits the whole chart, legend included, into the height: leave room for one legend row per series.
    height = (300 + 22 * len(series)) * scale
    return finish(alt.layer(rule, rule_text, lines, points, data=DATA), scale, height=height)


@lru_cache(maxsize=16)
def sectors_spec(labels: tuple[tuple[str, str], ...], sectors: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """Horizontal 100 % bars, one per economy and year, split into the sectors its source gives.
    Each segment carries its share as a direct label; the part a source leaves unsplit is grey.

    Data columns: row, sector (a label from `sectors`), share, start, end, mid, order, label.
    """
    names = dict(labels)
    keys = [k for k, _ in sectors]
    domain = [label for _, label in sectors]
    y = alt.Y("row:N", sort=None, title=None)
    x_scale = alt.Scale(domain=[0, 100], nice=False)
    tips = [alt.Tooltip("row:N", title=names["row"]), alt.Tooltip("sector:N", title=names["sector"]),
            alt.Tooltip("share:Q", title=names["share"], format=".1f")]
    base = alt.Chart().encode(y=y, tooltip=tips)
    bars = base.mark_bar(size=34 * scale, stroke="#ffffff", strokeWidth=1).encode(
        x=alt.X("start:Q", scale=x_scale, title=names["share"], axis=alt.Axis(values=[0, 25, 50, 75, 100])), x2="end:Q",
        color=alt.Color("sector:N", title=None, legend=alt.Legend(columns=2, labelLimit=260 * scale),
                        scale=alt.Scale(domain=domain, range=[SECTOR_COLOURS[k] for k in keys])))
    text = base.mark_text(fontSize=12 * scale, fontWeight="bold").encode(
        x="mid:Q", text="label:N",
        color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1d2330")))
    return finish(alt.layer(bars, text, data=DATA), scale, height=alt.Step(58 * scale))
