"""Shared test setup: error details on (the site hides them from readers), fresh caches per test."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
config.set_option("client.showErrorDetails", "full")
# A page's first render draws its charts as SVG images made on the server (book/charts/static.py); the
# page tests read a chart's data and spec off the live chart, so here every chart is live.
# tests/test_static_charts.py turns this off to test the first render; browser tests run the site as is.
os.environ.setdefault("BOOK_CHARTS", "live")


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of a PostgreSQL server for this test session (tests/pg.py): a throwaway one, or
    CLASSROOM_TEST_POSTGRES_URL. Skips with the reason when none can be had; fails under CI."""
    import contextlib
    import os

    import pg
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(pg.postgres_server())
        except pg.PostgresUnavailable as exc:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL is required when CI is set: {exc}")
            pytest.skip(f"no PostgreSQL server: {exc}")
        yield url


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
