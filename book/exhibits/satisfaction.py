"""Exhibits for the satisfaction chapter: the satisfaction index, the ACSI model, and the Kano model's
diagram, questionnaire, life cycle and Better–Worse analysis."""
from __future__ import annotations

import csv
from functools import lru_cache

import streamlit as st

from models import kano, satisfaction
from models.kano import ANSWERS, CATEGORIES, DRAWN_CATEGORIES, LIFE_CYCLE

from ..charts import satisfaction as charts
from ..charts.static import NARROW, WIDE
from ..content import CONTENT, LANGS
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, data_table, diagram, exhibit_frame

SURVEY = CONTENT / "data" / "kano_hotel_survey.csv"
COUNTS_KEY = "ks_bw_counts"
CURVE_POINTS = 41                       # fulfilment from −1 to +1 in steps of 0.05
VERDICT_BOX = {"exceeded": st.success, "met": st.info, "fell_short": st.error}
SHOWN_ORDER = ("A", "O", "M", "I", "R", "Q")   # the order readers meet the categories in the text


def _scales() -> set[float]:
    return {Settings(size=size).scale for size in CHOICES["size"]}


def _categories(lang: str, codes: tuple[str, ...] = SHOWN_ORDER) -> dict[str, str]:
    return {c: t(lang, f"satisfaction.categories.{c}") for c in codes}


def _verdicts(lang: str) -> dict[str, str]:
    return {v: t(lang, f"satisfaction.verdicts.{v}") for v in ("exceeded", "met", "fell_short")}


def _labels(lang: str, key: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, t(lang, f"{key}.{name}")) for name in names)


def _columns(rows: Rows, fields: tuple[str, ...]) -> dict[str, list]:
    return {field: [row[field] for row in rows] for field in fields}


# ── Satisfaction as performance against expectation ──────────────────────────────────────────

INDEX_KEY = "exhibits.satisfaction_index"
INDEX_FIELDS = ("name", "expected", "perceived", "index", "verdict", "highlight", "place")
LABEL_PLACES = {"last_year": "left", "competitor": "left"}   # this year's label goes below (or above) its point


def _index_spec(lang: str, scale: float) -> dict:
    labels = (("expected", t(lang, f"{INDEX_KEY}.axis_expected")),
              ("perceived", t(lang, f"{INDEX_KEY}.axis_perceived")),
              *_labels(lang, INDEX_KEY, ("name", "index", "region_exceeded", "region_fell_short", "diagonal")),
              ("verdict", t(lang, "exhibits.verdict")))
    return charts.disconfirmation_spec(labels, tuple(_verdicts(lang).items()), scale)


def index_rows(this_year: tuple[float, float], lang: str) -> Rows:
    """This year's point (from the sliders) and the fixed comparison points, with index and verdict."""
    points = {**satisfaction.EXAMPLE_POINTS, "this_year": this_year}
    verdicts = _verdicts(lang)
    rows = []
    for name, (expected, perceived) in points.items():
        result = satisfaction.assess(expected, perceived)
        place = LABEL_PLACES.get(name, "below" if perceived >= 2 else "above")
        rows.append({"id": name, "name": t(lang, f"{INDEX_KEY}.{name}"), "expected": expected, "perceived": perceived,
                     "difference": f"{result.disconfirmation:+.1f}", "index": round(result.index, 1),
                     "verdict": verdicts[result.verdict], "highlight": name == "this_year", "place": place})
    return rows


def _index_columns(lang: str) -> dict[str, str]:
    return {"name": t(lang, f"{INDEX_KEY}.name"), "expected": t(lang, f"{INDEX_KEY}.expected"),
            "perceived": t(lang, f"{INDEX_KEY}.perceived"), "difference": t(lang, f"{INDEX_KEY}.difference"),
            "index": t(lang, f"{INDEX_KEY}.index"), "verdict": t(lang, "exhibits.verdict")}


def satisfaction_index(settings: Settings) -> None:
    """Exhibit: expectation and perceived performance give the index and the verdict."""
    exhibit_frame(settings, "satisfaction_index", _index, t(settings.lang, f"{INDEX_KEY}.scenario"))


