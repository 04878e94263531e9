"""What every `kb` command shares: its consoles and bringing the database to the newest schema.

Its own module so that `app.cli` and `app.cli_web` (the write API's commands) both import it and
neither imports the other.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.exc import DBAPIError, OperationalError

out = Console()
err = Console(stderr=True)


def fail(line: str) -> NoReturn:
    """One line on stderr, exit status 2: what every refused setting or unreachable database gives."""
    err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def migrate_or_exit(url: str) -> None:
    from app.startup import StartupError, check_database
    from app.storage.migrate import ensure_migrated

    try:
        check_database(url)
        ensure_migrated(url)
    except StartupError as exc:
        fail(str(exc))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        fail(f"cannot reach the database {safe_url(url)}: {reason}")
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        fail(f"KB_DATABASE_URL: the database {safe_url(url)} cannot be used: {reason}")


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
