"""Opaque keyset cursors: the last row's sort value and id, bound to the sort they came from."""

from __future__ import annotations

import base64
import json
from typing import Any

from gxgraph.errors import InvalidInput


def encode_cursor(sort: str, order: str, value: Any, node_id: str) -> str:
    """An opaque cursor for the row after (``value``, ``node_id``) in this sort."""
    raw = json.dumps([sort, order, value, node_id], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, order: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor points after; it must come from the same sort and order."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        cursor_sort, cursor_order, value, node_id = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, TypeError) as exc:
        raise InvalidInput("cursor is not valid", [{"loc": ["query", "cursor"], "msg": str(exc)}]) from exc
    if (cursor_sort, cursor_order) != (sort, order) or not isinstance(node_id, str):
        raise InvalidInput(
            "cursor belongs to another sort order; start again without a cursor",
            [
                {
                    "loc": ["query", "cursor"],
                    "msg": f"cursor was made for sort={cursor_sort} order={cursor_order}",
                }
            ],
        )
    return value, node_id
