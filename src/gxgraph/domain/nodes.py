"""Pydantic models of every node kind; each carries its provenance."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator, model_validator

from gxgraph.domain.kinds import (
    CompanySize,
    Contributor,
    Indicator,
    InstitutionType,
    InvestorType,
    PartnershipContent,
    PartnershipStatus,
    Region,
    TechDomain,
)
from gxgraph.domain.storable import StorableModel

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,127}$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(
        description="Stable identifier: lowercase letters, digits, '.', '_' or '-', at most 128 characters."
    ),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(max_length=10_000)]
CountryCode = Annotated[
    str,
    StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 code, e.g. JP."),
]
AxisValue = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
EXTERNAL_ID_PATTERN = r"^[a-z][a-z0-9-]{0,39}:[^\s]{1,300}$"
ExternalId = Annotated[
    str,
    StringConstraints(pattern=EXTERNAL_ID_PATTERN),
    Field(description="An identifier in another register, as 'scheme:value' (e.g. 'ror:03vek6s52')."),
]


class Provenance(StorableModel):
    """Where a fact comes from and how far to trust it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Annotated[str, StringConstraints(min_length=1, max_length=1000)] = Field(
        description="Citation: the report page, a dataset, or 'synthetic:...'."
    )
    contributed_by: Contributor = Contributor.SECRETARIAT
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    illustrative: bool = Field(
        default=False, description="True when a figure is invented for illustration, not a sourced fact."
    )
    updated_at: dt.datetime | None = None


class NodeBase(Provenance):
    """Fields every node kind shares."""

    id: Slug
    name_en: Name
    name_ja: Name | None = None
    description: Text | None = None
    external_ids: list[ExternalId] | None = Field(
        default=None,
        max_length=200,
        description="Every identifier the node is known by elsewhere, as 'scheme:value' strings (sorted, "
        "no repeats): openalex:I136199984, ror:03vek6s52, orcid:..., patentsview:..., "
        "jp-corporate-number:...; entity resolution (gxgraph.sources.resolution) matches on them first.",
    )

    @field_validator("external_ids")
    @classmethod
    def _external_ids_as_set(cls, value: list[str] | None) -> list[str] | None:
        # One order and no repeats, so re-importing the same ids is a no-op and exports round-trip.
        return sorted(set(value)) if value else None


class Institution(NodeBase):
    """A university, research institute, innovation agency, network, organisation or secretariat."""

    kind: Literal["institution"] = "institution"
    institution_type: InstitutionType
    country: CountryCode | None = None
    region: Region | None = None


class FieldNode(NodeBase):
    """A research field; sub-fields point at their parent with SUBFIELD_OF."""

    kind: Literal["field"] = "field"


class Technology(NodeBase):
    """A technology on the GX x DX map, with its research and patent strength."""

    kind: Literal["technology"] = "technology"
    domain: TechDomain
    trl: int | None = Field(default=None, ge=1, le=9, description="Technology readiness level 1-9.")
    patent_families: int | None = Field(default=None, ge=0)
    patent_citations: int | None = Field(default=None, ge=0)
    publications: int | None = Field(default=None, ge=0)
    industry: AxisValue | None = Field(default=None, description="Industry axis of the technology map.")
    digital_technology: AxisValue | None = Field(
        default=None, description="Digital-technology axis of the technology map."
    )


class BusinessModel(NodeBase):
    """A way of making money from one or more technologies."""

    kind: Literal["business_model"] = "business_model"
    revenue_model: AxisValue | None = None


class CaseStudy(NodeBase):
    """A deployment of technologies under a business model."""

    kind: Literal["case_study"] = "case_study"
    year: int | None = Field(default=None, ge=1900, le=2100)
    outcome: Text | None = None
    country: CountryCode | None = None


class Company(NodeBase):
    """A company that develops or deploys technologies."""

    kind: Literal["company"] = "company"
    country: CountryCode | None = None
    is_japanese: bool = False
    sector: AxisValue | None = None
    size: CompanySize | None = None
    is_unicorn: bool = False
    valuation_usd: float | None = Field(default=None, ge=0)


class Investor(NodeBase):
    """A private fund, venture capital firm, public fund or development bank."""

    kind: Literal["investor"] = "investor"
    investor_type: InvestorType
    country: CountryCode | None = None


class Expert(NodeBase):
    """A person who knows a technology or field; AFFILIATED_WITH names the employer."""

    kind: Literal["expert"] = "expert"
    title: Annotated[str, StringConstraints(max_length=300)] | None = None
    country: CountryCode | None = None


class Partnership(NodeBase):
    """An agreement between parties (PARTY relationships carry each party's role)."""

    kind: Literal["partnership"] = "partnership"
    status: PartnershipStatus
    scope: Text | None = None
    content: list[PartnershipContent] | None = Field(
        default=None,
        min_length=1,
        max_length=len(PartnershipContent),
        description="What the partnership transfers, from a fixed vocabulary (sorted, no repeats); "
        "gxgraph.domain.know_how says which contents acquire know-how structurally.",
    )
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    @field_validator("content")
    @classmethod
    def _content_as_set(cls, value: list[PartnershipContent] | None) -> list[PartnershipContent] | None:
        # One order and no repeats, so the stored list and its export round-trip unchanged.
        return sorted(set(value)) if value else value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Partnership:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class IndicatorValue(StorableModel):
    """One innovation indicator of a country in one year: a rank, a value, or both."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: Indicator
    year: int = Field(ge=1900, le=2100)
    rank: int | None = Field(default=None, ge=1)
    value: float | None = None
    unit: Annotated[str, StringConstraints(max_length=50)] | None = None
    source: Annotated[str, StringConstraints(max_length=1000)] | None = None
    illustrative: bool = False

    @model_validator(mode="after")
    def _rank_or_value(self) -> IndicatorValue:
        if self.rank is None and self.value is None:
            raise ValueError("an indicator needs a rank or a value")
        return self


class Country(NodeBase):
    """A country with its innovation indicators by year."""

    kind: Literal["country"] = "country"
    iso_code: CountryCode
    region: Region | None = None
    indicators: list[IndicatorValue] = Field(default_factory=list, max_length=1000)


class MarketSegment(NodeBase):
    """A cell of the technology map: industry x digital technology, with growth and size."""

    kind: Literal["market_segment"] = "market_segment"
    industry: AxisValue
    digital_technology: AxisValue
    cagr_pct: float | None = Field(default=None, ge=-100, le=1000, description="Compound annual growth, %.")
    market_size_usd: float | None = Field(default=None, ge=0)
    year: int | None = Field(default=None, ge=1900, le=2100)


Node = Annotated[
    Institution
    | FieldNode
    | Technology
    | BusinessModel
    | CaseStudy
    | Company
    | Investor
    | Expert
    | Partnership
    | Country
    | MarketSegment,
    Field(discriminator="kind"),
]
