"""API keys: ``kb_<key id>_<secret>``, shown once, stored only as an argon2 hash.

The key id is a public prefix, so a presented key is checked against one stored hash instead of
argon2-verifying against every key (argon2 is slow on purpose: ~50 ms and 64 MiB per check).
argon2-cffi's ``verify`` compares in constant time; an unknown key id is verified against a dummy
hash, so a wrong id and a wrong secret take the same time. A key once verified is remembered by
its SHA-256 for a few minutes, so a busy client pays for argon2 once, not per request; whether it
is revoked is still read from the database on every write.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from app.storage.models import ApiKey

KEY_FORMAT = re.compile(r"^kb_(?P<key_id>[0-9a-f]{12})_(?P<secret>[A-Za-z0-9_-]{32,100})$")
NAME_FORMAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}$")
CACHE_TTL_S = 300


class KeyProblem(ValueError):
    """A key cannot be created or revoked (bad name, name taken, unknown name)."""


@dataclass
class KeyRow:
    id: int
    name: str
    key_id: str
    created_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    return hasher().hash(secrets.token_urlsafe(32))


def new_key() -> tuple[str, str]:
    """(key id, full key)."""
    key_id = secrets.token_hex(6)
    return key_id, f"kb_{key_id}_{secrets.token_urlsafe(32)}"


def create(conn: Connection, name: str) -> str:
    """Store a new key's hash under ``name``; returns the key (the only time it exists in clear)."""
    name = name.strip()
    if not NAME_FORMAT.match(name):
        raise KeyProblem("a key name is 1-100 letters, digits, spaces or . _ @ -")
    existing = conn.execute(select(ApiKey.revoked_at).where(ApiKey.name == name)).first()
    if existing is not None and existing[0] is None:
        raise KeyProblem(f"a key named {name!r} already exists (revoke it first to replace it)")
    if existing is not None:
        _rename_revoked(conn, name)
    key_id, key = new_key()
    conn.execute(insert(ApiKey).values(name=name, key_id=key_id, secret_hash=hasher().hash(key)))
    return key


def revoke(conn: Connection, name: str) -> bool:
    stmt = update(ApiKey).where(ApiKey.name == name, ApiKey.revoked_at.is_(None))
    return bool(conn.execute(stmt.values(revoked_at=_utcnow())).rowcount)


def _rename_revoked(conn: Connection, name: str) -> None:
    """A revoked key's name may be reused: the old row stays (jobs name it) under another name."""
    conn.execute(
        update(ApiKey)
        .where(ApiKey.name == name, ApiKey.revoked_at.is_not(None))
        .values(name=f"{name} (revoked {secrets.token_hex(3)})"[:100])
    )


def list_keys(conn: Connection) -> list[KeyRow]:
    rows = conn.execute(
        select(
            ApiKey.id, ApiKey.name, ApiKey.key_id, ApiKey.created_at, ApiKey.revoked_at, ApiKey.last_used_at
        ).order_by(ApiKey.name)
    ).all()  # fmt: skip
    return [KeyRow(*r) for r in rows]


class Verifier:
    """Checks presented keys; one per API process."""

    def __init__(self) -> None:
        self._verified: dict[bytes, tuple[int, float]] = {}

    def check(self, conn: Connection, presented: str) -> int | None:
        """The api_keys row id of a valid, unrevoked key, else None."""
        match = KEY_FORMAT.match(presented)
        if not match:
            return None
        digest = hashlib.sha256(presented.encode()).digest()
        hit = self._verified.get(digest)
        row = conn.execute(
            select(ApiKey.id, ApiKey.secret_hash, ApiKey.revoked_at).where(ApiKey.key_id == match["key_id"])
        ).first()
        if hit and row is not None and row[0] == hit[0] and hit[1] > time.monotonic():
            return None if row[2] is not None else int(row[0])
        ok = _verify(row[1] if row is not None else dummy_hash(), presented)
        if not ok or row is None or row[2] is not None:
            return None
        if len(self._verified) > 10_000:
            self._verified.clear()
        self._verified[digest] = (int(row[0]), time.monotonic() + CACHE_TTL_S)
        return int(row[0])


def _verify(stored: str, presented: str) -> bool:
    try:
        return hasher().verify(stored, presented)
    except (VerificationError, InvalidHashError):
        return False


def _utcnow() -> datetime:
    from datetime import UTC

    return datetime.now(UTC).replace(tzinfo=None)
