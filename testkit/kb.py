"""Running the real `kb` command and server, and making throwaway PostgreSQL databases.

Shared by the test suite and the scripts (benchmarks, fuzzing, the kill loop), so neither imports
the other.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
KB = Path(sys.executable).with_name("kb")
PG_ENV = "KB_TEST_POSTGRES_URL"


def kb_command() -> list[str]:
    return [str(KB)] if KB.exists() else [sys.executable, "-m", "app.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_kb(
    args: list[str],
    url: str,
    cwd: Path | None = None,
    timeout: int = 600,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {}), "KB_DATABASE_URL": url}
    return subprocess.run(
        [*kb_command(), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def create_pg_database(prefix: str = "kb_test") -> str:
    """A fresh, empty PostgreSQL database; returns its URL."""
    base = os.environ[PG_ENV]
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class Server:
    """A real `kb serve` process on a free port."""

    def __init__(self, url: str, *, env: dict[str, str] | None = None, args: list[str] | None = None) -> None:
        self.db_url = url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "KB_DATABASE_URL": url, **(env or {})}
        self.proc = subprocess.Popen(
            [*kb_command(), "serve", "--port", str(self.port), *(args or [])],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self.client = httpx.Client(base_url=self.base, timeout=30)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kb serve exited: {self.proc.stderr.read().decode()[-2000:]}")
            try:
                self.client.get("/openapi.json")
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("kb serve did not start")

    def close(self) -> None:
        self.client.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
