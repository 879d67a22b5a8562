"""Schemathesis over the whole checked-in ``openapi.yaml``, against a real uvicorn on each store.

Generated requests (valid and invalid) must never get a 5xx, and every response must match the
document: its status code declared, its body and headers matching their schemas. The budget is
bounded for CI (``GXGRAPH_FUZZ_EXAMPLES`` per operation and phase); the seed is fixed so a failure
reproduces, and ``GXGRAPH_FUZZ_SEED`` explores further.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.live import free_port, served_by_cli

CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
    )
)
EXAMPLES = {"falkordb": int(os.environ.get("GXGRAPH_FUZZ_EXAMPLES", "8")), "neo4j": 3}


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["falkordb", "neo4j"])
def test_no_generated_request_breaks_the_api_or_its_document(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    env = {
        **os.environ,
        "GXGRAPH_DATA_DIR": str(tmp_path),
        "GXGRAPH_STORE": backend,
        "GXGRAPH_PORT": str(free_port()),
        "GXGRAPH_WARM_ANALYTICS": "false",
    }
    if backend == "neo4j":
        request.getfixturevalue("neo4j_session_store").clear()
        env["GXGRAPH_NEO4J_URI"] = request.getfixturevalue("neo4j_uri")
    cli = [sys.executable, "-m", "gxgraph"]
    key = subprocess.run([*cli, "keys", "dev"], env=env, capture_output=True, text=True, check=True)
    try:
        with served_by_cli(env) as base:
            run = subprocess.run(
                [
                    Path(sys.executable).parent / "schemathesis", "run", str(REPO / "openapi.yaml"),
                    "--url", base, "-H", f"X-API-Key: {key.stdout.strip()}",
                    "--checks", CHECKS, "--phases", "examples,coverage,fuzzing",
                    "--max-examples", str(EXAMPLES[backend]),
                    "--seed", os.environ.get("GXGRAPH_FUZZ_SEED", "20261201"),
                    "--workers", "1", "--request-timeout", "60", "--max-failures", "50",
                    "--suppress-health-check", "all", "--warnings", "off", "--no-color",
                ],
                env=env, capture_output=True, text=True, check=False, timeout=1200,
            )  # fmt: skip
            cases = re.search(r"(\d+) generated", run.stdout)
            print(f"schemathesis on {backend}: {cases.group(0) if cases else run.stdout[-500:]}")
            assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
            assert cases is not None
            assert int(cases.group(1)) > 1000
    finally:
        if backend == "falkordb":
            subprocess.run([*cli, "store", "stop"], env=env, check=False, capture_output=True)
