"""Charts for the New Public Service chapter: Arnstein's ladder with practices placed on it.

The zone-of-tolerance chart of the service centre reuses `zones.zone_spec`. The ladder is a column
of eight bands (rung 1 at the foot), shaded by group and labelled by group at the right edge; each
practice keeps its own column of x positions, so practices on the same rung sit side by side, and
differs from the others by shape as well as colour (a legend names them); the chosen practice is
larger and outlined, and the reader's guess is a dashed ring in its column. Which rung each practice is on comes from
models.public_service; every word comes with the data in the reader's language.
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

GROUP_FILLS = {"non-participation": "#f6d8c8", "tokenism": "#fbedc6", "citizen-power": "#cde9dc"}
PRACTICE_COLOURS = (OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[4])
PRACTICE_SHAPES = ("square", "diamond", "circle", "triangle-up", "cross")
X_DOMAIN = (0.0, 10.0)
FIRST_COLUMN, COLUMN_STEP = 0.9, 1.3              # practice i stands at x = FIRST_COLUMN + i × COLUMN_STEP
GROUP_LABEL_X = 9.85
INK = "#222222"


def practice_x(index: int) -> float:
    """Where the column of the `index`-th practice stands on the chart's 0–10 x range."""
    return round(FIRST_COLUMN + index * COLUMN_STEP, 3)


@lru_cache(maxsize=64)
def ladder_spec(rung_labels: tuple[str, ...], practice_labels: tuple[str, ...],
                names: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """Eight rung bands with the practices as markers.

    The data has one row per rung (kind "rung": label, group, group_label — non-empty on the top rung
    of each group only — and x = 0, where its band starts) and one row per marker (kind "practice" or
    "guess": label of its rung, practice, x, selected). `rung_labels` run from rung 1 to rung 8;
    `practice_labels` fix the practices' colours and shapes; `names` title the tooltip fields (practice, rung, group, guess).
    """
    title = dict(names)
    y = alt.Y("label:N", sort=list(reversed(rung_labels)), title=None,
              axis=alt.Axis(labelLimit=200 * scale, labelFontWeight="bold", ticks=False, domain=False))
    # Every layer places x through the same field and scale (rung rows carry x = 0): mixing a bare
    # datum x with a field x in one layer stack makes Vega fail in the browser.
    x = alt.X("x:Q", scale=alt.Scale(domain=list(X_DOMAIN), nice=False), axis=None)
    rungs = alt.Chart(DATA).transform_filter("datum.kind == 'rung'")
    # Bands are shaded through `fill`, so `color` is the practices' scale alone.
    bands = rungs.mark_rect(stroke="white", strokeWidth=3 * scale).encode(
        y=y, x=x, x2=alt.datum(X_DOMAIN[1]),
        fill=alt.Fill("group:N", scale=alt.Scale(domain=list(GROUP_FILLS), range=list(GROUP_FILLS.values())),
                      legend=None),
        tooltip=[alt.Tooltip("label:N", title=title["rung"]), alt.Tooltip("group_label:N", title=title["group"])])
    group_names = rungs.transform_filter("datum.group_label != ''").transform_calculate(
        x=str(GROUP_LABEL_X)).mark_text(align="right", baseline="middle", fontSize=12 * scale,
                                         fontStyle="italic", color="#555555").encode(y=y, x=x, text="group_label:N")
    practices = list(practice_labels)
    colour = alt.Color("practice:N", legend=alt.Legend(columns=1, symbolStrokeWidth=2 * scale),
                       scale=alt.Scale(domain=practices, range=list(PRACTICE_COLOURS[:len(practices)])))
    shape = alt.Shape("practice:N", scale=alt.Scale(domain=practices, range=list(PRACTICE_SHAPES[:len(practices)])))
    markers = alt.Chart(DATA).transform_filter("datum.kind == 'practice'")
    tips = [alt.Tooltip("practice:N", title=title["practice"]), alt.Tooltip("label:N", title=title["rung"])]
    points = markers.mark_point(filled=True, opacity=1, stroke=INK).encode(
        y=y, x=x, color=colour, shape=shape, tooltip=tips,
        size=alt.condition("datum.selected", alt.value(460 * scale * scale), alt.value(220 * scale * scale)),
        strokeWidth=alt.condition("datum.selected", alt.value(2.5 * scale), alt.value(0.8 * scale)))
    guesses = alt.Chart(DATA).transform_filter("datum.kind == 'guess'")
    ring = guesses.mark_point(shape="circle", filled=False, strokeWidth=2.5 * scale, strokeDash=[4, 3],
                              color=INK, size=900 * scale * scale).encode(
        y=y, x=x, tooltip=[alt.Tooltip("practice:N", title=title["guess"]),
                           alt.Tooltip("label:N", title=title["rung"])])
    return finish(alt.layer(bands, group_names, ring, points), scale, height=alt.Step(40 * scale))