@st.fragment
def _index(settings: Settings) -> None:
    lang = settings.lang
    default_expected, default_perceived = satisfaction.EXAMPLE_POINTS["this_year"]
    left, right = st.columns(2)
    expected = bound.slider(left, t(lang, f"{INDEX_KEY}.expected"), satisfaction.SCALE_MIN, satisfaction.SCALE_MAX,
                            default_expected, step=0.5, format="%.1f", key="ks_expected", lang=lang)
    perceived = bound.slider(right, t(lang, f"{INDEX_KEY}.perceived"), satisfaction.SCALE_MIN, satisfaction.SCALE_MAX,
                             default_perceived, step=0.5, format="%.1f", key="ks_perceived", lang=lang)
    result = satisfaction.assess(expected, perceived)
    left, right = st.columns(2)
    left.metric(t(lang, f"{INDEX_KEY}.index"), f"{result.index:.1f}", help=t(lang, f"{INDEX_KEY}.index_help"))
    right.metric(t(lang, f"{INDEX_KEY}.difference"), f"{result.disconfirmation:+.1f}",
                 help=t(lang, f"{INDEX_KEY}.difference_help"))
    subject = t(lang, f"{INDEX_KEY}.this_year")
    VERDICT_BOX[result.verdict](t(lang, f"{INDEX_KEY}.verdicts.{result.verdict}", subject=subject,
                                  d=result.disconfirmation, index=result.index))
    rows = index_rows((expected, perceived), lang)
    chart(_index_spec(lang, settings.scale), _columns(rows, INDEX_FIELDS), t(lang, f"{INDEX_KEY}.alt"))
    st.markdown(t(lang, f"{INDEX_KEY}.reading"))
    data_table(rows, lang, _index_columns(lang))


# ── The ACSI model ───────────────────────────────────────────────────────────────────────────

ACSI_KEY = "exhibits.acsi_model"
ACSI_NODES = ("expectations", "quality", "value", "satisfaction", "complaints", "loyalty")
ACSI_ITEMS = (("overall", 8.0), ("disconfirmation", 7.0), ("ideal", 7.0))   # the questions' opening ratings


def _acsi_svg(lang: str, width: int, scale: float) -> str:
    return charts.acsi_svg(_labels(lang, ACSI_KEY, ACSI_NODES), width, scale)


def acsi_rows(lang: str) -> Rows:
    """The model's arrows in words, for the data table."""
    join = "" if lang == "zh" else " "        # a box's second line starts with a full-width bracket in Chinese
    name = {node: t(lang, f"{ACSI_KEY}.{node}").replace("\n", join) for node in ACSI_NODES}
    drives = t(lang, f"{ACSI_KEY}.drives")
    rows = [{"from": name[driver], "to": name["satisfaction"], "relation": drives}
            for driver in ("expectations", "quality", "value")]
    rows += [{"from": name["satisfaction"], "to": name[outcome], "relation": t(lang, f"{ACSI_KEY}.{sign}")}
             for outcome, sign in (("complaints", "minus"), ("loyalty", "plus"))]
    return rows


def _acsi_columns(lang: str) -> dict[str, str]:
    return {"from": t(lang, f"{ACSI_KEY}.from"), "to": t(lang, f"{ACSI_KEY}.to"),
            "relation": t(lang, f"{ACSI_KEY}.relation")}


def acsi_model(settings: Settings) -> None:
    """Exhibit: the ACSI model's structure, and the 0–100 score from its three questions."""
    exhibit_frame(settings, "acsi_model", _acsi_diagram_and_score)


def _acsi_diagram_and_score(settings: Settings) -> None:
    lang = settings.lang                 # the diagram stays out of the fragment: the sliders do not change it
    diagram(lambda width: _acsi_svg(lang, width, settings.scale), t(lang, f"{ACSI_KEY}.alt"))
    _acsi(settings)


