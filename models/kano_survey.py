"""A whole Kano survey from a table of answers: per feature the counts and shares of A/O/M/I/R/Q, the
category, its strength, Better and Worse, and the share of questionable answers.

Two layouts are recognised by their headers (in Chinese or English; case, spaces, underscores and
full-width forms do not matter):

* wide, one row per respondent and two columns per feature: `<feature>_functional` and
  `<feature>_dysfunctional`, or `<功能>_正向` and `<功能>_反向` (an optional respondent column is kept
  for reference, other columns are listed as ignored);
* long, one row per respondent and feature: `respondent, feature, functional, dysfunctional` or
  `受访者, 功能, 正向, 反向` (the respondent column is optional; with it, a respondent's second answer
  pair to the same feature is left out as a duplicate).

An answer is a code 1–5 in questionnaire order (like, must-be, neutral, live-with, dislike) or its
wording in Chinese or English, including the common Chinese wordings 我很喜欢 / 理应如此 / 无所谓 /
能忍受 / 我不喜欢 and their variants. Each answer pair goes through the standard evaluation table
(`models.kano.EVALUATION_TABLE`) in one vectorised step, so tens of thousands of rows take a fraction
of a second. Every pair that cannot be evaluated is reported as `Excluded`, never dropped silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import kano
from .labs import FIRST_DATA_ROW, Excluded

Q_WARNING = 0.10   # more than 10 % questionable answers suggests a misread or badly worded question

FUNCTIONAL = ("functional", "functional question", "func", "positive", "正向", "正向问题", "正向题", "功能具备",
              "具备")
DYSFUNCTIONAL = ("dysfunctional", "dysfunctional question", "dysfunc", "negative", "反向", "反向问题", "反向题",
                 "功能不具备", "不具备")
FEATURE = ("feature", "attribute", "item", "功能", "特征", "属性", "服务特征", "功能点")
RESPONDENT = ("respondent", "respondent id", "respondent_id", "id", "受访者", "受访者编号", "答卷编号", "序号",
              "编号")

ANSWER_WORDS: dict[int, tuple[str, ...]] = {
    1: ("like", "i like it", "i like it that way", "like it", "i like", "我很喜欢", "很喜欢", "我喜欢", "喜欢",
        "非常喜欢", "我非常喜欢"),
    2: ("must-be", "must be", "it must be that way", "it must be", "i expect it", "i expect it that way",
        "expect it", "expected", "理应如此", "理所当然", "必须这样", "它必须这样", "必须的", "本应如此",
        "应该这样", "应该如此", "理应这样"),
    3: ("neutral", "i am neutral", "i'm neutral", "im neutral", "i don't care", "dont care", "don't care",
        "indifferent", "无所谓", "中立", "我无所谓", "没感觉", "没有感觉"),
    4: ("live-with", "live with", "i can live with it", "can live with it", "i can tolerate it", "tolerate",
        "tolerable", "能忍受", "可以忍受", "能够忍受", "我能忍受", "我可以忍受", "勉强接受", "可以接受"),
    5: ("dislike", "i dislike it", "i dislike it that way", "dislike it", "i don't like it", "don't like it",
        "我不喜欢", "不喜欢", "很不喜欢", "我很不喜欢", "非常不喜欢"),
}


def _fold(text: str) -> str:
    """One spelling of an answer or header: NFKC, lower case, curly apostrophes straightened, no spaces,
    underscores, hyphens or trailing punctuation."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    folded = re.sub(r"[\s_\-]+", "", folded)
    return folded.rstrip(".。!！")


_ANSWERS = {_fold(word): code for code, words in ANSWER_WORDS.items() for word in words}
_ANSWERS.update({str(code): code for code in range(1, 6)})
_ANSWERS.update({f"{code}.0": code for code in range(1, 6)})
_TABLE = np.array([["", *row] for row in (("",) * 5, *kano.EVALUATION_TABLE)], dtype=object)


def answer_codes(cells: pd.Series) -> pd.Series:
    """Each cell's answer code 1–5; 0 for an empty cell, −1 for a cell that is no recognised answer.
    Only the distinct values are looked up, so a long column costs little more than its unique answers."""
    positions, uniques = pd.factorize(cells)
    codes = np.array([0 if value == "" else _ANSWERS.get(_fold(value), -1) for value in uniques], dtype=np.int8)
    return pd.Series(codes[positions], index=cells.index)


