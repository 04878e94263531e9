"""Alembic is the only way the schema is made: upgrade, downgrade and upgrade again on both databases,
and the migrated schema matches the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.storage.db import create_script_engine
from app.storage.migrate import current_revision, downgrade, head_revision, upgrade
from app.storage.models import Base

TABLES = {
    "sources",
    "people",
    "person_aliases",
    "quotes",
    "quote_topics",
    "figures",
    "figure_topics",
    "figure_conflicts",
    "events",
    "event_participants",
    "topics",
    "evidence",
}


def table_names(url: str) -> set[str]:
    engine = create_script_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(fresh_url):
    upgrade(fresh_url)
    assert current_revision(fresh_url) == head_revision(fresh_url)
    assert table_names(fresh_url) >= TABLES
    downgrade(fresh_url, "base")
    assert current_revision(fresh_url) is None
    assert not (TABLES & table_names(fresh_url))
    upgrade(fresh_url)
    assert table_names(fresh_url) >= TABLES


def test_migrated_schema_matches_the_models(fresh_url):
    upgrade(fresh_url)
    engine = create_script_engine(fresh_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # full-text search objects are made by the migration only (FTS5 table / generated tsvector column)
    # and the task queue's tables (procrastinate's own schema file, PostgreSQL only)
    diff = [d for d in diff if not any(k in str(d) for k in ("quotes_fts", "search", "procrastinate"))]
    assert diff == []


def test_topics_table_matches_the_taxonomy_in_code(fresh_url):
    """The read path serves the table, the write path classifies with app.taxonomy: they must agree."""
    from sqlalchemy import text

    from app.taxonomy import TOPICS

    upgrade(fresh_url)
    engine = create_script_engine(fresh_url)
    with engine.connect() as conn:
        rows = set(conn.execute(text("SELECT slug, label, iptc_code, parent_slug FROM topics")).all())
    engine.dispose()
    assert rows == {(t.slug, t.label, t.iptc_code, t.parent) for t in TOPICS}


def test_a_migration_that_fails_midway_leaves_the_previous_schema(tmp_path, fresh_url):
    """DDL is transactional on both databases: a crash inside a migration rolls all of it back."""
    import shutil
    from importlib import resources

    from alembic import command

    from app.storage.migrate import alembic_config

    upgrade(fresh_url)
    scripts = tmp_path / "migrations"
    shutil.copytree(resources.files("app.migrations"), scripts)
    head = head_revision(fresh_url)
    (scripts / "versions" / "9999_fails.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n\ndef upgrade():\n"
        '    op.create_table("half_made", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    raise RuntimeError("killed midway")\n\n\ndef downgrade():\n    pass\n'
    )
    cfg = alembic_config(fresh_url)
    cfg.set_main_option("script_location", str(scripts))
    with pytest.raises(RuntimeError, match="killed midway"):
        command.upgrade(cfg, "head")
    assert current_revision(fresh_url) == head
    assert "half_made" not in table_names(fresh_url)
    assert table_names(fresh_url) >= TABLES
