"""The data labs' reading layer: every encoding, separator and file type readers' tools produce, and a
clear error (with file, row and column) for every kind of bad file."""
from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book import content
from book.labs import reading
from book.labs.reading import LabError, find_column, read_upload
from book.labs.ui import error_text, excluded_frame, reason_text, shown_value, template_csv, template_xlsx
from models.labs import Excluded, excluded_rows, to_numbers

TABLE = [["受访者", "功能", "正向", "反向"], ["1", "扫码点餐", "我很喜欢", "无所谓"], ["2", "扫码点餐", "理应如此", "我不喜欢"]]


def text_file(rows, separator=",", newline="\r\n") -> str:
    return newline.join(separator.join(row) for row in rows) + newline


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def error_of(name: str, data: bytes) -> LabError:
    with pytest.raises(LabError) as caught:
        read_upload(name, data)
    return caught.value


@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("gbk", "gb18030"), ("gb18030", "gb18030"),
                                                ("utf-16", "utf-16")])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_every_encoding_and_separator_reads_the_same_table(encoding, expected, separator):
    upload = read_upload("答卷.csv", text_file(TABLE, separator).encode(encoding))
    assert upload.encoding == expected
    assert upload.separator == separator
    assert list(upload.frame.columns) == TABLE[0]
    assert upload.frame.values.tolist() == TABLE[1:]


def test_unix_line_endings_tsv_and_txt_names():
    for name in ("a.tsv", "a.txt", "A.CSV"):
        upload = read_upload(name, text_file(TABLE, "\t", "\n").encode())
        assert upload.frame.shape == (2, 4)


def test_cells_are_stripped_text_and_quoted_separators_and_newlines_stay_in_their_cell():
    data = 'name , score\n"Li, Wei", 7 \n"two\nlines",\n'.encode()
    frame = read_upload("a.csv", data).frame
    assert list(frame.columns) == ["name", "score"]
    assert frame.values.tolist() == [["Li, Wei", "7"], ["two\nlines", ""]]


def test_separator_inside_a_quoted_header_does_not_decide():
    data = '"a;b","c;d",x\n1,2,3\n'.encode()
    assert read_upload("a.csv", data).separator == ","


def test_short_rows_are_padded_and_trailing_blank_rows_and_unnamed_empty_columns_dropped():
    data = "a,b,c,\n1,2\n3,4,5,\n,,,\n\n".encode()
    frame = read_upload("a.csv", data).frame
    assert list(frame.columns) == ["a", "b", "c"]
    assert frame.values.tolist() == [["1", "2", ""], ["3", "4", "5"]]


def test_an_interior_blank_row_is_kept_so_row_numbers_stay_true():
    frame = read_upload("a.csv", b"a,b\n1,2\n,\n3,4\n").frame
    assert frame.values.tolist() == [["1", "2"], ["", ""], ["3", "4"]]
    assert reading.FIRST_DATA_ROW == 2


def test_xlsx_first_sheet_as_text():
    import datetime
    rows = [["客户ID", "金额", "日期", "备注"], ["C1", 1200, datetime.datetime(2024, 3, 5), None],
            ["C2", 99.5, datetime.datetime(2024, 3, 5, 14, 30), "x"], ["C3", 7.0, None, True]]
    upload = read_upload("客户.xlsx", xlsx_bytes(rows))
    assert (upload.encoding, upload.separator) == ("xlsx", None)
    assert upload.frame.values.tolist() == [["C1", "1200", "2024-03-05", ""], ["C2", "99.5", "2024-03-05 14:30:00", "x"],
                                            ["C3", "7", "", "TRUE"]]


def test_template_files_read_back_with_their_headers():
    columns, rows = ["受访者", "功能", "正向", "反向"], [[1, "扫码点餐", "我很喜欢", "无所谓"]]
    csv_data = template_csv(columns, rows)
    assert csv_data.startswith(b"\xef\xbb\xbf")
    for name, data in (("t.csv", csv_data), ("t.xlsx", template_xlsx(columns, rows))):
        upload = read_upload(name, data)
        assert list(upload.frame.columns) == columns
        assert upload.frame.values.tolist() == [["1", "扫码点餐", "我很喜欢", "无所谓"]]


