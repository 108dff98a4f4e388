"""The customer lab: amounts as shops and spreadsheets write them, transactions summed per customer with
refunds netted, every left-out row reported, tiers and Pareto shares against hand-computed numbers, and
the page with the sample, uploads, column picks and hostile files."""
from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from book.labs.reading import find_column
from helpers import lab_upload, open_page
from models import customer_data as cd
from models.labs import Excluded

NET_NEGATIVE = "labs.customers.reasons.net_negative"


def text_frame(rows: list[list[str]], columns=("customer", "amount")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns), dtype=object)


@pytest.mark.parametrize("cell, value", [
    ("1234.5", 1234.5), ("¥1,234.50", 1234.5), ("￥1,234.50元", 1234.5), ("1 234,50", 1234.5),
    ("1.234,50", 1234.5), ("12,5", 12.5), ("USD 1,000", 1000), ("(120.00)", -120), ("-80", -80),
    ("RMB 3,000,000", 3_000_000), ("１２３", 123), ("1e3", 1000), ("€ 9,99", 9.99)])
def test_amounts_as_written_by_real_tools(cell, value):
    values, reasons = cd.parse_amounts(pd.Series([cell]))
    assert values[0] == pytest.approx(value) and reasons[0] == ""


@pytest.mark.parametrize("cell, reason", [("", "missing"), ("abc", "not_a_number"), ("1,23,4", "not_a_number"),
                                          ("nan", "not_finite"), ("inf", "not_finite"), ("1e999", "not_finite"),
                                          ("12.3.4", "not_a_number")])
def test_unreadable_amounts_are_named(cell, reason):
    values, reasons = cd.parse_amounts(pd.Series([cell]))
    assert np.isnan(values[0]) or np.isinf(values[0])
    assert reasons[0] == reason


# Hand-computed: A buys 100 and ¥1,000 (total 1,100, two rows); B 50; C 30 then a refund of 40 (net −10: left
# out); D's amount is text and a row has no customer (both left out); E spent 0 and stays a customer.
TRANSACTIONS = [["A", "100"], ["B", "50"], ["A", "¥1,000"], ["C", "30"], ["C", "-40"], ["D", "abc"], ["", "20"],
                ["E", "0"]]


def test_transactions_sum_per_customer_with_refunds_netted_and_every_exclusion_named():
    table = cd.customer_table(text_frame(TRANSACTIONS), "customer", "amount")
    assert table.rows == 8 and table.used_rows == 4
    assert table.customers["customer"].tolist() == ["A", "B", "E"]
    assert table.customers["amount"].tolist() == [1100, 50, 0]
    assert table.customers["transactions"].tolist() == [2, 1, 1]
    assert table.excluded == [Excluded(5, "amount", NET_NEGATIVE, "30"), Excluded(6, "amount", NET_NEGATIVE, "-40"),
                              Excluded(7, "amount", "not_a_number", "abc"), Excluded(8, "customer", "missing", "")]


def test_pyramid_of_the_hand_example():
    table = cd.customer_table(text_frame(TRANSACTIONS), "customer", "amount")
    result = cd.pyramid_result(table.customers["amount"], (1 / 3, 1 / 3, 0))
    assert result.customers == 3 and result.total == 1150
    tiers = result.tiers.set_index("tier")
    assert tiers["customers"].tolist() == [1, 1, 0, 1]
    assert tiers.loc["vip", "revenue_share"] == pytest.approx(1100 / 1150)
    assert tiers.loc["major", "revenue_share"] == pytest.approx(50 / 1150)
    assert result.curve.iloc[1].tolist() == pytest.approx([1 / 3, 1100 / 1150])


def test_course_tiers_of_a_hundred_customers():
    amounts = pd.Series(np.arange(100, 0, -1), dtype=float)      # 100, 99, …, 1; total 5,050
    result = cd.pyramid_result(amounts)
    tiers = result.tiers.set_index("tier")
    assert tiers["customers"].tolist() == [1, 4, 15, 80]
    assert tiers.loc["vip", "revenue_share"] == pytest.approx(100 / 5050)
    assert tiers.loc["major", "revenue"] == 99 + 98 + 97 + 96
    assert result.top20 == pytest.approx(sum(range(81, 101)) / 5050)


