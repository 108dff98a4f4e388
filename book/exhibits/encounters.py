"""Exhibits for the service-encounters chapter: counting moments of truth, and a service-recovery teaching model."""
from __future__ import annotations

import streamlit as st

from models import encounters
from models.encounters import HISTORIES, RESPONSES, SEVERITIES

from ..charts import encounters as charts
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, data_table, exhibit_frame

MOMENTS = "exhibits.moments_of_truth"
RECOVERY = "exhibits.service_recovery"
# Customers a year the reader can choose, from a local clinic to a national carrier.
CUSTOMER_CHOICES = (100_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000,
                    100_000_000)
MAX_CONTACTS = 20
DEFAULT_SUCCESS = 99.0          # per cent of contacts that go well, as the exhibit opens
DEFAULT_RECOVERY = ("minor", "first", "full")   # the one case that shows the paradox
OUTCOME_BOX = {"paradox": st.success, "partly_restored": st.info, "double_deviation": st.error}


def _scales() -> set[float]:
    return {Settings(size=size, mode=mode).scale for size in CHOICES["size"] for mode in CHOICES["mode"]}


def big_number(value: float, lang: str) -> str:
    """A count as readers of `lang` say it: 5000 万 and 13.7 万 in Chinese, 50 million and 136,986 in English."""
    for unit in ("large", "medium"):
        step = float(t(lang, f"encounters.numbers.{unit}_step"))
        if value >= step:
            x = value / step
            return t(lang, f"encounters.numbers.{unit}", x=f"{x:.0f}" if x >= 100 else f"{x:.3g}")
    return f"{value:,.0f}"


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


# ── Moments of truth ─────────────────────────────────────────────────────────────────────────

def _moments_labels(lang: str) -> tuple[tuple[str, str], ...]:
    return (("contacts", t(lang, f"{MOMENTS}.axis_contacts")), ("share", t(lang, f"{MOMENTS}.axis_share")))


def moments_rows(customers: float, contacts: int, seconds: float, success: float, lang: str) -> Rows:
    """The exhibit's calculation, step by step: what goes in, how it is computed and what comes out."""
    m = encounters.moments_of_truth(customers, contacts, seconds)
    failed = encounters.failed_moments(m.per_year, success / 100)
    share = encounters.share_meeting_a_failure(contacts, success / 100)
    steps = (("customers", big_number(customers, lang)), ("contacts", f"{contacts}"), ("seconds", f"{seconds:g}"),
             ("success", f"{success:.1f}%"), ("per_year", big_number(m.per_year, lang)),
             ("per_day", big_number(m.per_day, lang)), ("hours", big_number(m.contact_hours, lang)),
             ("failed", big_number(failed, lang)), ("share", _percent(share)))
    return [{"quantity": t(lang, f"{MOMENTS}.rows.{name}"), "formula": t(lang, f"{MOMENTS}.formulas.{name}"),
             "value": value} for name, value in steps]


def failure_curve(contacts: int, success: float, lang: str) -> Rows:
    """The share meeting a failure for 1 to MAX_CONTACTS contacts, with the reader's number marked."""
    rows = []
    for k in range(1, MAX_CONTACTS + 1):
        share = encounters.share_meeting_a_failure(k, success / 100)
        rows.append({"contacts": k, "share": round(100 * share, 2), "selected": k == contacts,
                     "label": t(lang, f"{MOMENTS}.point", contacts=k, share=_percent(share)) if k == contacts else ""})
    return rows


def moments_of_truth(settings: Settings) -> None:
    """Exhibit: customers × contacts = moments of truth, and how many of them go wrong."""
    exhibit_frame(settings, "moments_of_truth", _moments)


