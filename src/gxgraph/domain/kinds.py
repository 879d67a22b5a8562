"""The vocabulary's enumerations: node kinds, relationship types and their value sets."""

from __future__ import annotations

from enum import StrEnum


class NodeKind(StrEnum):
    """Every kind of node in the graph; the value is the ``kind`` property and the URL segment."""

    INSTITUTION = "institution"
    FIELD = "field"
    TECHNOLOGY = "technology"
    BUSINESS_MODEL = "business_model"
    CASE_STUDY = "case_study"
    COMPANY = "company"
    INVESTOR = "investor"
    EXPERT = "expert"
    PARTNERSHIP = "partnership"
    COUNTRY = "country"
    MARKET_SEGMENT = "market_segment"

    @property
    def label(self) -> str:
        """The graph label (``BusinessModel`` for ``business_model``)."""
        return "".join(part.capitalize() for part in self.value.split("_"))

    @property
    def plural(self) -> str:
        """The REST collection name (``technologies``, ``case_studies``)."""
        if self.value.endswith("y"):
            return self.value[:-1] + "ies"
        return self.value + "s"


class RelType(StrEnum):
    """Every relationship type; the value is the graph relationship type."""

    STRONG_IN = "STRONG_IN"
    SUBFIELD_OF = "SUBFIELD_OF"
    COVERS = "COVERS"
    DEVELOPS = "DEVELOPS"
    ENABLES = "ENABLES"
    PROVEN_BY = "PROVEN_BY"
    DEPLOYED_BY = "DEPLOYED_BY"
    USES = "USES"
    LOCATED_IN = "LOCATED_IN"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    EXPERT_IN = "EXPERT_IN"
    PARTY = "PARTY"
    INVESTS_IN = "INVESTS_IN"
    IN_SEGMENT = "IN_SEGMENT"
    SPUN_OUT_OF = "SPUN_OUT_OF"
    INCUBATED = "INCUBATED"
    LICENSED = "LICENSED"


class Contributor(StrEnum):
    """Who contributed a fact (the report's three-party ecosystem plus the secretariat)."""

    GOVERNMENT = "government"
    ACADEMIA = "academia"
    COMPANY = "company"
    SECRETARIAT = "secretariat"


class InstitutionType(StrEnum):
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    INNOVATION_AGENCY = "innovation_agency"
    INCUBATOR_NETWORK = "incubator_network"
    TECH_TRANSFER_NETWORK = "tech_transfer_network"
    INTERNATIONAL_ORG = "international_org"
    GOVERNMENT_BODY = "government_body"
    SECRETARIAT = "secretariat"


class TechDomain(StrEnum):
    """GX (green transformation), DX (digital transformation) or both."""

    GX = "gx"
    DX = "dx"
    BOTH = "both"


class CompanySize(StrEnum):
    STARTUP = "startup"
    SME = "sme"
    LARGE = "large"


class InvestorType(StrEnum):
    PRIVATE_FUND = "private_fund"
    VC = "vc"
    PUBLIC_FUND = "public_fund"
    DEVELOPMENT_BANK = "development_bank"


class PartnershipStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"


class PartnershipContent(StrEnum):
    """What a partnership transfers; :mod:`gxgraph.domain.know_how` says which contents count as
    structural know-how acquisition and why."""

    JOINT_RESEARCH = "joint_research"
    LICENSING = "licensing"
    CO_FOUNDED_VENTURES = "co_founded_ventures"
    INCUBATION_ACCESS = "incubation_access"
    STAFF_EXCHANGE = "staff_exchange"
    EXECUTIVE_EDUCATION = "executive_education"
    DATA_IP_SHARING = "data_ip_sharing"
    COMMERCIALISATION_KNOW_HOW_PROGRAMME = "commercialisation_know_how_programme"


class Region(StrEnum):
    """World regions the secretariat reports by."""

    JAPAN = "japan"
    NORTH_AMERICA = "north_america"
    EUROPE = "europe"
    MIDDLE_EAST = "middle_east"
    ASIA = "asia"
    GLOBAL_SOUTH = "global_south"
    GLOBAL = "global"


class Indicator(StrEnum):
    """Country innovation indicators; ranks and values as the report (GII 2023) uses them."""

    RD_INVESTMENT = "rd_investment"
    PATENTS = "patents"
    IP_RECEIPTS = "ip_receipts"
    ICT_SERVICES_EXPORTS = "ict_services_exports"
    LABOUR_PRODUCTIVITY_GROWTH = "labour_productivity_growth"
    CREATIVE_SERVICES_EXPORTS = "creative_services_exports"
    UNICORN_VALUATION = "unicorn_valuation"
    FIRM_ENTRY_RATE = "firm_entry_rate"
    FIRM_EXIT_RATE = "firm_exit_rate"
