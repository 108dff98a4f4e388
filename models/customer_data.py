"""A reader's customer data turned into one amount per customer, ready for the customer pyramid.

The file holds either transactions (customer, amount, optionally a date; a customer on many rows) or one
row per customer; both are summed per customer, so a customer-level file simply sums one row each.
Amounts may carry what spreadsheets and shop systems add to them: currency signs and codes (¥, ￥, $, €,
£, 元, RMB, CNY, USD …), thousands separators (1,234.50 · 1 234,50 · 1.234,50), a decimal comma (12,5) and
accounting brackets for negatives ((120.00)). Everything else is reported, never silently dropped.

Refunds: a negative amount on a transaction row is a refund and nets against the same customer's other
rows. A customer whose net total is negative cannot be placed on a share-of-revenue curve
(models/pyramid.py ranks non-negative revenue), so that customer is left out and reported; a net total
of zero stays in as a customer who brought nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from models import pyramid
from models.labs import FIRST_DATA_ROW, Excluded

# Header names the columns are recognised by, in both languages (compared ignoring case, spaces and
# underscores); the reader can always pick other columns.
CUSTOMER_ALIASES = ("customer_id", "客户ID", "客户编号", "会员ID", "会员编号", "customer", "客户", "customer_no",
                    "client_id", "client", "member_id", "用户ID", "客户名称", "customer_name")
AMOUNT_ALIASES = ("amount", "金额", "消费金额", "销售额", "revenue", "sales", "交易金额", "订单金额", "实付金额",
                  "spend", "total", "annual_purchases_yuan", "购买金额", "营业额")
DATE_ALIASES = ("date", "日期", "交易日期", "order_date", "transaction_date", "订单日期", "下单时间", "购买日期",
                "交易时间", "时间")

_CURRENCY = re.compile(r"(?i)[¥$€£₩]|rmb|cny|usd|eur|gbp|hkd|元|人民币|yuan")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']+")
_THOUSANDS_COMMA = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_THOUSANDS_DOT = r"[+-]?\d{1,3}(?:\.\d{3})+,\d+"
_DECIMAL_COMMA = r"[+-]?\d+,\d{1,2}"
_PLAIN = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_DATE_WORDS = re.compile(r"[年月/.]")


def parse_amounts(text: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Cells as floats and a reason per cell ("" when fine): "missing" for an empty cell, "not_finite"
    for NaN or infinity, "not_a_number" for anything else that is not an amount."""
    cleaned = text.astype(str).str.normalize("NFKC").str.strip()
    bare = cleaned.str.replace(_CURRENCY, "", regex=True).str.replace(_SPACES, "", regex=True)
    bracketed = bare.str.fullmatch(r"\(.+\)")
    bare = bare.where(~bracketed, "-" + bare.str.slice(1, -1))
    comma_thousands = bare.str.fullmatch(_THOUSANDS_COMMA)
    dot_thousands = bare.str.fullmatch(_THOUSANDS_DOT)
    decimal_comma = bare.str.fullmatch(_DECIMAL_COMMA)
    number = bare.where(~comma_thousands, bare.str.replace(",", "", regex=False))
    number = number.where(~dot_thousands, bare.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    number = number.where(~decimal_comma, bare.str.replace(",", ".", regex=False))
    plain = number.str.fullmatch(_PLAIN)
    values = pd.to_numeric(number.where(plain, None), errors="coerce").to_numpy(dtype=float)
    empty = (cleaned == "").to_numpy()
    spelled_nan = bare.str.fullmatch(r"(?i)[+-]?(?:nan|inf|infinity)").to_numpy()
    reasons = np.where(empty, "missing", np.where(spelled_nan | np.isinf(values), "not_finite",
                                                  np.where(np.isnan(values), "not_a_number", "")))
    return values, reasons.astype(object)


def parse_dates(text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Cells as timestamps and a reason per cell: "missing" or "bad_date" (year first: 2024-03-05,
    2024/3/5, 2024.3.5 or 2024年3月5日, optionally with a time)."""
    cleaned = text.astype(str).str.normalize("NFKC").str.strip()
    iso = cleaned.str.replace("日", "", regex=False).str.replace(_DATE_WORDS, "-", regex=True)
    dates = pd.to_datetime(iso, format="ISO8601", errors="coerce")
    empty = (cleaned == "").to_numpy()
    reasons = np.where(empty, "missing", np.where(dates.isna().to_numpy(), "bad_date", ""))
    return dates, reasons.astype(object)


@dataclass(frozen=True)
class CustomerTable:
    """The file reduced to customers, and what was left out."""
    rows: int                              # data rows in the file
    used_rows: int                         # rows whose amounts count in the results
    customers: pd.DataFrame                # customer, amount, transactions; largest amount first
    excluded: list[Excluded] = field(default_factory=list)
    first_date: pd.Timestamp | None = None  # the period the counted rows cover (with a date column)
    last_date: pd.Timestamp | None = None
    outside_period: int = 0                # valid rows outside the chosen period


def customer_table(frame: pd.DataFrame, customer: str, amount: str, date: str | None = None,
                   period: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> CustomerTable:
    """Sum the amounts per customer. Rows with no customer, an unreadable amount or (with a date column) an
    unreadable date are excluded and reported; so are the rows of a customer whose net total is negative. With `period`
    (first and last day, inclusive) only rows dated within it count; the others are counted, not reported
    as errors. The frame's first row is file row 2."""
    ids = frame[customer].astype(str).str.strip()
    values, reasons = parse_amounts(frame[amount])
    problems = [(customer, np.where((ids == "").to_numpy(), "missing", "")), (amount, reasons)]
    dates = None
    if date is not None:
        dates, date_reasons = parse_dates(frame[date])
        problems.append((date, date_reasons))
    bad = np.zeros(len(frame), dtype=bool)
    excluded: list[Excluded] = []
    for column, why in problems:
        rows = np.nonzero((why != "") & ~bad)[0]
        excluded += [Excluded(row=int(r) + FIRST_DATA_ROW, column=column, reason=str(why[r]),
                              value=str(frame[column].iat[r])) for r in rows]
        bad |= why != ""
    good = ~bad
    outside = 0
    first_date = last_date = None
    if dates is not None:
        if period is not None:
            start, end = pd.Timestamp(period[0]), pd.Timestamp(period[1]) + pd.Timedelta(days=1)
            inside = ((dates >= start) & (dates < end)).to_numpy()
            outside = int((good & ~inside).sum())
            good &= inside
        if good.any():
            first_date, last_date = dates[good].min(), dates[good].max()
    rows = pd.DataFrame({"customer": ids[good].to_numpy(), "amount": values[good],
                         "row": np.flatnonzero(good) + FIRST_DATA_ROW})
    grouped = rows.groupby("customer", sort=False)
    customers = pd.DataFrame({"amount": grouped["amount"].sum(), "transactions": grouped.size()})
    negative = rows["customer"].isin(customers.index[customers["amount"] < 0]).to_numpy()
    text = frame[amount].to_numpy()
    excluded += [Excluded(row=int(r), column=amount, reason="labs.customers.reasons.net_negative",
                          value=str(text[r - FIRST_DATA_ROW])) for r in rows["row"].to_numpy()[negative]]
    customers = customers[customers["amount"] >= 0].rename_axis("customer").reset_index()
    customers = customers.sort_values("amount", ascending=False, kind="stable").reset_index(drop=True)
    excluded.sort(key=lambda e: e.row)
    return CustomerTable(rows=len(frame), used_rows=int(len(rows) - negative.sum()), customers=customers,
                         excluded=excluded, first_date=first_date, last_date=last_date, outside_period=outside)


@dataclass(frozen=True)
class PyramidResult:
    customers: int
    total: float
    tiers: pd.DataFrame          # pyramid.tier_summary's columns, top tier first
    curve: pd.DataFrame          # customer_share, revenue_share: at most `points` + 1 points from (0, 0)
    top20: float                 # share of the total brought by the top 20 % of customers


def pyramid_result(amounts: pd.Series | np.ndarray, cuts: tuple[float, float, float] = pyramid.COURSE_CUTS,
                   points: int = 400) -> PyramidResult:
    """Tiers and a Pareto curve thin enough to draw: every customer's point when there are at most
    `points` customers, otherwise `points` evenly spaced ones plus the tier boundaries."""
    full = pyramid.pareto_curve(amounts)
    n = len(full)
    sizes = pyramid.tier_sizes(n, cuts)
    bounds = np.cumsum(sizes)[:-1]
    picks = np.unique(np.concatenate([np.linspace(1, n, min(n, points)).round().astype(int),
                                      bounds[bounds > 0]])) - 1
    curve = pd.concat([pd.DataFrame({"customer_share": [0.0], "revenue_share": [0.0]}),
                       full.iloc[picks][["customer_share", "revenue_share"]]], ignore_index=True)
    return PyramidResult(customers=n, total=float(full["amount"].sum()), tiers=pyramid.tier_summary(amounts, cuts),
                         curve=curve, top20=pyramid.revenue_share(amounts, 0.2))
