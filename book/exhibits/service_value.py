"""Exhibits for the service-value chapter: the value composition c + v + m, total utility as paid plus
unpaid, and comparative advantage in trade in services."""
from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from models import trade, value

from ..charts import service_value as charts
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame, markdown_table, term_name

CHAPTER = "service_value"
PRESETS = tuple(value.VALUE_PRESETS)
UTILITIES = tuple(value.UTILITY_PRESETS)
CASES = tuple(trade.CASES)
# Input steps in yuan: a room-night and a cleaning visit move in small amounts, a project in thousands.
STEPS = {"hotel-night": 5, "home-cleaning": 5, "software-project": 1000}
MAX_AMOUNT = 10_000_000
MAX_HOURS = 100_000


def _label(lang: str, key: str, **values: object) -> str:
    return t(lang, f"{CHAPTER}.{key}", **values)


def _yuan(lang: str, amount: float) -> str:
    return _label(lang, "yuan", amount=amount)


def _chart(rows: Rows, fields: tuple[str, ...], spec: dict, alt_text: str) -> None:
    chart(spec, columns(rows, fields), alt_text)


def _scales() -> set[float]:
    return {Settings(size=size).scale for size in CHOICES["size"]}


# Streamlit forgets a widget's value once it is not drawn (e.g. another service is picked), so every
# number the reader enters is also kept here and given back when its input is drawn again.
STORE_KEY = "sv_inputs"


def _store() -> dict[str, float]:
    return st.session_state.setdefault(STORE_KEY, {})


def _entered(key: str, default: float) -> float:
    return _store().get(key, default)


def _number_input(where, label: str, key: str, default: float, lang: str, low: float, high: float,
                  **options) -> float:
    bound.keep(key, _entered(key, default), default)
    number = bound.number_input(where, label, low, high, default, key=key, lang=lang, **options)
    _store()[key] = number
    return number


# ── Value composition c + v + m ─────────────────────────────────────────────

BAR_FIELDS = ("row", "part", "amount", "share", "x0", "x1", "label", "highlight")


def _bar_labels(lang: str, axis_key: str) -> tuple[tuple[str, str], ...]:
    return (("row", _label(lang, "service")), ("part", _label(lang, "part")), ("amount", _label(lang, "amount")),
            ("share", _label(lang, "share")), ("axis", _label(lang, axis_key)))


def _part_labels(lang: str) -> tuple[tuple[str, str], ...]:
    return (("c", term_name("constant-capital", lang) + " c"), ("v", term_name("variable-capital", lang) + " v"),
            ("m", term_name("surplus-value", lang) + " m"))


def _ratio_labels(lang: str) -> dict[str, str]:
    """m/v and c/v with their names; the formula leads, so a narrow metric column cuts off the name, not the ratio."""
    return {"mv": "m/v · " + term_name("rate-of-surplus-value", lang),
            "cv": "c/v · " + term_name("organic-composition-of-capital", lang)}


def _paid_labels(lang: str) -> tuple[tuple[str, str], ...]:
    return (("paid", _label(lang, "paid")), ("unpaid", _label(lang, "unpaid")))


def _composition_spec(lang: str, scale: float) -> dict:
    return charts.composition_spec(_bar_labels(lang, "share_axis"), _part_labels(lang), scale)


def _utility_spec(lang: str, scale: float) -> dict:
    return charts.utility_spec(_bar_labels(lang, "yuan_axis"), _paid_labels(lang), scale)


def _trade_labels(lang: str, case: str) -> tuple[tuple[str, str], ...]:
    first, second = _goods(case)
    names = {"axis": _label(lang, "cost_axis", first=_good(lang, first), second=_good(lang, second)),
             "low": _label(lang, "range_low"), "high": _label(lang, "range_high"),
             "terms": term_name("terms-of-trade", lang), "economy": _label(lang, "economy"),
             "cost": term_name("opportunity-cost", lang)}
    return tuple(names.items())


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            _composition_spec(lang, scale)
            _utility_spec(lang, scale)
            for case in CASES:
                charts.trade_spec(_trade_labels(lang, case), scale)


def _amount_key(part: str, preset: str) -> str:
    return f"sv_{part}_{preset}"


def current_composition(preset: str) -> value.ValueComposition:
    """The reader's numbers for a service, or the preset where the reader has not touched them."""
    base = value.VALUE_PRESETS[preset]
    return value.compose(_entered(_amount_key("c", preset), base.constant),
                         _entered(_amount_key("v", preset), base.variable),
                         _entered(_amount_key("m", preset), base.surplus))


