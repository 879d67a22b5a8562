"""The explorer's pages. Each calls the same services and analyses the API calls, then renders HTML.

Every view is a GET whose filters are in the query string, so its URL can be shared and reloaded.
Analyses run through :func:`gxgraph.analyses.run_analysis` by spec: the page only arranges the answer.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from gxgraph.analyses import ANALYSES, run_analysis, validate_params
from gxgraph.domain.kinds import NodeKind, Region, RelType
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import GxGraphError, InvalidInput, NotFound, Unauthenticated
from gxgraph.reports.data import ReportFormat
from gxgraph.services import graph
from gxgraph.services.analysis import Analysis
from gxgraph.services.keys import require
from gxgraph.services.nodes import get_node
from gxgraph.web.context import LANGUAGE_COOKIE, Page, PageRoute, language_of, templates
from gxgraph.web.messages import LANGUAGES, translator
from gxgraph.web.sessions import (
    CSRF_FIELD,
    SESSION_COOKIE,
    check_csrf,
    clear_session_cookies,
    current_session,
    set_session_cookies,
    sign_in,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)

COMMERCIALISATION_SORTS = ("score", "name", "trl", "patents", "publications", "deployments")
NEIGHBOURHOOD_LIMIT = 300


def _local(target: str | None) -> str:
    """``target`` when it is a path on this server, else ``/``: never redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _analysis(page: Page, name: str, values: dict[str, Any]) -> Analysis[Any]:
    """Run the registered analysis ``name`` for the page's caller (the spec's role applies)."""
    spec = ANALYSES[name]
    require(page.caller, spec.role)
    present = {key: value for key, value in values.items() if value not in (None, "", [])}
    return run_analysis(spec, validate_params(spec, present), page.projections, page.store)


def _choices(page: Page, kind: str, **equal: str) -> list[dict[str, Any]]:
    """The nodes of ``kind`` (with ``equal`` attribute values) a picker offers, by English name."""
    graph_now = page.projections.get().graph
    found = (
        {"id": node, "name_en": attrs.get("name_en"), "name_ja": attrs.get("name_ja")}
        for node, attrs in graph_now.nodes(data=True)
        if attrs.get("kind") == kind and all(attrs.get(key) == value for key, value in equal.items())
    )
    return sorted(found, key=lambda choice: str(choice["name_en"]).casefold())


def _query(request: Request, *names: str) -> dict[str, str | None]:
    return {name: request.query_params.get(name) or None for name in names}


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _step_ids(rows: list[Any]) -> set[str]:
    """Every node id named by the evidence steps of ``rows`` (scored result rows)."""
    ids: set[str] = set()
    for row in rows:
        for path in row.evidence:
            for step in path.steps:
                ids.update((step.from_id, step.to_id))
    return ids


@router.get("/")
def home(request: Request) -> Response:
    """The start page: search, the questions the explorer answers, and the graph's size."""
    page = Page.of(request)
    counts = page.store.counts()
    return page.render("home.html", counts=counts)


