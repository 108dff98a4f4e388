"""Charts for the SERVQUAL lab: each item's mean expectation and perception joined by its gap.

The dimension gaps reuse the quality chapter's bar chart (`quality.gap_bars_spec`); this module adds
the item view, a dumbbell per item: a circle at the mean expectation, a diamond at the mean perception,
a line between them (vermillion for a shortfall, green otherwise) and the gap printed beside it.
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish
from .quality import INK, SHORTFALL, MET

EXPECTATION_COLOUR, PERCEPTION_COLOUR = OKABE_ITO[4], OKABE_ITO[5]     # blue, vermillion


@lru_cache(maxsize=16)
def item_gaps_spec(labels: tuple[tuple[str, str], ...], measures: tuple[str, str], scale: float = 1.0) -> dict:
    """Rows, two per item (one per measure in `measures`: expectation name, perception name): row (item
    label), measure, value, expectation, perception, gap, label (the gap as text), first (true on the
    item's first row, which carries the line and the printed gap), right (max of E and P), shortfall."""
    names = dict(labels)
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=220 * scale))
    # The axis spans the data, not the whole 1–7 scale: survey means bunch together, and their gaps are the point.
    x_scale = alt.Scale(zero=False, nice=True, padding=24 * scale)
    x_axis = alt.Axis(title=names["axis"], tickMinStep=0.5, format=".1f")
    base = alt.Chart(DATA).encode(y=y)
    first = base.transform_filter("datum.first")
    tips = [alt.Tooltip("row:N", title=names["item"]),
            alt.Tooltip("expectation:Q", title=measures[0], format=".2f"),
            alt.Tooltip("perception:Q", title=measures[1], format=".2f"),
            alt.Tooltip("gap:Q", title=names["gap"], format="+.2f")]
    line = first.mark_rule(strokeWidth=3 * scale).encode(
        x=alt.X("expectation:Q", scale=x_scale, axis=x_axis), x2="perception:Q",
        color=alt.condition("datum.shortfall", alt.value(SHORTFALL), alt.value(MET)), tooltip=tips)
    measure_scale = alt.Scale(domain=list(measures), range=[EXPECTATION_COLOUR, PERCEPTION_COLOUR])
    points = base.mark_point(size=80 * scale * scale, opacity=1, filled=True).encode(
        x=alt.X("value:Q", scale=x_scale, axis=x_axis),
        color=alt.Color("measure:N", scale=measure_scale, title=None),
        shape=alt.Shape("measure:N", scale=alt.Scale(domain=list(measures), range=["circle", "diamond"]), title=None),
        tooltip=tips)
    text = first.mark_text(align="left", dx=8 * scale, fontSize=11.5 * scale, color=INK).encode(
        x="right:Q", text="label:N")
    return finish(alt.layer(line, points, text), scale, height=alt.Step(22 * scale))
