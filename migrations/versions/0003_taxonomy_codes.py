"""Taxonomy corrections after checking IPTC Media Topics: trade and technology codes, military's parent.

medtop:20000361 is "inventories" and medtop:20000755 "scientific standards"; international trade is
medtop:20000373 and technology and engineering medtop:20000756. IPTC places national security under
government (politics), not under conflict.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# slug -> (iptc_code, parent) after, and before
AFTER = {
    "trade": ("medtop:20000373", "economy"),
    "technology": ("medtop:20000756", "science-technology"),
    "military": ("medtop:20000598", "politics"),
}
BEFORE = {
    "trade": ("medtop:20000361", "economy"),
    "technology": ("medtop:20000755", "science-technology"),
    "military": ("medtop:20000598", "conflict"),
}


def _apply(values: dict[str, tuple[str, str]]) -> None:
    topics = sa.table("topics", sa.column("slug"), sa.column("iptc_code"), sa.column("parent_slug"))
    for slug, (code, parent) in values.items():
        op.execute(topics.update().where(topics.c.slug == slug).values(iptc_code=code, parent_slug=parent))


def upgrade() -> None:
    _apply(AFTER)


def downgrade() -> None:
    _apply(BEFORE)
