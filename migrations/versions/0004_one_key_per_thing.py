"""One key per thing: stored keys rewritten to what app.keys computes, so stores and lookups agree.

Publishers were stored under ``str.lower()`` and looked up under ``str.casefold()``: a publisher
whose name folds differently ("Süddeutsche Straße") was never found by ``?publisher=``. They are
now keyed like names (case, accents, width and spacing folded, a leading "the" dropped). A
figure's period key folds the same way and drops the word "the" only as a word. Name and speaker
keys are cut to 200 characters, the width of the alias column, on both databases.

The key functions are copied here as they were at this revision: a migration must do the same
thing whenever it runs, whatever ``app.keys`` becomes later.

Revision ID: 0004w
Revises: 0003
Create Date: 2026-11-24
"""

import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004w"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_KEY_LENGTH = 200


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def _cut(key: str, length: int) -> str:
    return key[:length].rstrip()


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def publisher_key(publisher: str | None) -> str | None:
    return _cut(_without_the(_fold(publisher or "")), 200) or None


def old_publisher_key(publisher: str | None) -> str | None:
    return (publisher or "").lower() or None


def period_key(period: str | None) -> str | None:
    return _cut(" ".join(w for w in _fold(period or "").split() if w != "the"), 100) or None


def old_period_key(period: str | None) -> str | None:
    return " ".join((period or "").lower().replace("the ", "").split())[:100] or None


def name_key(name: str) -> str:
    return _cut(_fold(name), NAME_KEY_LENGTH)


def speaker_key(name: str) -> str:
    return _without_the(name_key(name))


def upgrade() -> None:
    _rekey("sources", "publisher", "publisher_key", publisher_key)
    _rekey("figures", "period", "period_key", period_key)
    _cut_long_name_keys()


def downgrade() -> None:
    # Name keys cut to 200 characters stay cut: the previous revision reads them the same way for
    # every name that PostgreSQL could store before (its alias column was 200 characters wide).
    _rekey("sources", "publisher", "publisher_key", old_publisher_key)
    _rekey("figures", "period", "period_key", old_period_key)


def _rekey(table: str, column: str, key_column: str, key: Callable[[str | None], str | None]) -> None:
    """Rewrite ``key_column`` from ``column`` wherever it differs, one statement per distinct value."""
    conn = op.get_bind()
    t = sa.table(table, sa.column(column), sa.column(key_column))
    pairs = conn.execute(sa.select(t.c[column], t.c[key_column]).distinct()).all()
    for value, stored in pairs:
        new = key(value)
        if new == stored:
            continue
        where = t.c[column].is_(None) if value is None else t.c[column] == value
        conn.execute(t.update().where(where, _same(t.c[key_column], stored)).values({key_column: new}))


def _same(col: sa.ColumnClause, value: str | None) -> sa.ColumnElement[bool]:
    return col.is_(None) if value is None else col == value


def _cut_long_name_keys() -> None:
    """Keys longer than a name key may be (only SQLite could hold them) are recomputed and cut."""
    conn = op.get_bind()
    long_ = sa.func.length
    quotes = sa.table("quotes", sa.column("id"), sa.column("speaker_name"), sa.column("speaker_key"))
    for qid, name in conn.execute(
        sa.select(quotes.c.id, quotes.c.speaker_name).where(long_(quotes.c.speaker_key) > NAME_KEY_LENGTH)
    ).all():
        conn.execute(quotes.update().where(quotes.c.id == qid).values(speaker_key=speaker_key(name or "")))
    parts = sa.table("event_participants", sa.column("event_id"), sa.column("position"), sa.column("name"),
                     sa.column("name_key"))  # fmt: skip
    for eid, pos, name in conn.execute(
        sa.select(parts.c.event_id, parts.c.position, parts.c.name).where(
            long_(parts.c.name_key) > NAME_KEY_LENGTH
        )
    ).all():
        conn.execute(
            parts.update()
            .where(parts.c.event_id == eid, parts.c.position == pos)
            .values(name_key=name_key(name))
        )
    _cut_alias_keys(conn)
    _cut_person_keys(conn)


def _cut_alias_keys(conn: sa.Connection) -> None:
    """An alias whose cut key its person already has is the same alias twice: it goes."""
    aliases = sa.table(
        "person_aliases", sa.column("id"), sa.column("person_id"), sa.column("alias"), sa.column("alias_key")
    )
    rows = conn.execute(
        sa.select(aliases.c.id, aliases.c.person_id, aliases.c.alias)
        .where(sa.func.length(aliases.c.alias_key) > NAME_KEY_LENGTH)
        .order_by(aliases.c.id)
    ).all()
    for aid, pid, alias in rows:
        key = name_key(alias)
        taken = conn.execute(
            sa.select(aliases.c.id).where(aliases.c.person_id == pid, aliases.c.alias_key == key)
        ).first()
        if taken is None:
            conn.execute(aliases.update().where(aliases.c.id == aid).values(alias_key=key))
        else:
            conn.execute(aliases.delete().where(aliases.c.id == aid))


def _cut_person_keys(conn: sa.Connection) -> None:
    """A person's own key is unique: cut it unless another person already holds the cut key."""
    people = sa.table("people", sa.column("id"), sa.column("name"), sa.column("name_key"))
    rows = conn.execute(
        sa.select(people.c.id, people.c.name).where(sa.func.length(people.c.name_key) > NAME_KEY_LENGTH)
    ).all()
    for pid, name in rows:
        key = name_key(name)
        if conn.execute(sa.select(people.c.id).where(people.c.name_key == key)).first() is None:
            conn.execute(people.update().where(people.c.id == pid).values(name_key=key))
