"""Pydantic models of every relationship type; each carries its provenance and typed properties."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from gxgraph.domain.nodes import Provenance, Slug

Role = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class RelationshipBase(Provenance):
    """Fields every relationship shares: its endpoints (node ids) and provenance."""

    source_id: Slug = Field(alias="from")
    target_id: Slug = Field(alias="to")

    model_config = ConfigDict(populate_by_name=True, extra="forbid", frozen=True)


class StrongIn(RelationshipBase):
    """An institution or country is strong in a research field."""

    type: Literal["STRONG_IN"] = "STRONG_IN"
    score: float = Field(ge=0, le=1, description="Strength 0-1 (1 = world-leading).")


class SubfieldOf(RelationshipBase):
    type: Literal["SUBFIELD_OF"] = "SUBFIELD_OF"


class Covers(RelationshipBase):
    """A field covers a technology."""

    type: Literal["COVERS"] = "COVERS"


class Develops(RelationshipBase):
    """An institution or company develops a technology."""

    type: Literal["DEVELOPS"] = "DEVELOPS"
    patents: int | None = Field(default=None, ge=0)
    publications: int | None = Field(default=None, ge=0)


class Enables(RelationshipBase):
    type: Literal["ENABLES"] = "ENABLES"


class ProvenBy(RelationshipBase):
    type: Literal["PROVEN_BY"] = "PROVEN_BY"


class DeployedBy(RelationshipBase):
    type: Literal["DEPLOYED_BY"] = "DEPLOYED_BY"


class Uses(RelationshipBase):
    type: Literal["USES"] = "USES"


class LocatedIn(RelationshipBase):
    type: Literal["LOCATED_IN"] = "LOCATED_IN"


class AffiliatedWith(RelationshipBase):
    type: Literal["AFFILIATED_WITH"] = "AFFILIATED_WITH"
    role: Role | None = None


class ExpertIn(RelationshipBase):
    type: Literal["EXPERT_IN"] = "EXPERT_IN"
    level: float | None = Field(default=None, ge=0, le=1)


class Party(RelationshipBase):
    """A partnership names a party, with its role (e.g. academic_partner, window, investor)."""

    type: Literal["PARTY"] = "PARTY"
    role: Role


class InvestsIn(RelationshipBase):
    type: Literal["INVESTS_IN"] = "INVESTS_IN"
    amount_usd: float | None = Field(default=None, ge=0)
    year: int | None = Field(default=None, ge=1900, le=2100)


class InSegment(RelationshipBase):
    type: Literal["IN_SEGMENT"] = "IN_SEGMENT"


Year = Annotated[int, Field(ge=1900, le=2100)]


class SpunOutOf(RelationshipBase):
    """A company was founded to commercialise an institution's research (a spin-out)."""

    type: Literal["SPUN_OUT_OF"] = "SPUN_OUT_OF"
    year: Year | None = Field(default=None, description="Year the company was founded.")


class Incubated(RelationshipBase):
    """An institution created or incubated a venture (its incubator, accelerator or venture studio)."""

    type: Literal["INCUBATED"] = "INCUBATED"
    year: Year | None = Field(default=None, description="Year the venture entered the programme.")


class Licensed(RelationshipBase):
    """An institution licensed a technology to a company.

    The licence is a relationship from the licensor to the licensee; ``technology`` names the
    licensed technology's id (analytics ignore it when no such technology exists), ``field_of_use``
    the scope the licence grants.
    """

    type: Literal["LICENSED"] = "LICENSED"
    technology: Slug | None = Field(default=None, description="Id of the licensed technology.")
    field_of_use: Annotated[str, StringConstraints(max_length=300)] | None = Field(
        default=None, description="Where the licensee may use the technology (the licence's scope)."
    )
    year: Year | None = Field(default=None, description="Year the licence was granted.")
    exclusive: bool | None = None


Relationship = Annotated[
    StrongIn
    | SubfieldOf
    | Covers
    | Develops
    | Enables
    | ProvenBy
    | DeployedBy
    | Uses
    | LocatedIn
    | AffiliatedWith
    | ExpertIn
    | Party
    | InvestsIn
    | InSegment
    | SpunOutOf
    | Incubated
    | Licensed,
    Field(discriminator="type"),
]
