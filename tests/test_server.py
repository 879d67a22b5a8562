"""The service as a new user runs it: a real uvicorn process on the embedded store with the sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live import free_port, served_by_cli


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    data = tmp_path_factory.mktemp("served")
    env = {
        **os.environ,
        "GXGRAPH_DATA_DIR": str(data),
        "GXGRAPH_STORE": "falkordb",
        "GXGRAPH_PORT": str(free_port()),
    }
    cli = [sys.executable, "-m", "gxgraph"]
    created = subprocess.run(
        [*cli, "keys", "create", "--name", "e2e", "--role", "viewer"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = json.loads(created.stdout)["key"]
    try:
        with served_by_cli(env, ready_within=60) as base:
            yield base, key
    finally:
        subprocess.run([*cli, "store", "stop"], env=env, check=False, capture_output=True)


def test_served_sample_answers_search_neighbors_and_paths(server: tuple[str, str]) -> None:
    base, key = server
    headers = {"X-API-Key": key}
    stats = httpx.get(f"{base}/v1/stats", headers=headers).json()
    assert sum(stats["nodes"].values()) >= 200
    hits = httpx.get(f"{base}/v1/search", params={"q": "cyber"}, headers=headers).json()
    assert hits
    first = hits[0]["id"]
    around = httpx.get(f"{base}/v1/nodes/{first}/neighbors", headers=headers).json()
    assert around["neighbors"]
    far = around["neighbors"][-1]["node"]["id"]
    paths = httpx.get(f"{base}/v1/paths", params={"from": first, "to": far}, headers=headers).json()
    assert paths["paths"][0]["nodes"][0]["id"] == first
    assert httpx.get(f"{base}/v1/fields").status_code == 401


def test_sample_loaded_once(server: tuple[str, str], tmp_path: Path) -> None:
    base, key = server
    version = httpx.get(f"{base}/v1/stats", headers={"X-API-Key": key}).json()["graph_version"]
    assert version >= 1
