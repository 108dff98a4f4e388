"""Exhibits for the loyalty chapter: profit by year of the relationship, retention and lifetime value,
why customers switch, and the customer pyramid on a synthetic customer base."""
from __future__ import annotations

import csv
from functools import lru_cache

import numpy as np
import streamlit as st

from models import loyalty, pyramid

from ..charts import loyalty as charts
from ..content import CONTENT, LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame

SWITCHING_DATA = CONTENT / "data" / "switching_reasons.csv"
CUSTOMER_DATA = CONTENT / "data" / "customer_sample.csv"


def _scales() -> set[float]:
    return {Settings(size=size).scale for size in CHOICES["size"]}


def _labels(lang: str, key: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, t(lang, f"{key}.{name}")) for name in names)


def _chart(spec: dict, rows: Rows, fields: tuple[str, ...], alt_text: str) -> None:
    chart(spec, columns(rows, fields), alt_text)


def _percent(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}%}"


def _share(value: float) -> str:
    """A share of customers as the sliders set it: 1%, 0.5%, 20% or 19.5%, never rounded to a whole number."""
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


# ── Profit by year of the relationship (Reichheld & Sasser 1990) ─────────────────────────────

PROFIT_KEY = "exhibits.loyalty_profit_build"
PROFIT_FIELDS = ("kind", "year", "source", "order", "profit", "mid")
ALL_SOURCES = ("acquisition", *loyalty.SOURCE_IDS)
DEFAULT_YEARS = 7
LABEL_GAP = 0.06           # the least distance between two source names beside the last bar, as a share of the y range


def _source_names(lang: str) -> dict[str, str]:
    return {source: t(lang, f"loyalty.sources.{source}") for source in ALL_SOURCES}


def _profit_spec(lang: str, scale: float) -> dict:
    labels = (("year", t(lang, f"{PROFIT_KEY}.year")), ("profit", t(lang, f"{PROFIT_KEY}.profit")),
              ("source", t(lang, f"{PROFIT_KEY}.source_label")), ("running", t(lang, f"{PROFIT_KEY}.running")))
    return charts.profit_spec(labels, tuple(_source_names(lang).values()), scale)


def _label_heights(segments: list[tuple[str, float, float]], gap: float) -> list[tuple[str, float]]:
    """Each segment's middle, pushed up where needed so that no two names sit closer than `gap`."""
    placed: list[tuple[str, float]] = []
    for source, low, high in sorted(segments, key=lambda s: (s[1] + s[2]) / 2):
        mid = (low + high) / 2
        if placed and mid < placed[-1][1] + gap:
            mid = placed[-1][1] + gap
        placed.append((source, mid))
    return placed


def profit_rows(active: list[str], years: int, lang: str) -> Rows:
    """Bars by year and source, and the names of the sources beside the last bar (acquisition beside year 0)."""
    names = _source_names(lang)
    order = {source: i for i, source in enumerate(ALL_SOURCES)}
    profits = loyalty.profit_by_year(years, active)
    rows: Rows = [{"kind": "bar", "year": r["year"], "source": names[r["source"]], "order": order[r["source"]],
                   "profit": r["profit"]} for r in profits]
    top = max([0.0, *(sum(r["profit"] for r in profits if r["year"] == y) for y in range(1, years + 1))])
    gap = LABEL_GAP * (top + loyalty.ACQUISITION_COST)
    segments, height = [], 0.0
    for r in sorted((r for r in profits if r["year"] == years and r["profit"] > 0), key=lambda r: order[r["source"]]):
        segments.append((r["source"], height, height + r["profit"]))
        height += r["profit"]
    segments.append(("acquisition", -loyalty.ACQUISITION_COST, 0.0))
    rows += [{"kind": "label", "year": years if source != "acquisition" else 0, "source": names[source], "mid": mid}
             for source, mid in _label_heights(segments, gap)]
    return rows


def profit_table(active: list[str], years: int, lang: str) -> Rows:
    """One row per year: the profit from each source, the year's total and the running total."""
    profits = loyalty.profit_by_year(years, active)
    running = loyalty.cumulative_profit(profits, years)
    table = []
    for year, total in running.items():
        row = {"year": year, **{source: 0.0 for source in ALL_SOURCES}}
        for r in profits:
            if r["year"] == year:
                row[r["source"]] = r["profit"]
        row["total"] = sum(row[source] for source in ALL_SOURCES)
        row["running"] = total
        table.append(row)
    return table


def _profit_columns(lang: str) -> dict[str, str]:
    return {"year": t(lang, f"{PROFIT_KEY}.year"), **_source_names(lang),
            "total": t(lang, f"{PROFIT_KEY}.profit"), "running": t(lang, f"{PROFIT_KEY}.running")}