@st.fragment
def _moments(settings: Settings) -> None:
    lang = settings.lang
    customers = bound.select_slider(st, t(lang, f"{MOMENTS}.customers"), CUSTOMER_CHOICES, encounters.SAS_CUSTOMERS,
                                    key="en_customers", lang=lang, format_func=lambda n: big_number(n, lang))
    left, right = st.columns(2)
    contacts = bound.slider(left, t(lang, f"{MOMENTS}.contacts"), 1, MAX_CONTACTS, encounters.SAS_CONTACTS, step=1,
                            key="en_contacts", lang=lang)
    seconds = bound.slider(right, t(lang, f"{MOMENTS}.seconds"), 5, 300, encounters.SAS_SECONDS, step=5,
                           key="en_seconds", lang=lang)
    success = bound.slider(st, t(lang, f"{MOMENTS}.success"), 90.0, 100.0, DEFAULT_SUCCESS, step=0.1, format="%.1f",
                           key="en_success", lang=lang, help=t(lang, f"{MOMENTS}.success_help"))

    m = encounters.moments_of_truth(customers, contacts, seconds)
    failed = encounters.failed_moments(m.per_year, success / 100)
    share = encounters.share_meeting_a_failure(contacts, success / 100)
    cols = st.columns(2)
    cols[0].metric(t(lang, f"{MOMENTS}.per_year"), big_number(m.per_year, lang))
    cols[1].metric(t(lang, f"{MOMENTS}.per_day"), big_number(m.per_day, lang))
    cols = st.columns(2)
    cols[0].metric(t(lang, f"{MOMENTS}.failed"), big_number(failed, lang))
    cols[1].metric(t(lang, f"{MOMENTS}.share"), _percent(share))
    if (customers, contacts) == (encounters.SAS_CUSTOMERS, encounters.SAS_CONTACTS):
        st.info(t(lang, f"{MOMENTS}.carlzon"))
    st.markdown(t(lang, f"{MOMENTS}.reading", customers=big_number(customers, lang), contacts=contacts,
                  per_year=big_number(m.per_year, lang), per_day=big_number(m.per_day, lang),
                  hours=big_number(m.contact_hours, lang), per_customer=f"{m.seconds_per_customer:g}",
                  success=f"{success:.1f}", failed=big_number(failed, lang), share=_percent(share)))
    rows = failure_curve(contacts, success, lang)
    chart(charts.failure_share_spec(_moments_labels(lang), settings.scale),
           {field: [r[field] for r in rows] for field in ("contacts", "share", "selected", "label")},
           t(lang, f"{MOMENTS}.alt"))
    data_table(moments_rows(customers, contacts, seconds, success, lang), lang, _moments_columns(lang))


def _moments_columns(lang: str) -> dict[str, str]:
    return {name: t(lang, f"{MOMENTS}.{name}_col") for name in ("quantity", "formula", "value")}


# ── Service recovery ─────────────────────────────────────────────────────────────────────────

def _choice(lang: str, group: str, value: str) -> str:
    return t(lang, f"encounters.{group}.{value}")


def _stages(lang: str) -> tuple[str, ...]:
    return tuple(_choice(lang, "stages", s) for s in ("before", "after_failure", "after_response"))


def _responses(lang: str) -> tuple[str, ...]:
    return tuple(_choice(lang, "responses", r) for r in RESPONSES)


def _recovery_spec(lang: str, scale: float) -> dict:
    labels = tuple((name, t(lang, f"{RECOVERY}.{name}_label")) for name in ("satisfaction", "response", "stage",
                                                                               "baseline"))
    return charts.recovery_spec(labels, _stages(lang), _responses(lang), scale)


def recovery_rows(severity: str, history: str, lang: str) -> Rows:
    """Every response to the chosen failure: satisfaction before, after the failure and after the response."""
    rows = []
    for response in RESPONSES:
        path = encounters.recovery_path(severity, history, response)
        rows.append({"response_id": response, "response": _choice(lang, "responses", response),
                     "before": path.before, "after_failure": path.after_failure,
                     "after_response": path.after_response, "change": f"{path.change:+.1f}",
                     "outcome": t(lang, f"{RECOVERY}.outcomes.{path.outcome}")})
    return rows