@st.fragment
def _acsi(settings: Settings) -> None:
    lang = settings.lang
    columns = st.columns(3)
    ratings = [bound.slider(column, t(lang, f"{ACSI_KEY}.item_{item}"), satisfaction.ACSI_MIN, satisfaction.ACSI_MAX,
                            default, step=0.5, format="%.1f", key=f"ks_acsi_{item}", lang=lang)
               for column, (item, default) in zip(columns, ACSI_ITEMS)]
    score = satisfaction.acsi_score(*ratings)
    st.metric(t(lang, f"{ACSI_KEY}.score"), f"{score:.1f}", help=t(lang, f"{ACSI_KEY}.score_help"))
    data_table(acsi_rows(lang), lang, _acsi_columns(lang))


# ── The Kano diagram ─────────────────────────────────────────────────────────────────────────

DIAGRAM_KEY = "exhibits.kano_diagram"
CURVE_FIELDS = ("kind", "category", "fulfilment", "satisfaction", "highlight")
DIAGRAM_SHOWN = ("A", "O", "M", "I")    # the exhibit opens with these curves, at this fulfilment and curvature
DIAGRAM_FULFILMENT = -0.5
DIAGRAM_CURVATURE = 3.0


def _curves_spec(lang: str, scale: float) -> dict:
    labels = _labels(lang, DIAGRAM_KEY,
                     ("x", "absent", "full", "y", "dissatisfied", "satisfied", "neutral", "category"))
    return charts.kano_curves_spec(labels, tuple(_categories(lang, DRAWN_CATEGORIES).items()), scale)


def curve_rows(categories: list[str], fulfilment: float | None, k: float, lang: str,
               highlight: str | None = None) -> Rows:
    """Points along each chosen category's curve, plus one marker per curve at `fulfilment`."""
    names = _categories(lang, DRAWN_CATEGORIES)
    rows = []
    for code in categories:
        strong = highlight in (None, code)
        for i in range(CURVE_POINTS):
            x = round(-1 + 2 * i / (CURVE_POINTS - 1), 10)
            rows.append({"kind": "curve", "category": names[code], "fulfilment": x,
                         "satisfaction": kano.curve(code, x, k), "highlight": strong})
        if fulfilment is not None:
            rows.append({"kind": "marker", "category": names[code], "fulfilment": fulfilment,
                         "satisfaction": kano.curve(code, fulfilment, k), "highlight": strong})
    return rows


def diagram_rows(categories: list[str], fulfilment: float, k: float, lang: str) -> Rows:
    """Each chosen kind of quality's satisfaction at `fulfilment`, for the data table."""
    names = _categories(lang, DRAWN_CATEGORIES)
    return [{"category": names[c], "fulfilment": f"{fulfilment:+.2f}", "curvature": k,
             "value": f"{kano.curve(c, fulfilment, k):+.2f}"} for c in categories]


def _diagram_columns(lang: str) -> dict[str, str]:
    """The on-page table's columns; the sliders beside it say at what fulfilment and curvature."""
    return {"category": t(lang, f"{DIAGRAM_KEY}.category"), "value": t(lang, f"{DIAGRAM_KEY}.value")}


def kano_diagram(settings: Settings) -> None:
    """Exhibit: satisfaction against fulfilment for each kind of quality."""
    exhibit_frame(settings, "kano_diagram", _diagram)


