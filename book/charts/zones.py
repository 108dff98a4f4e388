"""The zone-of-tolerance chart: bands from adequate to desired service, perceived service as a marker."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, finish

BAND = "#c9d6e6"
BAND_EDGE = "#5b7aa0"
ZONE_COLOURS = {"below": "#D55E00", "within": "#0072B2", "above": "#009E73"}
ZONE_SHAPES = {"below": "triangle-left", "within": "circle", "above": "triangle-right"}
SCALE_DOMAIN = [1, 9]


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
    return finish(alt.layer(band, marker, value), scale, height=alt.Step(46 * scale))
