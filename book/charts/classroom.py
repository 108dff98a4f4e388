"""Charts of the live class that no chapter draws: a peer-instruction question's two votes side by side.
(The class's Kano and service-quality results use the chapters' own specs.) Specs only; no theory here."""
from __future__ import annotations

from functools import lru_cache

import altair as alt

from . import DATA, OKABE_ITO, finish

ROUND_COLOURS = (OKABE_ITO[1], OKABE_ITO[4])     # sky blue, then blue: the second vote is the darker bar


@lru_cache(maxsize=16)
def rounds_spec(labels: tuple[tuple[str, str], ...], rounds: tuple[str, ...], scale: float = 1.0) -> dict:
    """Each option's share of the votes, one bar per round, the rounds of an option next to each other.

    Data rows: option (its letter), round (a name from `rounds`), share (0–1), count, voters (that
    round's total) and text (the bar's label, which names the round, so colour is never the only cue).
    """
    names = dict(labels)
    y = alt.Y("option:N", sort=None, title=names["option"], axis=alt.Axis(labelFontWeight="bold"))
    offset = alt.YOffset("round:N", sort=list(rounds), scale=alt.Scale(domain=list(rounds)))
    x = alt.X("share:Q", scale=alt.Scale(domain=[0, 1.35], nice=False), title=names["share"],
              axis=alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".0%"))
    tips = [alt.Tooltip("option:N", title=names["option"]), alt.Tooltip("round:N", title=names["round"]),
            alt.Tooltip("count:Q", title=names["count"]), alt.Tooltip("share:Q", title=names["share"], format=".0%"),
            alt.Tooltip("voters:Q", title=names["voters"])]
    base = alt.Chart(DATA).encode(y=y, yOffset=offset, tooltip=tips)
    bars = base.mark_bar(cornerRadius=2, height=alt.RelativeBandSize(0.9)).encode(
        x=x, color=alt.Color("round:N", scale=alt.Scale(domain=list(rounds), range=list(ROUND_COLOURS)),
                             title=names["round"], legend=alt.Legend(orient="bottom")))
    text = base.mark_text(align="left", dx=5 * scale, fontSize=13 * scale, color="#222222").encode(
        x="share:Q", text="text:N")
    return finish(alt.layer(bars, text), scale, height=alt.Step(32 * scale))
