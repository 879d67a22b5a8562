"""The Markdown renderer: headings, paragraphs, lists and pipe tables (charts are left to PDF and HTML)."""

from __future__ import annotations

from gxgraph.reports.document import Cell, Document, Table

__all__ = ["render_markdown"]


def _cell(cell: Cell) -> str:
    # A pipe or a line break would end the cell early.
    return cell.text.replace("|", "\\|").replace("\n", "<br>")


def _table(table: Table) -> list[str]:
    lines = [f"### {table.title}", ""]
    if not table.rows:
        return [*lines, "–", ""]
    lines.append("| " + " | ".join(column.title for column in table.columns) + " |")
    lines.append("|" + "|".join("---:" if column.numeric else "---" for column in table.columns) + "|")
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
    return [*lines, ""]


def render_markdown(document: Document) -> bytes:
    """The document as UTF-8 Markdown."""
    lines = [f"# {document.title}", "", f"*{document.subtitle}*", ""]
    lines += [f"- **{label}**: {value}" for label, value in document.meta]
    lines += ["", f"> {document.legend}", ""]
    for section in document.sections:
        lines += [f"## {section.title}", ""]
        for block in section.blocks:
            if block.type == "paragraph":
                lines += [block.text, ""]
            elif block.type == "subheading":
                lines += [f"### {block.text}", ""]
            elif block.type == "bullets":
                lines += [*(f"- {item}" for item in block.items), ""]
            elif block.type == "table" and block.table is not None:
                lines += _table(block.table)
    return "\n".join(lines).encode("utf-8")