def segment_rows(amounts: dict[str, dict[str, float]], names: dict[str, str], part_names: dict[str, str],
                 highlight: str, as_share: bool) -> Rows:
    """One row per segment of each service's bar, with where it starts and ends on the axis."""
    rows = []
    for key, parts in amounts.items():
        total = sum(parts.values())
        start = 0.0
        for part, amount in parts.items():
            share = amount / total
            width = share if as_share else amount
            # A narrow segment has room for its number only; the legend and tooltip still name it.
            text = (f"{part} {share:.0%}" if share >= 0.15 else f"{share:.0%}") if as_share else f"{amount:,.0f}"
            rows.append({"row": names[key], "part": part_names[part], "amount": amount, "share": share,
                         "x0": start, "x1": start + width, "label": text,
                         "highlight": key == highlight})
            start += width
    return rows


def composition_rows(compositions: Mapping[str, value.ValueComposition], lang: str) -> Rows:
    """The table under the value-composition exhibit: every service with its value and ratios."""
    rows = []
    for preset in PRESETS:
        parts = compositions[preset]
        hours = value.LABOUR_HOURS[preset]
        rows.append({"service": _label(lang, f"presets.{preset}.label"), "c": f"{parts.constant:,.0f}",
                     "v": f"{parts.variable:,.0f}", "m": f"{parts.surplus:,.0f}", "w": f"{parts.value:,.0f}",
                     "mv": f"{parts.rate_of_surplus_value:.0%}", "cv": f"{parts.organic_composition:.2f}",
                     "profit": f"{parts.rate_of_profit:.0%}", "hours": f"{hours:g}",
                     "per_hour": f"{value.new_value_per_hour(parts, hours):,.0f}"})
    return rows


def _composition_columns(lang: str) -> dict[str, str]:
    key = "exhibits.service_value_composition"
    return {"service": _label(lang, "service"), **dict(_part_labels(lang)), "w": t(lang, f"{key}.value"),
            **_ratio_labels(lang), "profit": "m/(c + v)", "hours": t(lang, f"{key}.hours"),
            "per_hour": t(lang, f"{key}.per_hour")}


def value_composition(settings: Settings) -> None:
    """Exhibit: set c, v and m for a service product and see its value, m/v and c/v."""
    exhibit_frame(settings, "service_value_composition", _composition)


