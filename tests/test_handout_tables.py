"""The printable handouts of the service economy, service value and service quality chapters: each exhibit's
default data as a table under the exhibit's title, in both languages, and never the reader's own edits."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from streamlit.testing.v1 import AppTest

from book import handout
from book.exhibits import quality, service_economy, service_value
from book.i18n import t

EXHIBITS = {
    "service-economy": ("evaluation_continuum", "service_share_trend", "sector_comparison"),
    "service-value": ("service_value_composition", "service_utility_split", "service_trade_advantage"),
    "quality": ("servqual_calculator", "service_gaps_model"),
}
MODULES = {"service-economy": service_economy, "service-value": service_value, "quality": quality}

# Rows the handout must print, cell by cell, as the exhibits open: values from the models' defaults
# (Ricardo's hours, the SERVQUAL bank branch, the value presets, the published 2020 shares).
ROWS = {
    ("service-economy", "en"): {
        "evaluation_continuum": [["Car repair", "Service", "credence qualities", "experience qualities"],
                                 ["Clothing", "Good", "search qualities", ""]],
        "service_share_trend": [["US: St. Louis Fed, services share of value added (2024)", "2020", "79.0",
                                 "published by the source", "2024-03-22"]],
        "sector_comparison": [["China 2020", "Primary sector", "7.7"], ["China 2020", "Secondary sector", "37.8"],
                              ["China 2020", "Tertiary sector (services)", "54.5"],
                              ["United States 2020", "Tertiary sector (services)", "79.0"],
                              ["United States 2020", "Not broken down by the source", "21.0"]],
    },
    ("service-economy", "zh"): {
        "evaluation_continuum": [["汽车维修", "服务", "信任特性", "经验特性"], ["外科手术", "服务", "信任特性", ""]],
        "service_share_trend": [["中国：《中国统计年鉴 2005》（1991–1997 年）", "1991", "33.4", "由来源中的增加值计算",
                                 "《中国统计年鉴 2005》"]],
        "sector_comparison": [["中国 2020", "第三产业（服务业）", "54.5"], ["美国 2020", "来源未细分", "21.0"]],
    },
    ("service-value", "en"): {
        "service_value_composition": [["A hotel room-night", "180", "60", "60", "300", "100%", "3.00", "25%", "2", "60"],
                                      ["A software project", "20,000", "100,000", "80,000", "200,000", "80%", "0.20",
                                       "67%", "800", "225"]],
        "service_utility_split": [["A haircut", "100", "0", "100", "0%"], ["A vaccination", "100", "150", "250", "60%"]],
        "service_trade_advantage": [["England", "100", "120", "0.833", "1.200", "cloth"],
                                    ["Portugal", "90", "80", "1.125", "0.889", "wine"]],
    },
    ("service-value", "zh"): {
        "service_value_composition": [["上门保洁一次", "15", "90", "45", "150", "50%", "0.17", "43%", "3", "45"]],
        "service_utility_split": [["职业培训", "100", "60", "160", "38%"]],
        "service_trade_advantage": [["英国", "100", "120", "0.833", "1.200", "毛呢"],
                                    ["葡萄牙", "90", "80", "1.125", "0.889", "葡萄酒"]],
    },
    ("quality", "en"): {
        "servqual_calculator": [["Tangibles", "6.2", "6.0", "-0.2", "10", "below expectations"],
                                ["Reliability", "6.7", "5.4", "-1.3", "30", "below expectations"],
                                ["Responsiveness", "6.4", "5.6", "-0.8", "25", "below expectations"],
                                ["Assurance", "6.5", "6.0", "-0.5", "20", "below expectations"],
                                ["Empathy", "6.0", "5.4", "-0.6", "15", "below expectations"]],
    },
    ("quality", "zh"): {
        "servqual_calculator": [["可靠性", "6.7", "5.4", "-1.3", "30", "低于期望"]],
    },
}


class _Tables(HTMLParser):
    """Every table in the page, under the <h3> heading before it: heading → header cells and body rows."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, dict] = {}
        self.heading = self.text = None
        self.row: list[str] | None = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h3", "th", "td"):
            self.text = ""
        elif tag == "br" and self.text is not None:
            self.text += "\n"
        elif tag == "table":
            self.tables[self.heading] = {"header": [], "rows": []}
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []

    def handle_endtag(self, tag):
        if tag == "h3":
            self.heading, self.text = self.text, None
        elif tag in ("th", "td"):
            self.row.append(self.text)
            self.text = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "tr":
            table = self.tables[self.heading]
            if self.in_head:
                table["header"] = self.row
            else:
                table["rows"].append(self.row)

    def handle_data(self, data):
        if self.text is not None:
            self.text += data


