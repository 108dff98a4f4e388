"""The Kano lab: a reader's own Kano survey, classified feature by feature, with the Better–Worse chart.

The file is read and every answer pair evaluated once per upload (kept in the session); moving the
threshold only recounts the categories, a few milliseconds even for tens of thousands of rows.
"""
from __future__ import annotations

import random
import unicodedata

import pandas as pd
import streamlit as st

from models import kano_survey

from ..charts.satisfaction import LABEL_OFFSETS, better_worse_spec
from ..i18n import t
from ..render import literal
from ..settings import Settings
from . import ui
from .reading import Upload
from ..exhibits.common import chart

KEY = "kano_lab"
SHOWN_ORDER = ("A", "O", "M", "I", "R", "Q")
# The chart's plot area on a phone, in pixels: labels placed to fit there fit on any wider screen.
PLOT_WIDTH, PLOT_HEIGHT = 290, 215
QUADRANT_CORNER = 0.03    # better_worse_spec writes the quadrant names this far in from the corners
LABEL_HEIGHT, MARKER = 15, 9


def _categories(lang: str) -> dict[str, str]:
    return {c: t(lang, f"satisfaction.categories.{c}") for c in SHOWN_ORDER}


def template(lang: str, form: str) -> tuple[list[str], list[list]]:
    """The columns and example rows of a template in `form` ("wide" or "long"), in the reader's language."""
    names = [t(lang, f"{KEY}.template.feature_{i}") for i in (1, 2)]
    functional, dysfunctional = t(lang, f"{KEY}.columns.functional"), t(lang, f"{KEY}.columns.dysfunctional")
    answers = [t(lang, f"{KEY}.template.answer_{i}") for i in range(1, 6)]
    if form == "wide":
        columns = [t(lang, f"{KEY}.columns.respondent")]
        for name in names:
            columns += [f"{name}_{functional}", f"{name}_{dysfunctional}"]
        return columns, [["1", answers[0], answers[2], answers[1], answers[4]],
                         ["2", "1", "5", "4", "4"]]
    columns = [t(lang, f"{KEY}.columns.{c}") for c in ("respondent", "feature", "functional", "dysfunctional")]
    return columns, [["1", names[0], answers[0], answers[2]], ["1", names[1], answers[1], answers[4]],
                     ["2", names[0], "1", "5"], ["2", names[1], "4", "4"]]


def _read(upload: Upload) -> kano_survey.Survey | kano_survey.LayoutError:
    """The upload's answer pairs, evaluated once per upload and kept for this session."""
    stored = st.session_state.get(f"{KEY}_survey")
    if stored is not None and stored[0] is upload:
        return stored[1]
    try:
        result: kano_survey.Survey | kano_survey.LayoutError = kano_survey.read_survey(upload.frame)
    except kano_survey.LayoutError as error:
        result = error
    st.session_state[f"{KEY}_survey"] = (upload, result)
    return result


def layout_error_text(error: kano_survey.LayoutError, upload: Upload, lang: str) -> str:
    columns = t(lang, "labs.ui.list_separator").join(literal(c) for c in upload.frame.columns[:12])
    if error.key == "long_missing":
        column = t(lang, "labs.ui.list_separator").join(t(lang, f"{KEY}.columns.{c}") for c in error.column.split(","))
    else:
        column = literal(error.column)
    value = t(lang, f"{KEY}.columns.{error.value}") if error.key == "unpaired" else literal(error.value)
    return t(lang, f"{KEY}.errors.{error.key}", file=literal(upload.name), column=column, value=value,
             columns=columns)


def lab(settings: Settings) -> None:
    """The whole lab below the page title: format and templates, data, results, chart."""
    lang = settings.lang
    st.header(t(lang, f"{KEY}.prepare"), anchor="prepare")
    st.markdown(t(lang, f"{KEY}.format"))
    with st.expander(t(lang, f"{KEY}.answers_heading")):
        st.markdown(t(lang, f"{KEY}.answers"))
    for form in ("wide", "long"):
        st.caption(t(lang, f"{KEY}.template_{form}"))
        ui.template_buttons(f"kano-{form}", *template(lang, form), lang)
    st.header(t(lang, f"{KEY}.data"), anchor="data")
    upload = ui.upload_box("kano", settings)
    if upload is None:
        return
    survey = _read(upload)
    if isinstance(survey, kano_survey.LayoutError):
        st.error(layout_error_text(survey, upload, lang), icon=":material/error:")
        return
    _describe(survey, upload, lang)
    if survey.layout.form == "wide":   # a row holds many answer pairs, and only the faulty ones are left out
        ui.excluded_notice(survey.excluded, lang, upload.name, f"{KEY}.excluded", pairs=_pairs_left_out(survey))
    else:
        ui.excluded_notice(survey.excluded, lang, upload.name)
    if survey.pairs.empty:
        st.error(t(lang, "labs.errors.no_usable_rows", file=literal(upload.name)), icon=":material/error:")
        return
    st.header(t(lang, f"{KEY}.results"), anchor="results")
    _results(settings, survey, upload.name)


