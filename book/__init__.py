"""The site's machinery: content loading, reader settings, the page shell, charts and exhibits.

Streamlit runs a full garbage collection after every rerun; with pandas, pyarrow and altair loaded
that walk costs tens of milliseconds. So, once per process, this package loads the heavy libraries,
parses the content and compiles the exhibits' charts, then freezes everything alive into the
permanent generation that the collector skips (bench/rerun_cost.py measures the effect). A deep
link runs only its page script, which imports this package first, so every process gets the fix.
"""
import gc
import os

import altair  # noqa: F401  (loaded before the freeze below)
import pandas  # noqa: F401
import streamlit  # noqa: F401

from . import content, exhibits
from .shell import rendered_chapter, shell


def _warm_up() -> None:
    for chapter_id in content.published_chapters():
        for lang in content.LANGS:
            rendered_chapter(chapter_id, lang)
    for lang in content.LANGS:
        content.load_chapter("home", lang)
    exhibits.compile_charts()


if not os.environ.get("BENCH_NO_FREEZE"):   # bench/rerun_cost.py measures the cost without the fix
    _warm_up()
    gc.collect()
    gc.freeze()

__all__ = ["exhibits", "shell"]
