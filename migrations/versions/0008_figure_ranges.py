"""Figures: both ends of a range stated as one figure ("€40 to €45 million", "40 to 50 questions").

``figures.range_low`` and ``figures.range_high`` are null for a single value; for a range the
figure's ``value`` is the low end and both ends are kept here. No index: ranges are served with
their figure, never filtered on.

Revision ID: 0007f
Revises: 0007s
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007f"
down_revision: str | None = "0007s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("figures", sa.Column("range_low", sa.Float(), nullable=True))
    op.add_column("figures", sa.Column("range_high", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("figures", "range_high")
    op.drop_column("figures", "range_low")