def _pairs_left_out(survey: kano_survey.Survey) -> int:
    feature_of = {column: feature for feature, pair in survey.layout.columns.items() for column in pair}
    return len({(e.row, feature_of.get(e.column, e.column)) for e in survey.excluded})


def _describe(survey: kano_survey.Survey, upload: Upload, lang: str) -> None:
    layout = survey.layout
    text = t(lang, f"{KEY}.layout_{layout.form}", features=len(layout.features), rows=survey.rows,
             respondents=survey.respondents)
    if layout.ignored:
        text += " " + t(lang, f"{KEY}.ignored", columns=t(lang, "labs.ui.list_separator").join(
            literal(c) for c in layout.ignored[:8]))
    st.caption(text)


def results_frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The results with headers in the reader's language, as shown and as downloaded; shares in per cent."""
    names = _categories(lang)

    def column(key: str) -> str:
        return t(lang, f"{KEY}.table.{key}")

    frame = pd.DataFrame({column("feature"): table["feature"],
                          column("category"): [names.get(c, "") for c in table["category"]],
                          column("ambiguous"): table["ambiguous"],
                          column("strength"): table["strength"], "Better": table["better"],
                          "Worse": table["worse"], column("questionable"): table["questionable"] * 100,
                          column("n"): table["n"]})
    for code in SHOWN_ORDER:
        frame[t(lang, f"{KEY}.table.count", category=code)] = table[f"n_{code}"]
    for code in SHOWN_ORDER:
        frame[t(lang, f"{KEY}.table.share", category=code)] = table[f"share_{code}"] * 100
    return frame


def _text_width(text: str) -> float:
    """Pixels a 12 px label takes: CJK characters are square, Latin ones about half as wide."""
    return sum(12.0 if unicodedata.east_asian_width(ch) in "WF" else 6.6 for ch in text)


def _label_box(place: str, x: float, y: float, width: float) -> tuple[float, float, float, float]:
    anchor, dx, dy = LABEL_OFFSETS[place]
    left = x + dx if anchor == "left" else x + dx - width
    middle = y + dy
    return left, middle - LABEL_HEIGHT / 2, left + width, middle + LABEL_HEIGHT / 2


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def label_places(xs: list[float], ys: list[float], names: list[str],
                 obstacles: tuple[tuple[float, float, float, float], ...] = ()) -> list[str]:
    """For each point (|Worse|, Better in 0–1) the side its label goes on, so that labels stay inside
    the plot and cover no other label, point or `obstacles` (pixel boxes), as far as possible.

    A local search: each label in turn takes its best side given all the others, until none moves;
    started from every side for all labels and from a few seeded shuffles, keeping the best result."""
    points = [(x * PLOT_WIDTH, (1 - y) * PLOT_HEIGHT) for x, y in zip(xs, ys)]
    fixed = [*obstacles, *((px - MARKER, py - MARKER, px + MARKER, py + MARKER) for px, py in points)]
    widths = [_text_width(name) for name in names]
    sides = list(LABEL_OFFSETS)

    def cost(i: int, place: str, places: list[str]) -> float:
        box = _label_box(place, *points[i], widths[i])
        outside = max(0.0, -box[0]) + max(0.0, box[2] - PLOT_WIDTH) + max(0.0, -box[1]) \
            + max(0.0, box[3] - PLOT_HEIGHT)
        others = (_label_box(places[j], *points[j], widths[j]) for j in range(len(points)) if j != i)
        return 50 * outside + sum(_overlap(box, other) for other in (*fixed, *others))

    def settle(places: list[str]) -> tuple[float, list[str]]:
        for _ in range(10):
            moved = False
            for i in range(len(points)):
                best = min(sides, key=lambda place: cost(i, place, places))   # ties keep the order of sides
                if cost(i, best, places) < cost(i, places[i], places):
                    places[i], moved = best, True
            if not moved:
                break
        return sum(cost(i, places[i], places) for i in range(len(points))), places

    rng = random.Random(len(points))
    starts = [[side] * len(points) for side in sides]
    starts += [[rng.choice(sides) for _ in points] for _ in range(12)]
    return min((settle(start) for start in starts), key=lambda result: result[0])[1]


