"""After an OpenAlex + patents load of the fixtures, the existing analytics find the gaps in them."""

from __future__ import annotations

from pathlib import Path

from gxgraph.sources.openalex_run import load_records
from gxgraph.sources.patents import load_patents
from gxgraph.store.base import GraphStore
from tests.conftest import make_api
from tests.sources.conftest import PATENTSVIEW
from tests.sources.test_openalex_load import SCOPE, SUBFIELD, api_records


def test_loaded_fixtures_show_a_commercialisation_gap_and_a_partnership_gap(
    fresh: GraphStore, tmp_path: Path
) -> None:
    load_records(fresh, api_records(tmp_path), SCOPE)
    load_patents(fresh, PATENTSVIEW)
    for api in make_api(fresh):
        gaps = api.client.get("/v1/analytics/commercialisation-gaps", headers=api.headers())
        assert gaps.status_code == 200, gaps.text
        rows = {row["id"]: row for row in gaps.json()["results"]}
        # Toyota's (and Panasonic's) solid-state battery patents, and no deployment at all in the data
        ssb = rows["tech-solid-state-battery"]
        assert ssb["patents"] == 4
        assert ssb["deployments"] == 0
        assert ssb["score"] > 0
        assert ssb["name_en"] == "All-solid-state batteries"

        partnership = api.client.get(
            "/v1/analytics/partnership-gaps", params={"min_score": 0.8}, headers=api.headers()
        )
        assert partnership.status_code == 200, partnership.text
        pairs = {(g["institution"]["id"], g["field"]["id"]): g for g in partnership.json()["results"]}
        # Tsinghua (the subfield's world leader) and MIT are world-class there; no Japanese company
        # partners with them; the University of Tokyo (0.672) and Japanese institutions are not gaps.
        assert set(pairs) == {
            ("inst-openalex-i9000000002", SUBFIELD),
            ("inst-openalex-i9000000001", SUBFIELD),
        }
        tsinghua = pairs[("inst-openalex-i9000000002", SUBFIELD)]
        assert tsinghua["strong_in_score"] == round(2650 / 2700, 3)
        assert tsinghua["institution"]["region"] == "asia"
