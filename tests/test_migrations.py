"""Alembic is the only way the schema is made: upgrade, downgrade and upgrade again on both databases,
and the migrated schema matches the models."""

from __future__ import annotations

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
    diff = [d for d in diff if "quotes_fts" not in str(d) and "search" not in str(d)]
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
