"""Hostile input never reaches a reader as an error: URL parameters of any shape, on every page."""
from __future__ import annotations

import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book import content
from book.settings import CHOICES
from helpers import PAGES, open_page

hostile = st.one_of(
    st.sampled_from(["", " ", "EN", "zh-CN", "../../etc/passwd", "<script>alert(1)</script>", "%00", "∞", "-1",
                     "1e309", "NaN", "lecture", "large ", "x" * 5000, "' OR 1=1 --", "{{7*7}}", "\u202e", "中文"]),
    st.text(max_size=60),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES), lang=hostile, size=hostile, extra=hostile)
def test_any_url_parameters_give_a_working_page(page, lang, size, extra):
    at = open_page(page, lang=lang, size=size, card=extra, r=extra)   # open_page asserts no exception
    settings_now = at.session_state["_settings"]
    assert settings_now.lang in CHOICES["lang"] and settings_now.size in CHOICES["size"]
    shown = " ".join(w.value for w in at.warning)
    for name, value in (("lang", lang), ("size", size)):
        if value.strip().lower() not in CHOICES[name]:
            assert at.query_params.get(name) is None, f"{name}={value!r} stayed in the URL"
            assert len(shown) < 600, "the notice repeats a huge value in full"
    assert "<script>" not in "".join(m.value for m in at.markdown)


def test_server_settings_are_hardened_for_a_public_site():
    with open(content.ROOT / ".streamlit" / "config.toml", "rb") as f:
        config = tomllib.load(f)
    assert config["server"]["maxUploadSize"] <= 20
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showSidebarNavigation"] is False
    assert config["browser"]["gatherUsageStats"] is False


def test_a_rejected_value_is_shown_literally_not_rendered():
    at = open_page("pages/tolerance.py", lang="**bold** [x](javascript:alert(1)) <b>", size="$x^2$")
    notices = [w.value for w in at.warning]
    assert any(r"\*\*bold\*\* \[x\]\(javascript\:alert\(1\)\) \<b\>" in n for n in notices), notices
    assert any(r"\$x^2\$" in n for n in notices), notices