@dataclass(frozen=True)
class Layout:
    form: str                                  # "wide" or "long"
    features: tuple[str, ...]                  # in the order of the file
    columns: dict[str, tuple[str, str]]        # wide: feature → (functional column, dysfunctional column)
    feature: str | None = None                 # long: the column naming the feature
    functional: str | None = None              # long: the answer columns
    dysfunctional: str | None = None
    respondent: str | None = None
    ignored: tuple[str, ...] = ()              # columns the analysis does not use


class LayoutError(ValueError):
    """The headers fit neither layout. `key`: "no_layout"; "long_missing" (`column`: the missing roles
    among feature, functional, dysfunctional, comma-separated); "unpaired" (`column` lacks its partner,
    `value`: the missing side); "duplicate_feature" (`column` and `value` ask the same question)."""

    def __init__(self, key: str, column: str = "", value: str = ""):
        super().__init__(key, column, value)
        self.key, self.column, self.value = key, column, value


def _find(columns: list[str], aliases: tuple[str, ...]) -> str | None:
    folded = {_fold(c): c for c in reversed(columns)}
    return next((folded[_fold(a)] for a in aliases if _fold(a) in folded), None)


_SUFFIX = re.compile(r"^(?P<feature>.+?)\s*(?:[_\-\s/|:：·]+|[(（\[【])\s*(?P<side>[^_\-\s/|:：·()（）\[\]【】]+)"
                     r"\s*[)）\]】]?$")


def _wide_side(column: str) -> tuple[str, str] | None:
    """(feature, "functional" | "dysfunctional") for a header such as "Wi-Fi_functional" or "扫码点餐（反向）"."""
    match = _SUFFIX.match(column.strip())
    if not match:
        return None
    side = _fold(match.group("side"))
    for name, aliases in (("functional", FUNCTIONAL), ("dysfunctional", DYSFUNCTIONAL)):
        if side in {_fold(a) for a in aliases}:
            return match.group("feature").strip(), name
    return None


def detect_layout(columns: list[str]) -> Layout:
    """Which layout the headers follow; raises LayoutError when they fit neither."""
    feature, functional = _find(columns, FEATURE), _find(columns, FUNCTIONAL)
    dysfunctional, respondent = _find(columns, DYSFUNCTIONAL), _find(columns, RESPONDENT)
    if feature and functional and dysfunctional:
        used = {feature, functional, dysfunctional, respondent}
        return Layout("long", (), {}, feature, functional, dysfunctional, respondent,
                      tuple(c for c in columns if c not in used))
    sides: dict[str, dict[str, str]] = {}
    for column in columns:
        found = _wide_side(column)
        if found:
            name, side = found
            sides.setdefault(name, {})
            if side in sides[name]:
                raise LayoutError("duplicate_feature", column, sides[name][side])
            sides[name][side] = column
    if not sides:
        if feature or functional or dysfunctional:
            missing = [name for name, found in (("feature", feature), ("functional", functional),
                                                ("dysfunctional", dysfunctional)) if not found]
            raise LayoutError("long_missing", ",".join(missing))
        raise LayoutError("no_layout")
    for name, pair in sides.items():
        if len(pair) == 1:
            (side, column), = pair.items()
            raise LayoutError("unpaired", column, "dysfunctional" if side == "functional" else "functional")
    pairs = {name: (pair["functional"], pair["dysfunctional"]) for name, pair in sides.items()}
    used = {c for pair in pairs.values() for c in pair} | {respondent}
    return Layout("wide", tuple(pairs), pairs, respondent=respondent,
                  ignored=tuple(c for c in columns if c not in used))


@dataclass(frozen=True)
class Survey:
    layout: Layout
    pairs: pd.DataFrame                  # one row per usable answer pair: row, feature, functional, dysfunctional, category
    excluded: list[Excluded] = field(default_factory=list)
    rows: int = 0                        # data rows in the file
    respondents: int = 0                 # distinct respondents (rows in wide form)

    @property
    def features(self) -> tuple[str, ...]:
        return self.layout.features


def _evaluate(feature: pd.Series, functional: pd.Series, dysfunctional: pd.Series, rows: np.ndarray,
              columns: tuple[str, str]) -> tuple[pd.DataFrame, list[Excluded]]:
    """Evaluate the answer pairs; `columns` names the two answer columns for the report of bad cells."""
    f_code, d_code = answer_codes(functional).to_numpy(), answer_codes(dysfunctional).to_numpy()
    excluded: list[Excluded] = []
    for codes, cells, column in ((f_code, functional, columns[0]), (d_code, dysfunctional, columns[1])):
        texts = cells.to_numpy()
        for bad, reason in ((codes == 0, "missing"), (codes == -1, "bad_answer")):
            excluded += [Excluded(int(rows[i]), column, reason, str(texts[i])) for i in np.flatnonzero(bad)]
    good = (f_code > 0) & (d_code > 0)
    pairs = pd.DataFrame({"row": rows[good], "feature": feature.to_numpy()[good],
                          "functional": f_code[good], "dysfunctional": d_code[good],
                          "category": _TABLE[f_code[good], d_code[good]]})
    return pairs, excluded


