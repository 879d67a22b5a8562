"""Who knows what, and who knows who knows.

:func:`who_knows` ranks institutions, experts and companies on a topic given as field and/or
technology ids (the service resolves free text to ids first). The *topic* is the target fields with
their subfields (``SUBFIELD_OF``), the target technologies, the technologies those fields ``COVERS``,
and the fields that cover a target technology. Each candidate gets components in [0, 1]:

* ``strength``: the best ``STRONG_IN.score`` on a topic field (institutions);
* ``output``: the sum over ``DEVELOPS`` on topic technologies of ``1 + ln(1 + patents + publications)``,
  divided by the largest such sum among all candidates (organisations);
* ``expertise``: the best ``EXPERT_IN.level`` on a topic field or technology (experts; a missing
  level counts :data:`DEFAULT_LEVEL`);
* ``deployment``: ``1 - 0.5**n`` for ``n`` case studies deployed by the company that use a topic
  technology;
* ``experts``: the best ``expertise`` among the organisation's affiliated experts;
* ``affiliation``: the best *base score* among the expert's affiliations, where an organisation's base
  score is its weighted mean over ``strength``, ``output`` and ``deployment`` only (so nothing is
  circular);
* ``partnerships``: ``1 - 0.5**n`` for ``n`` *active* partnerships the candidate shares with a topic
  institution (one with ``strength`` or ``output``).

``score = sum(w * component) / sum(w)`` over the kind's :data:`WEIGHTS`, so it lies in [0, 1].
Only candidates with direct evidence (``strength``, ``output``, ``expertise``, ``deployment`` or
``experts``) are listed; the evidence paths are the edges behind each component, e.g.
``expert -EXPERT_IN-> field -COVERS-> technology``.

:func:`warm_introduction` finds who knows who knows: the shortest chain from a Japanese company to a
node over relationships between actors, never through classification types
(:data:`~gxgraph.analytics.graph.CLASSIFICATION_TYPES`), and passing only through people,
organisations, partnerships and shared case studies (:data:`INTRODUCERS`): working on the same
technology or field is not an acquaintance. Ties go to the
lexicographically smallest sequence of node ids, which a breadth-first search with sorted
neighbours yields without enumerating paths.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.graph import CLASSIFICATION_TYPES, country_regions, is_japanese
from gxgraph.analytics.rows import EvidencePath, NodeRow, PlacedNodeRow, Scored, Step
from gxgraph.errors import InvalidInput, NotFound

__all__ = [
    "DEFAULT_LEVEL",
    "INTRODUCERS",
    "WEIGHTS",
    "IntroductionPath",
    "Knower",
    "PathNode",
    "actor_bfs",
    "trace",
    "warm_introduction",
    "who_knows",
]

WEIGHTS: dict[str, dict[str, float]] = {
    "institution": {"strength": 0.35, "output": 0.30, "experts": 0.20, "partnerships": 0.15},
    "company": {"output": 0.40, "deployment": 0.30, "experts": 0.15, "partnerships": 0.15},
    "expert": {"expertise": 0.75, "affiliation": 0.25},
}
"""Component weights per candidate kind; each row sums to 1."""

DEFAULT_LEVEL = 0.5
INTRODUCERS = frozenset({"company", "institution", "expert", "investor", "partnership", "case_study"})
"""Kinds an introduction may pass through: people, organisations, partnerships, shared deployments."""
"""``EXPERT_IN.level`` assumed when the relationship carries none."""

_DIRECT = ("strength", "output", "expertise", "deployment", "experts")
_BASE = ("strength", "output", "deployment")
_PATHS_PER_COMPONENT = 2
Parents = dict[str, tuple[str, str, bool] | None]
"""Breadth-first-search tree: node -> (parent, relationship type, stored parent->node?) or None."""


class PathNode(NodeRow):
    """A node on an introduction path."""


class IntroductionPath(BaseModel):
    """A warm-introduction chain; ``steps`` follow the path, each in its stored direction."""

    from_id: str
    to_id: str
    hops: int
    nodes: list[PathNode]
    steps: list[Step]


class Knower(PlacedNodeRow, Scored):
    """A candidate who knows the topic; ``components`` are those of the module docstring."""

    introduction: IntroductionPath | None = Field(
        default=None, description="How the company asked about reaches this knower, when requested."
    )


def _step(src: str, rel: str, dst: str) -> Step:
    return Step(from_id=src, type=rel, to_id=dst)


def _rels_in(graph: nx.MultiDiGraph, node: str, rel: str) -> list[tuple[str, Mapping[str, Any]]]:
    return sorted((src, keys[rel]) for src, keys in graph.pred[node].items() if rel in keys)


def _rels_out(graph: nx.MultiDiGraph, node: str, rel: str) -> list[tuple[str, Mapping[str, Any]]]:
    return sorted((dst, keys[rel]) for dst, keys in graph.succ[node].items() if rel in keys)


Via = dict[str, list[Step]]


def _topic(graph: nx.MultiDiGraph, targets: Iterable[str]) -> tuple[Via, Via]:
    """Topic fields and technologies, each with the steps that tie it to a target (empty for a target)."""
    fields: Via = {}
    techs: Via = {}
    for target in sorted(set(targets)):
        if target not in graph:
            raise NotFound(f"no node {target!r}")
        kind = graph.nodes[target].get("kind")
        if kind not in ("field", "technology"):
            raise InvalidInput(f"{target!r} is a {kind}, not a field or technology")
        (fields if kind == "field" else techs)[target] = []
    family = sorted(fields)
    for parent in family:  # grows while iterating: a breadth-first walk down SUBFIELD_OF
        for child, _ in _rels_in(graph, parent, "SUBFIELD_OF"):
            if child not in fields:
                fields[child] = [_step(child, "SUBFIELD_OF", parent), *fields[parent]]
                family.append(child)
    for tech in sorted(techs):
        for field, _ in _rels_in(graph, tech, "COVERS"):
            fields.setdefault(field, [_step(field, "COVERS", tech)])
    for field in family:
        for tech, _ in _rels_out(graph, field, "COVERS"):
            techs.setdefault(tech, [_step(field, "COVERS", tech), *fields[field]])
    return fields, techs


class _Tally:
    """Component values per node, with the evidence behind each (strongest first)."""

    def __init__(self) -> None:
        self.value: dict[str, dict[str, float]] = defaultdict(dict)
        self.paths: dict[tuple[str, str], list[tuple[float, EvidencePath]]] = defaultdict(list)

    def put(
        self, node: str, comp: str, value: float, note: str, steps: list[Step], *, add: bool = False
    ) -> None:
        old = self.value[node].get(comp, 0.0)
        self.value[node][comp] = old + value if add else max(old, value)
        self.paths[node, comp].append((value, EvidencePath(note=note, steps=steps)))

    def evidence(self, node: str, comp: str) -> list[EvidencePath]:
        ranked = sorted(self.paths[node, comp], key=lambda item: (-item[0], item[1].note))
        return [path for _, path in ranked[:_PATHS_PER_COMPONENT]]

    def best_steps(self, node: str) -> list[Step]:
        comps = [c for c in _DIRECT if self.value[node].get(c)]
        return self.evidence(node, comps[0])[0].steps if comps else []


def _weighted(components: Mapping[str, float], weights: Mapping[str, float], keys: Iterable[str]) -> float:
    used = [k for k in keys if k in weights]
    total = sum(weights[k] for k in used)
    return sum(weights[k] * components.get(k, 0.0) for k in used) / total if total else 0.0


def _tally(graph: nx.MultiDiGraph, fields: Via, techs: Via) -> _Tally:
    """Every component of every candidate, with its evidence."""
    kind_of = graph.nodes
    tally = _Tally()
    for field, via in fields.items():
        for src, attrs in _rels_in(graph, field, "STRONG_IN"):
            if kind_of[src].get("kind") == "institution":
                score = float(attrs.get("score") or 0.0)
                steps = [_step(src, "STRONG_IN", field), *via]
                tally.put(src, "strength", score, f"strong in {field} (score {score:.2f})", steps)
    for node, via in (*fields.items(), *techs.items()):
        for src, attrs in _rels_in(graph, node, "EXPERT_IN"):
            level = DEFAULT_LEVEL if attrs.get("level") is None else float(attrs["level"])
            steps = [_step(src, "EXPERT_IN", node), *via]
            tally.put(src, "expertise", level, f"expert in {node} (level {level:.2f})", steps)
    deployed: dict[str, set[str]] = defaultdict(set)
    for tech, via in techs.items():
        for src, attrs in _rels_in(graph, tech, "DEVELOPS"):
            patents, pubs = attrs.get("patents") or 0, attrs.get("publications") or 0
            steps = [_step(src, "DEVELOPS", tech), *via]
            note = f"develops {tech} ({patents} patents, {pubs} publications)"
            tally.put(src, "output", 1.0 + math.log1p(patents + pubs), note, steps, add=True)
        for case, _ in _rels_in(graph, tech, "USES"):
            for company, _ in _rels_out(graph, case, "DEPLOYED_BY"):
                steps = [_step(case, "DEPLOYED_BY", company), _step(case, "USES", tech), *via]
                tally.put(company, "deployment", 0.0, f"deployed {tech} in {case}", steps)
                deployed[company].add(case)
    top_output = max((v.get("output", 0.0) for v in tally.value.values()), default=0.0)
    for node, values in tally.value.items():
        if "output" in values:
            values["output"] /= top_output
        if node in deployed:
            values["deployment"] = 1.0 - 0.5 ** len(deployed[node])
    _affiliations(graph, tally)
    _partnerships(graph, tally)
    return tally


def _affiliations(graph: nx.MultiDiGraph, tally: _Tally) -> None:
    kind_of = graph.nodes
    experts = sorted(node for node, values in tally.value.items() if "expertise" in values)
    for expert in experts:
        level = tally.value[expert]["expertise"]
        for org, _ in _rels_out(graph, expert, "AFFILIATED_WITH"):
            steps = [_step(expert, "AFFILIATED_WITH", org), *tally.best_steps(expert)]
            tally.put(org, "experts", level, f"employs {expert} (expertise {level:.2f})", steps)
    for expert in experts:
        for org, _ in _rels_out(graph, expert, "AFFILIATED_WITH"):
            weights = WEIGHTS.get(kind_of[org].get("kind"), {})
            base = _weighted(tally.value.get(org, {}), weights, _BASE)
            if base > 0:
                steps = [_step(expert, "AFFILIATED_WITH", org), *tally.best_steps(org)]
                note = f"affiliated with {org} (base score {base:.2f})"
                tally.put(expert, "affiliation", base, note, steps)


def _partnerships(graph: nx.MultiDiGraph, tally: _Tally) -> None:
    kind_of = graph.nodes
    shared: dict[str, set[str]] = defaultdict(set)
    for inst in sorted(n for n, v in tally.value.items() if kind_of[n].get("kind") == "institution"):
        if not (tally.value[inst].get("strength") or tally.value[inst].get("output")):
            continue
        for part, _ in _rels_in(graph, inst, "PARTY"):
            if kind_of[part].get("status") != "active":
                continue
            for party, _ in _rels_out(graph, part, "PARTY"):
                if party != inst and part not in shared[party]:
                    shared[party].add(part)
                    steps = [_step(part, "PARTY", party), _step(part, "PARTY", inst)]
                    tally.put(party, "partnerships", 0.0, f"active partnership {part} with {inst}", steps)
    for party, parts in shared.items():
        tally.value[party]["partnerships"] = 1.0 - 0.5 ** len(parts)


def who_knows(
    graph: nx.MultiDiGraph,
    targets: Sequence[str],
    *,
    kinds: Sequence[str] = ("institution", "expert", "company"),
    limit: int = 20,
    introduce_from: str | None = None,
    max_hops: int = 6,
) -> list[Knower]:
    """Rank who knows a topic (fields and/or technologies), with the evidence for each.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection (:mod:`gxgraph.analytics.graph`).
    targets : sequence of str
        Field and/or technology ids.
    kinds : sequence of str
        Candidate kinds, from ``institution``, ``expert`` and ``company``.
    limit : int
        Rows returned.
    introduce_from : str, optional
        A Japanese company: attach each knower's warm introduction from it (one search for all).
    max_hops : int
        Longest introduction considered.

    Returns
    -------
    list of Knower
        Best first (score, then id). The formula is in the module docstring. Cost: O(edges around the
        topic + candidates log candidates), plus one O(n + m) search with ``introduce_from``.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "field", "id": "cyber"}, {"kind": "technology", "id": "ot-sec"},
    ...     {"kind": "institution", "id": "lab"}, {"kind": "expert", "id": "ana"},
    ...     {"type": "COVERS", "from": "cyber", "to": "ot-sec"},
    ...     {"type": "STRONG_IN", "from": "lab", "to": "cyber", "score": 0.9},
    ...     {"type": "EXPERT_IN", "from": "ana", "to": "cyber", "level": 0.8},
    ...     {"type": "AFFILIATED_WITH", "from": "ana", "to": "lab"},
    ... ])
    >>> [(k.id, round(k.score, 3)) for k in who_knows(g, ["ot-sec"])]
    [('ana', 0.721), ('lab', 0.475)]
    >>> [(s.from_id, s.type, s.to_id) for s in who_knows(g, ["ot-sec"])[1].evidence[0].steps]
    [('lab', 'STRONG_IN', 'cyber'), ('cyber', 'COVERS', 'ot-sec')]
    """
    unknown = sorted(set(kinds) - set(WEIGHTS))
    if unknown:
        raise InvalidInput(f"unsupported kinds {unknown}; use {sorted(WEIGHTS)}")
    tally = _tally(graph, *_topic(graph, targets))
    kind_of = graph.nodes
    regions = country_regions(graph)
    rows: list[Knower] = []
    for node, values in tally.value.items():
        kind = kind_of[node].get("kind")
        if kind not in kinds or not any(values.get(c) for c in _DIRECT):
            continue
        weights = WEIGHTS[kind]
        components = {c: round(values.get(c, 0.0), 6) for c in weights}
        score = round(_weighted(values, weights, weights), 6)
        evidence = [p for c in weights for p in tally.evidence(node, c)]
        rows.append(Knower.of(graph, node, regions, score=score, components=components, evidence=evidence))
    rows.sort(key=lambda row: (-row.score, row.id))
    rows = rows[:limit]
    if introduce_from is not None:
        _check_company(graph, introduce_from)
        parents = actor_bfs(graph, [introduce_from], max_hops=max_hops, through=INTRODUCERS)
        for row in rows:
            row.introduction = _introduction(graph, parents, row.id)
    return rows


def _neighbours(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, str, bool]]:
    """(neighbour, type, stored node->neighbour?) over actor relationships, sorted; no countries."""
    out: list[tuple[str, str, bool]] = []
    attrs = graph._node  # the adjacency dicts, not the views: this runs for every node a search reaches
    for adjacency, forward in ((graph._succ[node], True), (graph._pred[node], False)):
        for nbr, keys in adjacency.items():
            if nbr != node and attrs[nbr].get("kind") != "country":
                for key in keys:
                    if key not in CLASSIFICATION_TYPES:
                        out.append((nbr, key, forward))
    out.sort(key=lambda item: (item[0], item[1], not item[2]))
    return out


def actor_bfs(
    graph: nx.MultiDiGraph,
    sources: Iterable[str],
    *,
    max_hops: int | None = None,
    stop: str | None = None,
    through: Collection[str] | None = None,
) -> Parents:
    """Breadth-first search over actor relationships (no classification types, no countries).

    With ``through``, only nodes of those kinds (and the sources) are passed through: others are
    reached but the search goes no further from them.

    Sources and neighbours are visited in sorted order, so the tree holds, for every node reached,
    the lexicographically smallest of its shortest paths from the sources. Cost: O(n + m log d).

    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": i} for i in "abc"] + [
    ...     {"type": "DEVELOPS", "from": "a", "to": "b"}, {"type": "DEVELOPS", "from": "c", "to": "b"}])
    >>> actor_bfs(g, ["a"])
    {'a': None, 'b': ('a', 'DEVELOPS', True), 'c': ('b', 'DEVELOPS', False)}
    """
    parents: Parents = dict.fromkeys(sorted(set(sources)))
    frontier, hops = list(parents), 0
    while frontier and (max_hops is None or hops < max_hops):
        reached: list[str] = []
        for node in frontier:
            if through is not None and hops and graph.nodes[node].get("kind") not in through:
                continue
            for nbr, rel, forward in _neighbours(graph, node):
                if nbr not in parents:
                    parents[nbr] = (node, rel, forward)
                    if nbr == stop:
                        return parents
                    reached.append(nbr)
        frontier, hops = reached, hops + 1
    return parents


def trace(parents: Parents, node: str) -> tuple[list[str], list[Step]]:
    """The path from ``node`` back to its search source: nodes and steps (each in stored direction).

    >>> trace({"a": None, "b": ("a", "DEVELOPS", True)}, "b")
    (['b', 'a'], [Step(from_id='a', type='DEVELOPS', to_id='b')])
    """
    nodes, steps = [node], []
    link = parents[node]
    while link is not None:
        parent, rel, forward = link
        steps.append(_step(parent, rel, node) if forward else _step(node, rel, parent))
        node, link = parent, parents[parent]
        nodes.append(node)
    return nodes, steps


def _introduction(graph: nx.MultiDiGraph, parents: Parents, target: str) -> IntroductionPath | None:
    if target not in parents:
        return None
    nodes, steps = trace(parents, target)
    path = [PathNode.of(graph, node) for node in reversed(nodes)]
    return IntroductionPath(from_id=nodes[-1], to_id=target, hops=len(steps), nodes=path, steps=steps[::-1])


def _check_company(graph: nx.MultiDiGraph, company: str) -> None:
    if company not in graph:
        raise NotFound(f"no node {company!r}")
    if graph.nodes[company].get("kind") != "company" or not is_japanese(graph, company):
        raise InvalidInput(f"{company!r} is not a Japanese company")


def warm_introduction(
    graph: nx.MultiDiGraph, from_company: str, to_node: str, *, max_hops: int = 6
) -> IntroductionPath | None:
    """The shortest warm-introduction path from a Japanese company to a node, or None.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    from_company : str
        A Japanese company's id.
    to_node : str
        Whom to reach (typically a knower from :func:`who_knows`).
    max_hops : int
        Longest path considered.

    Returns
    -------
    IntroductionPath or None
        Nodes from the company to ``to_node`` and the steps between them in stored direction; the
        lexicographically smallest path among the shortest; None when out of reach. Cost: O(n + m)
        at worst, stopping as soon as ``to_node`` is reached.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "company", "id": "jp-co", "is_japanese": True}, {"kind": "partnership", "id": "p"},
    ...     {"kind": "institution", "id": "lab"}, {"kind": "expert", "id": "ana"},
    ...     {"type": "PARTY", "from": "p", "to": "jp-co", "role": "industry"},
    ...     {"type": "PARTY", "from": "p", "to": "lab", "role": "academic"},
    ...     {"type": "AFFILIATED_WITH", "from": "ana", "to": "lab"},
    ... ])
    >>> path = warm_introduction(g, "jp-co", "ana")
    >>> [n.id for n in path.nodes], path.hops
    (['jp-co', 'p', 'lab', 'ana'], 3)
    >>> warm_introduction(g, "jp-co", "ana", max_hops=2) is None
    True
    """
    _check_company(graph, from_company)
    if to_node not in graph:
        raise NotFound(f"no node {to_node!r}")
    parents = actor_bfs(graph, [from_company], max_hops=max_hops, stop=to_node, through=INTRODUCERS)
    return _introduction(graph, parents, to_node)
