"""People: the list resource (name, q, source_id), items with aliases and counts, one person with
sources and first mentions."""

from __future__ import annotations

from app.keys import name_key
from app.queries.common import EVIDENCE_SELECT, Stream, evidence_items, like_pattern
from app.queries.database import ReadDatabase
from app.queries.paging import decode_cursor, encode_cursor
from app.queries.resource import TEXT, Column, Filter, Resource, source_filter

TABLE = "people"
# the counts are columns of the page's own query, evaluated for the rows of the page only: two
# queries fewer a page (on PostgreSQL two round trips, 0.25 ms of a 0.7 ms page of one person)
QUOTE_COUNT = "(SELECT count(*) FROM quotes q WHERE q.speaker_person_id = t.id)"
MENTION_COUNT = "(SELECT count(*) FROM evidence e WHERE e.fact_type = 'person' AND e.fact_id = t.id)"
COLUMNS = f"t.id, t.name, t.title, t.affiliation, {QUOTE_COUNT}, {MENTION_COUNT}"
MENTIONS_IN_DETAIL = 100
SOURCES_IN_DETAIL = 100
# the sources a person is mentioned in, in source id order after :after (ix_evidence_fact)
PERSON_SOURCES = (
    "SELECT s.id, s.title, s.publisher, s.published_at, m.n FROM (SELECT source_id, count(*) AS n "
    "FROM evidence WHERE fact_type = 'person' AND fact_id = :id AND source_id > :after "
    "GROUP BY source_id ORDER BY source_id LIMIT :n) m JOIN sources s ON s.id = m.source_id ORDER BY s.id"
)


def exists(db: ReadDatabase, person_id: int) -> bool:
    return db.one(f"SELECT 1 FROM {TABLE} WHERE id = :id", {"id": person_id}) is not None


def get(db: ReadDatabase, person_id: int, total_cap: int = 1000) -> dict | None:
    """A person with counts, the first SOURCES_IN_DETAIL sources they are mentioned in (the rest
    through ``sources_next``, GET /people/{id}/sources) and their first mentions.

    Why bounded: a person in every story had thousands of sources in one response (9,905 at
    200,000 quotes), all read for a page that shows a few.
    """
    items = to_items(db, db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": person_id}))
    if not items:
        return None
    person = items[0]
    sources, more = sources_after(db, person_id, 0, SOURCES_IN_DETAIL)
    total, exact = source_count(db, person_id, total_cap)
    person["sources"] = sources
    person["source_count"] = total
    person["source_count_exact"] = exact
    person["sources_next"] = (
        f"/people/{person_id}/sources?cursor={encode_cursor(sources[-1]['id'])}" if more else None
    )
    person["mentions"] = evidence_items(
        db,
        db.all(
            f"{EVIDENCE_SELECT} WHERE fact_type = 'person' AND fact_id = :id "
            "ORDER BY source_id, start_char LIMIT :n",
            {"id": person_id, "n": MENTIONS_IN_DETAIL},
        ),
    )
    return person


def sources_after(db: ReadDatabase, person_id: int, after: int, limit: int) -> tuple[list[dict], bool]:
    """Up to ``limit`` of the person's sources after source id ``after``, and whether more follow."""
    rows = db.all(PERSON_SOURCES, {"id": person_id, "after": after, "n": limit + 1})
    items = [
        {"id": sid, "title": title, "publisher": publisher, "published_at": published, "mentions": n}
        for sid, title, publisher, published, n in rows[:limit]
    ]
    return items, len(rows) > limit


def source_count(db: ReadDatabase, person_id: int, cap: int) -> tuple[int, bool]:
    """How many sources mention the person, counted up to ``cap`` (as list totals are)."""
    n = int(
        db.scalar(
            "SELECT count(*) FROM (SELECT DISTINCT source_id FROM evidence "
            "WHERE fact_type = 'person' AND fact_id = :id LIMIT :cap_plus) c",
            {"id": person_id, "cap_plus": cap + 1},
        )
        or 0
    )
    return (cap, False) if n > cap else (n, True)


def sources_page(
    db: ReadDatabase, person_id: int, cursor: str | None, limit: int, cap: int
) -> tuple[list[dict], int, bool, str | None]:
    """One page of GET /people/{id}/sources: items, total, total_exact, next_cursor."""
    after = decode_cursor(cursor)
    items, more = sources_after(db, person_id, after.id if after else 0, limit)
    total, exact = source_count(db, person_id, cap)
    return items, total, exact, encode_cursor(items[-1]["id"]) if more and items else None


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    aliases = _aliases(db, [r[0] for r in rows])
    return [
        {
            "id": pid,
            "name": name,
            "aliases": [a for a in aliases.get(pid, []) if a != name],
            "title": title,
            "affiliation": affiliation,
            "quote_count": quotes,
            "mention_count": mentions,
        }
        for pid, name, title, affiliation, quotes, mentions in rows
    ]


def _aliases(db: ReadDatabase, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for pid, alias in db.all_for_ids(
        "SELECT person_id, alias FROM person_aliases WHERE person_id IN {ids} ORDER BY person_id, id", ids
    ):
        out.setdefault(pid, []).append(alias)
    return out


ALIAS_IDS = "SELECT person_id FROM person_aliases WHERE alias_key = :name"
ALIAS_LIKE = "FROM person_aliases WHERE alias_key LIKE :q ESCAPE '\\'"

RESOURCE = Resource(
    name="people",
    table=TABLE,
    columns=COLUMNS,
    filters=(
        Filter(
            "name",
            str,
            "exact name or alias, any case (surname alone works)",
            where=f"t.id IN ({ALIAS_IDS})",
            stream=Stream(ALIAS_IDS, f"{ALIAS_IDS} AND person_id > :after ORDER BY person_id"),
            bind=name_key,
            limits=TEXT,
        ),
        Filter(
            "q",
            str,
            "part of any name or alias, any case",
            where=f"t.id IN (SELECT person_id {ALIAS_LIKE})",
            stream=Stream(f"SELECT DISTINCT person_id {ALIAS_LIKE}"),
            bind=lambda q: like_pattern(name_key(q)),
            limits=TEXT,
        ),
        source_filter("person"),
    ),
    csv=tuple(
        Column(name)
        for name in ("id", "name", "aliases", "title", "affiliation", "quote_count", "mention_count")
    ),
    to_items=to_items,
)