def _tables(chapter_id: str, lang: str) -> dict[str, dict]:
    parser = _Tables()
    parser.feed(handout.build(chapter_id, lang))
    return parser.tables


CASES = [(chapter_id, lang) for chapter_id in EXHIBITS for lang in ("en", "zh")]


@pytest.mark.parametrize(("chapter_id", "lang"), CASES)
def test_handout_has_a_table_under_every_exhibit_s_title_with_its_source(chapter_id, lang):
    page = handout.build(chapter_id, lang)
    tables = _tables(chapter_id, lang)
    titles = [t(lang, f"exhibits.{name}.title") for name in EXHIBITS[chapter_id]]
    assert [title for title in tables if title in titles] == titles, "one table per exhibit, in page order"
    assert f"<h2>{t(lang, 'handout.exhibit_data')}</h2>" in page
    for name, title in zip(EXHIBITS[chapter_id], titles):
        assert tables[title]["rows"], f"{name} has rows"
        assert all(len(row) == len(tables[title]["header"]) for row in tables[title]["rows"])
        source = next(p for p in MODULES[chapter_id].handout_tables(lang) if p["title"] == title)["source"]
        assert source == t(lang, f"exhibits.{name}.source")


@pytest.mark.parametrize(("chapter_id", "lang"), CASES)
def test_handout_tables_carry_the_exhibits_default_values(chapter_id, lang):
    tables = _tables(chapter_id, lang)
    for name, rows in ROWS[(chapter_id, lang)].items():
        printed = tables[t(lang, f"exhibits.{name}.title")]["rows"]
        for row in rows:
            assert any(cells[:len(row)] == row for cells in printed), f"{name}: {row} not in {printed}"


def test_service_economy_handout_prints_every_offering_and_figure_as_the_exhibits_open():
    tables = _tables("service-economy", "en")
    continuum = tables[t("en", "exhibits.evaluation_continuum.title")]
    assert len(continuum["rows"]) == 11
    assert continuum["header"] == ["Good or service", "Type", "The book's placement", "Also defensible", "Reason"], \
        "the reader's own columns, empty as the exhibit opens, are left out"
    assert sum(row[2] == "search qualities" for row in continuum["rows"] if row[1] == "Good") == 3
    trend = tables[t("en", "exhibits.service_share_trend.title")]["rows"]
    assert len(trend) == 23, "all series over all years"
    assert [row[2] for row in trend if row[1] in {"1991", "1992", "1993", "1994", "1995"}] == \
        ["33.4", "34.3", "32.7", "31.9", "30.7"]
    sectors = tables[t("en", "exhibits.sector_comparison.title")]
    assert sectors["header"] == ["Economy and year", "Sector", "Share of GDP (%)"]
    assert len(sectors["rows"]) == 5


def test_service_value_handout_names_every_column_in_words():
    for lang, c_label, mv_label in (("en", "Constant capital c", "m/v · Rate of surplus value"),
                                    ("zh", "不变资本 c", "m/v · 剩余价值率")):
        tables = _tables("service-value", lang)
        header = tables[t(lang, "exhibits.service_value_composition.title")]["header"]
        assert header[1] == c_label and mv_label in header
        assert t(lang, "exhibits.service_value_composition.value") in header
    trade = _tables("service-value", "en")[t("en", "exhibits.service_trade_advantage.title")]
    assert trade["header"][:3] == ["Economy", "Labour per unit of cloth", "Labour per unit of wine"]
    assert len(trade["rows"]) == 2, "Ricardo's case only: the exhibit opens on it"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gaps_model_handout_lists_each_gap_with_its_ends_causes_and_remedies(lang):
    table = _tables("quality", lang)[t(lang, "exhibits.service_gaps_model.title")]
    key = "exhibits.service_gaps_model"
    assert table["header"] == [t(lang, f"{key}.gap_column"), t(lang, f"{key}.name_column"),
                               t(lang, f"{key}.between_column"), t(lang, f"{key}.causes"), t(lang, f"{key}.remedies")]
    assert [row[0] for row in table["rows"]] == [t(lang, f"{key}.stages.gap{i}.label") for i in range(1, 6)]
    for i, row in enumerate(table["rows"], start=1):
        stage = f"{key}.stages.gap{i}"
        assert row[1:3] == [t(lang, f"{stage}.title"), t(lang, f"{stage}.between")]
        for cell, part in ((row[3], "causes"), (row[4], "remedies")):
            items = [line.removeprefix("- ") for line in t(lang, f"{stage}.{part}").splitlines()]
            assert cell.split("\n") == [f"• {item}" for item in items], "one bullet per line"
    gap5 = table["rows"][4]
    if lang == "en":
        assert gap5[2] == "Expected service ↔ perceived service"
        assert "Gap 5 = f(Gap 1, Gap 2, Gap 3, Gap 4)" in gap5[3]
    else:
        assert gap5[2] == "期望的服务 ↔ 感知的服务"
        assert "差距 5 = f（差距 1，差距 2，差距 3，差距 4）" in gap5[3]


