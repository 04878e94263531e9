"""`kb worker`, `kb keys create|list|revoke` and `kb feeds add|list|remove`, and the parts of
`kb ingest` that deal with URLs and with files it cannot read.

Kept apart from app.cli so the commands of the write API live together; app.cli registers them.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from app.cli_common import err, migrate_or_exit, out
from app.settings import Settings, get_settings

if TYPE_CHECKING:
    pass

keys_app = typer.Typer(no_args_is_help=True, help="API keys for POST /articles.")
feeds_app = typer.Typer(no_args_is_help=True, help="Feeds that workers poll for new articles.")
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
EVERY = re.compile(r"^(\d+)\s*([smhd]?)$")
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _engine(settings: Settings):
    from app.storage.db import create_db_engine

    migrate_or_exit(settings.database_url)
    return create_db_engine(settings.database_url, pool_size=2)


# --- kb ingest: URLs and unsupported files ---------------------------------------------------------


def split_arguments(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Paths and URLs: a ``scheme://`` argument is a URL (never a path whose ``//`` collapses)."""
    paths = [Path(a) for a in arguments if not URL.match(a)]
    urls = [a for a in arguments if URL.match(a)]
    return paths, urls


def ingest_urls(
    urls: list[str], engine, report, *, settings: Settings, workers: int, batch_size: int
) -> list[str]:
    """Fetch and ingest each URL (a page, or a feed's new entries) into ``report``; returns notes."""
    from app.ingest.fetch import Fetcher
    from app.ingest.pipeline import ingest_records
    from app.ingest.web import UrlSource

    with Fetcher.from_settings(settings, public_only=False) as fetcher:
        source = UrlSource(engine, fetcher)
        stored_before = len(report.ingested) + len(report.present)
        ingest_records(
            ((url, source.records(url)) for url in urls),
            engine,
            model=settings.spacy_model,
            batch_size=batch_size,
            workers=workers,
            report=report,
        )
        source.remember((report.ingested + report.present)[stored_before:])
    return source.notes


# --- kb worker ------------------------------------------------------------------------------------


def worker(
    burst: bool = typer.Option(False, "--burst", help="stop when no job is left instead of waiting"),
    parent_pid: int = typer.Option(
        None, "--parent-pid", hidden=True, help="stop when this process (kb serve) is gone"
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="log only warnings"),
) -> None:
    """Run ingest jobs (articles sent to POST /articles, feed polls) until stopped.

    On PostgreSQL start as many as you like, on any machines: each job runs once, and the job of a
    worker that dies is run again by another. On SQLite, `kb serve` already runs one."""
    from app.jobs.work import JobContext
    from app.storage.db import is_sqlite

    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = get_settings()
    ctx = JobContext(_engine(settings), settings)
    try:
        if is_sqlite(settings.database_url):
            from app.jobs.local import LocalRunner

            runner = LocalRunner(ctx, burst=burst, parent_pid=parent_pid)
            runner.install_signal_handlers()
            runner.run()
        else:
            from app.jobs.pg import run_worker

            run_worker(ctx, burst=burst, parent_pid=parent_pid)
    finally:
        ctx.close()
        ctx.engine.dispose()


def start_job_runner() -> subprocess.Popen:
    """`kb serve`'s companion: a `kb worker` that exits with the server (no extra service to run)."""
    return subprocess.Popen(
        # the parent's pid is passed, not read with getppid() at start: a server stopped while the
        # runner was still starting would leave it waiting for a parent (init) that never goes
        [sys.executable, "-m", "app.cli", "worker", "--quiet", "--parent-pid", str(os.getpid())],
        stdin=subprocess.DEVNULL,
    )