def profit_build(settings: Settings) -> None:
    """Exhibit: the profit one customer brings by year, stacked by Reichheld & Sasser's sources."""
    exhibit_frame(settings, "loyalty_profit_build", _profit, t(settings.lang, f"{PROFIT_KEY}.scenario"))


@st.fragment
def _profit(settings: Settings) -> None:
    lang = settings.lang
    names = _source_names(lang)
    active = bound.pills(st, t(lang, f"{PROFIT_KEY}.pick"), loyalty.SOURCE_IDS, loyalty.SOURCE_IDS, key="ly_sources",
                         lang=lang, format_func=names.get)
    years = bound.slider(st, t(lang, f"{PROFIT_KEY}.years"), 3, 10, DEFAULT_YEARS, step=1, key="ly_years", lang=lang)
    profits = loyalty.profit_by_year(years, active)
    running = loyalty.cumulative_profit(profits, years)
    last = sum(r["profit"] for r in profits if r["year"] == years)
    paid_back = loyalty.break_even_year(profits)
    left, middle, right = st.columns(3)
    left.metric(t(lang, f"{PROFIT_KEY}.last_year", year=years), f"{last:.0f}")
    middle.metric(t(lang, f"{PROFIT_KEY}.cumulative", year=years), f"{running[years]:.0f}")
    right.metric(t(lang, f"{PROFIT_KEY}.break_even"),
                 t(lang, f"{PROFIT_KEY}.break_even_value", year=paid_back) if paid_back else
                 t(lang, f"{PROFIT_KEY}.never"), help=t(lang, f"{PROFIT_KEY}.break_even_help"))
    _chart(_profit_spec(lang, settings.scale), profit_rows(active, years, lang), PROFIT_FIELDS,
           t(lang, f"{PROFIT_KEY}.alt"))
    if active:
        base = loyalty.PROFIT_SOURCES[0].first_year if "base-profit" in active else 0.0
        st.markdown(t(lang, f"{PROFIT_KEY}.reading", base=base, year=years, last=last))
    else:
        st.warning(t(lang, f"{PROFIT_KEY}.no_sources"))
    data_table(profit_table(active, years, lang), lang, _profit_columns(lang))


# ── Retention and customer lifetime value ───────────────────────────────────────────────────

CLV_KEY = "exhibits.loyalty_clv"
CLV_FIELDS = ("kind", "retention", "clv", "point", "caption")
HORIZONS = {"unlimited": None, "ten": 10, "five": 5}
RISE = 0.05
CURVE_RETENTION = [r / 100 for r in range(50, 96)]


def _clv_spec(lang: str, scale: float) -> dict:
    return charts.clv_spec(_labels(lang, CLV_KEY, ("axis_retention", "axis_clv", "now", "raised", "point")), scale)


def clv_rows(margin: float, retention: float, discount: float, periods: int | None, lang: str) -> Rows:
    """The value curve over retention from 50 % to 95 %, and the two marked points (now and 5 points higher)."""
    rows: Rows = [{"kind": "curve", "retention": r, "clv": round(loyalty.clv(margin, r, discount, periods), 6)}
                  for r in CURVE_RETENTION]
    for name, r in (("now", retention), ("raised", round(retention + RISE, 10))):
        value = loyalty.clv(margin, r, discount, periods)
        rows.append({"kind": "point", "retention": r, "clv": round(value, 6), "point": t(lang, f"{CLV_KEY}.{name}"),
                     "caption": f"{value:,.0f}"})
    return rows


def clv_table(margin: float, discount: float, periods: int | None, lang: str) -> Rows:
    return [{"retention": f"{r:.0%}",
             "clv": t(lang, f"{CLV_KEY}.yuan", value=loyalty.clv(margin, r, discount, periods)),
             "lifetime": t(lang, f"{CLV_KEY}.lifetime_value", years=loyalty.expected_lifetime(r))}
            for r in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)]


def _clv_columns(lang: str) -> dict[str, str]:
    return {"retention": t(lang, f"{CLV_KEY}.axis_retention"), "clv": t(lang, f"{CLV_KEY}.axis_clv"),
            "lifetime": t(lang, f"{CLV_KEY}.lifetime")}


def clv_exhibit(settings: Settings) -> None:
    """Exhibit: set margin, retention and discount rate; see lifetime value and what five more points add."""
    exhibit_frame(settings, "loyalty_clv", _clv)


