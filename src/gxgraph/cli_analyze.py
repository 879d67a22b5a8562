"""``gxgraph analyze ...``: the analytics from the command line, printed as JSON with the graph version."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

import networkx as nx
import typer

from gxgraph.analytics import (
    commercialisation,
    evaluation,
    expertise,
    partnership_gaps,
    profile,
    recommend,
    replication,
    structure,
    techmap,
)
from gxgraph.errors import GxGraphError
from gxgraph.reports.techmap_svg import render_bubble_chart
from gxgraph.services.analysis import Analysis, resolve_topics, run
from gxgraph.services.projection import ProjectionCache
from gxgraph.settings import get_settings
from gxgraph.store import open_store

app = typer.Typer(help="Analytics over the current graph; every answer names the graph version it reflects.")

Limit = Annotated[int, typer.Option(min=1, max=10_000, help="How many rows.")]
Perspective = Annotated[str, typer.Option(help="japan or global.")]


def _answer(compute: Callable[..., Any], topics: str | None = None) -> Analysis[Any]:
    """Open the store, answer on its projection (``topics`` text resolved to ``targets`` first), close it."""
    store = open_store(get_settings())
    try:
        if topics is not None:
            compute = partial(compute, targets=resolve_topics(store, topics))
        return run(ProjectionCache(store), "cli", compute)
    except GxGraphError as exc:
        typer.echo(f"error ({exc.code}): {exc.message}", err=True)
        raise typer.Exit(code=2) from exc
    finally:
        store.close()


def _print(analysis: Analysis[Any]) -> None:
    typer.echo(json.dumps(analysis.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2))


@app.command("gaps")
def gaps(
    perspective: Perspective = "japan",
    domain: Annotated[str | None, typer.Option(help="gx, dx or both.")] = None,
    country: Annotated[str | None, typer.Option(help="A developer's ISO code.")] = None,
    industry: str | None = None,
    digital_technology: str | None = None,
    min_trl: Annotated[int | None, typer.Option(min=1, max=9)] = None,
    limit: Limit = 20,
) -> None:
    """Commercialisation gaps: strong patents or research, weak deployment."""
    _print(_answer(lambda g: commercialisation.commercialisation_gaps(
        g, perspective=perspective, domain=domain, country=country.upper() if country else None,  # type: ignore[arg-type]
        industry=industry, digital_technology=digital_technology, min_trl=min_trl, limit=limit,
    )))  # fmt: skip


@app.command("partnership-gaps")
def partnership_gap_list(
    min_score: Annotated[float, typer.Option(min=0, max=1)] = 0.8,
    field: str | None = None,
    region: str | None = None,
    by_region: Annotated[bool, typer.Option(help="Group by region and institution.")] = False,
) -> None:
    """World-class fields and institutions with no active Japanese company partner."""

    def compute(graph: nx.MultiDiGraph) -> Any:
        found = partnership_gaps.partnership_gaps(graph, min_score=min_score, field=field, region=region)
        return partnership_gaps.group_by_region(found) if by_region else found

    _print(_answer(compute))


@app.command("recommend")
def recommend_command(
    company: Annotated[str, typer.Argument(help="The company id.")],
    target_kind: Annotated[Literal["institution", "company"], typer.Option()] = "institution",
    method: Annotated[
        Literal["adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"], typer.Option()
    ] = "adamic_adar",
    limit: Limit = 10,
) -> None:
    """Partners for a company, with the shared nodes behind each score."""
    _print(
        _answer(
            lambda g: recommend.recommend_partners(
                g, company, target_kind=target_kind, method=method, limit=limit
            )
        )
    )


@app.command("who-knows")
def who_knows_command(
    text: Annotated[str, typer.Argument(help="A field or technology, in English or Japanese.")],
    introduce_from: Annotated[
        str | None, typer.Option(help="A Japanese company: add warm introductions.")
    ] = None,
    limit: Limit = 10,
) -> None:
    """Who knows a field or technology, ranked by evidence, with warm introductions."""
    _print(_answer(partial(expertise.who_knows, limit=limit, introduce_from=introduce_from), topics=text))


@app.command("techmap")
def techmap_command(
    perspective: Perspective = "japan",
    svg: Annotated[Path | None, typer.Option(help="Also write the bubble chart to this SVG file.")] = None,
) -> None:
    """The industry x digital-technology map: CAGR, size, deployments and gaps per cell."""
    analysis = _answer(lambda g: techmap.technology_map(g, perspective=perspective))  # type: ignore[arg-type]
    if svg is not None:
        svg.write_text(render_bubble_chart(analysis.results), encoding="utf-8")
    _print(analysis)


@app.command("structure")
def structure_command(
    measure: Annotated[
        Literal["brokers", "communities", "isolated", "central"], typer.Argument(help="Which measure.")
    ],
    limit: Limit = 20,
) -> None:
    """Brokers, communities, isolated Japanese companies or central GX x DX institutions."""
    compute: dict[str, Callable[[nx.MultiDiGraph], Any]] = {
        "brokers": lambda g: structure.brokers(g, limit=limit),
        "communities": lambda g: structure.communities(g, limit=limit),
        "isolated": lambda g: structure.isolated_companies(g, limit=limit),
        "central": lambda g: structure.central_institutions(g, limit=limit),
    }
    _print(_answer(compute[measure]))


@app.command("countries")
def countries_command(
    iso: Annotated[
        list[str] | None, typer.Argument(help="ISO codes; default every country with ranks.")
    ] = None,
    year: int | None = None,
) -> None:
    """Innovation profiles: input vs output ranks, their gap, creative destruction by year."""
    codes = [code.upper() for code in iso] if iso else None
    _print(_answer(lambda g: profile.compare_countries(g, codes, year=year)))


@app.command("replicate")
def replicate_command(
    partnership: Annotated[str, typer.Argument(help="The partnership id.")], limit: Limit = 10
) -> None:
    """Institutions abroad, Global South included, where a working partnership could be copied."""
    _print(_answer(lambda g: replication.replication_candidates(g, partnership, limit=limit)))


@app.command("evaluate")
def evaluate_command(
    hidden: Annotated[float, typer.Option(min=0.05, max=0.9, help="Share of partnerships to hide.")] = 0.2,
    seed: int = 0,
) -> None:
    """Evaluate partner recommendations on the current graph against random and degree baselines."""
    _print(_answer(lambda g: evaluation.evaluate(g, hidden_fraction=hidden, seed=seed)))