@st.fragment
def _diagram(settings: Settings) -> None:
    lang = settings.lang
    names = _categories(lang, DRAWN_CATEGORIES)
    chosen = bound.pills(st, t(lang, f"{DIAGRAM_KEY}.pick"), DRAWN_CATEGORIES, DIAGRAM_SHOWN, key="ks_kano_show",
                         lang=lang, format_func=names.get)
    left, right = st.columns([3, 2])
    x = bound.slider(left, t(lang, f"{DIAGRAM_KEY}.fulfilment"), -1.0, 1.0, DIAGRAM_FULFILMENT, step=0.05,
                     format="%+.2f", key="ks_kano_fulfilment", lang=lang)
    k = bound.slider(right, t(lang, f"{DIAGRAM_KEY}.curvature"), 1.0, 6.0, DIAGRAM_CURVATURE, step=0.5, format="%.1f",
                     key="ks_kano_k", lang=lang, help=t(lang, f"{DIAGRAM_KEY}.curvature_help"))
    chosen = [c for c in DRAWN_CATEGORIES if c in chosen]
    if not chosen:
        st.warning(t(lang, f"{DIAGRAM_KEY}.empty"))
    else:
        rows = curve_rows(chosen, x, k, lang)
        chart(_curves_spec(lang, settings.scale), _columns(rows, CURVE_FIELDS), t(lang, f"{DIAGRAM_KEY}.alt"))
    at = {c: kano.curve(c, x, k) for c in DRAWN_CATEGORIES}
    st.markdown(t(lang, f"{DIAGRAM_KEY}.reading", x=x, m=at["M"], a=at["A"], o=at["O"]))
    data_table(diagram_rows(chosen, x, k, lang), lang, _diagram_columns(lang))


# ── The Kano questionnaire and its evaluation table ─────────────────────────────────────────

QUESTION_KEY = "exhibits.kano_questionnaire"
GRID_FIELDS = ("functional", "dysfunctional", "code", "category", "selected")


@lru_cache(maxsize=1)
def survey() -> dict[str, dict[str, int]]:
    """The chapter's teaching survey: feature id → category counts (content/data/kano_hotel_survey.csv)."""
    with open(SURVEY, encoding="utf-8") as f:
        reader = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["feature"]: {c: int(row[c]) for c in CATEGORIES} for row in reader}


def _answers(lang: str) -> dict[str, str]:
    return {a: t(lang, f"satisfaction.answers.{a}") for a in ANSWERS}


def _grid_spec(lang: str, scale: float) -> dict:
    labels = (("functional", t(lang, f"{QUESTION_KEY}.axis_functional")),
              ("dysfunctional", t(lang, f"{QUESTION_KEY}.axis_dysfunctional")),
              ("category", t(lang, f"{QUESTION_KEY}.category")))
    return charts.evaluation_grid_spec(labels, tuple(_answers(lang).values()), tuple(_categories(lang).items()), scale)


def grid_rows(functional: str, dysfunctional: str, lang: str) -> Rows:
    """All 25 cells of the evaluation table; the cell for the reader's two answers is selected."""
    answers, names = _answers(lang), _categories(lang)
    return [{"functional": answers[f], "dysfunctional": answers[d], "code": kano.evaluate(f, d),
             "category": names[kano.evaluate(f, d)], "selected": (f, d) == (functional, dysfunctional)}
            for f in ANSWERS for d in ANSWERS]


def evaluation_rows(lang: str) -> Rows:
    """The 5 × 5 evaluation table: one row per functional answer, one column per dysfunctional answer."""
    answers = _answers(lang)
    return [{"functional": answers[f], **{d: kano.evaluate(f, d) for d in ANSWERS}} for f in ANSWERS]


def _evaluation_columns(lang: str) -> dict[str, str]:
    return {"functional": t(lang, f"{QUESTION_KEY}.table.corner"), **_answers(lang)}


def kano_questionnaire(settings: Settings) -> None:
    """Exhibit: answer the functional and dysfunctional question and read the category off the table."""
    exhibit_frame(settings, "kano_questionnaire", _questionnaire)


