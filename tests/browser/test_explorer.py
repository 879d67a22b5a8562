"""The explorer in a real headless Chromium against a real uvicorn on the embedded store with the sample.

Each test goes through the pages as a person does (typing, clicking, keyboard) and checks a finding
the sample is known to hold. The ``session`` fixture fails a test on any JavaScript exception, failed
request, unexpected error status or request to another host.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from gxgraph.domain.vocabulary import Role
from tests.browser.conftest import NARROW, Explorer, PageWatch, shot, sign_in, watched_context


def _graph_nodes(page: Page) -> int:
    return int(page.evaluate("window.gxGraph.nodes().length"))


def test_sign_in_search_open_expand_and_sign_out(session: tuple[Page, PageWatch], explorer: Explorer) -> None:
    page, _ = session
    page.goto("/")
    expect(page).to_have_url(f"{explorer.base}/signin?next=%2F")
    shot(page, "signin")
    sign_in(page, explorer.keys[Role.ADMIN])
    expect(page.locator("#graph-size")).to_contain_text("nodes")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["gx_session"]["httpOnly"]
    assert cookies["gx_session"]["sameSite"] == "Strict"
    assert explorer.keys[Role.ADMIN] not in {c["value"] for c in cookies.values()}
    shot(page, "home")

    search = page.get_by_role("combobox", name="Search every kind")
    search.fill("cyber")
    expect(page.get_by_role("option", name="Cybersecurity").first).to_be_visible()
    shot(page, "typeahead-en")
    search.press("ArrowDown")
    search.press("Enter")
    page.wait_for_url("**/nodes/*")
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()
    expect(page.locator("#provenance")).to_contain_text("Source")
    expect(page.locator("#relationships")).to_contain_text("COVERS")
    before = _graph_nodes(page)
    assert before > 3

    # Click a drawn neighbour on the canvas: it expands in place.
    page.locator("#graph").scroll_into_view_if_needed()
    # cytoscape caches where its container is on the page: refresh it, and let two frames render
    # before reading positions, so the click lands where the node is drawn.
    page.evaluate(
        "window.gxGraph.resize(); new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    point = page.evaluate(
        """() => { const cy = window.gxGraph;
                   // The neighbour farthest from every other node, so the click cannot land on another.
                   const gap = (a) => Math.min(...cy.nodes().filter(b => b !== a).map(b => {
                       const p = a.renderedPosition(), q = b.renderedPosition(); return Math.hypot(p.x - q.x, p.y - q.y); }));
                   const n = cy.nodes().filter(n => !n.hasClass('origin')).sort((a, b) => gap(b) - gap(a))[0];
                   const p = n.renderedPosition(); const box = cy.container().getBoundingClientRect();
                   return {x: box.left + p.x, y: box.top + p.y, id: n.id()}; }"""
    )
    page.mouse.click(point["x"], point["y"])
    expect(page.locator("#graph[data-expanded='1']")).to_be_attached()
    # The clicked node's own neighbourhood is now drawn (some of it may have been drawn already).
    around = page.evaluate(
        """async (id) => (await (await fetch(`/v1/nodes/${id}/neighbors?depth=1&limit=50`)).json())
                           .neighbors.map((n) => n.node.id)""",
        point["id"],
    )
    drawn = set(page.evaluate("window.gxGraph.nodes().map(n => n.id())"))
    assert around
    assert set(around) <= drawn
    assert _graph_nodes(page) >= before
    shot(page, "node-expanded")

    # Depth 2 with a kind filter, through the form: the URL carries the filters and reloads the same.
    page.get_by_label("Depth").select_option("2")
    page.get_by_label("Expert", exact=True).check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**depth=2**kind=expert**")
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()
    kinds = page.evaluate("[...new Set(window.gxGraph.nodes().map(n => n.data('kind')))]")
    assert "expert" in kinds
    page.reload()
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/signin")
    assert "gx_session" not in {c["name"] for c in page.context.cookies()}
    page.goto("/gaps/commercialisation")
    expect(page).to_have_url(f"{explorer.base}/signin?next=%2Fgaps%2Fcommercialisation")


def test_search_in_japanese_and_switch_language(session: tuple[Page, PageWatch], explorer: Explorer) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.VIEWER])
    page.locator("#lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_role("link", name="経路探索")).to_be_visible()
    search = page.get_by_role("combobox", name="すべての種類を英語・日本語で検索")
    search.fill("サイバー")
    option = page.get_by_role("option", name="サイバーセキュリティ").first
    expect(option).to_be_visible()
    shot(page, "typeahead-ja")
    option.click()
    page.wait_for_url("**/nodes/*")
    expect(page.locator("#node-title")).to_contain_text("サイバーセキュリティ")
    shot(page, "node-ja")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#node-title")).to_contain_text("Cybersecurity")
    assert "サイバー" not in page.locator("#node-title").inner_text()


def test_keyboard_reaches_search_and_navigation(session: tuple[Page, PageWatch], explorer: Explorer) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST])
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("combobox", name="Search every kind")).to_be_focused()
    page.keyboard.type("quantum")
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nodes/*")


def test_path_finder_draws_and_lists_the_path(session: tuple[Page, PageWatch], explorer: Explorer) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.VIEWER], "/paths")
    page.get_by_role("combobox", name="From").fill("Secretariat")
    page.get_by_role("option").first.click()
    page.get_by_role("combobox", name="To").fill("Cybersecurity")
    page.get_by_role("option", name="Cybersecurity").first.click()
    page.get_by_role("button", name="Find paths").click()
    page.wait_for_url("**/paths?from=*&to=field-cybersecurity*")
    expect(page.locator("#path-summary")).to_contain_text("shortest path")
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()
    steps = page.locator("#path-list section.path").first.locator("li")
    assert steps.count() >= 1
    expect(steps.last).to_contain_text("Cybersecurity")
    assert _graph_nodes(page) >= steps.count() + 1
    shot(page, "paths")


def test_commercialisation_gaps_show_the_top_gap_with_evidence(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST], "/gaps/commercialisation")
    first = page.locator("#gaps-table tbody tr.gap-row").first
    expect(first).to_contain_text("AI-driven materials discovery")
    first.get_by_role("button").click()
    detail = page.locator("#detail-tech-ai-materials-discovery")
    expect(detail).to_be_visible()
    expect(detail).to_contain_text("japanese_deployment")
    expect(detail.get_by_role("link", name="Materials science").first).to_be_visible()
    shot(page, "commercialisation")

    page.get_by_role("link", name="Sort by TRL").click()
    page.wait_for_url("**sort=trl**")
    trls = [
        int(t) for t in page.locator("#gaps-table tbody tr.gap-row td:nth-child(4)").all_inner_texts() if t
    ]
    assert trls == sorted(trls, reverse=True)
    page.get_by_label("Domain").select_option("dx")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**domain=dx**sort=trl**")
    page.reload()
    expect(page.get_by_label("Domain")).to_have_value("dx")
    detail.locator("a").first.evaluate("a => a.href")  # the evidence links are real links


def test_partnership_gaps_by_region_recommend_japanese_partners(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST], "/gaps/partnerships")
    middle_east = page.locator("section.region[data-region=middle_east]")
    expect(middle_east).to_contain_text("Middle-East Innovation Authority")
    expect(middle_east.locator("ul.recommended li").first).to_be_visible()
    shot(page, "partnerships")
    page.get_by_label("Region").select_option("europe")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**region=europe**")
    assert page.locator("section.region").count() >= 1
    assert page.locator("section.region[data-region=middle_east]").count() == 0


def test_who_knows_cybersecurity_and_the_introduction(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST])
    page.locator("#q-cyber").click()
    page.get_by_label("Introduce from").select_option("co-jp-aoba")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_url("**q=cybersecurity&introduce_from=co-jp-aoba")
    expect(page.locator("#knowers tbody tr").first).to_contain_text("Expert ME-01 (sample)")
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()
    assert page.locator("#intro-steps li").count() >= 1
    expect(page.locator("#intro-steps li").first).to_contain_text("Aoba")
    shot(page, "who-knows")
    second = page.locator("button.draw-intro").nth(1)
    knower = second.get_attribute("data-knower")
    second.click()
    expect(page.locator(f"#graph[data-knower='{knower}']")).to_be_attached()


def test_technology_map_hover_and_click(session: tuple[Page, PageWatch], explorer: Explorer) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST], "/technology-map")
    expect(page.locator("#techmap[data-ready=true]")).to_be_attached()
    bubbles = page.locator("#techmap path[role=graphics-symbol]")
    expect(bubbles.first).to_be_attached()
    bubble = page.locator(
        "#techmap path[role=graphics-symbol][aria-label*='Industry: energy;'][aria-label*='Digital technology: ai;']"
    )
    box = bubble.bounding_box()
    assert box is not None
    target = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    page.mouse.move(target["x"], target["y"])
    tooltip = page.locator("#vg-tooltip-element")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("CAGR")
    expect(tooltip).to_contain_text("illustrative")
    shot(page, "technology-map")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url("**industry=energy&digital_technology=ai")
    expect(page.locator("#cell-technologies")).to_contain_text("Energy × AI")
    assert page.locator("#cell-technologies li a").count() >= 1
    shot(page, "technology-map-cell")


def test_brokers_communities_and_country_profiles(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST], "/structure")
    expect(page.locator("#brokers tbody tr").first).to_contain_text(
        "US East-Coast University Innovation Ecosystem"
    )
    assert page.locator("#communities article").count() >= 2
    shot(page, "structure")
    page.get_by_role("link", name="Country profiles").click()
    japan = page.locator("#countries tbody tr", has_text="Japan")
    expect(japan).to_contain_text("71.5")
    shot(page, "countries")
    japan.get_by_role("link", name="Japan").click()
    page.wait_for_url("**/countries/JP")
    expect(page.locator("table", has_text="rd_investment")).to_contain_text(
        "WIPO Global Innovation Index 2023"
    )
    shot(page, "country-jp")


def test_partner_matrix_shows_the_actionable_partners(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.ANALYST], "/partner-matrix")
    page.get_by_label("Field").select_option("field-cybersecurity")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/partner-matrix?field=field-cybersecurity")
    expect(page.locator("#actionable")).to_contain_text("Middle-East Innovation Authority")
    authority = page.locator("#matrix-table tbody tr", has_text="Middle-East Innovation Authority")
    expect(authority).to_contain_text("Partner now")
    expect(page.locator("#matrix-chart[data-ready=true]")).to_be_attached()
    expect(page.locator("#matrix-chart path[role=graphics-symbol]").first).to_be_attached()
    shot(page, "partner-matrix")


def test_viewer_sees_no_write_actions_and_no_analyst_dashboards(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, watch = session
    sign_in(page, explorer.keys[Role.VIEWER])
    assert page.locator("#nav-reports").count() == 0
    assert page.locator("form[method=post]").count() == 1  # sign-out only
    watch.expect_status("/gaps/commercialisation", 403)
    response = page.goto("/gaps/commercialisation")
    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("alert")).to_contain_text("analyst")
    # The page's own fetches carry the cookie; a write without the CSRF token is refused.
    watch.expect_status("/v1/fields", 403)
    status = page.evaluate(
        """async () => (await fetch('/v1/fields', {method: 'POST', headers: {'Content-Type': 'application/json'},
                        body: JSON.stringify({id: 'field-browser-csrf', name_en: 'x'})})).status"""
    )
    assert status == 403


def test_writes_from_the_page_need_the_csrf_token(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, watch = session
    sign_in(page, explorer.keys[Role.SECRETARIAT])
    watch.expect_status("/v1/fields", 403)
    create = """async (token) => {
        const headers = {'Content-Type': 'application/json'};
        if (token) headers['X-CSRF-Token'] = token;
        const body = JSON.stringify({id: 'field-browser-csrf', name_en: 'Browser CSRF check',
                                     source: 'illustrative: browser test', contributed_by: 'secretariat'});
        return (await fetch('/v1/fields', {method: 'POST', headers, body})).status; }"""
    assert page.evaluate(create, None) == 403
    token = page.evaluate("document.cookie.split('; ').find(c => c.startsWith('gx_csrf=')).split('=')[1]")
    assert page.evaluate(create, token) == 201
    watch.expect_status("/v1/fields/field-browser-csrf", 403)
    assert (
        page.evaluate("async () => (await fetch('/v1/fields/field-browser-csrf', {method: 'DELETE'})).status")
        == 403
    )
    deleted = page.evaluate(
        "async (t) => (await fetch('/v1/fields/field-browser-csrf', {method: 'DELETE', headers: {'X-CSRF-Token': t}})).status",
        token,
    )
    assert deleted == 204


def test_demo_role_opens_without_a_key(browser, demo_explorer: str) -> None:  # type: ignore[no-untyped-def]
    context, watch = watched_context(browser, demo_explorer)
    page = context.new_page()
    page.goto("/")
    expect(page.locator(".caller")).to_contain_text("Demo access")
    page.get_by_role("combobox", name="Search every kind").fill("hydrogen")
    expect(page.get_by_role("option").first).to_be_visible()
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_narrow_window(browser, explorer: Explorer) -> None:  # type: ignore[no-untyped-def]
    context, watch = watched_context(browser, explorer.base, NARROW)
    page = context.new_page()
    sign_in(page, explorer.keys[Role.ANALYST], "/nodes/field-cybersecurity")
    expect(page.locator("#graph[data-ready=true]")).to_be_attached()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the page scrolls sideways at {NARROW['width']} px ({width} px wide)"
    shot(page, "node-narrow")
    page.goto("/gaps/commercialisation")
    shot(page, "commercialisation-narrow")
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def test_secretariat_generates_and_downloads_a_report(
    session: tuple[Page, PageWatch], explorer: Explorer
) -> None:
    page, _ = session
    sign_in(page, explorer.keys[Role.SECRETARIAT])
    page.locator("#nav-reports").click()
    page.wait_for_url("**/reports")
    page.get_by_label("Format").select_option("md")
    page.get_by_role("button", name="Generate and download").click()
    link = page.locator("#report-download")
    expect(link).to_be_visible(timeout=120_000)
    shot(page, "reports")
    with page.expect_download() as pending:
        link.click()
    saved = pending.value.path()
    text = saved.read_text(encoding="utf-8")
    assert pending.value.suggested_filename.endswith(".md")
    assert "Middle-East Innovation Authority" in text
    assert "illustrative" in text.lower()