@pytest.mark.parametrize("name, data, key, params", [
    ("a.csv", b"", "empty", {"file": "a.csv"}),
    ("a.csv", b" \r\n\n ", "empty", {"file": "a.csv"}),
    ("a.csv", bytes(range(256)) * 8, "binary", {"file": "a.csv"}),
    ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old_excel", {"file": "a.xls"}),
    ("a.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old_excel", {"file": "a.csv"}),
    ("a.xlsx", b"a,b\n1,2\n", "not_xlsx", {"file": "a.xlsx"}),
    ("a.pdf", b"%PDF-1.4 hello", "unsupported_type", {"value": ".pdf"}),
    ("noext", b"a,b\n1,2\n", "unsupported_type", {"value": "noext"}),
    ("a.csv", b"\n\na,b\n1,2\n", "no_header", {"file": "a.csv"}),
    ("a.csv", b",,\n1,2,3\n", "no_header", {}),
    ("a.csv", b"a,b\n", "no_rows", {}),
    ("a.csv", b"1,2,3\n4,5,6\n", "numeric_header", {"value": "1, 2, 3"}),
    ("a.csv", b"a,b\n1,2\n3,4\n5,6,7\n", "ragged_row", {"row": 4, "value": 3, "limit": 2}),
    ("a.csv", b"a,,c\n1,2,3\n", "blank_column", {"column": "B"}),
    ("a.csv", b"a,b,a\n1,2,3\n", "duplicate_column", {"column": "a", "value": "A, C"}),
    ("a.csv", b"a,b\n1,2\n3," + b"x" * 5000 + b"\n", "cell_too_long", {"row": 3, "column": "b", "value": "5,000"}),
    ("a.csv", b"a,b\n1,2\n3," + b"x" * 200_000 + b"\n", "row_too_long", {"row": 3}),
    ("a.csv", b"x" * 1200 + b",b\n1,2\n", "cell_too_long", {"row": 1, "column": "A"}),
    ("a.csv", b",".join(b"c%d" % i for i in range(600)) + b"\n1\n", "too_many_columns", {"value": 600}),
    ("a.csv", b"a,b\n\xff\xfe\xfa\xfb\x80\x81\n", "undecodable", {}),
    ("a.csv", b'a,b\n1,"2\n', "unreadable_row", {"row": 2}),
])
def test_each_bad_file_gets_its_own_error(name, data, key, params):
    error = error_of(name, data)
    assert error.key == key, error.params
    for param, value in params.items():
        assert error.params[param] == value


def test_an_unclosed_quote_does_not_swallow_the_file_silently():
    error = error_of("a.csv", b'a,b\n1,"2\n3,4\n')
    assert error.key == "unreadable_row"


