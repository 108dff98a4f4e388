"""Charts of the service-profit chain: the chain drawn as boxes and arrows, and the change at each stage
as bars. Specs only; the numbers come from models.profit_chain."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

# One colour per part of the chain; the boxes and bars also carry the stage's name, so colour is never
# the only cue.
GROUP_COLOURS = {"internal": OKABE_ITO[4], "employees": OKABE_ITO[2], "customers": OKABE_ITO[0],
                 "results": OKABE_ITO[6]}
INK, MUTED, MUTED_FILL = "#1a1a1a", "#8a8a8a", "#f1f1f1"
BOX_HALF = 0.32                     # a box spans order ± BOX_HALF on the vertical axis
X_DOMAIN = (0.0, 10.0)
BOX_X = (0.6, 9.4)
LEGEND_COLUMNS = 2                  # four group names side by side would run off a phone screen
BAR_FIELDS = ("order", "label", "group", "change", "shown", "elasticity")


def chain_rows(labels: list[str], groups: list[str], step: int) -> dict[str, list]:
    """One row per stage, numbered from 1: reached when its number is at most `step`, current when equal."""
    orders = list(range(1, len(labels) + 1))
    return {"order": orders, "label": [f"{n}  {label}" for n, label in zip(orders, labels)], "group": groups,
            "reached": [n <= step for n in orders], "current": [n == step for n in orders]}


def _group_scale(groups: tuple[tuple[str, str], ...]) -> alt.Scale:
    return alt.Scale(domain=[name for _, name in groups], range=[GROUP_COLOURS[g] for g, _ in groups])


@lru_cache(maxsize=16)
def chain_spec(groups: tuple[tuple[str, str], ...], count: int, scale: float = 1.0) -> dict:
    """The chain top to bottom: a box per stage and an arrow into every reached stage after the first.
    Reached boxes take their group's colour, the current one a heavy outline; the rest are grey."""
    ys = alt.Scale(domain=[0.45, count + 0.55], reverse=True, nice=False, zero=False)
    xs = alt.Scale(domain=list(X_DOMAIN), nice=False, zero=False)
    colour = _group_scale(groups)
    base = alt.Chart(DATA).encode(tooltip=[alt.Tooltip("label:N", title=None)])
    boxes = base.transform_calculate(
        top=f"datum.order - {BOX_HALF}", bottom=f"datum.order + {BOX_HALF}",
        left=str(BOX_X[0]), right=str(BOX_X[1]),
    ).mark_rect(cornerRadius=6 * scale).encode(
        x=alt.X("left:Q", scale=xs, axis=None), x2="right:Q",
        y=alt.Y("top:Q", scale=ys, axis=None), y2="bottom:Q",
        fill=alt.condition("datum.reached", alt.Fill("group:N", scale=colour, legend=alt.Legend(
            title=None, orient="bottom", columns=LEGEND_COLUMNS)), alt.value(MUTED_FILL)),
        fillOpacity=alt.condition("datum.reached", alt.value(0.28), alt.value(1)),
        stroke=alt.condition("datum.reached", alt.Stroke("group:N", scale=colour, legend=None), alt.value("#c4c4c4")),
        strokeWidth=alt.condition("datum.current", alt.value(3.5 * scale), alt.value(1.4 * scale)))
    arrows = base.transform_filter("datum.reached && datum.order > 1").transform_calculate(
        start=f"datum.order - 1 + {BOX_HALF}", end=f"datum.order - {BOX_HALF} - 0.05", mid="5")
    shafts = arrows.mark_rule(color="#555555", strokeWidth=2 * scale).encode(
        x=alt.X("mid:Q", scale=xs), y=alt.Y("start:Q", scale=ys), y2="end:Q")
    heads = arrows.mark_point(shape="triangle-down", filled=True, color="#555555", opacity=1,
                              size=90 * scale * scale).encode(x=alt.X("mid:Q", scale=xs), y=alt.Y("end:Q", scale=ys))
    text = base.transform_calculate(mid="5").mark_text(
        fontSize=14 * scale, baseline="middle", fontWeight=alt.expr("datum.current ? 'bold' : 'normal'")).encode(
        x=alt.X("mid:Q", scale=xs), y=alt.Y("order:Q", scale=ys), text="label:N",
        color=alt.condition("datum.reached", alt.value(INK), alt.value(MUTED)))
    return finish(alt.layer(boxes, shafts, heads, text), scale, height=count * 58 * scale)


@lru_cache(maxsize=16)
def propagation_spec(labels: tuple[tuple[str, str], ...], groups: tuple[tuple[str, str], ...],
                     scale: float = 1.0) -> dict:
    """Horizontal bars: the % change at each stage, stages in chain order top to bottom. Each stage's
    name sits above its bar (so long names need no axis room on a phone) and its value (`shown`,
    pre-formatted) beyond the bar's end."""
    names = dict(labels)
    colour = _group_scale(groups)
    y = alt.Y("label:N", sort=alt.EncodingSortField(field="order", op="min", order="ascending"), axis=None)
    tips = [alt.Tooltip("label:N", title=names["stage"]), alt.Tooltip("shown:N", title=names["change"]),
            alt.Tooltip("elasticity:N", title=names["elasticity"])]
    base = alt.Chart(DATA).encode(y=y, tooltip=tips)
    bars = base.mark_bar(size=16 * scale, cornerRadius=2, yOffset=7 * scale).encode(
        x=alt.X("change:Q", title=names["axis"], scale=alt.Scale(zero=True, nice=True, padding=48 * scale)),
        color=alt.Color("group:N", scale=colour, legend=alt.Legend(title=None, orient="bottom",
                                                                    columns=LEGEND_COLUMNS)))
    stage_names = base.mark_text(align="left", baseline="bottom", dx=3 * scale, dy=-3 * scale,
                                 fontSize=12.5 * scale, color=INK).encode(x=alt.datum(0), text="label:N")
    zero = alt.Chart(alt.Data(values=[{"x": 0}])).mark_rule(color="#444444", strokeWidth=1.2).encode(x="x:Q")
    values = base.mark_text(fontSize=12 * scale, fontWeight="bold", baseline="middle", color=INK, yOffset=7 * scale,
                            align=alt.expr("datum.change < 0 ? 'right' : 'left'"),
                            dx=alt.expr(f"datum.change < 0 ? {-5 * scale:g} : {5 * scale:g}")).encode(
        x="change:Q", text="shown:N")
    spec = finish(alt.layer(bars, stage_names, zero, values), scale, height=alt.Step(50 * scale))
    for layer in spec.get("layer", []):          # the rows come as the chart's top-level data
        if layer.get("data") == {"name": DATA.name}:
            del layer["data"]
    return spec
