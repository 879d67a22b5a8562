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

    falkordb_graph: str = "gxgraph"
    falkordb_socket: Path | None = None
    """Connect to this running FalkorDB socket instead of starting the embedded one."""
    falkordb_start_timeout: float = Field(default=300.0, gt=0)
    """Seconds to wait for the embedded FalkorDB to load its files and answer, at start and on restart."""
    falkordb_appendfsync: Literal["everysec", "always"] = "everysec"
    """When the embedded FalkorDB fsyncs its log: ``always`` loses no acknowledged write even to a power
    cut, at a cost per write; ``everysec`` can lose the last second to a power cut or kernel crash."""

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    max_body_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    max_import_bytes: int = Field(default=8 * 1024**3, ge=1024)
    """Largest ``POST /v1/import`` body: it is spooled to a temporary file and parsed line by line, so
    a national-scale file (100k nodes with their links is about 107 MB) is not held as one string."""
    max_import_rows: int = Field(default=1_000_000, ge=1)
    """Most rows one import takes (HTTP, ``gxgraph import``, ``gxgraph seed``). One import is one
    transaction that holds its whole plan in memory: about 5.7 KB per row at its peak (measured at
    121k rows), 6 GB for a million. ``gxgraph import --part-rows`` imports a larger file in parts."""
    import_batch_size: int = Field(default=5000, ge=1, le=100_000)
    warm_analytics: bool = True
    """Build the analytics projection in the background at start-up, so the first analysis is quick, and
    precompute the heavy analyses (brokers, communities, central institutions) on each new projection."""
    anonymous_role: Literal["viewer", "analyst", "secretariat", "admin"] | None = None
    """Role granted to requests without an API key (``viewer`` for a local demo); none by default."""
    query_timeout_seconds: float = Field(default=15.0, gt=0, le=3600)
    """Server-side limit for one read query; past it the store cancels it and the API answers 504."""
    store_connect_timeout_seconds: float = Field(default=3.0, gt=0, le=120)
    """How long to wait for a connection to the store (and for the driver's retries) before a 503."""
    request_deadline_seconds: float = Field(default=30.0, gt=0, le=3600)
    """A read (GET) whose response has not started by then gets 504, even from a store that hangs."""
    retry_after_seconds: int = Field(default=5, ge=1, le=3600)
    """The ``Retry-After`` sent with 503 answers."""

    # Rate limits: requests per window, 0 = unlimited. Off by default: the default deployment is one
    # person's loopback server (``make run``), where a limit only costs a store round trip per request.
    # README "Rate limits" gives the values recommended for a shared server.
    rate_limit_window_seconds: int = Field(default=60, ge=1, le=3600)
    """Length of the fixed window the limits below count in (60: the limits are per minute)."""
    rate_limit_viewer: int = Field(default=0, ge=0)
    """Requests per window for each key of the viewer role (0 = unlimited)."""
    rate_limit_analyst: int = Field(default=0, ge=0)
    """Requests per window for each key of the analyst role (0 = unlimited)."""
    rate_limit_secretariat: int = Field(default=0, ge=0)
    """Requests per window for each key of the secretariat role (0 = unlimited)."""
    rate_limit_admin: int = Field(default=0, ge=0)
    """Requests per window for each key of the admin role (0 = unlimited)."""
    rate_limit_anonymous: int = Field(default=0, ge=0)
    """Requests per window for each client address sending no key (served as ``anonymous_role``)."""
    api_key_cache_seconds: float = Field(default=2.0, ge=0, le=60)
    """How long a process reuses an active API key's record before reading it from the store again
    (0: read it on every request). The bound on revocation: a key revoked elsewhere (the command
    line, another worker or host) is refused by every process at most this many seconds later."""
    workers: int = Field(default=1, ge=1, le=64)
    """Worker processes ``gxgraph serve`` starts; rate limits are counted in the store, so they hold
    across workers."""

    url: str | None = None
    """A gxgraph server for the Python client and ``gxgraph analyze --url`` (e.g. ``http://host:8000``)."""
    api_key: SecretStr | None = None
    """The API key the Python client and ``gxgraph analyze --url`` send."""

    openalex_mailto: str | None = None
    """Your e-mail address, sent as ``mailto`` so OpenAlex serves ``gxgraph sources openalex`` from its
    polite pool (faster, more reliable); OpenAlex asks every client to send one."""
    openalex_api_key: SecretStr | None = None
    """An OpenAlex API key (premium or registered use), sent as ``api_key``; optional."""
    openalex_url: str = "https://api.openalex.org"
    """Base URL of the OpenAlex API."""

    @property
    def sources_dir(self) -> Path:
        """Folder of the connectors' downloads and checkpoints (``gxgraph sources openalex``)."""
        return self.data_dir / "sources"

    @property
    def falkordb_dir(self) -> Path:
        """Folder that holds the embedded store's socket, append-only file and lock."""
        return self.data_dir / "falkordb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
