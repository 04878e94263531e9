"""Persist people: find the person a name refers to across articles, or create them.

The decision of *which* known person a name is comes from :mod:`app.resolution.people`; this
module only fetches candidates and writes rows. Creation is ``INSERT ... ON CONFLICT DO NOTHING``
on the unique ``name_key`` followed by a select, so concurrent ingests agree on one id.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, func, select, update

from app.extraction.types import PersonFact
from app.resolution import people as resolve
from app.storage.facts import insert_ignore
from app.storage.models import Person, PersonAlias


def store_people(conn: Connection, found: list[PersonFact], evidence) -> dict[str, int]:
    """Person id for each article-local person key; mentions become evidence."""
    ids: dict[str, int] = {}
    for fact in sorted(found, key=lambda p: -len(p.name.split())):  # full names before bare surnames
        person_id = find_or_create(conn, fact)
        ids[fact.key] = person_id
        for mention in fact.mentions:
            evidence.add("person", person_id, mention)
    return ids


def find_or_create(conn: Connection, fact: PersonFact) -> int:
    candidates = load_candidates(conn, resolve.lookup_keys(fact))
    match = resolve.match_person(fact, candidates)
    if match is not None:
        person_id = match.id
        if resolve.should_rename(match, fact):
            _rename(conn, person_id, fact.name)
    else:
        person_id = _insert(conn, fact)
    _fill_details(conn, person_id, fact)
    _add_aliases(conn, person_id, resolve.aliases_for(fact))
    return person_id


def load_candidates(conn: Connection, keys: set[str]) -> list[resolve.KnownPerson]:
    """Known people having any of these alias keys, with all their aliases."""
    if not keys:
        return []
    ids = select(PersonAlias.person_id).where(PersonAlias.alias_key.in_(sorted(keys)))
    rows = conn.execute(
        select(Person.id, Person.name, Person.title, Person.affiliation, PersonAlias.alias)
        .join(PersonAlias, PersonAlias.person_id == Person.id)
        .where(Person.id.in_(ids))
        .order_by(Person.id)
    ).all()
    known: dict[int, resolve.KnownPerson] = {}
    for pid, name, title, affiliation, alias in rows:
        person = known.setdefault(pid, resolve.KnownPerson(pid, name, [], title, affiliation))
        person.aliases.append(alias)
    return list(known.values())


def _insert(conn: Connection, fact: PersonFact) -> int:
    key = resolve.name_key(fact.name)
    values = {"name": fact.name, "name_key": key, "title": fact.title, "affiliation": fact.affiliation}
    conn.execute(insert_ignore(conn, Person, values, ["name_key"]))
    return conn.execute(select(Person.id).where(Person.name_key == key)).scalar_one()


def _rename(conn: Connection, person_id: int, name: str) -> None:
    """A bare surname known so far gets its full name, unless another person holds that name."""
    key = resolve.name_key(name)
    if conn.execute(select(Person.id).where(Person.name_key == key)).first() is None:
        conn.execute(update(Person).where(Person.id == person_id).values(name=name, name_key=key))


# Built once: constructing statements per call cost more than running them (profiled on ingest).
FILL_DETAILS = (
    update(Person)
    .where(Person.id == bindparam("pid"))
    .values(
        title=func.coalesce(Person.title, bindparam("title")),
        affiliation=func.coalesce(Person.affiliation, bindparam("affiliation")),
    )
)


def _fill_details(conn: Connection, person_id: int, fact: PersonFact) -> None:
    """Title and affiliation from this article where none is known yet."""
    if fact.title or fact.affiliation:
        conn.execute(FILL_DETAILS, {"pid": person_id, "title": fact.title, "affiliation": fact.affiliation})


def _add_aliases(conn: Connection, person_id: int, aliases: list[str]) -> None:
    rows = [{"person_id": person_id, "alias": a, "alias_key": resolve.name_key(a)} for a in aliases]
    if rows:
        conn.execute(insert_ignore(conn, PersonAlias, rows, ["person_id", "alias_key"]))