def recovery_chart_data(rows: Rows, chosen: str, lang: str) -> dict[str, list]:
    stages = _stages(lang)
    data: dict[str, list] = {"response": [], "stage": [], "step": [], "satisfaction": [], "selected": [],
                             "baseline": []}
    for row in rows:
        for step, field in enumerate(("before", "after_failure", "after_response")):
            data["response"].append(row["response"])
            data["stage"].append(stages[step])
            data["step"].append(step)
            data["satisfaction"].append(row[field])
            data["selected"].append(row["response_id"] == chosen)
            data["baseline"].append(encounters.BEFORE)
    return data


def service_recovery(settings: Settings) -> None:
    """Exhibit: how a firm's response to a failure moves satisfaction, and when the recovery paradox appears."""
    exhibit_frame(settings, "service_recovery", _recovery, t(settings.lang, f"{RECOVERY}.scenario"))


@st.fragment
def _recovery(settings: Settings) -> None:
    lang = settings.lang
    default_severity, default_history, default_response = DEFAULT_RECOVERY
    left, right = st.columns(2)
    severity = bound.segmented_control(left, t(lang, f"{RECOVERY}.severity"), SEVERITIES, default_severity,
                                       key="en_severity", lang=lang,
                                       format_func=lambda v: _choice(lang, "severities", v))
    history = bound.segmented_control(right, t(lang, f"{RECOVERY}.history"), HISTORIES, default_history,
                                      key="en_history", lang=lang, format_func=lambda v: _choice(lang, "histories", v))
    response = bound.radio(st, t(lang, f"{RECOVERY}.response"), RESPONSES, RESPONSES.index(default_response),
                           key="en_response", lang=lang, horizontal=True,
                           format_func=lambda v: _choice(lang, "responses", v))
    path = encounters.recovery_path(severity, history, response)

    cols = st.columns(3)
    cols[0].metric(t(lang, f"{RECOVERY}.after_failure"), f"{path.after_failure:.1f}")
    cols[1].metric(t(lang, f"{RECOVERY}.after_response"), f"{path.after_response:.1f}")
    cols[2].metric(t(lang, f"{RECOVERY}.change"), f"{path.change:+.1f}")
    OUTCOME_BOX[path.outcome](t(lang, f"{RECOVERY}.verdicts.{path.outcome}", before=f"{path.before:.1f}",
                                failure=f"{path.after_failure:.1f}", after=f"{path.after_response:.1f}"))
    if path.outcome == "paradox":
        st.caption(t(lang, f"{RECOVERY}.paradox_note"))
    rows = recovery_rows(severity, history, lang)
    chart(_recovery_spec(lang, settings.scale), recovery_chart_data(rows, response, lang), t(lang, f"{RECOVERY}.alt"))
    data_table(rows, lang, _recovery_columns(lang))


def _recovery_columns(lang: str) -> dict[str, str]:
    stages = dict(zip(("before", "after_failure", "after_response"), _stages(lang)))
    return {"response": t(lang, f"{RECOVERY}.response_label"), **stages,
            "change": t(lang, f"{RECOVERY}.change"), "outcome": t(lang, f"{RECOVERY}.outcome_label")}


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            charts.failure_share_spec(_moments_labels(lang), scale)
            _recovery_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """Both exhibits' default data, for the printable handout."""
    severity, history, _ = DEFAULT_RECOVERY
    return [{"title": t(lang, f"{MOMENTS}.title"), "columns": _moments_columns(lang),
             "rows": moments_rows(encounters.SAS_CUSTOMERS, encounters.SAS_CONTACTS, encounters.SAS_SECONDS,
                                  DEFAULT_SUCCESS, lang),
             "source": t(lang, f"{MOMENTS}.source")},
            {"title": t(lang, f"{RECOVERY}.title"), "columns": _recovery_columns(lang),
             "rows": recovery_rows(severity, history, lang), "source": t(lang, f"{RECOVERY}.source")}]
