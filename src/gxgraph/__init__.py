"""gxgraph: a knowledge-graph service for GX x DX innovation ecosystems."""

__version__ = "0.1.0"