def read_survey(frame: pd.DataFrame) -> Survey:
    """Every answer pair in `frame` (text cells, header as columns) evaluated; raises LayoutError if the
    headers fit neither layout."""
    layout = detect_layout(list(frame.columns))
    file_rows = np.arange(len(frame)) + FIRST_DATA_ROW
    if layout.form == "wide":
        parts, excluded = [], []
        for name, (f_col, d_col) in layout.columns.items():
            pairs, bad = _evaluate(pd.Series(name, index=frame.index), frame[f_col], frame[d_col], file_rows,
                                   (f_col, d_col))
            parts.append(pairs)
            excluded += bad
        pairs = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        respondents = len(frame)
    else:
        feature_cells = frame[layout.feature]
        no_feature = feature_cells == ""
        excluded = [Excluded(int(r), layout.feature, "missing", "") for r in file_rows[no_feature.to_numpy()]]
        keep = ~no_feature.to_numpy()
        if layout.respondent:
            repeated = frame.duplicated([layout.respondent, layout.feature]).to_numpy() & keep \
                & (frame[layout.respondent] != "").to_numpy()
            excluded += [Excluded(int(r), layout.respondent, "duplicate", f"{who} · {what}") for r, who, what in
                         zip(file_rows[repeated], frame[layout.respondent].to_numpy()[repeated],
                             feature_cells.to_numpy()[repeated])]
            keep &= ~repeated
        subset = frame[keep]
        pairs, bad = _evaluate(subset[layout.feature], subset[layout.functional], subset[layout.dysfunctional],
                               file_rows[keep], (layout.functional, layout.dysfunctional))
        excluded += bad
        features = tuple(pd.unique(subset[layout.feature]))
        layout = Layout("long", features, {}, layout.feature, layout.functional, layout.dysfunctional,
                        layout.respondent, layout.ignored)
        respondents = subset[layout.respondent].replace("", np.nan).nunique() if layout.respondent else 0
    excluded.sort(key=lambda e: (e.row, e.column))
    return Survey(layout, pairs, excluded, len(frame), int(respondents))


RESULT_COLUMNS = ("feature", "n", *(f"n_{c}" for c in kano.CATEGORIES), *(f"share_{c}" for c in kano.CATEGORIES),
                  "category", "ambiguous", "strength", "better", "worse", "questionable", "q_warning")


def results(survey: Survey, threshold: float = 0.0) -> pd.DataFrame:
    """One row per feature (file order): the answer pairs counted (n), counts and shares of each category,
    the category by the most-frequent rule with `threshold` and M > O > A > I, whether that rule decided
    (ambiguous), the category strength, Better, Worse (NaN without A, O, M or I answers), the share of
    questionable answers and whether it exceeds 10 %."""
    counts = (survey.pairs.groupby(["feature", "category"], sort=False).size().unstack(fill_value=0)
              if len(survey.pairs) else pd.DataFrame())
    rows = []
    for feature in survey.features:
        tally = {c: int(counts.at[feature, c]) if feature in counts.index and c in counts.columns else 0
                 for c in kano.CATEGORIES}
        n = sum(tally.values())
        row = {"feature": feature, "n": n, **{f"n_{c}": tally[c] for c in kano.CATEGORIES}}
        if n == 0:
            row.update({f"share_{c}": np.nan for c in kano.CATEGORIES}, category="", ambiguous=False,
                       strength=np.nan, better=np.nan, worse=np.nan, questionable=np.nan, q_warning=False)
            rows.append(row)
            continue
        share = kano.shares(tally)
        row.update({f"share_{c}": share[c] for c in kano.CATEGORIES})
        row.update(category=kano.classify(tally, threshold), ambiguous=kano.is_ambiguous(tally, threshold),
                   strength=kano.category_strength(tally), questionable=share["Q"], q_warning=share["Q"] > Q_WARNING)
        if tally["A"] + tally["O"] + tally["M"] + tally["I"]:
            row["better"], row["worse"] = kano.better_worse(tally)
        else:
            row["better"] = row["worse"] = np.nan
        rows.append(row)
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
