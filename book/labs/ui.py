"""The parts every data lab page shares: the upload box with the sample data, template and result
downloads, and the notice of rows left out. Strings come from ui.toml [*.labs]."""
from __future__ import annotations

import io
from functools import lru_cache

import pandas as pd
import streamlit as st

from models.labs import Excluded, excluded_rows

from ..content import CONTENT
from ..i18n import t
from ..render import literal
from .reading import TYPES, LabError, Upload, read_upload

SHOWN_VALUE = 40   # characters of an offending cell shown in the excluded-rows table


def sample_path(lab: str, lang: str = "zh"):
    """The lab's shipped synthetic data set: content/data/lab_<lab>_sample_<lang>.csv if there is one
    for the reader's language (feature names are data, so a Kano sample comes in both), else
    content/data/lab_<lab>_sample.csv."""
    localised = CONTENT / "data" / f"lab_{lab}_sample_{lang}.csv"
    return localised if localised.exists() else CONTENT / "data" / f"lab_{lab}_sample.csv"


@lru_cache(maxsize=8)
def _sample(path, _stamp: float) -> Upload:
    return read_upload(path.name, path.read_bytes())


def error_text(error: LabError, lang: str) -> str:
    """The error in the reader's language; values from the file are shown literally (no Markdown)."""
    key = error.key if "." in error.key else f"labs.errors.{error.key}"
    params = {name: literal(str(value)) for name, value in error.params.items()}
    return t(lang, key, **params)


def reason_text(reason: str, lang: str) -> str:
    return t(lang, reason if "." in reason else f"labs.reasons.{reason}")


def _read_cached(lab: str, uploaded) -> Upload | LabError:
    """Read an upload once: later reruns (moving a slider) reuse the result, kept for this session."""
    store_key = f"lab_{lab}_read"
    stored = st.session_state.get(store_key)
    if stored is not None and stored[0] == uploaded.file_id:
        return stored[1]
    try:
        result: Upload | LabError = read_upload(uploaded.name, uploaded.getvalue())
    except LabError as error:
        result = error
    st.session_state[store_key] = (uploaded.file_id, result)
    return result


def upload_box(lab: str, settings) -> Upload | None:
    """The reader's choice of the shipped sample or their own file, read into an Upload; an error in the
    file is shown in the reader's language. None when there is nothing to analyse."""
    lang = settings.lang
    choice = st.radio(t(lang, "labs.ui.source"), ("sample", "upload"), horizontal=True, key=f"lab_{lab}_source",
                      format_func=lambda option: t(lang, f"labs.ui.source_{option}"))
    if choice == "sample":
        path = sample_path(lab, lang)
        st.caption(t(lang, "labs.ui.sample_note", file=path.name))
        return _sample(path, path.stat().st_mtime)
    limit = st.get_option("server.maxUploadSize")
    uploaded = st.file_uploader(t(lang, "labs.ui.upload"), key=f"lab_{lab}_file",
                                help=t(lang, "labs.ui.upload_help", types=", ".join(TYPES)))
    st.caption(t(lang, "labs.ui.upload_limit", limit=limit, types=", ".join(TYPES)))
    if uploaded is None:
        st.info(t(lang, "labs.ui.nothing_yet"), icon=":material/upload_file:")
        return None
    result = _read_cached(lab, uploaded)
    if isinstance(result, LabError):
        st.error(error_text(result, lang), icon=":material/error:")
        return None
    st.caption(t(lang, "labs.ui.read_ok", file=literal(result.name), rows=len(result.frame),
                 columns=len(result.frame.columns), encoding=result.encoding,
                 separator=t(lang, f"labs.separators.{_separator_name(result.separator)}")))
    return result


def _separator_name(separator: str | None) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", None: "xlsx"}[separator]


def template_csv(columns: list[str], example_rows: list[list]) -> bytes:
    """A template as CSV in UTF-8 with a BOM, so that Excel opens Chinese headers correctly."""
    return pd.DataFrame(example_rows, columns=columns).to_csv(index=False).encode("utf-8-sig")


def template_xlsx(columns: list[str], example_rows: list[list]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in example_rows:
        sheet.append(row)
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(10, 2 * len(name) + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_buttons(lab: str, columns: list[str], example_rows: list[list], lang: str) -> None:
    """Download buttons for a template (CSV and .xlsx) with headers in the reader's language."""
    stem = f"{lab}-template-{lang}"
    with st.container(horizontal=True):
        st.download_button(t(lang, "labs.ui.template_csv"), data=template_csv(columns, example_rows),
                           file_name=f"{stem}.csv", mime="text/csv", icon=":material/download:",
                           on_click="ignore", key=f"lab_{lab}_template_csv")
        st.download_button(t(lang, "labs.ui.template_xlsx"), data=template_xlsx(columns, example_rows),
                           file_name=f"{stem}.xlsx", icon=":material/download:", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"lab_{lab}_template_xlsx")


def results_download(frame: pd.DataFrame, lang: str, stem: str) -> None:
    """A CSV download (UTF-8 with BOM) of a results table."""
    st.download_button(t(lang, "labs.ui.results_csv"), data=frame.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{stem}-{lang}.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore", key=f"lab_results_{stem}")


def shown_value(value: str) -> str:
    """A cell as it may be shown: control characters made visible, long text shortened."""
    visible = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value[:SHOWN_VALUE + 1])
    return visible[:SHOWN_VALUE] + "…" if len(value) > SHOWN_VALUE else visible


def excluded_frame(excluded: list[Excluded], lang: str) -> pd.DataFrame:
    return pd.DataFrame({t(lang, "labs.ui.excluded_row"): [e.row for e in excluded],
                         t(lang, "labs.ui.excluded_column"): [e.column for e in excluded],
                         t(lang, "labs.ui.excluded_reason"): [reason_text(e.reason, lang) for e in excluded],
                         t(lang, "labs.ui.excluded_value"): [shown_value(e.value) for e in excluded]})


def excluded_notice(excluded: list[Excluded], lang: str, file: str = "", message_key: str = "labs.ui.excluded",
                    **values) -> None:
    """How many rows were left out and why, with a table of every cell that caused it. A lab that leaves
    out single answers rather than whole rows passes its own `message_key`; the message gets `file`,
    `rows` (rows named), `cells` (entries), `why` and any further `values`."""
    if not excluded:
        return
    reasons: dict[str, int] = {}
    for entry in excluded:
        reasons[entry.reason] = reasons.get(entry.reason, 0) + 1
    why = t(lang, "labs.ui.list_separator").join(
        t(lang, "labs.ui.reason_count", reason=reason_text(r, lang), n=n) for r, n in reasons.items())
    st.warning(t(lang, message_key, file=literal(file), rows=excluded_rows(excluded), cells=len(excluded), why=why,
                 **values), icon=":material/warning:")
    with st.expander(t(lang, "labs.ui.excluded_table")):
        st.dataframe(excluded_frame(excluded, lang), hide_index=True, width="stretch")
