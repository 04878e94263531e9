"""Hand-built articles for the storage layer: a text, its metadata and the facts "extracted" from
it, written by hand so the writer's merge logic is tested without spaCy.

    a = Article("Ana Reyes said: \"We will build.\"", publisher="City Desk")
    ana = a.person("Ana Reyes", "Reyes")
    a.quote("We will build.", ana)
    with engine.begin() as conn:
        store_article(conn, *a.parts())

Every span is found in the text (the n-th occurrence of a needle), so evidence always reproduces.
"""

from __future__ import annotations

from datetime import date

from app.extraction.types import (
    ArticleMeta,
    DatePrecision,
    EventFact,
    Extraction,
    FigureFact,
    PersonFact,
    QuoteFact,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
)
from app.records import ArticleRecord


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle, sentence=needle, sentence_start=start)


class Article:
    """One article being written by hand; :meth:`parts` hands it to ``store_article``."""

    def __init__(self, text: str, origin: str = "article.txt", **meta: object) -> None:
        self.text = text
        self.origin = origin
        self.meta = ArticleMeta(**meta)  # type: ignore[arg-type]
        self.extraction = Extraction()

    def span(self, needle: str, nth: int = 0) -> Span:
        return span_of(self.text, needle, nth)

    def person(self, name: str, *aliases: str, title: str | None = None, at: str | None = None) -> str:
        """A person mentioned at ``at`` (default: their name); returns their article-local key."""
        key = f"p{len(self.extraction.people)}"
        mention = self.span(at or name)
        self.extraction.people.append(PersonFact(key, name, list(aliases), title, None, None, [mention]))
        return key

    def quote(
        self,
        words: str,
        speaker: str | None = None,
        *,
        kind: QuoteKind = "direct",
        speaker_type: SpeakerType = "person",
        topics: tuple[str, ...] = (),
        nth: int = 0,
    ) -> QuoteFact:
        """A quote by the person ``speaker`` (a key from :meth:`person`) or by a named organisation."""
        who = None
        if speaker is not None:
            person = next((p for p in self.extraction.people if p.key == speaker), None)
            who = Speaker(person.name, "person", person.key) if person else Speaker(speaker, speaker_type)
        fact = QuoteFact(words, kind, who, self.span(words, nth), list(topics))
        self.extraction.quotes.append(fact)
        return fact

    def figure(
        self,
        written: str,
        value: float | None,
        unit: str | None,
        *,
        measure: str | None = None,
        period: str | None = None,
        restates: int | None = None,
        nth: int = 0,
    ) -> FigureFact:
        fact = FigureFact(
            written, value, unit, self.span(written, nth), measure=measure, period=period, restates=restates
        )
        self.extraction.figures.append(fact)
        return fact

    def event(
        self,
        summary: str,
        at: str,
        *,
        kind: str | None = None,
        on: date | None = None,
        precision: DatePrecision | None = "day",
        participants: tuple[str, ...] = (),
        location: str | None = None,
    ) -> EventFact:
        fact = EventFact(
            summary,
            self.span(at),
            kind=kind,
            date_start=on,
            date_precision=precision if on else None,
            date_text=str(on) if on else None,
            location=location,
            participants=list(participants),
        )
        self.extraction.events.append(fact)
        return fact

    def parts(self) -> tuple[ArticleRecord, ArticleMeta, Extraction]:
        return ArticleRecord(self.origin, self.text), self.meta, self.extraction
