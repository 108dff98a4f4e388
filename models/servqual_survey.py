"""SERVQUAL from survey answers: one row per respondent, 22 expectation and 22 perception items.

Each respondent rates the 22 items twice on the 7-point scale (E: what an excellent firm would do;
P: the firm at hand) and may allocate 100 importance points across the five dimensions. From the
answers this module computes what the quality chapter teaches (models/servqual.py):

- per item: mean E, mean P and the gap P − E;
- per dimension: mean E, mean P and the mean gap (the mean of its item gaps);
- the unweighted score, the plain mean of the five dimension gaps (not the mean of the 22 item gaps,
  which would weight reliability and empathy 5/22 each);
- the weighted score Σ w̄_d · gap_d / 100, where w̄_d are the importance points averaged over the
  respondents who gave valid points (Zeithaml, Parasuraman & Berry 1990 average the allocations
  across respondents before weighting the dimension gaps);
- Cronbach's α per dimension for the E items, the P items and the item gaps:
  α = k/(k − 1) · (1 − Σ item variances / variance of the item sum), variances with n − 1.

Missing or invalid scores leave the whole respondent out (listwise), so every mean, gap and α rests
on the same respondents; every problem cell is reported as an `Excluded` entry. Invalid importance
points leave out only that respondent's points: their scores still count.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from models.labs import FIRST_DATA_ROW, Excluded, to_numbers
from models.servqual import DIMENSIONS, ITEM_DIMENSION, SCALE_MAX, SCALE_MIN, WEIGHT_TOTAL, unweighted_score

ITEMS = tuple(range(1, 23))
BATTERIES = ("E", "P")
WEIGHT_TOLERANCE = 1.0          # points; 99–101 is accepted as rounding and rescaled to 100
REASONS = "labs.servqual.reasons"   # ui.toml table of this lab's own reasons

_PREFIXES = {
    "E": ("expectations", "expectation", "expected", "expect", "exp", "e", "期望值", "期望"),
    "P": ("perceptions", "perception", "perceived", "perc", "p", "感知值", "感知", "实际"),
}
_WEIGHT_WORDS = ("weights", "weight", "importance", "points", "w", "权重", "重要性", "重要度")
DIMENSION_NAMES: dict[str, tuple[str, ...]] = {
    "tangibles": ("tangibles", "tangible", "有形性", "有形"),
    "reliability": ("reliability", "可靠性", "可靠"),
    "responsiveness": ("responsiveness", "响应性", "反应性", "响应"),
    "assurance": ("assurance", "保证性", "保证"),
    "empathy": ("empathy", "移情性", "关怀性", "移情"),
}
_SEPARATORS = re.compile(r"[\s_\-.:：·()（）\[\]【】#]+")


def _normal(header: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", str(header)).casefold())


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ITEM = {b: re.compile(rf"(?:{_alternatives(p)})0*(\d{{1,2}})") for b, p in _PREFIXES.items()}
_DIMENSION = _alternatives(n for names in DIMENSION_NAMES.values() for n in names)
_WEIGHT_WORD = _alternatives(_WEIGHT_WORDS)
_WEIGHT = re.compile(rf"(?:{_WEIGHT_WORD})({_DIMENSION})|({_DIMENSION})(?:{_WEIGHT_WORD})")
_DIMENSION_OF = {name: dim for dim, names in DIMENSION_NAMES.items() for name in names}


def item_column(battery: str, item: int) -> str:
    """The canonical header of an item: E1 … E22, P1 … P22."""
    return f"{battery}{item}"


def weight_column(dimension: str) -> str:
    """The canonical header of a dimension's importance points, e.g. W_tangibles."""
    return f"W_{dimension}"


def recognise(header: str) -> tuple[str, int | str] | None:
    """What a header names: ("E", item), ("P", item), ("W", dimension), or None.

    Headers are compared after Unicode normalisation, case folding and removal of spaces, underscores,
    hyphens, dots and brackets, so "E1", "e_01", "Expectation 1", "期望1" and "期望 01" all name item E1;
    "W_tangibles", "权重_有形性" and "tangibles weight" name the importance points of tangibles.
    """
    text = _normal(header)
    for battery, pattern in _ITEM.items():
        match = pattern.fullmatch(text)
        if match and int(match.group(1)) in ITEM_DIMENSION:
            return battery, int(match.group(1))
    match = _WEIGHT.fullmatch(text)
    if match:
        return "W", _DIMENSION_OF[match.group(1) or match.group(2)]
    return None


