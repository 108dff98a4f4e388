"""Exhibits for the New Public Service chapter: the three paradigms side by side, five practices on
Arnstein's ladder of citizen participation, and a government service centre against the zone of tolerance."""
from __future__ import annotations

import streamlit as st

from models import public_service as ps
from models.public_service import Design

from ..charts import public_service as charts
from ..charts import zones
from ..content import LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame, term_name

PARADIGMS = "exhibits.ps_paradigms"
LADDER = "exhibits.ps_ladder"
CENTRE = "exhibits.ps_centre"
TEXT = "public_service"
PARADIGM_TERMS = {"opa": "old-public-administration", "npm": "new-public-management", "nps": "new-public-service"}
ROWS_KEY, CASE_KEY = "ps_rows", "ps_case"
PRACTICE_KEY, DESIGNS_KEY = "ps_practice", "ps_designs"
GROUP_KEY = "ps_group"
DEFAULT_PRACTICE = "hearing"          # consultation: the rung most real practices reach
DESIGN_FIELDS = ("power", "purpose", "seats", "voice")
VERDICT_BOX = {"non-participation": st.error, "tokenism": st.info, "citizen-power": st.success}


def _scales() -> set[float]:
    return {Settings(size=size, mode=mode).scale for size in CHOICES["size"] for mode in CHOICES["mode"]}


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            _ladder_spec(lang, scale)
            _centre_spec(lang, scale)


# ── The three paradigms side by side ──────────────────────────────────────────────────────────

def paradigm_name(paradigm: str, lang: str) -> str:
    return term_name(PARADIGM_TERMS[paradigm], lang)


def cell(row: str, paradigm: str, lang: str) -> str:
    return t(lang, f"{TEXT}.cells.{row}.{paradigm}")


def case_text(case: str, paradigm: str, aspect: str, lang: str) -> str:
    return t(lang, f"{TEXT}.cases.{case}.{paradigm}.{aspect}")


def paradigm_rows(comparison: ps.Comparison, lang: str) -> Rows:
    """The chosen rows of the table, then the case's three aspects, one dict per line of the table."""
    rows = [{"row": t(lang, f"{TEXT}.rows.{r}"), **{p: cell(r, p, lang) for p in ps.PARADIGMS}}
            for r in comparison.rows]
    label = t(lang, f"{TEXT}.cases.{comparison.case}.label")
    rows += [{"row": f"{label} · {t(lang, f'{TEXT}.aspects.{a}')}",
              **{p: case_text(comparison.case, p, a, lang) for p in ps.PARADIGMS}} for a in ps.CASE_ASPECTS]
    return rows


def _paradigm_columns(lang: str) -> dict[str, str]:
    return {"row": t(lang, f"{PARADIGMS}.row_col"), **{p: paradigm_name(p, lang) for p in ps.PARADIGMS}}


def paradigm_compare(settings: Settings) -> None:
    """Exhibit: pick rows of the Denhardts' table and a case; the three paradigms stand side by side."""
    exhibit_frame(settings, "ps_paradigms", _paradigms)


@st.fragment
def _paradigms(settings: Settings) -> None:
    lang = settings.lang
    chosen = bound.pills(st, t(lang, f"{PARADIGMS}.rows"), ps.ROWS, ps.KEY_ROWS, key=ROWS_KEY, lang=lang,
                         format_func=lambda r: t(lang, f"{TEXT}.rows.{r}"))
    case = bound.segmented_control(st, t(lang, f"{PARADIGMS}.case"), ps.CASES, ps.CASES[0], key=CASE_KEY, lang=lang,
                                   format_func=lambda c: t(lang, f"{TEXT}.cases.{c}.label"))
    comparison = ps.compare(chosen, case)
    if not comparison.rows:
        st.info(t(lang, f"{PARADIGMS}.no_rows"))
    for row in comparison.rows:
        st.markdown(f"##### {t(lang, f'{TEXT}.rows.{row}')}")
        for paradigm, column in zip(ps.PARADIGMS, st.columns(len(ps.PARADIGMS))):
            column.markdown(f"**{paradigm_name(paradigm, lang)}**  \n{cell(row, paradigm, lang)}")
        if row in ps.PRINCIPLE_OF_ROW:
            principle = t(lang, f"{TEXT}.principles.{ps.PRINCIPLE_OF_ROW[row]}")
            st.caption(t(lang, f"{PARADIGMS}.principle", name=principle))
    st.markdown(f"##### {t(lang, f'{PARADIGMS}.case_heading', case=t(lang, f'{TEXT}.cases.{case}.label'))}")
    st.markdown(t(lang, f"{TEXT}.cases.{case}.setup"))
    for paradigm, column in zip(ps.PARADIGMS, st.columns(len(ps.PARADIGMS))):
        with column.container(border=True):
            lines = [f"**{paradigm_name(paradigm, lang)}**"]
            lines += [t(lang, f"{PARADIGMS}.aspect_line", aspect=t(lang, f"{TEXT}.aspects.{a}"),
                        text=case_text(case, paradigm, a, lang)) for a in ps.CASE_ASPECTS]
            st.markdown("\n\n".join(lines))
    data_table(paradigm_rows(comparison, lang), lang, _paradigm_columns(lang))


