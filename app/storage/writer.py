"""Store one extracted article in one transaction: the source, its people, quotes, figures, events
and every evidence row, or nothing at all.

Facts already known from other sources are merged rather than duplicated: the same person, the
same quote by the same speaker, the same figure, the same event gain one more evidence row. On
PostgreSQL a transaction-scoped advisory lock serialises this short store phase across ingest
processes, so concurrent ingests leave what one sequential ingest would (the expensive language
work stays parallel).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, insert, select, text

from app.extraction.types import ArticleMeta, Extraction, Span
from app.keys import publisher_key
from app.records import ArticleRecord
from app.storage import facts, limits, people
from app.storage.models import Evidence, Source

STORE_LOCK_ID = 7_412_004


@dataclass
class StoreResult:
    source_id: int | None  # None: the same text was already stored
    people: int = 0
    quotes: int = 0
    figures: int = 0
    events: int = 0
    notes: list[str] = field(default_factory=list)  # values cut to fit the schema, and the like


def store_article(
    conn: Connection, record: ArticleRecord, meta: ArticleMeta, extraction: Extraction
) -> StoreResult:
    """Write everything inside the caller's transaction (``with engine.begin() as conn``)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": STORE_LOCK_ID})
    notes: list[str] = []
    meta = limits.fit_meta(meta, notes)
    source_id = insert_source(conn, record, meta)
    if source_id is None:
        return StoreResult(source_id=None)
    extraction = limits.fit_extraction(extraction, notes)
    evidence = EvidenceWriter(conn, source_id, record.text)
    person_ids = people.store_people(conn, extraction.people, evidence)
    for quote in extraction.quotes:
        facts.store_quote(conn, quote, person_ids, evidence)
    article = facts.ArticleFacts.start(conn)
    for figure in extraction.figures:
        facts.store_figure(conn, figure, article, evidence)
    known = {p.key: (person_ids[p.key], p.name) for p in extraction.people if p.key in person_ids}
    for event in extraction.events:
        facts.store_event(conn, event, known, article, evidence)
    evidence.flush()
    return StoreResult(
        source_id,
        len(extraction.people),
        len(extraction.quotes),
        len(extraction.figures),
        len(extraction.events),
        notes,
    )


def insert_source(conn: Connection, record: ArticleRecord, meta: ArticleMeta) -> int | None:
    """Insert the source unless its text is already stored (unique content hash)."""
    values = {
        "content_hash": record.content_hash,
        "title": meta.title,
        "publisher": meta.publisher,
        "publisher_key": publisher_key(meta.publisher or "") or None,
        "authors": meta.authors,
        "credits": meta.credits,
        "published_at": meta.published_at,
        "published_date": meta.published_date,
        "url": meta.url,
        "dateline": meta.dateline,
        "language": meta.language or "en",
        "origin": storable_origin(record.origin),
        "text": record.text,
        "word_count": len(record.text.split()),
    }
    stmt = facts.insert_ignore(conn, Source, values, ["content_hash"]).returning(Source.id)
    return conn.execute(stmt).scalar()


def storable_origin(origin: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates, which no
    database stores) written as ``\\xe9``."""
    return origin.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def source_exists(conn: Connection, content_hash: str) -> bool:
    return conn.execute(select(Source.id).where(Source.content_hash == content_hash)).first() is not None


class BadEvidence(ValueError):
    """An extracted span that does not reproduce from the stored text: the article is refused
    (its transaction rolls back) rather than stored with provenance nobody can check."""


class EvidenceWriter:
    """Collects this source's evidence rows and writes them in one multi-row insert."""

    def __init__(self, conn: Connection, source_id: int, text: str) -> None:
        self.conn = conn
        self.source_id = source_id
        self.text = text
        self.rows: list[dict] = []
        self.seen: set[tuple[str, int, int, int]] = set()

    def add(self, fact_type: str, fact_id: int, span: Span) -> None:
        key = (fact_type, fact_id, span.start, span.end)
        if key in self.seen:
            return
        if self.text[span.start : span.end] != span.text or not 0 <= span.start <= span.end:
            raise BadEvidence(
                f"{fact_type} evidence at {span.start}-{span.end} does not reproduce from the text "
                f"(extraction bug): {span.text[:60]!r}"
            )
        self.seen.add(key)
        self.rows.append(
            {
                "fact_type": fact_type,
                "fact_id": fact_id,
                "source_id": self.source_id,
                "start_char": span.start,
                "end_char": span.end,
                "text": span.text,
                "sentence": span.sentence,
                "sentence_start": span.sentence_start,
            }
        )

    def flush(self) -> None:
        if self.rows:
            self.conn.execute(insert(Evidence), self.rows)
            self.rows = []
