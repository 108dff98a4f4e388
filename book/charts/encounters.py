"""Charts of the service-encounters chapter: the chance of meeting a failed moment of truth, and the
satisfaction paths of the service-recovery teaching model."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

LINE = OKABE_ITO[4]          # blue
MARK = OKABE_ITO[5]          # vermillion: the reader's current choice
BASELINE = "#555555"
# One colour and one shape per response, from doing nothing to a full recovery.
RESPONSE_COLOURS = (OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2])
RESPONSE_SHAPES = ("triangle-down", "diamond", "square", "circle")
HALFWAY = 10                 # contacts: where the failure-share label switches sides


@lru_cache(maxsize=32)
def failure_share_spec(labels: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """The share of customers meeting at least one failed moment of truth against their number of contacts.

    Data fields: contacts, share (in %), selected (bool: the reader's number of contacts) and label (the
    text shown next to the selected point). `labels` names the axes.
    """
    names = dict(labels)
    x = alt.X("contacts:Q", title=names["contacts"], scale=alt.Scale(zero=False, nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("share:Q", title=names["share"], scale=alt.Scale(zero=True))
    tips = [alt.Tooltip("contacts:Q", title=names["contacts"]),
            alt.Tooltip("share:Q", title=names["share"], format=".1f")]
    base = alt.Chart(DATA).encode(x=x, y=y, tooltip=tips)
    line = base.mark_line(color=LINE, strokeWidth=2.5 * scale)
    dots = base.mark_point(filled=True, color=LINE, size=30 * scale * scale, opacity=1)
    chosen = base.transform_filter("datum.selected")
    marker = chosen.mark_point(filled=True, shape="diamond", color=MARK, size=260 * scale * scale, opacity=1)
    # The label sits on the open side of the point: right of it in the left half of the chart, left of it after.
    text = {"dy": -16 * scale, "fontSize": 13 * scale, "fontWeight": "bold", "color": MARK}
    left_half = f"datum.contacts <= {HALFWAY}"
    label_right = (base.transform_filter(f"datum.selected && {left_half}")
                   .mark_text(align="left", dx=8 * scale, **text).encode(text="label:N"))
    label_left = (base.transform_filter(f"datum.selected && !({left_half})")
                  .mark_text(align="right", dx=-8 * scale, **text).encode(text="label:N"))
    return finish(alt.layer(line, dots, marker, label_right, label_left), scale, height=300 * scale)


@lru_cache(maxsize=32)
def recovery_spec(labels: tuple[tuple[str, str], ...], stages: tuple[str, ...], responses: tuple[str, ...],
                  scale: float = 1.0) -> dict:
    """Satisfaction before a failure, after it and after each response, with the no-failure level as a rule.

    Data fields: response (label, one of `responses`, in that order), stage (label, one of `stages`),
    step (0, 1, 2), satisfaction, selected (bool: the reader's response) and baseline (the level had
    nothing gone wrong). `labels` names the axes, the tooltip fields and the baseline.
    """
    names = dict(labels)
    x = alt.X("stage:N", sort=list(stages), title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13 * scale))
    y = alt.Y("satisfaction:Q", title=names["satisfaction"], scale=alt.Scale(domain=[0, 10], nice=False))
    legend = alt.Legend(columns=1, labelLimit=360 * scale, symbolStrokeWidth=2 * scale)
    colour = alt.Color("response:N", title=None, legend=legend,
                       scale=alt.Scale(domain=list(responses), range=list(RESPONSE_COLOURS)))
    shape = alt.Shape("response:N", title=None, legend=legend,
                      scale=alt.Scale(domain=list(responses), range=list(RESPONSE_SHAPES)))
    emphasis = alt.condition("datum.selected", alt.value(1.0), alt.value(0.55))
    tips = [alt.Tooltip("response:N", title=names["response"]), alt.Tooltip("stage:N", title=names["stage"]),
            alt.Tooltip("satisfaction:Q", title=names["satisfaction"], format=".1f")]
    base = alt.Chart(DATA).encode(x=x, y=y, tooltip=tips)
    lines = base.mark_line().encode(
        color=colour, detail="response:N", opacity=emphasis,
        strokeWidth=alt.condition("datum.selected", alt.value(4 * scale), alt.value(1.5 * scale)))
    points = base.mark_point(filled=True, size=110 * scale * scale).encode(color=colour, shape=shape, opacity=emphasis)
    value = (base.transform_filter("datum.selected && datum.step == 2")
             .mark_text(align="left", dx=12 * scale, fontSize=14 * scale, fontWeight="bold")
             .encode(text=alt.Text("satisfaction:Q", format=".1f"), color=alt.Color("response:N", legend=None,
                     scale=alt.Scale(domain=list(responses), range=list(RESPONSE_COLOURS)))))
    first = alt.Chart(DATA).transform_filter("datum.selected && datum.step == 0")
    rule = first.mark_rule(color=BASELINE, strokeDash=[6, 4], strokeWidth=1.5 * scale).encode(y="baseline:Q")
    rule_label = first.mark_text(align="left", baseline="bottom", dy=-4 * scale, fontSize=12 * scale,
                                 color=BASELINE).encode(x=alt.value(4), y="baseline:Q", text=alt.value(names["baseline"]))
    return finish(alt.layer(rule, rule_label, lines, points, value), scale, height=300 * scale)
