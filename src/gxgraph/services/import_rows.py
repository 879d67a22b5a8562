"""Rows of an import: where each came from, its validation, and the problems found in a file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.relationships import Relationship, RelationshipBase
from gxgraph.errors import InvalidInput, PayloadTooLarge

Row = dict[str, Any]
MAX_REPORTED_ERRORS = 1000

NODE_ADAPTER: TypeAdapter[NodeBase] = TypeAdapter(Node)
REL_ADAPTER: TypeAdapter[RelationshipBase] = TypeAdapter(Relationship)


class RowError(BaseModel):
    """One problem in an import file."""

    file: str | None = None
    line: int
    message: str


class ParsedRow(NamedTuple):
    """A row of an import file with where it came from; ``value`` is the row or why it is unreadable."""

    file: str | None
    line: int
    value: Row | str


class ImportReport(BaseModel):
    """What an import did (or, for a dry run, would do)."""

    rows: int
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    dry_run: bool = False
    graph_version: int | None = None


def pydantic_message(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False):
        location = ".".join(str(part) for part in error["loc"])
        parts.append(f"{location}: {error['msg']}" if location else error["msg"])
    return "; ".join(parts)


Where = tuple[str | None, int]


def row_error(where: Where, message: str) -> RowError:
    return RowError(file=where[0], line=where[1], message=message)


class RowCount:
    """How many rows an iteration has read so far, refused past ``most`` (``None``: no limit)."""

    def __init__(self, most: int | None = None) -> None:
        self.most, self.count = most, 0

    def counted(self, rows: Iterable[ParsedRow]) -> Iterator[ParsedRow]:
        for row in rows:
            self.count += 1
            if self.most is not None and self.count > self.most:
                raise PayloadTooLarge(
                    f"an import takes at most {self.most:,} rows (GXGRAPH_MAX_IMPORT_ROWS): one import "
                    "holds all its rows in memory; import this one in parts (gxgraph import "
                    "--part-rows N, or POST /v1/import?part_rows=N) or raise the limit; nothing was "
                    "written"
                )
            yield row


def validate_row(where: Where, row: Row, errors: list[RowError]) -> NodeBase | RelationshipBase | None:
    """The row as a node or relationship model, or ``None`` with its problem added to ``errors``."""
    try:
        if "kind" in row:
            return NODE_ADAPTER.validate_python(row)
        if "type" in row:
            return REL_ADAPTER.validate_python(row)
    except ValidationError as exc:
        errors.append(row_error(where, pydantic_message(exc)))
        return None
    errors.append(row_error(where, "a row needs 'kind' (a node) or 'type' (a relationship)"))
    return None


def repeated(where: Where, what: str, first: Where) -> RowError:
    """The problem of a node or relationship given twice in one import."""
    return row_error(where, f"{what} repeats line {first[1]}")


def refuse(errors: list[RowError]) -> None:
    errors.sort(key=lambda error: (error.file or "", error.line))
    raise InvalidInput(
        f"{len(errors)} problem(s) in the file; nothing was written",
        [error.model_dump() for error in errors[:MAX_REPORTED_ERRORS]],
    )