# ── Five practices on Arnstein's ladder ───────────────────────────────────────────────────────

def rung_label(rung: int, lang: str) -> str:
    return t(lang, f"{TEXT}.rung_label", n=rung, name=t(lang, f"{TEXT}.rungs.{ps.RUNGS[rung - 1]}"))


def practice_label(practice: str, lang: str) -> str:
    return t(lang, f"{TEXT}.practices.{practice}.label")


def _answer(field: str, value: object, lang: str) -> str:
    if field in ("seats", "voice"):
        return t(lang, f"{TEXT}.answers.yesno.{value}")
    return t(lang, f"{TEXT}.answers.{field}.{value}")


def _ladder_names(lang: str) -> tuple[tuple[str, str], ...]:
    return (("practice", t(lang, f"{LADDER}.practice_col")), ("rung", t(lang, f"{LADDER}.rung_col")),
            ("group", t(lang, f"{LADDER}.group_col")), ("guess", t(lang, f"{LADDER}.your_guess")))


def _ladder_spec(lang: str, scale: float) -> dict:
    return charts.ladder_spec(tuple(rung_label(r, lang) for r in range(1, len(ps.RUNGS) + 1)),
                              tuple(practice_label(p, lang) for p in ps.PRACTICE_IDS), _ladder_names(lang), scale)


def ladder_chart_rows(designs: dict[str, Design], selected: str, guess: int | None, lang: str) -> Rows:
    """The chart's data: eight rung bands, one marker per practice, and the reader's guess if any."""
    tops = {max(r for r, g in ps.GROUP_OF_RUNG.items() if g == group) for group in ps.GROUPS}
    rows = [{"kind": "rung", "label": rung_label(r, lang), "group": ps.GROUP_OF_RUNG[r],
             "group_label": t(lang, f"{TEXT}.groups.{ps.GROUP_OF_RUNG[r]}") if r in tops else "",
             "practice": "", "x": 0.0, "selected": False} for r in range(1, len(ps.RUNGS) + 1)]
    for index, practice in enumerate(ps.PRACTICE_IDS):
        rung = ps.place(designs[practice]).rung
        rows.append({"kind": "practice", "label": rung_label(rung, lang), "group": ps.GROUP_OF_RUNG[rung],
                     "group_label": "", "practice": practice_label(practice, lang), "x": charts.practice_x(index),
                     "selected": practice == selected})
    if guess is not None:
        rows.append({"kind": "guess", "label": rung_label(guess, lang), "group": ps.GROUP_OF_RUNG[guess],
                     "group_label": "", "practice": practice_label(selected, lang),
                     "x": charts.practice_x(ps.PRACTICE_IDS.index(selected)), "selected": True})
    return rows


CHART_FIELDS = ("kind", "label", "group", "group_label", "practice", "x", "selected")


def placement_rows(designs: dict[str, Design], lang: str) -> Rows:
    """One row per practice: where its design puts it on the ladder, and the design in words."""
    rows = []
    for practice in ps.PRACTICE_IDS:
        placement = ps.place(designs[practice])
        rows.append({"practice": practice_label(practice, lang), "rung": rung_label(placement.rung, lang),
                     "group": t(lang, f"{TEXT}.groups.{placement.group}"),
                     "design": t(lang, f"{TEXT}.practices.{practice}.design")})
    return rows


def _placement_columns(lang: str) -> dict[str, str]:
    return {"practice": t(lang, f"{LADDER}.practice_col"), "rung": t(lang, f"{LADDER}.rung_col"),
            "group": t(lang, f"{LADDER}.group_col"), "design": t(lang, f"{LADDER}.design_col")}


