"""Browser fixtures: a real uvicorn over the embedded store with the sample, and a real headless Chromium.

Chromium is the Debian ``chromium`` package (``/usr/bin/chromium``, or ``GXGRAPH_CHROMIUM``), driven by
Playwright for Python; Playwright's own browser download cannot work on these machines. A missing
browser fails these tests: they never skip. Every page a test opens is watched: a JavaScript
exception, a failed request, an error status the test did not expect, or any request to a host other
than the server fails the test. Screenshots go to ``tests/browser/artifacts/`` (gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    Route,
    expect,
    sync_playwright,
)

from gxgraph.domain.vocabulary import Role
from gxgraph.services import keys
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import SAMPLE, load_jsonl
from tests.live import live_server

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = Path(os.environ.get("GXGRAPH_CHROMIUM", "/usr/bin/chromium"))
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 420, "height": 860}
# The machine is shared: give a page more than Playwright's default 5 s to settle before failing.
expect.set_options(timeout=20_000)


@dataclass
class Explorer:
    """A served explorer: its base URL and an API key of each role."""

    base: str
    keys: dict[Role, str]


@pytest.fixture(scope="session")
def browser_store(falkordb_server: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    """The sample ecosystem in a graph of its own, so other tests' clears cannot touch it."""
    store = FalkorDBStore(falkordb_server.socket, "browser")
    store.ensure_schema()
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def explorer(browser_store: FalkorDBStore) -> Iterator[Explorer]:
    role_keys = {role: keys.create_key(browser_store, f"browser {role.value}", role).key for role in Role}
    with live_server(browser_store) as base:
        yield Explorer(base, role_keys)


@pytest.fixture(scope="session")
def demo_explorer(browser_store: FalkorDBStore) -> Iterator[str]:
    """The same graph served with ``anonymous_role=viewer``: a local demo without a key."""
    with live_server(browser_store, anonymous_role="viewer") as base:
        yield base


# Package scope: sync Playwright runs an asyncio loop in this thread while it is open, and the tests
# after this package (the async client's) need the thread without a running loop.
@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install the Debian chromium package (apt-get install -y chromium); "
            "make test installs it when it runs as root",
            pytrace=False,
        )
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
    yield launched
    launched.close()


@dataclass
class PageWatch:
    """What went wrong on the pages of one browser context."""

    base: str
    problems: list[str] = field(default_factory=list)
    expected_statuses: set[tuple[str, int]] = field(default_factory=set)

    def expect_status(self, path: str, status: int) -> None:
        """Allow one error status that a test provokes on purpose (e.g. a viewer's 403)."""
        self.expected_statuses.add((path, status))

    def on_route(self, route: Route) -> None:
        if route.request.url.startswith(self.base + "/") or route.request.url.startswith("data:"):
            route.continue_()
            return
        self.problems.append(f"request outside the server: {route.request.url}")
        route.abort()

    def on_response(self, response: Response) -> None:
        path = response.url.removeprefix(self.base).split("?")[0]
        if response.status >= 400 and (path, response.status) not in self.expected_statuses:
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def on_request_failed(self, request: Request) -> None:
        failure = request.failure or ""
        if "ERR_ABORTED" in failure and request.resource_type == "document":
            return  # a navigation replaced by the next one (a click that navigates twice), not an error
        self.problems.append(f"request failed: {request.url} ({failure})")


def watched_context(
    browser: Browser, base: str, viewport: dict[str, int] = DESKTOP
) -> tuple[BrowserContext, PageWatch]:
    """A fresh browser context (no cookies) whose pages report every problem into the watch."""
    context = browser.new_context(viewport=viewport, base_url=base, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch(base)
    context.route("**/*", watch.on_route)
    context.on("page", lambda page: _watch_page(page, watch))
    return context, watch


def _console(message: ConsoleMessage, watch: PageWatch) -> None:
    # The browser logs every error status as "Failed to load resource"; on_response judges those.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        watch.problems.append(f"console error: {message.text}")


def _watch_page(page: Page, watch: PageWatch) -> None:
    page.on("pageerror", lambda error: watch.problems.append(f"JavaScript exception: {error}"))
    page.on("console", lambda message: _console(message, watch))
    page.on("response", watch.on_response)
    page.on("requestfailed", watch.on_request_failed)


@pytest.fixture
def session(browser: Browser, explorer: Explorer) -> Iterator[tuple[Page, PageWatch]]:
    """A page in a fresh context on the explorer; the test fails on any page problem."""
    context, watch = watched_context(browser, explorer.base)
    page = context.new_page()
    yield page, watch
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artefact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, key: str, next_path: str = "/") -> None:
    """Sign in through the form, as a person does."""
    page.goto(f"/signin?next={next_path}")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_path}")
