"""The write path end to end: read -> parse (spaCy) -> extract -> resolve entities -> store.

Records are parsed in batches with ``nlp.pipe`` (in this process, or in ``workers`` processes that
each load the pipeline once); the parent stores each article in its own transaction, so a bad
article or a crash never leaves half of one behind, and texts already stored are skipped before
any language work is spent on them.

One bad article never stops a run: whatever goes wrong while reading, inferring, extracting or
storing it becomes its one failure line and the run goes on. Only a lost database stops it
(:class:`DatabaseUnavailable`), and Ctrl-C, after which the report says what went in before it.
"""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from app.extraction.types import ArticleMeta, Extraction
from app.ingest.metadata import infer_metadata, merge_metadata
from app.ingest.reader import DEFAULT_MAX_BYTES, MAX_CHARS, ReadError, discover, read_file
from app.records import ArticleRecord
from app.storage.db import read_connection
from app.storage.writer import source_exists, store_article

PREVIEW = 300


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[ReadError] = field(default_factory=list)
    notes: list[ReadError] = field(default_factory=list)  # stored, but something was changed
    skipped: list[ReadError] = field(default_factory=list)  # files of other types in folders
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached; ingest stops rather than failing every file."""


@dataclass
class Job:
    record: ArticleRecord
    meta: ArticleMeta
    file: str


@dataclass
class Outcome:
    job: Job
    extraction: Extraction | None
    error: str | None = None


def ingest_paths(
    paths: list[Path],
    engine: Engine,
    *,
    model: str,
    batch_size: int = 16,
    workers: int = 1,
    max_chars: int = MAX_CHARS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file_start: Callable[[int], None] | None = None,
    on_file_done: Callable[[str], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    with StopOnCtrlC() as stop:
        try:
            files, errors = discover(paths, report.skipped)
            report.failed += errors
            if on_file_start:
                on_file_start(len(files))
            tracker = FileTracker(files, on_file_done)
            jobs = _jobs(files, engine, report, tracker, max_chars, max_bytes, stop)
            for outcome in _extract_all(jobs, model, batch_size, workers):
                _store(engine, outcome, report)
                tracker.done_one(outcome.job.file)
                if stop.requested:
                    break
            else:
                tracker.finish()
        except KeyboardInterrupt:  # a second Ctrl-C: the article being stored rolled back whole
            stop.requested = True
    report.interrupted = stop.requested
    return report


class StopOnCtrlC:
    """The first Ctrl-C asks the run to stop after the article being stored, so the report counts
    exactly what the database holds; a second one stops at once (its article rolls back)."""

    def __init__(self) -> None:
        self.requested = False
        self.previous: Any = None

    def __enter__(self) -> StopOnCtrlC:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, _signum: int, _frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *_exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


class FileTracker:
    """Counts each file's outstanding records, so progress advances when a whole file is done."""

    def __init__(self, files: list[Path], on_done: Callable[[str], None] | None) -> None:
        self.pending: dict[str, int] = {}
        self.read_complete: set[str] = set()
        self.reported: set[str] = set()
        self.on_done = on_done
        self.order = [str(f) for f in files]

    def add(self, file: str) -> None:
        self.pending[file] = self.pending.get(file, 0) + 1

    def file_read(self, file: str) -> None:
        self.read_complete.add(file)
        self._maybe_done(file)

    def done_one(self, file: str) -> None:
        self.pending[file] -= 1
        self._maybe_done(file)

    def _maybe_done(self, file: str) -> None:
        if file in self.read_complete and not self.pending.get(file) and file not in self.reported:
            self.reported.add(file)
            if self.on_done:
                self.on_done(file)

    def finish(self) -> None:
        for file in self.order:
            self._maybe_done(file)


def _jobs(
    files: list[Path],
    engine: Engine,
    report: IngestReport,
    tracker: FileTracker,
    max_chars: int,
    max_bytes: int,
    stop: StopOnCtrlC,
) -> Iterator[Job]:
    seen: set[str] = set()
    for path in files:
        if stop.requested:
            return
        file = str(path)
        for item in read_file(path, max_chars, max_bytes):
            job = _job_for(item, file, engine, report, seen)
            if job is not None:
                tracker.add(file)
                yield job
        tracker.file_read(file)


def _job_for(
    item: ArticleRecord | ReadError, file: str, engine: Engine, report: IngestReport, seen: set[str]
) -> Job | None:
    """The language work one record needs, or None when it failed, was read twice or is stored."""
    if isinstance(item, ReadError):
        report.failed.append(item)
        return None
    try:
        digest = item.content_hash
        if digest in seen or _already_stored(engine, digest):
            report.present.append(item.origin)
            return None
        seen.add(digest)
        meta = merge_metadata(item.meta, infer_metadata(item.text))
    except DatabaseUnavailable:
        raise
    except Exception as exc:  # a bug in one article's metadata must not sink the others
        report.failed.append(ReadError(item.origin, f"metadata failed: {_describe(exc)}"))
        return None
    return Job(item, meta, file)


