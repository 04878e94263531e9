"""The API's write side: key checks, the rate limit and queuing jobs, on a small pooled engine.

The read path keeps its single raw connection (app.queries.database); writes are rare by
comparison and run in the thread pool, each in one short transaction: spend the key's allowance,
record the job and queue it, together or not at all.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine
from starlette.requests import Request

from app.auth import ratelimit
from app.auth.keys import Verifier
from app.jobs import queue, store
from app.netguard import AddressPolicy, BlockedAddress
from app.settings import Settings
from app.storage.db import create_db_engine


@dataclass
class Accepted:
    job_id: str


@dataclass
class RateLimited:
    retry_after: float


class WriteDatabase:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine: Engine = create_db_engine(
            settings.database_url, pool_size=4, sqlite_cache_mb=2, sqlite_mmap_mb=0
        )
        self.verifier = Verifier()
        self.policy = AddressPolicy.from_settings(settings.fetch_allowed_networks)

    def close(self) -> None:
        self.engine.dispose()

    def authenticate(self, presented: str) -> int | None:
        with self.engine.connect() as conn:
            found = self.verifier.check(conn, presented)
            conn.rollback()
            return found

    def submit(self, api_key_id: int, kind: str, payload: dict[str, Any]) -> Accepted | RateLimited:
        with self.engine.begin() as conn:
            wait = ratelimit.spend(
                conn,
                api_key_id,
                per_minute=self.settings.rate_limit_per_minute,
                burst=self.settings.rate_limit_burst,
            )
            if wait is not None:
                return RateLimited(wait)
            job_id, public_id = store.create(conn, kind, payload, api_key_id=api_key_id)
            queue.enqueue(conn, job_id)
        return Accepted(public_id)

    def job(self, public_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            found = store.get(conn, public_id)
            conn.rollback()
            return found

    def refuse_address(self, url: str) -> str | None:
        """Why a URL to fetch is refused before any lookup (a literal non-public address), else
        None; names are resolved and checked again by the worker on every connection."""
        host = (urlsplit(url).hostname or "").strip("[]").lower()
        literal = "127.0.0.1" if host == "localhost" or host.endswith(".localhost") else host
        try:
            ip = ipaddress.ip_address(literal)
        except ValueError:
            return None
        try:
            self.policy.check(host, ip)
        except BlockedAddress as exc:
            return str(exc)
        return None


def writes(request: Request) -> WriteDatabase:
    """This process's write side, made on first use (a read-only deployment never opens it)."""
    db = getattr(request.app.state, "writes", None)
    if db is None:
        db = request.app.state.writes = WriteDatabase(request.app.state.settings)
    return db
