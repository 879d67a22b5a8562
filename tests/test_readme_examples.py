"""Every example in README.md, run against a live server, so the README stays true.

The examples are README.md's shell blocks (``sh``, ``bash``, ``shell``, ``console``) and Python blocks
(``python``, ``pycon``). The one rule for leaving an example out: the line right before its fence is

    <!-- example: not-run (why it cannot run here) -->

so the reason sits next to the block in the README source. Every other example runs, one test each,
named after its heading and its position under that heading. Other fences (the Mermaid diagram, the
JSON error shape, the source tree) are not commands and must say so with their language.

The examples run as a reader pastes them, top to bottom in one terminal: in README order, in one
scratch folder (holding a ``.venv`` link to this interpreter's environment, because the README calls
``.venv/bin/gxgraph``), against one ``gxgraph serve --seed-if-empty`` on a fresh embedded store with
the sample ecosystem. The environment says where that server is, in the variables the README uses:
``GXGRAPH_URL`` (its base URL), ``GXGRAPH_API_KEY`` (the key ``gxgraph keys dev`` prints) and
``GXGRAPH_DATA_DIR`` (so the CLI in the examples opens the same store). Shell blocks run under
``bash -e -u -o pipefail`` and their ``curl`` calls must use ``--fail-with-body``, so an HTTP error fails
the test; Python blocks run in their own interpreter, ``>>>`` blocks as doctests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.live import free_port, served_by_cli

README = REPO / "README.md"
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell", "console"})
PYTHON_LANGUAGES = frozenset({"python", "py", "pycon"})
NOT_COMMANDS = frozenset({"json", "jsonl", "mermaid", "text", "csv", "yaml", "toml"})
"""Fence languages of text that is shown, not run: diagrams, data shapes, file trees."""
EXAMPLE_TIMEOUT_SECONDS = 300

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<ticks>`{3,})\s*(?P<language>[^\s`]*)")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_NOT_RUN = re.compile(r"^<!--\s*example:\s*not-run\s*\((?P<reason>[^)]*)\)\s*-->$")
_LOCAL_URL = re.compile(r"(?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])(?::\d+)?")
_GXGRAPH_URL_DEFAULT = re.compile(
    r"\$\{GXGRAPH_URL:-[^}]*\}"
    r"|(?:environ\.get|getenv)\(\s*[\"']GXGRAPH_URL[\"']\s*,\s*[\"'][^\"']*[\"']\s*\)"
)
"""The places a local address may appear in an example: as the default of ``GXGRAPH_URL``."""
_CURL_FAILS_ON_HTTP_ERROR = re.compile(r"(?:^|\s)(?:--fail-with-body|--fail|-[a-zA-Z]*f[a-zA-Z]*)(?=\s|$)")


@dataclass(frozen=True)
class Block:
    """One fenced block of README.md."""

    heading: str
    position: int
    """1-based position among the blocks under ``heading``."""
    line: int
    """README line of the opening fence."""
    language: str
    code: str
    not_run_reason: str | None

    @property
    def is_example(self) -> bool:
        """Whether the block holds commands (shell or Python) rather than shown text."""
        return self.language in SHELL_LANGUAGES | PYTHON_LANGUAGES

    @property
    def test_id(self) -> str:
        """The test's name: the heading as a slug and the block's position under it."""
        slug = re.sub(r"[^0-9a-z]+", "-", self.heading.lower()).strip("-")
        return f"{slug}-{self.position}"


@dataclass(frozen=True)
class ReadmeScan:
    """README.md's fenced blocks, and what is wrong with its fences and not-run markers."""

    blocks: tuple[Block, ...]
    problems: tuple[str, ...]


