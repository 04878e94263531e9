"""Bad settings and URLs, through every command that opens the database: one line naming
KB_DATABASE_URL and what is accepted (exit 2, no traceback), and nothing created or migrated
anywhere. Completes test_cli_manners with the spellings a hostile run found."""

from __future__ import annotations

import os
import subprocess

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from testkit.kb import PG_ENV, kb_command

COMMANDS = [["serve", "--port", "0"], ["migrate"], ["ingest", "{folder}"]]


def kb(args: list[str], url: str, folder: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KB_") or k == PG_ENV}
    argv = [a.format(folder=folder) for a in args]
    return subprocess.run(
        [*kb_command(), *argv],
        env={**environ, "KB_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
    )


def assert_one_line(result: subprocess.CompletedProcess, *expected: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for piece in ("KB_DATABASE_URL:", "accepted:", *expected):
        assert piece in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://", "database name"),
        ("postgresql://user@db.example", "database name"),
        ("postgresql://user@db.example:abc/kb", "port"),
        ("postgresql://user@db.example:99999/kb", "port"),
        ("postgresql://user@[::1/kb", "not a database URL"),
        ("mysql://user@db.example/kb", "not supported"),
        ("mysql+pymysql://user@db.example/kb", "not supported"),
        ("sqlite://", "needs a file path"),
        ("sqlite:///", "needs a file path"),
        ("::::", "not a database URL"),
    ],
)
@pytest.mark.parametrize("command", COMMANDS)
def test_an_unusable_url_is_one_line(tmp_path, url, expected, command):
    assert_one_line(kb(command, url, str(tmp_path)), expected)
    assert list(tmp_path.iterdir()) == []  # nothing created


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_that_is_no_regular_file(tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null"):
        assert_one_line(kb(command, f"sqlite:///{target}", str(tmp_path)), "not a regular file")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_text_file_is_not_a_database(tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    assert_one_line(kb(command, f"sqlite:///{notes}", str(tmp_path)), "not a SQLite database")
    assert notes.read_text() == "not a database\n"


@pytest.mark.postgres
@pytest.mark.parametrize("command", COMMANDS)
def test_a_postgres_database_from_a_newer_kb(fresh_url_factory, tmp_path, command):
    from app.storage.migrate import upgrade

    url = fresh_url_factory("postgres")
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()
    assert_one_line(kb(command, url, str(tmp_path)), "0099_from_the_future", "upgrade kb")
    assert make_url(url).database  # untouched: still at the future revision
    engine = create_engine(url)
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099_from_the_future"
        )
    engine.dispose()
