"""The site's machinery: content loading, reader settings, the page shell, charts and exhibits.

Streamlit can run a full garbage collection after every rerun; with pandas, pyarrow and altair loaded
that walk costs tens of milliseconds. So, once per process, this package loads the heavy libraries and
parses the content, then freezes everything alive into the permanent generation that the collector
skips (and .streamlit/config.toml turns the post-run collection off; bench/benchmark.py --part fix
measures both). A deep link runs only its page script, which imports this package first, so every
process gets the fix.

Compiling the exhibits' chart specs takes a few seconds in all, too long to make the first visitor
wait, so it runs in a background thread (after starting the SVG converter that draws a page's first
charts, book/charts/static.py); a reader who gets to a chart first compiles it on demand.
"""
import gc
import logging
import os
import threading

import altair  # noqa: F401  (loaded before the freeze below)
import pandas  # noqa: F401
import streamlit  # noqa: F401

from . import content, exhibits
from .charts import static
from .shell import rendered_chapter, shell

log = logging.getLogger(__name__)


def _load_content() -> None:
    for chapter_id in content.published_chapters():
        for lang in content.LANGS:
            rendered_chapter(chapter_id, lang)
    for lang in content.LANGS:
        content.load_chapter("home", lang)


def _compile_charts() -> None:
    try:
        static.warm()
        exhibits.compile_charts()
    except Exception:  # a warm-up failure must not take the site down; the page shows its own error
        log.exception("compiling the exhibits' charts in the background failed")


if not os.environ.get("BENCH_NO_FREEZE"):   # bench/benchmark.py --part fix measures the cost without it
    _load_content()
    gc.collect()
    gc.freeze()
threading.Thread(target=_compile_charts, name="compile-charts", daemon=True).start()

__all__ = ["exhibits", "shell"]
