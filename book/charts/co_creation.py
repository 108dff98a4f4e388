"""Charts for the value co-creation chapter: a DART profile, the value spheres as swimlanes, and the
value-in-use teaching model's gain from one more step on each factor."""
from __future__ import annotations

import textwrap
from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

BELOW, MET = OKABE_ITO[5], OKABE_ITO[4]            # vermilion: below the target; blue: target reached
AGREE, DISAGREE = OKABE_ITO[4], OKABE_ITO[5]       # blue circle: as the book places it; vermilion cross: not
JOINT_LANE = "#e3efe0"
BEST, OTHER = OKABE_ITO[2], "#9aa5b1"              # bluish green: the best next step; grey: the others
TITLE_WIDTH = 34                                   # characters per line of an axis title: fits a phone


def _lines(title: str) -> str | list[str]:
    """A long axis title as several lines, so a phone-width chart does not cut it off."""
    lines = textwrap.wrap(title, TITLE_WIDTH)
    return lines if len(lines) > 1 else title


@lru_cache(maxsize=16)
def dart_spec(labels: tuple[tuple[str, str], ...], statuses: tuple[tuple[str, str], ...],
              scale: float = 1.0) -> dict:
    """One bar per DART block from 1 to its score on the 1–5 scale, a dashed rule at the target, and a
    label at the bar's end (the score, and the rank for blocks to improve).

    Data columns: block (its name), base (1), score, target, status (a label from `statuses`: "below"
    or "met"), text (the label at the bar's end)."""
    names, status = dict(labels), dict(statuses)
    x_scale = alt.Scale(domain=[1, 5], nice=False)
    tips = [alt.Tooltip("block:N", title=names["block"]), alt.Tooltip("score:Q", title=names["score"], format=".1f"),
            alt.Tooltip("target:Q", title=names["target"], format=".1f"),
            alt.Tooltip("status:N", title=names["status"])]
    base = alt.Chart(DATA).encode(y=alt.Y("block:N", sort=None, title=None), tooltip=tips)
    colour = alt.Color("status:N", scale=alt.Scale(domain=[status["below"], status["met"]], range=[BELOW, MET]))
    bars = base.mark_bar(size=24 * scale, cornerRadiusEnd=3).encode(
        x=alt.X("base:Q", scale=x_scale, title=_lines(names["axis"]), axis=alt.Axis(values=[1, 2, 3, 4, 5])),
        x2="score:Q", color=colour)
    # The target line spans the whole chart: no y encoding, or each row would get its own horizontal rule.
    plain = alt.Chart(DATA)
    rule = plain.mark_rule(strokeDash=[6, 4], strokeWidth=2 * scale, color="#333333").encode(x="target:Q")
    rule_label = plain.mark_text(align="center", baseline="bottom", dy=-4 * scale, fontSize=11.5 * scale,
                                 color="#333333").encode(x="target:Q", y=alt.value(0), text=alt.value(names["target"]))
    # A label outside a long bar would run off the chart, so bars reaching 4 carry it inside, in white.
    outside = base.transform_filter("datum.score < 4").mark_text(
        align="left", dx=6 * scale, fontSize=12.5 * scale, fontWeight="bold").encode(
        x="score:Q", text="text:N", color=alt.Color("status:N", legend=None))
    inside = base.transform_filter("datum.score >= 4").mark_text(
        align="right", dx=-6 * scale, fontSize=12.5 * scale, fontWeight="bold", color="white").encode(
        x="score:Q", text="text:N")
    return finish(alt.layer(bars, rule, rule_label, outside, inside), scale, height=alt.Step(48 * scale))


