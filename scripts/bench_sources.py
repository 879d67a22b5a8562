"""Benchmark: load throughput of the OpenAlex connector from snapshot files (entities/s).

Generates a synthetic OpenAlex snapshot (gzipped JSON Lines in the snapshot's own layout, seeded, in a
temporary folder that is deleted afterwards: it is never checked in) with ``--entities`` records
(topics, institutions, authors), then times ``gxgraph sources openalex --snapshot`` in its two
steps, reading and selecting the records (``read_snapshot``) and mapping, resolving and importing them
(``load_records``), into an empty embedded FalkorDB (and a Neo4j when ``--neo4j-uri`` is given). A
second load of the same files times the idempotent re-run. Prints what it measured; nothing is asserted.

    .venv/bin/python scripts/bench_sources.py --entities 100000
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from gxgraph.sources.openalex_run import Scope, load_records, read_snapshot
from gxgraph.store.base import GraphStore
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore

U = "https://openalex.org/"
COUNTRIES = ["JP", "US", "CN", "DE", "GB", "KR", "IN", "BR", "FR", "KE", "SG", "IL", "CA", "ZA", "VN"]
TYPES = ["education"] * 6 + ["facility", "government", "healthcare", "company", "nonprofit"]


def _word(rng: random.Random) -> str:
    # Random words, so names are as distinct as real ones mostly are (numbered names would all be
    # near-matches of each other and go to the review list).
    return "".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(3)).capitalize()


def _write(folder: Path, entity: str, records: list[dict[str, Any]]) -> None:
    target = folder / "data" / entity / "updated_date=2024-11-25"
    target.mkdir(parents=True, exist_ok=True)
    for part, start in enumerate(range(0, len(records), 20_000)):
        with gzip.open(target / f"part_{part:03d}.gz", "wt", encoding="utf-8") as out:
            for record in records[start : start + 20_000]:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def generate(folder: Path, entities: int, seed: int) -> dict[str, int]:
    """A snapshot of ``entities`` records: 1 % topics, 20 % institutions, the rest authors."""
    rng = random.Random(seed)
    n_topics = max(10, entities // 100)
    n_institutions = entities // 5
    n_authors = entities - n_topics - n_institutions
    topics = []
    for t in range(n_topics):
        field_number, sub = 10 + t % 26, 1000 + t % 250
        topics.append(
            {
                "id": f"{U}T{20000 + t}",
                "display_name": f"Synthetic topic {t}",
                "subfield": {"id": f"{U}subfields/{sub}", "display_name": f"Subfield {sub}"},
                "field": {"id": f"{U}fields/{field_number}", "display_name": f"Field {field_number}"},
                "domain": {"id": f"{U}domains/{1 + t % 4}", "display_name": f"Domain {1 + t % 4}"},
                "works_count": rng.randint(1000, 90000),
            }
        )

    def topic_refs(count: int, scale: int) -> list[dict[str, Any]]:
        picked = rng.sample(topics, count)
        return [
            {
                **{k: t[k] for k in ("id", "display_name", "subfield", "field", "domain")},
                "count": rng.randint(1, scale),
            }
            for t in picked
        ]

    institutions = []
    for i in range(n_institutions):
        country = rng.choice(COUNTRIES)
        institutions.append(
            {
                "id": f"{U}I{8000000000 + i}",
                "ror": f"https://ror.org/0s{i:07d}",
                "display_name": f"{_word(rng)} {_word(rng)} Institute",
                "country_code": country,
                "type": rng.choice(TYPES),
                "geo": {"country_code": country, "country": country},
                "international": {"display_name": {}},
                "topics": topic_refs(4, 3000),
                "works_count": rng.randint(100, 50000),
            }
        )
    authors = []
    for a in range(n_authors):
        home = institutions[rng.randrange(n_institutions)]
        authors.append(
            {
                "id": f"{U}A{7000000000 + a}",
                "orcid": None,
                "display_name": f"Synthetic Author {a}",
                "works_count": rng.randint(1, 400),
                "last_known_institutions": [
                    {
                        "id": home["id"],
                        "display_name": home["display_name"],
                        "country_code": home["country_code"],
                    }
                ],
                "topics": topic_refs(2, 60),
            }
        )
    _write(folder, "topics", topics)
    _write(folder, "institutions", institutions)
    _write(folder, "authors", authors)
    return {"topics": n_topics, "institutions": n_institutions, "authors": n_authors}


def bench(store: GraphStore, folder: Path, entities: int) -> None:
    scope = Scope(countries=COUNTRIES, experts=200)
    store.clear()
    store.forget_review_items()
    start = time.perf_counter()
    records = read_snapshot(folder, scope)
    read = time.perf_counter() - start
    count = len(records.topics) + len(records.institutions) + len(records.authors)
    start = time.perf_counter()
    report = load_records(store, records, scope)
    loaded = time.perf_counter() - start
    imported = report.imported
    assert imported is not None
    print(f"  read + select {count:,} records from snapshot files: {read:.1f} s")
    print(f"  resolution: {report.resolution}; held for review: {len(report.held_for_review):,}")
    print(
        f"  map + resolve + import: {loaded:.1f} s ({imported.nodes_created:,} nodes, "
        f"{imported.relationships_created:,} relationships created)"
    )
    print(f"  throughput: {count / (read + loaded):,.0f} entities/s end to end ({entities:,} entities)")
    start = time.perf_counter()
    again = load_records(store, read_snapshot(folder, scope), scope)
    rerun = time.perf_counter() - start
    assert again.imported is not None
    print(
        f"  re-run (idempotent): {rerun:.1f} s, {again.imported.nodes_unchanged:,} nodes and "
        f"{again.imported.relationships_unchanged:,} relationships unchanged, "
        f"{again.imported.nodes_updated + again.imported.relationships_updated} updated"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--neo4j-uri", default=None, help="also load into this Neo4j (it is cleared)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gx-openalex-snapshot-"))
    try:
        start = time.perf_counter()
        sizes = generate(work / "snapshot", args.entities, args.seed)
        size = sum(p.stat().st_size for p in (work / "snapshot").rglob("*.gz"))
        print(
            f"snapshot: {sizes} = {sum(sizes.values()):,} entities, {size / 1e6:.1f} MB gzipped, "
            f"generated in {time.perf_counter() - start:.1f} s"
        )
        server = EmbeddedFalkorDB(work / "falkordb")
        server.ensure_running()
        falkordb = FalkorDBStore(server.socket, "bench")
        falkordb.ensure_schema()
        print("falkordb (embedded):")
        try:
            bench(falkordb, work / "snapshot", sum(sizes.values()))
        finally:
            falkordb.close()
            server.stop(only_if_idle=False)
        if args.neo4j_uri:
            neo4j = Neo4jStore(args.neo4j_uri, "neo4j", "", "neo4j")
            neo4j.ensure_schema()
            print(f"neo4j ({args.neo4j_uri}):")
            try:
                bench(neo4j, work / "snapshot", sum(sizes.values()))
            finally:
                neo4j.clear()
                neo4j.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
