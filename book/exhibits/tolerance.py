"""Exhibits for the zone-of-tolerance chapter: the five zones, and what moves a zone."""
from __future__ import annotations

import streamlit as st

from models import tolerance
from models.tolerance import DIMENSIONS, Expectations

from ..charts import zones
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame, term_name

LEVELS_KEY = "zot_levels"
FACTORS_KEY = "zot_factors"
DEFAULT_FACTORS = ["emergency"]      # the exhibit opens with an emergency that makes the zone's point
STEP = 0.1


def _zone_labels(lang: str) -> dict[str, str]:
    return {zone: t(lang, f"exhibits.zones.{zone}") for zone in ("below", "within", "above")}


CHART_FIELDS = ("row", "adequate", "desired", "perceived", "verdict")


def _zone_spec(lang: str, row_label: str, scale: float) -> dict:
    labels = {"row": row_label, "adequate": term_name("adequate-service", lang), "desired": term_name("desired-service", lang),
              "perceived": term_name("perceived-service", lang), "verdict": t(lang, "exhibits.verdict"),
              "axis": t(lang, "exhibits.scale_axis")}
    return zones.zone_spec(tuple(labels.items()), tuple(_zone_labels(lang).items()), scale)


def _zone_chart(rows: Rows, lang: str, row_label: str, highlight: str, settings: Settings, alt: str) -> None:
    data = columns(rows, CHART_FIELDS)
    data["highlight"] = [r["row"] == highlight for r in rows]
    chart(_zone_spec(lang, row_label, settings.scale), data, alt)


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in {Settings(size=size).scale for size in CHOICES["size"]}:
            for row_label in ("exhibits.tolerance_zone.dimension", "exhibits.zone_factors.scenario_axis"):
                _zone_spec(lang, t(lang, row_label), scale)


def _verdict_box(zone: str, lang: str, subject: str) -> None:
    message = t(lang, f"exhibits.verdicts.{zone}", subject=subject)
    {"below": st.error, "within": st.info, "above": st.success}[zone](message)


def _levels() -> dict[str, Expectations]:
    if LEVELS_KEY not in st.session_state:
        st.session_state[LEVELS_KEY] = dict(tolerance.DEFAULT_EXPECTATIONS)
    return st.session_state[LEVELS_KEY]


def zone_rows(levels: dict[str, Expectations], lang: str) -> Rows:
    """One row per RATER dimension: the zone, the perceived score, MSA, MSS and the verdict."""
    zone_labels = _zone_labels(lang)
    rows = []
    for dim in DIMENSIONS:
        e = levels[dim]
        result = tolerance.assess(e.desired, e.adequate, e.perceived)
        rows.append({"row": term_name(dim, lang), "dimension": dim, "adequate": e.adequate, "desired": e.desired,
                     "width": e.width, "perceived": e.perceived, "msa": result.msa, "mss": result.mss,
                     "zone": result.zone, "verdict": zone_labels[result.zone]})
    return rows


def tolerance_zone(settings: Settings) -> None:
    """Exhibit: desired, adequate and perceived service for each RATER dimension, one at a time."""
    exhibit_frame(settings, "tolerance_zone", _zones)