def stop_job_runner(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


# --- kb keys --------------------------------------------------------------------------------------


@keys_app.command("create")
def keys_create(name: str = typer.Argument(..., help="who the key is for, e.g. cms-prod")) -> None:
    """Make a key and print it once: only its hash is stored."""
    from app.auth.keys import KeyProblem, create

    engine = _engine(get_settings())
    try:
        with engine.begin() as conn:
            key = create(conn, name)
    except KeyProblem as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    err.print(f"key {name!r} created; it is shown only now, store it safely:")
    print(key)


@keys_app.command("list")
def keys_list() -> None:
    """Keys by name, with when they were made, last used and revoked (never the keys)."""
    from app.auth.keys import list_keys

    engine = _engine(get_settings())
    with engine.connect() as conn:
        rows = list_keys(conn)
    engine.dispose()
    if not rows:
        out.print("no keys; make one with `kb keys create NAME`")
    for row in rows:
        state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
        used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
        out.print(
            f"{row.name}\tkb_{row.key_id}_…\t{state}\tcreated {row.created_at:%Y-%m-%d}\tlast used {used}"
        )


@keys_app.command("revoke")
def keys_revoke(name: str = typer.Argument(..., help="the key's name")) -> None:
    """Revoke a key: requests with it are refused from now on."""
    from app.auth.keys import revoke

    engine = _engine(get_settings())
    with engine.begin() as conn:
        done = revoke(conn, name)
    engine.dispose()
    if not done:
        err.print(f"[red]error:[/red] no active key named {name!r}")
        raise typer.Exit(1)
    out.print(f"key {name!r} revoked")


# --- kb feeds -------------------------------------------------------------------------------------


def parse_every(value: str) -> int:
    match = EVERY.match(value.strip().lower())
    if not match or int(match[1]) == 0:
        raise typer.BadParameter("use a number with s, m, h or d, e.g. 15m")
    seconds = int(match[1]) * UNITS[match[2]]
    if seconds < 60:
        raise typer.BadParameter("poll at most once a minute")
    return seconds


@feeds_app.command("add")
def feeds_add(
    url: str = typer.Argument(..., help="an RSS or Atom feed's URL"),
    every: str = typer.Option("15m", "--every", help="how often workers poll it: 90s, 15m, 2h, 1d"),
) -> None:
    """Follow a feed: workers poll it and ingest new entries (the first poll is now)."""
    from app.ingest import feedstore
    from app.ingest.fetch import FetchError, check_url

    try:
        check_url(url)
    except FetchError as exc:
        raise typer.BadParameter(str(exc)) from None
    seconds = parse_every(every)
    engine = _engine(get_settings())
    with engine.begin() as conn:
        feedstore.follow(conn, url, seconds)
    engine.dispose()
    out.print(f"following {url} every {every}; `kb worker` (or `kb serve` on SQLite) polls it")


@feeds_app.command("list")
def feeds_list() -> None:
    """Feeds known, how often they are polled, when last, and how many articles they gave."""
    from app.ingest import feedstore

    engine = _engine(get_settings())
    with engine.connect() as conn:
        rows = feedstore.list_feeds(conn)
    engine.dispose()
    if not rows:
        out.print("no feeds; follow one with `kb feeds add URL --every 15m`")
    for row in rows:
        every = f"every {row.every_s // 60}m" if row.every_s else "not followed"
        last = f"{row.last_polled_at:%Y-%m-%d %H:%M}" if row.last_polled_at else "never"
        error = f"\tlast error: {row.last_error}" if row.last_error else ""
        out.print(f"{row.url}\t{every}\tlast polled {last}\t{row.entries} articles{error}", highlight=False)


@feeds_app.command("remove")
def feeds_remove(url: str = typer.Argument(..., help="the feed's URL")) -> None:
    """Stop following a feed (its articles stay)."""
    from app.ingest import feedstore

    engine = _engine(get_settings())
    with engine.begin() as conn:
        done = feedstore.unfollow(conn, url)
    engine.dispose()
    if not done:
        err.print(f"[red]error:[/red] no feed {url}")
        raise typer.Exit(1)
    out.print(f"no longer following {url}")


def register(cli: typer.Typer) -> None:
    cli.command()(worker)
    cli.add_typer(keys_app, name="keys")
    cli.add_typer(feeds_app, name="feeds")
