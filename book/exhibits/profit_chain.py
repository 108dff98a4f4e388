"""Exhibits for the service-profit chain: the chain built link by link, and a simulator that carries a
change in the drivers of internal service quality down the chain (a teaching model of elasticities)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import streamlit as st

from models import profit_chain
from models.profit_chain import DEFAULT_DRIVER_CHANGES, DEFAULT_ELASTICITIES, DRIVERS, GROUPS, LINKS, STAGE_GROUP, STAGES

from ..charts import profit_chain as charts
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, data_table, exhibit_frame

BUILD = "exhibits.pc_chain_builder"
SIM = "exhibits.pc_chain_simulator"
TEXT = "profit_chain"
STEP_KEY = "pc_build_step"
DRIVER_RANGE = (-20, 30)                      # % change a reader can set for a driver
# Slider ceilings for the link elasticities: loyalty → profit gets room for the large multipliers the
# loyalty evidence suggests; the other links stay at or below 2.
LINK_MAX = (2.0, 2.0, 2.0, 2.0, 2.0, 10.0)
LINK_STEP = (0.1, 0.1, 0.1, 0.1, 0.1, 0.5)


def _stage(lang: str, stage: str) -> str:
    return t(lang, f"{TEXT}.stages.{stage}")


def _groups(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((g, t(lang, f"{TEXT}.groups.{g}")) for g in GROUPS)


def _scales() -> set[float]:
    """The scales of reading mode; lecture mode's larger charts are compiled when first shown."""
    return {Settings(size=size).scale for size in CHOICES["size"]}


def _percent(value: float, digits: int = 1) -> str:
    """A signed percentage, halves rounded away from zero as readers round by hand (1.575 → +1.58%)."""
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{abs(rounded) if rounded == 0 else rounded:+.{digits}f}%"


# ── The chain, link by link ──────────────────────────────────────────────────────────────────

def builder_rows(lang: str) -> Rows:
    """Every stage with its part of the chain, a typical measure and the chapter's evidence for the link into it."""
    return [{"step": n, "stage": _stage(lang, s), "group": t(lang, f"{TEXT}.groups.{STAGE_GROUP[s]}"),
             "measure": t(lang, f"{TEXT}.steps.{s}.measure"), "evidence": t(lang, f"{TEXT}.steps.{s}.evidence")}
            for n, s in enumerate(STAGES, 1)]


def _builder_columns(lang: str) -> dict[str, str]:
    return {c: t(lang, f"{BUILD}.columns.{c}") for c in ("step", "stage", "group", "measure", "evidence")}


def chain_builder(settings: Settings) -> None:
    """Exhibit: the chain drawn one link at a time, with the logic of the newest link and its evidence."""
    exhibit_frame(settings, "pc_chain_builder", _builder)


@st.fragment
def _builder(settings: Settings) -> None:
    lang = settings.lang
    count = len(STAGES)
    step = bound.select_slider(st, t(lang, f"{BUILD}.step"), list(range(1, count + 1)), count, key=STEP_KEY, lang=lang,
                               format_func=lambda n: t(lang, f"{BUILD}.step_label", n=n, stage=_stage(lang, STAGES[n - 1])))
    data = charts.chain_rows([_stage(lang, s) for s in STAGES],
                             [t(lang, f"{TEXT}.groups.{STAGE_GROUP[s]}") for s in STAGES], step)
    chart(charts.chain_spec(_groups(lang), count, settings.scale), data, t(lang, f"{BUILD}.alt"))
    stage = STAGES[step - 1]
    if step == 1:
        st.markdown(f"#### {t(lang, f'{BUILD}.first_heading', stage=_stage(lang, stage))}")
    else:
        st.markdown(f"#### {t(lang, f'{BUILD}.link_heading', source=_stage(lang, STAGES[step - 2]), target=_stage(lang, stage))}")
    st.markdown(t(lang, f"{TEXT}.steps.{stage}.logic"))
    st.info(f"**{t(lang, f'{BUILD}.evidence')}** {t(lang, f'{TEXT}.steps.{stage}.evidence')}")
    data_table(builder_rows(lang), lang, _builder_columns(lang))


# ── The chain simulator ──────────────────────────────────────────────────────────────────────

def _driver_key(driver: str) -> str:
    return f"pc_drv_{driver}"


def _link_key(k: int) -> str:
    return f"pc_beta_{k}"


def _reset() -> None:
    for driver in DRIVERS:
        st.session_state[_driver_key(driver)] = int(DEFAULT_DRIVER_CHANGES[driver])
    for k, beta in enumerate(DEFAULT_ELASTICITIES):
        st.session_state[_link_key(k)] = beta


def simulator_rows(result: profit_chain.ChainResult, lang: str) -> Rows:
    """One row per stage: the elasticity of the link into it and the % change it receives."""
    return [{"order": n, "label": _stage(lang, s), "group": t(lang, f"{TEXT}.groups.{STAGE_GROUP[s]}"),
             "change": change, "shown": _percent(change, 2),
             "elasticity": "—" if n == 1 else f"{result.elasticities[n - 2]:.1f}"}
            for n, (s, change) in enumerate(zip(STAGES, result.changes), 1)]


