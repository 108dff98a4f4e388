"""The SERVQUAL lab page: a reader's survey (22 expectation and 22 perception items, optional importance
points) analysed as the quality chapter teaches, with tables, charts and downloads."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from models import servqual_survey as survey
from models.servqual import DIMENSIONS, ITEM_DIMENSION, largest_shortfall

from ..charts import labs_servqual as charts
from ..charts import quality as quality_charts
from ..exhibits.common import chart, term_name
from ..i18n import t
from ..render import literal
from ..settings import Settings
from .reading import Upload
from .ui import excluded_frame, excluded_notice, results_download, template_buttons, upload_box

LAB = "servqual"
KEY = "labs.servqual"
RESULT_KEY = "lab_servqual_result"
EXAMPLE_ROW = [7, 6, 6, 5, 7, 7, 6, 7, 6, 6, 7, 6, 5, 7, 7, 6, 6, 5, 5, 6, 6, 5,     # E1 … E22
               6, 5, 5, 5, 6, 5, 6, 6, 5, 4, 5, 5, 4, 6, 6, 6, 6, 4, 5, 4, 5, 4,     # P1 … P22
               10, 30, 25, 20, 15]                                                    # importance points


def template_columns(lang: str) -> list[str]:
    """The template's headers in the reader's language (both are recognised in uploads)."""
    e, p, w = (t(lang, f"{KEY}.template.{part}") for part in ("expectation", "perception", "weight"))
    return ([f"{e}{i}" for i in survey.ITEMS] + [f"{p}{i}" for i in survey.ITEMS]
            + [f"{w}{term_name(d, lang) if lang == 'zh' else d}" for d in DIMENSIONS])


def _analysis(upload: Upload, columns: survey.ColumnMap) -> survey.SurveyResult:
    """The analysis of this upload, computed once: a rerun that only redraws reuses it."""
    stored = st.session_state.get(RESULT_KEY)
    if stored is not None and stored[0] is upload:
        return stored[1]
    result = survey.analyse(upload.frame, columns)
    st.session_state[RESULT_KEY] = (upload, result)
    return result


def _columns_ok(columns: survey.ColumnMap, upload: Upload, lang: str) -> bool:
    """Say what is wrong with the headers, if anything; False when the analysis cannot run."""
    file = literal(upload.name)
    if columns.missing:
        shown = "、".join(columns.missing[:12]) if lang == "zh" else ", ".join(columns.missing[:12])
        st.error(t(lang, f"{KEY}.missing_columns", file=file, n=len(columns.missing),
                   columns=literal(shown, limit=200), more="…" if len(columns.missing) > 12 else ""),
                 icon=":material/error:")
    for group in columns.duplicates:
        st.error(t(lang, f"{KEY}.duplicate_columns", file=file, columns=literal(" / ".join(group), limit=120)),
                 icon=":material/error:")
    if not columns.usable:
        return False
    if columns.missing_weights:
        st.warning(t(lang, f"{KEY}.missing_weights", file=file, columns=", ".join(columns.missing_weights)),
                   icon=":material/warning:")
    return True


def servqual_lab(settings: Settings) -> None:
    lang = settings.lang
    st.markdown(t(lang, f"{KEY}.format"))
    template_buttons(LAB, template_columns(lang), [EXAMPLE_ROW], lang)
    upload = upload_box(LAB, settings)
    if upload is None:
        return
    columns = survey.map_columns(upload.frame.columns)
    if not _columns_ok(columns, upload, lang):
        return
    result = _analysis(upload, columns)
    st.caption(t(lang, f"{KEY}.rule"))
    excluded_notice(result.excluded, lang, upload.name)
    if result.weights_ignored:
        st.warning(t(lang, f"{KEY}.weights_ignored", n=len({e.row for e in result.weights_ignored})),
                   icon=":material/warning:")
        with st.expander(t(lang, f"{KEY}.weights_ignored_table")):
            st.dataframe(excluded_frame(result.weights_ignored, lang), hide_index=True, width="stretch")
    if result.respondents == 0:
        st.error(t(lang, f"{KEY}.no_respondents", file=literal(upload.name), rows=result.rows),
                 icon=":material/error:")
        return
    _scores(result, lang)
    st.subheader(t(lang, f"{KEY}.dimensions_heading"), anchor="dimensions")
    st.caption(t(lang, f"{KEY}.try"))
    _dimension_chart(result, settings)
    frame = dimension_table(result, lang)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=_formats(lang))
    st.caption(t(lang, f"{KEY}.alpha_note"))
    results_download(frame, lang, "servqual-dimensions")
    st.subheader(t(lang, f"{KEY}.items_heading"), anchor="items")
    _item_chart(result, settings)
    items = item_table(result, lang)
    with st.expander(t(lang, f"{KEY}.items_table")):
        st.dataframe(items, hide_index=True, width="stretch", column_config=_formats(lang))
    results_download(items, lang, "servqual-items")
    st.caption(t(lang, f"{KEY}.source"))


def _scores(result: survey.SurveyResult, lang: str) -> None:
    cols = st.columns(3)
    cols[0].metric(t(lang, f"{KEY}.respondents"), f"{result.respondents:,}",
                   delta=t(lang, f"{KEY}.of_rows", rows=f"{result.rows:,}"), delta_color="off", delta_arrow="off")
    cols[1].metric(t(lang, f"{KEY}.unweighted"), f"{result.unweighted:+.2f}", help=t(lang, f"{KEY}.unweighted_help"))
    if result.weighted is None:
        cols[2].metric(t(lang, f"{KEY}.weighted"), "—", help=t(lang, f"{KEY}.weighted_help"))
        st.caption(t(lang, f"{KEY}.no_weights"))
    else:
        cols[2].metric(t(lang, f"{KEY}.weighted"), f"{result.weighted:+.2f}", help=t(lang, f"{KEY}.weighted_help"),
                       delta=t(lang, f"{KEY}.weight_respondents", n=f"{result.weight_respondents:,}"),
                       delta_color="off", delta_arrow="off")
    gaps = dict(zip(result.dimensions["dimension"], result.dimensions["gap"]))
    worst = largest_shortfall(gaps)
    if worst is None:
        st.success(t(lang, f"{KEY}.no_shortfall"))
    else:
        st.markdown(t(lang, f"{KEY}.largest", dim=term_name(worst, lang), gap=f"{gaps[worst]:+.2f}"))


def _bar_labels(lang: str) -> tuple[tuple[str, str], ...]:
    return (("axis", t(lang, f"{KEY}.axis_gap")), ("row", t(lang, f"{KEY}.dimension")),
            ("expected", t(lang, f"{KEY}.expectation")), ("perceived", t(lang, f"{KEY}.perception")),
            ("gap", t(lang, f"{KEY}.gap")), ("weight", t(lang, f"{KEY}.weight")),
            ("verdict", t(lang, f"{KEY}.verdict")))


def _verdicts(lang: str) -> tuple[tuple[str, str], ...]:
    return (("shortfall", t(lang, f"{KEY}.shortfall")), ("met", t(lang, f"{KEY}.met")))


def dimension_rows(result: survey.SurveyResult, lang: str) -> dict[str, list]:
    """The dimension gaps as the quality chapter's gap chart takes them."""
    dims = result.dimensions
    worst = largest_shortfall(dict(zip(dims["dimension"], dims["gap"])))
    verdicts = dict(_verdicts(lang))
    rows = [{"row": term_name(r.dimension, lang), "expected": r.expectation, "perceived": r.perception,
             "gap": r.gap, "label": f"{r.gap:+.2f}", "weight": None if pd.isna(r.weight) else round(r.weight, 1),
             "verdict": verdicts["shortfall" if r.gap < 0 else "met"], "highlight": r.dimension == worst,
             "lo": -quality_charts.GAP_AXIS_MIN, "hi": quality_charts.GAP_AXIS_MIN} for r in dims.itertuples()]
    return {field: [row[field] for row in rows] for field in rows[0]}


