"""Exhibits for the value co-creation chapter: a DART self-assessment, sorting a service's activities
into the value spheres, and the value-in-use teaching model."""
from __future__ import annotations

import streamlit as st

from models import cocreation
from models.cocreation import DART_BLOCKS, FACTORS, SCENARIOS, SPHERES

from ..charts import co_creation as charts
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame, term_name

CHAPTER = "co_creation"
DART_STEP = 0.5
LEVEL_STEP = 0.5
SPHERE_TERMS = {"provider": "provider-sphere", "joint": "joint-sphere", "customer": "customer-sphere"}
RANKS = "①②③④"


def _label(lang: str, key: str, **values: object) -> str:
    return t(lang, f"{CHAPTER}.{key}", **values)


def _chart(rows: Rows, spec: dict, alt_text: str) -> None:
    chart(spec, columns(rows), alt_text)


def _scales() -> set[float]:
    return {Settings(size=size).scale for size in CHOICES["size"]}


def _slider(where, label: str, widget: str, default: float, low: float, high: float, step: float,
            help_text: str, lang: str) -> float:
    """A slider that opens at `default` (the case the text works through) or at the link's value."""
    return bound.slider(where, label, low, high, default, step=step, key=widget, lang=lang, format="%.1f",
                        help=help_text)


def _reset(values: dict[str, float]) -> None:
    """Put sliders back to the case the text works through (an on_click callback)."""
    for widget, value in values.items():
        st.session_state[widget] = value


# ── DART self-assessment ───────────────────────────────────────────────────

def _block(lang: str, block: str) -> str:
    return _label(lang, f"blocks.{block}.name")


def _dart_key(block: str) -> str:
    return f"cc_dart_{block}"


def _dart_spec(lang: str, scale: float) -> dict:
    key = "exhibits.cocreation_dart"
    labels = {"block": t(lang, f"{key}.block"), "score": t(lang, f"{key}.score"), "target": t(lang, f"{key}.target"),
              "status": t(lang, f"{key}.status"), "axis": t(lang, f"{key}.axis")}
    statuses = {s: _label(lang, f"statuses.{s}") for s in ("below", "met")}
    return charts.dart_spec(tuple(labels.items()), tuple(statuses.items()), scale)


def dart_rows(scores: dict[str, float], lang: str) -> Rows:
    """One row per DART block: its score, the shortfall from the target and its rank among the blocks to
    improve (blank when it reaches the target)."""
    result = cocreation.assess_dart(scores)
    rows = []
    for block in DART_BLOCKS:
        rank = result.priorities.index(block) + 1 if block in result.priorities else 0
        status = "below" if rank else "met"
        rows.append({"block": _block(lang, block), "base": cocreation.SCORE_MIN, "score": result.scores[block],
                     "target": result.target, "status": _label(lang, f"statuses.{status}"),
                     "text": f"{result.scores[block]:.1f} · {RANKS[rank - 1]}" if rank else f"{result.scores[block]:.1f} ✓",
                     "gap": result.gaps[block], "rank": str(rank) if rank else "—"})
    return rows


def dart_assessment(settings: Settings) -> None:
    """Exhibit: rate a firm on dialogue, access, risk assessment and transparency; see what to improve first."""
    exhibit_frame(settings, "cocreation_dart", _dart, t(settings.lang, "exhibits.cocreation_dart.intro"))


