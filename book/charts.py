"""Altair chart builders: each takes a DataFrame of model output and returns a chart. No theory here.

Charts use the system's CJK font (no web font is fetched) and grow with the reader's text size.
Verdicts are told apart by shape as well as colour (Okabe–Ito colours, safe for colour-blind readers).
"""
from __future__ import annotations

import altair as alt
import pandas as pd

FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Sans Pro', sans-serif"
BAND = "#c9d6e6"
BAND_EDGE = "#5b7aa0"
ZONE_COLOURS = {"below": "#D55E00", "within": "#0072B2", "above": "#009E73"}
ZONE_SHAPES = {"below": "triangle-left", "within": "circle", "above": "triangle-right"}
SCALE_DOMAIN = [1, 9]


def _finish(chart: alt.Chart, scale: float) -> alt.Chart:
    return (chart.properties(width="container", height=alt.Step(46 * scale))
            .configure(font=FONT)
            .configure_axis(labelFontSize=13 * scale, titleFontSize=13 * scale, labelLimit=220 * scale,
                            gridColor="#e6e6e6")
            .configure_legend(labelFontSize=13 * scale, symbolSize=140 * scale, orient="bottom", title=None)
            .configure_view(stroke=None))


def _verdict_encoding(zone_labels: dict[str, str]) -> tuple[alt.Color, alt.Shape]:
    keys = list(ZONE_COLOURS)
    domain = [zone_labels[k] for k in keys]
    colour = alt.Color("verdict:N", scale=alt.Scale(domain=domain, range=[ZONE_COLOURS[k] for k in keys]))
    shape = alt.Shape("verdict:N", scale=alt.Scale(domain=domain, range=[ZONE_SHAPES[k] for k in keys]))
    return colour, shape


def zone_chart(df: pd.DataFrame, labels: dict[str, str], zone_labels: dict[str, str],
               highlight: str | None = None, scale: float = 1.0) -> alt.Chart:
    """One horizontal band per row from `adequate` to `desired`, with `perceived` as a marker.

    `df` has columns row, adequate, desired, perceived, verdict (a label from `zone_labels`).
    `labels` names the axis and tooltip fields in the reader's language.
    """
    data = df.assign(highlight=df["row"] == highlight)
    y = alt.Y("row:N", sort=list(df["row"]), title=None)
    x_scale = alt.Scale(domain=SCALE_DOMAIN, nice=False)
    tips = [alt.Tooltip("row:N", title=labels["row"]),
            alt.Tooltip("adequate:Q", title=labels["adequate"], format=".1f"),
            alt.Tooltip("desired:Q", title=labels["desired"], format=".1f"),
            alt.Tooltip("perceived:Q", title=labels["perceived"], format=".1f"),
            alt.Tooltip("verdict:N", title=labels["verdict"])]
    base = alt.Chart(data).encode(y=y, tooltip=tips)
    band = base.mark_bar(size=22 * scale, cornerRadius=3, color=BAND).encode(
        x=alt.X("adequate:Q", scale=x_scale, title=labels["axis"], axis=alt.Axis(values=list(range(1, 10)))),
        x2="desired:Q",
        stroke=alt.condition("datum.highlight", alt.value(BAND_EDGE), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(2.5 * scale), alt.value(0)))
    colour, shape = _verdict_encoding(zone_labels)
    marker = base.mark_point(filled=True, size=200 * scale * scale, opacity=1).encode(
        x="perceived:Q", color=colour, shape=shape)
    value = base.mark_text(dy=-16 * scale, fontSize=12 * scale, fontWeight="bold").encode(
        x="perceived:Q", text=alt.Text("perceived:Q", format=".1f"), color=alt.Color("verdict:N", legend=None))
    return _finish(alt.layer(band, marker, value), scale)