@st.fragment
def _composition(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.service_value_composition"
    preset = bound.segmented_control(st, t(lang, f"{key}.pick"), PRESETS, PRESETS[0], key="sv_preset", lang=lang,
                                     format_func=lambda p: _label(lang, f"presets.{p}.label"))
    base = value.VALUE_PRESETS[preset]
    hours = value.LABOUR_HOURS[preset]
    st.caption(_label(lang, f"presets.{preset}.unit", hours=hours))
    columns = st.columns(3)
    for column, part, default, minimum in ((columns[0], "c", base.constant, 0), (columns[1], "v", base.variable, 1),
                                           (columns[2], "m", base.surplus, 0)):
        _number_input(column, dict(_part_labels(lang))[part], _amount_key(part, preset), int(default), lang,
                      minimum, MAX_AMOUNT, step=STEPS[preset], help=t(lang, f"{key}.{part}_help"))

    parts = current_composition(preset)
    cols = st.columns(3)
    cols[0].metric(t(lang, f"{key}.value"), _yuan(lang, parts.value))
    ratios = _ratio_labels(lang)
    cols[1].metric(ratios["mv"], f"{parts.rate_of_surplus_value:.0%}")
    cols[2].metric(ratios["cv"], f"{parts.organic_composition:.2f}")
    st.markdown(t(lang, f"{key}.reading", c=parts.constant, v=parts.variable, m=parts.surplus, w=parts.value,
                  new=parts.new_value, profit=parts.rate_of_profit, hours=hours,
                  per_hour=value.new_value_per_hour(parts, hours)))

    amounts = {p: dict(zip("cvm", (c.constant, c.variable, c.surplus)))
               for p, c in ((p, current_composition(p)) for p in PRESETS)}
    names = {p: _label(lang, f"presets.{p}.label") for p in PRESETS}
    rows = segment_rows(amounts, names, dict(_part_labels(lang)), preset, as_share=True)
    _chart(rows, BAR_FIELDS, _composition_spec(lang, settings.scale), t(lang, f"{key}.alt"))
    st.markdown(t(lang, f"{key}.compare"))
    data_table(composition_rows({p: current_composition(p) for p in PRESETS}, lang), lang, _composition_columns(lang))


# ── Total utility = paid + unpaid ───────────────────────────────────────────

def current_split(preset: str) -> value.UtilitySplit:
    base = value.UTILITY_PRESETS[preset]
    return value.split_utility(_entered(_amount_key("paid", preset), base.paid),
                               _entered(_amount_key("unpaid", preset), base.unpaid))


def utility_rows(splits: Mapping[str, value.UtilitySplit], lang: str) -> Rows:
    """The table under the total-utility exhibit: every service's paid, unpaid and total utility."""
    return [{"service": _label(lang, f"utility.{p}.label"), "paid": f"{s.paid:,.0f}", "unpaid": f"{s.unpaid:,.0f}",
             "total": f"{s.total:,.0f}", "share": f"{s.unpaid_share:.0%}"} for p, s in ((p, splits[p]) for p in UTILITIES)]


def _utility_columns(lang: str) -> dict[str, str]:
    return {"service": _label(lang, "service"), "paid": _label(lang, "paid"), "unpaid": _label(lang, "unpaid"),
            "total": term_name("total-utility", lang), "share": t(lang, "exhibits.service_utility_split.unpaid_share")}


def utility_split(settings: Settings) -> None:
    """Exhibit: a service's total utility as its market value plus the external benefit nobody pays for."""
    exhibit_frame(settings, "service_utility_split", _utility)


@st.fragment
def _utility(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.service_utility_split"
    preset = bound.segmented_control(st, t(lang, f"{key}.pick"), UTILITIES, "vaccination", key="sv_utility", lang=lang,
                                     format_func=lambda p: _label(lang, f"utility.{p}.label"))
    st.caption(_label(lang, f"utility.{preset}.note"))
    base = value.UTILITY_PRESETS[preset]
    columns = st.columns(2)
    for column, part, default, minimum in ((columns[0], "paid", base.paid, 1), (columns[1], "unpaid", base.unpaid, 0)):
        _number_input(column, _label(lang, part), _amount_key(part, preset), int(default), lang, minimum, MAX_AMOUNT,
                      step=10, help=t(lang, f"{key}.{part}_help"))

    split = current_split(preset)
    cols = st.columns(3)
    cols[0].metric(term_name("total-utility", lang), _yuan(lang, split.total))
    cols[1].metric(t(lang, f"{key}.unpaid_share"), f"{split.unpaid_share:.0%}")
    cols[2].metric(t(lang, f"{key}.multiple"), f"{split.total_to_market:.2f}×")
    st.markdown(t(lang, f"{key}.reading", service=_label(lang, f"utility.{preset}.label"), paid=split.paid,
                  unpaid=split.unpaid, total=split.total, share=split.unpaid_share))

    amounts = {p: {"paid": s.paid, "unpaid": s.unpaid} for p, s in ((p, current_split(p)) for p in UTILITIES)}
    names = {p: _label(lang, f"utility.{p}.label") for p in UTILITIES}
    rows = segment_rows(amounts, names, dict(_paid_labels(lang)), preset, as_share=False)
    _chart(rows, BAR_FIELDS, _utility_spec(lang, settings.scale), t(lang, f"{key}.alt"))
    data_table(utility_rows({p: current_split(p) for p in UTILITIES}, lang), lang, _utility_columns(lang))


# ── Comparative advantage ───────────────────────────────────────────────────

TRADE_FIELDS = ("kind", "label", "x", "shape_index", "anchor", "lo", "hi")


def _goods(case: str) -> tuple[str, str]:
    first_economy = next(iter(trade.CASES[case].values()))
    return tuple(first_economy)  # type: ignore[return-value]


def _good(lang: str, good: str) -> str:
    return _label(lang, f"goods.{good}")


def _economy(lang: str, economy: str) -> str:
    return _label(lang, f"economies.{economy}")


def _hours_key(case: str, economy: str, good: str) -> str:
    return f"sv_h_{case}_{economy}_{good}"


def current_hours(case: str) -> dict[str, dict[str, float]]:
    base = trade.CASES[case]
    return {e: {g: float(_entered(_hours_key(case, e, g), hours)) for g, hours in goods.items()}
            for e, goods in base.items()}


def _opening_terms(case: str, low: float, high: float) -> float:
    """Where the terms-of-trade input starts: the case's own terms if they still lie in the range the
    reader's hours allow, else the middle of that range."""
    preferred = trade.OPENING_TERMS[case]
    if low <= preferred <= high:
        return preferred
    middle = (low + high) / 2
    rounded = round(middle, 3)   # a tidy number, unless the range is too narrow to hold one
    return rounded if low <= rounded <= high else middle


def advantage_lines(hours: dict[str, dict[str, float]], lang: str) -> list[str]:
    """Who has the absolute advantage in each good, and, when one economy leads in both, where its
    advantage is heavier and the other's disadvantage lighter (两优取其重，两劣取其轻)."""
    key = "exhibits.service_trade_advantage"
    (first, second), goods = trade.economies_and_goods(hours)
    leaders = trade.absolute_advantage(hours)
    lines = []
    for good in goods:
        leader = leaders[good]
        if leader is None:
            lines.append(t(lang, f"{key}.absolute_tie", good=_good(lang, good), hours=hours[first][good]))
        else:
            other = second if leader == first else first
            lines.append(t(lang, f"{key}.absolute", good=_good(lang, good), leader=_economy(lang, leader),
                           less=hours[leader][good], more=hours[other][good]))
    both = leaders[goods[0]] if leaders[goods[0]] == leaders[goods[1]] else None
    if both is not None:
        other = second if both == first else first
        # The leader's hours as a share of the other's, for each good (the model gives first over second).
        shares = {g: share if both == first else 1 / share for g, share in trade.relative_hours(hours).items()}
        if not math.isclose(shares[goods[0]], shares[goods[1]], rel_tol=1e-12):
            heavy = min(shares, key=shares.get)
            light = goods[1] if heavy == goods[0] else goods[0]
            lines.append(t(lang, f"{key}.both", leader=_economy(lang, both), other=_economy(lang, other),
                           heavy=_good(lang, heavy), heavy_share=shares[heavy], light=_good(lang, light),
                           light_share=shares[light]))
    elif None not in leaders.values():
        lines.append(t(lang, f"{key}.split"))
    return lines


def cost_rows(hours: dict[str, dict[str, float]], choice: dict[str, str] | None, lang: str) -> Rows:
    """One row per economy: its hours, its opportunity costs and what it should specialise in."""
    _, goods = trade.economies_and_goods(hours)
    costs = trade.opportunity_costs(hours)
    none = t(lang, "exhibits.service_trade_advantage.no_specialisation")
    return [{"economy": _economy(lang, e), "h0": f"{hours[e][goods[0]]:,.0f}", "h1": f"{hours[e][goods[1]]:,.0f}",
             "oc0": f"{costs[e][goods[0]]:.3f}", "oc1": f"{costs[e][goods[1]]:.3f}",
             "specialise": _good(lang, choice[e]) if choice else none} for e in hours]


HOURS_COLUMNS = ("h0", "h1")     # the reader has just typed the hours, so the table above the chart leaves them out


def _trade_columns(lang: str, case: str) -> dict[str, str]:
    key = "exhibits.service_trade_advantage"
    g0, g1 = _goods(case)
    return {"economy": _label(lang, "economy"),
            "h0": t(lang, f"{key}.hours_column", good=_good(lang, g0)),
            "h1": t(lang, f"{key}.hours_column", good=_good(lang, g1)),
            "oc0": t(lang, f"{key}.cost_column", good=_good(lang, g0), other=_good(lang, g1)),
            "oc1": t(lang, f"{key}.cost_column", good=_good(lang, g1), other=_good(lang, g0)),
            "specialise": t(lang, f"{key}.specialise")}


def trade_advantage(settings: Settings) -> None:
    """Exhibit: two economies, two goods or services; edit the hours and see who should specialise in what."""
    exhibit_frame(settings, "service_trade_advantage", _trade)


@st.fragment
def _trade(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.service_trade_advantage"
    case = bound.segmented_control(st, t(lang, f"{key}.pick"), CASES, CASES[0], key="sv_case", lang=lang,
                                   format_func=lambda c: _label(lang, f"cases.{c}"))
    st.caption(_label(lang, f"cases.{case}_note"))
    unit = _label(lang, f"cases.{case}_unit")
    base = trade.CASES[case]
    g0, g1 = _goods(case)
    for economy, goods in base.items():
        columns = st.columns(2)
        for column, good in zip(columns, (g0, g1)):
            _number_input(column, t(lang, f"{key}.hours_input", economy=_economy(lang, economy), good=_good(lang, good),
                                    unit=unit),
                          _hours_key(case, economy, good), int(goods[good]), lang, 1, MAX_HOURS, step=1)

    hours = current_hours(case)
    try:
        choice: dict[str, str] | None = trade.comparative_advantage(hours)
    except trade.NoComparativeAdvantage as equal:
        choice = None
        st.warning(t(lang, f"{key}.no_advantage", first=_good(lang, g0), second=_good(lang, g1), ratio=equal.ratio))
    costs = trade.opportunity_costs(hours)
    if choice:
        first, second = base
        st.success(t(lang, f"{key}.verdict", a=_economy(lang, first), a_good=_good(lang, choice[first]),
                     b=_economy(lang, second), b_good=_good(lang, choice[second]), a_cost=costs[first][choice[first]],
                     b_cost=costs[second][choice[first]]))
    st.markdown("\n".join(f"- {line}" for line in advantage_lines(hours, lang)))
    columns = _trade_columns(lang, case)
    table = cost_rows(hours, choice, lang)
    st.markdown(markdown_table(table, {k: v for k, v in columns.items() if k not in HOURS_COLUMNS}))

    leftmost = min(hours, key=lambda e: costs[e][g0])
    chart_rows = [{"kind": "economy", "label": f"{_economy(lang, e)} {costs[e][g0]:.3f}", "x": costs[e][g0],
                   "shape_index": i, "anchor": "start" if e == leftmost else "end", "lo": None, "hi": None}
                  for i, e in enumerate(hours)]
    if choice:
        low, high = trade.terms_of_trade_range(hours)
        # The key carries the range, so new hours give a fresh input that starts inside the new range.
        terms = _number_input(st, t(lang, f"{key}.terms", first=_good(lang, g0), second=_good(lang, g1)),
                              f"sv_terms_{case}_{low:.6g}_{high:.6g}", _opening_terms(case, low, high), lang,
                              low, high, step=0.01, format="%.3f",
                              help=t(lang, f"{key}.terms_help", low=low, high=high))
        st.markdown(t(lang, f"{key}.range", first=_good(lang, g0), second=_good(lang, g1), low=low, high=high))
        gains = trade.gains_from_trade(hours, terms)
        metric_columns = st.columns(2)
        for column, (economy, gain) in zip(metric_columns, gains.items()):
            column.metric(t(lang, f"{key}.metric.saved", economy=_economy(lang, economy)),
                          t(lang, f"{key}.hours_value", hours=gain.hours_saved, unit=unit),
                          help=t(lang, f"{key}.saved", economy=_economy(lang, economy), good=_good(lang, gain.imports)))
        st.markdown("\n".join(
            "- " + t(lang, f"{key}.gain_line", economy=_economy(lang, e), export=_good(lang, g.exports),
                     imported=_good(lang, g.imports), via=g.hours_via_trade, home=g.hours_at_home, saved=g.hours_saved,
                     unit=unit)
            for e, g in gains.items()))
        chart_rows.append({"kind": "terms", "label": f"{term_name('terms-of-trade', lang)} {terms:.3f}", "x": terms,
                           "shape_index": None, "anchor": "start" if terms <= (low + high) / 2 else "end",
                           "lo": low, "hi": high})
        for row in chart_rows:
            row["lo"], row["hi"] = low, high
    _chart(chart_rows, TRADE_FIELDS, charts.trade_spec(_trade_labels(lang, case), settings.scale),
           t(lang, f"{key}.alt"))
    data_table(table, lang, columns)


def handout_tables(lang: str) -> list[dict]:
    """The three exhibits' default data, for the printable handout: the three services' preset value
    composition, the three services' preset utility split, and Ricardo's case, which the calculator opens on."""
    case = CASES[0]
    hours = trade.CASES[case]
    return [{"title": t(lang, "exhibits.service_value_composition.title"), "columns": _composition_columns(lang),
             "rows": composition_rows(value.VALUE_PRESETS, lang),
             "source": t(lang, "exhibits.service_value_composition.source")},
            {"title": t(lang, "exhibits.service_utility_split.title"), "columns": _utility_columns(lang),
             "rows": utility_rows(value.UTILITY_PRESETS, lang),
             "source": t(lang, "exhibits.service_utility_split.source")},
            {"title": t(lang, "exhibits.service_trade_advantage.title"), "columns": _trade_columns(lang, case),
             "rows": cost_rows(hours, trade.comparative_advantage(hours), lang),
             "source": t(lang, "exhibits.service_trade_advantage.source")}]
