"""The explanation every analytic result carries: a score, its components, and the evidence paths."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["EvidencePath", "Scored", "Step"]


class Step(BaseModel):
    """One relationship on an evidence path, in its stored direction."""

    from_id: str = Field(serialization_alias="from")
    type: str
    to_id: str = Field(serialization_alias="to")


class EvidencePath(BaseModel):
    """A chain of relationships that justifies a finding, with a sentence saying what it shows."""

    note: str
    steps: list[Step]


class Scored(BaseModel):
    """Base of explainable result rows: the score, what it is made of, and why."""

    score: float = Field(description="The ranking score; its definition is in the endpoint's description.")
    components: dict[str, float] = Field(description="The named parts the score combines.")
    evidence: list[EvidencePath] = Field(default_factory=list)
