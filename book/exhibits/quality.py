"""Exhibits for the service-quality chapter: a SERVQUAL calculator, and the gaps model built step by step."""
from __future__ import annotations

import streamlit as st

from models import gaps_model, servqual
from models.servqual import DIMENSIONS

from ..charts import quality as charts
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, data_table, exhibit_frame, term_name

CALC = "exhibits.servqual_calculator"
GAPS = "exhibits.service_gaps_model"
LEVELS_KEY = "sq_levels"           # dimension → (expectation, perception), kept while a dimension's sliders are hidden
STEP = 0.1
DIAGRAM_WORDS = (*gaps_model.CUSTOMER_SIDE, *gaps_model.COMPANY_SIDE, *gaps_model.GAPS, "customer", "company")


def _bar_labels(lang: str) -> tuple[tuple[str, str], ...]:
    return (("axis", t(lang, f"{CALC}.axis")), ("row", t(lang, f"{CALC}.dimension")),
            ("expected", term_name("customer-expectations", lang)), ("perceived", term_name("perceived-service", lang)),
            ("gap", t(lang, f"{CALC}.gap")), ("weight", t(lang, f"{CALC}.weight")),
            ("verdict", t(lang, f"{CALC}.verdict")))


def _verdicts(lang: str) -> tuple[tuple[str, str], ...]:
    return (("shortfall", t(lang, f"{CALC}.shortfall")), ("met", t(lang, f"{CALC}.met")))


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for scale in {Settings(size=size).scale for size in CHOICES["size"]}:
        charts.gaps_model_spec(scale)
        for lang in LANGS:
            charts.gap_bars_spec(_bar_labels(lang), _verdicts(lang), scale)


# ── SERVQUAL calculator ──────────────────────────────────────────────────────────────────────

def default_levels() -> dict[str, tuple[float, float]]:
    """The bank-branch example the calculator opens on: dimension → (expectation, perception)."""
    return {d: (servqual.DEFAULT_EXPECTATIONS[d], servqual.DEFAULT_PERCEPTIONS[d]) for d in DIMENSIONS}


def _levels() -> dict[str, tuple[float, float]]:
    if LEVELS_KEY not in st.session_state:
        st.session_state[LEVELS_KEY] = default_levels()
    return st.session_state[LEVELS_KEY]


def calculator_rows(levels: dict[str, tuple[float, float]], weights: dict[str, int], lang: str) -> Rows:
    """One row per dimension: expectations, perceptions, the gap, its weight and its verdict."""
    gaps = servqual.dimension_gaps({d: e for d, (e, _) in levels.items()}, {d: p for d, (_, p) in levels.items()})
    worst = servqual.largest_shortfall(gaps)
    verdicts = dict(_verdicts(lang))
    return [{"dimension": term_name(d, lang),
             "row": t(lang, f"{CALC}.row_label", name=term_name(d, lang), points=weights[d]),
             "expected": levels[d][0], "perceived": levels[d][1], "gap": gaps[d], "label": f"{gaps[d]:+.1f}",
             "weight": weights[d], "verdict": verdicts["shortfall" if gaps[d] < 0 else "met"],
             "highlight": d == worst, "lo": -charts.GAP_AXIS_MIN, "hi": charts.GAP_AXIS_MIN} for d in DIMENSIONS]


def _calculator_columns(lang: str) -> dict[str, str]:
    """The table's columns, named as the chart names them."""
    labels = dict(_bar_labels(lang))
    return {"dimension": labels["row"], "expected": labels["expected"], "perceived": labels["perceived"],
            "label": labels["gap"], "weight": labels["weight"], "verdict": labels["verdict"]}


def servqual_calculator(settings: Settings) -> None:
    """Exhibit: expectations, perceptions and importance points per dimension → the SERVQUAL scores."""
    exhibit_frame(settings, "servqual_calculator", _calculator, t(settings.lang, f"{CALC}.scenario"))


