"""The synthetic graph generator: determinism, size, validity against the schema and realism."""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from gxgraph.domain.kinds import NodeKind, PartnershipStatus, RelType
from gxgraph.domain.nodes import Node
from gxgraph.domain.relationships import Relationship
from gxgraph.domain.schema import REL_ENDPOINTS
from gxgraph.seeding.synthetic import (
    MIN_NODES,
    SyntheticConfig,
    generate,
    plan_counts,
    write_jsonl,
)
from gxgraph.seeding.vocabulary import COUNTRIES

Row = dict[str, Any]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return list(generate(SyntheticConfig(nodes=10_000, seed=42)))


@pytest.fixture(scope="module")
def nodes(rows: list[Row]) -> dict[str, Row]:
    return {row["id"]: row for row in rows if "kind" in row}


@pytest.fixture(scope="module")
def rels(rows: list[Row]) -> list[Row]:
    return [row for row in rows if "type" in row]


def _of_type(rels: list[Row], rel: RelType) -> list[Row]:
    return [row for row in rels if row["type"] == rel.value]


def test_same_config_gives_identical_rows() -> None:
    config = SyntheticConfig(nodes=2_000, seed=7)
    assert list(generate(config)) == list(generate(config))


def test_a_different_seed_gives_a_different_graph() -> None:
    first = list(generate(SyntheticConfig(nodes=2_000, seed=1)))
    second = list(generate(SyntheticConfig(nodes=2_000, seed=2)))
    assert first != second
    assert first[0]["source"] == "synthetic:seed=1"
    assert second[0]["source"] == "synthetic:seed=2"


def test_write_jsonl_is_byte_identical_and_counts_rows(tmp_path: Path) -> None:
    config = SyntheticConfig(nodes=1_000, seed=3)
    counts = write_jsonl(config, tmp_path / "a.jsonl")
    assert write_jsonl(config, tmp_path / "b.jsonl") == counts
    data = (tmp_path / "a.jsonl").read_bytes()
    assert data == (tmp_path / "b.jsonl").read_bytes()
    lines = data.decode("utf-8").splitlines()
    assert counts == (1_000, len(lines) - 1_000)
    assert "合成" in data.decode("utf-8")  # Japanese names are written as text, not \u escapes
    assert all(json.loads(line) for line in lines)


def test_generate_streams() -> None:
    stream = generate(SyntheticConfig(nodes=1_000))
    first = next(iter(stream))
    assert first["kind"] == NodeKind.COUNTRY.value


@pytest.mark.parametrize("size", [MIN_NODES, 101, 2_345, 10_000, 1_000_000])
def test_planned_counts_are_exact(size: int) -> None:
    counts = plan_counts(size)
    assert sum(counts.values()) == size
    assert set(counts) == set(NodeKind)
    assert all(count >= 1 for count in counts.values())


@pytest.mark.parametrize("size", [MIN_NODES, 2_345])
def test_generated_node_count_is_exact(size: int) -> None:
    assert sum(1 for row in generate(SyntheticConfig(nodes=size)) if "kind" in row) == size


def test_node_count_and_kind_mix(nodes: dict[str, Row]) -> None:
    assert len(nodes) == 10_000
    kinds = Counter(row["kind"] for row in nodes.values())
    assert kinds[NodeKind.COUNTRY] == len(COUNTRIES)
    assert kinds[NodeKind.MARKET_SEGMENT] == 100
    assert kinds[NodeKind.COMPANY] == pytest.approx(3_000, rel=0.05)
    assert kinds[NodeKind.EXPERT] == pytest.approx(2_000, rel=0.05)
    assert kinds[NodeKind.TECHNOLOGY] == pytest.approx(1_500, rel=0.05)


def test_market_segments_are_capped_to_the_grid_by_year() -> None:
    assert plan_counts(1_000_000)[NodeKind.MARKET_SEGMENT] == 80 * 11


def test_all_nodes_come_before_all_relationships(rows: list[Row]) -> None:
    first_rel = next(i for i, row in enumerate(rows) if "type" in row)
    assert all("kind" in row for row in rows[:first_rel])
    assert all("type" in row for row in rows[first_rel:])


def test_relationship_ratio_meets_the_target(nodes: dict[str, Row], rels: list[Row]) -> None:
    assert len(rels) / len(nodes) == pytest.approx(5.0, rel=0.15)


def test_a_lower_ratio_is_honoured() -> None:
    rows = list(generate(SyntheticConfig(nodes=3_000, rels_per_node=3.0)))
    rels = sum(1 for row in rows if "type" in row)
    assert rels / 3_000 == pytest.approx(3.0, rel=0.15)


def test_every_row_validates_against_the_models(nodes: dict[str, Row], rels: list[Row]) -> None:
    node_adapter, rel_adapter = TypeAdapter(Node), TypeAdapter(Relationship)
    for row in nodes.values():
        node_adapter.validate_python(row)
    for row in rels:
        rel_adapter.validate_python(row)


def test_rows_are_marked_synthetic(rows: list[Row]) -> None:
    assert all(row["illustrative"] is True and row["source"] == "synthetic:seed=42" for row in rows)


