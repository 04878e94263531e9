"""Ctrl-C and a busy database: an interrupted ingest prints no traceback and says what went in
(and what it says is what the database holds); an ingest never fails because another process is
writing, and never waits for one when it only reads."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time

import pytest
from sqlalchemy import text

from app.storage.db import WAIT_FOREVER_MS, create_ingest_engine, create_script_engine
from app.storage.migrate import upgrade
from testkit import integrity
from testkit.articles import write_folder
from testkit.kb import kb_command, run_kb


def sources(url: str) -> int:
    engine = create_script_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM sources")).scalar() or 0
    except Exception:
        return 0  # not migrated yet
    finally:
        engine.dispose()


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_prints_no_traceback_and_reports_what_went_in(tmp_path, fresh_url, workers):
    folder = write_folder(tmp_path / "in", range(300))
    upgrade(fresh_url)
    env = {**os.environ, "KB_DATABASE_URL": fresh_url}
    proc = subprocess.Popen(
        [*kb_command(), "ingest", "--quiet", "--workers", str(workers), str(folder)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while sources(fresh_url) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err + out
    stored = sources(fresh_url)
    assert 3 <= stored < 300
    assert "interrupted (Ctrl-C) after" in out and f": ingested {stored}, already present 0" in out
    assert integrity.problems(fresh_url) == []


def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kb.sqlite3'}"


def hold_write_lock(url: str) -> sqlite3.Connection:
    """Another writer in the middle of its store: it holds SQLite's write lock."""
    conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_an_ingest_that_only_reads_never_waits_for_a_writer(tmp_path):
    """Hash lookups and the schema check read a snapshot: a file already present is reported as
    such while another process holds the write lock (it waited 30 s and failed before)."""
    url = sqlite_url(tmp_path)
    folder = write_folder(tmp_path / "in", range(2))
    assert run_kb(["ingest", str(folder)], url).returncode == 0
    writer = hold_write_lock(url)
    try:
        started = time.monotonic()
        again = run_kb(["ingest", str(folder)], url, timeout=25)
        took = time.monotonic() - started
    finally:
        writer.rollback()
        writer.close()
    assert again.returncode == 0, again.stderr
    assert "ingested 0, already present 2, failed 0" in again.stdout
    assert took < 20


def test_an_ingest_waits_for_another_writer_then_stores(tmp_path):
    url = sqlite_url(tmp_path)
    upgrade(url)
    folder = write_folder(tmp_path / "in", range(1))
    writer = hold_write_lock(url)
    release = threading.Timer(4, writer.commit)
    release.start()
    try:
        result = run_kb(["ingest", str(folder)], url, timeout=120)
    finally:
        release.join()
        writer.close()
    assert result.returncode == 0, result.stderr
    assert "ingested 1" in result.stdout


def test_the_ingest_engine_waits_as_long_as_the_lock_is_held(tmp_path):
    """SQLite's busy timeout is the longest it has (it was 30 s: a long store by another process
    made a waiting ingest fail with "database is locked")."""
    url = sqlite_url(tmp_path)
    upgrade(url)
    engine = create_ingest_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == WAIT_FOREVER_MS
    engine.dispose()
