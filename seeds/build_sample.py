"""Build ``seeds/sample.jsonl``, the curated bilingual sample ecosystem, from the tables in ``seeds/data/``.

Run ``python seeds/build_sample.py`` to rewrite the file, or ``--check`` to fail when it is stale
(``--data`` and ``--out`` read and write elsewhere). ``seeds/data/README.md`` describes the tables, the
honesty rules and the deliberate patterns of the sample. Every row is validated before anything is
written: through the domain's pydantic models, the schema's endpoint kinds, unique ids and the source
rules of ``seeds/data/sources.yaml``. Each problem is printed with its file and line, and the exit
status is then 1. The output is sorted and has no timestamps: the same tables always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from gxgraph.domain.kinds import Contributor, NodeKind, RelType
from gxgraph.domain.nodes import MarketSegment, NodeBase, Technology
from gxgraph.domain.relationships import Develops, RelationshipBase, StrongIn
from gxgraph.domain.schema import NODE_MODELS, REL_MODELS, endpoint_problems

Row = dict[str, Any]
Table = TypeVar("Table", NodeKind, RelType)
DATA = Path(__file__).with_name("data")
OUT = Path(__file__).with_name("sample.jsonl")
PROVENANCE = ("source", "contributed_by", "confidence", "illustrative")
CITATION = re.compile(r"p\.(\d+): (.+)", re.DOTALL)
WORDING = re.compile(r"\(score: '(\w+)' on the fixed wording scale\)")
# Technologies and map cells are real things with invented figures; any other invented node is itself
# invented, and its names say so.
PLAINLY_NAMED = frozenset({NodeKind.TECHNOLOGY, NodeKind.MARKET_SEGMENT})

# Deliberate patterns that tests pin (seeds/data/README.md): technologies with a commercialisation gap
# (>= 150 patents from Japanese developers, deployed abroad but by no Japanese company), and the
# commercialised technologies they are contrasted with.
# fmt: off
GAP_TECHS = ("tech-perovskite-pv", "tech-solid-state-battery", "tech-green-hydrogen-electrolysis",
             "tech-battery-materials", "tech-ai-materials-discovery", "tech-factory-digital-twin")
COMMERCIALISED_TECHS = ("tech-fuel-cell-vehicles", "tech-heat-pumps", "tech-carbon-fibre",
                        "tech-sic-power-semiconductors", "tech-collaborative-robots")
# fmt: on


class SourceBook(BaseModel):
    """``sources.yaml``: the named sources, and the provenance a row derives from its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    report: str
    names: dict[str, str]
    illustrative_confidence: float
    sourced_confidence: float
    illustrative_contributors: dict[Contributor, list[NodeKind | RelType]]
    wording_scale: dict[str, float]

    def text(self, item: Row) -> str:
        """The full source text of a row or indicator; ``ValueError`` when it has none or an unknown one."""
        if {"illustrative", "contributed_by"} & item.keys():
            raise ValueError("illustrative and contributed_by follow from the source: remove them")
        cell = item.get("source")
        if not isinstance(cell, str) or not cell.strip():
            raise ValueError("no source: every row says where its facts come from (see sources.yaml)")
        if cell in self.names:
            return self.names[cell]
        if citation := CITATION.fullmatch(cell):
            return f"{self.report}, p.{citation[1]}: {citation[2]}"
        if " " not in cell or not cell.startswith(("illustrative:", self.report, *self.names.values())):
            raise ValueError(f"unknown source {cell!r}: not a name, a 'p.<page>: ...' or a known text")
        return cell

    def stamp(self, table: NodeKind | RelType, row: Row) -> Row:
        """The row with its full provenance, and its indicators' (a country's) with theirs."""
        source = self.text(row)
        illustrative = source.startswith("illustrative:")
        contributors = [who for who, tables in self.illustrative_contributors.items() if table in tables]
        confidence = self.illustrative_confidence if illustrative else self.sourced_confidence
        stamped = row | {
            "source": source,
            "contributed_by": contributors[0] if illustrative and contributors else Contributor.SECRETARIAT,
            "confidence": row.get("confidence", confidence),
            "illustrative": illustrative,
        }
        if isinstance(row.get("indicators"), list):
            stamped["indicators"] = [self._indicator(n, item) for n, item in enumerate(row["indicators"], 1)]
        return stamped

    def _indicator(self, number: int, item: Any) -> Any:
        if not isinstance(item, dict):
            return item  # the model reports it
        try:
            text = self.text(item)
        except ValueError as exc:
            raise ValueError(f"indicator {number}: {exc}") from exc
        return item | {"source": text, "illustrative": text.startswith("illustrative:")}


