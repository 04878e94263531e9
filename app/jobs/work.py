"""Run one ingest job: build the article (text, posted HTML, a fetched URL) or poll a feed, then
extract and store it with the job's end in the same transaction.

Any worker may run any job any number of times (a killed worker's job is started again): the
article is stored once (content hash, advisory lock on PostgreSQL), a job already finished is
not started again, and the job's end is written only by the run that stores or fails it.
"""

from __future__ import annotations

import logging
import os
import socket
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from app.ingest import feedstore
from app.ingest.fetch import Fetcher, FetchError
from app.ingest.metadata import infer_metadata, merge_metadata
from app.ingest.reader import META_KEYS, ArticleRecord, make_record
from app.ingest.web import fetch_feed, html_record, page_record
from app.jobs import queue, store
from app.jobs.store import StartedJob
from app.settings import Settings
from app.storage.models import Source
from app.storage.writer import store_article

log = logging.getLogger("app.jobs")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class JobContext:
    """What a worker process keeps between jobs: the engine, one HTTP client, the spaCy pipeline."""

    engine: Engine
    settings: Settings
    name: str = field(default_factory=worker_name)
    _fetcher: Fetcher | None = None
    _nlp: Any = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher.from_settings(self.settings, public_only=True)
        return self._fetcher

    def extract(self, text: str, meta: Any) -> Any:
        from app.extraction.nlp import load_pipeline
        from app.extraction.pipeline import extract

        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.spacy_model)
        return extract(self._nlp(text), meta)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


class JobFailed(Exception):
    """The job cannot succeed (bad input, unreachable URL, not an article); str() is the reason."""


def run_job(ctx: JobContext, job_id: int, lease_s: float | None = None) -> str:
    """Start and run one job by id; returns its outcome (``done``, ``failed`` or ``skipped``)."""
    with ctx.engine.begin() as conn:
        job = store.start(conn, job_id, ctx.name, lease_s)
    return "skipped" if job is None else execute(ctx, job)


def execute(ctx: JobContext, job: StartedJob) -> str:
    """Run a job already marked running. Database outages propagate (the engine retries)."""
    if job.attempts > ctx.settings.job_max_attempts:
        return _fail(ctx, job, f"gave up after {job.attempts - 1} attempts (the worker stopped each time)")
    try:
        if job.kind == "feed":
            return _poll_feed(ctx, job)
        record = build_record(ctx, job)
        existing = _stored_source(ctx.engine, record.content_hash)
        if existing is not None:
            return _done(ctx, job, existing)
        meta = merge_metadata(record.meta, infer_metadata(record.text))
        extraction = _extract(ctx, record, meta)
        with ctx.engine.begin() as conn:
            result = store_article(conn, record, meta, extraction)
            source_id = result.source_id or _source_id(conn, record.content_hash)
            _finish(conn, job, source_id=source_id)
        return "done"
    except (JobFailed, FetchError, ValueError) as exc:
        return _fail(ctx, job, str(exc))


def build_record(ctx: JobContext, job: StartedJob) -> ArticleRecord:
    payload = job.payload
    given = {k: payload[k] for k in META_KEYS if k in payload}
    origin = payload.get("url") or f"api:{job.public_id}"
    max_chars = 500_000
    if job.kind == "text":
        return make_record(origin, payload.get("text"), given, max_chars)
    if job.kind == "html":
        html = payload.get("html")
        if not isinstance(html, str):
            raise JobFailed("'html' must be a string")
        return html_record(html, origin, url=payload.get("url"), given=given)
    url = str(payload.get("url") or "")
    fallback = payload.get("fallback") or {}
    given.pop("url", None)
    return page_record(ctx.fetcher.get(url), url, fallback=fallback, given=given)


def _extract(ctx: JobContext, record: ArticleRecord, meta: Any) -> Any:
    try:
        return ctx.extract(record.text, meta)
    except Exception as exc:  # an extractor bug fails this article, not the worker
        where = traceback.extract_tb(exc.__traceback__)[-1]
        raise JobFailed(
            f"extraction failed: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        ) from None


def _poll_feed(ctx: JobContext, job: StartedJob) -> str:
    """Fetch a followed feed and queue one job per entry not handled before."""
    feed_id, url = int(job.feed_id or 0), str(job.payload.get("url"))
    try:
        feed = fetch_feed(ctx.fetcher.get(url))
    except (FetchError, ValueError) as exc:
        with ctx.engine.begin() as conn:
            feedstore.polled(conn, feed_id, title=None, error=str(exc))
        raise JobFailed(str(exc)) from None
    with ctx.engine.begin() as conn:
        handled = feedstore.handled_keys(conn, feed_id)
    children = [(e, _entry_job(e)) for e in feed.entries if e.key not in handled]
    with ctx.engine.begin() as conn:
        for entry, (kind, payload) in children:
            child_id, _ = store.create(conn, kind, payload, feed_id=feed_id, entry_key=entry.key)
            feedstore.mark_entry(conn, feed_id, entry.key, "queued")
            queue.enqueue(conn, child_id)
        feedstore.polled(conn, feed_id, title=feed.title, error=None)
        _finish(conn, job)
    return "done"


def _entry_job(entry: Any) -> tuple[str, dict[str, Any]]:
    page = entry.full_content()
    if page is not None:
        return "text", {"text": page.text, **page.meta}
    return "url", {"url": entry.link or "", "fallback": entry.metadata()}


def _done(ctx: JobContext, job: StartedJob, source_id: int) -> str:
    with ctx.engine.begin() as conn:
        _finish(conn, job, source_id=source_id)
    return "done"


def _fail(ctx: JobContext, job: StartedJob, reason: str) -> str:
    log.info("job %s failed: %s", job.public_id, reason)
    with ctx.engine.begin() as conn:
        _finish(conn, job, error=reason[:1000])
    return "failed"


def _finish(
    conn: Connection, job: StartedJob, *, source_id: int | None = None, error: str | None = None
) -> None:
    """End the job (if this run still owns it) and, for a feed entry's job, the entry's record."""
    finished = store.finish(conn, job.id, source_id=source_id, error=error)
    if finished and job.feed_id and job.entry_key and job.kind != "feed":
        feedstore.mark_entry(conn, job.feed_id, job.entry_key, "failed" if error else "done", source_id)


def _stored_source(engine: Engine, content_hash: str) -> int | None:
    with engine.connect() as conn:
        return _source_id(conn, content_hash)


def _source_id(conn: Connection, content_hash: str) -> int | None:
    found = conn.execute(select(Source.id).where(Source.content_hash == content_hash)).scalar()
    return None if found is None else int(found)
