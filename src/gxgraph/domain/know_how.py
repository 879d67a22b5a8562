"""Which partnership contents transfer know-how structurally: the report's rule, written down once.

The source report (p.6, 選定基準) says: "the content of the partnership matters most. Partnering and
sending people is meaningless unless the partnership lets Japan acquire know-how structurally"
(提携の内容こそが最重要。単に提携し、人材を派遣するだけでは意味がなく、ノウハウを構造的に取得できるような
提携内容でなければならない). Its summary (p.2) names the mechanisms it has in mind: a way to *buy*
the know-how of frontier technologies and business models, and comprehensive partnerships focused on
*commercialisation* in addition to conventional technology development.

Each content of :class:`~gxgraph.domain.kinds.PartnershipContent` falls in one of three classes:

* **structural** (:data:`STRUCTURAL_CONTENT`): the know-how ends up held by Japanese organisations
  as rights, entities, data or a repeatable process, and stays when individual people move on:
  ``licensing`` (rights to use the technology: the report's "buying" know-how),
  ``co_founded_ventures`` (a company that embodies the technology and its business model),
  ``incubation_access`` (Japanese ventures go through the partner's venture-creation process),
  ``data_ip_sharing`` (data and IP held on the Japanese side), and
  ``commercialisation_know_how_programme`` (a programme that transfers how the partner turns research
  into business: the report's focus on commercialisation);
* **research** (:data:`RESEARCH_CONTENT`): ``joint_research`` transfers technology knowledge, the
  "conventional technology development" the report wants to go *beyond*; on its own it carries no
  commercialisation know-how, so it is not structural, but it is more than sending people;
* **people** (:data:`PEOPLE_CONTENT`): ``staff_exchange`` and ``executive_education`` move or train
  individuals; the know-how leaves with them. A partnership whose content is only these is the
  report's warning, "partnering and sending people".

A partnership transfers know-how structurally when its content includes at least one structural
item (:func:`transfers_know_how_structurally`); :func:`content_class` names the class of a whole
partnership.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from gxgraph.domain.kinds import PartnershipContent

__all__ = [
    "PEOPLE_CONTENT",
    "RESEARCH_CONTENT",
    "STRUCTURAL_CONTENT",
    "ContentClass",
    "content_class",
    "transfers_know_how_structurally",
]

C = PartnershipContent

STRUCTURAL_CONTENT = frozenset(
    {
        C.LICENSING,
        C.CO_FOUNDED_VENTURES,
        C.INCUBATION_ACCESS,
        C.DATA_IP_SHARING,
        C.COMMERCIALISATION_KNOW_HOW_PROGRAMME,
    }
)
"""Contents that leave know-how held by Japanese organisations (rights, entities, data, process)."""

RESEARCH_CONTENT = frozenset({C.JOINT_RESEARCH})
"""Technology development together: knowledge of the technology, not of its commercialisation."""

PEOPLE_CONTENT = frozenset({C.STAFF_EXCHANGE, C.EXECUTIVE_EDUCATION})
"""Contents that only move or train people: the report's "partnering and sending people"."""

ContentClass = Literal["structural", "research_only", "people_only", "unrecorded"]


def transfers_know_how_structurally(content: Iterable[str]) -> bool:
    """True when the content includes at least one :data:`STRUCTURAL_CONTENT` item.

    >>> transfers_know_how_structurally(["staff_exchange", "licensing"])
    True
    >>> transfers_know_how_structurally(["staff_exchange", "joint_research"])
    False
    """
    return any(item in STRUCTURAL_CONTENT for item in content)


def content_class(content: Iterable[str] | None) -> ContentClass:
    """The class of a partnership's whole content (see the module docstring).

    ``structural`` if any item is structural; else ``research_only`` if joint research is there;
    else ``people_only`` if only people move; ``unrecorded`` when no content is recorded.

    >>> content_class(["executive_education", "staff_exchange"]), content_class(None)
    ('people_only', 'unrecorded')
    >>> content_class(["joint_research", "staff_exchange"]), content_class(["incubation_access"])
    ('research_only', 'structural')
    """
    items = set(content or ())
    if not items:
        return "unrecorded"
    if transfers_know_how_structurally(items):
        return "structural"
    if items & RESEARCH_CONTENT:
        return "research_only"
    return "people_only"