@st.fragment
def _clv(settings: Settings) -> None:
    lang = settings.lang
    columns = st.columns(3)
    margin = bound.slider(columns[0], t(lang, f"{CLV_KEY}.margin"), 10, 500, 100, step=10, key="ly_margin", lang=lang)
    retention_pct = bound.slider(columns[1], t(lang, f"{CLV_KEY}.retention"), 50, 90, 80, step=1, key="ly_retention",
                                 lang=lang)
    discount_pct = bound.slider(columns[2], t(lang, f"{CLV_KEY}.discount"), 0, 20, 10, step=1, key="ly_discount",
                                lang=lang)
    horizon = bound.segmented_control(st, t(lang, f"{CLV_KEY}.horizon"), list(HORIZONS), "unlimited", key="ly_horizon",
                                      lang=lang, format_func=lambda h: t(lang, f"loyalty.horizons.{h}"))
    periods = HORIZONS[horizon]
    retention, discount = retention_pct / 100, discount_pct / 100
    gain = loyalty.retention_gain(retention, discount, rise=RISE, periods=periods)
    value, raised = margin * gain.multiple, margin * gain.raised_multiple
    left, middle, right = st.columns(3)
    left.metric(t(lang, f"{CLV_KEY}.clv"), t(lang, f"{CLV_KEY}.yuan", value=value))
    middle.metric(t(lang, f"{CLV_KEY}.clv_raised"), t(lang, f"{CLV_KEY}.yuan", value=raised),
                  delta=t(lang, f"{CLV_KEY}.gain", gain=gain.relative))
    right.metric(t(lang, f"{CLV_KEY}.lifetime"),
                 t(lang, f"{CLV_KEY}.lifetime_value", years=loyalty.expected_lifetime(retention)),
                 help=t(lang, f"{CLV_KEY}.lifetime_help"))
    label = (t(lang, f"{CLV_KEY}.multiple_unlimited") if periods is None else
             t(lang, f"{CLV_KEY}.multiple_finite", years=periods))
    st.markdown(t(lang, f"{CLV_KEY}.formula", m=margin, multiple=gain.multiple, clv=value, multiple_label=label,
                  raised=gain.raised, raised_multiple=gain.raised_multiple, gain=gain.relative))
    _chart(_clv_spec(lang, settings.scale), clv_rows(margin, retention, discount, periods, lang), CLV_FIELDS,
           t(lang, f"{CLV_KEY}.alt"))
    data_table(clv_table(margin, discount, periods, lang), lang, _clv_columns(lang))


# ── Why customers switch (Keaveney 1995) ────────────────────────────────────────────────────

SWITCH_KEY = "exhibits.loyalty_switching"
SWITCH_FIELDS = ("category", "share", "highlight", "value")


