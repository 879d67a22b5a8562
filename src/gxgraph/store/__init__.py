"""Graph stores: one backend per module behind the ``GraphStore`` protocol."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from gxgraph.settings import Settings, StoreBackend, get_settings
from gxgraph.store.base import GraphStore


def open_store(settings: Settings) -> GraphStore:
    """Open the configured store and make sure its schema (constraints, indexes) exists."""
    store: GraphStore
    if settings.store is StoreBackend.NEO4J:
        from gxgraph.store.neo4j import Neo4jStore

        store = Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
            query_timeout=settings.query_timeout_seconds,
            connect_timeout=settings.store_connect_timeout_seconds,
        )
    else:
        from gxgraph.store.falkordb import FalkorDBStore

        if settings.falkordb_socket is not None:
            store = FalkorDBStore(
                settings.falkordb_socket,
                settings.falkordb_graph,
                query_timeout=settings.query_timeout_seconds,
            )
        else:
            store = FalkorDBStore.embedded(
                settings.falkordb_dir,
                settings.falkordb_graph,
                query_timeout=settings.query_timeout_seconds,
                start_timeout=settings.falkordb_start_timeout,
                appendfsync=settings.falkordb_appendfsync,
            )
    try:
        store.ensure_schema()
    except Exception:
        store.close()
        raise
    return store


@contextmanager
def opened_store(settings: Settings | None = None) -> Iterator[GraphStore]:
    """``open_store`` (with the environment's settings by default), closed when the block ends."""
    store = open_store(settings or get_settings())
    try:
        yield store
    finally:
        store.close()
