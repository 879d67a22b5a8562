"""The OpenAlex mapping end to end into both stores, from the mock API and from snapshot files."""

from __future__ import annotations

from pathlib import Path

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.sources.load import _all_of
from gxgraph.sources.openalex import OpenAlexClient
from gxgraph.sources.openalex_run import Records, Scope, fetch_api, load_records, read_snapshot
from gxgraph.store.base import GraphStore
from tests.sources.conftest import SNAPSHOT, MockOpenAlex

SCOPE = Scope(fields=["subfields/2208"], top=3, japanese_companies=True, experts=2)
SUBFIELD = "field-openalex-subfield-2208"


def api_records(tmp_path: Path) -> Records:
    mock = MockOpenAlex()
    with OpenAlexClient(mailto="t@example.org", transport=mock.transport(), sleep=lambda _: None) as client:
        records = fetch_api(client, SCOPE, tmp_path)
    records.retrieved = "2024-11-26"
    return records


def test_api_load_maps_institutions_fields_scores_and_experts(fresh: GraphStore, tmp_path: Path) -> None:
    report = load_records(fresh, api_records(tmp_path), SCOPE)
    assert report.imported is not None
    assert report.imported.nodes_created > 0
    assert report.resolution == {"new": 5}
    nodes = {props["id"]: props for props in fresh.iter_nodes()}
    mit = nodes["inst-openalex-i9000000001"]
    assert mit["institution_type"] == "university"
    assert mit["country"] == "US"
    assert mit["region"] == "north_america"
    assert mit["external_ids"] == ["openalex:I9000000001", "ror:042nb2s44"]
    assert mit["source"] == "OpenAlex https://openalex.org/I9000000001 (retrieved 2024-11-26; CC0)"
    assert mit["contributed_by"] == "academia"
    assert mit["illustrative"] is False
    toyota = nodes["co-openalex-i9000000004"]
    assert toyota["kind"] == "company"
    assert toyota["is_japanese"] is True
    assert toyota["name_ja"] == "トヨタ自動車"
    assert nodes["inst-openalex-i9000000003"]["name_ja"] == "東京大学"
    # the hierarchy: topic -> subfield -> field -> domain
    subfield_of = fresh.fetch_relationships(
        RelType.SUBFIELD_OF,
        [
            ("field-openalex-t10791", SUBFIELD),
            (SUBFIELD, "field-openalex-field-22"),
            ("field-openalex-field-22", "field-openalex-domain-3"),
        ],
    )
    assert len(subfield_of) == 3
    # STRONG_IN: the group_by counts, the leader (Tsinghua, 2650) and the damping (K = 50)
    strong = fresh.fetch_relationships(
        RelType.STRONG_IN,
        [(f"inst-openalex-i900000000{n}", SUBFIELD) for n in (1, 2, 3)],
    )
    scores = {source: props["score"] for (source, _), props in strong.items()}
    assert scores == {
        "inst-openalex-i9000000002": round(2650 / 2700, 3),
        "inst-openalex-i9000000001": round(2420 / 2650 * 2420 / 2470, 3),
        "inst-openalex-i9000000003": round(1830 / 2650 * 1830 / 1880, 3),
    }
    assert "field leader 2650" in strong[("inst-openalex-i9000000001", SUBFIELD)]["source"]
    # experts: the top 2 authors by works per institution
    wei = nodes["expert-openalex-a9000000011"]
    assert wei["country"] == "CN"
    assert "orcid:0000-0000-0000-0011" in wei["external_ids"]
    affiliated = fresh.fetch_relationships(
        RelType.AFFILIATED_WITH, [("expert-openalex-a9000000011", "inst-openalex-i9000000002")]
    )
    assert affiliated
    expert_in = fresh.fetch_relationships(
        RelType.EXPERT_IN, [("expert-openalex-a9000000011", "field-openalex-t10791")]
    )
    assert expert_in[("expert-openalex-a9000000011", "field-openalex-t10791")]["level"] == round(60 / 70, 3)
    located = fresh.fetch_relationships(RelType.LOCATED_IN, [("co-openalex-i9000000004", "country-jp")])
    assert located
    assert nodes["country-jp"]["iso_code"] == "JP"


def test_a_rerun_changes_nothing_and_a_new_retrieval_updates_in_place(
    fresh: GraphStore, tmp_path: Path
) -> None:
    records = api_records(tmp_path)
    first = load_records(fresh, records, SCOPE)
    version = fresh.graph_version()
    second = load_records(fresh, records, SCOPE)
    assert second.imported is not None
    assert first.imported is not None
    assert second.imported.nodes_created == second.imported.nodes_updated == 0
    assert second.imported.relationships_created == second.imported.relationships_updated == 0
    # the countries it created (US, CN, JP) are not rewritten once they exist
    assert second.imported.nodes_unchanged == first.imported.nodes_created - 3
    assert second.resolution == {"strong_id": 5}
    assert fresh.graph_version() == version
    records.retrieved = "2024-12-01"
    third = load_records(fresh, records, SCOPE)
    assert third.imported is not None
    assert third.imported.nodes_created == 0
    assert third.imported.nodes_updated == first.imported.nodes_created - 3
    assert third.imported.relationships_updated == first.imported.relationships_created


def test_snapshot_files_load_the_same_scope_without_any_request(fresh: GraphStore) -> None:
    records = read_snapshot(SNAPSHOT, SCOPE)
    assert records.retrieved == "2024-11-25"
    # top 3 by the topics' counts in the subfield (no group_by in a snapshot), plus the companies
    assert sorted(r["display_name"] for r in records.institutions) == [
        "Massachusetts Institute of Technology",
        "Panasonic (Japan)",
        "The University of Tokyo",
        "Toyota Motor Corporation (Japan)",
        "Tsinghua University",
    ]
    report = load_records(fresh, records, SCOPE)
    assert report.imported is not None
    assert report.imported.nodes_created > 0
    strong = fresh.fetch_relationships(RelType.STRONG_IN, [("inst-openalex-i9000000002", SUBFIELD)])
    # topics' counts: Tsinghua 1500 + 1100 = 2600 leads
    assert strong[("inst-openalex-i9000000002", SUBFIELD)]["score"] == round(2600 / 2650, 3)


def test_snapshot_scope_by_country_and_global_south(fresh: GraphStore) -> None:
    records = read_snapshot(SNAPSHOT, Scope(countries=["JP"], global_south=True, experts=0))
    assert sorted(r["display_name"] for r in records.institutions) == [
        "Panasonic (Japan)",
        "The University of Tokyo",
        "Toyota Motor Corporation (Japan)",
        "University of Nairobi",
    ]
    assert records.authors == []
    assert len(records.topics) == 4
    load_records(fresh, records, Scope(countries=["JP"], global_south=True, experts=0))
    nairobi = fresh.fetch_nodes(["inst-openalex-i9000000006"])["inst-openalex-i9000000006"]
    assert nairobi["region"] == "global_south"


def test_a_run_reads_the_organisations_page_by_page(fresh: GraphStore, tmp_path: Path) -> None:
    load_records(fresh, api_records(tmp_path), SCOPE)
    ids = [row["id"] for row in _all_of(fresh, NodeKind.INSTITUTION, page=2)]
    assert ids == ["inst-openalex-i9000000001", "inst-openalex-i9000000002", "inst-openalex-i9000000003"]
