"""Values both stores can hold, checked once for every model before anything is written.

Neo4j and FalkorDB disagree at the edges: FalkorDB cuts a string at NUL and silently clamps an
integer beyond 64 bits to 2^63-1, Neo4j refuses the same integer with a server error, neither can
encode a lone surrogate, and GraphML (XML 1.0) cannot carry C0 control characters, U+FFFE or U+FFFF.
Refusing these values in the domain models makes the answer a 422, identical on both stores, for the
API and for imports alike. Other line and paragraph separators (U+0085, U+2028, U+2029) are ordinary
text and round-trip.

FalkorDB also answers floats with 15 significant digits (0.1 + 0.2 reads back as 0.3, the largest
double as inf), so float fields are rounded to 15 significant digits here, and refused when that
rounding leaves the double range: both stores then hold and return the same number.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
FLOAT_DIGITS = 15
LARGEST_FLOAT = 1.79769313486231e308
"""The largest double that survives rounding to ``FLOAT_DIGITS`` significant digits."""
UNSTORABLE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""C0 controls except tab, line feed and carriage return; surrogates; the two noncharacters XML forbids."""


def _character_problem(text: str) -> str | None:
    found = UNSTORABLE_CHARACTERS.search(text)
    if found is None:
        return None
    code, position = ord(found.group()), found.start()
    if code < 0x20:
        return f"control character U+{code:04X} at position {position} is not allowed"
    if code < 0xE000:
        return f"lone surrogate U+{code:04X} at position {position} is not valid Unicode text"
    return f"noncharacter U+{code:04X} at position {position} is not allowed"


def storable_problem(value: Any, path: str = "") -> str | None:
    """Why a store cannot hold ``value`` (nested lists, dicts and models included), or None.

    >>> storable_problem({"a": ["ok", 2**63]})
    'a[1]: integer 9223372036854775808 is outside the signed 64-bit range'
    >>> storable_problem("line\\u2028break") is None
    True
    """
    problem: str | None = None
    children: Any = ()
    if isinstance(value, str):
        problem = _character_problem(value)
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        problem = f"integer {value} is outside the signed 64-bit range"
    elif isinstance(value, float) and not math.isfinite(value):
        # Models refuse inf and nan already (allow_inf_nan=False); this catches them inside dicts.
        problem = f"{value} is not a finite number"
    elif isinstance(value, BaseModel):
        children = ((f"{path}.{name}", getattr(value, name)) for name in type(value).model_fields)
    elif isinstance(value, dict):
        for key in value:
            problem = storable_problem(key, f"{path} (a key)")
            if problem is not None:
                return problem
        children = ((f"{path}.{key}", item) for key, item in value.items())
    elif isinstance(value, list | tuple):
        children = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    if problem is not None:
        return f"{path.lstrip('.')}: {problem}" if path else problem
    for child_path, item in children:
        problem = storable_problem(item, child_path)
        if problem is not None:
            return problem
    return None


class StorableModel(BaseModel):
    """A model whose every field holds only values both stores keep exactly."""

    model_config = ConfigDict(allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        # The values nearly every field holds, settled without storable_problem's walk (an import
        # checks millions of them).
        kind = type(value)
        if kind is str:
            if UNSTORABLE_CHARACTERS.search(value) is None:
                return value
        elif value is None or kind is bool or (kind is int and INT64_MIN <= value <= INT64_MAX):
            return value
        problem = storable_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return round_float(value) if isinstance(value, float) else value


def round_float(value: float) -> float:
    """``value`` with the 15 significant digits both stores return; ValueError if that overflows.

    >>> round_float(0.1 + 0.2)
    0.3
    >>> round_float(1.7976931348623157e308)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: 1.7976931348623157e+308 is too large: stores keep 15 significant digits ...
    """
    rounded = float(f"{value:.{FLOAT_DIGITS}g}")
    if not math.isfinite(rounded):
        raise ValueError(
            f"{value!r} is too large: stores keep {FLOAT_DIGITS} significant digits "
            f"(at most {LARGEST_FLOAT!r})"
        )
    return rounded