def _already_stored(engine: Engine, digest: str) -> bool:
    try:
        with read_connection(engine) as conn:
            return source_exists(conn, digest)
    except OperationalError as exc:
        raise DatabaseUnavailable(_db_reason(exc)) from None


def _extract_all(jobs: Iterator[Job], model: str, batch_size: int, workers: int) -> Iterator[Outcome]:
    batches = _batched(jobs, batch_size)
    if workers <= 1:
        _load(model)
        for batch in batches:
            yield from _extract_batch(batch)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("fork"), initializer=_init_worker, initargs=(model,)
    )
    try:
        in_flight: list[Future[list[Outcome]]] = []
        for batch in batches:
            in_flight.append(pool.submit(_extract_batch, batch))
            if len(in_flight) >= workers * 2:
                yield from in_flight.pop(0).result()
        for future in in_flight:
            yield from future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _batched(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_NLP: Any = None


def _load(model: str) -> None:
    global _NLP
    from app.extraction.nlp import load_pipeline

    _NLP = load_pipeline(model)


def _init_worker(model: str) -> None:
    """Workers leave Ctrl-C to the parent, which stops the run and reports; they print nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load(model)


def _extract_batch(batch: list[Job]) -> list[Outcome]:
    """Parse the batch at once; if parsing fails, parse its articles one by one so only the bad
    one fails."""
    try:
        docs = list(_NLP.pipe(j.record.text for j in batch))
    except Exception:
        return [_extract_one(job) for job in batch]
    return [_extract(job, doc) for job, doc in zip(batch, docs, strict=True)]


def _extract_one(job: Job) -> Outcome:
    try:
        doc = _NLP(job.record.text)
    except Exception as exc:
        return Outcome(job, None, f"parsing failed: {_describe(exc)}")
    return _extract(job, doc)


def _extract(job: Job, doc: Any) -> Outcome:
    from app.extraction.pipeline import extract

    try:
        return Outcome(job, extract(doc, job.meta))
    except Exception as exc:  # an extractor bug must not sink the other articles
        return Outcome(job, None, f"extraction failed: {_describe(exc)}")


def _store(engine: Engine, outcome: Outcome, report: IngestReport) -> None:
    job = outcome.job
    origin = job.record.origin
    if outcome.extraction is None:
        report.failed.append(ReadError(origin, outcome.error or "extraction failed"))
        return
    try:
        with engine.begin() as conn:
            result = store_article(conn, job.record, job.meta, outcome.extraction)
    except OperationalError as exc:
        raise DatabaseUnavailable(_db_reason(exc)) from None
    except DBAPIError as exc:
        report.failed.append(ReadError(origin, f"not stored: {_db_reason(exc)}"))
        return
    except Exception as exc:  # nothing of it was stored: its transaction rolled back
        report.failed.append(ReadError(origin, f"not stored: {_describe(exc)}"))
        return
    if result.source_id is None:
        report.present.append(origin)
        return
    report.ingested.append(origin)
    report.notes += [ReadError(origin, note) for note in [*job.record.notes, *result.notes]]


def _describe(exc: BaseException) -> str:
    """``Type: message (module.py:line)``: enough for a bug report, on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    message = " ".join(str(exc).split())[:PREVIEW]
    return f"{type(exc).__name__}: {message}{where}"


def _db_reason(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0][:PREVIEW] if exc.orig else str(exc)[:PREVIEW]


def ingest_records(
    groups: Iterable[tuple[str, Iterable[ArticleRecord | ReadError]]],
    engine: Engine,
    *,
    model: str,
    batch_size: int = 16,
    workers: int = 1,
    report: IngestReport | None = None,
) -> IngestReport:
    """Like :func:`ingest_paths` for records that do not come from files (fetched pages, feed
    entries): each group is (where the records come from, the records or the errors standing in
    for them); read lazily, so fetching overlaps language work."""
    report = report or IngestReport()
    jobs = _record_jobs(groups, engine, report)
    for outcome in _extract_all(jobs, model, batch_size, workers):
        _store(engine, outcome, report)
    return report


def _record_jobs(
    groups: Iterable[tuple[str, Iterable[ArticleRecord | ReadError]]], engine: Engine, report: IngestReport
) -> Iterator[Job]:
    seen: set[str] = set()
    for where, items in groups:
        for item in items:
            job = _job_for(item, where, engine, report, seen)
            if job is not None:
                yield job
