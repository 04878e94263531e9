"""Initial schema: sources, people, quotes, figures, events, topics, evidence, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("summary_key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("range_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_text", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_dates", ["date_start", "range_end"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_summary_key"), ["summary_key"], unique=False)

    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("measure", sa.Text(), nullable=True),
        sa.Column("measure_key", sa.String(length=300), nullable=True),
        sa.Column("period", sa.String(length=100), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("qualifier", sa.String(length=40), nullable=True),
        sa.Column("is_change", sa.Boolean(), nullable=False),
        sa.Column("restates_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["restates_id"], ["figures.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.create_index("ix_figures_measure_key", ["measure_key"], unique=False)
        batch_op.create_index("ix_figures_unit_value", ["unit", "value"], unique=False)
        batch_op.create_index("ix_figures_value", ["value"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("publisher_key", sa.String(length=200), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("credits", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.String(length=40), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("dateline", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column(
            "ingested_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_published_date"), ["published_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_sources_publisher_key"), ["publisher_key"], unique=False)

    op.create_table(
        "topics",
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("iptc_code", sa.String(length=40), nullable=False),
        sa.Column("parent_slug", sa.String(length=60), nullable=True),
        sa.PrimaryKeyConstraint("slug"),
    )
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("event_id", "position"),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index("ix_event_participants_name_key", ["name_key", "event_id"], unique=False)
        batch_op.create_index("ix_event_participants_person", ["person_id", "event_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_type", sa.String(length=8), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index("ix_evidence_fact", ["fact_type", "fact_id", "source_id"], unique=False)
        batch_op.create_index("ix_evidence_source", ["source_id", "fact_type", "fact_id"], unique=False)

    op.create_table(
        "figure_conflicts",
        sa.Column("figure_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figures.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["figures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("figure_id", "other_id"),
    )
    op.create_table(
        "figure_topics",
        sa.Column("figure_id", sa.Integer(), nullable=False),
        sa.Column("topic_slug", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("figure_id", "topic_slug"),
    )
    with op.batch_alter_table("figure_topics", schema=None) as batch_op:
        batch_op.create_index("ix_figure_topics_topic", ["topic_slug", "figure_id"], unique=False)

    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person_id", "alias_key"),
    )
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_person_aliases_alias_key", ["alias_key", "person_id"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("speaker_type", sa.String(length=16), nullable=True),
        sa.Column("speaker_name", sa.String(length=300), nullable=True),
        sa.Column("speaker_key", sa.String(length=300), nullable=True),
        sa.Column("speaker_person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["speaker_person_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index("ix_quotes_kind", ["kind", "id"], unique=False)
        batch_op.create_index("ix_quotes_speaker_key", ["speaker_key", "id"], unique=False)
        batch_op.create_index("ix_quotes_speaker_person", ["speaker_person_id", "id"], unique=False)
        batch_op.create_index("ix_quotes_text_key", ["text_key"], unique=False)

    op.create_table(
        "quote_topics",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("topic_slug", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["quotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quote_id", "topic_slug"),
    )
    with op.batch_alter_table("quote_topics", schema=None) as batch_op:
        batch_op.create_index("ix_quote_topics_topic", ["topic_slug", "quote_id"], unique=False)

    _create_quote_search()
    _insert_topics()


def downgrade() -> None:
    _drop_quote_search()
    with op.batch_alter_table("quote_topics", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_topics_topic")

    op.drop_table("quote_topics")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_text_key")
        batch_op.drop_index("ix_quotes_speaker_person")
        batch_op.drop_index("ix_quotes_speaker_key")
        batch_op.drop_index("ix_quotes_kind")

    op.drop_table("quotes")
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.drop_index("ix_person_aliases_alias_key")

    op.drop_table("person_aliases")
    with op.batch_alter_table("figure_topics", schema=None) as batch_op:
        batch_op.drop_index("ix_figure_topics_topic")

    op.drop_table("figure_topics")
    op.drop_table("figure_conflicts")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_source")
        batch_op.drop_index("ix_evidence_fact")

    op.drop_table("evidence")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index("ix_event_participants_person")
        batch_op.drop_index("ix_event_participants_name_key")

    op.drop_table("event_participants")
    op.drop_table("topics")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_publisher_key"))
        batch_op.drop_index(batch_op.f("ix_sources_published_date"))

    op.drop_table("sources")
    op.drop_table("people")
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index("ix_figures_value")
        batch_op.drop_index("ix_figures_unit_value")
        batch_op.drop_index("ix_figures_measure_key")

    op.drop_table("figures")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_summary_key"))
        batch_op.drop_index("ix_events_dates")

    op.drop_table("events")


# The taxonomy as it stood at this revision (a snapshot: later changes come as new migrations).
TOPICS = [
    ("crime", "crime, law and justice", "medtop:02000000", None),
    ("disaster", "disaster, accident and emergency incident", "medtop:03000000", None),
    ("economy", "economy, business and finance", "medtop:04000000", None),
    ("energy", "energy and resource", "medtop:20000256", "economy"),
    ("trade", "international trade", "medtop:20000361", "economy"),
    ("education", "education", "medtop:05000000", None),
    ("environment", "environment", "medtop:06000000", None),
    ("health", "health", "medtop:07000000", None),
    ("labour", "labour", "medtop:09000000", None),
    ("politics", "politics and government", "medtop:11000000", None),
    ("international-relations", "international relations", "medtop:20000638", "politics"),
    ("diplomacy", "diplomacy", "medtop:20000639", "international-relations"),
    ("sanctions", "economic sanction", "medtop:20000642", "international-relations"),
    ("science-technology", "science and technology", "medtop:13000000", None),
    ("science", "natural science", "medtop:20000717", "science-technology"),
    ("technology", "technology and engineering", "medtop:20000755", "science-technology"),
    ("society", "society", "medtop:14000000", None),
    ("sport", "sport", "medtop:15000000", None),
    ("conflict", "conflict, war and peace", "medtop:16000000", None),
    ("armed-conflict", "armed conflict", "medtop:20000056", "conflict"),
    ("military", "national security", "medtop:20000598", "conflict"),
]


def _insert_topics() -> None:
    table = sa.table(
        "topics", sa.column("slug"), sa.column("label"), sa.column("iptc_code"), sa.column("parent_slug")
    )
    op.bulk_insert(
        table, [dict(zip(("slug", "label", "iptc_code", "parent_slug"), t, strict=True)) for t in TOPICS]
    )


def _create_quote_search() -> None:
    """Full-text search over quote text: FTS5 on SQLite, a tsvector + GIN index on PostgreSQL.

    Both use plain word tokens, case-folded, no stemming, so ``q`` means the same on both.
    """
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE quotes ADD COLUMN search tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED"
        )
        op.execute("CREATE INDEX ix_quotes_search ON quotes USING gin (search)")
        return
    op.execute(
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
        "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    )


def _drop_quote_search() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quotes_search")
        op.execute("ALTER TABLE quotes DROP COLUMN IF EXISTS search")
        return
    for trigger in ("quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS quotes_fts")