def _handout_rows_while_the_reader_has_edited_everything():
    """Run inside a Streamlit session where the reader has changed every exhibit's inputs."""
    import streamlit as st

    from book.exhibits import quality, service_economy, service_value

    st.session_state["sv_inputs"] = {"sv_c_hotel-night": 999, "sv_unpaid_vaccination": 1, "sv_h_ricardo_england_cloth": 7}
    st.session_state["sq_levels"] = {d: (1.0, 7.0) for d in ("tangibles", "reliability", "responsiveness",
                                                             "assurance", "empathy")}
    st.session_state["se_placements"] = {"car-repair": "search"}
    st.session_state["handout_rows"] = [table["rows"] for module in (service_economy, service_value, quality)
                                        for table in module.handout_tables("en")]


def test_handout_tables_ignore_what_the_reader_has_entered():
    """The download button builds the handout during a rerun, with the reader's session at hand."""
    at = AppTest.from_function(_handout_rows_while_the_reader_has_edited_everything, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    outside = [table["rows"] for module in (service_economy, service_value, quality)
               for table in module.handout_tables("en")]
    assert at.session_state["handout_rows"] == outside


# ── The satisfaction chapter ─────────────────────────────────────────────────────────────────

SATISFACTION_EXHIBITS = ("satisfaction_index", "acsi_model", "kano_diagram", "kano_questionnaire",
                         "kano_better_worse", "kano_life_cycle")

# The exhibits as they open: the takeaway shop's three points, the ACSI arrows, the Kano curves at fulfilment
# −0.50 and k = 3 (attractive, one-dimensional, must-be and indifferent quality; reverse quality is off),
# the 30 hotel guests' counts with Better and Worse, and the four stages of in-room Wi-Fi.
SATISFACTION_ROWS = {
    "en": {
        "satisfaction_index": [["Our shop this year", "8.0", "7.0", "-1.0", "87.5", "fell short"],
                               ["Our shop last year", "7.0", "7.0", "+0.0", "100.0", "met"],
                               ["Competitor", "8.0", "8.4", "+0.4", "105.0", "exceeded"]],
        "acsi_model": [["Customer expectations", "Customer satisfaction (the ACSI)", "drives"],
                       ["Perceived value (quality relative to price)", "Customer satisfaction (the ACSI)", "drives"],
                       ["Customer satisfaction (the ACSI)", "Customer complaints", "more satisfied, fewer complaints"],
                       ["Customer satisfaction (the ACSI)", "Customer loyalty (retention, price tolerance)",
                        "more satisfied, more loyal"]],
        "kano_diagram": [["Attractive A", "-0.50", "3.0", "+0.06"], ["One-dimensional O", "-0.50", "3.0", "-0.50"],
                         ["Must-be M", "-0.50", "3.0", "-0.44"], ["Indifferent I", "-0.50", "3.0", "+0.00"]],
        "kano_questionnaire": [["It must be that way", "R", "I", "I", "I", "M"]],
        "kano_better_worse": [["Fast in-room Wi-Fi", "4", "13", "11", "2", "0", "0", "0.57", "-0.80", "One-dimensional O"],
                              ["Clean bedding", "1", "6", "20", "2", "0", "1", "0.24", "-0.90", "Must-be M"],
                              ["A robot that brings items to the room", "14", "5", "1", "9", "1", "0", "0.66", "-0.21",
                               "Attractive A"],
                              ["Sales calls after check-in", "0", "0", "1", "8", "19", "2", "0.00", "-0.11",
                               "Reverse R"]],
        "kano_life_cycle": [["① New", "Indifferent I"], ["② Spreading", "Attractive A"],
                            ["③ Widely used", "One-dimensional O"], ["④ Taken for granted", "Must-be M"]],
    },
    "zh": {
        "satisfaction_index": [["本店今年", "8.0", "7.0", "-1.0", "87.5", "低于期望"],
                               ["本店去年", "7.0", "7.0", "+0.0", "100.0", "符合期望"],
                               ["竞争对手", "8.0", "8.4", "+0.4", "105.0", "超出期望"]],
        "acsi_model": [["感知质量", "顾客满意（ACSI 指数）", "驱动"],
                       ["顾客满意（ACSI 指数）", "顾客抱怨", "满意越高，抱怨越少"]],
        "kano_diagram": [["魅力品质 A", "-0.50", "3.0", "+0.06"], ["当然品质 M", "-0.50", "3.0", "-0.44"]],
        "kano_questionnaire": [["喜欢", "Q", "A", "A", "A", "O"]],
        "kano_better_worse": [["房间 Wi-Fi 网速快", "4", "13", "11", "2", "0", "0", "0.57", "-0.80", "一元品质 O"],
                              ["干净的床品", "1", "6", "20", "2", "0", "1", "0.24", "-0.90", "当然品质 M"]],
        "kano_life_cycle": [["① 刚出现", "无差异品质 I"], ["④ 司空见惯", "当然品质 M"]],
    },
}

# The standard 5 × 5 evaluation table (Berger et al. 1993): rows are the functional answer, columns the
# dysfunctional one, both in the order like, must-be, neutral, live-with, dislike.
EVALUATION_CELLS = [["Q", "A", "A", "A", "O"],
                    ["R", "I", "I", "I", "M"],
                    ["R", "I", "I", "I", "M"],
                    ["R", "I", "I", "I", "M"],
                    ["R", "R", "R", "R", "Q"]]
ANSWER_NAMES = {"en": ["I like it", "It must be that way", "I am neutral", "I can live with it", "I dislike it"],
                "zh": ["喜欢", "理应如此", "无所谓", "能够忍受", "不喜欢"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_satisfaction_handout_has_a_table_under_every_exhibit_s_title_with_its_source(lang):
    import html

    from book.exhibits import satisfaction

    page = handout.build("satisfaction", lang)
    tables = _tables("satisfaction", lang)
    titles = [t(lang, f"exhibits.{name}.title") for name in SATISFACTION_EXHIBITS]
    assert [title for title in tables if title in titles] == titles, "one table per exhibit, in page order"
    assert f"<h2>{t(lang, 'handout.exhibit_data')}</h2>" in page
    entries = satisfaction.handout_tables(lang)
    assert [entry["title"] for entry in entries] == titles
    for name, title, entry in zip(SATISFACTION_EXHIBITS, titles, entries):
        assert tables[title]["rows"], f"{name} has rows"
        assert all(len(row) == len(tables[title]["header"]) for row in tables[title]["rows"])
        assert entry["source"] == t(lang, f"exhibits.{name}.source")
        assert f'<p class="source">{html.escape(entry["source"])}</p>' in page, f"{name}'s source under its table"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_satisfaction_handout_tables_carry_the_exhibits_default_values(lang):
    tables = _tables("satisfaction", lang)
    for name, rows in SATISFACTION_ROWS[lang].items():
        printed = tables[t(lang, f"exhibits.{name}.title")]["rows"]
        for row in rows:
            assert any(cells[:len(row)] == row for cells in printed), f"{name}: {row} not in {printed}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_satisfaction_handout_prints_the_whole_evaluation_table(lang):
    key = "exhibits.kano_questionnaire"
    table = _tables("satisfaction", lang)[t(lang, f"{key}.title")]
    assert table["header"] == [t(lang, f"{key}.table.corner"), *ANSWER_NAMES[lang]]
    assert table["rows"] == [[answer, *cells] for answer, cells in zip(ANSWER_NAMES[lang], EVALUATION_CELLS)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_satisfaction_handout_names_every_column_in_words_and_prints_only_what_the_exhibits_open_with(lang):
    tables = _tables("satisfaction", lang)
    index = tables[t(lang, "exhibits.satisfaction_index.title")]
    assert index["header"] == [t(lang, f"exhibits.satisfaction_index.{c}")
                               for c in ("name", "expected", "perceived", "difference", "index")] + \
        [t(lang, "exhibits.verdict")]
    assert len(index["rows"]) == 3
    assert len(tables[t(lang, "exhibits.acsi_model.title")]["rows"]) == 5, "three drivers, two outcomes"
    diagram = tables[t(lang, "exhibits.kano_diagram.title")]
    assert diagram["header"] == [t(lang, f"exhibits.kano_diagram.{c}") for c in ("category", "x", "curvature", "value")]
    assert [row[0] for row in diagram["rows"]] == [t(lang, f"satisfaction.categories.{c}") for c in "AOMI"], \
        "reverse quality is not drawn as the exhibit opens"
    better_worse = tables[t(lang, "exhibits.kano_better_worse.title")]
    key = "exhibits.kano_better_worse"
    assert better_worse["header"] == [t(lang, f"{key}.feature"),
                                      *(t(lang, f"satisfaction.categories.{c}") for c in "AOMIRQ"),
                                      t(lang, f"{key}.better"), t(lang, f"{key}.worse"), t(lang, f"{key}.category")]
    assert [row[0] for row in better_worse["rows"]] == [
        t(lang, f"satisfaction.features.{f}") for f in ("clean-bedding", "wifi-speed", "robot-delivery",
                                                        "self-check-in", "pillow-menu", "sales-calls")]
    assert all(sum(int(n) for n in row[1:7]) == 30 for row in better_worse["rows"]), "30 guests per feature"
    cycle = tables[t(lang, "exhibits.kano_life_cycle.title")]
    key = "exhibits.kano_life_cycle"
    assert cycle["header"] == [t(lang, f"{key}.stage"), t(lang, "exhibits.kano_diagram.category"),
                               t(lang, f"{key}.example_label"), t(lang, f"{key}.study_label")]
    assert [row[2] for row in cycle["rows"]] == [t(lang, f"{key}.example.{s}") for s in "IAOM"]
    assert "Nilsson-Witell" in cycle["rows"][0][3]


def _satisfaction_exhibits_and_their_handout_rows():
    """The chapter's six exhibits in a session, with the handout's rows built in the same rerun."""
    import streamlit as st

    from book.exhibits import satisfaction
    from book.settings import Settings

    settings = Settings(lang="en")
    for exhibit in (satisfaction.satisfaction_index, satisfaction.acsi_model, satisfaction.kano_diagram,
                    satisfaction.kano_questionnaire, satisfaction.kano_better_worse, satisfaction.kano_life_cycle):
        exhibit(settings)
    st.session_state["handout_rows"] = {lang: [table["rows"] for table in satisfaction.handout_tables(lang)]
                                        for lang in ("en", "zh")}


def test_satisfaction_handout_ignores_what_the_reader_has_changed():
    """The download button builds the handout during a rerun, with the reader's session at hand."""
    from book.exhibits import satisfaction

    at = AppTest.from_function(_satisfaction_exhibits_and_their_handout_rows, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    at.slider(key="ks_expected").set_value(3.0)
    at.slider(key="ks_acsi_overall").set_value(1.0)
    at.slider(key="ks_kano_fulfilment").set_value(1.0)
    at.slider(key="ks_kano_k").set_value(6.0)
    at.radio(key="ks_q_functional").set_value("like")
    at.number_input(key="ks_bw_wifi-speed_A").set_value(100)
    at.slider(key="ks_bw_threshold").set_value(0.2)
    at.select_slider(key="ks_cycle_stage").set_value("M")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["ks_bw_counts"]["wifi-speed"]["A"] == 100, "the reader's count reached the exhibit"
    outside = {lang: [table["rows"] for table in satisfaction.handout_tables(lang)] for lang in ("en", "zh")}
    assert at.session_state["handout_rows"] == outside
    wifi = next(row for row in outside["en"][4] if row["id"] == "wifi-speed")
    assert (wifi["A"], wifi["better_text"], wifi["worse_text"]) == (4, "0.57", "-0.80")
    assert outside["en"][0][0]["index"] == 87.5
