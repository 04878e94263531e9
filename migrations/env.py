"""Alembic environment: runs against the connection or URL that ``app.storage.migrate`` passes in.

On PostgreSQL an advisory lock serialises concurrent migrators (several ``kb ingest`` processes
starting at once against a fresh database).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from app.storage.db import create_script_engine
from app.storage.models import Base

config = context.config
target_metadata = Base.metadata
MIGRATION_LOCK_ID = 7_412_003


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run(connection) -> None:
    # SQLite can roll DDL back too: one transaction per run, so a crash mid-migration (a killed
    # first `kb ingest`) leaves the previous schema rather than tables without a recorded version.
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True, transactional_ddl=True
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_script_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
