"""Keys for merging figures and events across sources; conflicting events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("period_key", sa.String(length=100), nullable=True))
        batch.create_index("ix_figures_unit_period", ["unit", "period_key"])
    with op.batch_alter_table("events") as batch:
        batch.create_index("ix_events_kind_date", ["kind", "date_start"])
    op.create_table(
        "event_conflicts",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "other_id"),
    )


def downgrade() -> None:
    op.drop_table("event_conflicts")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_kind_date")
    with op.batch_alter_table("figures") as batch:
        batch.drop_index("ix_figures_unit_period")
        batch.drop_column("period_key")
