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


def _run(url: str, sql: str, params: list[dict] | dict | None = None) -> list[tuple]:
    from sqlalchemy import text

    engine = create_script_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params or {})
            return result.all() if result.returns_rows else []
    finally:
        engine.dispose()


def test_0004_rewrites_publisher_and_period_keys_and_back(fresh_url):
    """Keys stored by the previous writer (``str.lower``) become what ``app.keys`` looks up, and
    a downgrade restores exactly what the previous writer stored."""
    from app import keys

    upgrade(fresh_url, "0003")
    publishers = ["Süddeutsche Straße", "The Straits Times", "Reuters", "Le Monde\u00a0Diplomatique", None]
    _run(
        fresh_url,
        "INSERT INTO sources (content_hash, publisher, publisher_key, authors, credits, text, word_count) "
        "VALUES (:h, :p, :k, '[]', '[]', 'text', 1)",
        [{"h": f"h{i}", "p": p, "k": (p or "").lower() or None} for i, p in enumerate(publishers)],
    )
    periods = ["The 2024 Fiscal Year", "the year to March", "Año 2023", "2022", None]
    old_period = [" ".join((p or "").lower().replace("the ", "").split()) or None for p in periods]
    _run(
        fresh_url,
        "INSERT INTO figures (text, unit, period, period_key, approximate, is_change) "
        "VALUES ('1', 'count', :p, :k, false, false)",
        [{"p": p, "k": k} for p, k in zip(periods, old_period, strict=True)],
    )

    upgrade(fresh_url, "0004w")
    stored = dict(_run(fresh_url, "SELECT publisher, publisher_key FROM sources WHERE publisher IS NOT NULL"))
    assert stored == {p: keys.publisher_key(p) for p in publishers if p}
    assert stored["Süddeutsche Straße"] == keys.publisher_key("SUDDEUTSCHE STRASSE") == "suddeutsche strasse"
    assert stored["The Straits Times"] == "straits times"
    rows = _run(fresh_url, "SELECT period, period_key FROM figures")
    assert {p: k for p, k in rows} == {p: (keys.period_key(p) or None) for p in periods}

    downgrade(fresh_url, "0003")
    assert sorted(
        _run(fresh_url, "SELECT publisher_key FROM sources WHERE publisher_key IS NOT NULL")
    ) == sorted(((p or "").lower(),) for p in publishers if p)
    rows = _run(fresh_url, "SELECT period, period_key FROM figures")
    assert {p: k for p, k in rows} == dict(zip(periods, old_period, strict=True))


def test_0004_cuts_name_keys_longer_than_a_name_key_may_be(fresh_url):
    """A 250-character speaker name: its key is cut to what the reader computes for it."""
    from app import keys

    upgrade(fresh_url, "0003")
    long_name = "Spokes " + "person " * 35 + "Jones"
    assert len(keys.name_key(long_name)) <= keys.NAME_KEY_LENGTH < len(long_name)
    _run(
        fresh_url,
        "INSERT INTO quotes (text, text_key, kind, speaker_type, speaker_name, speaker_key) "
        "VALUES ('words', 'k', 'direct', 'person', :n, :k)",
        {"n": long_name, "k": " ".join(long_name.lower().split())},
    )
    _run(fresh_url, "INSERT INTO events (summary, summary_key) VALUES ('s', 's')")
    _run(
        fresh_url,
        "INSERT INTO event_participants (event_id, position, name, name_key) "
        "SELECT id, 0, :n, :k FROM events",
        {"n": long_name, "k": " ".join(long_name.lower().split())},
    )
    upgrade(fresh_url, "0004w")
    assert _run(fresh_url, "SELECT speaker_key FROM quotes") == [(keys.speaker_key(long_name),)]
    assert _run(fresh_url, "SELECT name_key FROM event_participants") == [(keys.name_key(long_name),)]
    downgrade(fresh_url, "0003")
    upgrade(fresh_url)


def test_0004_cuts_long_alias_keys_on_sqlite(tmp_path):
    """SQLite did not enforce the 200-character alias column: keys longer than that are cut, and an
    alias that becomes the same as another of its person's aliases goes."""
    from app import keys

    url = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    upgrade(url, "0003")
    base = "Very " * 45
    names = [base + "Long Name", base + "Long Namesake"]  # the same first 200 characters
    _run(
        url,
        "INSERT INTO people (id, name, name_key) VALUES (1, :n, :k)",
        {"n": names[0], "k": names[0].lower()},
    )
    _run(
        url,
        "INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (1, :a, :k)",
        [{"a": n, "k": " ".join(n.lower().split())} for n in [*names, "Name"]],
    )
    upgrade(url, "0004w")
    assert _run(url, "SELECT name_key FROM people") == [(keys.name_key(names[0]),)]
    aliases = sorted(k for (k,) in _run(url, "SELECT alias_key FROM person_aliases"))
    assert aliases == sorted({keys.name_key(n) for n in [*names, "Name"]})
    assert all(len(k) <= keys.NAME_KEY_LENGTH for k in aliases)


def test_the_serving_migration_adds_and_removes_its_index(fresh_url):
    """0007s (figures (id, value)) goes up and down on its own, leaving 0004r's schema."""
    upgrade(fresh_url, "0004r")
    assert "ix_figures_id_value" not in index_names(fresh_url, "figures")
    upgrade(fresh_url, "0007s")
    assert "ix_figures_id_value" in index_names(fresh_url, "figures")
    downgrade(fresh_url, "0004r")
    assert current_revision(fresh_url) == "0004r"
    assert "ix_figures_id_value" not in index_names(fresh_url, "figures")
    upgrade(fresh_url)
    assert "ix_figures_id_value" in index_names(fresh_url, "figures")


def index_names(url: str, table: str) -> set[str]:
    engine = create_script_engine(url)
    try:
        return {i["name"] for i in inspect(engine).get_indexes(table)}
    finally:
        engine.dispose()