def test_dates_parse_in_common_forms_and_bad_ones_are_named():
    rows = [["A", "10", "2024-03-05"], ["A", "20", "2024/3/6"], ["B", "30", "2024年3月7日"],
            ["B", "5", "2024.03.08 14:22"],
            ["C", "99", "next week"], ["C", "1", ""]]
    table = cd.customer_table(text_frame(rows, ("c", "a", "d")), "c", "a", "d")
    assert table.customers["amount"].tolist() == [35, 30]
    assert table.first_date == pd.Timestamp("2024-03-05") and table.last_date == pd.Timestamp("2024-03-08 14:22")
    assert [(e.row, e.reason) for e in table.excluded] == [(6, "bad_date"), (7, "missing")]


def test_a_period_counts_only_the_rows_inside_it():
    rows = [["A", "10", "2024-01-31"], ["A", "20", "2024-02-01"], ["B", "30", "2024-02-29 23:59"],
            ["B", "5", "2024-03-01"]]
    table = cd.customer_table(text_frame(rows, ("c", "a", "d")), "c", "a", "d",
                              period=(pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29")))
    assert table.customers["amount"].tolist() == [30, 20]
    assert table.outside_period == 2 and not table.excluded


def test_columns_are_recognised_by_common_names_in_both_languages():
    assert find_column(["日期", "会员ID", "消费金额"], cd.CUSTOMER_ALIASES) == "会员ID"
    assert find_column(["日期", "会员ID", "消费金额"], cd.AMOUNT_ALIASES) == "消费金额"
    assert find_column(["Customer ID", "Revenue", "Order Date"], cd.CUSTOMER_ALIASES) == "Customer ID"
    assert find_column(["Customer ID", "Revenue", "Order Date"], cd.AMOUNT_ALIASES) == "Revenue"
    assert find_column(["Customer ID", "Revenue", "Order Date"], cd.DATE_ALIASES) == "Order Date"


def test_a_long_curve_is_thinned_but_keeps_the_tier_boundaries():
    amounts = pd.Series(np.random.default_rng(3).lognormal(0, 1.5, 20_000))
    result = cd.pyramid_result(amounts, points=400)
    assert len(result.curve) <= 405
    for share in (0.01, 0.05, 0.20):
        assert (result.curve["customer_share"] - share).abs().min() < 1e-12
    assert result.curve["revenue_share"].is_monotonic_increasing


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", ""]), st.text(max_size=8)), min_size=1, max_size=20))
def test_every_row_is_counted_once_or_reported(rows):
    frame = text_frame([[c, a] for c, a in rows])
    table = cd.customer_table(frame, "customer", "amount")
    assert table.used_rows + len({e.row for e in table.excluded}) == len(rows)
    assert table.customers["transactions"].sum() == table.used_rows
    assert (table.customers["amount"] >= 0).all()
    assert table.customers["amount"].is_monotonic_decreasing


# ── The page ─────────────────────────────────────────────────────────────────────────────────────

PAGE = "pages/customer-lab.py"
HUNDRED = [[f"C{k:03d}", str(101 - k)] for k in range(1, 101)]     # amounts 100 … 1, total 5,050


def upload(data: bytes, name: str = "customers.csv", lang: str = "en"):
    return lab_upload(PAGE, "customers", data, name, lang)


def csv_bytes(columns, rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(columns), *rows])
    return out.getvalue().encode(encoding)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def selectbox(at, label: str):
    return next(s for s in at.selectbox if s.label == label)


def test_sample_opens_with_the_pyramid():
    at = open_page(PAGE, lang="zh")
    shown = metrics(at)
    assert shown["客户数"] == "600" and shown["前 20% 客户的销售额占比"] == "66.2%"
    assert selectbox(at, "客户列").value == "客户编号" and selectbox(at, "金额列").value == "消费金额"
    assert selectbox(at, "日期列（可选）").value == "交易日期"
    assert any("1 行未纳入分析" in w.value for w in at.warning)            # the sample's empty amount
    assert len(at.get("vega_lite_chart")) == 2


def test_hundred_customers_in_english_headers_and_the_sliders():
    at = upload(csv_bytes(("Customer ID", "Revenue"), HUNDRED))
    shown = metrics(at)
    assert shown["Customers"] == "100" and shown["Total sales"] == "5,050.00"
    assert shown["VIP customers: sales"] == "2.0%"                      # 100 / 5,050
    assert shown["Major customers: sales"] == "7.7%"                    # (99 + 98 + 97 + 96) / 5,050
    at.slider(key="cl_vip").set_value(2.0).run()
    assert metrics(at)["VIP customers: sales"] == "3.9%"               # (100 + 99) / 5,050
    tiers = next(d.value for d in at.dataframe if "Tier" in d.value.columns and "Sales" in d.value.columns)
    assert tiers["Customers"].tolist() == [2, 4, 15, 79]


def test_unrecognised_headers_ask_for_a_pick_then_analyse():
    at = upload(csv_bytes(("who", "how much"), HUNDRED[:10]))
    assert any("Choose the customer column" in i.value for i in at.info)
    assert not at.metric
    selectbox(at, "Customer column").set_value("who").run()
    selectbox(at, "Amount column").set_value("how much").run()
    assert metrics(at)["Customers"] == "10"


def test_one_column_for_two_roles_is_refused():
    at = upload(csv_bytes(("customer", "amount"), HUNDRED[:5]))
    selectbox(at, "Amount column").set_value("customer").run()
    assert any("cannot serve as two" in e.value for e in at.error)
    assert not at.metric


def test_gb18030_transactions_with_refunds_and_a_period():
    rows = [["张三", "¥1,000.00", "2024/1/5"], ["李四", "200", "2024/2/1"], ["张三", "-100", "2024/2/9"],
            ["王五", "50", "2024/3/1"], ["王五", "-80", "2024/3/2"]]
    at = upload(csv_bytes(("会员ID", "交易金额", "交易日期"), rows, "gb18030"), lang="zh")
    shown = metrics(at)
    assert shown["客户数"] == "2" and shown["销售额合计"] == "1,100.00"     # 王五 nets to −30: left out
    assert any("2 行未纳入分析" in w.value for w in at.warning)
    at.date_input[0].set_value((pd.Timestamp("2024-02-01").date(), pd.Timestamp("2024-03-02").date())).run()
    shown = metrics(at)                        # 张三's refund now has no purchase to net against: −100, left out
    assert shown["客户数"] == "1" and shown["销售额合计"] == "200.00"
    assert any("3 行未纳入分析" in w.value for w in at.warning)
    assert any("1 行有效交易不在所选时间段内" in c.value for c in at.caption)


def test_nothing_left_to_analyse_says_so():
    at = upload(csv_bytes(("customer", "amount"), [["A", "x"], ["B", ""]]))
    assert any(e.value.startswith("No customer in customers") for e in at.error)
    at = upload(csv_bytes(("customer", "amount"), [["A", "0"], ["B", "0"]]))
    assert any("is 0" in e.value for e in at.error)


@settings(max_examples=8, deadline=None)
@given(st.one_of(st.binary(max_size=300),
                 st.lists(st.tuples(st.text(max_size=6), st.text(max_size=8), st.text(max_size=10)),
                          min_size=1, max_size=6).map(
                     lambda rows: csv_bytes(("customer", "amount", "date"), [
                         [c.replace(",", "").replace('"', "").replace("\n", "").replace("\r", "") for c in row]
                         for row in rows]))))
def test_hostile_files_get_a_message_never_a_traceback(data):
    at = upload(data)
    assert at.error or at.warning or at.info or at.metric, "the page showed neither a result nor a message"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_in_each_language_reads_back_and_is_recognised(lang):
    from book.labs.customers import ALIASES, EXAMPLE_ROWS, ROLES, template_columns
    from book.labs.reading import read_upload
    from book.labs.ui import template_csv, template_xlsx
    columns = template_columns(lang)
    for name, data in (("t.csv", template_csv(columns, EXAMPLE_ROWS)),
                       ("t.xlsx", template_xlsx(columns, EXAMPLE_ROWS))):
        frame = read_upload(name, data).frame
        picks = [find_column(frame.columns, ALIASES[role]) for role in ROLES]
        assert picks == columns
        table = cd.customer_table(frame, *picks)
        assert table.customers["amount"].tolist() == [1200, 356.5]          # C0001: 1,280 − 80 refunded
        assert not table.excluded
