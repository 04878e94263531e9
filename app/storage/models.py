"""SQLAlchemy models: the tables the write path fills and the read path selects from.

Every fact (quote, figure, event, person mention) points back into the sources through rows of
``evidence``: one row per (fact, source) occurrence, with character offsets into ``sources.text``
and the sentence around it. The schema itself is made only by the Alembic migrations in
``migrations/``; these classes describe it for the ORM and for Core selects.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import keys


class Base(DeclarativeBase):
    pass


class Source(Base):
    """One ingested article; ``text`` is exactly what evidence offsets index."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(200))
    publisher_key: Mapped[str | None] = mapped_column(String(keys.PUBLISHER_KEY_LENGTH), index=True)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    credits: Mapped[list[str]] = mapped_column(JSON, default=list)
    published_at: Mapped[str | None] = mapped_column(String(40))
    published_date: Mapped[date | None] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(keys.NAME_KEY_LENGTH), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)


class PersonAlias(Base):
    """Every surface form a person goes by: full name, surname, title + surname, ..."""

    __tablename__ = "person_aliases"
    __table_args__ = (
        UniqueConstraint("person_id", "alias_key"),
        Index("ix_person_aliases_alias_key", "alias_key", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(200))
    alias_key: Mapped[str] = mapped_column(String(keys.NAME_KEY_LENGTH))


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_speaker_person", "speaker_person_id", "id"),
        Index("ix_quotes_speaker_key", "speaker_key", "id"),
        Index("ix_quotes_kind", "kind", "id"),
        Index("ix_quotes_text_key", "text_key"),
        Index("ix_quotes_published", "published_date", "id"),
        Index("ix_quotes_speaker_basis", "speaker_basis", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    text_key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    speaker_type: Mapped[str | None] = mapped_column(String(16))
    speaker_name: Mapped[str | None] = mapped_column(String(300))
    speaker_key: Mapped[str | None] = mapped_column(String(300))
    speaker_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    # how the speaker was found: explicit, pronoun, descriptor, inherited, organisation, none
    speaker_basis: Mapped[str | None] = mapped_column(String(16))
    # the earliest source's publication date; kept by a database trigger on evidence (0004r)
    published_date: Mapped[date | None] = mapped_column(Date)


class Figure(Base):
    __tablename__ = "figures"
    __table_args__ = (
        Index("ix_figures_unit_value", "unit", "value"),
        Index("ix_figures_value", "value"),
        Index("ix_figures_id_value", "id", "value"),  # topic + min_value: value from the index (0007s)
        Index("ix_figures_measure_key", "measure_key"),
        Index("ix_figures_unit_period", "unit", "period_key"),
        Index("ix_figures_published", "published_date", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    measure: Mapped[str | None] = mapped_column(Text)
    measure_key: Mapped[str | None] = mapped_column(String(keys.MEASURE_KEY_LENGTH))
    period: Mapped[str | None] = mapped_column(String(100))
    period_key: Mapped[str | None] = mapped_column(String(keys.PERIOD_KEY_LENGTH))
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    qualifier: Mapped[str | None] = mapped_column(String(40))
    is_change: Mapped[bool] = mapped_column(Boolean, default=False)
    # a range stated as one figure ("40 to 50 questions"): both ends; value is the low end (0007f)
    range_low: Mapped[float | None] = mapped_column(Float)
    range_high: Mapped[float | None] = mapped_column(Float)
    restates_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    published_date: Mapped[date | None] = mapped_column(Date)  # see Quote.published_date


class FigureConflict(Base):
    """Two figures for the same measure and period whose values disagree (stored both ways)."""

    __tablename__ = "figure_conflicts"

    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_dates", "date_start", "range_end"),
        Index("ix_events_kind_date", "kind", "date_start"),
        Index("ix_events_published", "published_date", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    summary: Mapped[str] = mapped_column(Text)
    summary_key: Mapped[str] = mapped_column(String(keys.SUMMARY_KEY_LENGTH), index=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    range_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    published_date: Mapped[date | None] = mapped_column(Date)  # see Quote.published_date


class EventConflict(Base):
    """Two reports of one event that contradict each other ("a sixth term" / "a seventh term")."""

    __tablename__ = "event_conflicts"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)


class EventParticipant(Base):
    __tablename__ = "event_participants"
    __table_args__ = (
        Index("ix_event_participants_person", "person_id", "event_id"),
        Index("ix_event_participants_name_key", "name_key", "event_id"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class Topic(Base):
    __tablename__ = "topics"

    slug: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    iptc_code: Mapped[str] = mapped_column(String(40))
    parent_slug: Mapped[str | None] = mapped_column(String(60))


class QuoteTopic(Base):
    __tablename__ = "quote_topics"
    __table_args__ = (Index("ix_quote_topics_topic", "topic_slug", "quote_id"),)

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    topic_slug: Mapped[str] = mapped_column(String(60), primary_key=True)


class FigureTopic(Base):
    __tablename__ = "figure_topics"
    __table_args__ = (Index("ix_figure_topics_topic", "topic_slug", "figure_id"),)

    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True)
    topic_slug: Mapped[str] = mapped_column(String(60), primary_key=True)


class Evidence(Base):
    """Where a fact was found: ``sources.text[start_char:end_char] == text``, inside ``sentence``."""

    __tablename__ = "evidence"
    __table_args__ = (
        Index("ix_evidence_fact", "fact_type", "fact_id", "source_id"),
        Index("ix_evidence_source", "source_id", "fact_type", "fact_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_type: Mapped[str] = mapped_column(String(8))
    fact_id: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str | None] = mapped_column(Text)
    sentence_start: Mapped[int | None] = mapped_column(Integer)


# --- the write API (issue 13): keys, jobs and followed feeds ---------------------------------------


class ApiKey(Base):
    """A client's key: ``key_id`` is the public prefix of the key, ``secret_hash`` its argon2 hash.

    ``rate_tat`` is the rate limiter's theoretical arrival time (GCRA, seconds since the epoch)."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    key_id: Mapped[str] = mapped_column(String(32), unique=True)
    secret_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    rate_tat: Mapped[float | None] = mapped_column(Float)


class FeedRecord(Base):
    """A feed ingested or followed; ``every_s`` null means ingested once, not followed."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    every_s: Mapped[int | None] = mapped_column(Integer)
    next_poll_at: Mapped[float | None] = mapped_column(Float, index=True)
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class IngestJob(Base):
    """One article (or one feed poll) to ingest: what the API answers about in GET /jobs/{job_id}.

    ``payload`` is the request (cleared once the article is stored); ``lease_until`` is used by the
    SQLite runner only (on PostgreSQL procrastinate tracks who runs what)."""

    __tablename__ = "ingest_jobs"
    __table_args__ = (Index("ix_ingest_jobs_status", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict | None] = mapped_column(JSON)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id", ondelete="SET NULL"))
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    entry_key: Mapped[str | None] = mapped_column(String(1000))
    worker: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class FeedEntryRecord(Base):
    """An entry of a feed already handled (by id, guid or link): polls skip it unless it failed."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_id", "entry_key", name="uq_feed_entries_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    entry_key: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
