"""The customer lab page: a reader's transactions or customer list cut into the customer pyramid, with the
Pareto curve, each tier's share of customers and revenue, and downloads."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from models import customer_data, pyramid

from ..charts import loyalty as charts
from ..i18n import t
from ..render import literal
from ..settings import Settings
from .reading import Upload, find_column
from .ui import excluded_notice, results_download, template_buttons, upload_box
from ..exhibits.common import chart, columns

LAB = "customers"
KEY = "labs.customers"
CHART_KEY = "exhibits.loyalty_pyramid"      # the loyalty chapter's chart labels, reused as they are
RESULT_KEY = "lab_customers_table"
KEPT_TABLES = 4                             # computed tables kept per session (columns × periods)
DEFAULT_CUTS = (1.0, 4, 15)                 # percent of customers: VIP, major, ordinary (the course material)
ROLES = ("customer", "amount", "date")
ALIASES = {"customer": customer_data.CUSTOMER_ALIASES, "amount": customer_data.AMOUNT_ALIASES,
           "date": customer_data.DATE_ALIASES}
EXAMPLE_ROWS = [["C0001", "1280.00", "2024-01-05"], ["C0002", "¥356.50", "2024-01-06"],
                ["C0001", "-80", "2024-01-20"]]


def template_columns(lang: str) -> list[str]:
    return [t(lang, f"{KEY}.template.{role}") for role in ROLES]


def _pick_columns(upload: Upload, lang: str) -> dict[str, str | None]:
    """The reader's choice of the customer, amount and (optional) date columns, guessed from the headers."""
    columns = list(upload.frame.columns)
    token = abs(hash((upload.name, tuple(columns)))) % 10**8     # new file, new guesses
    picks = {}
    cols = st.columns(3)
    for col, role in zip(cols, ROLES):
        options = [None, *columns] if role == "date" else columns     # the date is optional
        guess = find_column(columns, ALIASES[role])
        if guess is not None:
            index = options.index(guess)
        else:
            index = 0 if role == "date" else None                       # no date, or ask for a pick
        picks[role] = col.selectbox(t(lang, f"{KEY}.pick_{role}"), options, index=index, key=f"cl_{role}_{token}",
                                    placeholder=t(lang, f"{KEY}.pick_placeholder"),
                                    format_func=lambda c: t(lang, f"{KEY}.no_date") if c is None else c)
    return picks


def _table(upload: Upload, picks: dict, period) -> customer_data.CustomerTable:
    """Customers from the file, computed once per file, columns and period (the whole period is always
    wanted too, for the date range, so a few are kept)."""
    wanted = (picks["customer"], picks["amount"], picks["date"], period)
    stored = st.session_state.get(RESULT_KEY)
    if stored is None or stored[0] is not upload:
        stored = (upload, {})
        st.session_state[RESULT_KEY] = stored
    tables = stored[1]
    if wanted not in tables:
        if len(tables) >= KEPT_TABLES:
            tables.pop(next(iter(tables)))
        tables[wanted] = customer_data.customer_table(upload.frame, *wanted)
    return tables[wanted]


def _period(table: customer_data.CustomerTable, lang: str, token: str):
    """A date range to restrict the analysis to, offered when the file has dates."""
    if table.first_date is None:
        return None
    first, last = table.first_date.date(), table.last_date.date()
    chosen = st.date_input(t(lang, f"{KEY}.period"), value=(first, last), min_value=first, max_value=last,
                           key=f"cl_period_{token}", help=t(lang, f"{KEY}.period_help"))
    if isinstance(chosen, (tuple, list)) and len(chosen) == 2 and (chosen[0], chosen[1]) != (first, last):
        return tuple(pd.Timestamp(d) for d in chosen)
    return None