def scan_readme(text: str) -> ReadmeScan:
    """Find every fenced block with its heading, and each not-run marker with its reason.

    Parameters
    ----------
    text : str
        Markdown source.

    Returns
    -------
    ReadmeScan
        The blocks in document order, and problems: unlabelled or unclosed fences, markers without a
        reason or not directly before a fence.
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    problems: list[str] = []
    heading = "top"
    per_heading: dict[str, int] = {}
    pending: tuple[int, str] | None = None
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        marker = _NOT_RUN.match(line.strip())
        if marker:
            pending = (number, marker["reason"].strip())
            if not pending[1]:
                problems.append(f"line {number}: a not-run marker needs its reason in the parentheses")
            continue
        if "example:" in line and line.lstrip().startswith("<!--"):
            problems.append(f"line {number}: write the marker as <!-- example: not-run (reason) -->")
        fence = _FENCE.match(line)
        if pending and line.strip() and not fence:
            problems.append(f"line {pending[0]}: a not-run marker must come right before a fence")
            pending = None
        if pending and fence and fence["language"] not in SHELL_LANGUAGES | PYTHON_LANGUAGES:
            problems.append(f"line {pending[0]}: a not-run marker only applies to shell or Python")
        if not fence:
            if title := _HEADING.match(line):
                heading = title["title"]
            continue
        opened, ticks, indent = number, fence["ticks"], len(fence["indent"])
        body: list[str] = []
        while number < len(lines) and not lines[number].strip().startswith(ticks):
            body.append(lines[number][indent:] if lines[number][:indent].isspace() else lines[number])
            number += 1
        if number == len(lines):
            problems.append(f"line {opened}: the fence is never closed")
        number += 1
        language = fence["language"].lower()
        if language not in SHELL_LANGUAGES | PYTHON_LANGUAGES | NOT_COMMANDS:
            problems.append(
                f"line {opened}: label the fence with a language (shell or Python to run it, or one of "
                f"{sorted(NOT_COMMANDS)}), not {language or 'nothing'!r}"
            )
        per_heading[heading] = per_heading.get(heading, 0) + 1
        reason = pending[1] if pending else None
        blocks.append(Block(heading, per_heading[heading], opened, language, "\n".join(body) + "\n", reason))
        pending = None
    if pending:
        problems.append(f"line {pending[0]}: a not-run marker must come right before a fence")
    return ReadmeScan(tuple(blocks), tuple(problems))


SCAN = scan_readme(README.read_text(encoding="utf-8"))
EXAMPLES = [block for block in SCAN.blocks if block.is_example and block.not_run_reason is None]


def shell_commands(block: Block) -> str:
    """The script a shell block runs: the block itself, or a ``console`` block's ``$`` lines."""
    if block.language != "console":
        return block.code
    commands: list[str] = []
    continued = False
    for line in block.code.splitlines():
        if line.startswith("$ ") or continued:
            commands.append(line.removeprefix("$ ") if not continued else line)
            continued = line.endswith("\\")
    return "\n".join(commands) + "\n"


def curl_calls(script: str) -> list[str]:
    """Each ``curl`` command line of a shell script, with its backslash continuations joined."""
    joined = re.sub(r"\\\n", " ", script)
    return [line.strip() for line in joined.splitlines() if re.search(r"(?:^|[\s;|&(])curl\s", line)]


@dataclass(frozen=True)
class Terminal:
    """Where the examples run: the environment naming the live server, and the scratch folder."""

    env: dict[str, str]
    folder: Path


@pytest.fixture(scope="module")
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    """A reader's terminal beside ``gxgraph serve --seed-if-empty`` on a fresh embedded store."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    port = free_port()
    # The reader's own GXGRAPH_* settings (make exports GXGRAPH_PORT) must not steer the examples.
    env = {name: value for name, value in os.environ.items() if not name.startswith("GXGRAPH_")}
    env |= {
        "GXGRAPH_STORE": "falkordb",
        "GXGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("readme-data")),
        "GXGRAPH_PORT": str(port),
        "GXGRAPH_URL": f"http://127.0.0.1:{port}",
    }
    cli = [sys.executable, "-m", "gxgraph"]
    try:
        dev_key = subprocess.run([*cli, "keys", "dev"], env=env, capture_output=True, text=True, check=True)
        env["GXGRAPH_API_KEY"] = dev_key.stdout.strip()
        with served_by_cli(env):
            yield Terminal(env, folder)
    finally:
        subprocess.run([*cli, "store", "stop"], env=env, capture_output=True, check=False)


def run_example(block: Block, terminal: Terminal, scratch: Path) -> subprocess.CompletedProcess[str]:
    """Run one example in the terminal's folder and environment; return the finished process."""
    if block.language in SHELL_LANGUAGES:
        # The ERR trap names the failing line, which bash -e alone does not; the trap is line 1.
        trap = "trap 'echo \"README example failed at block line $((LINENO - 1)): $BASH_COMMAND\" >&2' ERR"
        script = f"{trap}\n{shell_commands(block)}"
        command = ["bash", "-e", "-u", "-o", "pipefail", "-c", script]
    elif any(line.startswith(">>> ") for line in block.code.splitlines()):
        session = scratch / f"{block.test_id}.txt"
        session.write_text(block.code, encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "doctest",
            "-o",
            "ELLIPSIS",
            "-o",
            "NORMALIZE_WHITESPACE",
            str(session),
        ]
    else:
        command = [sys.executable, "-c", block.code]
    return subprocess.run(
        command,
        cwd=terminal.folder,
        env=terminal.env,
        capture_output=True,
        text=True,
        timeout=EXAMPLE_TIMEOUT_SECONDS,
        check=False,
    )


def test_readme_fences_are_labelled_and_markers_explained() -> None:
    assert SCAN.problems == ()


def test_readme_curl_examples_fail_on_http_errors() -> None:
    lenient = [
        f"README line {block.line}: {call}"
        for block in EXAMPLES
        if block.language in SHELL_LANGUAGES
        for call in curl_calls(shell_commands(block))
        if not _CURL_FAILS_ON_HTTP_ERROR.search(call)
    ]
    assert lenient == [], "give these curl calls --fail-with-body, so an HTTP error fails the example"


