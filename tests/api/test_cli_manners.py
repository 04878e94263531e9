"""The `kb` command's manners: `kb serve` says where it listens, `kb --version` answers, and a setting
it cannot use is one line naming the variable and what it accepts (exit status 2, no traceback)
while every spelling of a PostgreSQL URL works."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import time

import httpx
import pytest
from sqlalchemy.engine import make_url

from app import __version__
from testkit.kb import PG_ENV, kb_command, run_kb


def kb(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KB_") or k == PG_ENV}
    return subprocess.run(
        [*kb_command(), *args], env={**environ, **env}, capture_output=True, text=True, timeout=120
    )


def test_version():
    result = kb(["--version"])
    assert result.returncode == 0 and __version__ in result.stdout


def test_serve_prints_the_address_it_listens_on(tmp_path):
    env = {**os.environ, "KB_DATABASE_URL": f"sqlite:///{tmp_path}/kb.sqlite3"}
    proc = subprocess.Popen(
        [*kb_command(), "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()  # --port 0: the port the system chose, known only once bound
        url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        deadline = time.monotonic() + 30
        while True:
            try:
                assert httpx.get(f"{url}/healthz").json()["status"] == "ok"
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(10)


def assert_one_line(result: subprocess.CompletedProcess, *expected: str) -> str:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "variable, value, expected",
    [
        ("KB_QUERY_TIMEOUT_MS", "soon", "an integer at least 10"),
        ("KB_QUERY_TIMEOUT_MS", "1", "at least 10"),
        ("KB_TOTAL_CAP", "lots", "an integer"),
        ("KB_EVENTS_INCLUDE_UNDATED", "maybe", "true or false"),
        ("KB_CORS_ORIGINS", "[not json", "JSON list or comma-separated"),
        ("KB_DATABASE_URL", "mysql://user@db.example/kb", "postgresql://"),
        ("KB_DATABASE_URL", "sqlite://", "needs a file path"),
        ("KB_DATABASE_URL", "sqlite:///:memory:", "needs a file path"),
        ("KB_DATABASE_URL", "not a url at all", "not a database URL"),
    ],
)
@pytest.mark.parametrize("command", [["serve"], ["migrate"]])
def test_a_setting_that_cannot_be_used_is_one_line(variable, value, expected, command):
    assert_one_line(kb(command, **{variable: value}), f"{variable}:", expected, "accepted:")


def test_a_file_that_is_not_sqlite(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("these are my notes, not a database\n")
    line = assert_one_line(kb(["serve"], KB_DATABASE_URL=f"sqlite:///{notes}"), "KB_DATABASE_URL:")
    assert "not a SQLite database" in line
    assert notes.read_text() == "these are my notes, not a database\n"  # and it is left alone
    assert_one_line(kb(["migrate"], KB_DATABASE_URL=f"sqlite:///{tmp_path}"), "is a folder")


def test_a_database_from_a_newer_kb(tmp_path):
    url = f"sqlite:///{tmp_path}/kb.sqlite3"
    assert kb(["migrate"], KB_DATABASE_URL=url).returncode == 0
    with sqlite3.connect(tmp_path / "kb.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    for command in (["serve"], ["migrate"]):
        assert_one_line(
            kb(command, KB_DATABASE_URL=url), "KB_DATABASE_URL:", "0099_from_the_future", "upgrade kb"
        )


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgres_urls_without_a_driver_work(fresh_url_factory, server_factory, scheme):
    url = make_url(fresh_url_factory("postgres")).set(drivername=scheme).render_as_string(hide_password=False)
    assert url.startswith(f"{scheme}://")
    migrated = run_kb(["migrate"], url)
    assert migrated.returncode == 0, migrated.stderr
    server = server_factory(url)
    assert server.client.get("/healthz").json() == {"status": "ok", "database": "postgresql"}