def customer_lab(settings: Settings) -> None:
    lang = settings.lang
    st.markdown(t(lang, f"{KEY}.format"))
    template_buttons(LAB, template_columns(lang), EXAMPLE_ROWS, lang)
    upload = upload_box(LAB, settings)
    if upload is None:
        return
    picks = _pick_columns(upload, lang)
    if picks["customer"] is None or picks["amount"] is None:
        st.info(t(lang, f"{KEY}.pick_first"), icon=":material/touch_app:")
        return
    chosen = [c for c in picks.values() if c is not None]
    if len(set(chosen)) < len(chosen):
        st.error(t(lang, f"{KEY}.same_column"), icon=":material/error:")
        return
    table = _table(upload, picks, None)
    token = f"{abs(hash((upload.name, tuple(chosen)))) % 10**8}"
    period = _period(table, lang, token)
    if period is not None:
        table = _table(upload, picks, period)
    excluded_notice(table.excluded, lang, upload.name)
    if table.outside_period:
        st.caption(t(lang, f"{KEY}.outside_period", n=f"{table.outside_period:,}"))
    if table.customers.empty:
        st.error(t(lang, f"{KEY}.no_customers", file=literal(upload.name)), icon=":material/error:")
        return
    if table.customers["amount"].sum() == 0:
        st.error(t(lang, f"{KEY}.all_zero", file=literal(upload.name)), icon=":material/error:")
        return
    st.caption(t(lang, f"{KEY}.refunds"))
    _results(table, settings)


def _cut_sliders(lang: str) -> tuple[float, float, float]:
    cols = st.columns(3)
    vip = cols[0].slider(t(lang, f"{CHART_KEY}.vip"), 0.5, 5.0, DEFAULT_CUTS[0], step=0.5, format="%.1f", key="cl_vip")
    major = cols[1].slider(t(lang, f"{CHART_KEY}.major"), 1, 10, DEFAULT_CUTS[1], step=1, key="cl_major")
    ordinary = cols[2].slider(t(lang, f"{CHART_KEY}.ordinary"), 5, 30, DEFAULT_CUTS[2], step=1, key="cl_ordinary")
    return vip, major, ordinary


def _share(value: float) -> str:
    return f"{value:.1%}"


@st.fragment
def _results(table: customer_data.CustomerTable, settings: Settings) -> None:
    lang = settings.lang
    st.subheader(t(lang, f"{KEY}.pyramid_heading"), anchor="pyramid")
    st.caption(t(lang, f"{KEY}.try"))
    cuts_pct = _cut_sliders(lang)
    result = customer_data.pyramid_result(table.customers["amount"], tuple(c / 100 for c in cuts_pct))
    cols = st.columns(3)
    cols[0].metric(t(lang, f"{KEY}.customers"), f"{result.customers:,}",
                   delta=t(lang, f"{KEY}.rows_used", n=f"{table.used_rows:,}"), delta_color="off", delta_arrow="off")
    cols[1].metric(t(lang, f"{KEY}.total"), f"{result.total:,.2f}")
    cols[2].metric(t(lang, f"{KEY}.top20"), _share(result.top20))
    if table.first_date is not None:
        st.caption(t(lang, f"{KEY}.period_used", first=table.first_date.date().isoformat(),
                     last=table.last_date.date().isoformat()))
    tiers = tier_rows(result, lang)
    for column, tier in zip(st.columns(4), tiers):
        column.metric(t(lang, f"{CHART_KEY}.tier_metric", tier=tier["tier"]), _share(tier["revenue_share"]),
                      delta=t(lang, f"{CHART_KEY}.tier_delta", share=_share(tier["customer_share"])),
                      delta_color="off", delta_arrow="off")
    _chart(charts.pareto_spec(_labels(lang, ("axis_customers", "axis_revenue", "tier")), _tier_names(lang),
                              settings.scale), pareto_rows(result, tiers), t(lang, f"{CHART_KEY}.alt"))
    measures = (t(lang, f"{CHART_KEY}.customers"), t(lang, f"{CHART_KEY}.revenue"))
    _chart(charts.tier_bars_spec(_labels(lang, ("axis_share", "measure", "tier")), _tier_names(lang), measures,
                                 settings.scale), bar_rows(tiers, measures), t(lang, f"{CHART_KEY}.alt_bars"))
    frame = tier_table(tiers, lang)
    percent, money = st.column_config.NumberColumn(format="percent"), st.column_config.NumberColumn(format="accounting")
    st.dataframe(frame, hide_index=True, width="stretch", column_config={
        t(lang, f"{CHART_KEY}.customer_share"): percent, t(lang, f"{CHART_KEY}.revenue_share"): percent,
        t(lang, f"{KEY}.revenue"): money})
    results_download(frame, lang, "customer-tiers")
    with st.expander(t(lang, f"{KEY}.customer_list", n=f"{result.customers:,}")):
        customers = customer_list(table, cuts_pct, lang)
        st.dataframe(customers, hide_index=True, width="stretch",
                     column_config={t(lang, f"{KEY}.template.amount"): money})
        results_download(customers, lang, "customer-list")
    st.caption(t(lang, f"{KEY}.source"))


