"""Exhibits for the service economy chapter: placing offerings on the search–experience–credence
continuum, services' share of GDP over time, and the sector make-up of the US and China in a chosen year."""
from __future__ import annotations

from functools import lru_cache

import streamlit as st

from models import evaluation, sector_shares
from models.evaluation import OFFERING_IDS, QUALITIES
from models.sector_shares import SECTORS, Share

from ..charts import service_economy as charts
from ..content import CONTENT, LANGS, modified
from ..i18n import t
from ..settings import CHOICES, Settings
from . import bound
from .common import Rows, chart, columns, data_table, exhibit_frame

DATA_FILE = CONTENT / "data" / "service_share.csv"
PLACEMENTS_KEY = "se_placements"
OFFERING_KEY = "se_offering"
REVEAL_KEY = "se_reveal"
SERIES_KEY = "se_series"
YEARS_KEY = "se_years"
CN_POINT_KEY = "se_cn_point"
US_POINT_KEY = "se_us_point"
DEFAULT_OFFERING = "car-repair"             # readers often call it an experience good; the book says credence
DEFAULT_POINTS = {"CN": ("cn-first-release", 2020), "US": ("us-stlfed", 2020)}   # the one year both sources give
READER_COLUMNS = ("mine", "verdict")        # the continuum table's columns that stay empty until the reader places
KINDS = ("good", "service")
UNSPLIT_KEYS = (*SECTORS, "unsplit")
LABEL_MIN = 9.0     # narrower segments are left unlabelled: on a phone their label would not fit
TEXT = "service_economy"


@lru_cache(maxsize=4)
def _read(_stamp: float) -> tuple[Share, ...]:
    return sector_shares.parse(DATA_FILE.read_text(encoding="utf-8").splitlines())


def shares() -> tuple[Share, ...]:
    """The published figures, re-read when the data file changes."""
    return _read(modified(DATA_FILE))


def _label(lang: str, group: str, key: str) -> str:
    return t(lang, f"{TEXT}.{group}.{key}")


def _join(lang: str, names: list[str]) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _offering_name(lang: str, offering_id: str) -> str:
    return t(lang, f"{TEXT}.offerings.{offering_id}.name")


# ── Exhibit 1: the evaluation continuum ───────────────────────────────────────────────────────────

def _bands(lang: str) -> tuple[tuple[str, float, float], ...]:
    edges = evaluation.BAND_EDGES
    return tuple((_label(lang, "bands", q), round(edges[i], 1), round(edges[i + 1], 1)) for i, q in enumerate(QUALITIES))


def _continuum_spec(lang: str, scale: float) -> dict:
    key = "exhibits.evaluation_continuum"
    labels = {"row": t(lang, f"{key}.offering"), "kind": t(lang, f"{key}.kind"), "book": t(lang, f"{key}.book"),
              "verdict": t(lang, f"{key}.verdict"), "axis": t(lang, f"{key}.axis")}
    kinds = tuple((k, _label(lang, "kinds", k)) for k in KINDS)
    return charts.continuum_spec(tuple(labels.items()), _bands(lang), kinds, scale)


def _placements() -> dict[str, str | None]:
    if PLACEMENTS_KEY not in st.session_state:
        st.session_state[PLACEMENTS_KEY] = dict.fromkeys(OFFERING_IDS)
    return st.session_state[PLACEMENTS_KEY]


def _clear_placements() -> None:
    st.session_state[PLACEMENTS_KEY] = dict.fromkeys(OFFERING_IDS)
    for offering_id in OFFERING_IDS:
        st.session_state.pop(f"se_place_{offering_id}", None)


def continuum_rows(placements: dict[str, str | None], reveal: bool, highlight: str, lang: str) -> Rows:
    """One row per offering: the book's placement (hidden until placed unless `reveal`) and the reader's."""
    rows = []
    for item in evaluation.OFFERINGS:
        chosen = placements.get(item.id)
        judged = evaluation.judge(item.id, chosen) if chosen else None
        shown = reveal or judged is not None
        rows.append({
            "id": item.id, "row": _offering_name(lang, item.id), "kind": _label(lang, "kinds", item.kind),
            "book": item.position if shown else None,
            "band": _label(lang, "qualities", item.quality) if shown else "",
            "also": _join(lang, [_label(lang, "qualities", q) for q in item.also]) if shown else "",
            "reader": evaluation.band_centre(chosen) if chosen else None,
            "mine": _label(lang, "qualities", chosen) if chosen else "",
            "verdict": _label(lang, "outcomes", judged.outcome) if judged else "",
            "reason": t(lang, f"{TEXT}.offerings.{item.id}.reason") if shown else "",
            "highlight": item.id == highlight,
        })
    return rows


