"""The sample ecosystem in the embedded store, and every report format in both languages written from it.

Reports read the graph only through the analyses registry, whose answers are the same on both
stores (tests/test_analytics_parity.py), so the report tests use the embedded store alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gxgraph.analyses import ANALYSES, run_analysis, validate_params
from gxgraph.reports.build import ReportFile, write_report
from gxgraph.reports.changes import SnapshotStore
from gxgraph.reports.data import ReportFormat, ReportRequest
from gxgraph.reports.messages import Lang
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import SAMPLE, load_jsonl


@dataclass
class Written:
    """The sample store, its projection cache, and the reports written from it (one per format and language)."""

    store: FalkorDBStore
    cache: ProjectionCache
    snapshots: SnapshotStore
    files: dict[tuple[ReportFormat, Lang], ReportFile]

    def analysis(self, name: str, **values: Any) -> Any:
        """An analysis's answer on the same graph, asked the way any client asks it."""
        spec = ANALYSES[name]
        return run_analysis(spec, validate_params(spec, values), self.cache, self.store).results


@pytest.fixture(scope="module")
def written(falkordb_session_store: FalkorDBStore, tmp_path_factory: pytest.TempPathFactory) -> Written:
    store = falkordb_session_store
    store.clear()
    load_jsonl(store, SAMPLE.read_text(encoding="utf-8"))
    cache = ProjectionCache(store)
    snapshots = SnapshotStore(Path(tmp_path_factory.mktemp("snapshots")))
    files = {
        (fmt, lang): write_report(store, cache, ReportRequest(lang=lang, format=fmt), snapshots)
        for fmt in ReportFormat
        for lang in Lang
    }
    return Written(store, cache, snapshots, files)