@st.fragment
def _questionnaire(settings: Settings) -> None:
    lang = settings.lang
    answers = _answers(lang)
    feature = bound.selectbox(st, t(lang, f"{QUESTION_KEY}.feature"), list(survey()), 0, key="ks_q_feature",
                              lang=lang, format_func=lambda f: t(lang, f"satisfaction.features.{f}"))
    name = t(lang, f"satisfaction.features.{feature}")
    functional = bound.radio(st, t(lang, f"{QUESTION_KEY}.functional", feature=name), ANSWERS,
                             ANSWERS.index("must-be"), horizontal=True, key="ks_q_functional", lang=lang,
                             format_func=answers.get)
    dysfunctional = bound.radio(st, t(lang, f"{QUESTION_KEY}.dysfunctional", feature=name), ANSWERS,
                                ANSWERS.index("dislike"), horizontal=True, key="ks_q_dysfunctional", lang=lang,
                                format_func=answers.get)
    code = kano.evaluate(functional, dysfunctional)
    st.success(t(lang, f"{QUESTION_KEY}.result", row=kano.answer_code(functional),
                 column=kano.answer_code(dysfunctional), category=_categories(lang)[code])
               + "\n\n" + t(lang, f"satisfaction.meanings.{code}"))
    rows = grid_rows(functional, dysfunctional, lang)
    chart(_grid_spec(lang, settings.scale), _columns(rows, GRID_FIELDS), t(lang, f"{QUESTION_KEY}.alt"))
    data_table(evaluation_rows(lang), lang, _evaluation_columns(lang))


# ── The life cycle of a quality attribute ────────────────────────────────────────────────────

CYCLE_KEY = "exhibits.kano_life_cycle"
CYCLE_STAGE = "A"                     # the exhibit opens at the second stage, when the feature spreads


def cycle_rows(lang: str) -> Rows:
    """Every stage: its category, the hotel Wi-Fi illustration and (for print) the e-service study."""
    names = _categories(lang, DRAWN_CATEGORIES)
    return [{"stage": t(lang, f"{CYCLE_KEY}.stages.{s}"), "category": names[s],
             "example": t(lang, f"{CYCLE_KEY}.example.{s}"), "study": t(lang, f"{CYCLE_KEY}.study.{s}")}
            for s in LIFE_CYCLE]


def _cycle_columns(lang: str) -> dict[str, str]:
    """The on-page table's columns; the page shows the study's finding for the stage picked."""
    return {"stage": t(lang, f"{CYCLE_KEY}.stage"), "category": t(lang, f"{DIAGRAM_KEY}.category"),
            "example": t(lang, f"{CYCLE_KEY}.example_label")}


def kano_life_cycle(settings: Settings) -> None:
    """Exhibit: one attribute's category through time, indifferent → attractive → one-dimensional → must-be."""
    exhibit_frame(settings, "kano_life_cycle", _life_cycle)


@st.fragment
def _life_cycle(settings: Settings) -> None:
    lang = settings.lang
    names = _categories(lang, DRAWN_CATEGORIES)
    stage = bound.select_slider(st, t(lang, f"{CYCLE_KEY}.stage"), LIFE_CYCLE, CYCLE_STAGE, key="ks_cycle_stage",
                                lang=lang, format_func=lambda s: t(lang, f"{CYCLE_KEY}.stages.{s}"))
    path = " → ".join(f"**{names[s]}**" if s == stage else names[s] for s in LIFE_CYCLE)
    st.markdown(path)
    st.info(t(lang, f"{CYCLE_KEY}.category", category=names[stage]))
    rows = curve_rows(list(LIFE_CYCLE), None, 3.0, lang, highlight=stage)
    chart(_curves_spec(lang, settings.scale), _columns(rows, CURVE_FIELDS), t(lang, f"{CYCLE_KEY}.alt"))
    left, right = st.columns(2)
    left.markdown(f"**{t(lang, f'{CYCLE_KEY}.study_label')}**\n\n{t(lang, f'{CYCLE_KEY}.study.{stage}')}")
    right.markdown(f"**{t(lang, f'{CYCLE_KEY}.example_label')}**\n\n{t(lang, f'{CYCLE_KEY}.example.{stage}')}")
    data_table(cycle_rows(lang), lang, _cycle_columns(lang))


# ── Better–Worse coefficients ────────────────────────────────────────────────────────────────

BW_KEY = "exhibits.kano_better_worse"
BW_FIELDS = ("feature", "better", "worse", "worse_abs", "category", "highlight", "place")
# Label places that keep the teaching survey's long feature names apart (others go right, or left near
# the right edge): the kiosk's name would run into the Wi-Fi label, the sales calls' into a quadrant name.
BW_LABEL_PLACES = {"self-check-in": "below", "sales-calls": "above"}
BW_FEATURE = "wifi-speed"    # the exhibit opens on this feature, with no category-strength threshold
BW_THRESHOLD = 0.0
Q_SHARE_FLAG = 0.10          # a common rule of thumb: more than 10 % questionable answers suggests poor wording


