"""Innovation profile: Japan's report figures, gap arithmetic, creative destruction, honesty flags."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from gxgraph.analytics.graph import graph_from_rows
from gxgraph.analytics.profile import compare_countries, innovation_profile
from gxgraph.errors import NotFound


def figure(indicator: str, year: int, **props: Any) -> dict[str, Any]:
    return {"indicator": indicator, "year": year, "source": "test", "illustrative": False, **props}


def country(iso: str, figures: list[dict[str, Any]], **props: Any) -> dict[str, Any]:
    return {
        "kind": "country",
        "id": f"country-{iso.lower()}",
        "iso_code": iso,
        "indicators": figures,
        **props,
    }


@pytest.fixture
def small() -> nx.MultiDiGraph:
    return graph_from_rows(
        [
            country(
                "AA",
                [
                    figure("rd_investment", 2022, rank=10),
                    figure("rd_investment", 2023, rank=2),
                    figure("patents", 2023, rank=4),
                    figure("patents", 2023, rank=40, illustrative=True),  # a sourced duplicate wins
                    figure("ict_services_exports", 2023, rank=30, illustrative=True),
                    figure("unicorn_valuation", 2022, rank=7),
                    figure("firm_entry_rate", 2021, value=5.0),
                    figure("firm_exit_rate", 2021, value=4.5),
                    figure("firm_entry_rate", 2022, value=6.0, illustrative=True),
                    figure("firm_exit_rate", 2022, value=2.0),
                    figure("firm_entry_rate", 2023, value=1.0),  # no exit rate: no index
                ],
                region="asia",
                name_en="Aland",
            ),
            country(
                "BB", [figure("patents", 2023, rank=9), figure("labour_productivity_growth", 2023, rank=9)]
            ),
            country("CC", []),
            {"kind": "company", "id": "co", "country": "AA"},
        ]
    )


def test_profile_by_hand(small: nx.MultiDiGraph) -> None:
    p = innovation_profile(small, "aa")
    assert (p.id, p.iso_code, p.region, p.name_en, p.year) == ("country-aa", "AA", "asia", "Aland", 2023)
    assert [(str(f.indicator), f.rank) for f in p.inputs] == [("rd_investment", 2), ("patents", 4)]
    assert [(str(f.indicator), f.rank) for f in p.outputs] == [("ict_services_exports", 30)]
    assert p.missing == [
        "ip_receipts",
        "labour_productivity_growth",
        "creative_services_exports",
        "unicorn_valuation",
    ]
    assert (p.mean_input_rank, p.mean_output_rank, p.gap) == (3.0, 30.0, 27.0)
    assert p.score == 27.0
    assert p.components == {"gap": 27.0, "mean_input_rank": 3.0, "mean_output_rank": 30.0}
    assert [(d.year, d.entry_rate, d.exit_rate, d.index, d.illustrative) for d in p.creative_destruction] == [
        (2021, 5.0, 4.5, 9.5, False),
        (2022, 6.0, 2.0, 8.0, True),
    ]
    assert p.illustrative is True
    assert p.illustrative_figures == ["ict_services_exports 2023", "creative_destruction 2022"]


def test_profile_for_a_year(small: nx.MultiDiGraph) -> None:
    p = innovation_profile(small, "AA", year=2022)
    assert [(str(f.indicator), f.rank) for f in p.inputs] == [("rd_investment", 10)]
    assert [(str(f.indicator), f.rank) for f in p.outputs] == [("unicorn_valuation", 7)]
    assert (p.gap, p.illustrative_figures) == (-3.0, ["creative_destruction 2022"])
    empty = innovation_profile(small, "AA", year=1999)
    assert (empty.inputs, empty.outputs, empty.gap, empty.score) == ([], [], None, 0.0)
    assert len(empty.missing) == 7
    assert len(empty.creative_destruction) == 2  # the index is a series, not tied to the rank year


def test_profile_without_figures(small: nx.MultiDiGraph) -> None:
    p = innovation_profile(small, "CC")
    assert (p.year, p.mean_input_rank, p.mean_output_rank, p.gap, p.illustrative) == (
        None,
        None,
        None,
        None,
        False,
    )
    with pytest.raises(NotFound):
        innovation_profile(small, "ZZ")


def test_compare_sorted_by_gap(small: nx.MultiDiGraph) -> None:
    rows = compare_countries(small)
    assert [(p.iso_code, p.gap) for p in rows] == [("AA", 27.0), ("BB", 0.0), ("CC", None)]
    assert [p.iso_code for p in compare_countries(small, ["cc", "aa", "AA"])] == ["AA", "CC"]
    assert compare_countries(small, ["AA"], year=2022)[0].gap == -3.0
    with pytest.raises(NotFound):
        compare_countries(small, ["AA", "ZZ"])


def test_japan_in_the_sample(sample_graph: nx.MultiDiGraph) -> None:
    """The report's GII 2023 figures for Japan, sourced and not illustrative."""
    p = innovation_profile(sample_graph, "JP")
    assert p.year == 2023
    assert [f.rank for f in p.inputs] == [5, 3, 1]
    assert [str(f.indicator) for f in p.inputs] == ["rd_investment", "patents", "ip_receipts"]
    assert [f.rank for f in p.outputs] == [83, 111, 58, 46]
    assert [str(f.indicator) for f in p.outputs] == [
        "ict_services_exports",
        "labour_productivity_growth",
        "creative_services_exports",
        "unicorn_valuation",
    ]
    assert p.mean_input_rank == 3.0
    assert p.mean_output_rank == 74.5
    assert p.gap == 71.5
    assert not any(f.illustrative for f in (*p.inputs, *p.outputs))
    assert all("Global Innovation Index 2023" in (f.source or "") for f in (*p.inputs, *p.outputs))
    assert p.missing == []
    # the entry and exit rates are sample figures: carried, and flagged
    assert [d.year for d in p.creative_destruction] == [2019, 2020, 2021, 2022, 2023]
    assert p.creative_destruction[0].index == pytest.approx(4.4 + 3.5)
    assert all(d.illustrative for d in p.creative_destruction)
    assert p.illustrative_figures == [f"creative_destruction {y}" for y in range(2019, 2024)]


def test_sample_comparison(sample_graph: nx.MultiDiGraph) -> None:
    rows = compare_countries(sample_graph)
    assert len(rows) == 14
    assert rows[0].iso_code == "JP"  # the widest input-output gap in the sample
    gaps = [p.gap for p in rows if p.gap is not None]
    assert gaps == sorted(gaps, reverse=True)
    japan = rows[0]
    others = [p for p in rows if p.iso_code != "JP"]
    assert all(p.illustrative for p in others)  # their ranks are sample figures
    assert max(d.index for p in others for d in p.creative_destruction) > max(
        d.index for d in japan.creative_destruction
    )


def test_synthetic_profiles(synthetic_graph: nx.MultiDiGraph) -> None:
    rows = compare_countries(synthetic_graph)
    assert rows
    for p in rows:
        assert p.illustrative == bool(p.illustrative_figures)
        assert all(f.illustrative for f in (*p.inputs, *p.outputs))
    assert rows == compare_countries(synthetic_graph)