def _quadrant_boxes(lang: str) -> tuple[tuple[float, float, float, float], ...]:
    """Pixel boxes of the four quadrant names in the chart's corners."""
    boxes = []
    for code, x, y, anchor in (("A", QUADRANT_CORNER, 1 - QUADRANT_CORNER, "left"),
                               ("O", 1 - QUADRANT_CORNER, 1 - QUADRANT_CORNER, "right"),
                               ("M", 1 - QUADRANT_CORNER, QUADRANT_CORNER, "right"),
                               ("I", QUADRANT_CORNER, QUADRANT_CORNER, "left")):
        width = _text_width(t(lang, f"exhibits.kano_better_worse.quadrant_{code}"))
        px, py = x * PLOT_WIDTH, (1 - y) * PLOT_HEIGHT
        left = px if anchor == "left" else px - width
        boxes.append((left, py - LABEL_HEIGHT / 2, left + width, py + LABEL_HEIGHT / 2))
    return tuple(boxes)


def chart_data(table: pd.DataFrame, lang: str) -> dict[str, list]:
    """The chart's rows: features with Better and Worse (those without A, O, M or I answers have none)."""
    names = _categories(lang)
    plotted = table[table["better"].notna()]
    worse_abs = (-plotted["worse"]).abs()
    return {"feature": plotted["feature"].tolist(), "better": plotted["better"].tolist(),
            "worse_abs": worse_abs.tolist(), "worse": plotted["worse"].tolist(),
            "category": [names[c] for c in plotted["category"]], "highlight": [False] * len(plotted),
            "place": label_places(worse_abs.tolist(), plotted["better"].tolist(), plotted["feature"].tolist(),
                                  _quadrant_boxes(lang))}


def _spec(lang: str, scale: float) -> dict:
    labels = tuple((name, t(lang, f"exhibits.kano_better_worse.{name}"))
                   for name in ("x", "y", "quadrant_A", "quadrant_O", "quadrant_M", "quadrant_I"))
    labels += (("feature", t(lang, f"{KEY}.table.feature")), ("category", t(lang, f"{KEY}.table.category")))
    return better_worse_spec(labels, tuple(_categories(lang).items()), scale)


@st.fragment
def _results(settings: Settings, survey: kano_survey.Survey, file: str) -> None:
    lang = settings.lang
    names = _categories(lang)
    counted = survey.layout.form == "wide" or survey.layout.respondent is not None
    with st.container(horizontal=True):   # side by side as long as they fit, even on a phone
        st.metric(t(lang, f"{KEY}.respondents"), f"{survey.respondents:,}" if counted else "–", width="content")
        st.metric(t(lang, f"{KEY}.features"), f"{len(survey.features):,}", width="content")
        st.metric(t(lang, f"{KEY}.pairs"), f"{len(survey.pairs):,}", width="content")
    threshold = st.slider(t(lang, f"{KEY}.threshold"), 0.0, 0.3, 0.0, step=0.01, format="%.2f",
                          key=f"{KEY}_threshold", help=t(lang, f"{KEY}.threshold_help"))
    table = kano_survey.results(survey, threshold)
    for row in table.itertuples():
        feature = literal(str(row.feature), 60)
        if row.n == 0:
            st.warning(t(lang, f"{KEY}.no_answers", feature=feature), icon=":material/warning:")
            continue
        if row.q_warning:
            st.warning(t(lang, f"{KEY}.q_warning", feature=feature, share=row.questionable),
                       icon=":material/warning:")
        if row.ambiguous:
            st.info(t(lang, f"{KEY}.ambiguous", feature=feature, strength=row.strength, threshold=threshold,
                      winner=names[row.category]), icon=":material/rule:")
        if row.category == "R":
            st.info(t(lang, f"{KEY}.reverse", feature=feature), icon=":material/info:")
    shown = results_frame(table, lang)
    percent = st.column_config.NumberColumn(format="%.1f")
    config = {t(lang, f"{KEY}.table.strength"): st.column_config.NumberColumn(format="%.2f"),
              "Better": st.column_config.NumberColumn(format="%.2f"),
              "Worse": st.column_config.NumberColumn(format="%.2f"),
              t(lang, f"{KEY}.table.questionable"): percent,
              t(lang, f"{KEY}.table.ambiguous"): st.column_config.CheckboxColumn(
                  help=t(lang, f"{KEY}.table.ambiguous_help"))}
    config.update({t(lang, f"{KEY}.table.share", category=c): percent for c in SHOWN_ORDER})
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
    ui.results_download(shown, lang, "kano-lab-results")
    st.subheader(t(lang, f"{KEY}.chart_title"), anchor="better-worse")
    st.caption(t(lang, f"{KEY}.chart_try"))
    data = chart_data(table, lang)
    if data["feature"]:
        chart(_spec(lang, settings.scale), data, t(lang, f"{KEY}.alt"))
    st.caption(t(lang, f"{KEY}.source", file=literal(file, 60)))
