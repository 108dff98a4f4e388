"""Exhibits for the zone-of-tolerance chapter: the five zones, and what moves a zone."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from models import tolerance
from models.tolerance import DIMENSIONS, Expectations

from .. import charts, content
from ..i18n import t
from ..settings import Settings

LEVELS_KEY = "zot_levels"
FACTORS_KEY = "zot_factors"
STEP = 0.1


def _term(term_id: str, lang: str) -> str:
    name = content.glossary()[term_id][lang]
    return name[:1].upper() + name[1:]


def _zone_labels(lang: str) -> dict[str, str]:
    return {zone: t(lang, f"exhibits.zones.{zone}") for zone in ("below", "within", "above")}


def _chart_labels(lang: str, row: str) -> dict[str, str]:
    return {"row": row, "adequate": _term("adequate-service", lang), "desired": _term("desired-service", lang),
            "perceived": _term("perceived-service", lang), "verdict": t(lang, "exhibits.verdict"),
            "axis": t(lang, "exhibits.scale_axis")}


def _table(df: pd.DataFrame, lang: str, columns: dict[str, str]) -> None:
    with st.expander(t(lang, "exhibits.show_table")):
        st.table(df[list(columns)].rename(columns=columns), hide_index=True)


def _verdict_box(zone: str, lang: str, subject: str) -> None:
    message = t(lang, f"exhibits.verdicts.{zone}", subject=subject)
    {"below": st.error, "within": st.info, "above": st.success}[zone](message)


def _levels() -> dict[str, Expectations]:
    if LEVELS_KEY not in st.session_state:
        st.session_state[LEVELS_KEY] = dict(tolerance.DEFAULT_EXPECTATIONS)
    return st.session_state[LEVELS_KEY]


def zone_table(levels: dict[str, Expectations], lang: str) -> pd.DataFrame:
    """One row per RATER dimension: the zone, the perceived score, MSA, MSS and the verdict."""
    zone_labels = _zone_labels(lang)
    rows = []
    for dim in DIMENSIONS:
        e = levels[dim]
        result = tolerance.assess(e.desired, e.adequate, e.perceived)
        rows.append({"row": _term(dim, lang), "dimension": dim, "adequate": e.adequate, "desired": e.desired,
                     "width": e.width, "perceived": e.perceived, "msa": result.msa, "mss": result.mss,
                     "zone": result.zone, "verdict": zone_labels[result.zone]})
    return pd.DataFrame(rows)


@st.fragment
def tolerance_zone(settings: Settings) -> None:
    """Exhibit: desired, adequate and perceived service for each RATER dimension, one at a time."""
    lang = settings.lang
    key = "exhibits.tolerance_zone"
    st.subheader(t(lang, f"{key}.title"), anchor="exhibit-zones")
    st.caption(t(lang, f"{key}.try"))
    levels = _levels()
    dim = st.segmented_control(t(lang, f"{key}.pick"), DIMENSIONS, key="zot_dim", required=True,
                               default=DIMENSIONS[0], format_func=lambda d: _term(d, lang))
    band_key, perceived_key = f"zot_band_{dim}", f"zot_perceived_{dim}"
    if band_key not in st.session_state:
        st.session_state[band_key] = (levels[dim].adequate, levels[dim].desired)
    if perceived_key not in st.session_state:
        st.session_state[perceived_key] = levels[dim].perceived
    adequate, desired = st.slider(t(lang, f"{key}.band"), tolerance.SCALE_MIN, tolerance.SCALE_MAX, step=STEP,
                                  key=band_key, format="%.1f", help=t(lang, f"{key}.band_help"))
    perceived = st.slider(t(lang, f"{key}.perceived"), tolerance.SCALE_MIN, tolerance.SCALE_MAX, step=STEP,
                          key=perceived_key, format="%.1f")
    st.caption(t(lang, f"{key}.band_help"))
    levels[dim] = Expectations(adequate=round(adequate, 1), desired=round(desired, 1), perceived=round(perceived, 1))

    result = tolerance.assess(levels[dim].desired, levels[dim].adequate, levels[dim].perceived)
    msa_col, mss_col = st.columns(2)
    msa_col.metric(t(lang, f"{key}.msa"), f"{result.msa:+.1f}", help=t(lang, f"{key}.msa_help"))
    mss_col.metric(t(lang, f"{key}.mss"), f"{result.mss:+.1f}", help=t(lang, f"{key}.mss_help"))
    _verdict_box(result.zone, lang, _term(dim, lang))

    df = zone_table(levels, lang)
    chart = charts.zone_chart(df, _chart_labels(lang, t(lang, f"{key}.dimension")), _zone_labels(lang),
                              highlight=_term(dim, lang), scale=settings.scale)
    st.altair_chart(chart, width="stretch", theme=None, alt=t(lang, f"{key}.alt"))
    narrowest, widest = df.loc[df["width"].idxmin()], df.loc[df["width"].idxmax()]
    st.markdown(t(lang, f"{key}.reading", narrow=narrowest["row"], narrow_width=narrowest["width"],
                  wide=widest["row"], wide_width=widest["width"]))
    st.caption(t(lang, f"{key}.source"))
    _table(df, lang, {"row": t(lang, f"{key}.dimension"), "adequate": _term("adequate-service", lang),
                      "desired": _term("desired-service", lang), "width": t(lang, "exhibits.width"),
                      "perceived": _term("perceived-service", lang), "msa": "MSA", "mss": "MSS",
                      "verdict": t(lang, "exhibits.verdict")})


def factor_table(active: list[str], lang: str) -> pd.DataFrame:
    """Every factor of the teaching model with the determinant it stands for and its shifts."""
    yes, no = t(lang, "exhibits.yes"), t(lang, "exhibits.no")
    return pd.DataFrame([{
        "factor": t(lang, f"factors.{f.id}.label"), "determinant": _term(f.determinant, lang),
        "desired": f"{f.moves_desired:+.1f}", "adequate": f"{f.moves_adequate:+.1f}",
        "active": yes if f.id in active else no} for f in tolerance.FACTORS])


@st.fragment
def zone_factors(settings: Settings) -> None:
    """Exhibit: switch determinants of expectations on and off and watch the zone move."""
    lang = settings.lang
    key = "exhibits.zone_factors"
    st.subheader(t(lang, f"{key}.title"), anchor="exhibit-factors")
    st.caption(t(lang, f"{key}.try"))
    st.markdown(t(lang, f"{key}.scenario", perceived=tolerance.BASELINE.perceived))
    if FACTORS_KEY not in st.session_state:
        st.session_state[FACTORS_KEY] = ["emergency"]
    active = st.pills(t(lang, f"{key}.pick"), tolerance.FACTOR_IDS, selection_mode="multi", key=FACTORS_KEY,
                      format_func=lambda f: t(lang, f"factors.{f}.label")) or []
    base = tolerance.BASELINE
    moved = tolerance.shift_zone(base, active)
    before = tolerance.assess(base.desired, base.adequate, base.perceived)
    after = tolerance.assess(moved.desired, moved.adequate, moved.perceived)

    cols = st.columns(3)
    for col, label, now, then in ((cols[0], _term("desired-service", lang), moved.desired, base.desired),
                                  (cols[1], _term("adequate-service", lang), moved.adequate, base.adequate),
                                  (cols[2], t(lang, "exhibits.width"), moved.width, base.width)):
        change = round(now - then, 1)
        col.metric(label, f"{now:.1f}", delta=f"{change:+.1f}" if change else None, delta_color="off")

    zone_labels = _zone_labels(lang)
    rows = [(t(lang, f"{key}.before"), base, before), (t(lang, f"{key}.after"), moved, after)]
    df = pd.DataFrame([{"row": name, "adequate": e.adequate, "desired": e.desired, "width": e.width,
                        "perceived": e.perceived, "msa": r.msa, "mss": r.mss, "verdict": zone_labels[r.zone]}
                       for name, e, r in rows])
    chart = charts.zone_chart(df, _chart_labels(lang, t(lang, f"{key}.scenario_axis")), zone_labels,
                              highlight=t(lang, f"{key}.after"), scale=settings.scale)
    st.altair_chart(chart, width="stretch", theme=None, alt=t(lang, f"{key}.alt"))
    _verdict_box(after.zone, lang, t(lang, f"{key}.subject"))
    if before.zone != after.zone:
        st.markdown(t(lang, f"{key}.changed", before=zone_labels[before.zone], after=zone_labels[after.zone]))
    for factor_id in active:
        st.markdown(f"- **{t(lang, f'factors.{factor_id}.label')}** — {t(lang, f'factors.{factor_id}.why')}")
    if moved.adequate == moved.desired and active:
        st.warning(t(lang, f"{key}.closed"))
    st.caption(t(lang, f"{key}.source"))
    _table(factor_table(active, lang), lang, {
        "factor": t(lang, f"{key}.factor"), "determinant": t(lang, f"{key}.determinant"),
        "desired": _term("desired-service", lang), "adequate": _term("adequate-service", lang),
        "active": t(lang, f"{key}.active")})
