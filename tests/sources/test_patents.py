"""The PatentsView connector: streamed tables, counts, reconciled figures, resolution and review."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from gxgraph.domain.kinds import RelType
from gxgraph.errors import InvalidInput
from gxgraph.services.imports import ImportFormat, import_rows, parse
from gxgraph.sources import review
from gxgraph.sources.openalex_run import Scope, load_records, read_snapshot
from gxgraph.sources.patents import STARTER_MAPPING, load_patents, read_mapping, read_tables
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import Actor
from gxgraph.store.side_records import AuditQuery
from tests.conftest import SAMPLE
from tests.sources.conftest import PATENTSVIEW, SNAPSHOT
from tests.test_packaging import _shipped_by_patterns

SSB, MATERIALS, HYDROGEN = (
    "tech-solid-state-battery",
    "tech-battery-materials",
    "tech-green-hydrogen-electrolysis",
)
TOYOTA_PV = "a1b2c3d4-0000-4000-8000-000000000001"


def test_tables_are_counted_per_assignee_and_technology() -> None:
    counts = read_tables(PATENTSVIEW, read_mapping(STARTER_MAPPING))
    # 11000007 is withdrawn, 11000006 (G06N3/08) is not mapped
    assert {t: sorted(p) for t, p in counts.by_technology.items()} == {
        SSB: ["11000001", "11000002", "11000003"],
        MATERIALS: ["11000001", "11000004", "11000008"],
        HYDROGEN: ["11000005", "11000010"],
    }
    assert sorted(counts.by_assignee[(TOYOTA_PV, SSB)]) == ["11000001", "11000002", "11000003"]
    # the individual assignee of 11000008 is not an organisation
    assert all(info["name"] != "" for info in counts.assignees.values())
    assert len(counts.assignees) == 4
    assert counts.assignees[TOYOTA_PV] == {"name": "TOYOTA MOTOR CORPORATION", "type": "3", "country": "JP"}
    assert counts.citations == {"11000001": 2, "11000003": 1, "11000005": 1}


def test_a_bad_mapping_file_is_refused_with_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text("prefix,tech\nH01M,tech-x\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not usable"):
        read_mapping(bad)


def test_patents_into_an_empty_graph(fresh: GraphStore) -> None:
    report = load_patents(fresh, PATENTSVIEW)
    assert report.resolution == {"new": 4}  # nothing to match in an empty graph
    nodes = {p["id"]: p for p in fresh.iter_nodes()}
    ssb = nodes[SSB]
    # one figure: the distinct US grants behind the DEVELOPS counts, and the citations they receive
    assert ssb["patent_families"] == 3
    assert ssb["patent_citations"] == 3
    assert ssb["source"].startswith("PatentsView patent_families = US grants")
    toyota = next(p for p in nodes.values() if p.get("name_en") == "TOYOTA MOTOR CORPORATION")
    assert toyota["kind"] == "company"
    assert toyota["is_japanese"] is True
    assert toyota["external_ids"] == [f"patentsview:{TOYOTA_PV}"]
    develops = fresh.fetch_relationships(RelType.DEVELOPS, [(toyota["id"], SSB), (toyota["id"], MATERIALS)])
    assert develops[(toyota["id"], SSB)]["patents"] == 3
    assert develops[(toyota["id"], MATERIALS)]["patents"] == 1
    utokyo = next(p for p in nodes.values() if p.get("name_en") == "THE UNIVERSITY OF TOKYO")
    assert utokyo["kind"] == "institution"
    assert utokyo["institution_type"] == "university"
    again = load_patents(fresh, PATENTSVIEW)
    assert again.imported is not None
    assert again.imported.nodes_created == again.imported.nodes_updated == 0
    assert again.imported.relationships_created == again.imported.relationships_updated == 0


def test_patents_after_openalex_merge_by_name_and_review_decisions_persist(fresh: GraphStore) -> None:
    scope = Scope(fields=["subfields/2208"], top=3, japanese_companies=True, experts=0)
    load_records(fresh, read_snapshot(SNAPSHOT, scope), scope)
    report = load_patents(fresh, PATENTSVIEW)
    # Toyota, Panasonic and the University of Tokyo match OpenAlex's nodes by normalised name
    assert report.resolution == {"held_for_review": 1, "normalised_name": 3}
    toyota = fresh.fetch_nodes(["co-openalex-i9000000004"])["co-openalex-i9000000004"]
    assert toyota["external_ids"] == ["openalex:I9000000004", f"patentsview:{TOYOTA_PV}"]
    assert toyota["name_en"] == "Toyota Motor Corporation (Japan)"  # the first source's values stay
    develops = fresh.fetch_relationships(RelType.DEVELOPS, [("co-openalex-i9000000004", SSB)])
    assert develops[("co-openalex-i9000000004", SSB)]["patents"] == 3
    pending = review.list_items(fresh, review.ReviewStatus.PENDING)
    assert [(p.incoming_name, p.candidate_id) for p in pending] == [
        ("TSINGHUA UNIVERSTY", "inst-openalex-i9000000002")
    ]
    assert report.held_for_review == ["patentsview:a1b2c3d4-0000-4000-8000-000000000005"]
    before = fresh.fetch_relationships(RelType.DEVELOPS, [("inst-openalex-i9000000002", HYDROGEN)])
    assert before == {}
    # the secretariat accepts: the next run merges the assignee into Tsinghua, and remembers it
    review.decide(
        fresh, pending[0].review_id, review.ReviewStatus.ACCEPTED, Actor("test-admin", "test admin")
    )
    after = load_patents(fresh, PATENTSVIEW)
    # the three merged by name before are now found by their patentsview ids
    assert after.resolution == {"accepted_review": 1, "strong_id": 3}
    assert after.review_pending == 0
    merged = fresh.fetch_relationships(RelType.DEVELOPS, [("inst-openalex-i9000000002", HYDROGEN)])
    assert merged[("inst-openalex-i9000000002", HYDROGEN)]["patents"] == 1
    tsinghua = fresh.fetch_nodes(["inst-openalex-i9000000002"])["inst-openalex-i9000000002"]
    assert "patentsview:a1b2c3d4-0000-4000-8000-000000000005" in tsinghua["external_ids"]
    third = load_patents(fresh, PATENTSVIEW)
    assert third.resolution == {"strong_id": 4}
    assert third.imported is not None
    assert third.imported.relationships_updated == 0


def test_a_rejection_makes_the_assignee_its_own_node(fresh: GraphStore) -> None:
    scope = Scope(fields=["subfields/2208"], top=3, experts=0)
    load_records(fresh, read_snapshot(SNAPSHOT, scope), scope)
    load_patents(fresh, PATENTSVIEW)
    (pair,) = review.list_items(fresh, review.ReviewStatus.PENDING)
    admin = Actor(uuid.uuid4().hex[:12], "test admin")  # the Neo4j test database outlives a session
    review.decide(fresh, pair.review_id, review.ReviewStatus.REJECTED, admin)
    report = load_patents(fresh, PATENTSVIEW)
    assert report.resolution["new"] >= 1
    assert report.held_for_review == []
    node = fresh.fetch_nodes(["inst-patentsview-a1b2c3d4-0000-4000-8000-000000000005"])
    assert node["inst-patentsview-a1b2c3d4-0000-4000-8000-000000000005"]["name_en"] == "TSINGHUA UNIVERSTY"
    decided = review.list_items(fresh, review.ReviewStatus.REJECTED)[0].decided_by
    assert decided == f"test admin ({admin.key_id})"
    [decision] = fresh.audit_entries(AuditQuery(actor=admin.key_id))
    assert (decision["actor_name"], decision["graph_write"]) == ("test admin", False)


def test_on_the_sample_the_connector_replaces_figures_but_keeps_curated_values(fresh: GraphStore) -> None:
    import_rows(fresh, parse(SAMPLE.read_text(encoding="utf-8"), ImportFormat.JSONL))
    before = fresh.fetch_nodes([SSB])[SSB]
    load_patents(fresh, PATENTSVIEW)
    after = fresh.fetch_nodes([SSB])[SSB]
    assert after["patent_families"] == 3
    assert after["patent_citations"] == 3
    assert after["name_en"] == before["name_en"]
    assert after["trl"] == before["trl"]
    assert after["source"].startswith(before["source"] + "; PatentsView patent_families")
    load_patents(fresh, PATENTSVIEW)  # the note is replaced, not appended again
    assert fresh.fetch_nodes([SSB])[SSB]["source"] == after["source"]


def test_the_starter_mapping_ships_and_names_the_sample_technologies() -> None:
    assert Path("sources/data/cpc_technologies.csv") in _shipped_by_patterns()
    sample = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    technologies = {row["id"]: row for row in sample if row.get("kind") == "technology"}
    rules = read_mapping(STARTER_MAPPING)
    assert len({rule.technology_id for rule in rules}) == 19
    for rule in rules:
        assert rule.technology_id in technologies, rule
        assert (rule.name_en, rule.domain) == (
            technologies[rule.technology_id]["name_en"],
            technologies[rule.technology_id]["domain"],
        ), rule
