"""Chart specs: authored in Altair, compiled once, fed model output as data. No theory here.

Building and validating an Altair chart costs about 100 ms, far more than a slider move may cost, so
each chart's spec is compiled once per language and text size (`functools.lru_cache`) and a rerun only
hands it new data: `st.vega_lite_chart(pyarrow_table, dict(spec), theme=None, width="stretch")`.
On a page's first render the same spec and data arrive as SVG drawn on the server (`static.py`).
One module per chapter (`zones.py` for the zone of tolerance); shared settings live here.

Charts use the system's CJK font (no web font is fetched), grow with the reader's text size (`scale`),
and tell categories apart by shape or direct labels as well as colour (Okabe–Ito colours).
"""
from __future__ import annotations

import altair as alt

FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Sans Pro', sans-serif"
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
DATA = alt.NamedData(name="rows")     # stands for the data passed to st.vega_lite_chart


def finish(chart: alt.TopLevelMixin, scale: float, height: float | alt.Step | None = None) -> dict:
    """Apply the site's look and compile to a Vega-Lite dict without data."""
    size = {"width": "container"} if height is None else {"width": "container", "height": height}
    spec = (chart.properties(**size).configure(font=FONT)
            .configure_axis(labelFontSize=13 * scale, titleFontSize=13 * scale, labelLimit=220 * scale,
                            gridColor="#e6e6e6")
            .configure_legend(labelFontSize=13 * scale, symbolSize=140 * scale, orient="bottom", title=None)
            .configure_view(stroke=None)).to_dict()
    spec.pop("data", None)
    return spec
