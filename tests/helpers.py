"""What the page tests share: opening a page as a reader would, and reading what it shows."""
from __future__ import annotations

import html
import re
from urllib.parse import unquote

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from book import content, share

PAGES = [None, *(f"pages/{c}.py" for c in content.published_chapters())]
SVG_IMAGE = re.compile(r'<img src="data:image/svg\+xml;charset=utf-8,([^"]*)" width="([\d.]+)" height="([\d.]+)" '
                       r'alt="([^"]*)">')


def open_page(page: str | None = None, **query: str) -> AppTest:
    """Start from the entrypoint (AppTest needs it), then open `page` with the URL's query values."""
    at = AppTest.from_file(str(content.ROOT / "streamlit_app.py"), default_timeout=60)
    if page:
        at.run()
        at.switch_page(page)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_share(at: AppTest) -> AppTest:
    """What opening "Share this view" does: the popover's state turns open and the page reruns."""
    at.session_state[share.SHARE_KEY] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric(at: AppTest, label_start: str) -> str:
    matches = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert len(matches) == 1, [m.label for m in at.metric]
    return matches[0]


def button_group(at: AppTest, key: str):
    return next(b for b in at.get("button_group") if b.key == key)


def chart_rows(at: AppTest, index: int) -> pd.DataFrame:
    return pa.ipc.open_stream(at.get("vega_lite_chart")[index].proto.data.data).read_pandas()


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def sections(at: AppTest) -> list[str]:
    """The text, without tags, of each chapter section's body the page shows (one st.html block each)."""
    return [_plain(block.value) for block in at.html if block.value.startswith('<div class="prose">')]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.header] + [t.value for t in at.title]
    parts += sections(at)
    return "\n".join(parts)


def lab_upload(page: str, lab: str, data: bytes, name: str, lang: str) -> AppTest:
    """Open a data lab's page, choose "upload my file" and upload `data` as the file `name`."""
    at = open_page(page, lang=lang)
    at.radio(key=f"lab_{lab}_source").set_value("upload").run()
    at.file_uploader(key=f"lab_{lab}_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def svg_images(block: str) -> list[tuple[str, float, float, str]]:
    """The SVG images in an HTML block drawn on the server (book/charts/static.py): each one's SVG,
    width, height and alternative text."""
    return [(unquote(svg), float(w), float(h), alt) for svg, w, h, alt in SVG_IMAGE.findall(block)]
