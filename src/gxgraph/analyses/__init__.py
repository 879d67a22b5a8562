"""The analyses registry: each analysis declared once (:mod:`.spec`, :mod:`.catalogue`); the HTTP
routes and the ``gxgraph analyze`` commands are generated from it."""

from gxgraph.analyses import catalogue_network  # noqa: F401 - registers the catalogue's second half
from gxgraph.analyses.catalogue import ANALYSES
from gxgraph.analyses.spec import (
    AnalysisParams,
    AnalysisSpec,
    Projected,
    Registry,
    run_analysis,
    validate_params,
)

__all__ = [
    "ANALYSES",
    "AnalysisParams",
    "AnalysisSpec",
    "Projected",
    "Registry",
    "run_analysis",
    "validate_params",
]
