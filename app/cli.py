"""The ``kb`` command: ``kb ingest``, ``kb serve``, ``kb migrate``.

Every command migrates a fresh database by itself and works from any directory (migrations ship
inside the package). Errors are one line each, never a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import DBAPIError, OperationalError

from app import __version__
from app.settings import explain, get_settings

cli = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Newsroom Knowledge Base: ingest news articles and serve what they say.",
)
out = Console()
err = Console(stderr=True)


def _version(show: bool) -> None:
    if show:
        out.print(f"kb (newsroom-kb) {__version__}", highlight=False)
        raise typer.Exit()


@cli.callback()
def _global(
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_version, help="print the version and exit"
    ),
) -> None:
    """Newsroom Knowledge Base: ingest news articles and serve what they say."""


def _fail(line: str) -> NoReturn:
    """One line on stderr, exit status 2: what every refused setting or unreachable database gives."""
    err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _migrate_or_exit(url: str) -> None:
    from app.startup import StartupError, check_database
    from app.storage.migrate import ensure_migrated

    try:
        check_database(url)
        ensure_migrated(url)
    except StartupError as exc:
        _fail(str(exc))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        _fail(f"cannot reach the database {_safe_url(url)}: {reason}")
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        _fail(f"KB_DATABASE_URL: the database {_safe_url(url)} cannot be used: {reason}")


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@cli.command()
def migrate() -> None:
    """Apply database migrations (creates the database if needed)."""
    url = get_settings().database_url
    _migrate_or_exit(url)
    out.print(f"database {_safe_url(url)} is at the newest schema")


@cli.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="article files or folders (searched recursively)"),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, max=64, help="parallel language-processing workers"
    ),
    batch_size: int = typer.Option(None, "--batch-size", min=1, help="articles per nlp.pipe batch"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Ingest articles; exit 0 only if every file went in or was already present."""
    from app.ingest.pipeline import DatabaseUnavailable, ingest_paths
    from app.storage.db import create_db_engine

    settings = get_settings()
    _migrate_or_exit(settings.database_url)
    engine = create_db_engine(settings.database_url)
    started = time.monotonic()
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        disable=quiet or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("", total=None)
        try:
            report = ingest_paths(
                paths,
                engine,
                model=settings.spacy_model,
                workers=workers,
                batch_size=batch_size or settings.ingest_batch_size,
                on_file_start=lambda n: progress.update(task, total=n),
                on_file_done=lambda f: progress.update(task, advance=1, description=Path(f).name[:40]),
            )
        except DatabaseUnavailable as exc:
            err.print(f"[red]error:[/red] database unavailable, ingest stopped: {exc}")
            raise typer.Exit(2) from None
        except RuntimeError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        finally:
            engine.dispose()
    for failure in report.failed:
        err.print(f"[red]failed[/red] {failure.origin}: {failure.reason}", highlight=False, soft_wrap=True)
    out.print(
        f"ingested {len(report.ingested)}, already present {len(report.present)}, "
        f"failed {len(report.failed)} ({time.monotonic() - started:.1f}s)",
        highlight=False,
    )
    raise typer.Exit(0 if report.ok else 1)


@cli.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="interface to bind"),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="port to listen on (0: any free one)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="server processes"),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level"),
) -> None:
    """Serve the REST API (migrates a fresh database first) and print the address it listens on."""
    from app.serving import run_server

    _migrate_or_exit(get_settings().database_url)
    run_server(host, port, workers, log_level, on_listening=lambda url: out.print(url, highlight=False))


def main() -> None:
    try:
        cli()
    except ValidationError as exc:  # a KB_* setting that cannot be used (app.settings.explain)
        for line in explain(exc):
            err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
