"""Request and response models the routers derive from the domain schema (per kind, generated once)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.schema import NODE_MODELS, field_filters
from gxgraph.domain.storable import INT64_MAX, INT64_MIN
from gxgraph.domain.vocabulary import SortOrder
from gxgraph.services.nodes import ListRequest

T = TypeVar("T")

MAX_PAGE = 500


class Page(BaseModel, Generic[T]):
    """One page of a listing."""

    items: list[T]
    total: int = Field(description="How many items match the filters, over all pages.")
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class FilterBase(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    q: str | None = Field(
        default=None, max_length=200, description="Text contained in the id, English or Japanese name."
    )
    order: SortOrder = SortOrder.ASC
    cursor: str | None = Field(default=None, max_length=2000)
    limit: int = Field(default=50, ge=1, le=MAX_PAGE)

    def to_request(self, kind: NodeKind) -> ListRequest:
        filters = field_filters(kind)
        data = self.model_dump(exclude_none=True, mode="json")
        return ListRequest(
            equals={name: data[name] for name in filters.equality if name in data},
            minimum={name: data[f"{name}_min"] for name in filters.ranges if f"{name}_min" in data},
            maximum={name: data[f"{name}_max"] for name in filters.ranges if f"{name}_max" in data},
            text=self.q,
            sort=str(data.get("sort", "name_en")),
            order=self.order,
            cursor=self.cursor,
            limit=self.limit,
        )


@cache
def filter_model(kind: NodeKind) -> type[FilterBase]:
    """Query parameters for listing ``kind``: equality and range filters and the sort allow-list."""
    filters = field_filters(kind)
    sort_enum = StrEnum(f"{kind.label}Sort", {name: name for name in filters.sortable})  # type: ignore[misc]
    fields: dict[str, Any] = {
        "sort": (sort_enum, Field(default=sort_enum("name_en"), description="Sort key."))
    }
    model_fields = NODE_MODELS[kind].model_fields
    for name in filters.equality:
        # The model's own annotation keeps its constraints (a country code is upper-cased, an enum checked).
        annotation: Any = model_fields[name].annotation
        fields[name] = (annotation | None, Field(default=None, description=f"Only {name} equal to this."))
    for name, value_type in filters.ranges.items():
        # A bound the stores cannot hold (beyond 64 bits) is refused here, as in the domain models.
        bound: Any = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)] if value_type is int else value_type
        fields[f"{name}_min"] = (bound | None, Field(default=None, description=f"Only {name} >= this."))
        fields[f"{name}_max"] = (bound | None, Field(default=None, description=f"Only {name} <= this."))
    return create_model(f"{kind.label}Filters", __base__=FilterBase, **fields)


@cache
def update_model(kind: NodeKind) -> type[BaseModel]:
    """PATCH body for ``kind``: every field optional; only the fields sent are applied."""
    model = NODE_MODELS[kind]
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in ("id", "kind"):
            annotation: Any = info.annotation
            fields[name] = (annotation | None, Field(default=None, description=info.description))
    return create_model(f"{model.__name__}Update", __config__=ConfigDict(extra="forbid"), **fields)