def _weight_inputs(lang: str) -> dict[str, int]:
    st.markdown(f"**{t(lang, f'{CALC}.weights')}**", help=t(lang, f"{CALC}.weights_help"))
    weights = {}
    for col, dim in zip(st.columns(len(DIMENSIONS)), DIMENSIONS):
        weights[dim] = int(bound.number_input(col, term_name(dim, lang), 0, 100, servqual.DEFAULT_WEIGHTS[dim],
                                              key=f"sq_w_{dim}", lang=lang))
    return weights


@st.fragment
def _calculator(settings: Settings) -> None:
    lang = settings.lang
    levels = _levels()
    dim = bound.segmented_control(st, t(lang, f"{CALC}.pick"), DIMENSIONS, "reliability", key="sq_dim", lang=lang,
                                  format_func=lambda d: term_name(d, lang))
    e_key, p_key = f"sq_e_{dim}", f"sq_p_{dim}"
    default = default_levels()[dim]
    bound.keep(e_key, levels[dim][0], default[0])
    bound.keep(p_key, levels[dim][1], default[1])
    scale_help = t(lang, f"{CALC}.scale_help")
    expected = bound.slider(st, t(lang, f"{CALC}.expected"), servqual.SCALE_MIN, servqual.SCALE_MAX, default[0],
                            step=STEP, key=e_key, lang=lang, format="%.1f", help=scale_help)
    perceived = bound.slider(st, t(lang, f"{CALC}.perceived"), servqual.SCALE_MIN, servqual.SCALE_MAX, default[1],
                             step=STEP, key=p_key, lang=lang, format="%.1f", help=scale_help)
    levels[dim] = (round(expected, 1), round(perceived, 1))
    weights = _weight_inputs(lang)

    rows = calculator_rows(levels, weights, lang)
    gaps = {d: r["gap"] for d, r in zip(DIMENSIONS, rows)}
    total = sum(weights.values())
    unweighted = servqual.unweighted_score(gaps)
    weighted = servqual.weighted_score(gaps, weights) if total == servqual.WEIGHT_TOTAL else None
    cols = st.columns(3)
    cols[0].metric(t(lang, f"{CALC}.unweighted"), f"{unweighted:+.2f}", help=t(lang, f"{CALC}.unweighted_help"))
    weighted_text = t(lang, f"{CALC}.not_available") if weighted is None else f"{weighted:+.2f}"
    cols[1].metric(t(lang, f"{CALC}.weighted"), weighted_text, help=t(lang, f"{CALC}.weighted_help"))
    cols[2].metric(t(lang, f"{CALC}.weight_total"), t(lang, f"{CALC}.weight_total_value", total=total))
    if weighted is None:
        st.warning(t(lang, f"{CALC}.weights_warning", total=total))

    worst = servqual.largest_shortfall(gaps)
    if worst is None:
        st.success(t(lang, f"{CALC}.no_shortfall"))
    else:
        st.error(t(lang, f"{CALC}.largest", dim=term_name(worst, lang), gap=gaps[worst], points=weights[worst]))
    data = {field: [r[field] for r in rows] for field in
            ("row", "expected", "perceived", "gap", "label", "weight", "verdict", "highlight", "lo", "hi")}
    spec = charts.gap_bars_spec(_bar_labels(lang), _verdicts(lang), settings.scale)
    chart(spec, data, t(lang, f"{CALC}.alt"))
    if weighted is not None and weighted < unweighted:
        st.markdown(t(lang, f"{CALC}.reading", weighted=f"{weighted:+.2f}", unweighted=f"{unweighted:+.2f}"))
    else:
        st.markdown(t(lang, f"{CALC}.reading_equal"))
    perceptions = {d: p for d, (_, p) in levels.items()}
    st.caption(t(lang, f"{CALC}.servperf", score=servqual.servperf_score(perceptions)))
    data_table(rows, lang, _calculator_columns(lang))


# ── The gaps model, built step by step ───────────────────────────────────────────────────────