def _bw_spec(lang: str, scale: float) -> dict:
    labels = _labels(lang, BW_KEY, ("x", "y", "quadrant_A", "quadrant_O", "quadrant_M", "quadrant_I", "feature",
                                    "category"))
    return charts.better_worse_spec(labels, tuple(_categories(lang).items()), scale)


def default_counts() -> dict[str, dict[str, int]]:
    """A fresh copy of the teaching survey's counts, which the exhibit opens on and the reader may edit."""
    return {f: dict(c) for f, c in survey().items()}


def _counts_store() -> dict[str, dict[str, int]]:
    if COUNTS_KEY not in st.session_state:
        st.session_state[COUNTS_KEY] = default_counts()
    return st.session_state[COUNTS_KEY]


def feature_rows(all_counts: dict[str, dict[str, int]], lang: str, threshold: float = 0.0,
                 selected: str | None = None) -> Rows:
    """One row per feature: counts, Better, Worse and the category; features without an A, O, M or I
    answer get no coefficients (they stay in the table but not in the chart)."""
    names = _categories(lang)
    rows = []
    for feature, counts in all_counts.items():
        row = {"id": feature, "feature": t(lang, f"satisfaction.features.{feature}"), **counts,
               "highlight": feature == selected, "category": "", "better": None, "worse": None, "worse_abs": None,
               "better_text": "–", "worse_text": "–"}
        if sum(counts.values()):
            row["category"] = names[kano.classify(counts, threshold)]
        if counts["A"] + counts["O"] + counts["M"] + counts["I"]:
            better, worse = kano.better_worse(counts)
            place = BW_LABEL_PLACES.get(feature, "left" if -worse > 0.6 else "right")
            row.update(better=better, worse=worse, worse_abs=-worse, better_text=f"{better:.2f}",
                       worse_text=f"{worse:.2f}", place=place)
        rows.append(row)
    return rows


def _bw_columns(lang: str) -> dict[str, str]:
    return {"feature": t(lang, f"{BW_KEY}.feature"), **_categories(lang),
            "better_text": t(lang, f"{BW_KEY}.better"), "worse_text": t(lang, f"{BW_KEY}.worse"),
            "category": t(lang, f"{BW_KEY}.category")}


def kano_better_worse(settings: Settings) -> None:
    """Exhibit: a small survey's counts give Better, Worse, the category and the four-quadrant chart."""
    exhibit_frame(settings, "kano_better_worse", _better_worse, t(settings.lang, f"{BW_KEY}.scenario"))


@st.fragment
def _better_worse(settings: Settings) -> None:
    lang = settings.lang
    names = _categories(lang)
    store = _counts_store()
    feature = bound.selectbox(st, t(lang, f"{BW_KEY}.pick"), list(store), list(store).index(BW_FEATURE),
                              key="ks_bw_feature", lang=lang, format_func=lambda f: t(lang, f"satisfaction.features.{f}"))
    st.markdown(f"**{t(lang, f'{BW_KEY}.counts')}**")
    columns = [*st.columns(3), *st.columns(3)]   # two rows, so a phone stacks them in reading order
    survey_counts = survey()[feature]
    for column, code in zip(columns, SHOWN_ORDER):
        key = f"ks_bw_{feature}_{code}"
        bound.keep(key, store[feature][code], survey_counts[code])
        store[feature][code] = int(bound.number_input(column, names[code], 0, 500, survey_counts[code], key=key,
                                                      lang=lang))
    threshold = bound.slider(st, t(lang, f"{BW_KEY}.threshold"), 0.0, 0.2, BW_THRESHOLD, step=0.01, format="%.2f",
                             key="ks_bw_threshold", lang=lang, help=t(lang, f"{BW_KEY}.threshold_help"))
    counts = store[feature]
    rows = feature_rows(store, lang, threshold, feature)
    row = next(r for r in rows if r["id"] == feature)
    if not sum(counts.values()):
        st.warning(t(lang, f"{BW_KEY}.no_answers"))
    else:
        _feature_summary(counts, row, threshold, lang)
    plotted = [r for r in rows if r["better"] is not None]
    chart(_bw_spec(lang, settings.scale), _columns(plotted, BW_FIELDS), t(lang, f"{BW_KEY}.alt"))
    data_table(rows, lang, _bw_columns(lang))


