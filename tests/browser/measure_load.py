"""Page load times of the explorer on a large graph: server time and time to interactive, per view.

Serves ``GXGRAPH_DATA_DIR`` (seed it first: ``gxgraph seed --synthetic 100000``) with ``gxgraph serve``,
signs in with the local admin key and opens each main view twice in headless Chromium: cold (the
first analysis builds the projection) and warm. Server time is the navigation's request-to-first-byte;
time to interactive is from navigation start until the view's script marks it ready (the canvas or
chart drawn), or the load event for pages without one.

    GXGRAPH_DATA_DIR=/tmp/big GXGRAPH_PORT=8765 .venv/bin/python tests/browser/measure_load.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, DESKTOP
from tests.live import served_by_cli

VIEWS = [
    ("home", "/", None),
    ("search", "/search?q=quantum", None),
    ("node", "/nodes/{hub}", "#graph[data-ready=true]"),
    ("paths", "/paths?from={hub}&to={other}", None),
    ("commercialisation gaps", "/gaps/commercialisation", None),
    ("partnership gaps", "/gaps/partnerships", None),
    ("who knows", "/who-knows?q=cybersecurity", None),
    ("technology map", "/technology-map", "#techmap[data-ready=true]"),
    ("brokers & communities", "/structure", None),
    ("countries", "/countries", None),
]
TIMING = """() => { const n = performance.getEntriesByType('navigation')[0];
                   return {server: n.responseStart - n.requestStart, now: performance.now()}; }"""


def main() -> int:
    env = dict(os.environ, GXGRAPH_WARM_ANALYTICS="false")
    key = subprocess.run(
        [sys.executable, "-m", "gxgraph", "keys", "dev"], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    with served_by_cli(env, ready_within=600) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport=DESKTOP, base_url=base)  # type: ignore[arg-type]
        page.goto("/signin")
        page.fill("#api-key", key)
        page.click("#sign-in")
        page.wait_for_url(f"{base}/")
        stats = page.request.get("/v1/stats").json()
        print(
            f"graph: {sum(stats['nodes'].values())} nodes, {sum(stats['relationships'].values())} relationships"
        )
        hubs = page.request.get("/v1/institutions?limit=2").json()["items"]
        ids = {"hub": hubs[0]["id"], "other": hubs[1]["id"]}
        print(f"{'view':<24} {'run':<5} {'server ms':>10} {'interactive ms':>15}")
        for name, path, ready in VIEWS:
            for run in ("cold", "warm"):
                started = time.perf_counter()
                page.goto(path.format(**ids), timeout=600_000)
                if ready:
                    page.wait_for_selector(ready, state="attached", timeout=600_000)
                else:
                    page.wait_for_load_state("load")
                timing = page.evaluate(TIMING)
                wall = (time.perf_counter() - started) * 1000
                print(
                    f"{name:<24} {run:<5} {timing['server']:>10.0f} {timing['now']:>15.0f}   (wall {wall:.0f})"
                )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
