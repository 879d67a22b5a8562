"""The parameter header written by orjson means to the embedded server what the client's means."""

from __future__ import annotations

from typing import Any

import pytest
from falkordb.helpers import stringify_param_value

from gxgraph.domain.kinds import NodeKind
from gxgraph.store.base import WriteBatch
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.falkordb_params import literal

TEXTS = [
    'say "hi"',
    "back \\ slash and trailing \\",
    '\\"',
    "new\nline\ttab\rreturn",
    "bell \b form \f",
    "unit \x1f separator",
    "literal \\u0041 escape",
    '{"json": ["text", 1]}',
    "日本語 and 🎉",
    "",
]
NUMBERS = [1e-07, 1.5e300, -0.0, 2**62, -(2**63), 0.123456789012345]  # floats as validation rounds them


@pytest.mark.parametrize("value", [*TEXTS, *NUMBERS, True, None, ["a", 1, 2.5, None], {"k": "v", "a-b": 1}])
def test_a_parameter_reads_back_as_it_was_sent(falkordb_session_store: FalkorDBStore, value: Any) -> None:
    store = falkordb_session_store
    store.clear()
    store.write(WriteBatch(nodes={NodeKind.FIELD: [{"id": "f", "props": {"id": "f", "kind": "field"}}]}))
    assert store._read("RETURN $value AS value", {"value": value}) == [{"value": value}]


def test_written_properties_read_back_as_they_were_written(falkordb_session_store: FalkorDBStore) -> None:
    store = falkordb_session_store
    store.clear()
    props = {f"text_{n}": text for n, text in enumerate(TEXTS)} | {
        f"number_{n}": x for n, x in enumerate(NUMBERS)
    }
    store.write(
        WriteBatch(nodes={NodeKind.FIELD: [{"id": "f", "props": {"id": "f", "kind": "field", **props}}]})
    )
    stored = store.fetch_nodes(["f"])["f"]
    assert {key: stored[key] for key in props} == props


def test_orjson_writes_what_it_can_and_the_client_the_rest() -> None:
    assert (
        literal({"id": "a", "props": {"trl": 7, "json": '{"k": 1}'}})
        == '{id:"a",props:{trl:7,json:"{\\"k\\": 1}"}}'
    )
    for left in ({"a-b": 1}, "\x01", 10**30):
        assert literal(left) == stringify_param_value(left)