def _designs() -> dict[str, Design]:
    if DESIGNS_KEY not in st.session_state:
        st.session_state[DESIGNS_KEY] = dict(ps.PRACTICES)
    return st.session_state[DESIGNS_KEY]


def _design_keys(practice: str) -> dict[str, str]:
    return {field: f"ps_{field}_{practice}" for field in DESIGN_FIELDS}


def _restore_default(practice: str) -> None:
    default = ps.PRACTICES[practice]
    st.session_state[DESIGNS_KEY][practice] = default
    for field, key in _design_keys(practice).items():
        st.session_state[key] = getattr(default, field)


def participation_ladder(settings: Settings) -> None:
    """Exhibit: guess a practice's rung, read the reasoning, change its design and watch it move."""
    exhibit_frame(settings, "ps_ladder", _ladder)


@st.fragment
def _ladder(settings: Settings) -> None:
    lang = settings.lang
    designs = _designs()
    practice = bound.segmented_control(st, t(lang, f"{LADDER}.pick"), ps.PRACTICE_IDS, DEFAULT_PRACTICE,
                                       key=PRACTICE_KEY, lang=lang, format_func=lambda p: practice_label(p, lang))
    guess = bound.pill(st, t(lang, f"{LADDER}.guess"), tuple(range(1, len(ps.RUNGS) + 1)), key=f"ps_guess_{practice}",
                       lang=lang, format_func=lambda r: rung_label(r, lang))

    keys = _design_keys(practice)
    default = ps.PRACTICES[practice]
    for field, key in keys.items():          # a practice's widgets keep its design while it is not shown
        bound.keep(key, getattr(designs[practice], field), getattr(default, field))
    with st.container(border=True):
        st.markdown(f"**{t(lang, f'{LADDER}.design')}**  \n{t(lang, f'{TEXT}.practices.{practice}.design')}")
        left, right = st.columns(2)
        power = bound.selectbox(left, t(lang, f"{LADDER}.power"), ps.POWERS, ps.POWERS.index(default.power),
                                key=keys["power"], lang=lang, format_func=lambda v: _answer("power", v, lang))
        purpose = bound.selectbox(right, t(lang, f"{LADDER}.purpose"), ps.PURPOSES, ps.PURPOSES.index(default.purpose),
                                  key=keys["purpose"], lang=lang, format_func=lambda v: _answer("purpose", v, lang))
        seats = bound.toggle(st, t(lang, f"{LADDER}.seats"), default.seats, key=keys["seats"], lang=lang)
        voice = bound.toggle(st, t(lang, f"{LADDER}.voice"), default.voice, key=keys["voice"], lang=lang)
        designs[practice] = Design(power=power, purpose=purpose, seats=seats, voice=voice)
        if designs[practice] != default:
            st.caption(t(lang, f"{LADDER}.changed", before=ps.place(default).rung,
                         after=ps.place(designs[practice]).rung))
            st.button(t(lang, f"{LADDER}.reset"), key=f"ps_reset_{practice}", on_click=_restore_default,
                      args=(practice,), icon=":material/undo:")

    placement = ps.place(designs[practice])
    name = t(lang, f"{TEXT}.rungs.{placement.name}")
    if guess is not None:
        off = ps.distance(guess, placement)
        guess_name = t(lang, f"{TEXT}.rungs.{ps.RUNGS[guess - 1]}")
        st.markdown(t(lang, f"{LADDER}.guess_right", rung=placement.rung, name=name) if off == 0 else
                    t(lang, f"{LADDER}.guess_off", guess=guess, guess_name=guess_name, rung=placement.rung,
                      name=name, n=off))
    st.markdown(f"**{t(lang, f'{LADDER}.reasoning')}**")
    st.markdown("\n".join(f"{i}. " + t(lang, f"{LADDER}.step", question=t(lang, f"{TEXT}.questions.{c.question}"),
                                         answer=_answer(c.question, c.answer, lang))
                          for i, c in enumerate(placement.checks, 1)))
    VERDICT_BOX[placement.group](t(lang, f"{LADDER}.conclusion", rung=placement.rung, name=name,
                                   group=t(lang, f"{TEXT}.groups.{placement.group}"),
                                   meaning=t(lang, f"{TEXT}.rung_meaning.{placement.name}")))
    if designs[practice] == ps.PRACTICES[practice]:
        st.markdown(t(lang, f"{TEXT}.practices.{practice}.note"))

    rows = ladder_chart_rows(designs, practice, guess, lang)
    chart(_ladder_spec(lang, settings.scale), columns(rows, CHART_FIELDS), t(lang, f"{LADDER}.alt"))
    data_table(placement_rows(designs, lang), lang, _placement_columns(lang))