@dataclass(frozen=True)
class ColumnMap:
    """Which file column holds which item or weight, and what is missing or ambiguous."""
    items: dict[tuple[str, int], str]            # ("E", 1) → column
    weights: dict[str, str]                      # dimension → column (empty when the file gives no weights)
    missing: tuple[str, ...]                     # canonical names of items without a column
    duplicates: tuple[tuple[str, ...], ...]      # columns that name the same item or weight
    missing_weights: tuple[str, ...]             # canonical weight headers missing when some are present
    ignored: tuple[str, ...]                     # columns that name nothing this analysis uses

    @property
    def usable(self) -> bool:
        """All 44 items found, each once. Incomplete weight columns only switch the weighted score off."""
        return not (self.missing or self.duplicates)


def map_columns(columns) -> ColumnMap:
    """Recognise the item and weight columns among a file's headers."""
    found: dict[tuple, list[str]] = {}
    ignored = []
    for column in columns:
        what = recognise(column)
        if what is None:
            ignored.append(column)
        else:
            found.setdefault(what, []).append(column)
    items = {(b, i): found[(b, i)][0] for b in BATTERIES for i in ITEMS if (b, i) in found}
    weights = {d: found[("W", d)][0] for d in DIMENSIONS if ("W", d) in found}
    missing = tuple(item_column(b, i) for b in BATTERIES for i in ITEMS if (b, i) not in found)
    missing_weights = tuple(weight_column(d) for d in DIMENSIONS if d not in weights) if weights else ()
    duplicates = tuple(tuple(cols) for cols in found.values() if len(cols) > 1)
    return ColumnMap(items, weights, missing, duplicates, missing_weights, tuple(ignored))


def _alpha(items: np.ndarray) -> float:
    """Cronbach's α of the columns of `items` (respondents × items); NaN when it is undefined
    (fewer than two respondents or items, or a sum that does not vary)."""
    n, k = items.shape
    if n < 2 or k < 2:
        return math.nan
    total_variance = items.sum(axis=1).var(ddof=1)
    if not np.isfinite(total_variance) or total_variance <= 1e-12:
        return math.nan
    return float(k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total_variance))


@dataclass(frozen=True)
class SurveyResult:
    rows: int                         # data rows in the file
    respondents: int                  # respondents analysed (rows with 44 valid scores)
    items: pd.DataFrame               # item, dimension, expectation, perception, gap
    dimensions: pd.DataFrame          # dimension, items, expectation, perception, gap, weight,
                                      # alpha_e, alpha_p, alpha_gap (NaN where undefined)
    unweighted: float | None          # mean of the five dimension gaps
    weighted: float | None            # Σ mean points × gap / 100; None when nobody gave valid points
    weight_respondents: int           # analysed respondents whose points were used
    excluded: list[Excluded] = field(default_factory=list)         # cells that left their respondent out
    weights_ignored: list[Excluded] = field(default_factory=list)  # rows whose points were not used


def _numbers(frame: pd.DataFrame, names: list[str], **limits) -> tuple[np.ndarray, list[Excluded]]:
    """The columns `names` as a respondents × columns array (NaN where a cell is unusable) and an entry
    for every unusable cell. The cells are checked in one pass, as one long column, then put back."""
    width = len(names)
    cells = pd.DataFrame({"cell": frame[names].to_numpy(dtype=object).ravel()})
    numbers, problems = to_numbers(cells, "cell", **limits)
    excluded = [replace(e, row=(e.row - FIRST_DATA_ROW) // width + FIRST_DATA_ROW,
                        column=names[(e.row - FIRST_DATA_ROW) % width]) for e in problems]
    return numbers.to_numpy(dtype=float).reshape(len(frame), width), excluded


