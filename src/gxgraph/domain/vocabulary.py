"""Words every layer shares: which way to follow relationships, sort order, roles, and the clock."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class Direction(StrEnum):
    """Which way relationships are followed from a node."""

    OUT = "out"
    IN = "in"
    BOTH = "both"


class SortOrder(StrEnum):
    """Ascending or descending order of a listing."""

    ASC = "asc"
    DESC = "desc"


class Role(StrEnum):
    """What an API key may do; each role includes the ones before it (see :func:`allows`)."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    SECRETARIAT = "secretariat"
    ADMIN = "admin"


_RANK = {role: rank for rank, role in enumerate(Role)}


def allows(held: Role, needed: Role) -> bool:
    """Roles are ordered: viewer < analyst < secretariat < admin.

    >>> allows(Role.SECRETARIAT, Role.ANALYST), allows(Role.VIEWER, Role.ANALYST)
    (True, False)
    """
    return _RANK[held] >= _RANK[needed]


def utc_now() -> str:
    """The current UTC time as an ISO 8601 string ending in ``Z`` (how timestamps are stored)."""
    return dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")