@lru_cache(maxsize=1)
def switching_reasons() -> tuple[dict, ...]:
    """The eight categories with their shares, in the file's order (largest share first)."""
    with open(SWITCHING_DATA, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return tuple({**row, "percent": int(row["percent"])} for row in rows)


def switching_rows(chosen: str, lang: str) -> Rows:
    control = {"firm": t(lang, f"{SWITCH_KEY}.control_firm"), "outside": t(lang, f"{SWITCH_KEY}.control_outside")}
    return [{"id": r["category"], "category": t(lang, f"loyalty.switching.{r['category']}"), "share": r["percent"],
             "value": f"{r['percent']}%", "highlight": r["category"] == chosen,
             "figure_source": t(lang, f"loyalty.figure_source.{r['figure_source']}"),
             "controllable": control[r["controllable"]]} for r in switching_reasons()]


def _switching_spec(lang: str, scale: float) -> dict:
    categories = tuple(t(lang, f"loyalty.switching.{r['category']}") for r in switching_reasons())
    return charts.switching_spec(_labels(lang, SWITCH_KEY, ("category", "axis_share")), categories, scale)


def _switching_columns(lang: str) -> dict[str, str]:
    return {"category": t(lang, f"{SWITCH_KEY}.category"), "value": t(lang, f"{SWITCH_KEY}.share"),
            "figure_source": t(lang, f"{SWITCH_KEY}.figure_source"),
            "controllable": t(lang, f"{SWITCH_KEY}.controllable")}


def switching(settings: Settings) -> None:
    """Exhibit: Keaveney's eight reasons for switching, with each one's share, incidents and controllability."""
    exhibit_frame(settings, "loyalty_switching", _switching)


@st.fragment
def _switching(settings: Settings) -> None:
    lang = settings.lang
    ids = [r["category"] for r in switching_reasons()]
    chosen = bound.segmented_control(st, t(lang, f"{SWITCH_KEY}.pick"), ids, ids[0], key="ly_reason", lang=lang,
                                     format_func=lambda c: t(lang, f"loyalty.switching.{c}"))
    rows = switching_rows(chosen, lang)
    row = next(r for r in rows if r["id"] == chosen)
    reason = next(r for r in switching_reasons() if r["category"] == chosen)
    left, right = st.columns(2)
    left.metric(t(lang, f"{SWITCH_KEY}.share"), row["value"])
    right.metric(t(lang, f"{SWITCH_KEY}.figure_source"), row["figure_source"])
    st.markdown(t(lang, f"{SWITCH_KEY}.examples", text=t(lang, f"loyalty.switching_examples.{chosen}")))
    st.info(t(lang, f"loyalty.control.{reason['controllable']}"))
    _chart(_switching_spec(lang, settings.scale), rows, SWITCH_FIELDS, t(lang, f"{SWITCH_KEY}.alt"))
    st.caption(t(lang, f"{SWITCH_KEY}.note", total=sum(r["share"] for r in rows)))
    data_table(rows, lang, _switching_columns(lang))


# ── The customer pyramid on a synthetic customer base ───────────────────────────────────────

PYRAMID_KEY = "exhibits.loyalty_pyramid"
PARETO_FIELDS = ("kind", "x", "y", "x2", "tier", "caption")
BAR_FIELDS = ("tier", "measure", "share", "caption")
DEFAULT_CUTS = (1.0, 4, 15)          # percent of customers: VIP, major, ordinary (the course material's pyramid)


@lru_cache(maxsize=1)
def customer_sample() -> tuple[np.ndarray, np.ndarray]:
    """The synthetic sample's amounts, largest first, and the cumulative share of sales after each customer."""
    with open(CUSTOMER_DATA, encoding="utf-8") as f:
        amounts = [float(r["annual_purchases_yuan"]) for r in csv.DictReader(line for line in f if line[0] != "#")]
    curve = pyramid.pareto_curve(amounts)
    return curve["amount"].to_numpy(), curve["revenue_share"].to_numpy()


def tier_rows(cuts_pct: tuple[float, float, float], lang: str) -> Rows:
    """Per tier: customers, share of customers, sales and share of sales, plus the cumulative shares."""
    amounts, cumulative = customer_sample()
    n = amounts.size
    sizes = pyramid.tier_sizes(n, tuple(c / 100 for c in cuts_pct))
    rows, start = [], 0
    for tier, size in zip(pyramid.TIERS, sizes):
        end = start + size
        revenue = float(amounts[start:end].sum())
        rows.append({"id": tier, "tier": t(lang, f"loyalty.tiers.{tier}"), "customers": size,
                     "customer_share": size / n, "revenue": revenue, "revenue_share": revenue / amounts.sum(),
                     "start": start / n, "end": end / n,
                     "cumulative_revenue": float(cumulative[end - 1]) if end else 0.0})
        start = end
    return rows


def pareto_rows(tiers: Rows) -> Rows:
    _, cumulative = customer_sample()
    n = cumulative.size
    rows: Rows = [{"kind": "curve", "x": 0.0, "y": 0.0}]
    rows += [{"kind": "curve", "x": (i + 1) / n, "y": float(y)} for i, y in enumerate(cumulative)]
    rows += [{"kind": "band", "x": tier["start"], "x2": tier["end"], "tier": tier["tier"]}
             for tier in tiers if tier["customers"]]
    rows += [{"kind": "cut", "x": tier["end"], "y": tier["cumulative_revenue"], "tier": tier["tier"],
              "caption": f"{tier['tier']} {_share(tier['end'])} → {tier['cumulative_revenue']:.1%}"}
             for tier in tiers[:-1] if tier["customers"]]
    return rows


def bar_rows(tiers: Rows, lang: str) -> Rows:
    measures = {"customer_share": t(lang, f"{PYRAMID_KEY}.customers"),
                "revenue_share": t(lang, f"{PYRAMID_KEY}.revenue")}
    return [{"tier": tier["tier"], "measure": name, "share": tier[field], "caption": f"{name} {tier[field]:.1%}"}
            for tier in tiers for field, name in measures.items()]


def _pyramid_table(tiers: Rows) -> Rows:
    return [{"tier": r["tier"], "customers": r["customers"], "customer_share": _percent(r["customer_share"]),
             "revenue": f"{r['revenue']:,.0f}", "revenue_share": _percent(r["revenue_share"])} for r in tiers]


def _pyramid_columns(lang: str) -> dict[str, str]:
    return {field: t(lang, f"{PYRAMID_KEY}.{label}") for field, label in (
        ("tier", "tier"), ("customers", "customer_count"), ("customer_share", "customer_share"),
        ("revenue", "revenue_yuan"), ("revenue_share", "revenue_share"))}


def _tier_names(lang: str) -> tuple[str, ...]:
    return tuple(t(lang, f"loyalty.tiers.{tier}") for tier in pyramid.TIERS)


def _pareto_spec(lang: str, scale: float) -> dict:
    return charts.pareto_spec(_labels(lang, PYRAMID_KEY, ("axis_customers", "axis_revenue", "tier")),
                              _tier_names(lang), scale)


def _bars_spec(lang: str, scale: float) -> dict:
    measures = (t(lang, f"{PYRAMID_KEY}.customers"), t(lang, f"{PYRAMID_KEY}.revenue"))
    return charts.tier_bars_spec(_labels(lang, PYRAMID_KEY, ("axis_share", "measure", "tier")),
                                 _tier_names(lang), measures, scale)


def pyramid_exhibit(settings: Settings) -> None:
    """Exhibit: the Pareto curve of a synthetic customer base, cut into the pyramid's tiers by sliders."""
    exhibit_frame(settings, "loyalty_pyramid", _pyramid, t(settings.lang, f"{PYRAMID_KEY}.scenario"))


@st.fragment
def _pyramid(settings: Settings) -> None:
    lang = settings.lang
    columns = st.columns(3)
    vip = bound.slider(columns[0], t(lang, f"{PYRAMID_KEY}.vip"), 0.5, 5.0, DEFAULT_CUTS[0], step=0.5, format="%.1f",
                       key="ly_vip", lang=lang)
    major = bound.slider(columns[1], t(lang, f"{PYRAMID_KEY}.major"), 1, 10, DEFAULT_CUTS[1], step=1, key="ly_major",
                         lang=lang)
    ordinary = bound.slider(columns[2], t(lang, f"{PYRAMID_KEY}.ordinary"), 5, 30, DEFAULT_CUTS[2], step=1,
                            key="ly_ordinary", lang=lang)
    tiers = tier_rows((vip, major, ordinary), lang)
    for column, tier in zip(st.columns(4), tiers):
        column.metric(t(lang, f"{PYRAMID_KEY}.tier_metric", tier=tier["tier"]), _percent(tier["revenue_share"]),
                      delta=t(lang, f"{PYRAMID_KEY}.tier_delta", share=_share(tier["customer_share"])),
                      delta_color="off", delta_arrow="off")
    amounts, _ = customer_sample()
    top = 1 - tiers[-1]["customer_share"]
    st.metric(t(lang, f"{PYRAMID_KEY}.top", share=_share(top)), _percent(1 - tiers[-1]["revenue_share"]))
    _chart(_pareto_spec(lang, settings.scale), pareto_rows(tiers), PARETO_FIELDS, t(lang, f"{PYRAMID_KEY}.alt"))
    _chart(_bars_spec(lang, settings.scale), bar_rows(tiers, lang), BAR_FIELDS, t(lang, f"{PYRAMID_KEY}.alt_bars"))
    st.markdown(t(lang, f"{PYRAMID_KEY}.reading", top20=pyramid.revenue_share(amounts, 0.2),
                  small_customers=tiers[-1]["customer_share"], small_revenue=tiers[-1]["revenue_share"]))
    data_table(_pyramid_table(tiers), lang, _pyramid_columns(lang))


# ── Shared: chart compilation and the printable handout ─────────────────────────────────────

def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            _profit_spec(lang, scale)
            _clv_spec(lang, scale)
            _switching_spec(lang, scale)
            _pareto_spec(lang, scale)
            _bars_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """Each exhibit's default data, for the printable handout."""
    key = PYRAMID_KEY
    return [
        {"title": t(lang, f"{PROFIT_KEY}.title"), "columns": _profit_columns(lang),
         "rows": profit_table(list(loyalty.SOURCE_IDS), DEFAULT_YEARS, lang),
         "source": t(lang, f"{PROFIT_KEY}.source")},
        {"title": t(lang, f"{CLV_KEY}.title"), "columns": _clv_columns(lang), "rows": clv_table(100, 0.10, None, lang),
         "source": t(lang, f"{CLV_KEY}.source")},
        {"title": t(lang, f"{SWITCH_KEY}.title"), "columns": _switching_columns(lang),
         "rows": switching_rows("core-failure", lang), "source": t(lang, f"{SWITCH_KEY}.source")},
        {"title": t(lang, f"{key}.title"), "columns": _pyramid_columns(lang),
         "rows": _pyramid_table(tier_rows(DEFAULT_CUTS, lang)), "source": t(lang, f"{key}.source")},
    ]