def read_rows(path: Path) -> Iterator[tuple[int, Row]]:
    """Each row of a CSV table or a YAML list, with the line it starts on; empty CSV cells are left out."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            reader, line = csv.DictReader(handle, restkey="(cells beyond the header)"), 2
            for record in reader:
                yield line, {key: value for key, value in record.items() if value not in ("", None)}
                line = reader.line_num + 1
        return
    with path.open(encoding="utf-8") as handle:
        loader = yaml.SafeLoader(handle)  # reading the file itself lets YAML errors name it
        document = loader.get_single_node()
        if not isinstance(document, yaml.SequenceNode):
            raise ValueError("expected a YAML list of rows")
        for item in document.value:
            row = loader.construct_object(item, deep=True)
            if not isinstance(row, dict):
                raise ValueError(f"line {item.start_mark.line + 1}: a row maps field names to values")
            yield item.start_mark.line + 1, row


def _tables(folder: Path, names: type[Table], problems: list[str]) -> Iterator[tuple[Table, str, Row]]:
    """Each row of the tables in ``folder``, named after the node kind or relationship type they hold."""
    known = {member.value.lower(): member for member in names}
    what = "node kind" if names is NodeKind else "relationship type"
    paths = sorted(path for path in folder.glob("*") if path.is_file())
    if not paths:
        problems.append(f"{folder}: no tables")
    for path in paths:
        if path.suffix not in (".yaml", ".csv") or path.stem not in known:
            names_it = f"name it after a {what} ({', '.join(sorted(known))}), with .yaml or .csv"
            problems.append(f"{path}: unknown {what} {path.stem!r} or not a table: {names_it}")
            continue
        try:
            for line, row in read_rows(path):
                yield known[path.stem], f"{path}:{line}", row
        except (OSError, ValueError, yaml.YAMLError, csv.Error) as exc:  # YAML errors name their line
            problems.append(f"{path}: {exc}")


def _messages(label: str, exc: ValueError) -> list[str]:
    if isinstance(exc, ValidationError):
        return [f"{label}: {'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors()]
    return [f"{label}: {exc}"]


def _dump(model: BaseModel, first: tuple[str, ...]) -> Row:
    """The model as JSON: identifying keys first, then its own fields, then provenance."""
    data: Row = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    middle = {k: v for k, v in data.items() if k not in first and k not in PROVENANCE}
    return {k: data[k] for k in first if k in data} | middle | {k: data[k] for k in PROVENANCE}


def build(data: Path) -> tuple[list[Row], list[Row], list[str]]:
    """Read and validate a data directory: its sorted nodes and relationships, and every problem found."""
    try:
        book = SourceBook.model_validate(yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        return [], [], [f"{data / 'sources.yaml'}: {exc}"]
    problems: list[str] = []
    nodes: dict[str, tuple[str, NodeKind, NodeBase]] = {}
    for kind, where, row in _tables(data / "nodes", NodeKind, problems):
        label = f"{where} ({row.get('id', 'no id')})"
        try:
            node = NODE_MODELS[kind].model_validate({"kind": kind.value} | book.stamp(kind, row))
        except ValueError as exc:  # pydantic's ValidationError is one
            problems += _messages(label, exc)
            continue
        if node.id in nodes:
            problems.append(f"{label}: duplicate node id {node.id!r}, first at {nodes[node.id][0]}")
            continue
        nodes[node.id] = (where, kind, node)
        named_as_sample = node.name_en.endswith(" (sample)") and (node.name_ja or "").endswith("（サンプル）")
        if node.illustrative and kind not in PLAINLY_NAMED and not named_as_sample:
            problems.append(f"{label}: invented, so its names end in ' (sample)' and '（サンプル）'")

    kinds = {node_id: kind for node_id, (_, kind, _) in nodes.items()}
    rels: dict[tuple[str, RelType, str], tuple[str, RelationshipBase]] = {}
    for rel_type, where, row in _tables(data / "relationships", RelType, problems):
        label = f"{where} ({row.get('from')} -> {row.get('to')})"
        try:
            rel = REL_MODELS[rel_type].model_validate({"type": rel_type.value} | book.stamp(rel_type, row))
        except ValueError as exc:
            problems += _messages(label, exc)
            continue
        key = (rel.source_id, rel_type, rel.target_id)
        if key in rels:
            problems.append(f"{label}: duplicate {rel_type} relationship, first at {rels[key][0]}")
            continue
        rels[key] = (where, rel)
        for end in endpoint_problems(rel_type, rel.source_id, rel.target_id, kinds):
            problems.append(f"{label}: {end.end}: {end.message}")
        if isinstance(rel, StrongIn) and (wording := WORDING.search(rel.source)):
            scale = book.wording_scale.get(wording[1])
            if scale != rel.score:
                problems.append(f"{label}: score {rel.score}, but its source says '{wording[1]}' ({scale})")
    problems += _check_technologies(nodes, rels)

    node_rows = [_dump(node, ("kind", "id", "name_en", "name_ja")) for _, _, node in nodes.values()]
    rel_rows = [_dump(rel, ("type", "from", "to")) for _, rel in rels.values()]
    node_rows.sort(key=lambda row: (row["kind"], row["id"]))
    rel_rows.sort(key=lambda row: (row["type"], row["from"], row["to"]))
    return node_rows, rel_rows, problems


def _check_technologies(
    nodes: dict[str, tuple[str, NodeKind, NodeBase]],
    rels: dict[tuple[str, RelType, str], tuple[str, RelationshipBase]],
) -> list[str]:
    """Technologies sit on the map's axes, and their totals are those of their DEVELOPS rows."""
    cells = [node for _, _, node in nodes.values() if isinstance(node, MarketSegment)]
    industries, digital = {c.industry for c in cells}, {c.digital_technology for c in cells} | {None}
    totals: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for _, rel in rels.values():
        if isinstance(rel, Develops):
            totals[rel.target_id].update(patent_families=rel.patents or 0, publications=rel.publications or 0)
    problems = []
    for where, _, tech in nodes.values():
        if not isinstance(tech, Technology):
            continue
        if tech.industry not in industries or tech.digital_technology not in digital:
            problems.append(f"{where} ({tech.id}): industry or digital_technology is not an axis of the map")
        for field in ("patent_families", "publications"):
            stated, total = getattr(tech, field) or 0, totals[tech.id][field]
            if stated != total:
                problems.append(
                    f"{where} ({tech.id}): {field} is {stated}, its DEVELOPS rows add up to {total}"
                )
    return problems