@lru_cache(maxsize=16)
def spheres_spec(labels: tuple[tuple[str, str], ...], spheres: tuple[str, ...],
                 verdicts: tuple[tuple[str, str], ...], scale: float = 1.0) -> dict:
    """The customer's journey as three swimlanes (provider, joint, customer sphere): each placed
    activity is a numbered mark in the lane the reader chose; the joint lane, where co-creation can
    happen, is shaded and labelled.

    Data columns: kind ("lane" or "activity"), step (the activity's number), x0 and x1 (the shaded
    lane's extent, on lane rows), sphere (a name from `spheres`), verdict (a label from `verdicts`:
    "agree" or "disagree"), label (the activity), book (the book's sphere), text (the lane's caption
    on lane rows, the number on activity rows)."""
    names, verdict = dict(labels), dict(verdicts)
    y = alt.Y("sphere:N", sort=list(spheres), scale=alt.Scale(domain=list(spheres)), title=None,
              axis=alt.Axis(labelFontWeight="bold"))
    base = alt.Chart(DATA)
    lanes = base.transform_filter("datum.kind == 'lane'")
    lane = lanes.mark_bar(color=JOINT_LANE, size=40 * scale).encode(
        y=y, x=alt.X("x0:Q", title=_lines(names["axis"]), scale=alt.Scale(domain=[0.5, 8.5], nice=False),
                     axis=alt.Axis(values=list(range(1, 9)), format="d")), x2="x1:Q")
    lane_text = lanes.mark_text(align="right", baseline="bottom", dx=-4 * scale, dy=-8 * scale,
                                fontSize=11.5 * scale, fontStyle="italic", color="#2f6b3a").encode(
        y=y, x="x1:Q", text="text:N")
    acts = base.transform_filter("datum.kind == 'activity'")
    keys = ["agree", "disagree"]
    domain = [verdict[k] for k in keys]
    tips = [alt.Tooltip("step:Q", title=names["step"]), alt.Tooltip("label:N", title=names["activity"]),
            alt.Tooltip("sphere:N", title=names["yours"]), alt.Tooltip("book:N", title=names["book"])]
    mark = acts.mark_point(filled=True, size=420 * scale * scale, opacity=1).encode(
        y=y, x="step:Q", tooltip=tips,
        color=alt.Color("verdict:N", scale=alt.Scale(domain=domain, range=[AGREE, DISAGREE]),
                        legend=alt.Legend(direction="vertical", labelLimit=400 * scale)),
        shape=alt.Shape("verdict:N", scale=alt.Scale(domain=domain, range=["circle", "diamond"])))
    number = acts.mark_text(fontSize=11.5 * scale, fontWeight="bold", color="white").encode(
        y=y, x="step:Q", text="text:N", tooltip=tips)
    return finish(alt.layer(lane, lane_text, mark, number), scale, height=alt.Step(62 * scale))


@lru_cache(maxsize=16)
def gains_spec(labels: tuple[tuple[str, str], ...], roles: tuple[tuple[str, str], ...],
               scale: float = 1.0) -> dict:
    """One bar per factor of the value-in-use teaching model: how much the index rises if only that
    factor rises by one step, with the gain written at the bar's end.

    Data columns: factor (its name), level (now), gain, after (the index after the step), role (a label
    from `roles`: "best" or "other"), text (the gain as "+4.8"), room (the same in every row: where the
    axis should reach so the labels fit)."""
    names, role = dict(labels), dict(roles)
    tips = [alt.Tooltip("factor:N", title=names["factor"]), alt.Tooltip("level:Q", title=names["level"], format=".1f"),
            alt.Tooltip("gain:Q", title=names["gain"], format="+.1f"),
            alt.Tooltip("after:Q", title=names["after"], format=".1f")]
    base = alt.Chart(DATA).encode(y=alt.Y("factor:N", sort=None, title=None), tooltip=tips)
    colour = alt.Color("role:N", scale=alt.Scale(domain=[role["best"], role["other"]], range=[BEST, OTHER]))
    bars = base.mark_bar(size=26 * scale, cornerRadiusEnd=3).encode(
        x=alt.X("gain:Q", title=_lines(names["axis"]), scale=alt.Scale(domainMin=0, nice=True)), color=colour)
    text = base.mark_text(align="left", dx=6 * scale, fontSize=12.5 * scale, fontWeight="bold").encode(
        x="gain:Q", text="text:N", color=alt.Color("role:N", legend=None))
    # An invisible mark at `room` (a little beyond the largest gain) keeps the longest bar's label on the chart.
    room = base.mark_point(opacity=0).encode(x="room:Q")
    return finish(alt.layer(bars, text, room), scale, height=alt.Step(50 * scale))
