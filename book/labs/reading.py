"""Reading a reader's upload into a table of text cells, or saying in their language what is wrong.

Files come from real tools: CSV in UTF-8 (with or without the BOM Excel writes), GBK/GB18030 (Chinese
Excel and survey platforms), or UTF-16 (Excel's "Unicode text"); comma, semicolon or tab separated;
and .xlsx workbooks. Every cell is kept as stripped text: the labs decide what a cell means and report
each cell they cannot use. No streamlit here, so the reading is tested directly.

A problem with the file raises `LabError(key, file=…, row=…, column=…, value=…, limit=…)`; the page
shows ui.toml [*.labs.errors.<key>] filled with these values. Rows are counted as a spreadsheet does:
the header is row 1, the first data row is row 2 (`FIRST_DATA_ROW`).
"""
from __future__ import annotations

import csv
import datetime
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

import pandas as pd

from models.labs import FIRST_DATA_ROW

__all__ = ["FIRST_DATA_ROW", "LabError", "Upload", "column_letter", "find_column", "read_upload"]

TEXT_TYPES = (".csv", ".txt", ".tsv")
TYPES = (*TEXT_TYPES, ".xlsx")
MAX_ROWS = 200_000
MAX_COLUMNS = 500
MAX_CELL = 1_000                    # characters; a survey answer or a name is far shorter
MAX_UNPACKED = 400 * 1024 * 1024    # bytes an .xlsx may unpack to (a zip bomb stops here)
SEPARATORS = (",", ";", "\t")
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # legacy .xls (and other old Office files)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


class LabError(Exception):
    """A problem with the reader's file, told in the reader's language by ui.toml [*.labs.errors.<key>]
    (a dotted key names any ui.toml string)."""

    def __init__(self, key: str, **params):
        super().__init__(key, params)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Upload:
    name: str                 # file name as uploaded
    frame: pd.DataFrame       # every cell a str (stripped; "" for empty); columns = stripped header strings
    encoding: str             # "utf-8", "utf-8-sig", "gb18030", "utf-16" or "xlsx"
    separator: str | None     # ",", ";", "\t" (None for xlsx)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKC", str(name)).lower()
    return re.sub(r"[\s_\-]+", "", folded)


def find_column(frame_columns: Iterable[str], aliases: Iterable[str]) -> str | None:
    """The first column whose name matches one of `aliases` (tried in order), ignoring case, spaces,
    underscores, hyphens and full-width forms; None if none matches."""
    columns = list(frame_columns)
    keys = [_key(c) for c in columns]
    for alias in aliases:
        wanted = _key(alias)
        if wanted in keys:
            return columns[keys.index(wanted)]
    return None


def read_upload(name: str, data: bytes) -> Upload:
    """The file `name` with contents `data` as a table of text cells; raises LabError if it is not one."""
    suffix = PurePath(name).suffix.lower()
    if not data.strip():
        raise LabError("empty", file=name)
    if data.startswith(_OLE2):
        raise LabError("old_excel", file=name)
    is_zip = data.startswith(_ZIP)
    if suffix == ".xlsx":
        if not is_zip:
            raise LabError("not_xlsx", file=name)
        rows, encoding, separator = _xlsx_rows(name, data), "xlsx", None
    elif suffix in TEXT_TYPES:
        if is_zip:
            raise LabError("xlsx_named_text", file=name, value=suffix)
        text, encoding = _decode(name, data)
        separator = _separator(text)
        rows = _text_rows(name, text, separator)
    else:
        raise LabError("unsupported_type", file=name, value=suffix or name)
    return Upload(name, _frame(name, rows), encoding, separator)


def _decode(name: str, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "gb18030")
    if b"\x00" in data[:4096] and candidates != ("utf-16",):
        raise LabError("binary", file=name)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20_000]
        if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
            raise LabError("binary", file=name)
        return text, encoding
    raise LabError("undecodable", file=name)