def test_xlsx_bytes_under_a_csv_name_and_a_foreign_zip_under_an_xlsx_name():
    data = xlsx_bytes([["a"], [1]])
    error = error_of("a.csv", data)
    assert (error.key, error.params["value"]) == ("xlsx_named_text", ".csv")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert error_of("a.xlsx", archive.getvalue()).key == "bad_xlsx"
    assert error_of("a.xlsx", data[: len(data) // 2]).key == "bad_xlsx"


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED", 1000)
    assert error_of("a.xlsx", xlsx_bytes([["a"], [1]])).key == "too_large_unpacked"


def test_too_many_rows_in_text_and_xlsx(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    rows = [["a"], *([str(i)] for i in range(5))]
    assert error_of("a.csv", text_file(rows).encode()).key == "too_many_rows"
    assert error_of("a.xlsx", xlsx_bytes(rows)).key == "too_many_rows"
    assert read_upload("a.csv", text_file(rows[:4]).encode()).frame.shape == (3, 1)


def test_csv_field_size_limit_is_left_alone():
    import csv
    before = csv.field_size_limit()
    read_upload("a.csv", b"a\n1\n")
    assert csv.field_size_limit() == before


def test_find_column_ignores_case_spaces_underscores_and_width():
    columns = ["Customer ID", "金额", "ＡＭＯＵＮＴ", "date"]
    assert find_column(columns, ["customer_id", "客户ID"]) == "Customer ID"
    assert find_column(columns, ["amount", "金额"]) == "ＡＭＯＵＮＴ"
    assert find_column(columns, ["金额", "amount"]) == "金额"
    assert find_column(columns, ["revenue"]) is None


def _ui_keys(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        keys |= _ui_keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


ERROR_PARAMS = {"file": "a.csv", "row": 3, "column": "b", "value": "x", "limit": "1,000"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_error_and_reason_has_a_message_naming_file_row_and_column(lang):
    errors = content.load_toml("ui.toml")[lang]["labs"]["errors"]
    source = (content.ROOT / "book" / "labs" / "reading.py").read_text(encoding="utf-8")
    raised = set(re.findall(r'LabError\("(\w+)"', source)) | set(re.findall(r'"(\w+)" if "field', source)) \
        | set(re.findall(r'else "([a-z_]+)"', source))
    assert raised <= set(errors), raised - set(errors)
    for key, template in errors.items():
        message = error_text(LabError(key, **ERROR_PARAMS), lang).replace("\\", "")
        assert "a.csv" in message, key
        for name in ("row", "column"):
            if "{" + name + "}" in template:
                assert str(ERROR_PARAMS[name]) in message
    for reason in ("missing", "not_a_number", "not_finite", "not_integer", "out_of_range", "bad_answer"):
        assert reason_text(reason, lang)


def test_error_values_from_the_file_are_shown_literally():
    message = error_text(LabError("duplicate_column", file="**x**.csv", column="<b>", value="A, C"), "en")
    assert "\\*\\*x\\*\\*\\.csv" in message and "**x**" not in message and "\\<b\\>" in message


def test_shown_value_makes_control_characters_visible_and_shortens():
    assert shown_value("a\tb\x00") == "a\\tb\\x00"
    assert shown_value("x" * 100) == "x" * 40 + "…"


def test_to_numbers_hand_checked():
    frame = pd.DataFrame({"s": ["7", " 3.5", "", "abc", "nan", "inf", "８", "0", "2.5"]})
    values, excluded = to_numbers(frame, "s", low=1, high=7, integer=True)
    got = [(e.row, e.reason) for e in excluded]
    assert got == [(3, "not_integer"), (4, "missing"), (5, "not_a_number"), (6, "not_finite"), (7, "not_finite"),
                   (8, "out_of_range"), (9, "out_of_range"), (10, "not_integer")]
    assert values.iloc[0] == 7.0
    assert values.notna().sum() == 1
    assert excluded_rows(excluded) == 8
    optional, none_missing = to_numbers(pd.DataFrame({"w": ["", "10"]}), "w", required=False)
    assert none_missing == [] and optional.tolist()[1] == 10


def test_excluded_frame_has_a_row_per_entry_in_the_readers_language():
    table = excluded_frame([Excluded(4, "正向", "bad_answer", "很好")], "zh")
    assert table.values.tolist() == [[4, "正向", "不是可识别的答案", "很好"]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.csv", "a.txt", "a.tsv", "a.xlsx", "a.dat"]))
def test_any_bytes_give_a_table_of_text_or_a_lab_error(data, name):
    try:
        upload = read_upload(name, data)
    except LabError as error:
        assert error_text(error, "zh") and error_text(error, "en")
        return
    assert len(upload.frame) >= 1
    assert all(isinstance(v, str) for v in upload.frame.to_numpy().ravel())
    assert all(c and isinstance(c, str) for c in upload.frame.columns)


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffd"), max_size=12),
                              min_size=2, max_size=2), min_size=1, max_size=6),
       separator=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_written_by_the_csv_module_reads_back_cell_for_cell(rows, separator, encoding):
    out = io.StringIO()
    import csv
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(["名称", "值"])
    writer.writerows(rows)
    expected = [[cell.strip() for cell in row] for row in rows]
    while expected and not any(expected[-1]):
        expected.pop()
    if not expected:
        return
    upload = read_upload("a.csv", out.getvalue().encode(encoding))
    assert upload.frame.values.tolist() == expected


def _workbook(sheet_xml: str, shared: str = "") -> bytes:
    """A minimal .xlsx written by hand, as other tools than Excel write them."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                   f'2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Target="worksheets/data.xml"/></Relationships>')
        z.writestr("xl/worksheets/data.xml", f"<worksheet {ns}><sheetData>{sheet_xml}</sheetData></worksheet>")
        if shared:
            z.writestr("xl/sharedStrings.xml", f"<sst {ns}>{shared}</sst>")
    return out.getvalue()


def test_hand_written_xlsx_inline_and_rich_strings_and_rows_left_out():
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
             '<row r="3"><c r="B3"><v>2.5</v></c><c r="A3" t="s"><v>1</v></c></row>'
             '<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>')
    shared = "<si><t>值</t></si><si><r><t>甲</t></r><r><t>乙</t></r><rPh><t>こう</t></rPh></si>"
    frame = read_upload("hand.xlsx", _workbook(sheet, shared)).frame
    assert list(frame.columns) == ["名称", "值"]
    assert frame.values.tolist() == [["", ""], ["甲乙", "2.5"], ["TRUE", "#N/A"]]   # row 2 was left out: kept empty


def test_xlsx_dates_in_custom_formats_and_far_away_cells():
    book = openpyxl.Workbook()
    book.active.append(["日期", "金额"])
    book.active.append([__import__("datetime").date(2025, 1, 31), 10])
    book.active["A2"].number_format = "yyyy/m/d"
    out = io.BytesIO()
    book.save(out)
    assert read_upload("d.xlsx", out.getvalue()).frame.values.tolist() == [["2025-01-31", "10"]]
    far = _workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1"><v>1</v></c></row>')
    assert error_of("far.xlsx", far).key == "too_many_columns"
    deep = _workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="1048576"/>')
    assert error_of("deep.xlsx", deep).key == "too_many_rows"
