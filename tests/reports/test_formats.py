"""Every report format in both languages, from the sample: the content, not just that a file exists."""

from __future__ import annotations

import csv
import doctest
import io
import re
import types
import zipfile
from xml.etree import ElementTree as ET

import pypdfium2
import pytest

from gxgraph.reports import changes, charts, messages
from gxgraph.reports.changes import DATA_MEMBER, load_baseline
from gxgraph.reports.data import ReportFormat
from gxgraph.reports.messages import MESSAGES, Lang, text
from tests.reports.conftest import Written
from tests.reports.pages import render_pages

LANGS = list(Lang)
XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MARK = "†"


def _name(row: object, lang: Lang) -> str:
    name_ja, name_en = getattr(row, "name_ja", None), getattr(row, "name_en", None)
    return (name_ja if lang is Lang.JA and name_ja else name_en) or ""


def _expected_rows(written: Written) -> dict[str, int]:
    """Rows each table must have: the lengths of the analyses' own answers."""
    return {
        "commercialisation": len(written.analysis("commercialisation-gaps")),
        "partnership": len(written.analysis("partnership-gaps")),
        "techmap": len(written.analysis("technology-map").cells),
        "profile": len(written.analysis("countries")),
        "brokers": len(written.analysis("brokers", limit=10)),
        "communities": len(written.analysis("communities", limit=10)),
        "partners": len(written.analysis("partner-matrix").points),
    }


def _top(written: Written, lang: Lang) -> tuple[str, str, str, str]:
    """The top partnership gap's institution and score, the top commercialisation gap's name and score."""
    gap = written.analysis("partnership-gaps")[0]
    institution = _name(gap.institution, lang)
    technology = written.analysis("commercialisation-gaps")[0]
    return institution, f"{gap.score:.3f}", _name(technology, lang), f"{technology.score:.3f}"


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _flat(value: str) -> str:
    """Text with line breaks and hyphenation of a typeset page removed, for substring checks."""
    return re.sub(r"[\s\u00ad\ufffe]+", "", value)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf(written: Written, lang: Lang) -> None:
    content = written.files[ReportFormat.PDF, lang].content
    assert content.startswith(b"%PDF-")
    layer = _flat(pdf_text(content))
    institution, score, technology, tech_score = _top(written, lang)
    assert _flat(text(lang, "title")) in layer  # the title, Japanese in the ja report, in the text layer
    assert _flat(institution) in layer
    assert f"{score}{MARK}" in layer  # the top gap's score, marked illustrative
    assert _flat(technology) in layer
    assert tech_score in layer
    assert _flat(text(lang, "illustrative_legend")) in layer
    for key in (
        "s_summary",
        "s_profile",
        "s_techmap",
        "s_commercialisation",
        "s_partnership",
        "s_provenance",
    ):
        assert _flat(text(lang, key)) in layer


def test_pdf_embeds_a_japanese_font(written: Written) -> None:
    content = written.files[ReportFormat.PDF, Lang.JA].content
    descriptors = [
        obj for obj in content.split(b"endobj") if b"/Type/FontDescriptor" in obj.replace(b" ", b"")
    ]
    embedded = [
        re.search(rb"/FontName\s*/([A-Z]{6}\+[^\s/>]+)", obj).group(1).decode()  # type: ignore[union-attr]
        for obj in descriptors
        if re.search(rb"/FontFile[23]?\s+\d+\s+0\s+R", obj)
    ]
    assert any(name.endswith("NotoSansCJKjp-Regular") for name in embedded), embedded
    assert all("+" in name for name in embedded)  # subsets, embedded: no font left to the reader's machine


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_pages_render_and_none_is_blank(written: Written, lang: Lang) -> None:
    pages = render_pages(written.files[ReportFormat.PDF, lang].content, scale=0.5)
    assert len(pages) >= 10  # title, contents and eight sections, the tables running over pages
    inks = [page.ink() for page in pages]
    assert min(inks) > 0.002, inks
    assert all(page.width < page.height for page in pages)  # portrait A4


