"""Vendors the browser libraries the service serves itself, from npm at pinned versions.

Pages served by gxgraph never load anything from outside the server: each JavaScript/CSS library is
taken from the npm registry at the version pinned in ``scripts/vendor.json``, checked against the
tarball integrity recorded there, and its needed files copied into the package's static folder with
their licence. ``--check`` (run by the test suite) only verifies that the committed files are the
ones the manifest names, byte for byte.

    python scripts/vendor_assets.py          # fetch with `npm pack`, verify, copy, record hashes
    python scripts/vendor_assets.py --check  # verify the committed copies
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "scripts" / "vendor.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _integrity(tarball: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()


def fetch(name: str, spec: dict[str, Any]) -> dict[str, str]:
    """Download ``name@version``, verify its integrity, copy its files; returns their sha256."""
    destination = REPO / spec["dest"]
    destination.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"{name}@{spec['version']}", "--pack-destination", tmp, "--silent"],
            check=True,
            capture_output=True,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        if _integrity(tarball) != spec["integrity"]:
            sys.exit(f"{name}@{spec['version']}: tarball integrity differs from scripts/vendor.json")
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        hashes = {}
        for file in spec["files"]:
            data = (Path(tmp) / "package" / file).read_bytes()
            target = destination / file
            target.parent.mkdir(parents=True, exist_ok=True)  # files may sit in the package's dist/
            target.write_bytes(data)
            hashes[file] = hashlib.sha256(data).hexdigest()
    return hashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed copies only")
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    problems = []
    for name, spec in manifest.items():
        if args.check:
            for file, expected in spec["sha256"].items():
                path = REPO / spec["dest"] / file
                if not path.exists() or sha256(path) != expected:
                    problems.append(f"{name}: {spec['dest']}/{file} is missing or differs from the manifest")
            continue
        spec["sha256"] = fetch(name, spec)
        print(f"vendored {name}@{spec['version']} into {spec['dest']}")
    if not args.check:
        MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