@st.fragment
def _zones(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.tolerance_zone"
    levels = _levels()
    dim = bound.segmented_control(st, t(lang, f"{key}.pick"), DIMENSIONS, DIMENSIONS[0], key="zot_dim", lang=lang,
                                  format_func=lambda d: term_name(d, lang))
    band_key, perceived_key = f"zot_band_{dim}", f"zot_perceived_{dim}"
    default = tolerance.DEFAULT_EXPECTATIONS[dim]
    bound.keep(band_key, (levels[dim].adequate, levels[dim].desired), (default.adequate, default.desired))
    bound.keep(perceived_key, levels[dim].perceived, default.perceived)
    adequate, desired = bound.slider(st, t(lang, f"{key}.band"), tolerance.SCALE_MIN, tolerance.SCALE_MAX,
                                     (default.adequate, default.desired), step=STEP, key=band_key, lang=lang,
                                     format="%.1f", help=t(lang, f"{key}.band_help"))
    perceived = bound.slider(st, t(lang, f"{key}.perceived"), tolerance.SCALE_MIN, tolerance.SCALE_MAX,
                             default.perceived, step=STEP, key=perceived_key, lang=lang, format="%.1f")
    st.caption(t(lang, f"{key}.band_help"))
    levels[dim] = Expectations(adequate=round(adequate, 1), desired=round(desired, 1), perceived=round(perceived, 1))

    result = tolerance.assess(levels[dim].desired, levels[dim].adequate, levels[dim].perceived)
    msa_col, mss_col = st.columns(2)
    msa_col.metric(t(lang, f"{key}.msa"), f"{result.msa:+.1f}", help=t(lang, f"{key}.msa_help"))
    mss_col.metric(t(lang, f"{key}.mss"), f"{result.mss:+.1f}", help=t(lang, f"{key}.mss_help"))
    _verdict_box(result.zone, lang, term_name(dim, lang))

    rows = zone_rows(levels, lang)
    _zone_chart(rows, lang, t(lang, f"{key}.dimension"), term_name(dim, lang), settings, t(lang, f"{key}.alt"))
    narrowest, widest = min(rows, key=lambda r: r["width"]), max(rows, key=lambda r: r["width"])
    st.markdown(t(lang, f"{key}.reading", narrow=narrowest["row"], narrow_width=narrowest["width"],
                  wide=widest["row"], wide_width=widest["width"]))
    data_table(rows, lang, _zone_columns(lang))


def factor_rows(active: list[str], lang: str) -> Rows:
    """Every factor of the teaching model with the determinant it stands for and its shifts."""
    yes, no = t(lang, "exhibits.yes"), t(lang, "exhibits.no")
    return [{
        "factor": t(lang, f"factors.{f.id}.label"), "determinant": term_name(f.determinant, lang),
        "desired": f"{f.moves_desired:+.1f}", "adequate": f"{f.moves_adequate:+.1f}",
        "active": yes if f.id in active else no} for f in tolerance.FACTORS]


def zone_factors(settings: Settings) -> None:
    """Exhibit: switch determinants of expectations on and off and watch the zone move."""
    intro = t(settings.lang, "exhibits.zone_factors.scenario", perceived=tolerance.BASELINE.perceived)
    exhibit_frame(settings, "zone_factors", _factors, intro)


@st.fragment
def _factors(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.zone_factors"
    active = bound.pills(st, t(lang, f"{key}.pick"), tolerance.FACTOR_IDS, DEFAULT_FACTORS, key=FACTORS_KEY,
                         lang=lang, format_func=lambda f: t(lang, f"factors.{f}.label"))
    base = tolerance.BASELINE
    moved = tolerance.shift_zone(base, active)
    before = tolerance.assess(base.desired, base.adequate, base.perceived)
    after = tolerance.assess(moved.desired, moved.adequate, moved.perceived)

    cols = st.columns(3)
    for col, label, now, then in ((cols[0], term_name("desired-service", lang), moved.desired, base.desired),
                                  (cols[1], term_name("adequate-service", lang), moved.adequate, base.adequate),
                                  (cols[2], t(lang, "exhibits.width"), moved.width, base.width)):
        change = round(now - then, 1)
        col.metric(label, f"{now:.1f}", delta=f"{change:+.1f}" if change else None, delta_color="off")

    zone_labels = _zone_labels(lang)
    scenarios = [(t(lang, f"{key}.before"), base, before), (t(lang, f"{key}.after"), moved, after)]
    rows = [{"row": name, "adequate": e.adequate, "desired": e.desired, "width": e.width, "perceived": e.perceived,
             "msa": r.msa, "mss": r.mss, "verdict": zone_labels[r.zone]} for name, e, r in scenarios]
    _zone_chart(rows, lang, t(lang, f"{key}.scenario_axis"), t(lang, f"{key}.after"), settings, t(lang, f"{key}.alt"))
    _verdict_box(after.zone, lang, t(lang, f"{key}.subject"))
    if before.zone != after.zone:
        st.markdown(t(lang, f"{key}.changed", before=zone_labels[before.zone], after=zone_labels[after.zone]))
    for factor_id in active:
        st.markdown(f"- **{t(lang, f'factors.{factor_id}.label')}** — {t(lang, f'factors.{factor_id}.why')}")
    if moved.adequate == moved.desired and active:
        st.warning(t(lang, f"{key}.closed"))
    data_table(factor_rows(active, lang), lang, _factor_columns(lang))


def _zone_columns(lang: str) -> dict[str, str]:
    return {"row": t(lang, "exhibits.tolerance_zone.dimension"), "adequate": term_name("adequate-service", lang),
            "desired": term_name("desired-service", lang), "width": t(lang, "exhibits.width"),
            "perceived": term_name("perceived-service", lang), "msa": "MSA", "mss": "MSS",
            "verdict": t(lang, "exhibits.verdict")}


def _factor_columns(lang: str) -> dict[str, str]:
    key = "exhibits.zone_factors"
    return {"factor": t(lang, f"{key}.factor"), "determinant": t(lang, f"{key}.determinant"),
            "desired": term_name("desired-service", lang), "adequate": term_name("adequate-service", lang),
            "active": t(lang, f"{key}.active")}


def handout_tables(lang: str) -> list[dict]:
    """Both exhibits' default data, for the printable handout."""
    return [{"title": t(lang, "exhibits.tolerance_zone.title"), "columns": _zone_columns(lang),
             "rows": zone_rows(dict(tolerance.DEFAULT_EXPECTATIONS), lang),
             "source": t(lang, "exhibits.tolerance_zone.source")},
            {"title": t(lang, "exhibits.zone_factors.title"), "columns": _factor_columns(lang),
             "rows": factor_rows(DEFAULT_FACTORS, lang), "source": t(lang, "exhibits.zone_factors.source")}]
