"""Quotes: the list resource (speaker, q, source_id, topic, kind), one quote, items with speaker,
topics and evidence."""

from __future__ import annotations

import re

from app.keys import name_key, speaker_key
from app.queries import common
from app.queries.common import Filters, InvalidParameter, Stream
from app.queries.database import ReadDatabase, in_list
from app.queries.resource import (
    TEXT,
    Column,
    Filter,
    Resource,
    evidence_ids,
    iso_date,
    published_filters,
    source_filter,
    topic_filter,
)
from app.schemas.quotes import QuoteKind, SpeakerBasis

TABLE = "quotes"
COLUMNS = (
    "t.id, t.text, t.kind, t.speaker_person_id, t.speaker_name, t.speaker_type, t.speaker_basis, "
    "t.published_date"
)
WORD = re.compile(r"\w+", re.UNICODE)


def _ids(condition: str) -> Stream:
    """Quote ids matching a condition on an index whose entries are ordered by id after it."""
    members = f"SELECT id FROM quotes WHERE {condition}"
    return Stream(members, f"{members} AND id > :after ORDER BY id")


def by_speaker(filters: Filters, speaker: str, db: ReadDatabase) -> None:
    """A person by any name or alias (surname alone works), else an organisation or source name."""
    person_ids = [
        r[0]
        for r in db.all(
            "SELECT DISTINCT person_id FROM person_aliases WHERE alias_key = :k ORDER BY person_id",
            {"k": name_key(speaker)},
        )
    ]
    if len(person_ids) == 1:
        filters.add(
            "t.speaker_person_id = :speaker_pid",
            _ids("speaker_person_id = :speaker_pid"),
            speaker_pid=person_ids[0],
        )
    elif person_ids and db.sqlite:
        # one IN list with the ids written in (only int() of each goes into the SQL): SQLite walks
        # the speaker index once per id in id order for the page and reads the same list for the
        # count; bound ids (1.05 ms) or a merged UNION ALL of one index range per person (0.8 ms)
        # were slower for a surname shared by 160 people at a million quotes (0.5 ms)
        written = "(" + ",".join([str(int(i)) for i in person_ids]) + ")"
        members = f"SELECT id FROM quotes WHERE speaker_person_id IN {written}"
        filters.add(
            f"t.speaker_person_id IN {written}",
            Stream(members, f"{members} AND id > :after ORDER BY id"),
        )
    elif person_ids:
        names = in_list("sp", person_ids, filters.params)
        # PostgreSQL takes the first page of each person's index range through LATERAL (a
        # many-armed UNION plans slowly there, a plain IN walks the primary key: 1.7 ms against
        # 16 ms for a surname shared by 160 people at a million quotes)
        values = ", ".join(f"(:sp{i})" for i in range(len(person_ids)))
        ordered = (
            f"SELECT x.id FROM (VALUES {values}) p(pid) CROSS JOIN LATERAL (SELECT id FROM quotes "
            "WHERE speaker_person_id = p.pid AND id > :after ORDER BY id LIMIT :n) x ORDER BY x.id"
        )
        filters.add(
            f"t.speaker_person_id IN {names}",
            Stream(f"SELECT id FROM quotes WHERE speaker_person_id IN {names}", ordered),
        )
    else:
        # an organisation by the first words of its name: "Nimbus" finds "Nimbus Systems Inc."
        # (an index range on speaker_key: the keys that start with "nimbus ")
        condition = (
            "({t}speaker_key = :speaker_key OR ({t}speaker_type = 'organization' "
            "AND {t}speaker_key >= :speaker_lo AND {t}speaker_key < :speaker_hi))"
        )
        key_ = speaker_key(speaker)
        filters.add(
            condition.format(t="t."),
            _ids(condition.format(t="")),
            speaker_key=key_,
            speaker_lo=key_ + " ",
            speaker_hi=key_ + "!",
        )


def full_text(filters: Filters, q: str, db: ReadDatabase) -> None:
    """Every word of ``q`` must occur in the quote (case-insensitive, whole words, no stemming)."""
    words = WORD.findall(q.casefold())
    if not words:
        raise InvalidParameter("q", "q must contain at least one word")
    if db.sqlite:
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        members = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts"
        stream = Stream(members, f"{members} AND rowid > :after ORDER BY rowid")
        filters.add(f"t.id IN ({members})", stream, fts=match)
    else:
        stream = _ids("search @@ plainto_tsquery('simple', :fts)")
        filters.add("t.search @@ plainto_tsquery('simple', :fts)", stream, fts=" ".join(words))


def get(db: ReadDatabase, quote_id: int) -> dict | None:
    rows = db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": quote_id})
    items = to_items(db, rows)
    return items[0] if items else None


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    ids = [r[0] for r in rows]
    evidence = common.evidence_for(db, "quote", ids)
    topics = common.topics_for(db, "quote_topics", "quote_id", ids)
    names = _person_names(db, [r[3] for r in rows if r[3] is not None])
    items = []
    for qid, text, kind, pid, speaker_name, speaker_type, basis, published in rows:
        speaker = None
        if speaker_name is not None or pid is not None:
            name = names.get(pid, speaker_name)
            speaker = {"id": pid, "name": name, "type": speaker_type or "person", "basis": basis}
        items.append(
            {
                "id": qid,
                "text": text,
                "kind": kind,
                "speaker": speaker,
                "topics": topics[qid],
                "published_date": iso_date(published),
                "evidence": evidence[qid],
            }
        )
    return items


def _person_names(db: ReadDatabase, ids: list[int]) -> dict[int, str]:
    return dict(db.all_for_ids("SELECT id, name FROM people WHERE id IN {ids}", sorted(set(ids))))


def _speaker_cell(field: str):
    return lambda item: (item["speaker"] or {}).get(field)


RESOURCE = Resource(
    name="quotes",
    table=TABLE,
    columns=COLUMNS,
    filters=(
        Filter(
            "speaker",
            str,
            "any name or alias of the speaker, any case; the surname alone works; organisations by name",
            apply=by_speaker,
            limits=TEXT,
        ),
        Filter(
            "q",
            str,
            "every word must occur in the quote (whole words, any case)",
            apply=full_text,
            limits=TEXT,
        ),
        source_filter("quote"),
        topic_filter("quote_topics", "quote_id", "quotes"),
        Filter(
            "kind",
            QuoteKind,
            "direct, partial or indirect",
            where="t.kind = :kind",
            stream=_ids("kind = :kind"),
            bind=str,
        ),
        Filter(
            "basis",
            SpeakerBasis,
            "how the speaker was found: explicit (named at the quote), pronoun, descriptor (a role "
            "or description), inherited (from the previous quote), organisation, none (no speaker)",
            where="t.speaker_basis = :basis",
            stream=_ids("speaker_basis = :basis"),
            bind=str,
        ),
        *published_filters(TABLE),
    ),
    csv=(
        Column("id"),
        Column("text"),
        Column("kind"),
        Column("speaker_id", _speaker_cell("id")),
        Column("speaker_name", _speaker_cell("name")),
        Column("speaker_type", _speaker_cell("type")),
        Column("speaker_basis", _speaker_cell("basis")),
        Column("topics"),
        Column("published_date"),
        Column("evidence", evidence_ids),
    ),
    to_items=to_items,
    dated=True,
    ranges=(("published_from", "published_to"),),
)
