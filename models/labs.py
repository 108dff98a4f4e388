"""What the data labs share: a record of an excluded cell, and reading numbers out of text columns.

The labs read the reader's own file, where every cell arrives as text. A model never drops a row
quietly: each row it leaves out gets an `Excluded` entry saying where (file row, column), why (a key
of ui.toml [*.labs.reasons]) and what the cell held, and the page lists them.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

FIRST_DATA_ROW = 2   # frame row i is file row i + FIRST_DATA_ROW (the header is row 1)


@dataclass(frozen=True)
class Excluded:
    row: int          # file row number (header = row 1)
    column: str
    reason: str       # key under ui.toml [*.labs.reasons.<key>]; a dotted key is a full ui.toml key
    value: str        # the offending cell, for display (the UI shortens/escapes it)


def excluded_rows(excluded: Iterable[Excluded]) -> int:
    """How many different file rows the entries name."""
    return len({e.row for e in excluded})


def normalise_text(values: pd.Series) -> pd.Series:
    """Cells folded to one form: full-width letters and digits to ASCII (NFKC), lower case, no spaces
    at the ends. Survey platforms and Chinese input methods produce both widths."""
    return values.map(lambda v: unicodedata.normalize("NFKC", v), na_action="ignore").str.strip().str.lower()


def excluded_for(frame: pd.DataFrame, mask: pd.Series, column: str, reason: str,
                 values: pd.Series | None = None) -> list[Excluded]:
    """One `Excluded` entry for every row of `frame` where `mask` holds."""
    shown = frame[column] if values is None else values
    rows = np.flatnonzero(mask.to_numpy())
    return [Excluded(int(i) + FIRST_DATA_ROW, column, reason, str(shown.iat[i])) for i in rows]


def to_numbers(frame: pd.DataFrame, column: str, low: float | None = None, high: float | None = None,
               integer: bool = False, required: bool = True) -> tuple[pd.Series, list[Excluded]]:
    """The text column `column` as floats (NaN where a cell cannot be used) and an entry for each such cell.

    Reasons: "missing" (empty cell, only when `required`), "not_a_number", "not_finite" (NaN, inf),
    "not_integer" (when `integer`), "out_of_range" (outside [low, high]). Full-width digits count.
    """
    text = normalise_text(frame[column].astype(str))
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
    empty = text == ""
    unparsed = numbers.isna() & ~empty
    spelled_nan = text.isin(("nan", "+nan", "-nan"))
    not_finite = spelled_nan | np.isinf(numbers)
    not_number = unparsed & ~spelled_nan
    bad = not_number | not_finite
    checks: list[tuple[pd.Series, str]] = []
    if required:
        checks.append((empty, "missing"))
    checks += [(not_number, "not_a_number"), (not_finite, "not_finite")]
    usable = numbers.where(~bad)
    if integer:
        fractional = usable.notna() & (usable != usable.round())
        checks.append((fractional, "not_integer"))
        bad = bad | fractional
    outside = pd.Series(False, index=frame.index)
    if low is not None:
        outside |= usable < low
    if high is not None:
        outside |= usable > high
    outside &= ~bad
    checks.append((outside, "out_of_range"))
    excluded = [entry for mask, reason in checks for entry in excluded_for(frame, mask, column, reason)]
    result = numbers.where(~(bad | outside | empty)).astype(float)
    return result, sorted(excluded, key=lambda e: e.row)
