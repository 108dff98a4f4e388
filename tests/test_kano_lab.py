"""The Kano lab: answers recognised in both languages, both layouts, hand-computed results, and the page
with the sample, with uploads in several formats, and with hostile files."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book.labs import kano as kano_page
from book.labs.reading import read_upload
from helpers import lab_upload, open_page
from test_labs_reading import xlsx_bytes
from models import kano
from models.kano_survey import LayoutError, answer_codes, detect_layout, read_survey, results

PAGE = "pages/kano-lab.py"


def frame(rows: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows[1:], columns=rows[0], dtype=str)


# Feature X, ten respondents: A×4 (like, neutral), O×3 (like, dislike), M×2 (must-be, dislike), Q×1 (like, like).
# Feature Y: I×6 (neutral, neutral), R×2 (dislike, like), Q×2 (dislike, dislike).
X_PAIRS = [("1", "3")] * 4 + [("1", "5")] * 3 + [("2", "5")] * 2 + [("1", "1")]
Y_PAIRS = [("3", "3")] * 6 + [("5", "1")] * 2 + [("5", "5")] * 2
WIDE = [["受访者", "X_正向", "X_反向", "Y_正向", "Y_反向"]] + [
    [str(i + 1), *x, *y] for i, (x, y) in enumerate(zip(X_PAIRS, Y_PAIRS))]
LONG = [["respondent", "feature", "functional", "dysfunctional"]] + [
    [str(i + 1), name, *pair] for i, (x, y) in enumerate(zip(X_PAIRS, Y_PAIRS)) for name, pair in (("X", x), ("Y", y))]


def test_hand_computed_results_for_a_small_survey():
    table = results(read_survey(frame(WIDE))).set_index("feature")
    x, y = table.loc["X"], table.loc["Y"]
    assert (x.n, x.n_A, x.n_O, x.n_M, x.n_I, x.n_R, x.n_Q) == (10, 4, 3, 2, 0, 0, 1)
    assert (x.share_A, x.share_O, x.share_Q) == pytest.approx((0.4, 0.3, 0.1))
    assert x.category == "A" and not x.ambiguous
    assert x.strength == pytest.approx(0.1)
    assert x.better == pytest.approx(7 / 9) and x.worse == pytest.approx(-5 / 9)
    assert x.questionable == pytest.approx(0.1) and not x.q_warning          # 10 % is not above 10 %
    assert (y.n_I, y.n_R, y.n_Q, y.category) == (6, 2, 2, "I")
    assert y.better == 0 and y.worse == 0 and y.q_warning                     # 20 % questionable
    assert y.strength == pytest.approx(0.4)


def test_the_threshold_hands_close_results_to_the_rule_m_o_a_i():
    survey = read_survey(frame(WIDE))
    x = results(survey, 0.1).set_index("feature").loc["X"]
    assert x.category == "O" and x.ambiguous        # A leads O by 0.1 ≤ 0.1, and O ranks above A
    assert results(survey, 0.09).set_index("feature").loc["X"].category == "A"


def test_long_and_wide_layouts_give_the_same_results():
    wide, long = results(read_survey(frame(WIDE))), results(read_survey(frame(LONG)))
    pd.testing.assert_frame_equal(wide, long)
    survey = read_survey(frame(LONG))
    assert survey.layout.form == "long" and survey.respondents == 10


@pytest.mark.parametrize("text, code", [
    ("我很喜欢", 1), ("喜欢", 1), ("I like it", 1), ("I LIKE IT.", 1), ("１", 1), ("1.0", 1),
    ("理应如此", 2), ("理所当然", 2), ("必须这样", 2), ("It must be that way", 2), ("I expect it", 2), ("must-be", 2),
    ("无所谓", 3), ("中立", 3), ("I’m neutral", 3), ("i am neutral", 3),
    ("能忍受", 4), ("可以忍受", 4), ("I can live with it", 4), ("live_with", 4),
    ("我不喜欢", 5), ("不喜欢", 5), ("I dislike it", 5), ("ＤＩＳＬＩＫＥ", 5), ("5", 5),
    ("", 0), ("6", -1), ("0", -1), ("很好", -1), ("like it a lot", -1), ("1;2", -1),
])
def test_answers_are_recognised_in_both_languages(text, code):
    assert answer_codes(pd.Series([text])).iloc[0] == code


@pytest.mark.parametrize("columns, form, features", [
    (["Wi-Fi_functional", "Wi-Fi_dysfunctional", "time"], "wide", ("Wi-Fi",)),
    (["扫码点餐（正向）", "扫码点餐（反向）"], "wide", ("扫码点餐",)),
    (["Free breakfast functional", "Free breakfast dysfunctional"], "wide", ("Free breakfast",)),
    (["id", "A-正向", "A-反向", "B_Positive", "B_Negative"], "wide", ("A", "B")),
    (["受访者", "功能", "正向", "反向"], "long", ()),
    (["Feature", "Functional", "Dysfunctional"], "long", ()),
])
def test_layouts_are_recognised_by_their_headers(columns, form, features):
    layout = detect_layout(columns)
    assert layout.form == form
    if form == "wide":
        assert layout.features == features
    assert "time" not in layout.columns


@pytest.mark.parametrize("columns, key, column", [
    (["name", "score"], "no_layout", ""),
    (["功能", "正向"], "long_missing", "dysfunctional"),
    (["respondent", "feature"], "long_missing", "functional,dysfunctional"),
    (["X_正向", "X_反向", "Y_正向"], "unpaired", "Y_正向"),
    (["X_functional", "X_正向", "X_反向"], "duplicate_feature", "X_正向"),
])
def test_headers_that_fit_neither_layout_say_why(columns, key, column):
    with pytest.raises(LayoutError) as caught:
        detect_layout(columns)
    assert (caught.value.key, caught.value.column) == (key, column)


def test_bad_answers_are_reported_by_row_and_column_and_the_rest_still_counts():
    rows = [row[:] for row in WIDE]
    rows[3][1] = "很好"          # file row 4, X functional
    rows[5][4] = ""              # file row 6, Y dysfunctional
    survey = read_survey(frame(rows))
    assert [(e.row, e.column, e.reason, e.value) for e in survey.excluded] == [
        (4, "X_正向", "bad_answer", "很好"), (6, "Y_反向", "missing", "")]
    table = results(survey).set_index("feature")
    assert (table.loc["X"].n, table.loc["Y"].n) == (9, 9)
    assert len(survey.pairs) == 18


def test_long_form_duplicates_and_missing_features_are_reported():
    rows = LONG + [["1", "X", "1", "5"], ["11", "", "1", "5"]]
    survey = read_survey(frame(rows))
    assert [(e.row, e.column, e.reason) for e in survey.excluded] == [(22, "respondent", "duplicate"),
                                                                      (23, "feature", "missing")]
    assert results(survey).set_index("feature").loc["X"].n == 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["X", "Y", "Z"]), st.integers(1, 5), st.integers(1, 5)),
                min_size=1, max_size=80),
       st.floats(0, 0.3))
def test_vectorised_counts_match_the_chapter_model_pair_by_pair(answers, threshold):
    data = frame([["feature", "functional", "dysfunctional"], *([f, str(a), str(b)] for f, a, b in answers)])
    table = results(read_survey(data), threshold).set_index("feature")
    for feature, group in itertools.groupby(sorted(answers), key=lambda a: a[0]):
        counts = dict.fromkeys(kano.CATEGORIES, 0)
        for _, a, b in group:
            counts[kano.evaluate(a, b)] += 1
        row = table.loc[feature]
        assert {c: row[f"n_{c}"] for c in kano.CATEGORIES} == counts
        assert row.category == kano.classify(counts, threshold)
        assert sum(row[f"share_{c}"] for c in kano.CATEGORIES) == pytest.approx(1)
        if counts["A"] + counts["O"] + counts["M"] + counts["I"]:
            assert (row.better, row.worse) == pytest.approx(kano.better_worse(counts))
            assert 0 <= row.better <= 1 and -1 <= row.worse <= 0
        else:
            assert np.isnan(row.better)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("form", ["wide", "long"])
def test_templates_read_back_and_classify_their_examples(lang, form):
    columns, rows = kano_page.template(lang, form)
    survey = read_survey(frame([columns, *rows]))
    assert survey.layout.form == form and not survey.excluded
    categories = results(survey).set_index("feature")[["n_A", "n_O", "n_M", "n_I"]].sum().to_dict()
    assert categories == {"n_A": 1, "n_O": 1, "n_M": 1, "n_I": 1}


def test_chart_labels_of_the_sample_do_not_run_into_each_other():
    for name, lang in (("lab_kano_sample.csv", "zh"), ("lab_kano_sample_en.csv", "en")):
        data = open(kano_page.ui.CONTENT / "data" / name, "rb").read()
        table = results(read_survey(read_upload(name, data).frame))
        rows = kano_page.chart_data(table, lang)
        boxes = [kano_page._label_box(place, x * kano_page.PLOT_WIDTH, (1 - y) * kano_page.PLOT_HEIGHT,
                                      kano_page._text_width(f))
                 for f, x, y, place in zip(rows["feature"], rows["worse_abs"], rows["better"], rows["place"])]
        assert len(boxes) == 6
        for a, b in itertools.combinations(boxes, 2):
            # A box is 15 px tall for 12 px text: labels whose boxes share 3 px or less just touch.
            if kano_page._overlap(a, b):
                assert min(a[3], b[3]) - max(a[1], b[1]) <= 3, (a, b)


# ── The page ────────────────────────────────────────────────────────────────────────────────────


def _table(at) -> pd.DataFrame:
    return at.dataframe[-1].value


def test_the_page_opens_on_the_synthetic_sample_with_its_warnings():
    at = open_page(PAGE)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"受访者": "120", "功能": "6", "计入的回答对": "718"}
    warnings = [w.value for w in at.warning]
    assert any("2 个回答对未纳入分析" in w for w in warnings)
    assert any("菜品评分与评论" in w and "12%" in w for w in warnings)
    assert any("合成数据" in c.value for c in at.caption)
    table = _table(at).set_index("功能")
    assert table.loc["窗口排队人数", "类别"] == "魅力品质 A"
    assert table.loc["开屏广告", "类别"] == "逆向品质 R"
    assert len(at.get("vega_lite_chart")) == 1


def test_the_threshold_changes_the_category_as_the_try_line_says():
    at = open_page(PAGE, lang="en")
    at.slider(key="kano_lab_threshold").set_value(0.05).run()
    table = _table(at).set_index("Feature")
    assert table.loc["Queue length per counter", "Category"] == "One-dimensional O"
    assert table.loc["Queue length per counter", "Decided by the rule"]
    assert any("Queue length per counter" in i.value and "M > O > A > I" in i.value for i in at.info)


def upload(name: str, data: bytes, lang: str = "zh"):
    return lab_upload(PAGE, "kano", data, name, lang)


def text_bytes(rows, separator=",", encoding="utf-8") -> bytes:
    return "\r\n".join(separator.join(row) for row in rows).encode(encoding)


@pytest.mark.parametrize("name, data", [
    ("答卷.csv", text_bytes(WIDE, ",", "gbk")),
    ("答卷.csv", text_bytes(WIDE, ";", "utf-8-sig")),
    ("answers.tsv", text_bytes(LONG, "\t", "utf-16")),
    ("answers.xlsx", xlsx_bytes([LONG[0], *([int(c) if c.isdigit() else c for c in r] for r in LONG[1:])])),
])
def test_uploads_in_every_format_give_the_hand_computed_results(name, data):
    at = upload(name, data)
    assert not at.error, [e.value for e in at.error]
    table = _table(at).set_index("功能")
    assert table.loc["X", "类别"] == "魅力品质 A"
    assert table.loc["X", "Better"] == pytest.approx(7 / 9)
    assert table.loc["Y", "可疑占比（%）"] == pytest.approx(20)
    assert any("“Y”的可疑结果（Q）占 20%" in w.value for w in at.warning)


def test_an_unusable_file_and_wrong_headers_get_messages_in_the_readers_language():
    at = upload("empty.csv", b"", "en")
    assert "The file empty.csv is empty" in at.error[0].value.replace("\\", "")
    at = upload("scores.csv", b"name,score\nLi,3\n", "en")
    message = at.error[0].value.replace("\\", "")
    assert "scores.csv" in message and "name" in message and "wide layout" in message
    at = upload("x.csv", text_bytes([["X_正向", "X_反向"], ["很好", "6"], ["", ""]]))
    assert "没有一行可以用于分析" in at.error[0].value


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.lists(st.lists(st.sampled_from(["X_正向", "X_反向", "1", "5", "喜欢", "", "nan", "inf", "\"", "😀", "𝔛",
                                       "x" * 1500, "\x00", "功能", "正向", "反向"]), min_size=1, max_size=4),
             min_size=1, max_size=5).map(lambda rows: text_bytes(rows, ",", "utf-8"))),
       name=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_hostile_files_show_a_message_never_a_traceback(data, name):
    at = upload(name, data)
    shown = at.error or at.warning or at.dataframe
    assert shown, "the page showed neither a message nor results"


def test_a_long_file_with_a_bad_row_gets_the_rows_notice_and_the_rest_of_the_results():
    rows = [row[:] for row in LONG]
    rows[1][2] = "极好"                       # file row 2: X functional
    at = upload("long.csv", text_bytes(rows), "en")
    notice = next(w.value for w in at.warning if "left out" in w.value).replace("\\", "")
    assert notice.startswith("Rows of long.csv left out of the analysis: 1.") and "not a recognised answer (1)" in notice
    assert _table(at).set_index("Feature").loc["X", "Answer pairs"] == 9


def test_pairs_left_out_in_the_wide_form_count_each_feature_of_a_row_once():
    rows = [row[:] for row in WIDE]
    rows[1][1] = rows[1][2] = ""             # both answers of X in file row 2: one pair
    rows[1][3] = "?"                          # and Y's functional answer in the same row: a second pair
    assert kano_page._pairs_left_out(read_survey(frame(rows))) == 2
