"""Shared test setup: error details on (the site hides them from readers), fresh caches per test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
config.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