def _continuum_columns(lang: str) -> dict[str, str]:
    key = "exhibits.evaluation_continuum"
    return {"row": t(lang, f"{key}.offering"), "kind": t(lang, f"{key}.kind"), "band": t(lang, f"{key}.book"),
            "also": t(lang, f"{key}.also"), "mine": t(lang, f"{key}.mine"), "verdict": t(lang, f"{key}.verdict"),
            "reason": t(lang, f"{key}.reason")}


def evaluation_continuum(settings: Settings) -> None:
    """Exhibit: place offerings on the search–experience–credence continuum and compare with the book."""
    exhibit_frame(settings, "evaluation_continuum", _continuum)


@st.fragment
def _continuum(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.evaluation_continuum"
    placements = _placements()
    pick = bound.selectbox(st, t(lang, f"{key}.pick"), OFFERING_IDS, OFFERING_IDS.index(DEFAULT_OFFERING),
                           key=OFFERING_KEY, lang=lang, format_func=lambda o: _offering_name(lang, o))
    place_key = f"se_place_{pick}"
    bound.keep(place_key, placements[pick], None)
    chosen = bound.segmented_control(st, t(lang, f"{key}.place", offering=_offering_name(lang, pick)), QUALITIES,
                                     None, required=False, key=place_key, lang=lang,
                                     format_func=lambda q: _label(lang, "qualities", q))
    placements[pick] = chosen
    reveal = bound.toggle(st, t(lang, f"{key}.reveal"), True, key=REVEAL_KEY, lang=lang)

    item = evaluation.offering(pick)
    book = _label(lang, "qualities", item.quality)
    reason = t(lang, f"{TEXT}.offerings.{pick}.reason")
    if chosen:
        judged = evaluation.judge(pick, chosen)
        box = {"match": st.success, "defensible": st.info, "near": st.warning, "far": st.error}[judged.outcome]
        box(t(lang, f"{key}.judged.{judged.outcome}", offering=_offering_name(lang, pick),
              mine=_label(lang, "qualities", chosen), book=book) + " " + reason)
    elif reveal:
        st.info(t(lang, f"{key}.book_says", offering=_offering_name(lang, pick), book=book) + " " + reason)
    else:
        st.caption(t(lang, f"{key}.hidden"))

    result = evaluation.score(placements)
    placed_col, agree_col = st.columns(2)
    placed_col.metric(t(lang, f"{key}.placed"), f"{result.placed} / {len(OFFERING_IDS)}")
    agree_col.metric(t(lang, f"{key}.agreeing"), f"{result.agreeing} / {result.placed}" if result.placed else "–",
                     help=t(lang, f"{key}.agreeing_help"))

    rows = continuum_rows(placements, reveal, pick, lang)
    fields = ("row", "kind", "book", "band", "reader", "verdict", "highlight")
    spec = _continuum_spec(lang, settings.scale)
    chart(spec, columns(rows, fields), t(lang, f"{key}.alt"))
    counts = evaluation.tally()
    st.markdown(t(lang, f"{key}.reading", goods=sum(counts["good"].values()), goods_search=counts["good"]["search"],
                  services=sum(counts["service"].values()),
                  services_hard=counts["service"]["experience"] + counts["service"]["credence"]))
    if result.placed:
        st.button(t(lang, f"{key}.clear"), key="se_clear", on_click=_clear_placements)
    data_table(rows, lang, _continuum_columns(lang))


# ── Exhibit 2: services' share of GDP over time ───────────────────────────────────────────────────

def _series_name(lang: str, series_id: str) -> str:
    return t(lang, f"{TEXT}.series.{series_id}.name")


def _trend_spec(lang: str, series: tuple[str, ...], scale: float) -> dict:
    key = "exhibits.service_share_trend"
    labels = {name: t(lang, f"{key}.{name}") for name in ("year", "share", "series", "vintage", "half")}
    named = tuple((sid, _series_name(lang, sid)) for sid in series)
    return charts.trend_spec(tuple(labels.items()), named, scale)


def trend_rows(selected: list[Share], lang: str) -> Rows:
    return [{"series": _series_name(lang, s.series), "country": _label(lang, "countries", s.country), "year": s.year,
             "share": s.tertiary, "vintage": s.vintage_zh if lang == "zh" else s.vintage,
             "status": _label(lang, "status", s.status)} for s in selected]


def _trend_columns(lang: str) -> dict[str, str]:
    key = "exhibits.service_share_trend"
    return {"series": t(lang, f"{key}.series"), "year": t(lang, f"{key}.year"), "share": t(lang, f"{key}.share"),
            "status": t(lang, f"{key}.status"), "vintage": t(lang, f"{key}.vintage")}


def default_trend(data: tuple[Share, ...]) -> list[Share]:
    """What the trend exhibit opens on: every series over every year a source gives."""
    return sector_shares.select(data, sector_shares.series_ids(data), *sector_shares.year_span(data))


def service_share_trend(settings: Settings) -> None:
    """Exhibit: services' share of GDP in the US and China, series by series, each with its vintage."""
    exhibit_frame(settings, "service_share_trend", _trend)


@st.fragment
def _trend(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.service_share_trend"
    data = shares()
    all_series = sector_shares.series_ids(data)
    first, last = sector_shares.year_span(data)
    chosen = bound.pills(st, t(lang, f"{key}.pick"), all_series, all_series, key=SERIES_KEY, lang=lang,
                         format_func=lambda s: _series_name(lang, s))
    years = bound.slider(st, t(lang, f"{key}.years"), first, last, (first, last), step=1, key=YEARS_KEY, lang=lang)
    if not chosen:
        st.warning(t(lang, f"{key}.none"))
        return
    selected = sector_shares.select(data, chosen, *years)
    if not selected:
        st.warning(t(lang, f"{key}.empty", first=years[0], last=years[1]))
        return
    rows = trend_rows(selected, lang)
    spec = _trend_spec(lang, all_series, settings.scale)
    chart(spec, columns(rows, ("series", "year", "share", "vintage")), t(lang, f"{key}.alt"))
    st.caption(t(lang, f"{key}.lines"))
    crossing = sector_shares.first_year_above(data, "cn-first-release", 50)
    st.markdown(t(lang, f"{key}.reading", crossing=crossing))
    with st.expander(t(lang, f"{key}.series_notes")):
        st.markdown("\n".join(f"- **{_series_name(lang, s)}** — {t(lang, f'{TEXT}.series.{s}.note')}" for s in chosen))
    data_table(rows, lang, _trend_columns(lang))


# ── Exhibit 3: sector make-up of the two economies in a chosen year ───────────────────────────────

def _point_id(share: Share) -> str:
    return f"{share.series}:{share.year}"


def _point_label(lang: str, share: Share) -> str:
    return t(lang, "exhibits.sector_comparison.point", year=share.year,
             series=t(lang, f"{TEXT}.series_short.{share.series}"))


def _sectors_spec(lang: str, scale: float) -> dict:
    key = "exhibits.sector_comparison"
    labels = {name: t(lang, f"{key}.{name}") for name in ("row", "sector", "share")}
    sectors = tuple((k, _label(lang, "sectors", k)) for k in UNSPLIT_KEYS)
    return charts.sectors_spec(tuple(labels.items()), sectors, scale)


def sector_rows(points: list[Share], lang: str) -> Rows:
    """One row per segment of each bar: the sectors a source gives, then the part it leaves unsplit."""
    rows = []
    for share in points:
        start = 0.0
        row = t(lang, "exhibits.sector_comparison.bar", country=_label(lang, "countries", share.country), year=share.year)
        for sector in UNSPLIT_KEYS:
            value = share.unsplit if sector == "unsplit" else getattr(share, sector)
            if not value:
                continue
            rows.append({"row": row, "sector": _label(lang, "sectors", sector), "share": value, "start": start,
                         "end": round(start + value, 1), "mid": round(start + value / 2, 2),
                         "label": f"{value:.1f}%" if value >= LABEL_MIN else "", "dark": sector in ("tertiary", "primary")})
            start = round(start + value, 1)
    return rows


def _sector_columns(lang: str) -> dict[str, str]:
    key = "exhibits.sector_comparison"
    return {"row": t(lang, f"{key}.row"), "sector": t(lang, f"{key}.sector"), "share": t(lang, f"{key}.share")}


def default_points(data: tuple[Share, ...]) -> list[Share]:
    """The figures the sector comparison opens on: China's, then the United States'."""
    return [sector_shares.find(data, *DEFAULT_POINTS[country]) for country in ("CN", "US")]


def sector_comparison(settings: Settings) -> None:
    """Exhibit: the three sectors of China and the services share of the US, for years the reader picks."""
    exhibit_frame(settings, "sector_comparison", _sectors)


@st.fragment
def _sectors(settings: Settings) -> None:
    lang = settings.lang
    key = "exhibits.sector_comparison"
    data = shares()
    options = {country: {_point_id(s): s for s in data if s.country == country} for country in ("CN", "US")}
    default = dict(zip(("CN", "US"), map(_point_id, default_points(data))))
    cn_col, us_col = st.columns(2)
    cn_id = bound.selectbox(cn_col, t(lang, f"{key}.pick_cn"), list(options["CN"]),
                            list(options["CN"]).index(default["CN"]), key=CN_POINT_KEY, lang=lang,
                            format_func=lambda p: _point_label(lang, options["CN"][p]))
    us_id = bound.selectbox(us_col, t(lang, f"{key}.pick_us"), list(options["US"]),
                            list(options["US"]).index(default["US"]), key=US_POINT_KEY, lang=lang,
                            format_func=lambda p: _point_label(lang, options["US"][p]))
    cn, us = options["CN"][cn_id], options["US"][us_id]
    rows = sector_rows([cn, us], lang)
    spec = _sectors_spec(lang, settings.scale)
    fields = ("row", "sector", "share", "start", "end", "mid", "label", "dark")
    chart(spec, columns(rows, fields), t(lang, f"{key}.alt"))
    gap = round(us.tertiary - cn.tertiary, 1)
    gap_col, year_col = st.columns(2)
    gap_col.metric(t(lang, f"{key}.gap"), f"{gap:+.1f}", help=t(lang, f"{key}.gap_help"))
    year_col.metric(t(lang, f"{key}.years"), f"{us.year} / {cn.year}")
    if us.year != cn.year:
        st.warning(t(lang, f"{key}.different_years", us=us.year, cn=cn.year))
    st.caption(t(lang, f"{key}.caveat"))
    data_table(rows, lang, _sector_columns(lang))


def compile_charts() -> None:
    """Compile every chart spec these exhibits can show, so the first reader does not wait for it."""
    all_series = sector_shares.series_ids(shares())
    for lang in LANGS:
        for scale in {Settings(size=size).scale for size in CHOICES["size"]}:
            _continuum_spec(lang, scale)
            _trend_spec(lang, all_series, scale)
            _sectors_spec(lang, scale)


def handout_tables(lang: str) -> list[dict]:
    """The three exhibits' default data, for the printable handout: the book's placement of every
    offering (the reader's columns, empty until something is placed, left out), every published
    figure of every series, and the 2020 sector make-up of both economies."""
    data = shares()
    continuum = {k: v for k, v in _continuum_columns(lang).items() if k not in READER_COLUMNS}
    return [{"title": t(lang, "exhibits.evaluation_continuum.title"), "columns": continuum,
             "rows": continuum_rows(dict.fromkeys(OFFERING_IDS), True, DEFAULT_OFFERING, lang),
             "source": t(lang, "exhibits.evaluation_continuum.source")},
            {"title": t(lang, "exhibits.service_share_trend.title"), "columns": _trend_columns(lang),
             "rows": trend_rows(default_trend(data), lang), "source": t(lang, "exhibits.service_share_trend.source")},
            {"title": t(lang, "exhibits.sector_comparison.title"), "columns": _sector_columns(lang),
             "rows": sector_rows(default_points(data), lang), "source": t(lang, "exhibits.sector_comparison.source")}]
