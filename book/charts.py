"""Chart builders: authored in Altair, turned into Vega-Lite specs that take model output as data.

Building and validating an Altair chart costs about 100 ms, far more than a slider move may cost, so
each chart's spec is compiled once per language and text size and cached; a rerun only hands the
chart a new DataFrame (`st.vega_lite_chart(df, spec)`). No theory is computed here.

Charts use the system's CJK font (no web font is fetched) and grow with the reader's text size.
Verdicts are told apart by shape as well as colour (Okabe–Ito colours, safe for colour-blind readers).
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt

FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Sans Pro', sans-serif"
BAND = "#c9d6e6"
BAND_EDGE = "#5b7aa0"
ZONE_COLOURS = {"below": "#D55E00", "within": "#0072B2", "above": "#009E73"}
ZONE_SHAPES = {"below": "triangle-left", "within": "circle", "above": "triangle-right"}
SCALE_DOMAIN = [1, 9]
DATA = alt.NamedData(name="rows")     # replaced by the DataFrame passed to st.vega_lite_chart


def _finish(chart: alt.LayerChart, scale: float) -> dict:
    spec = (chart.properties(width="container", height=alt.Step(46 * scale))
            .configure(font=FONT)
            .configure_axis(labelFontSize=13 * scale, titleFontSize=13 * scale, labelLimit=220 * scale,
                            gridColor="#e6e6e6")
            .configure_legend(labelFontSize=13 * scale, symbolSize=140 * scale, orient="bottom", title=None)
            .configure_view(stroke=None)).to_dict()
    spec.pop("data", None)
    return spec


@lru_cache(maxsize=64)
def zone_spec(labels: tuple[tuple[str, str], ...], zone_labels: tuple[tuple[str, str], ...],
              scale: float = 1.0) -> dict:
    """Horizontal bands from `adequate` to `desired`, one per row, with `perceived` as a marker.

    The data (a DataFrame passed with the spec) has columns row, adequate, desired, perceived,
    verdict (a label from `zone_labels`) and highlight (bool: outline this row's band).
    `labels` names the axis and tooltip fields in the reader's language. Arguments are tuples of
    pairs so the compiled spec can be cached; treat the returned dict as read-only.
    """
    names, verdicts = dict(labels), dict(zone_labels)
    y = alt.Y("row:N", sort=None, title=None)
    x_scale = alt.Scale(domain=SCALE_DOMAIN, nice=False)
    tips = [alt.Tooltip("row:N", title=names["row"]),
            alt.Tooltip("adequate:Q", title=names["adequate"], format=".1f"),
            alt.Tooltip("desired:Q", title=names["desired"], format=".1f"),
            alt.Tooltip("perceived:Q", title=names["perceived"], format=".1f"),
            alt.Tooltip("verdict:N", title=names["verdict"])]
    base = alt.Chart(DATA).encode(y=y, tooltip=tips)
    band = base.mark_bar(size=22 * scale, cornerRadius=3, color=BAND).encode(
        x=alt.X("adequate:Q", scale=x_scale, title=names["axis"], axis=alt.Axis(values=list(range(1, 10)))),
        x2="desired:Q",
        stroke=alt.condition("datum.highlight", alt.value(BAND_EDGE), alt.value(None)),
        strokeWidth=alt.condition("datum.highlight", alt.value(2.5 * scale), alt.value(0)))
    keys = list(ZONE_COLOURS)
    domain = [verdicts[k] for k in keys]
    colour = alt.Color("verdict:N", scale=alt.Scale(domain=domain, range=[ZONE_COLOURS[k] for k in keys]))
    shape = alt.Shape("verdict:N", scale=alt.Scale(domain=domain, range=[ZONE_SHAPES[k] for k in keys]))
    marker = base.mark_point(filled=True, size=200 * scale * scale, opacity=1).encode(
        x="perceived:Q", color=colour, shape=shape)
    value = base.mark_text(dy=-16 * scale, fontSize=12 * scale, fontWeight="bold").encode(
        x="perceived:Q", text=alt.Text("perceived:Q", format=".1f"), color=alt.Color("verdict:N", legend=None))
    return _finish(alt.layer(band, marker, value), scale)