def test_endpoints_exist_with_allowed_kinds(nodes: dict[str, Row], rels: list[Row]) -> None:
    for row in rels:
        sources, targets = REL_ENDPOINTS[RelType(row["type"])]
        assert NodeKind(nodes[row["from"]]["kind"]) in sources, row
        assert NodeKind(nodes[row["to"]]["kind"]) in targets, row


def test_no_duplicate_ids_or_relationships(rows: list[Row], rels: list[Row]) -> None:
    ids = [row["id"] for row in rows if "kind" in row]
    assert len(ids) == len(set(ids))
    keys = [(row["from"], row["type"], row["to"]) for row in rels]
    assert len(keys) == len(set(keys))


def test_all_relationship_types_are_present(rels: list[Row]) -> None:
    assert {row["type"] for row in rels} == {rel.value for rel in RelType}


def test_degrees_are_skewed(rels: list[Row]) -> None:
    developers = Counter(row["to"] for row in _of_type(rels, RelType.DEVELOPS))
    assert max(developers.values()) >= 10 * statistics.median(developers.values())
    affiliations = Counter(row["to"] for row in _of_type(rels, RelType.AFFILIATED_WITH))
    assert max(affiliations.values()) >= 10 * statistics.median(affiliations.values())


def test_hub_institutions_score_higher_in_strong_in(nodes: dict[str, Row], rels: list[Row]) -> None:
    developed = Counter(row["from"] for row in _of_type(rels, RelType.DEVELOPS))
    scores: defaultdict[str, list[float]] = defaultdict(list)
    for row in _of_type(rels, RelType.STRONG_IN):
        if nodes[row["from"]]["kind"] == NodeKind.INSTITUTION:
            scores[row["from"]].append(row["score"])
    hubs = [i for i, _ in developed.most_common() if i in scores][:10]
    hub_mean = statistics.mean(s for i in hubs for s in scores[i])
    assert hub_mean > statistics.mean(s for values in scores.values() for s in values) + 0.1


def test_companies_are_located_consistently(nodes: dict[str, Row], rels: list[Row]) -> None:
    located = {row["from"]: row["to"] for row in _of_type(rels, RelType.LOCATED_IN)}
    companies = [row for row in nodes.values() if row["kind"] == NodeKind.COMPANY]
    assert sum(row["is_japanese"] for row in companies) / len(companies) == pytest.approx(0.3, abs=0.03)
    for row in companies:
        assert (row["country"] == "JP") is row["is_japanese"]
        assert nodes[located[row["id"]]]["iso_code"] == row["country"]
    assert nodes["syn-country-jp"]["region"] == "japan"


def test_technologies_match_their_market_segment(nodes: dict[str, Row], rels: list[Row]) -> None:
    segment = {row["from"]: nodes[row["to"]] for row in _of_type(rels, RelType.IN_SEGMENT)}
    technologies = [row for row in nodes.values() if row["kind"] == NodeKind.TECHNOLOGY]
    assert len(segment) == len(technologies)
    for row in technologies:
        assert row["industry"] == segment[row["id"]]["industry"]
        assert row["digital_technology"] == segment[row["id"]]["digital_technology"]


def test_partnerships_join_institutions_and_companies(nodes: dict[str, Row], rels: list[Row]) -> None:
    parties: defaultdict[str, list[Row]] = defaultdict(list)
    for row in _of_type(rels, RelType.PARTY):
        parties[row["from"]].append(nodes[row["to"]])
    deals = [row for row in nodes.values() if row["kind"] == NodeKind.PARTNERSHIP]
    assert len(parties) == len(deals)
    for members in parties.values():
        assert 2 <= len(members) <= 4
        assert {NodeKind.INSTITUTION, NodeKind.COMPANY} <= {NodeKind(m["kind"]) for m in members}
    japanese = sum(any(m.get("is_japanese") for m in members) for members in parties.values())
    assert japanese / len(parties) > 0.4
    active = sum(row["status"] == PartnershipStatus.ACTIVE for row in deals) / len(deals)
    assert active == pytest.approx(0.6, abs=0.06)


def test_some_strong_technologies_are_never_used(nodes: dict[str, Row], rels: list[Row]) -> None:
    used = {row["to"] for row in _of_type(rels, RelType.USES)}
    technologies = [row for row in nodes.values() if row["kind"] == NodeKind.TECHNOLOGY]
    patents = sorted(row["patent_families"] for row in technologies)
    strong = [row for row in technologies if row["patent_families"] >= patents[len(patents) * 3 // 4]]
    gaps = [row for row in strong if row["id"] not in used]
    assert 0.1 * len(strong) < len(gaps) < 0.6 * len(strong)
    assert sum(row["id"] in used for row in technologies) / len(technologies) > 0.7


def test_fields_form_a_forest(rels: list[Row]) -> None:
    parent = {row["from"]: row["to"] for row in _of_type(rels, RelType.SUBFIELD_OF)}
    assert len(parent) == len(_of_type(rels, RelType.SUBFIELD_OF))  # one parent each
    for start in parent:
        seen, node = {start}, start
        while node in parent:
            node = parent[node]
            assert node not in seen
            seen.add(node)


@pytest.mark.parametrize(
    "kwargs",
    [{"nodes": MIN_NODES - 1}, {"rels_per_node": -1.0}, {"japanese_company_share": 1.5}],
)
def test_invalid_configs_are_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must"):
        SyntheticConfig(**kwargs)
