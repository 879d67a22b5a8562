"""``python -m gxgraph`` runs the command line."""

from gxgraph.cli import app

app()
