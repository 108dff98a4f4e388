"""'Share this view': the address of exactly what the reader sees — page, settings, lecture card and the
exhibit inputs bound to the URL — as a link and as a QR code made on the server (no outside service),
so a lecturer can put a view on the projector and students open it on their phones."""
from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from .i18n import t
from .settings import Settings

# Never part of a shared link: the live class's lecturer key (whoever holds it controls the activity)
# and a student's anonymous id (whoever holds it answers as that student).
PRIVATE_PARAMS = frozenset({"key", "p"})
SHARE_KEY = "_share_view"       # the popover's open state: page chrome, not in the URL


def view_url(app_url: str, base_path: str, page: str, params: dict[str, str | list[str]]) -> str:
    """The address of `page` ("" for home) with the current query parameters (repeated keys kept, as
    range sliders need). Scheme and host come from the browser's address, when known."""
    parts = urlsplit(app_url or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    prefix = "/" + base_path.strip("/") if base_path.strip("/") else ""
    query = urlencode(params, doseq=True)
    return f"{origin}{prefix}/{page}" + (f"?{query}" if query else "")


@lru_cache(maxsize=512)
def qr_png(url: str) -> bytes | None:
    """The link as a QR code, or None when it is too long for one (a QR code holds about 2 KB)."""
    try:
        code = segno.make(url, error="m")
    except segno.DataOverflowError:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def control(settings: Settings, page: str) -> None:
    lang = settings.lang
    # Opening the popover reruns the page and only then draws the link, from the address as it is then:
    # exhibit inputs change the URL in fragment reruns, which leave a link drawn with the page out of date.
    # A closed popover draws nothing: no QR image kept for every reader, no code block to load.
    with st.popover(t(lang, "share.button"), icon=":material/qr_code_2:", key=SHARE_KEY,
                    on_change="rerun") as popover:
        if not popover.open:
            return
        params = {key: st.query_params.get_all(key) for key in st.query_params if key not in PRIVATE_PARAMS}
        url = view_url(st.context.url, st.get_option("server.baseUrlPath") or "", page, params)
        st.caption(t(lang, "share.intro"))
        st.code(url, language=None, wrap_lines=True)
        png = qr_png(url)
        if png is None:
            st.info(t(lang, "share.too_long"))
        else:
            st.image(png, caption=t(lang, "share.qr"), width=220)
