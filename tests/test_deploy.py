"""The deployment example (deploy/) names only settings, commands and files that exist.

The example cannot run here (no Docker engine on the build machine); this keeps it from drifting."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from gxgraph.settings import Settings

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _compose() -> dict[str, Any]:
    compose: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    return compose


def _gxgraph_services() -> dict[str, Any]:
    return {name: service for name, service in _compose()["services"].items() if "build" in service}


def test_every_gxgraph_setting_in_the_example_is_a_setting() -> None:
    fields = {f"GXGRAPH_{name.upper()}" for name in Settings.model_fields}
    services = _gxgraph_services()
    assert set(services) == {"api", "analytics"}
    for name, service in services.items():
        unknown = {key for key in service["environment"] if key not in fields}
        assert not unknown, f"{name} sets {unknown}, which are not gxgraph settings"
        environment = {key: str(value) for key, value in service["environment"].items()}
        Settings.model_validate(  # every value is one the settings accept
            {
                key.removeprefix("GXGRAPH_").lower(): value
                for key, value in environment.items()
                if "$" not in value
            }
        )


def test_the_commands_are_gxgraph_commands() -> None:
    for service in _gxgraph_services().values():
        program, *args = service["command"]
        assert program == "gxgraph"
        done = subprocess.run(
            [sys.executable, "-m", "gxgraph", *args[:1], "--help"],
            check=False,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        for option in (arg for arg in args if arg.startswith("--")):
            assert option in done.stdout


def test_the_image_copies_files_that_exist_and_the_proxy_routes_to_services() -> None:
    repo = DEPLOY.parent
    copied = re.findall(r"^COPY (.+) \S+$", (DEPLOY / "Dockerfile").read_text(encoding="utf-8"), re.MULTILINE)
    sources = [source for line in copied for source in line.split()]
    assert "constraints.txt" in sources
    assert all((repo / source).exists() for source in sources)
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    upstreams = set(re.findall(r"reverse_proxy (?:@\w+ )?(\w+):8000", caddy))
    assert upstreams == set(_gxgraph_services())
    for service in _gxgraph_services().values():
        assert service["environment"]["GXGRAPH_PORT"] == "8000"