def test_readme_examples_reach_the_server_through_gxgraph_url() -> None:
    # A fixed address would reach whatever listens there (a reader's own make run), not the server
    # under test, and could pass against it.
    fixed = [
        f"README line {block.line}: {found.group()}"
        for block in EXAMPLES
        for found in _LOCAL_URL.finditer(_GXGRAPH_URL_DEFAULT.sub("", block.code))
    ]
    assert fixed == [], "use $GXGRAPH_URL (os.environ['GXGRAPH_URL'] in Python) for the server's address"


@pytest.mark.slow
@pytest.mark.parametrize("block", EXAMPLES, ids=[block.test_id for block in EXAMPLES])
def test_readme_example_runs(block: Block, terminal: Terminal, tmp_path: Path) -> None:
    finished = run_example(block, terminal, tmp_path)
    assert finished.returncode == 0, (
        f"README.md line {block.line} ({block.heading}, {block.language} block {block.position}) "
        f"exited with {finished.returncode}\n--- stdout\n{finished.stdout[-4000:]}\n"
        f"--- stderr\n{finished.stderr[-4000:]}"
    )


HARNESS_CHECKS = [
    ("sh", 'curl -sS --fail-with-body -H "X-API-Key: $GXGRAPH_API_KEY" "$GXGRAPH_URL/v1/stats"\n', True),
    (
        "sh",
        'curl -sS --fail-with-body -H "X-API-Key: $GXGRAPH_API_KEY" "$GXGRAPH_URL/v1/nodes/nope"\n',
        False,
    ),
    ("sh", 'curl -sS --fail-with-body "$GXGRAPH_URL/v1/stats" | cat\n', False),
    ("console", "$ test -x .venv/bin/gxgraph\n$ .venv/bin/gxgraph store stats\n{}\n", True),
    (
        "python",
        "import os, httpx\n"
        "answer = httpx.get(os.environ['GXGRAPH_URL'] + '/v1/stats',"
        " headers={'X-API-Key': os.environ['GXGRAPH_API_KEY']})\n"
        "answer.raise_for_status()\n",
        True,
    ),
    (
        "python",
        "import httpx, os\nhttpx.get(os.environ['GXGRAPH_URL'] + '/v1/stats').raise_for_status()\n",
        False,
    ),
    ("pycon", ">>> 1 + 1\n2\n", True),
    ("pycon", ">>> 1 + 1\n3\n", False),
]


@pytest.mark.parametrize(
    ("language", "code", "succeeds"),
    HARNESS_CHECKS,
    ids=[f"{language}-{index}" for index, (language, _, _) in enumerate(HARNESS_CHECKS, 1)],
)
def test_examples_fail_exactly_when_they_go_wrong(
    language: str, code: str, succeeds: bool, terminal: Terminal, tmp_path: Path
) -> None:
    """The harness itself: the server's variables are set, and an HTTP error or a wrong answer fails."""
    finished = run_example(Block("harness", 1, 1, language, code, None), terminal, tmp_path)
    assert (finished.returncode == 0) is succeeds, finished.stdout + finished.stderr
    if not succeeds and language == "sh":
        assert "README example failed at block line 1: " in finished.stderr


def test_scan_finds_blocks_headings_markers_and_problems() -> None:
    text = (
        "# Title\n"
        "## Start\n"
        "<!-- example: not-run (installs things) -->\n"
        "```sh\nmake run\n```\n"
        "```sh\ncurl -sS --fail-with-body x\n```\n"
        "## Shape\n"
        "```\nunlabelled\n```\n"
        "<!-- example: not-run () -->\n"
        "```python\nprint(1)\n```\n"
        "<!-- example: not-run (dangling) -->\n"
        "prose\n"
    )
    scan = scan_readme(text)
    assert [(b.heading, b.position, b.language, b.not_run_reason) for b in scan.blocks] == [
        ("Start", 1, "sh", "installs things"),
        ("Start", 2, "sh", None),
        ("Shape", 1, "", None),
        ("Shape", 2, "python", ""),
    ]
    assert scan.blocks[1].code == "curl -sS --fail-with-body x\n"
    assert [problem.split(":")[0] for problem in scan.problems] == ["line 11", "line 14", "line 18"]


def test_console_prompts_curl_calls_and_fixed_addresses_are_found() -> None:
    console = Block("h", 1, 1, "console", "$ echo a \\\n  b\na b\n$ curl -s x | jq .\n{}\n", None)
    assert shell_commands(console) == "echo a \\\n  b\ncurl -s x | jq .\n"
    assert _GXGRAPH_URL_DEFAULT.sub("", "U=${GXGRAPH_URL:-http://127.0.0.1:8000}") == "U="
    python = 'os.environ.get("GXGRAPH_URL", "http://localhost:8000") + "http://localhost:8000"'
    assert [m.group() for m in _LOCAL_URL.finditer(_GXGRAPH_URL_DEFAULT.sub("", python))] == [
        "localhost:8000"
    ]
    calls = curl_calls("curl -sSf x\ncurl -s \\\n  --fail-with-body y\nX=$(curl -s z)\n")
    assert [bool(_CURL_FAILS_ON_HTTP_ERROR.search(call)) for call in calls] == [True, True, False]