def _dimension_chart(result: survey.SurveyResult, settings: Settings) -> None:
    lang = settings.lang
    spec = quality_charts.gap_bars_spec(_bar_labels(lang), _verdicts(lang), settings.scale)
    chart(spec, dimension_rows(result, lang), t(lang, f"{KEY}.alt_dimensions"))


def _measures(lang: str) -> tuple[str, str]:
    return t(lang, f"{KEY}.expectation"), t(lang, f"{KEY}.perception")


def item_label(item: int, lang: str) -> str:
    return t(lang, f"{KEY}.item_label", item=item, dim=term_name(ITEM_DIMENSION[item], lang))


def item_rows(result: survey.SurveyResult, lang: str) -> dict[str, list]:
    """Two rows per item for the item chart: the mean expectation and the mean perception."""
    e_name, p_name = _measures(lang)
    rows = []
    for r in result.items.itertuples():
        shared = {"row": item_label(r.item, lang), "expectation": r.expectation, "perception": r.perception,
                  "gap": r.gap, "label": f"{r.gap:+.2f}", "right": max(r.expectation, r.perception),
                  "shortfall": bool(r.gap < 0)}
        rows.append({**shared, "measure": e_name, "value": r.expectation, "first": True})
        rows.append({**shared, "measure": p_name, "value": r.perception, "first": False})
    return {field: [row[field] for row in rows] for field in rows[0]}


