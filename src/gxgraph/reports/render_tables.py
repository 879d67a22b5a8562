"""The table renderers: XLSX (one sheet per table, typed numeric cells, frozen header rows) and CSV
(one UTF-8 file per table, zipped with the report's snapshot as ``report-data.json``)."""

from __future__ import annotations

import csv
import io
import zipfile

import xlsxwriter

from gxgraph.reports.changes import DATA_MEMBER
from gxgraph.reports.document import Document

__all__ = ["render_csv_zip", "render_xlsx"]

MAX_SHEET_NAME = 31  # Excel's limit
COLUMN_WIDTH = (8, 60)


def render_xlsx(document: Document) -> bytes:
    """The document's tables as an XLSX workbook, a sheet each, with a first sheet naming the report."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#E0E0E0", "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    marked = {"font_color": "#9C2A00", "italic": True, "valign": "top"}
    about = book.add_worksheet("report")
    about.write(0, 0, document.title, book.add_format({"bold": True, "font_size": 14}))
    about.write(1, 0, document.subtitle)
    for line, (label, value) in enumerate(document.meta, 3):
        about.write(line, 0, label, bold)
        about.write(line, 1, value)
    about.write(len(document.meta) + 4, 0, document.legend)
    about.set_column(0, 0, 28)
    about.set_column(1, 1, 60)
    formats: dict[tuple[str | None, bool], xlsxwriter.format.Format] = {}

    def number_format(pattern: str | None, illustrative: bool) -> xlsxwriter.format.Format:
        key = (pattern, illustrative)
        if key not in formats:
            props: dict[str, object] = dict(marked) if illustrative else {"valign": "top"}
            if pattern:
                props["num_format"] = pattern
            formats[key] = book.add_format(props)
        return formats[key]

    for table in document.tables():
        sheet = book.add_worksheet(table.key[:MAX_SHEET_NAME])
        for col, column in enumerate(table.columns):
            sheet.write_string(0, col, column.title, bold)
            longest = max([len(column.title)] + [len(row[col].text) for row in table.rows[:200]])
            sheet.set_column(col, col, min(max(longest + 2, COLUMN_WIDTH[0]), COLUMN_WIDTH[1]))
        for row_number, row in enumerate(table.rows, 1):
            for col, (column, cell) in enumerate(zip(table.columns, row, strict=True)):
                if cell.value is None:
                    sheet.write_blank(row_number, col, None)
                elif column.numeric and isinstance(cell.value, int | float):
                    sheet.write_number(
                        row_number, col, cell.value, number_format(column.number_format, cell.illustrative)
                    )
                else:
                    sheet.write_string(row_number, col, str(cell.value), wrap)
        sheet.freeze_panes(1, 0)
        if table.rows:
            sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    book.close()
    return buffer.getvalue()


def render_csv_zip(document: Document) -> bytes:
    """The document's tables as CSV files (UTF-8 with a BOM, so spreadsheet programs read Japanese),
    zipped with the report's snapshot."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, table in enumerate(document.tables(), 1):
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(column.title for column in table.columns)
            for row in table.rows:
                writer.writerow("" if cell.value is None else cell.value for cell in row)
            archive.writestr(f"{number:02d}-{table.key}.csv", "\ufeff" + text.getvalue())
        archive.writestr(DATA_MEMBER, document.snapshot.model_dump_json())
    return buffer.getvalue()