def _weights(frame: pd.DataFrame, columns: ColumnMap, keep: np.ndarray
             ) -> tuple[np.ndarray | None, int, list[Excluded]]:
    """Mean importance points per dimension (each respondent's rescaled to sum to 100) over the analysed
    respondents with valid points, how many those are, and the rows whose points were not used and why.
    A respondent who left all five empty gave no points; that is not a problem."""
    if not columns.weights or columns.missing_weights:
        return None, 0, []
    names = [columns.weights[d] for d in DIMENSIONS]
    values, problems = _numbers(frame, names, low=0)
    blank = (frame[names] == "").all(axis=1).to_numpy()
    cell_bad = np.isnan(values).any(axis=1) & ~blank
    sums = np.nansum(values, axis=1)
    sum_bad = ~cell_bad & ~blank & (np.abs(sums - WEIGHT_TOTAL) > WEIGHT_TOLERANCE)
    first = FIRST_DATA_ROW
    ignored = [e for e in problems if keep[e.row - first] and not blank[e.row - first]]
    ignored += [Excluded(row=int(r) + first, column=" + ".join(names), reason=f"{REASONS}.weight_sum",
                         value=f"{sums[r]:g}") for r in np.flatnonzero(keep & sum_bad)]
    ignored.sort(key=lambda e: e.row)
    use = keep & ~blank & ~cell_bad & ~sum_bad
    if not use.any():
        return None, 0, ignored
    scaled = values[use] / sums[use, None] * WEIGHT_TOTAL
    return scaled.mean(axis=0), int(use.sum()), ignored


def analyse(frame: pd.DataFrame, columns: ColumnMap | None = None) -> SurveyResult:
    """SERVQUAL results from a frame of text cells, one respondent per row (the first is file row 2)."""
    columns = columns or map_columns(frame.columns)
    if not columns.usable:
        raise ValueError(f"the columns are not usable: missing {columns.missing}, duplicates {columns.duplicates}")
    names = [columns.items[(b, i)] for b in BATTERIES for i in ITEMS]
    scores, excluded = _numbers(frame, names, low=SCALE_MIN, high=SCALE_MAX)
    excluded.sort(key=lambda e: e.row)
    keep = ~np.isnan(scores).any(axis=1)
    weights, weight_n, weights_ignored = _weights(frame, columns, keep)

    kept = scores[keep]
    e, p = kept[:, :len(ITEMS)], kept[:, len(ITEMS):]
    gap = p - e
    n = int(keep.sum())
    dims = [ITEM_DIMENSION[i] for i in ITEMS]
    with np.errstate(invalid="ignore"):
        mean_e, mean_p = (e.mean(axis=0), p.mean(axis=0)) if n else (np.full(22, np.nan),) * 2
    items = pd.DataFrame({"item": ITEMS, "dimension": dims, "expectation": mean_e, "perception": mean_p,
                          "gap": mean_p - mean_e})
    rows = []
    for d_index, dim in enumerate(DIMENSIONS):
        cols = [j for j, item in enumerate(ITEMS) if ITEM_DIMENSION[item] == dim]
        rows.append({"dimension": dim, "items": len(cols),
                     "expectation": float(mean_e[cols].mean()), "perception": float(mean_p[cols].mean()),
                     "gap": float(mean_p[cols].mean() - mean_e[cols].mean()),
                     "weight": float(weights[d_index]) if weights is not None else np.nan,
                     "alpha_e": _alpha(e[:, cols]), "alpha_p": _alpha(p[:, cols]), "alpha_gap": _alpha(gap[:, cols])})
    dimensions = pd.DataFrame(rows)
    gaps = dict(zip(DIMENSIONS, dimensions["gap"]))
    unweighted = unweighted_score(gaps) if n else None
    weighted = (round(float(sum(weights[i] * gaps[d] for i, d in enumerate(DIMENSIONS)) / WEIGHT_TOTAL), 10)
                if n and weights is not None else None)
    return SurveyResult(rows=len(frame), respondents=n, items=items, dimensions=dimensions,
                        unweighted=unweighted, weighted=weighted, weight_respondents=weight_n,
                        excluded=excluded, weights_ignored=weights_ignored)
