"""The SERVQUAL lab: header recognition, scores and α against hand-computed numbers, excluded cells and
ignored points, and the page with the sample, uploads and hostile files."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import lab_upload, open_page
from models import servqual_survey as survey
from models.labs import Excluded
from models.servqual import DIMENSIONS

PAGE = "pages/servqual-lab.py"
HEADER = [f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]
WEIGHTS = [f"W_{d}" for d in DIMENSIONS]


def respondent(e: dict[int, object] | None = None, p: dict[int, object] | None = None, e_rest=6, p_rest=5) -> list:
    e, p = e or {}, p or {}
    return [str(e.get(i, e_rest)) for i in range(1, 23)] + [str(p.get(i, p_rest)) for i in range(1, 23)]


def frame(rows: list[list], weights: list[list] | None = None) -> pd.DataFrame:
    columns = HEADER + (WEIGHTS if weights is not None else [])
    data = [row + ([str(w) for w in weights[k]] if weights is not None else []) for k, row in enumerate(rows)]
    return pd.DataFrame(data, columns=columns, dtype=object)


# Hand-computed example. Tangibles expectations (items 1–4) of three respondents:
#   R1 7 6 6 5 (sum 24) · R2 5 5 4 4 (18) · R3 6 6 5 5 (22); every other E is 6, every P is 5.
# Item variances (n − 1): 1, 1/3, 1, 1/3 → Σ = 8/3; variance of the sums 24, 18, 22 = 28/3.
# α = 4/3 · (1 − (8/3)/(28/3)) = 4/3 · 5/7 = 20/21. Gap scores are 5 − E, so α(gap) = 20/21 too;
# perceptions are constant, so α(P) is undefined. Tangibles: mean E = (6 + 17/3 + 5 + 14/3)/4 = 16/3,
# gap = 5 − 16/3 = −1/3; every other dimension: gap 5 − 6 = −1. Unweighted = (−1/3 − 4)/5 = −13/15.
# Points: R1 10/30/25/20/15, R2 20 each, R3 none → mean 15/25/22.5/20/17.5;
# weighted = (15 · (−1/3) + 85 · (−1))/100 = −0.9.
HAND = [respondent({1: 7, 2: 6, 3: 6, 4: 5}), respondent({1: 5, 2: 5, 3: 4, 4: 4}),
        respondent({1: 6, 2: 6, 3: 5, 4: 5})]
HAND_WEIGHTS = [[10, 30, 25, 20, 15], [20, 20, 20, 20, 20], [""] * 5]


def test_hand_computed_scores_and_alpha():
    result = survey.analyse(frame(HAND, HAND_WEIGHTS))
    assert result.respondents == 3 and result.rows == 3 and not result.excluded
    dims = result.dimensions.set_index("dimension")
    assert dims.loc["tangibles", "expectation"] == pytest.approx(16 / 3)
    assert dims.loc["tangibles", "gap"] == pytest.approx(-1 / 3)
    assert dims.loc["reliability", "gap"] == pytest.approx(-1)
    assert dims.loc["tangibles", "alpha_e"] == pytest.approx(20 / 21)
    assert dims.loc["tangibles", "alpha_gap"] == pytest.approx(20 / 21)
    assert math.isnan(dims.loc["tangibles", "alpha_p"])
    assert math.isnan(dims.loc["reliability", "alpha_e"])
    assert result.unweighted == pytest.approx(-13 / 15)
    assert list(dims["weight"]) == pytest.approx([15, 25, 22.5, 20, 17.5])
    assert result.weighted == pytest.approx(-0.9)
    assert result.weight_respondents == 2
    items = result.items.set_index("item")
    assert items.loc[1, "expectation"] == pytest.approx(6) and items.loc[1, "gap"] == pytest.approx(-1)
    assert items.loc[2, "expectation"] == pytest.approx(17 / 3)
    assert list(dims["items"]) == [4, 5, 4, 4, 5]


def test_a_bad_score_leaves_the_whole_respondent_out_and_says_where():
    rows = HAND + [respondent({5: "x", 9: "8"}, {3: ""})]
    result = survey.analyse(frame(rows, HAND_WEIGHTS + [[20, 20, 20, 20, 20]]))
    assert result.respondents == 3 and result.rows == 4
    assert result.unweighted == pytest.approx(-13 / 15)        # the numbers of the three valid respondents
    assert result.weighted == pytest.approx(-0.9)              # and their points only
    assert set(result.excluded) == {Excluded(5, "E5", "not_a_number", "x"), Excluded(5, "E9", "out_of_range", "8"),
                                    Excluded(5, "P3", "missing", "")}


@pytest.mark.parametrize("cell, reason", [("nan", "not_finite"), ("inf", "not_finite"), ("-1e999", "not_finite"),
                                          ("0", "out_of_range"), ("7.5", "out_of_range"), ("seven", "not_a_number")])
def test_each_kind_of_bad_score_is_named(cell, reason):
    result = survey.analyse(frame([respondent({1: cell})] + HAND))
    assert result.excluded == [Excluded(2, "E1", reason, cell)]
    assert result.respondents == 3


def test_full_width_digits_and_decimals_inside_the_scale_count():
    result = survey.analyse(frame([respondent({1: "７"}, {1: "4.5"})]))
    assert result.respondents == 1
    assert result.items.loc[0, "gap"] == pytest.approx(-2.5)


def test_points_that_do_not_add_up_are_ignored_but_the_scores_count():
    weights = [[10, 30, 25, 20, 5], [20, 20, 20, 20, "a"], [-10, 40, 30, 20, 20]]
    result = survey.analyse(frame(HAND, weights))
    assert result.respondents == 3 and result.weighted is None and result.weight_respondents == 0
    reasons = {(e.row, e.reason) for e in result.weights_ignored}
    assert reasons == {(2, "labs.servqual.reasons.weight_sum"), (3, "not_a_number"), (4, "out_of_range")}
    assert result.weights_ignored[0].value == "90"


def test_points_within_rounding_are_rescaled_to_100():
    result = survey.analyse(frame(HAND[:1], [[33.3, 33.3, 33.3, 0, 0]]))
    assert list(result.dimensions["weight"]) == pytest.approx([100 / 3, 100 / 3, 100 / 3, 0, 0])


def test_headers_in_both_languages_and_common_spellings():
    assert survey.recognise("期望 01") == ("E", 1)
    assert survey.recognise("Perception_22") == ("P", 22)
    assert survey.recognise("感知12") == ("P", 12)
    assert survey.recognise("权重_可靠性") == ("W", "reliability")
    assert survey.recognise("Empathy weight") == ("W", "empathy")
    assert survey.recognise("E23") is None and survey.recognise("respondent") is None
    zh = [f"期望{i}" for i in range(1, 23)] + [f"感知{i}" for i in range(1, 23)] + ["受访者"]
    columns = survey.map_columns(zh)
    assert columns.usable and columns.ignored == ("受访者",) and not columns.weights


def test_missing_duplicate_and_partial_weight_columns_are_reported():
    columns = survey.map_columns(HEADER[1:] + ["期望2"] + WEIGHTS[:2])
    assert columns.missing == ("E1",)
    assert columns.duplicates == (("E2", "期望2"),)
    assert columns.missing_weights == tuple(WEIGHTS[2:])
    assert not columns.usable
    with pytest.raises(ValueError, match="E1"):
        survey.analyse(pd.DataFrame(columns=HEADER[1:]))


def test_no_valid_respondent_gives_no_scores():
    result = survey.analyse(frame([respondent({1: "x"})]))
    assert result.respondents == 0 and result.unweighted is None and result.weighted is None


SCORE = st.integers(1, 7)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(SCORE, min_size=44, max_size=44), min_size=2, max_size=12))
def test_properties_of_valid_surveys(rows):
    data = pd.DataFrame([[str(v) for v in row] for row in rows], columns=HEADER, dtype=object)
    result = survey.analyse(data)
    values = np.array(rows, dtype=float)
    assert result.respondents == len(rows) and not result.excluded
    gaps = values[:, 22:] - values[:, :22]
    assert result.items["gap"].to_numpy() == pytest.approx(gaps.mean(axis=0))
    assert result.unweighted == pytest.approx(float(result.dimensions["gap"].mean()))
    assert all(math.isnan(a) or a <= 1 + 1e-9 for key in ("alpha_e", "alpha_p", "alpha_gap")
               for a in result.dimensions[key])
    shuffled = survey.analyse(data.iloc[::-1].reset_index(drop=True))
    assert shuffled.unweighted == pytest.approx(result.unweighted)
    assert shuffled.dimensions["alpha_e"].to_numpy() == pytest.approx(result.dimensions["alpha_e"].to_numpy(),
                                                                      nan_ok=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=6), min_size=44, max_size=44))
def test_any_cells_are_either_used_or_reported(cells):
    result = survey.analyse(pd.DataFrame([[c.strip() for c in cells]], columns=HEADER, dtype=object))
    numbers = pd.to_numeric(pd.Series([c.strip() for c in cells]), errors="coerce")
    valid = all(1 <= v <= 7 and math.isfinite(v) for v in numbers)
    assert result.respondents == (1 if valid else 0)
    assert bool(result.excluded) != valid


# ── The page ─────────────────────────────────────────────────────────────────────────────────────

def upload(data: bytes, name: str = "survey.csv", lang: str = "zh"):
    return lab_upload(PAGE, "servqual", data, name, lang)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table_with(at, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def csv_bytes(columns: list[str], rows: list[list[str]], encoding="utf-8", separator=",") -> bytes:
    lines = [separator.join(columns)] + [separator.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def test_sample_opens_with_its_results_and_notices():
    at = open_page(PAGE, lang="en")
    assert metrics(at) == {"Respondents analysed": "119", "Unweighted SERVQUAL score": "-0.65",
                           "Weighted SERVQUAL score": "-0.77"}
    assert any("left out of the analysis: 1." in w.value and "empty cell" in w.value for w in at.warning)  # E7 blank
    assert any("importance points were not used: 1." in w.value for w in at.warning)
    assert len(at.get("vega_lite_chart")) == 2
    table = table_with(at, "Dimension")
    assert list(table["Dimension"]) == ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"]
    assert table["α (E)"].between(0.7, 0.9).all()
    assert "reliability" in at.markdown[-1].value.lower() or any("**Reliability**" in m.value for m in at.markdown)


def test_hand_example_uploaded_in_gbk_with_chinese_headers():
    zh = [f"期望{i}" for i in range(1, 23)] + [f"感知{i}" for i in range(1, 23)] + [
        "权重_有形性", "权重_可靠性", "权重_响应性", "权重_保证性", "权重_移情性"]
    rows = [row + [str(w) for w in weights] for row, weights in zip(HAND, HAND_WEIGHTS)]
    at = upload(csv_bytes(zh, rows, "gbk", ";"))
    assert metrics(at) == {"纳入分析的受访者": "3", "未加权 SERVQUAL 得分": "-0.87", "加权 SERVQUAL 得分": "-0.90"}
    dims = table_with(at, "维度").set_index("维度")
    assert dims.loc["有形性", "α（期望）"] == pytest.approx(0.952)
    assert np.isnan(dims.loc["可靠性", "α（期望）"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_in_each_language_reads_back(lang):
    from book.labs.reading import read_upload
    from book.labs.servqual import EXAMPLE_ROW, template_columns
    from book.labs.ui import template_csv, template_xlsx
    columns = template_columns(lang)
    example = [EXAMPLE_ROW]
    for name, data in (("t.csv", template_csv(columns, example)), ("t.xlsx", template_xlsx(columns, example))):
        frame = read_upload(name, data).frame
        result = survey.analyse(frame)
        assert result.respondents == 1 and result.weight_respondents == 1
        assert result.weighted is not None and not result.excluded


def test_missing_and_duplicate_columns_are_named():
    at = upload(csv_bytes(HEADER[1:] + ["期望2"], [respondent()[1:] + ["6"]]), lang="en")
    errors = " ".join(e.value for e in at.error)
    assert "lacks 1 item columns: E1" in errors and "E2 / 期望2" in errors
    assert not at.metric


def test_partial_weight_columns_switch_the_weighted_score_off():
    at = upload(csv_bytes(HEADER + WEIGHTS[:2], [r + ["50", "50"] for r in HAND]), lang="en")
    assert any("W_responsiveness" in w.value for w in at.warning)
    assert metrics(at)["Weighted SERVQUAL score"] == "—"
    assert metrics(at)["Unweighted SERVQUAL score"] == "-0.87"


def test_a_file_with_no_valid_respondent_says_so():
    at = upload(csv_bytes(HEADER, [respondent({1: "x"})]), lang="en")
    assert any("None of the 1 rows" in e.value for e in at.error)
    assert not at.metric


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=300),
                 st.lists(st.lists(st.text(max_size=5), min_size=44, max_size=44), min_size=1, max_size=3).map(
                     lambda rows: csv_bytes(HEADER, [[c.replace(",", "").replace('"', "").replace("\n", "")
                                                      .replace("\r", "") for c in row] for row in rows]))))
def test_hostile_files_get_a_message_never_a_traceback(data):
    at = upload(data, lang="en")
    shown = at.error or at.warning or at.metric
    assert shown, "the page showed neither a result nor a message"
    if at.metric:
        assert metrics(at)["Respondents analysed"] != "0"
