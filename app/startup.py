"""What every command checks before it uses the database, so a wrong setting is one line that names
``KB_DATABASE_URL`` and says what is accepted, never a traceback from deep inside a driver.

- a SQLite path that exists must be a SQLite database file (not a text file, not a folder, not a
  pipe or a device, which SQLite would report as a "disk I/O error" naming nothing);
- the database must not be at a migration this version of kb does not know (a newer kb migrated
  it): running older code against a newer schema would fail in unpredictable ways.
"""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app.storage.db import is_sqlite
from app.storage.migrate import alembic_config, current_revision

SQLITE_HEADER = b"SQLite format 3\x00"


class StartupError(Exception):
    """A setting the command cannot work with; ``str()`` is the one line to show."""


def check_database(url: str) -> None:
    if is_sqlite(url):
        _check_sqlite_file(Path(make_url(url).database or ""))
    _check_schema_known(url)


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StartupError(f"KB_DATABASE_URL: {path} is a folder; accepted: a SQLite database file path")
    if path.exists() and not path.is_file():
        raise StartupError(
            f"KB_DATABASE_URL: {path} is not a regular file (a pipe, socket or device); accepted: a "
            "SQLite database file path"
        )
    if path.is_file() and path.stat().st_size > 0:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise StartupError(
                f"KB_DATABASE_URL: {path} is not a SQLite database; accepted: a SQLite database file, "
                "or a path where kb may create one"
            )


def _check_schema_known(url: str) -> None:
    current = current_revision(url)
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config(url))
    known = {r.revision for r in script.walk_revisions()}
    if current not in known:
        raise StartupError(
            f"KB_DATABASE_URL: the database is at migration {current}, which this version of kb does "
            f"not know (its newest is {script.get_current_head()}); accepted: a database migrated by "
            "this or an older version of kb (upgrade kb to use this one)"
        )