@st.fragment
def _dart(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.cocreation_dart"
    scores = {}
    # Two rows of two columns, so that a phone, which stacks columns, still shows the blocks in DART order.
    for pair in (DART_BLOCKS[:2], DART_BLOCKS[2:]):
        for column, block in zip(st.columns(2), pair):
            scores[block] = _slider(column, _block(lang, block), _dart_key(block), cocreation.RENOVATION_CASE[block],
                                    cocreation.SCORE_MIN, cocreation.SCORE_MAX, DART_STEP,
                                    _label(lang, f"blocks.{block}.help"), lang)
    case = {_dart_key(b): cocreation.RENOVATION_CASE[b] for b in DART_BLOCKS}
    st.button(t(lang, f"{key}.reset"), key="cc_dart_reset", on_click=_reset, args=(case,), icon=":material/restart_alt:")
    result = cocreation.assess_dart(scores)
    mean_col, first_col = st.columns(2)
    mean_col.metric(t(lang, f"{key}.mean"), f"{result.mean:.1f}")
    first_col.metric(t(lang, f"{key}.first"), _block(lang, result.priorities[0]) if result.priorities else "—")
    rows = dart_rows(scores, lang)
    _chart([{k: r[k] for k in ("block", "base", "score", "target", "status", "text")} for r in rows],
           _dart_spec(lang, settings.scale), t(lang, f"{key}.alt"))
    if result.ready:
        st.success(t(lang, f"{key}.ready", target=result.target))
    else:
        first = result.priorities[0]
        st.warning(t(lang, f"{key}.advice", block=_block(lang, first), gap=result.gaps[first],
                     action=_label(lang, f"blocks.{first}.action")))
        if len(result.priorities) > 1:
            st.markdown(t(lang, f"{key}.order", order=" → ".join(_block(lang, b) for b in result.priorities)))
    data_table(rows, lang, _dart_columns(lang))


def _dart_columns(lang: str) -> dict[str, str]:
    key = "exhibits.cocreation_dart"
    return {"block": t(lang, f"{key}.block"), "score": t(lang, f"{key}.score"), "target": t(lang, f"{key}.target"),
            "gap": t(lang, f"{key}.gap"), "rank": t(lang, f"{key}.rank")}


# ── Value spheres ──────────────────────────────────────────────────────────

STORE_KEY = "cc_spheres"     # the reader's placements, kept while another scenario's controls are shown
MINE_KEY = "cc_spheres_mine"  # scenarios the reader has cleared to place on their own


def _sphere(lang: str, sphere: str | None) -> str:
    return term_name(SPHERE_TERMS[sphere], lang) if sphere else t(lang, "exhibits.cocreation_spheres.unplaced")


def _activity(lang: str, scenario: str, activity: str, part: str = "label") -> str:
    return _label(lang, f"activities.{scenario}.{activity}.{part}")


def _item(lang: str, step: int, activity: str) -> str:
    # Not "1. …": a widget label drops list markup, and the number with it.
    return _label(lang, "item", step=step, activity=activity)


def _placements() -> dict[str, dict[str, str | None]]:
    if STORE_KEY not in st.session_state:
        st.session_state[STORE_KEY] = {s: dict(cocreation.book_placement(s)) for s in SCENARIOS}
    return st.session_state[STORE_KEY]


def _sphere_key(scenario: str, activity: str) -> str:
    return f"cc_sphere_{scenario}_{activity}"


def _place_all(scenario: str, book: bool) -> None:
    mine = st.session_state.setdefault(MINE_KEY, set())
    if book:
        mine.discard(scenario)
    else:
        mine.add(scenario)
    answers = cocreation.book_placement(scenario)
    for activity in answers:
        value = answers[activity] if book else None
        _placements()[scenario][activity] = value
        st.session_state[_sphere_key(scenario, activity)] = value


def _spheres_spec(lang: str, scale: float) -> dict:
    key = "exhibits.cocreation_spheres"
    labels = {name: t(lang, f"{key}.{name}") for name in ("axis", "step", "activity", "yours", "book")}
    verdicts = {v: _label(lang, f"verdicts.{v}") for v in ("agree", "disagree")}
    return charts.spheres_spec(tuple(labels.items()), tuple(_sphere(lang, s) for s in SPHERES),
                               tuple(verdicts.items()), scale)


def sphere_chart_rows(scenario: str, placement: dict[str, str | None], lang: str) -> Rows:
    """The shaded joint lane, then one row per placed activity in the lane the reader chose."""
    empty = {"step": 0, "x0": 0.0, "x1": 0.0, "verdict": "", "label": "", "book": ""}
    rows = [{**empty, "kind": "lane", "sphere": _sphere(lang, "joint"), "x0": 0.5, "x1": 8.5,
             "text": t(lang, "exhibits.cocreation_spheres.lane")}]
    for step, activity in enumerate(SCENARIOS[scenario], start=1):
        chosen = placement.get(activity.id)
        if chosen is None:
            continue
        verdict = "agree" if chosen == activity.sphere else "disagree"
        rows.append({**empty, "kind": "activity", "step": step, "sphere": _sphere(lang, chosen),
                     "verdict": _label(lang, f"verdicts.{verdict}"), "label": _activity(lang, scenario, activity.id),
                     "book": _sphere(lang, activity.sphere), "text": str(step)})
    return rows


def sphere_table_rows(scenario: str, placement: dict[str, str | None], lang: str) -> Rows:
    return [{"step": str(step), "activity": _activity(lang, scenario, a.id), "yours": _sphere(lang, placement.get(a.id)),
             "book": _sphere(lang, a.sphere), "why": _activity(lang, scenario, a.id, "why")}
            for step, a in enumerate(SCENARIOS[scenario], start=1)]


def value_spheres(settings: Settings) -> None:
    """Exhibit: sort the activities of a hotel stay or a hospital visit into the three value spheres."""
    exhibit_frame(settings, "cocreation_spheres", _spheres)


@st.fragment
def _spheres(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.cocreation_spheres"
    scenario = bound.segmented_control(st, t(lang, f"{key}.pick"), tuple(SCENARIOS), "hotel", key="cc_sphere_case",
                                       lang=lang, format_func=lambda s: _label(lang, f"scenarios.{s}"))
    store = _placements()[scenario]
    clear_col, book_col = st.columns(2)
    clear_col.button(t(lang, f"{key}.clear"), key="cc_sphere_clear", on_click=_place_all, args=(scenario, False),
                     icon=":material/ink_eraser:")
    book_col.button(t(lang, f"{key}.show_book"), key="cc_sphere_book", on_click=_place_all, args=(scenario, True),
                    icon=":material/menu_book:")
    for step, activity in enumerate(SCENARIOS[scenario], start=1):
        widget = _sphere_key(scenario, activity.id)
        bound.keep(widget, store[activity.id], activity.sphere)
        # Short option names keep the three buttons on one line on a phone; the chart uses the full names.
        store[activity.id] = bound.segmented_control(
            st, _item(lang, step, _activity(lang, scenario, activity.id)), SPHERES, activity.sphere, required=False,
            key=widget, lang=lang, format_func=lambda s: _label(lang, f"sphere_short.{s}"))
    check = cocreation.check_placement(scenario, store)
    total = len(SCENARIOS[scenario])
    placed_col, agreed_col, joint_col = st.columns(3)
    placed_col.metric(t(lang, f"{key}.placed"), f"{check.placed} / {total}")
    agreed_col.metric(t(lang, f"{key}.agreed"), f"{check.agreed} / {check.placed}" if check.placed else "—")
    joint_col.metric(t(lang, f"{key}.joint_count"), str(check.by_sphere["joint"]))
    _chart(sphere_chart_rows(scenario, store, lang), _spheres_spec(lang, settings.scale), t(lang, f"{key}.alt"))
    steps = {a.id: n for n, a in enumerate(SCENARIOS[scenario], start=1)}
    for activity in check.disagreed:
        st.error(t(lang, f"{key}.disagree_item", step=steps[activity], activity=_activity(lang, scenario, activity),
                   book=_sphere(lang, cocreation.book_placement(scenario)[activity]),
                   why=_activity(lang, scenario, activity, "why")))
    if check.placed == total and not check.disagreed and scenario in st.session_state.get(MINE_KEY, ()):
        st.success(t(lang, f"{key}.all_agree"))
    items = _label(lang, "sep").join(_item(lang, steps[a], _activity(lang, scenario, a)) for a in check.joint)
    st.info(t(lang, f"{key}.joint_note", items=items))
    data_table(sphere_table_rows(scenario, store, lang), lang, _sphere_columns(lang))


def _sphere_columns(lang: str) -> dict[str, str]:
    key = "exhibits.cocreation_spheres"
    return {"step": t(lang, f"{key}.step"), "activity": t(lang, f"{key}.activity"), "yours": t(lang, f"{key}.yours"),
            "book": t(lang, f"{key}.book"), "why": t(lang, f"{key}.why")}


# ── Value-in-use teaching model ───────────────────────────────────────────

def _factor(lang: str, factor: str) -> str:
    return _label(lang, f"factors.{factor}.name")


def _level_key(factor: str) -> str:
    return f"cc_viu_{factor}"


def _gains_spec(lang: str, scale: float) -> dict:
    key = "exhibits.cocreation_value_in_use"
    labels = {name: t(lang, f"{key}.{name}") for name in ("factor", "level", "gain", "after", "axis")}
    roles = {r: _label(lang, f"roles.{r}") for r in ("best", "other")}
    return charts.gains_spec(tuple(labels.items()), tuple(roles.items()), scale)


def gain_rows(levels: dict[str, float], lang: str) -> Rows:
    """One row per factor: its level, and the index after raising only that factor by one step."""
    result = cocreation.step_gains(levels)
    room = max(max(result.gains.values()) * 1.3, 1.0)
    yes, no = t(lang, "exhibits.yes"), t(lang, "exhibits.no")
    return [{"factor": _factor(lang, f), "level": levels[f], "gain": result.gains[f],
             "after": result.value + result.gains[f],
             "role": _label(lang, "roles.best" if f in result.best else "roles.other"),
             "text": f"{result.gains[f]:+.1f}", "room": room, "best": yes if f in result.best else no}
            for f in FACTORS]


def value_in_use(settings: Settings) -> None:
    """Exhibit: value-in-use as firm resources × customer participation × trust (a teaching model)."""
    exhibit_frame(settings, "cocreation_value_in_use", _value_in_use,
                  t(settings.lang, "exhibits.cocreation_value_in_use.intro"))


@st.fragment
def _value_in_use(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.cocreation_value_in_use"
    levels = {}
    for factor in FACTORS:
        levels[factor] = _slider(st, _factor(lang, factor), _level_key(factor), cocreation.GYM_CASE[factor],
                                 cocreation.FACTOR_MIN, cocreation.FACTOR_MAX, LEVEL_STEP,
                                 _label(lang, f"factors.{factor}.help"), lang)
    case = {_level_key(f): cocreation.GYM_CASE[f] for f in FACTORS}
    st.button(t(lang, f"{key}.reset"), key="cc_viu_reset", on_click=_reset, args=(case,), icon=":material/restart_alt:")
    result = cocreation.step_gains(levels)
    # The best next step is named in the note under the chart: as a metric, a long name would be cut off.
    value_col, additive_col = st.columns(2)
    value_col.metric(t(lang, f"{key}.value"), f"{result.value:.1f}", help=t(lang, f"{key}.value_help"))
    additive_col.metric(t(lang, f"{key}.additive"), f"{cocreation.additive_index(**levels):.1f}",
                        help=t(lang, f"{key}.additive_help"))
    rows = gain_rows(levels, lang)
    _chart([{k: v for k, v in r.items() if k != "best"} for r in rows], _gains_spec(lang, settings.scale),
           t(lang, f"{key}.alt"))
    if result.best:
        best = result.best[0]
        st.info(t(lang, f"{key}.best_note", factor=_factor(lang, best), gain=result.gains[best]))
    else:
        st.warning(t(lang, f"{key}.stuck"))
    data_table(rows, lang, _gain_columns(lang))


def _gain_columns(lang: str) -> dict[str, str]:
    key = "exhibits.cocreation_value_in_use"
    return {"factor": t(lang, f"{key}.factor"), "level": t(lang, f"{key}.level"), "gain": t(lang, f"{key}.gain"),
            "after": t(lang, f"{key}.after"), "best": t(lang, f"{key}.best")}


# ── Shared ─────────────────────────────────────────────────────────────────

def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            _dart_spec(lang, scale)
            _spheres_spec(lang, scale)
            _gains_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """The three exhibits' default data, for the printable handout."""
    tables = [{"title": t(lang, "exhibits.cocreation_dart.title"), "columns": _dart_columns(lang),
               "rows": dart_rows(dict(cocreation.RENOVATION_CASE), lang),
               "source": t(lang, "exhibits.cocreation_dart.source")}]
    for scenario in SCENARIOS:
        tables.append({"title": f"{t(lang, 'exhibits.cocreation_spheres.title')} · {_label(lang, f'scenarios.{scenario}')}",
                       "columns": _sphere_columns(lang),
                       "rows": sphere_table_rows(scenario, dict(cocreation.book_placement(scenario)), lang),
                       "source": t(lang, "exhibits.cocreation_spheres.source")})
    tables.append({"title": t(lang, "exhibits.cocreation_value_in_use.title"), "columns": _gain_columns(lang),
                   "rows": gain_rows(dict(cocreation.GYM_CASE), lang),
                   "source": t(lang, "exhibits.cocreation_value_in_use.source")})
    return tables
