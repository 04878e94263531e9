"""People: the list resource (name, q, source_id), items with aliases and counts, one person with
sources and first mentions."""

from __future__ import annotations

from app.keys import name_key
from app.queries.common import EVIDENCE_SELECT, Stream, evidence_items, like_pattern
from app.queries.database import ReadDatabase, in_list
from app.queries.resource import TEXT, Column, Filter, Resource, source_filter

TABLE = "people"
COLUMNS = "t.id, t.name, t.title, t.affiliation"
MENTIONS_IN_DETAIL = 100


def get(db: ReadDatabase, person_id: int) -> dict | None:
    items = to_items(db, db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": person_id}))
    if not items:
        return None
    person = items[0]
    person["sources"] = [
        {"id": sid, "title": title, "publisher": publisher, "published_at": published, "mentions": n}
        for sid, title, publisher, published, n in db.all(
            "SELECT s.id, s.title, s.publisher, s.published_at, count(*) FROM evidence e "
            "JOIN sources s ON s.id = e.source_id WHERE e.fact_type = 'person' AND e.fact_id = :id "
            "GROUP BY s.id, s.title, s.publisher, s.published_at ORDER BY s.id",
            {"id": person_id},
        )
    ]
    person["mentions"] = evidence_items(
        db,
        db.all(
            f"{EVIDENCE_SELECT} WHERE fact_type = 'person' AND fact_id = :id "
            "ORDER BY source_id, start_char LIMIT :n",
            {"id": person_id, "n": MENTIONS_IN_DETAIL},
        ),
    )
    return person


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    ids = [r[0] for r in rows]
    aliases = _aliases(db, ids)
    mentions = _counts(
        db,
        "SELECT fact_id, count(*) FROM evidence WHERE fact_type = 'person' "
        "AND fact_id IN {ids} GROUP BY fact_id",
        ids,
    )
    quotes = _counts(
        db,
        "SELECT speaker_person_id, count(*) FROM quotes WHERE speaker_person_id IN {ids} "
        "GROUP BY speaker_person_id",
        ids,
    )
    return [
        {
            "id": pid,
            "name": name,
            "aliases": [a for a in aliases.get(pid, []) if a != name],
            "title": title,
            "affiliation": affiliation,
            "quote_count": quotes.get(pid, 0),
            "mention_count": mentions.get(pid, 0),
        }
        for pid, name, title, affiliation in rows
    ]


def _aliases(db: ReadDatabase, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    params: dict = {}
    for pid, alias in db.all(
        f"SELECT person_id, alias FROM person_aliases WHERE person_id IN "
        f"{in_list('p', ids, params)} ORDER BY person_id, id",
        params,
    ):
        out.setdefault(pid, []).append(alias)
    return out


def _counts(db: ReadDatabase, sql: str, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    params: dict = {}
    return dict(db.all(sql.format(ids=in_list("p", ids, params)), params))


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
