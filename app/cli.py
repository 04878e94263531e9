"""The ``kb`` command: ``kb ingest``, ``kb serve``, ``kb migrate``.

Every command migrates a fresh database by itself and works from any directory (migrations ship
inside the package). Errors are one line each, never a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer
from pydantic import ValidationError
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from app import __version__
from app.cli_common import err, migrate_or_exit, out, safe_url
from app.settings import explain, get_settings

cli = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Newsroom Knowledge Base: ingest news articles and serve what they say.",
)


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


@cli.command()
def migrate() -> None:
    """Apply database migrations (creates the database if needed)."""
    url = get_settings().database_url
    migrate_or_exit(url)
    out.print(f"database {safe_url(url)} is at the newest schema")


@cli.command()
def ingest(
    arguments: list[str] = typer.Argument(
        ..., metavar="PATH|URL...", help="article files, folders (searched recursively), page or feed URLs"
    ),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, max=64, help="parallel language-processing workers"
    ),
    batch_size: int = typer.Option(None, "--batch-size", min=1, help="articles per nlp.pipe batch"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Ingest articles; exit 0 only if every file went in or was already present."""
    from app.cli_web import ingest_urls, split_arguments
    from app.ingest import summary
    from app.ingest.pipeline import DatabaseUnavailable, IngestReport, ingest_paths
    from app.storage.db import create_ingest_engine

    settings = get_settings()
    paths, urls = split_arguments(arguments)
    migrate_or_exit(settings.database_url)
    engine = create_ingest_engine(settings.database_url)
    started = time.monotonic()
    notes: list[str] = []
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=err,
        disable=quiet or not err.is_terminal,
    )
    with progress:
        task = progress.add_task("", total=None)
        try:
            report = IngestReport()
            if paths:
                report = ingest_paths(
                    paths,
                    engine,
                    model=settings.spacy_model,
                    workers=workers,
                    batch_size=batch_size or settings.ingest_batch_size,
                    max_bytes=settings.max_article_bytes,
                    on_file_start=lambda n: progress.update(task, total=n),
                    on_file_done=lambda f: progress.update(
                        task, advance=1, description=summary.literal(Path(f).name[:40])
                    ),
                )
            if urls:
                notes = ingest_urls(
                    urls,
                    engine,
                    report,
                    settings=settings,
                    workers=workers,
                    batch_size=batch_size or settings.ingest_batch_size,
                )
        except DatabaseUnavailable as exc:
            err.print(Text.assemble(("error:", "red"), " database unavailable, ingest stopped: ",
                                    summary.literal(str(exc))), soft_wrap=True)  # fmt: skip
            raise typer.Exit(2) from None
        except RuntimeError as exc:
            err.print(Text.assemble(("error:", "red"), " ", summary.literal(str(exc))), soft_wrap=True)
            raise typer.Exit(2) from None
        finally:
            engine.dispose()
    for problem in summary.problem_lines(report):
        err.print(problem, highlight=False, soft_wrap=True)
    for note in [*notes, summary.skipped_line(report, paths)]:
        if note:
            out.print(summary.literal(note), highlight=False, markup=False, soft_wrap=True)
    counts = summary.counts(report, time.monotonic() - started)
    out.print(counts, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(130 if report.interrupted else 0 if report.ok else 1)


@cli.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="interface to bind"),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="port to listen on (0: any free one)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="server processes"),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level"),
    jobs: bool = typer.Option(
        None, "--jobs/--no-jobs", help="also run ingest jobs (POST /articles); default: on with SQLite"
    ),
) -> None:
    """Serve the REST API (migrates a fresh database first) and print the address it listens on."""
    from app.cli_web import start_job_runner, stop_job_runner
    from app.serving import run_server
    from app.storage.db import is_sqlite

    url = get_settings().database_url
    migrate_or_exit(url)
    runner = start_job_runner() if (is_sqlite(url) if jobs is None else jobs) else None
    try:
        run_server(host, port, workers, log_level, on_listening=lambda url: out.print(url, highlight=False))
    finally:
        if runner is not None:
            stop_job_runner(runner)


def _register_web_commands() -> None:
    from app.cli_web import register

    register(cli)


_register_web_commands()


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
