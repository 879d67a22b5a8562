"""The one settings object; every value comes from a ``GXGRAPH_*`` environment variable."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StoreBackend(StrEnum):
    """Which graph store the service talks to."""

    FALKORDB = "falkordb"
    NEO4J = "neo4j"


class Settings(BaseSettings):
    """Runtime configuration of the service, the CLI and the tests."""

    model_config = SettingsConfigDict(env_prefix="GXGRAPH_", extra="ignore")

    store: StoreBackend = StoreBackend.FALKORDB
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("gxgraph")))

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_transaction_rows: int = Field(default=50_000, ge=1)
    """Imports up to this many rows are one transaction; larger ones commit every this many rows."""

    falkordb_graph: str = "gxgraph"
    falkordb_socket: Path | None = None
    """Connect to this running FalkorDB socket instead of starting the embedded one."""

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    max_body_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    import_batch_size: int = Field(default=5000, ge=1, le=100_000)
    warm_analytics: bool = True
    """Build the analytics projection in the background at start-up, so the first analysis is quick."""
    anonymous_role: Literal["viewer", "analyst", "secretariat", "admin"] | None = None
    """Role granted to requests without an API key (``viewer`` for a local demo); none by default."""

    @property
    def falkordb_dir(self) -> Path:
        """Folder that holds the embedded store's socket, append-only file and lock."""
        return self.data_dir / "falkordb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