def _item_chart(result: survey.SurveyResult, settings: Settings) -> None:
    lang = settings.lang
    labels = (("axis", t(lang, f"{KEY}.axis_scale")), ("item", t(lang, f"{KEY}.item")), ("gap", t(lang, f"{KEY}.gap")))
    spec = charts.item_gaps_spec(labels, _measures(lang), settings.scale)
    chart(spec, item_rows(result, lang), t(lang, f"{KEY}.alt_items"))


FORMATS = {"expectation": "%.2f", "perception": "%.2f", "gap": "%.2f", "weight": "%.1f",
           "alpha_e": "%.3f", "alpha_p": "%.3f", "alpha_gap": "%.3f"}


def _formats(lang: str) -> dict:
    """Means and gaps with two decimals, points with one, α with three, in either table."""
    return {t(lang, f"{KEY}.{key}"): st.column_config.NumberColumn(format=fmt) for key, fmt in FORMATS.items()}


def dimension_table(result: survey.SurveyResult, lang: str) -> pd.DataFrame:
    """Per dimension: items, mean E, mean P, gap, mean importance points and Cronbach's α (E, P, gap)."""
    dims = result.dimensions
    columns = {
        "dimension": [term_name(d, lang) for d in dims["dimension"]], "items": dims["items"],
        "expectation": dims["expectation"].round(2), "perception": dims["perception"].round(2),
        "gap": dims["gap"].round(2), "weight": dims["weight"].round(1),
        **{key: dims[key].round(3) for key in ("alpha_e", "alpha_p", "alpha_gap")},
    }
    return pd.DataFrame({t(lang, f"{KEY}.{key}"): values for key, values in columns.items()})


def item_table(result: survey.SurveyResult, lang: str) -> pd.DataFrame:
    items = result.items
    return pd.DataFrame({
        t(lang, f"{KEY}.item"): items["item"],
        t(lang, f"{KEY}.dimension"): [term_name(d, lang) for d in items["dimension"]],
        t(lang, f"{KEY}.expectation"): items["expectation"].round(2),
        t(lang, f"{KEY}.perception"): items["perception"].round(2),
        t(lang, f"{KEY}.gap"): items["gap"].round(2),
    })