def render(nodes: list[Row], rels: list[Row]) -> str:
    """The JSON Lines text of the sample: nodes, then relationships."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [*nodes, *rels])


def main(argv: list[str] | None = None) -> int:
    """Build, validate and write (or ``--check``) the sample; 0 when it is valid (and current), else 1."""
    parser = argparse.ArgumentParser(description="Build seeds/sample.jsonl from the tables in seeds/data.")
    parser.add_argument("--check", action="store_true", help="fail if the file differs from a fresh build")
    parser.add_argument("--data", type=Path, default=DATA, help="the data directory (default: seeds/data)")
    parser.add_argument("--out", type=Path, default=OUT, help="the output (default: seeds/sample.jsonl)")
    args = parser.parse_args(argv)
    nodes, rels, problems = build(args.data)
    if problems:
        heading = f"{len(problems)} problem(s) in {args.data}, nothing written:"
        print("\n  ".join([heading, *problems]), file=sys.stderr)
        return 1
    text = render(nodes, rels)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is stale: run python seeds/build_sample.py", file=sys.stderr)
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(nodes)} nodes, {len(rels)} relationships, all valid")
    for title, key, rows in (("nodes", "kind", nodes), ("relationships", "type", rels)):
        counts = Counter(row[key] for row in rows)
        print(f"{title}: " + ", ".join(f"{name} {n}" for name, n in sorted(counts.items())))
    illustrative = sum(row["illustrative"] for row in [*nodes, *rels])
    print(f"illustrative rows {illustrative}, sourced rows {len(nodes) + len(rels) - illustrative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