@router.get("/signin")
def sign_in_form(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    language = language_of(request)
    return templates.TemplateResponse(
        request,
        "signin.html",
        {"t": translator(language), "lang": language, "next": _local(next), "error": None, "page": None},
    )


@router.post("/signin")
async def sign_in_submit(request: Request) -> Response:
    """Check the key, open a session and set its cookies; the key itself is never stored."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    presented = (form.get("api_key") or [""])[0]
    target = _local((form.get("next") or ["/"])[0])
    sessions = request.app.state.sessions
    try:
        token, session, _ = sign_in(request.app.state.store, sessions, presented)
    except Unauthenticated:
        language = language_of(request)
        context = {"t": translator(language), "lang": language, "next": target, "error": "auth.invalid"}
        return templates.TemplateResponse(request, "signin.html", {**context, "page": None}, status_code=401)
    response = RedirectResponse(target, status_code=303)
    set_session_cookies(response, token, session, secure=_secure(request))
    return response


@router.post("/signout")
async def sign_out(request: Request) -> Response:
    """End the session (the form carries the CSRF token) and clear the cookies."""
    session = current_session(request)
    if session is not None:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        check_csrf(session, (form.get(CSRF_FIELD) or [""])[0])
        request.app.state.sessions.close(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookies(response, secure=_secure(request))
    return response


@router.get("/lang/{language}")
def switch_language(request: Request, language: str, next: str | None = None) -> Response:
    """Remember the chosen language in a cookie and go back to the page."""
    response = RedirectResponse(_local(next), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="strict", max_age=365 * 86400)
    return response


@router.get("/search")
def search_page(request: Request, q: str = "") -> Response:
    """Search results (the page behind the typeahead, for a query submitted without picking)."""
    page = Page.of(request)
    hits = graph.search(page.store, q, None, 50) if q.strip() else []
    return page.render("search.html", q=q, hits=hits)


@router.get("/nodes/{node_id}")
def node_page(request: Request, node_id: str) -> Response:
    """A node: properties with provenance, relationships by type, the neighbourhood canvas."""
    page = Page.of(request)
    node = get_node(page.store, node_id).model_dump(mode="json")
    depth = 2 if request.query_params.get("depth") == "2" else 1
    known_kinds = {k.value for k in NodeKind}
    known_types = {r.value for r in RelType}
    kinds = [NodeKind(k) for k in request.query_params.getlist("kind") if k in known_kinds]
    rel_types = [RelType(r) for r in request.query_params.getlist("rel_type") if r in known_types]
    direct = graph.neighbors(page.store, node_id, depth=1, limit=NEIGHBOURHOOD_LIMIT)
    groups: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for neighbour in direct.neighbors:
        edge = neighbour.via[0]
        groups[(edge.type.value, edge.from_id == node_id)].append(
            {"node": neighbour.node, "properties": edge.properties}
        )
    grouped = sorted(groups.items(), key=lambda item: (item[0][0], not item[0][1]))
    provenance = {key: node.get(key) for key in ("source", "contributed_by", "confidence", "updated_at")}
    hidden = {"id", "kind", "name_en", "name_ja", "description", "illustrative", *provenance}
    properties = {k: v for k, v in node.items() if k not in hidden and v not in (None, [], {})}
    canvas = {
        "origin": node_id,
        "depth": depth,
        "kinds": [k.value for k in kinds],
        "rel_types": [r.value for r in rel_types],
        "limit": NEIGHBOURHOOD_LIMIT,
    }
    return page.render(
        "node.html",
        node=node,
        properties=properties,
        provenance=provenance,
        grouped=grouped,
        truncated=direct.truncated,
        canvas=canvas,
        kinds=list(NodeKind),
        rel_types=list(RelType),
    )


def _resolve_end(page: Page, value: str | None) -> str | None:
    """A path end given as an id, or as text resolved to the best search hit."""
    if not value:
        return None
    if page.store.fetch_nodes([value]).get(value) is not None:
        return value
    hits = graph.search(page.store, value, None, 1)
    return hits[0].id if hits else None


@router.get("/paths")
def paths_page(request: Request) -> Response:
    """Path finder: every shortest path between two nodes, drawn and listed."""
    page = Page.of(request)
    raw = _query(request, "from", "to", "max_hops")
    source, target = _resolve_end(page, raw["from"]), _resolve_end(page, raw["to"])
    hops_text = raw["max_hops"] or ""
    max_hops = int(hops_text) if hops_text.isdigit() else 4
    max_hops = min(max(max_hops, 1), 6)
    result = None
    ends = page.names({i for i in (source, target) if i}) if source or target else {}
    if source and target:
        result = graph.shortest_paths(page.store, source, target, max_hops=max_hops, limit=10)
    return page.render(
        "paths.html", source=source, target=target, ends=ends, max_hops=max_hops, result=result, raw=raw
    )


@router.get("/gaps/commercialisation")
def commercialisation_page(request: Request) -> Response:
    """Commercialisation gaps: a sortable, filterable table; each row opens to its evidence."""
    page = Page.of(request)
    filters = _query(request, "perspective", "domain", "country", "industry", "digital_technology", "min_trl")
    analysis = _analysis(page, "commercialisation-gaps", {**filters, "limit": 100})
    rows = list(analysis.results)
    sort = request.query_params.get("sort") or "score"
    sort = sort if sort in COMMERCIALISATION_SORTS else "score"
    descending = request.query_params.get("order", "desc" if sort != "name" else "asc") == "desc"

    def sort_key(row: Any) -> Any:
        return page.name(row.model_dump()).casefold() if sort == "name" else (getattr(row, sort) or 0)

    rows.sort(key=sort_key, reverse=descending)
    technology_map = _analysis(page, "technology-map", {})
    axes = technology_map.results
    return page.render(
        "commercialisation.html",
        analysis=analysis,
        rows=rows,
        names=page.names(_step_ids(rows)),
        filters=filters,
        sort=sort,
        descending=descending,
        sorts=COMMERCIALISATION_SORTS,
        industries=axes.industries,
        digital_technologies=axes.digital_technologies,
    )


@router.get("/gaps/partnerships")
def partnerships_page(request: Request) -> Response:
    """Partnership gaps by region, each with the recommended Japanese partners and why."""
    page = Page.of(request)
    filters = _query(request, "region", "field", "min_score")
    analysis = _analysis(page, "partnership-gaps-by-region", filters)
    by_region: dict[str, dict[str, list[Any]]] = analysis.results
    ids: set[str] = set()
    for institutions in by_region.values():
        for gaps in institutions.values():
            ids |= _step_ids(gaps)
            for gap in gaps:
                ids |= _step_ids(gap.companies)
    return page.render(
        "partnerships.html",
        analysis=analysis,
        by_region=by_region,
        names=page.names(ids),
        filters=filters,
        regions=[r.value for r in Region],
    )


@router.get("/who-knows")
def who_knows_page(request: Request) -> Response:
    """Who knows a topic, ranked by evidence, with the warm-introduction path drawn."""
    page = Page.of(request)
    require(page.caller, ANALYSES["who-knows"].role)
    filters = _query(request, "q", "introduce_from")
    companies = _choices(page, "company", country="JP")
    analysis = None
    error: GxGraphError | None = None
    if filters["q"]:
        try:
            analysis = _analysis(page, "who-knows", {**filters, "limit": 20})
        except (InvalidInput, NotFound) as exc:  # a topic nobody knows is an answer, not a failure
            error = exc
    ids: set[str] = set()
    introductions: dict[str, Any] = {}
    if analysis is not None:
        ids |= _step_ids(analysis.results.knowers) | set(analysis.results.targets)
        for knower in analysis.results.knowers:
            if knower.introduction is not None:
                introductions[knower.id] = knower.introduction.model_dump(mode="json", by_alias=True)
    return page.render(
        "who_knows.html",
        analysis=analysis,
        error=error,
        filters=filters,
        companies=companies[:500],
        names=page.names(ids),
        introductions=introductions,
    )


@router.get("/technology-map")
def technology_map_page(request: Request) -> Response:
    """The technology map as an interactive chart; a chosen cell lists its technologies."""
    page = Page.of(request)
    filters = _query(request, "perspective", "industry", "digital_technology")
    analysis = _analysis(page, "technology-map", {"perspective": filters["perspective"]})
    tmap = analysis.results
    wanted = (filters["industry"], filters["digital_technology"])
    chosen = next((c for c in tmap.cells if (c.industry, c.digital_technology) == wanted), None)
    cell_nodes = page.names(set(chosen.technology_ids)) if chosen else {}
    cells = [
        cell.model_dump(mode="json") | {"label": page.name(cell.model_dump())}
        for cell in tmap.cells
        if cell.market_size_usd is not None or cell.technologies
    ]
    return page.render(
        "technology_map.html",
        analysis=analysis,
        tmap=tmap,
        cells=cells,
        chosen=chosen,
        cell_nodes=cell_nodes,
        filters=filters,
    )


@router.get("/structure")
def structure_page(request: Request) -> Response:
    """Brokers between regions and the communities of the network."""
    page = Page.of(request)
    brokers = _analysis(page, "brokers", {"limit": 20})
    communities = _analysis(page, "communities", {"limit": 12})
    ids = {share.id for c in communities.results for share in c.dominant_fields}
    return page.render("structure.html", brokers=brokers, communities=communities, names=page.names(ids))


@router.get("/countries")
def countries_page(request: Request) -> Response:
    """Country innovation profiles compared: input ranks against output ranks."""
    page = Page.of(request)
    analysis = _analysis(page, "countries", {"limit": 100})
    return page.render("countries.html", analysis=analysis)


@router.get("/countries/{iso_code}")
def country_page(request: Request, iso_code: str) -> Response:
    """One country's innovation profile, each figure with its source."""
    page = Page.of(request)
    analysis = _analysis(page, "country-profile", {"iso_code": iso_code.upper()})
    return page.render("country.html", analysis=analysis, profile=analysis.results)


@router.get("/partner-matrix")
def partner_matrix_page(request: Request) -> Response:
    """Candidate partners on science x commercialisation strength, with the actionable list."""
    page = Page.of(request)
    filters = _query(request, "field")
    analysis = _analysis(page, "partner-matrix", filters)
    fields = _choices(page, "field")
    return page.render(
        "partner_matrix.html", analysis=analysis, matrix=analysis.results, fields=fields, filters=filters
    )


@router.get("/reports")
def reports_page(request: Request) -> Response:
    """Generate a report (``POST /v1/reports`` from the page, with the CSRF token) and download it."""
    page = Page.of(request)
    require(page.caller, Role.SECRETARIAT)
    return page.render(
        "reports.html",
        formats=[f.value for f in ReportFormat],
        regions=[r.value for r in Region],
    )
