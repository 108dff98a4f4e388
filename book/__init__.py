"""The site's machinery: content loading, reader settings, the page shell, charts and exhibits.

Importing this package loads the heavy libraries once per process and freezes the import heap, so
Streamlit's garbage collection after every rerun no longer walks pandas, pyarrow and altair (about
40 ms per rerun otherwise; see bench/rerun_cost.py). A deep link runs only its page script, which
imports this package first, so the fix applies whichever page a server serves first.
"""
import gc

import altair  # noqa: F401  (imported for the heap freeze below)
import pandas  # noqa: F401
import streamlit  # noqa: F401

gc.collect()
gc.freeze()

from . import exhibits  # noqa: E402
from .shell import shell  # noqa: E402

__all__ = ["exhibits", "shell"]