def _simulator_columns(lang: str) -> dict[str, str]:
    return {"label": t(lang, f"{SIM}.stage"), "elasticity": t(lang, f"{SIM}.elasticity"),
            "shown": t(lang, f"{SIM}.change")}


def _propagation_spec(lang: str, scale: float) -> dict:
    labels = tuple((k, t(lang, f"{SIM}.{k}")) for k in ("stage", "change", "elasticity", "axis"))
    return charts.propagation_spec(labels, _groups(lang), scale)


def chain_simulator(settings: Settings) -> None:
    """Exhibit: raise the drivers of internal service quality and watch the change travel down the chain."""
    exhibit_frame(settings, "pc_chain_simulator", _simulator)


@st.fragment
def _simulator(settings: Settings) -> None:
    lang = settings.lang
    st.markdown(f"**{t(lang, f'{SIM}.drivers')}**")
    columns = st.columns(2)
    changes = {d: bound.slider(columns[i // 2], t(lang, f"{TEXT}.drivers.{d}"), *DRIVER_RANGE,
                               int(DEFAULT_DRIVER_CHANGES[d]), step=1, key=_driver_key(d), lang=lang, format="%d%%")
               for i, d in enumerate(DRIVERS)}
    with st.expander(t(lang, f"{SIM}.links"), expanded=True):
        st.caption(t(lang, f"{SIM}.links_help"))
        columns = st.columns(2)
        betas = [bound.slider(
            columns[k // 3], t(lang, f"{SIM}.link_label", source=_stage(lang, a), target=_stage(lang, b)), 0.0,
            LINK_MAX[k], float(DEFAULT_ELASTICITIES[k]), step=LINK_STEP[k], key=_link_key(k), lang=lang, format="%.1f")
            for k, (a, b) in enumerate(LINKS)]
        st.button(t(lang, f"{SIM}.reset"), on_click=_reset, key="pc_reset", icon=":material/restart_alt:")

    result = profit_chain.simulate(changes, betas)
    isq, cs, profit = (result.change(s) for s in ("internal-service-quality", "customer-satisfaction", "revenue-profit"))
    cols = st.columns(4)
    cols[0].metric(_stage(lang, "internal-service-quality"), _percent(isq))
    cols[1].metric(_stage(lang, "customer-satisfaction"), _percent(cs))
    cols[2].metric(_stage(lang, "revenue-profit"), _percent(profit))
    cols[3].metric(t(lang, f"{SIM}.pass_through"), f"{result.pass_through:.2f}", help=t(lang, f"{SIM}.pass_through_help"))

    rows = simulator_rows(result, lang)
    chart(_propagation_spec(lang, settings.scale), {f: [r[f] for r in rows] for f in charts.BAR_FIELDS},
           t(lang, f"{SIM}.alt"))
    _reading(result, lang)
    data_table(rows, lang, _simulator_columns(lang))


def _reading(result: profit_chain.ChainResult, lang: str) -> None:
    isq = result.change("internal-service-quality")
    broken = [k for k, beta in enumerate(result.elasticities) if beta == 0]
    if isq == 0:
        st.markdown(t(lang, f"{SIM}.still"))
    else:
        weakest = result.weakest_links
        links = t(lang, f"{SIM}.link_separator").join(
            t(lang, f"{SIM}.link_quoted", source=_stage(lang, LINKS[k][0]), target=_stage(lang, LINKS[k][1]))
            for k in weakest)
        st.markdown(t(lang, f"{SIM}.reading", isq=_percent(isq), cs=_percent(result.change("customer-satisfaction"), 2),
                      profit=_percent(result.change("revenue-profit"), 2), pass_through=f"{result.pass_through:.2f}",
                      links=links, beta=f"{result.elasticities[weakest[0]]:.1f}"))
    if broken:
        source, target = LINKS[broken[0]]
        st.warning(t(lang, f"{SIM}.broken", source=_stage(lang, source), target=_stage(lang, target)))
    if result.out_of_range:
        st.warning(t(lang, f"{SIM}.out_of_range", limit=f"{profit_chain.OUT_OF_RANGE:.0f}"))


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            charts.chain_spec(_groups(lang), len(STAGES), scale)
            _propagation_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """Both exhibits' default data, for the printable handout: the chain's stages with a measure and the
    evidence for each, and the simulator's default run (every driver +10 %, the default elasticities)."""
    default = profit_chain.simulate(DEFAULT_DRIVER_CHANGES)
    return [{"title": t(lang, f"{BUILD}.title"), "columns": _builder_columns(lang), "rows": builder_rows(lang),
             "source": t(lang, f"{BUILD}.source")},
            {"title": t(lang, f"{SIM}.title"), "columns": _simulator_columns(lang),
             "rows": simulator_rows(default, lang), "source": t(lang, f"{SIM}.source")}]
