"""What every exhibit shares: its frame (title, "try this", source), its data table, term names."""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable

import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from .. import content, lecture
from ..charts import static
from ..charts.palette import in_palette, recolour_text
from ..i18n import t
from ..settings import Settings

log = logging.getLogger(__name__)
SHOWN_KEY = "_charts_shown_as_svg"   # alternative text → (spec, data, first live draw) of the SVG on screen
STAND_IN_SECONDS = 3.0               # how long after a chart's first live draw its SVG still stands in
Rows = list[dict]   # an exhibit's data: one dict per row; pandas only where Streamlit needs a frame


def term_name(term_id: str, lang: str) -> str:
    """A glossary term's name in `lang`, capitalised for a label."""
    name = content.glossary()[term_id][lang]
    return name[:1].upper() + name[1:]


def reader_palette() -> str:
    """The palette the reader chose (see book/charts/palette.py); the default outside a page run."""
    from ..shell import STATE_KEY         # the shell imports the exhibits' users; import it when drawing
    settings = st.session_state.get(STATE_KEY)
    return settings.palette if isinstance(settings, Settings) else Settings().palette


def styled(spec: dict) -> dict:
    """A compiled chart spec in the reader's palette, as a fresh top-level dict for st.vega_lite_chart."""
    return in_palette(spec, reader_palette())


def chart(spec: dict, data: dict[str, list], alt_text: str, *, live: bool = False) -> None:
    """A compiled chart spec in the reader's palette with its data (columns). When the page is drawn it
    arrives as SVG made on the server (book/charts/static.py); once the reader moves one of the exhibit's
    inputs, its fragment reruns and draws the live Vega chart, fed a pyarrow table (which goes to the
    browser as is, where a pandas frame would cost more than the rest of the rerun). `live` draws the
    live chart at once (the class page's results, which refresh every few seconds)."""
    spec = styled(spec)
    if not live and _first_render():
        try:
            st.html(static.figure(spec, data, alt_text))
            st.session_state.setdefault(SHOWN_KEY, {})[alt_text] = (spec, data, None)
            return
        except Exception:       # the live chart shows the same figures; the operator finds why in the log
            log.exception("drawing a chart as SVG on the server failed; sending the live chart")
    st.vega_lite_chart(pa.table(data), spec, width="stretch", theme=None, alt=alt_text)
    if not live:
        _stand_in(alt_text)


def _stand_in(alt_text: str) -> None:
    """After a chart's first live draw, the browser may still have to load Vega (about half a second):
    for the first STAND_IN_SECONDS the SVG the reader was looking at follows the live chart and holds its
    place until Vega has drawn (book/site.css hides it then), so nothing below jumps. Every rerun in that
    window sends it, as a quick second move interrupts the rerun that first sent it. Its SVGs are in the
    converter's cache: no conversion here."""
    shown = st.session_state.get(SHOWN_KEY, {})
    if alt_text not in shown:
        return
    spec, data, since = shown[alt_text]
    now = time.monotonic()
    if since is None:
        shown[alt_text] = (spec, data, now)
    elif now - since > STAND_IN_SECONDS:
        del shown[alt_text]
        return
    try:
        st.html(static.figure(spec, data, alt_text, until_live=True))
    except Exception:
        log.exception("drawing a chart's stand-in SVG failed")


def _first_render() -> bool:
    """True when the chart is drawn as part of the whole page, not by its exhibit's own rerun; always
    False in lecture mode (one chart at a time, on a projector) and where BOOK_CHARTS=live (the tests
    that read a chart's data, and an operator who wants every chart live)."""
    if os.environ.get("BOOK_CHARTS") == "live" or lecture.active() is not None:
        return False
    ctx = get_script_run_ctx()
    return ctx is not None and not ctx.fragment_ids_this_run


def columns(rows: Rows, fields: Iterable[str] | None = None) -> dict[str, list]:
    """Rows as columns for `chart`: `fields`, or every key the rows have in order; a missing value is None."""
    fields = dict.fromkeys(key for row in rows for key in row) if fields is None else fields
    return {field: [row.get(field) for row in rows] for field in fields}


def diagram(draw: Callable[[int], str], alt_text: str) -> None:
    """A figure that does not change with the reader's inputs, drawn on the server: `draw(width)` gives its
    SVG at a width in px; it arrives in the reader's palette at both chart widths, as a chart does on a
    page's first render, and never needs the browser to load a drawing library."""
    palette = reader_palette()
    st.html(static.pair(recolour_text(draw(static.WIDE), palette), recolour_text(draw(static.NARROW), palette),
                        alt_text, "static-diagram"))


def data_table(rows: Rows, lang: str, columns: dict[str, str]) -> None:
    with st.expander(t(lang, "exhibits.show_table")):
        st.markdown(markdown_table(rows, columns))


def markdown_table(rows: Rows, columns: dict[str, str]) -> str:
    """The exhibit's data as a Markdown table: printable, read by screen readers, cheap to send."""
    def cell(value) -> str:
        return f"{value:.1f}" if isinstance(value, float) else str(value).replace("|", "\\|")
    lines = ["| " + " | ".join(columns.values()) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def exhibit_frame(settings: Settings, name: str, body: Callable[[Settings], None], intro: str = "") -> None:
    """An exhibit's fixed frame around its interactive body: a slider move reruns (and re-sends)
    only the body, a fragment, not the title, the "try this" line or the source line."""
    key = f"exhibits.{name}"
    deck = lecture.active()
    if deck is not None and not deck.claim(t(settings.lang, f"{key}.title")):
        return                                   # lecture mode shows one card at a time
    st.subheader(t(settings.lang, f"{key}.title"), anchor=f"exhibit-{name}")
    st.caption(t(settings.lang, f"{key}.try"))
    if intro:
        st.markdown(intro)
    body(settings)
    st.caption(t(settings.lang, f"{key}.source"))