def _html_rows(page: str) -> dict[str, int]:
    return {
        key: int(count) for key, count in re.findall(r'<table id="table-([a-z]+)" data-rows="(\d+)"', page)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_html(written: Written, lang: Lang) -> None:
    page = written.files[ReportFormat.HTML, lang].content.decode("utf-8")
    assert f'<html lang="{lang.value}">' in page
    institution, score, technology, tech_score = _top(written, lang)
    assert institution in page
    assert f"{score}{MARK}" in page
    assert technology in page
    assert tech_score in page
    rows = _html_rows(page)
    for table, expected in _expected_rows(written).items():
        assert rows[table] == expected, table
        body = page.split(f'<table id="table-{table}"')[1].split("</table>")[0]
        assert body.count("<tr>") == expected + 1
    assert page.count("<svg") >= 4  # profile, creative destruction, technology map, partner matrix, inline
    # The report's own criteria: the Middle-East authority is the one to approach (partner now, actionable).
    partners = page.split('<table id="table-partners"')[1].split("</table>")[0]
    authority = "Middle-East Innovation Authority" if lang is Lang.EN else "中東のイノベーション機関"
    row = next(row for row in partners.split("<tr>") if authority in row)
    assert text(lang, "quadrant_partner_now") in row
    assert 'class="num illustrative"' in row  # its commercialisation record is illustrative sample data
    assert 'id="chart-partners"' in page
    # Self-contained: no stylesheet, script or image is fetched from anywhere.
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "@media print" in page
    assert 'class="num illustrative"' in page
    assert '<script type="application/json" id="gxgraph-report-data">' in page


@pytest.mark.parametrize("lang", LANGS)
def test_markdown(written: Written, lang: Lang) -> None:
    page = written.files[ReportFormat.MD, lang].content.decode("utf-8")
    assert page.startswith(f"# {text(lang, 'title')}")
    institution, score, technology, _ = _top(written, lang)
    assert institution in page
    assert f"{score}{MARK}" in page
    assert technology in page
    sections = page.split("\n### ")
    titles = {
        "commercialisation": "t_commercialisation",
        "partnership": "t_partnership",
        "techmap": "t_techmap",
    }
    for table, key in titles.items():
        section = next(part for part in sections if part.startswith(text(lang, key) + "\n"))
        rows = [line for line in section.splitlines() if line.startswith("| ")]
        assert len(rows) - 1 == _expected_rows(written)[table], table


def _sheets(content: bytes) -> dict[str, list[list[tuple[str | None, str]]]]:
    """Sheet name -> rows of (cell type, raw value), read from the XLSX's XML."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        strings = [
            "".join(node.itertext())
            for node in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(f"{XLSX}si")
        ]
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        names = [sheet.get("name") or "" for sheet in workbook.iter(f"{XLSX}sheet")]
        sheets = {}
        for number, name in enumerate(names, 1):
            root = ET.fromstring(book.read(f"xl/worksheets/sheet{number}.xml"))
            rows = []
            for row in root.iter(f"{XLSX}row"):
                cells = []
                for cell in row.iter(f"{XLSX}c"):
                    value = cell.findtext(f"{XLSX}v") or ""
                    kind = cell.get("t")
                    cells.append((kind, strings[int(value)] if kind == "s" else value))
                rows.append(cells)
            sheets[name] = rows
            if name != "report":
                assert root.find(f".//{XLSX}pane[@state='frozen']") is not None, name
    return sheets


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx(written: Written, lang: Lang) -> None:
    sheets = _sheets(written.files[ReportFormat.XLSX, lang].content)
    for table, expected in _expected_rows(written).items():
        assert len(sheets[table]) - 1 == expected, table
    gaps = written.analysis("commercialisation-gaps")
    header, first = sheets["commercialisation"][0], sheets["commercialisation"][1]
    titles = [value for _, value in header]
    kind, score = first[titles.index(text(lang, "c_score"))]
    assert kind is None
    assert float(score) == pytest.approx(gaps[0].score)  # a number, not text
    assert first[titles.index(text(lang, "c_name"))][1] == _name(gaps[0], lang)
    assert first[titles.index(text(lang, "c_illustrative"))][1] == text(lang, "illustrative_mark")
    institution, *_ = _top(written, lang)
    assert any(institution == value for row in sheets["partnership"] for _, value in row)


@pytest.mark.parametrize("lang", LANGS)
def test_csv_zip(written: Written, lang: Lang) -> None:
    content = written.files[ReportFormat.CSV, lang].content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        tables = {
            re.sub(r"^\d+-|\.csv$", "", name): list(
                csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")))
            )
            for name in archive.namelist()
            if name.endswith(".csv")
        }
        assert DATA_MEMBER in archive.namelist()
    for table, expected in _expected_rows(written).items():
        assert len(tables[table]) - 1 == expected, table
    header, first = tables["commercialisation"][0], tables["commercialisation"][1]
    gap = written.analysis("commercialisation-gaps")[0]
    assert float(first[header.index(text(lang, "c_score"))]) == pytest.approx(gap.score)
    assert first[header.index(text(lang, "c_illustrative"))] == text(lang, "illustrative_mark")


def test_csv_and_html_reports_carry_their_snapshot(written: Written, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for fmt, name in ((ReportFormat.CSV, "r.zip"), (ReportFormat.HTML, "r.html")):
        path = folder / name
        path.write_bytes(written.files[fmt, Lang.EN].content)
        snapshot = load_baseline(path)
        assert snapshot.graph_version == written.files[fmt, Lang.EN].graph_version
        assert len([gap for gap in snapshot.gaps if gap.kind == "commercialisation"]) == len(
            written.analysis("commercialisation-gaps")
        )


def test_japanese_reports_use_japanese_names(written: Written) -> None:
    page = written.files[ReportFormat.HTML, Lang.JA].content.decode("utf-8")
    gap = written.analysis("commercialisation-gaps")[0]
    assert gap.name_ja
    assert gap.name_ja in page
    shown = page.split("<main>")[1].split("</main>")[0]  # the pages, not the embedded snapshot
    assert gap.name_en not in shown  # the English name is not used where a Japanese one exists


def test_every_message_exists_in_both_languages() -> None:
    for key, (english, japanese) in MESSAGES.items():
        assert english.strip(), key
        assert japanese.strip(), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", japanese)), key


@pytest.mark.parametrize("module", [messages, changes, charts])
def test_doctests(module: types.ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