def _separator(text: str) -> str:
    """The separator the header line uses most, outside quotes; a comma when it uses none."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _text_rows(name: str, text: str, separator: str) -> list[list[str]]:
    # csv's field-size limit (131,072 characters) is process-wide, so it stays as it is: a longer cell
    # is reported with its row here; shorter cells over MAX_CELL are reported with row and column later.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise LabError("too_many_rows", file=name, limit=f"{MAX_ROWS:,}")
    except csv.Error as error:
        key = "row_too_long" if "field larger" in str(error) else "unreadable_row"
        raise LabError(key, file=name, row=len(rows) + 1, limit=f"{MAX_CELL:,}") from None
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.time() else value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]   # transitional and strict OOXML use different namespaces


def _column_index(reference: str) -> int:
    index = 0
    for ch in reference:
        if not ch.isalpha():
            break
        index = index * 26 + (ord(ch.upper()) - 64)
    return index - 1


# Built-in number formats that show dates or times (ECMA-376 §18.8.30).
_DATE_FORMATS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}
_DATE_CODE = re.compile(r"[dmyhs]")


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of cell styles whose number format shows a date or time."""
    try:
        root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return set()
    custom = {}
    for element in root.iter():
        if _local(element.tag) == "numFmt":
            code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", element.get("formatCode", "")).lower()
            custom[int(element.get("numFmtId", "0"))] = bool(_DATE_CODE.search(code))
    dates = set()
    for element in root.iter():
        if _local(element.tag) == "cellXfs":
            for index, xf in enumerate(x for x in element if _local(x.tag) == "xf"):
                number_format = int(xf.get("numFmtId", "0"))
                if number_format in _DATE_FORMATS or custom.get(number_format, False):
                    dates.add(index)
    return dates


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    try:
        source = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings = []
    with source:
        for _, element in ElementTree.iterparse(source):
            if _local(element.tag) == "si":
                # Rich text keeps its runs' text in r/t; phonetic guides (rPh) are not part of the value.
                strings.append("".join(t.text or "" for t in element.iter() if _local(t.tag) == "t"
                                       and t not in {x for r in element if _local(r.tag) == "rPh" for x in r.iter()}))
                element.clear()
    return strings


def _first_sheet(archive: zipfile.ZipFile) -> str:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = next(e for e in workbook.iter() if _local(e.tag) == "sheet")
    relation = next(v for k, v in sheet.attrib.items() if _local(k) == "id")
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(e.get("Target") for e in relations if e.get("Id") == relation)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _excel_date(serial: float, base_1904: bool) -> str:
    base = datetime.datetime(1904, 1, 1) if base_1904 else datetime.datetime(1899, 12, 30)
    return _cell_text(base + datetime.timedelta(seconds=round(serial * 86400)))   # Excel keeps whole seconds