def _labels(lang: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, t(lang, f"{CHART_KEY}.{name}")) for name in names)


def _tier_names(lang: str) -> tuple[str, ...]:
    return tuple(t(lang, f"loyalty.tiers.{tier}") for tier in pyramid.TIERS)


def _chart(spec: dict, rows: list[dict], alt_text: str) -> None:
    chart(spec, columns(rows), alt_text)


def tier_rows(result: customer_data.PyramidResult, lang: str) -> list[dict]:
    """Per tier: its name, customers, shares of customers and revenue, and where it starts and ends."""
    rows = []
    for r in result.tiers.itertuples():
        rows.append({"id": r.tier, "tier": t(lang, f"loyalty.tiers.{r.tier}"), "customers": int(r.customers),
                     "customer_share": float(r.customer_share), "revenue": float(r.revenue),
                     "revenue_share": float(r.revenue_share),
                     "start": float(r.cumulative_customer_share - r.customer_share),
                     "end": float(r.cumulative_customer_share),
                     "cumulative_revenue": float(r.cumulative_revenue_share)})
    return rows


def pareto_rows(result: customer_data.PyramidResult, tiers: list[dict]) -> list[dict]:
    """The loyalty chapter's Pareto chart rows: the curve, a band per tier and a marked cut-off per tier."""
    rows = [{"kind": "curve", "x": float(x), "y": float(y)}
            for x, y in zip(result.curve["customer_share"], result.curve["revenue_share"])]
    rows += [{"kind": "band", "x": tier["start"], "x2": tier["end"], "tier": tier["tier"]}
             for tier in tiers if tier["customers"]]
    rows += [{"kind": "cut", "x": tier["end"], "y": tier["cumulative_revenue"], "tier": tier["tier"],
              "caption": f"{tier['tier']} {_share(tier['end'])} → {_share(tier['cumulative_revenue'])}"}
             for tier in tiers[:-1] if tier["customers"]]
    return [{"x2": None, "tier": None, "caption": None, **row} for row in rows]


def bar_rows(tiers: list[dict], measures: tuple[str, str]) -> list[dict]:
    return [{"tier": tier["tier"], "measure": name, "share": tier[field], "caption": f"{name} {_share(tier[field])}"}
            for tier in tiers for field, name in zip(("customer_share", "revenue_share"), measures)]


def tier_table(tiers: list[dict], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t(lang, f"{CHART_KEY}.tier"): [r["tier"] for r in tiers],
        t(lang, f"{KEY}.customers"): [r["customers"] for r in tiers],
        t(lang, f"{CHART_KEY}.customer_share"): [round(r["customer_share"], 4) for r in tiers],
        t(lang, f"{KEY}.revenue"): [round(r["revenue"], 2) for r in tiers],
        t(lang, f"{CHART_KEY}.revenue_share"): [round(r["revenue_share"], 4) for r in tiers],
    })


def customer_list(table: customer_data.CustomerTable, cuts_pct: tuple[float, float, float], lang: str) -> pd.DataFrame:
    """Every customer with their total, number of rows and tier, largest first: the download."""
    customers = table.customers
    tiers = pyramid.assign_tiers(customers["amount"], tuple(c / 100 for c in cuts_pct))
    return pd.DataFrame({
        t(lang, f"{KEY}.template.customer"): customers["customer"],
        t(lang, f"{KEY}.template.amount"): customers["amount"].round(2),
        t(lang, f"{KEY}.transactions"): customers["transactions"],
        t(lang, f"{CHART_KEY}.tier"): [t(lang, f"loyalty.tiers.{tier}") for tier in tiers],
    })