# ── The service centre against the zone of tolerance ─────────────────────────────────────────

ZONE_FIELDS = ("row", "adequate", "desired", "perceived", "verdict", "highlight")


def _zone_labels(lang: str) -> dict[str, str]:
    return {zone: t(lang, f"exhibits.zones.{zone}") for zone in ("below", "within", "above")}


def _centre_spec(lang: str, scale: float) -> dict:
    labels = {"row": t(lang, f"{CENTRE}.dimension"), "adequate": term_name("adequate-service", lang),
              "desired": term_name("desired-service", lang), "perceived": term_name("perceived-service", lang),
              "verdict": t(lang, "exhibits.verdict"), "axis": t(lang, "exhibits.scale_axis")}
    return zones.zone_spec(tuple(labels.items()), tuple(_zone_labels(lang).items()), scale)


def centre_rows(group: str, lang: str) -> Rows:
    """One row per RATER dimension of the service-centre survey: the zone, perception, MSA, MSS, verdict."""
    verdicts = _zone_labels(lang)
    return [{"row": term_name(r.dimension, lang), "adequate": r.levels.adequate, "desired": r.levels.desired,
             "perceived": r.levels.perceived, "msa": r.result.msa, "mss": r.result.mss, "zone": r.result.zone,
             "verdict": verdicts[r.result.zone], "highlight": r.result.zone == "below"}
            for r in ps.centre_rows(group)]


def _centre_columns(lang: str) -> dict[str, str]:
    return {"row": t(lang, f"{CENTRE}.dimension"), "adequate": term_name("adequate-service", lang),
            "desired": term_name("desired-service", lang), "perceived": term_name("perceived-service", lang),
            "msa": "MSA", "mss": "MSS", "verdict": t(lang, "exhibits.verdict")}


def service_centre(settings: Settings) -> None:
    """Exhibit: the service centre's five zones, for all respondents or for those aged 60 and over."""
    exhibit_frame(settings, "ps_centre", _centre)


@st.fragment
def _centre(settings: Settings) -> None:
    lang = settings.lang
    group = bound.segmented_control(st, t(lang, f"{CENTRE}.pick"), ps.RESPONDENT_GROUPS, ps.RESPONDENT_GROUPS[0],
                                    key=GROUP_KEY, lang=lang, format_func=lambda g: t(lang, f"{TEXT}.respondents.{g}"))
    rows = centre_rows(group, lang)
    sep, none = t(lang, f"{CENTRE}.list_sep"), t(lang, f"{CENTRE}.none")
    for column, zone in zip(st.columns(2), ("below", "above")):
        names = [r["row"] for r in rows if r["zone"] == zone]
        column.metric(t(lang, f"{CENTRE}.{zone}"), str(len(names)))
        column.caption(sep.join(names) or none)
    chart(_centre_spec(lang, settings.scale), columns(rows, ZONE_FIELDS), t(lang, f"{CENTRE}.alt"))
    st.markdown(t(lang, f"{CENTRE}.reading_{group}"))
    data_table(rows, lang, _centre_columns(lang))


def handout_tables(lang: str) -> list[dict]:
    """The three exhibits' default data, for the printable handout."""
    comparison = ps.compare(ps.KEY_ROWS, ps.CASES[0])
    return [{"title": t(lang, f"{PARADIGMS}.title"), "columns": _paradigm_columns(lang),
             "rows": paradigm_rows(comparison, lang), "source": t(lang, f"{PARADIGMS}.source")},
            {"title": t(lang, f"{LADDER}.title"), "columns": _placement_columns(lang),
             "rows": placement_rows(dict(ps.PRACTICES), lang), "source": t(lang, f"{LADDER}.source")},
            {"title": t(lang, f"{CENTRE}.title"), "columns": _centre_columns(lang),
             "rows": centre_rows(ps.RESPONDENT_GROUPS[0], lang), "source": t(lang, f"{CENTRE}.source")}]
