"""What every `kb` command shares: its consoles and bringing the database to the newest schema.

Its own module so that `app.cli` and `app.cli_web` (the write API's commands) both import it and
neither imports the other.
"""

from __future__ import annotations

import typer
from rich.console import Console
from sqlalchemy.exc import OperationalError

out = Console()
err = Console(stderr=True)


def migrate_or_exit(url: str) -> None:
    from app.storage.migrate import ensure_migrated

    try:
        ensure_migrated(url)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        err.print(f"[red]error:[/red] cannot reach the database {safe_url(url)}: {reason}", markup=True)
        raise typer.Exit(2) from None


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