def _xlsx_rows(name: str, data: bytes) -> list[list[str]]:
    """The first sheet's cells as text, read straight from the workbook's XML: several times faster than
    a general spreadsheet library, which matters for tens of thousands of rows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise LabError("too_large_unpacked", file=name)
            workbook = archive.read("xl/workbook.xml")
            base_1904 = b'date1904="1"' in workbook or b'date1904="true"' in workbook
            strings, dates = _shared_strings(archive), _date_styles(archive)
            with archive.open(_first_sheet(archive)) as sheet:
                return _sheet_rows(name, sheet, strings, dates, base_1904)
    except LabError:
        raise
    except Exception:   # a damaged or foreign zip, or XML that is not a worksheet
        raise LabError("bad_xlsx", file=name) from None


def _sheet_rows(name: str, sheet, strings: list[str], dates: set[int], base_1904: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    row: dict[int, str] = {}
    local: dict[str, str] = {}   # tag → name without namespace, worked out once per tag
    for _, element in ElementTree.iterparse(sheet):
        tag = local.get(element.tag) or local.setdefault(element.tag, _local(element.tag))
        if tag == "c":
            reference = element.get("r")
            column = _column_index(reference) if reference else (max(row) + 1 if row else 0)
            if column >= MAX_COLUMNS:
                raise LabError("too_many_columns", file=name, value=f"{column + 1:,}", limit=MAX_COLUMNS)
            row[column] = _xlsx_cell(element, local, strings, dates, base_1904)
        elif tag == "row":
            number = element.get("r")
            if number is not None:
                if int(number) > MAX_ROWS + 1:
                    raise LabError("too_many_rows", file=name, limit=f"{MAX_ROWS:,}")
                rows.extend([] for _ in range(int(number) - 1 - len(rows)))   # rows Excel left out are empty
            rows.append([row.get(i, "") for i in range(max(row) + 1)] if row else [])
            if len(rows) > MAX_ROWS + 1:
                raise LabError("too_many_rows", file=name, limit=f"{MAX_ROWS:,}")
            row = {}
            element.clear()
    return rows


def _xlsx_cell(element, local: dict[str, str], strings: list[str], dates: set[int], base_1904: bool) -> str:
    kind, value, inline = element.get("t"), None, []
    for child in element:
        tag = local.get(child.tag) or local.setdefault(child.tag, _local(child.tag))
        if tag == "v":
            value = child.text or ""
        elif tag == "is":
            inline = [t.text or "" for t in child.iter() if _local(t.tag) == "t"]
    if kind == "s" and value is not None:
        return strings[int(value)]
    if kind == "inlineStr":
        return "".join(inline)
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    if kind in ("str", "e") or value is None:
        return value or ""
    number = float(value)
    style = element.get("s")
    if style is not None and int(style) in dates and math.isfinite(number):
        return _excel_date(number, base_1904)
    return _cell_text(number)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _frame(name: str, rows: list[list[str]]) -> pd.DataFrame:
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()   # blank lines and empty rows at the end, as spreadsheets write them
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise LabError("no_header", file=name)
    header = [cell.strip().lstrip("\ufeff").strip() for cell in rows[0]]
    body = rows[1:]
    if not body:
        raise LabError("no_rows", file=name)
    if len(header) > MAX_COLUMNS:
        raise LabError("too_many_columns", file=name, value=len(header), limit=MAX_COLUMNS)
    for index, cell in enumerate(header):
        if len(cell) > MAX_CELL:
            raise LabError("cell_too_long", file=name, row=1, column=column_letter(index),
                           value=f"{len(cell):,}", limit=f"{MAX_CELL:,}")
    filled = [cell for cell in header if cell]
    if filled and all(_is_number(cell) for cell in filled):
        raise LabError("numeric_header", file=name, value=", ".join(filled[:5]))
    width = len(header)
    for number, row in enumerate(body, start=FIRST_DATA_ROW):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise LabError("ragged_row", file=name, row=number, value=len(row), limit=width)
    grid = [row[:width] + [""] * (width - len(row)) if len(row) != width else row for row in body]
    columns = [pd.Series(cells, dtype="str").str.strip() for cells in zip(*grid)]
    keep = []
    for index, title in enumerate(header):
        column = columns[index]
        longest = column.str.len()
        if longest.max() > MAX_CELL:
            row = int(longest.to_numpy().argmax()) + FIRST_DATA_ROW
            raise LabError("cell_too_long", file=name, row=row, column=title or column_letter(index),
                           value=f"{int(longest.max()):,}", limit=f"{MAX_CELL:,}")
        if not title:
            if (column != "").any():
                raise LabError("blank_column", file=name, column=column_letter(index))
            continue   # an empty column without a name: Excel leaves these after the data
        keep.append(index)
    titles = [header[i] for i in keep]
    seen: dict[str, int] = {}
    for index, title in zip(keep, titles):
        if title in seen:
            raise LabError("duplicate_column", file=name, column=title,
                           value=f"{column_letter(seen[title])}, {column_letter(index)}")
        seen[title] = index
    return pd.DataFrame(dict(zip(titles, (columns[i] for i in keep))))
