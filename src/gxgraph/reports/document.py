"""The report as a document: sections of paragraphs, lists, tables and charts, in one language.

:func:`build_document` turns :class:`~gxgraph.reports.data.ReportData` into a :class:`Document`
that every renderer reads: PDF, HTML and Markdown show all of it, XLSX and CSV its tables. So the
words, the tables and their illustrative marks are decided once, here. Sentences are made from the
analyses' components and evidence with the message catalogue; nothing is invented.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from gxgraph.analytics.partnership_gaps import PartnershipGap
from gxgraph.analytics.rows import EvidencePath
from gxgraph.reports import charts
from gxgraph.reports.changes import Changes, Snapshot
from gxgraph.reports.data import ReportData
from gxgraph.reports.messages import MESSAGES, Lang, text

__all__ = ["Block", "Cell", "Column", "Document", "Section", "Table", "build_document"]

MARK = charts.ILLUSTRATIVE_MARK
SUMMARY_GAPS = 5
EVIDENCE_PATHS = 3
SHARED_REASONS = 3


class Cell(BaseModel):
    """One table cell: its value (typed, for spreadsheets) and its text (for pages)."""

    value: float | int | str | None
    text: str
    illustrative: bool = False


class Column(BaseModel):
    title: str
    numeric: bool = False
    number_format: str | None = Field(default=None, description="Spreadsheet number format.")


class Table(BaseModel):
    """A table every format shows: one sheet in XLSX, one file in the CSV zip."""

    key: str = Field(description="A short ASCII name: the sheet and file name.")
    title: str
    columns: list[Column]
    rows: list[list[Cell]]


class Block(BaseModel):
    """A paragraph, a bulleted list, a table or a chart (SVG text)."""

    type: Literal["paragraph", "bullets", "table", "chart", "subheading"]
    text: str = ""
    items: list[str] = Field(default_factory=list)
    table: Table | None = None
    chart: str | None = None
    chart_key: str | None = None


class Section(BaseModel):
    key: str
    title: str
    blocks: list[Block]


class Document(BaseModel):
    """The whole report in one language."""

    lang: Lang
    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    legend: str
    sections: list[Section]
    snapshot: Snapshot

    def tables(self) -> list[Table]:
        return [block.table for section in self.sections for block in section.blocks if block.table]


def _number(value: float | None, digits: int = 3, illustrative: bool = False) -> Cell:
    if value is None:
        return Cell(value=None, text="–", illustrative=illustrative)
    shown = f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"
    return Cell(value=value, text=f"{shown}{MARK}" if illustrative else shown, illustrative=illustrative)


def _year(value: int | None) -> Cell:
    return Cell(value=value, text=str(value) if value is not None else "–")


def _text(value: str | None) -> Cell:
    return Cell(value=value or "", text=value or "–")


def _flag(lang: Lang, illustrative: bool) -> Cell:
    mark = text(lang, "illustrative_mark") if illustrative else ""
    return Cell(value=mark, text=f"{MARK} {mark}" if illustrative else "", illustrative=illustrative)


def _percent(value: float | None, lang: Lang, illustrative: bool = False) -> Cell:
    if value is None:
        return Cell(value=None, text=text(lang, "none"))
    shown = f"{value:.0%}"
    return Cell(value=value, text=f"{shown}{MARK}" if illustrative else shown, illustrative=illustrative)


class _Writer:
    """Builds one language's document from the report data."""

    def __init__(self, data: ReportData, lang: Lang, changes: Changes | None) -> None:
        self.data = data
        self.lang = lang
        self.changes = changes
        self.tables_so_far: list[Table] = []

    def t(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)

    def name(self, node: str) -> str:
        return self.data.name(node, self.lang)

    def region(self, region: str | None) -> str:
        key = f"region_{region}"
        return self.t(key) if key in MESSAGES else self.t("region_unknown")

    def evidence(self, paths: list[EvidencePath]) -> str:
        sentences = []
        for path in paths[:EVIDENCE_PATHS]:
            parts = []
            for step in path.steps:
                key = f"rel_{step.type}"
                relation = self.t(key) if key in MESSAGES else step.type
                joiner = "" if self.lang is Lang.JA else " "
                parts.append(f"{self.name(step.from_id)}{joiner}{relation}{joiner}{self.name(step.to_id)}")
            sentences.append("; ".join(parts))
        return " / ".join(sentences)

    def partners(self, gap: PartnershipGap) -> list[str]:
        reasons = []
        for company in gap.companies:
            shared = "、".join if self.lang is Lang.JA else ", ".join
            names = shared(self.name(node.id) for node in company.shared[:SHARED_REASONS])
            reasons.append(self.t("partner_reason", company=self.name(company.id), shared=names))
        return reasons

    # sections -----------------------------------------------------------------------------------

    def summary(self) -> Section:
        data = self.data
        size = self.t("projection", nodes=f"{data.projection.get('nodes', 0):,}",
                      relationships=f"{data.projection.get('relationships', 0):,}")  # fmt: skip
        blocks = [
            Block(
                type="paragraph",
                text=self.t(
                    "summary_intro",
                    version=data.graph_version,
                    size=size,
                    partnership=len(data.partnership_gaps),
                    commercialisation=len(data.commercialisation_gaps),
                ),
            )
        ]
        items = []
        flags = data.illustrative_rows.get("partnership", [])
        for index, gap in enumerate(data.partnership_gaps[:SUMMARY_GAPS]):
            mark = MARK if index < len(flags) and flags[index] else ""
            sentence = self.t(
                "summary_gap",
                institution=self.name(gap.institution.id),
                country=gap.institution.country or self.region(gap.institution.region),
                field=self.name(gap.field.id),
                strength=f"{gap.strong_in_score:.2f}{mark}",
                score=f"{gap.score:.3f}{mark}",
            )
            partners = self.partners(gap)
            if partners:
                joined = "／".join(partners) if self.lang is Lang.JA else "; ".join(partners)
                sentence += " " + self.t("summary_partners", partners=joined)
            else:
                sentence += " " + self.t("summary_no_partners")
            items.append(sentence)
        if items:
            blocks.append(Block(type="bullets", items=items))
        follow = []
        if data.commercialisation_gaps:
            top = data.commercialisation_gaps[0]
            flags = data.illustrative_rows.get("commercialisation", [])
            mark = MARK if flags and flags[0] else ""
            follow.append(
                self.t(
                    "summary_commercialisation",
                    technology=self.name(top.id),
                    score=f"{top.score:.3f}{mark}",
                    strength=f"{top.components.get('strength', 0):.2f}{mark}",
                    deployment=f"{top.components.get('deployment', 0):.2f}{mark}",
                )
            )
        japan = next((p for p in data.countries if p.iso_code == "JP"), None)
        if japan and japan.gap is not None and japan.mean_input_rank is not None:
            mark = MARK if charts.ranks_illustrative(japan) else ""
            follow.append(
                self.t(
                    "summary_profile",
                    country=self.name(japan.id),
                    input=f"{japan.mean_input_rank:.1f}{mark}",
                    output=f"{japan.mean_output_rank:.1f}{mark}",
                    gap=f"{japan.gap:.1f}{mark}",
                )
            )
        follow.append(self.t("summary_illustrative"))
        blocks += [Block(type="paragraph", text=sentence) for sentence in follow]
        return Section(key="summary", title=self.t("s_summary"), blocks=blocks)

    def profile(self) -> Section:
        data = self.data
        names = {p.id: self.name(p.id) for p in data.countries}
        rows = []
        for p in data.countries:
            mark = charts.ranks_illustrative(p)
            rows.append(
                [
                    _text(names[p.id]),
                    _text(self.region(p.region)),
                    _year(p.year),
                    _number(p.mean_input_rank, 1, mark),
                    _number(p.mean_output_rank, 1, mark),
                    _number(p.gap, 1, mark),
                    _flag(self.lang, mark),
                ]
            )
        columns = [
            Column(title=self.t("c_country")),
            Column(title=self.t("c_region")),
            Column(title=self.t("c_year"), numeric=True, number_format="0"),
            Column(title=self.t("mean_input_rank"), numeric=True, number_format="0.0"),
            Column(title=self.t("mean_output_rank"), numeric=True, number_format="0.0"),
            Column(title=self.t("c_gap"), numeric=True, number_format="0.0"),
            Column(title=self.t("c_illustrative")),
        ]
        blocks = [
            Block(type="paragraph", text=self.t("profile_intro")),
            Block(
                type="chart",
                chart_key="profile",
                chart=charts.render_svg(charts.profile_chart(data.countries, self.lang, names)),
            ),
            Block(
                type="table",
                table=Table(key="profile", title=self.t("t_profile"), columns=columns, rows=rows),
            ),
            Block(type="paragraph", text=self.t("destruction_intro")),
        ]
        spec = charts.destruction_chart(data.countries, self.lang, names)
        points = [(p, point) for p in data.countries for point in p.creative_destruction]
        if spec is None:
            blocks.append(Block(type="paragraph", text=self.t("destruction_none")))
        else:
            blocks.append(Block(type="chart", chart_key="destruction", chart=charts.render_svg(spec)))
        destruction = [
            [
                _text(names[p.id]),
                _year(point.year),
                _number(point.entry_rate, 3, point.illustrative),
                _number(point.exit_rate, 3, point.illustrative),
                _number(point.index, 3, point.illustrative),
                _flag(self.lang, point.illustrative),
            ]
            for p, point in points
        ]
        if destruction:
            columns = [
                Column(title=self.t("c_country")),
                Column(title=self.t("c_year"), numeric=True, number_format="0"),
                Column(title=self.t("c_entry"), numeric=True, number_format="0.000"),
                Column(title=self.t("c_exit"), numeric=True, number_format="0.000"),
                Column(title=self.t("c_index"), numeric=True, number_format="0.000"),
                Column(title=self.t("c_illustrative")),
            ]
            table = Table(key="destruction", title=self.t("t_destruction"), columns=columns, rows=destruction)
            blocks.append(Block(type="table", table=table))
        return Section(key="profile", title=self.t("s_profile"), blocks=blocks)

    def techmap(self) -> Section:
        tech_map = self.data.technology_map
        rows = []
        for cell in tech_map.cells:
            industry, digital = charts._axis_names(cell, self.lang)
            mark = cell.illustrative
            rows.append(
                [
                    _text(industry),
                    _text(digital),
                    _number(cell.cagr_pct, 1, mark),
                    _number(cell.market_size_usd, 0, mark),
                    _percent(cell.japanese_deployment_share, self.lang),
                    _number(cell.technologies),
                    _number(cell.deployments),
                    _number(cell.gap_count),
                    _flag(self.lang, mark),
                ]
            )
        columns = [
            Column(title=self.t("industry")),
            Column(title=self.t("digital_technology")),
            Column(title=self.t("cagr"), numeric=True, number_format="0.0"),
            Column(title=self.t("market_size"), numeric=True, number_format="#,##0"),
            Column(title=self.t("japanese_share"), numeric=True, number_format="0%"),
            Column(title=self.t("technologies"), numeric=True, number_format="0"),
            Column(title=self.t("deployments"), numeric=True, number_format="0"),
            Column(title=self.t("gap_count"), numeric=True, number_format="0"),
            Column(title=self.t("c_illustrative")),
        ]
        chart = charts.render_svg(charts.technology_map_chart(tech_map, self.lang))
        return Section(
            key="techmap",
            title=self.t("s_techmap"),
            blocks=[
                Block(type="paragraph", text=self.t("techmap_intro")),
                Block(type="chart", chart_key="techmap", chart=chart),
                Block(
                    type="table",
                    table=Table(key="techmap", title=self.t("t_techmap"), columns=columns, rows=rows),
                ),
            ],
        )

    def commercialisation(self) -> Section:
        flags = self.data.illustrative_rows.get("commercialisation", [])
        rows = []
        for rank, (gap, mark) in enumerate(zip(self.data.commercialisation_gaps, flags, strict=True), 1):
            parts = gap.components
            rows.append(
                [
                    _number(rank),
                    _text(self.name(gap.id)),
                    _number(gap.score, 3, mark),
                    _number(parts.get("strength"), 3, mark),
                    _number(parts.get("deployment"), 3, mark),
                    _number(parts.get("market"), 3, mark),
                    _number(parts.get("readiness"), 3, mark),
                    _number(gap.patents, 0, mark),
                    _number(gap.publications, 0, mark),
                    _number(gap.trl, 0, mark),
                    _text(self.evidence(gap.evidence)),
                    _flag(self.lang, mark),
                ]
            )
        columns = [
            Column(title=self.t("c_rank"), numeric=True, number_format="0"),
            Column(title=self.t("c_name")),
            *(
                Column(title=self.t(key), numeric=True, number_format="0.000")
                for key in ("c_score", "c_strength", "c_deployment", "c_market", "c_readiness")
            ),
            Column(title=self.t("c_patents"), numeric=True, number_format="#,##0"),
            Column(title=self.t("c_publications"), numeric=True, number_format="#,##0"),
            Column(title=self.t("c_trl"), numeric=True, number_format="0"),
            Column(title=self.t("c_evidence")),
            Column(title=self.t("c_illustrative")),
        ]
        table = Table(
            key="commercialisation", title=self.t("t_commercialisation"), columns=columns, rows=rows
        )
        return Section(
            key="commercialisation",
            title=self.t("s_commercialisation"),
            blocks=[
                Block(type="paragraph", text=self.t("commercialisation_intro")),
                Block(type="table", table=table),
            ],
        )

    def partnership(self) -> Section:
        data = self.data
        flags = {
            (gap.institution.id, gap.field.id): flag
            for gap, flag in zip(
                data.partnership_gaps, data.illustrative_rows.get("partnership", []), strict=True
            )
        }
        rows = []
        for region, institutions in data.partnership_gaps_by_region.items():
            for institution, gaps in institutions.items():
                for gap in gaps:
                    mark = flags.get((gap.institution.id, gap.field.id), False)
                    parts = gap.components
                    rows.append(
                        [
                            _text(self.region(region)),
                            _text(self.name(institution)),
                            _text(gap.institution.country or self.region(gap.institution.region)),
                            _text(self.name(gap.field.id)),
                            _number(gap.score, 3, mark),
                            _number(parts.get("strength"), 2, mark),
                            _number(parts.get("breadth"), 2, mark),
                            _number(parts.get("japanese_interest"), 2, mark),
                            _text("\n".join(self.partners(gap)) or self.t("summary_no_partners")),
                            _flag(self.lang, mark),
                        ]
                    )
        columns = [
            Column(title=self.t("c_region")),
            Column(title=self.t("c_institution")),
            Column(title=self.t("c_country")),
            Column(title=self.t("c_field")),
            Column(title=self.t("c_score"), numeric=True, number_format="0.000"),
            Column(title=self.t("c_strength"), numeric=True, number_format="0.00"),
            Column(title=self.t("c_breadth"), numeric=True, number_format="0.00"),
            Column(title=self.t("c_interest"), numeric=True, number_format="0.00"),
            Column(title=self.t("c_partners")),
            Column(title=self.t("c_illustrative")),
        ]
        table = Table(key="partnership", title=self.t("t_partnership"), columns=columns, rows=rows)
        return Section(
            key="partnership",
            title=self.t("s_partnership"),
            blocks=[
                Block(type="paragraph", text=self.t("partnership_intro", min_score=data.min_score)),
                Block(type="table", table=table),
            ],
        )

    def partner_selection(self) -> Section:
        matrix = self.data.partner_matrix
        flags = self.data.illustrative_rows.get("partners", [])
        rows = [
            [
                _text(self.name(point.id)),
                _text(point.country),
                _text(self.t(f"quadrant_{point.quadrant}")),
                _number(point.science, 2, mark),
                _number(point.commercialisation, 3, mark),
                _text(self.t("yes") if point.partnered else ""),
                _text(self.t("yes") if point.know_how_partnership else ""),
                _text(self.t("yes") if point.actionable else ""),
                _flag(self.lang, mark),
            ]
            for point, mark in zip(matrix.points, flags, strict=True)
        ]
        columns = [
            Column(title=self.t("c_institution")),
            Column(title=self.t("c_country")),
            Column(title=self.t("c_quadrant")),
            Column(title=self.t("c_science"), numeric=True, number_format="0.00"),
            Column(title=self.t("c_commercialisation"), numeric=True, number_format="0.000"),
            Column(title=self.t("c_partnered")),
            Column(title=self.t("c_know_how")),
            Column(title=self.t("c_actionable")),
            Column(title=self.t("c_illustrative")),
        ]
        names = {point.id: self.name(point.id) for point in matrix.points}
        actionable = [names[node] for node in matrix.actionable]
        chart = charts.render_svg(charts.partner_matrix_chart(matrix, self.lang, names))
        return Section(
            key="partners",
            title=self.t("s_partners"),
            blocks=[
                Block(type="paragraph", text=self.t("partners_intro")),
                Block(type="chart", chart_key="partners", chart=chart),
                Block(
                    type="paragraph",
                    text=self.t("partners_actionable", names=", ".join(actionable))
                    if actionable
                    else self.t("partners_none"),
                ),
                Block(
                    type="table",
                    table=Table(key="partners", title=self.t("t_partners"), columns=columns, rows=rows),
                ),
            ],
        )

    def brokers(self) -> Section:
        data = self.data
        flags = data.illustrative_rows.get("brokers", [])
        rows = [
            [
                _number(rank),
                _text(self.name(broker.id)),
                _text(broker.kind),
                _text(broker.country),
                _number(broker.score, 3),
                _number(broker.betweenness, 4),
                _number(broker.constraint, 3),
                _text(", ".join(self.region(region) for region in broker.regions_bridged)),
                _flag(self.lang, mark),
            ]
            for rank, (broker, mark) in enumerate(zip(data.brokers, flags, strict=True), 1)
        ]
        columns = [
            Column(title=self.t("c_rank"), numeric=True, number_format="0"),
            Column(title=self.t("c_name")),
            Column(title=self.t("c_kind")),
            Column(title=self.t("c_country")),
            Column(title=self.t("c_score"), numeric=True, number_format="0.000"),
            Column(title=self.t("c_betweenness"), numeric=True, number_format="0.0000"),
            Column(title=self.t("c_constraint"), numeric=True, number_format="0.000"),
            Column(title=self.t("c_regions_bridged")),
            Column(title=self.t("c_illustrative")),
        ]
        groups = [
            [
                _number(group.community_id),
                _number(group.size),
                _text(", ".join(self.name(share.id) for share in group.dominant_fields)),
                _text(", ".join(self.region(share.id) for share in group.dominant_regions)),
                _text(", ".join(self.name(member.id) for member in group.top_members)),
            ]
            for group in data.communities
        ]
        group_columns = [
            Column(title=self.t("c_community"), numeric=True, number_format="0"),
            Column(title=self.t("c_size"), numeric=True, number_format="0"),
            Column(title=self.t("c_fields")),
            Column(title=self.t("c_regions")),
            Column(title=self.t("c_members")),
        ]
        return Section(
            key="brokers",
            title=self.t("s_brokers"),
            blocks=[
                Block(type="paragraph", text=self.t("brokers_intro")),
                Block(
                    type="table",
                    table=Table(key="brokers", title=self.t("t_brokers"), columns=columns, rows=rows),
                ),
                Block(
                    type="table",
                    table=Table(
                        key="communities", title=self.t("t_communities"), columns=group_columns, rows=groups
                    ),
                ),
            ],
        )

    def changed(self) -> Section:
        changes = self.changes
        if changes is None:
            blocks = [Block(type="paragraph", text=self.t("changes_none"))]
            return Section(key="changes", title=self.t("s_changes"), blocks=blocks)
        generated = changes.baseline_generated_at.strftime("%Y-%m-%d %H:%M UTC")
        blocks = [
            Block(
                type="paragraph",
                text=self.t("changes_intro", version=changes.baseline_version, generated=generated),
            )
        ]
        if not changes.items:
            blocks.append(Block(type="paragraph", text=self.t("changes_nothing")))
            return Section(key="changes", title=self.t("s_changes"), blocks=blocks)
        blocks.append(
            Block(
                type="paragraph",
                text=self.t(
                    "changes_summary",
                    new=changes.count("new_gap"),
                    closed=changes.count("closed_gap"),
                    moved=changes.count("moved_gap"),
                    cases=changes.count("new_case_study"),
                    partnerships=changes.count("new_partnership") + changes.count("partnership_status"),
                ),
            )
        )
        rows = [
            [
                _text(self.t(f"change_{item.change}")),
                _text(
                    self.t(f"kind_{item.kind}_gap")
                    if item.kind in ("partnership", "commercialisation")
                    else item.kind
                ),
                _text(self.gap_name(item.item)),
                _text(item.before),
                _text(item.after),
            ]
            for item in changes.items
        ]
        columns = [
            Column(title=self.t("c_change")),
            Column(title=self.t("c_kind")),
            Column(title=self.t("c_item")),
            Column(title=self.t("c_before")),
            Column(title=self.t("c_after")),
        ]
        blocks.append(
            Block(
                type="table",
                table=Table(key="changes", title=self.t("t_changes"), columns=columns, rows=rows),
            )
        )
        return Section(key="changes", title=self.t("s_changes"), blocks=blocks)

    def gap_name(self, key: str) -> str:
        institution, sep, field = key.partition("|")
        return f"{self.name(institution)} × {self.name(field)}" if sep else self.name(key)

    def provenance(self) -> Section:
        prov = self.data.provenance
        latest = prov.latest_update or self.t("provenance_unknown_date")
        contributors = [
            [
                _text(self.contributor(row.contributed_by)),
                _number(row.nodes),
                _number(row.relationships),
                _number(row.illustrative),
            ]
            for row in prov.contributors
        ]
        contributor_columns = [
            Column(title=self.t("c_contributor")),
            Column(title=self.t("c_nodes"), numeric=True, number_format="#,##0"),
            Column(title=self.t("c_relationships"), numeric=True, number_format="#,##0"),
            Column(title=self.t("c_illustrative_count"), numeric=True, number_format="#,##0"),
        ]
        sources = [
            [_text(row.source), _number(row.uses), _flag(self.lang, row.illustrative)] for row in prov.sources
        ]
        source_columns = [
            Column(title=self.t("c_source")),
            Column(title=self.t("c_uses"), numeric=True, number_format="#,##0"),
            Column(title=self.t("c_illustrative")),
        ]
        invented = [table.title for table in self._tables_with_marks()]
        blocks = [
            Block(
                type="paragraph",
                text=self.t(
                    "provenance_intro",
                    illustrative=f"{prov.illustrative_nodes:,}",
                    total=f"{prov.nodes:,}",
                    latest=latest,
                ),
            ),
            Block(
                type="table",
                table=Table(
                    key="contributors",
                    title=self.t("t_contributors"),
                    columns=contributor_columns,
                    rows=contributors,
                ),
            ),
            Block(
                type="table",
                table=Table(key="sources", title=self.t("t_sources"), columns=source_columns, rows=sources),
            ),
        ]
        if invented:
            blocks.append(Block(type="paragraph", text=self.t("illustrative_list_intro")))
            blocks.append(Block(type="bullets", items=invented))
        return Section(key="provenance", title=self.t("s_provenance"), blocks=blocks)

    def contributor(self, who: str) -> str:
        key = f"contributor_{who}"
        return self.t(key) if key in MESSAGES else who

    def _tables_with_marks(self) -> list[Table]:
        return [
            table
            for table in self.tables_so_far
            if any(cell.illustrative for row in table.rows for cell in row)
        ]

    def build(self, snapshot: Snapshot) -> Document:
        data = self.data
        sections = [
            self.summary(),
            self.profile(),
            self.techmap(),
            self.commercialisation(),
            self.partnership(),
            self.partner_selection(),
            self.brokers(),
            self.changed(),
        ]
        self.tables_so_far = [block.table for section in sections for block in section.blocks if block.table]
        sections.append(self.provenance())
        filters = data.request.filters()
        scope = ", ".join(self.t(f"filter_{name}", value=value) for name, value in filters.items()) or self.t(
            "filters_all"
        )
        meta = [
            (self.t("graph_version"), str(data.graph_version)),
            (self.t("generated_at"), data.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
            (self.t("filters"), scope),
        ]
        return Document(
            lang=self.lang,
            title=self.t("title"),
            subtitle=self.t("subtitle"),
            meta=meta,
            legend=self.t("illustrative_legend"),
            sections=sections,
            snapshot=snapshot,
        )


def build_document(data: ReportData, snapshot: Snapshot, changes: Changes | None = None) -> Document:
    """The report in the request's language.

    Parameters
    ----------
    data
        The assembled report data.
    snapshot
        This report's snapshot (carried by the formats that can hold it).
    changes
        What changed since a baseline report, if one was given.

    Returns
    -------
    Document
        Sections in the issue's order, every table with its illustrative marks. Cost: O(rows) plus
        rendering the charts (about a second each).
    """
    return _Writer(data, data.request.lang, changes).build(snapshot)
