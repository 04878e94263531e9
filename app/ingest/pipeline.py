"""The write path end to end: read -> parse (spaCy) -> extract -> resolve entities -> store.

Records are parsed in batches with ``nlp.pipe`` (in this process, or in ``workers`` processes that
each load the pipeline once); the parent stores each article in its own transaction, so a bad
article or a crash never leaves half of one behind, and texts already stored are skipped before
any language work is spent on them.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from app.extraction.types import ArticleMeta, Extraction
from app.ingest.metadata import infer_metadata, merge_metadata
from app.ingest.reader import ArticleRecord, ReadError, discover, read_file
from app.storage.writer import source_exists, store_article

PREVIEW = 300


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[ReadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


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
    max_chars: int = 500_000,
    on_file_start: Callable[[int], None] | None = None,
    on_file_done: Callable[[str], None] | None = None,
) -> IngestReport:
    files, errors = discover(paths)
    report = IngestReport(failed=list(errors))
    if on_file_start:
        on_file_start(len(files))
    tracker = FileTracker(files, on_file_done)
    jobs = _jobs(files, engine, report, tracker, max_chars)
    for outcome in _extract_all(jobs, model, batch_size, workers):
        _store(engine, outcome, report)
        tracker.done_one(outcome.job.file)
    tracker.finish()
    return report


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
    files: list[Path], engine: Engine, report: IngestReport, tracker: FileTracker, max_chars: int
) -> Iterator[Job]:
    seen: set[str] = set()
    for path in files:
        file = str(path)
        for item in read_file(path, max_chars):
            if isinstance(item, ReadError):
                report.failed.append(item)
                continue
            digest = item.content_hash
            if digest in seen or _already_stored(engine, digest):
                report.present.append(item.origin)
                continue
            seen.add(digest)
            meta = merge_metadata(item.meta, infer_metadata(item.text))
            tracker.add(file)
            yield Job(item, meta, file)
        tracker.file_read(file)


def _already_stored(engine: Engine, digest: str) -> bool:
    try:
        with engine.connect() as conn:
            return source_exists(conn, digest)
    except OperationalError as exc:
        raise DatabaseUnavailable(_db_reason(exc)) from None


def _extract_all(jobs: Iterator[Job], model: str, batch_size: int, workers: int) -> Iterator[Outcome]:
    batches = _batched(jobs, batch_size)
    if workers <= 1:
        _init_worker(model)
        for batch in batches:
            yield from _extract_batch(batch)
        return
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("fork"), initializer=_init_worker, initargs=(model,)
    ) as pool:
        in_flight = []
        for batch in batches:
            in_flight.append(pool.submit(_extract_batch, batch))
            if len(in_flight) >= workers * 2:
                yield from in_flight.pop(0).result()
        for future in in_flight:
            yield from future.result()


def _batched(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_NLP = None


def _init_worker(model: str) -> None:
    global _NLP
    from app.extraction.nlp import load_pipeline

    _NLP = load_pipeline(model)


def _extract_batch(batch: list[Job]) -> list[Outcome]:
    from app.extraction.pipeline import extract

    outcomes = []
    for job, doc in zip(batch, _NLP.pipe(j.record.text for j in batch), strict=True):
        try:
            outcomes.append(Outcome(job, extract(doc, job.meta)))
        except Exception as exc:  # an extractor bug must not sink the other articles
            where = traceback.extract_tb(exc.__traceback__)[-1]
            outcomes.append(
                Outcome(
                    job,
                    None,
                    f"extraction failed: {type(exc).__name__}: {exc} "
                    f"({Path(where.filename).name}:{where.lineno})",
                )
            )
    return outcomes


def _store(engine: Engine, outcome: Outcome, report: IngestReport) -> None:
    job = outcome.job
    if outcome.extraction is None:
        report.failed.append(ReadError(job.record.origin, outcome.error or "extraction failed"))
        return
    try:
        with engine.begin() as conn:
            result = store_article(conn, job.record, job.meta, outcome.extraction)
    except OperationalError as exc:
        raise DatabaseUnavailable(_db_reason(exc)) from None
    except DBAPIError as exc:
        report.failed.append(ReadError(job.record.origin, f"not stored: {_db_reason(exc)}"))
        return
    (report.ingested if result.source_id is not None else report.present).append(job.record.origin)


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
            if isinstance(item, ReadError):
                report.failed.append(item)
                continue
            digest = item.content_hash
            if digest in seen or _already_stored(engine, digest):
                report.present.append(item.origin)
                continue
            seen.add(digest)
            yield Job(item, merge_metadata(item.meta, infer_metadata(item.text)), where)
