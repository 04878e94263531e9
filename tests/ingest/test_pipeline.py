"""The pipeline's store step: whatever goes wrong storing one article is that article's failure
line and nothing of it is kept; the next article still goes in."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text

from app.extraction.types import Span
from app.ingest.pipeline import IngestReport, Job, Outcome, _store
from app.storage.db import create_ingest_engine
from app.storage.migrate import upgrade
from testkit.facts import Article


def outcome(article: Article) -> Outcome:
    record, meta, extraction = article.parts()
    return Outcome(Job(record, meta, record.origin), extraction)


def test_a_failing_store_is_one_line_and_the_run_goes_on(fresh_url):
    upgrade(fresh_url)
    engine = create_ingest_engine(fresh_url)
    bad = Article('"We will build," Ana Reyes said.', origin="bad.txt")
    bad.quote("We will build", bad.person("Ana Reyes"))
    bad.extraction.quotes[0] = replace(bad.extraction.quotes[0], span=Span(0, 5, "other"))
    good = Article('"We will build," Tom Berg said.', origin="good.txt", publisher="The Desk\u00a0")
    good.quote("We will build", good.person("Tom Berg"))
    report = IngestReport()
    _store(engine, outcome(bad), report)
    _store(engine, outcome(good), report)
    [failure] = report.failed
    assert failure.origin == "bad.txt"
    assert failure.reason.startswith("not stored: BadEvidence: quote evidence at 0-5 does not reproduce")
    assert report.ingested == ["good.txt"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT origin FROM sources")).all() == [("good.txt",)]
        assert conn.execute(text("SELECT count(*) FROM people")).scalar() == 1
    engine.dispose()