def _feature_summary(counts: dict[str, int], row: dict, threshold: float, lang: str) -> None:
    names = _categories(lang)
    cols = [*st.columns(2), *st.columns(2)]
    cols[0].metric(t(lang, f"{BW_KEY}.better"), row["better_text"], help=t(lang, f"{BW_KEY}.better_help"))
    cols[1].metric(t(lang, f"{BW_KEY}.worse"), row["worse_text"], help=t(lang, f"{BW_KEY}.worse_help"))
    cols[2].metric(t(lang, f"{BW_KEY}.mode"), row["category"])
    if row["better"] is None:
        cols[3].metric(t(lang, f"{BW_KEY}.quadrant"), "–")
        st.warning(t(lang, f"{BW_KEY}.no_aomi"))
    else:
        cols[3].metric(t(lang, f"{BW_KEY}.quadrant"), names[kano.quadrant(row["better"], row["worse"])])
    category = kano.classify(counts, threshold)
    if kano.is_ambiguous(counts, threshold):
        first, second = kano.leaders(counts)
        st.info(t(lang, f"{BW_KEY}.tie", first=names[first], second=names[second], winner=names[category]))
    if category == "R":
        st.warning(t(lang, f"{BW_KEY}.reverse_note"))
    share = kano.shares(counts)["Q"]
    if share > Q_SHARE_FLAG:
        st.warning(t(lang, f"{BW_KEY}.q_note", share=share))


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    for lang in LANGS:
        for scale in _scales():
            _index_spec(lang, scale)
            _acsi_svg(lang, WIDE, scale)
            _acsi_svg(lang, NARROW, scale)
            _curves_spec(lang, scale)
            _grid_spec(lang, scale)
            _bw_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """Every exhibit's default data, for the printable handout, in page order: the takeaway shop's three
    points with index and verdict; the ACSI model's arrows; each kind of quality's satisfaction at the
    diagram's opening fulfilment and curvature; the 5 × 5 evaluation table; the hotel survey's counts with
    Better, Worse and the category; the life cycle's stages with the illustration and the study's finding.
    Built from the module's defaults only, never from the reader's session."""
    def entry(key: str, columns: dict[str, str], rows: Rows) -> dict:
        return {"title": t(lang, f"{key}.title"), "columns": columns, "rows": rows, "source": t(lang, f"{key}.source")}

    diagram = _diagram_columns(lang)      # on paper there are no sliders to say where the values are read
    return [entry(INDEX_KEY, _index_columns(lang), index_rows(satisfaction.EXAMPLE_POINTS["this_year"], lang)),
            entry(ACSI_KEY, _acsi_columns(lang), acsi_rows(lang)),
            entry(DIAGRAM_KEY, {"category": diagram["category"], "fulfilment": t(lang, f"{DIAGRAM_KEY}.x"),
                                "curvature": t(lang, f"{DIAGRAM_KEY}.curvature"), "value": diagram["value"]},
                  diagram_rows(list(DIAGRAM_SHOWN), DIAGRAM_FULFILMENT, DIAGRAM_CURVATURE, lang)),
            entry(QUESTION_KEY, _evaluation_columns(lang), evaluation_rows(lang)),
            entry(BW_KEY, _bw_columns(lang), feature_rows(default_counts(), lang, BW_THRESHOLD, BW_FEATURE)),
            entry(CYCLE_KEY, {**_cycle_columns(lang), "study": t(lang, f"{CYCLE_KEY}.study_label")}, cycle_rows(lang))]