def _cell_lines(text: str) -> str:
    """A Markdown list as one table cell: a bullet per item, items on lines of their own."""
    return "<br>".join("• " + line.removeprefix("- ").strip() for line in text.splitlines() if line.strip())


def gap_rows(lang: str) -> Rows:
    """The five gaps: label, name, the two elements each lies between, and (as one table cell each,
    for print) its main causes and the ways to close it."""
    return [{"gap": t(lang, f"{GAPS}.stages.{g}.label"), "name": t(lang, f"{GAPS}.stages.{g}.title"),
             "between": t(lang, f"{GAPS}.stages.{g}.between"),
             "causes": _cell_lines(t(lang, f"{GAPS}.stages.{g}.causes")),
             "remedies": _cell_lines(t(lang, f"{GAPS}.stages.{g}.remedies"))} for g in gaps_model.GAPS]


def _gap_columns(lang: str) -> dict[str, str]:
    """The on-page table's columns; the page shows a gap's causes and remedies in full when it is picked."""
    return {"gap": t(lang, f"{GAPS}.gap_column"), "name": t(lang, f"{GAPS}.name_column"),
            "between": t(lang, f"{GAPS}.between_column")}


def service_gaps_model(settings: Settings) -> None:
    """Exhibit: the gaps model drawn one step at a time; each gap with its causes, an example and remedies."""
    exhibit_frame(settings, "service_gaps_model", _gaps_model)


def _active(stage: str) -> tuple[str, ...]:
    if stage == "customer":
        return gaps_model.CUSTOMER_SIDE
    if stage == "company":
        return gaps_model.COMPANY_SIDE
    return (stage,)


@st.fragment
def _gaps_model(settings: Settings) -> None:
    lang = settings.lang
    stage = bound.segmented_control(st, t(lang, f"{GAPS}.pick"), gaps_model.STAGES, gaps_model.CUSTOMER_GAP,
                                    key="sq_gap_stage", lang=lang,
                                    format_func=lambda s: t(lang, f"{GAPS}.stages.{s}.label"))
    elements, gaps = gaps_model.shown(stage)
    words = {w: t(lang, f"{GAPS}.diagram.{w}") for w in DIAGRAM_WORDS}
    data = charts.diagram_rows(elements, gaps, _active(stage), words)
    chart(charts.gaps_model_spec(settings.scale), data, t(lang, f"{GAPS}.alt"))
    key = f"{GAPS}.stages.{stage}"
    st.markdown(f"#### {t(lang, f'{key}.title')}")
    if stage in gaps_model.GAPS:
        # "Between" is one line, so a line break suffices; the lists and the example need a paragraph break.
        st.markdown(f"**{t(lang, f'{GAPS}.between')}**  \n{t(lang, f'{key}.between')}")
        for part, show in (("causes", st.markdown), ("example", st.info), ("remedies", st.markdown)):
            show(f"**{t(lang, f'{GAPS}.{part}')}**\n\n{t(lang, f'{key}.{part}')}")
    else:
        st.markdown(t(lang, f"{key}.body"))
    data_table(gap_rows(lang), lang, _gap_columns(lang))


def handout_tables(lang: str) -> list[dict]:
    """Both exhibits' default data, for the printable handout: the bank-branch example with its gap per
    dimension, and the gaps model's five gaps with what each lies between, its causes and its remedies."""
    return [{"title": t(lang, f"{CALC}.title"), "columns": _calculator_columns(lang),
             "rows": calculator_rows(default_levels(), dict(servqual.DEFAULT_WEIGHTS), lang),
             "source": t(lang, f"{CALC}.source")},
            {"title": t(lang, f"{GAPS}.title"),
             "columns": {**_gap_columns(lang), "causes": t(lang, f"{GAPS}.causes"),
                         "remedies": t(lang, f"{GAPS}.remedies")},
             "rows": gap_rows(lang), "source": t(lang, f"{GAPS}.source")}]
