"""A small hand-made corpus stored through the real storage layer, with no spaCy involved, so API
tests know exactly which rows exist: three articles from two outlets, a quote reported twice,
two sources disagreeing on one figure, people found under several names.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from app.extraction.types import (
    ArticleMeta,
    EventFact,
    Extraction,
    FigureFact,
    PersonFact,
    QuoteFact,
    Span,
)
from app.extraction.types import Speaker as Sp
from app.records import ArticleRecord
from app.storage.writer import store_article

REFINERY = """Refinery to stay open through winter

By Dana Whitfield

HOUSTON (Reuters) - Gulf Coast Energy will keep its Port Arthur refinery running through the winter, chief executive Maria Lopez said on Tuesday.

"We will keep the plant open through the winter," Lopez said. The refinery processed 250,000 barrels per day in 2024, the company said.

Union leader Tom Baker warned that jobs were still at risk.
"""

COURT = """Judge sentences former mayor

By Sam Ortiz

A federal judge on Monday sentenced former mayor Peter Grant to six years in prison for bribery.

"The public trust was betrayed," Judge Alice Monroe said. Grant did not comment. Prosecutor Ann Lopez asked for eight years.
"""

FOLLOW_UP = """Refinery workers rally

Workers rallied outside the refinery on Friday.

"We will keep the plant open through the winter," Maria Lopez told reporters. The refinery processed 260,000 barrels per day in 2024, according to a union estimate.
"""


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    return Span(start, end, text[start:end], sentence=needle, sentence_start=start)


def refinery() -> tuple[ArticleRecord, ArticleMeta, Extraction]:
    t = REFINERY
    lopez = PersonFact(
        "p0",
        "Maria Lopez",
        ["Lopez"],
        "chief executive",
        "Gulf Coast Energy",
        "f",
        [span(t, "Maria Lopez"), span(t, "Lopez", 1)],
    )
    baker = PersonFact("p1", "Tom Baker", [], "Union leader", None, "m", [span(t, "Tom Baker")])
    quote = QuoteFact(
        "We will keep the plant open through the winter",
        "direct",
        Sp("Maria Lopez", "person", "p0"),
        span(t, "We will keep the plant open through the winter"),
        ["energy"],
    )
    indirect = QuoteFact(
        "jobs were still at risk",
        "indirect",
        Sp("Tom Baker", "person", "p1"),
        span(t, "jobs were still at risk"),
        ["labour"],
    )
    org = QuoteFact(
        "The refinery processed 250,000 barrels per day in 2024",
        "indirect",
        Sp("the company", "organization"),
        span(t, "The refinery processed 250,000 barrels per day in 2024"),
        ["energy"],
    )
    figure = FigureFact(
        "250,000 barrels per day",
        250000,
        "barrels_per_day",
        span(t, "250,000 barrels per day"),
        measure="refinery throughput",
        period="2024",
        topics=["energy"],
    )
    event = EventFact(
        "Gulf Coast Energy says refinery stays open",
        span(t, "will keep its Port Arthur refinery"),
        kind="statement",
        date_start=date(2025, 1, 14),
        date_precision="day",
        date_text="Tuesday",
        location="Houston",
        participants=["p0", "Gulf Coast Energy"],
    )
    meta = ArticleMeta(
        title="Refinery to stay open through winter",
        publisher="Reuters",
        authors=["Dana Whitfield"],
        published_at="2025-01-15",
        dateline="HOUSTON",
        url="https://example.com/refinery",
    )
    term = EventFact(
        "Maria Lopez re-elected to a second term as chief executive",
        span(t, "chief executive Maria Lopez"),
        kind="election",
        date_start=date(2025, 1, 1),
        date_precision="month",
        participants=["p0"],
    )
    ex = Extraction([lopez, baker], [quote, indirect, org], [figure], [event, term])
    return ArticleRecord("refinery.txt", t), meta, ex


def court() -> tuple[ArticleRecord, ArticleMeta, Extraction]:
    t = COURT
    grant = PersonFact(
        "p0",
        "Peter Grant",
        ["Grant"],
        "former mayor",
        None,
        "m",
        [span(t, "Peter Grant"), span(t, "Grant", 1)],
    )
    monroe = PersonFact("p1", "Alice Monroe", [], "Judge", None, "f", [span(t, "Alice Monroe")])
    # shares a surname with Maria Lopez of the refinery story: two people, never merged
    ann = PersonFact("p2", "Ann Lopez", [], "Prosecutor", None, "f", [span(t, "Ann Lopez")])
    quote = QuoteFact(
        "The public trust was betrayed",
        "direct",
        Sp("Alice Monroe", "person", "p1"),
        span(t, "The public trust was betrayed"),
        ["crime"],
    )
    figure = FigureFact(
        "six years",
        6,
        "years",
        span(t, "six years"),
        measure="prison sentence for Peter Grant",
        topics=["crime"],
    )
    event = EventFact(
        "Peter Grant sentenced for bribery",
        span(t, "sentenced former mayor Peter Grant"),
        kind="sentencing",
        date_start=date(2024, 3, 4),
        date_precision="day",
        date_text="Monday",
        participants=["p0", "p1"],
    )
    meta = ArticleMeta(
        title="Judge sentences former mayor",
        publisher="Courthouse News",
        authors=["Sam Ortiz"],
        published_at="2024-03-05",
        url="https://example.org/court",
    )
    return ArticleRecord("court.txt", t), meta, Extraction([grant, monroe, ann], [quote], [figure], [event])


def follow_up() -> tuple[ArticleRecord, ArticleMeta, Extraction]:
    t = FOLLOW_UP
    lopez = PersonFact("p0", "Maria Lopez", [], None, None, "f", [span(t, "Maria Lopez")])
    quote = QuoteFact(
        "We will keep the plant open through the winter",
        "direct",
        Sp("Maria Lopez", "person", "p0"),
        span(t, "We will keep the plant open through the winter"),
        ["energy"],
    )
    figure = FigureFact(
        "260,000 barrels per day",
        260000,
        "barrels_per_day",
        span(t, "260,000 barrels per day"),
        measure="refinery throughput",
        period="2024",
        topics=["energy"],
    )
    event = EventFact(
        "Refinery workers rally",
        span(t, "Workers rallied outside the refinery"),
        kind="protest",
        date_start=date(2025, 1, 1),
        date_precision="month",
        date_text="January",
    )
    meta = ArticleMeta(
        title="Refinery workers rally",
        publisher="Labor Wire",
        published_at="2025-01-20",
        url="https://example.net/rally",
    )
    term = EventFact(
        "Maria Lopez re-elected to a third term as chief executive",
        span(t, "Maria Lopez"),
        kind="election",
        date_start=date(2025, 1, 1),
        date_precision="month",
        participants=["p0"],
    )
    return ArticleRecord("rally.txt", t), meta, Extraction([lopez], [quote], [figure], [event, term])


ARTICLES = (refinery, court, follow_up)


def load(engine: Engine) -> list[int]:
    """Store the three articles; returns their source ids."""
    ids = []
    for build in ARTICLES:
        record, meta, extraction = build()
        with engine.begin() as conn:
            ids.append(store_article(conn, record, meta, extraction).source_id)
    return ids
