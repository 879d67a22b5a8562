"""Connectors that fill the graph from open, citable sources (OpenAlex, PatentsView).

Every connector maps its source's records to import rows, resolves organisations against the graph
(:mod:`gxgraph.sources.resolution`: strong ids first, then normalised names, weak matches held for
review) and writes through :func:`gxgraph.services.imports.import_rows`, so a load is all or nothing and
a re-run reports what it created, updated or left unchanged.
"""
