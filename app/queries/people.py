"""People: filters (name, q, source_id), pages with aliases and counts, one person with sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.keys import name_key
from app.queries import common
from app.queries.common import Filters, Stream
from app.queries.database import ReadDatabase, in_list

TABLE = "people"
COLUMNS = "t.id, t.name, t.title, t.affiliation"
MENTIONS_IN_DETAIL = 100


@dataclass
class PeopleFilters:
    name: str | None = None
    q: str | None = None
    source_id: int | None = None


def build_filters(f: PeopleFilters) -> Filters:
    filters = Filters()
    if f.name:
        ids = "SELECT person_id FROM person_aliases WHERE alias_key = :name_key"
        stream = Stream(ids, f"{ids} AND person_id > :after ORDER BY person_id")
        filters.add(f"t.id IN ({ids})", stream, name_key=name_key(f.name))
    if f.q:
        ids = "SELECT person_id FROM person_aliases WHERE alias_key LIKE :q_like ESCAPE '\\'"
        stream = Stream(
            "SELECT DISTINCT person_id FROM person_aliases WHERE alias_key LIKE :q_like ESCAPE '\\'"
        )
        filters.add(f"t.id IN ({ids})", stream, q_like=common.like_pattern(name_key(f.q)))
    filters.by_source("person", f.source_id)
    return filters


def list_page(db: ReadDatabase, f: PeopleFilters, cursor: str | None, limit: int, total_cap: int):
    pg = common.page(db, TABLE, COLUMNS, build_filters(f), cursor, limit, total_cap)
    return to_items(db, pg.rows), pg


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
    person["mentions"] = [
        {"source_id": sid, "start": start, "end": end, "text": text, "sentence": sentence}
        for sid, start, end, text, sentence in db.all(
            "SELECT source_id, start_char, end_char, text, sentence FROM evidence "
            "WHERE fact_type = 'person' AND fact_id = :id ORDER BY source_id, start_char LIMIT :n",
            {"id": person_id, "n": MENTIONS_IN_DETAIL},
        )
    ]
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


def csv_rows(db: ReadDatabase, f: PeopleFilters) -> Iterator[dict]:
    for rows in common.walk(db, TABLE, COLUMNS, build_filters(f)):
        yield from to_items(db, rows)
