"""Read path: each fact's publication date (filter and newest-first order) and a quote's speaker basis.

``published_date`` on quotes, figures and events is the publication date of the earliest source
that reports the fact (null while none of its sources is dated), indexed with the id for keyset
pages newest first. The database keeps it: a trigger on every new evidence row lowers it to that
source's date when earlier, so every writer (``kb ingest``, workers, bulk loaders) agrees without
knowing about it. It only ever moves earlier, which keeps newest-first cursors from skipping rows.

``quotes.speaker_basis`` is how the speaker was found (explicit, pronoun, descriptor, inherited,
organisation, none); null where the extractor did not record it.

Revision ID: 0004r
Revises: 0003
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004r"
down_revision: str | None = "0005j"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FACTS = {"quote": "quotes", "figure": "figures", "event": "events"}
TRIGGER = "evidence_fact_published_date"


def upgrade() -> None:
    for table in FACTS.values():
        op.add_column(table, sa.Column("published_date", sa.Date(), nullable=True))
        op.create_index(f"ix_{table}_published", table, ["published_date", "id"])
    op.add_column("quotes", sa.Column("speaker_basis", sa.String(length=16), nullable=True))
    op.create_index("ix_quotes_speaker_basis", "quotes", ["speaker_basis", "id"])
    for fact_type, table in FACTS.items():
        op.execute(
            f"UPDATE {table} SET published_date = (SELECT min(s.published_date) FROM evidence e "
            f"JOIN sources s ON s.id = e.source_id WHERE e.fact_type = '{fact_type}' "
            f"AND e.fact_id = {table}.id)"
        )
    if op.get_bind().dialect.name == "postgresql":
        _postgres_trigger()
    else:
        _sqlite_trigger()


def _sqlite_trigger() -> None:
    source_date = "(SELECT published_date FROM sources WHERE id = NEW.source_id)"
    updates = " ".join(
        f"UPDATE {table} SET published_date = {source_date} WHERE NEW.fact_type = '{fact_type}' "
        f"AND id = NEW.fact_id AND {source_date} < coalesce(published_date, '9999-12-31');"
        for fact_type, table in FACTS.items()
    )
    op.execute(
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT ON evidence "
        f"WHEN NEW.fact_type IN ('quote', 'figure', 'event') BEGIN {updates} END"
    )


def _postgres_trigger() -> None:
    branches = " ".join(
        f"{'IF' if i == 0 else 'ELSIF'} NEW.fact_type = '{fact_type}' THEN "
        f"UPDATE {table} SET published_date = d WHERE id = NEW.fact_id "
        "AND (published_date IS NULL OR published_date > d);"
        for i, (fact_type, table) in enumerate(FACTS.items())
    )
    op.execute(
        f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE d date; BEGIN "
        "SELECT published_date INTO d FROM sources WHERE id = NEW.source_id; "
        f"IF d IS NOT NULL THEN {branches} END IF; END IF; RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT ON evidence FOR EACH ROW "
        f"WHEN (NEW.fact_type IN ('quote', 'figure', 'event')) EXECUTE FUNCTION {TRIGGER}()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON evidence")
        op.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")
    op.drop_index("ix_quotes_speaker_basis", table_name="quotes")
    op.drop_column("quotes", "speaker_basis")
    for table in FACTS.values():
        op.drop_index(f"ix_{table}_published", table_name=table)
        op.drop_column(table, "published_date")
