r"""FalkorDB's parameter header (``CYPHER name=value ...``) written by orjson.

FalkorDB takes query parameters as Cypher literals in front of the query. Its client writes them value
by value in Python, which took 8 of the 22 seconds of a 120k-row import (every property of every row).
JSON is nearly those literals: the server reads JSON's string escapes (``\"``, ``\\``, ``\n``, ``\r``,
``\t``, ``\b``, ``\f``; not ``\uXXXX``), numbers, ``true``, ``false``, ``null`` and lists; only map
keys differ (bare or in backticks, not quoted). So each value is written by orjson with its identifier
keys unquoted, and by the client when anything else shows (another key, a ``\u`` escape, a value
orjson refuses).

For parameters gxgraph builds from validated data only: orjson writes NaN and the infinities, which
validation refuses, as ``null``.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from falkordb.helpers import stringify_param_value

# In JSON a quote after ``{`` or ``,`` can only open a key, and a quote before a colon only close one:
# a quote inside a string is escaped (``\"``) and a string value is followed by ``,``, ``]`` or ``}``.
# Every pattern starts with a literal and no replacement holds a group, so the scans stay in C (a
# leading lookbehind, or a template, cost seconds on the 100 MB of a large import).
_AFTER_BRACE = re.compile(r'\{"(?=[A-Za-z_][A-Za-z0-9_]*":)')
_AFTER_COMMA = re.compile(r',"(?=[A-Za-z_][A-Za-z0-9_]*":)')
_KEY_END = re.compile(r'":(?<!\\":)')


def literal(value: Any) -> str:
    r"""``value`` as the Cypher literal FalkorDB reads in a parameter header.

    >>> print(literal({"id": "a", "props": {"name": 'say "hi"', "json": '{"k": 1}', "n": [2.5, None]}}))
    {id:"a",props:{name:"say \"hi\"",json:"{\"k\": 1}",n:[2.5,null]}}
    >>> all(literal(v) == stringify_param_value(v) for v in ({"a-b": 1}, "\x01", 10**30))
    True
    """
    try:
        text = orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return str(stringify_param_value(value))
    # A \u escape (a control character), or a backslash ending a string before a colon (a key's end
    # after an escaped backslash, or an escaped quote after one): the client's way.
    if "\\u" in text or '\\\\":' in text:
        return str(stringify_param_value(value))
    keys = text.count('":') - text.count('\\":')
    text, after_brace = _AFTER_BRACE.subn("{", text)
    text, after_comma = _AFTER_COMMA.subn(",", text)
    if after_brace + after_comma != keys:  # a key that is not an identifier
        return str(stringify_param_value(value))
    text, closed = _KEY_END.subn(":", text)
    return text if closed == keys else str(stringify_param_value(value))


def params_header(params: dict[str, Any]) -> str:
    """The ``CYPHER name=value ...`` header of ``params`` (empty for none), ending in a space."""
    if not params:
        return ""
    return "CYPHER " + " ".join(f"{name}={literal(value)}" for name, value in params.items()) + " "
