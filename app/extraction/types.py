"""What extraction hands to entity resolution and storage: plain data, no spaCy objects.

Keeping this boundary free of spaCy lets resolution and storage be tested with hand-built facts,
and lets the ingest pipeline ship extractions between processes.
Every fact carries a :class:`Span` whose offsets index the article's stored text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organization", "anonymous"]
# How the speaker was found (SPEC: speaker.basis): named at the cue, a pronoun, a role or
# description, carried over from the previous quote, an organisation speaking; "none" is stored for
# a quote without a speaker.
SpeakerBasis = Literal["explicit", "pronoun", "descriptor", "inherited", "organisation", "none"]
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Span:
    """``text == article_text[start:end]``; ``sentence`` is the sentence around it."""

    start: int
    end: int
    text: str
    sentence: str | None = None
    sentence_start: int | None = None


@dataclass
class PersonFact:
    """One person as found in one article, their mentions merged (Varga -> Elena Varga)."""

    key: str  # article-local identifier, referenced by quotes and events
    name: str  # fullest form of the name in the article
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    gender: Literal["m", "f"] | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Speaker:
    name: str
    type: SpeakerType
    person_key: str | None = None  # PersonFact.key when type == "person"
    basis: SpeakerBasis | None = None


@dataclass
class QuoteFact:
    text: str
    kind: QuoteKind
    speaker: Speaker | None  # None: no speaker could be found; kept, visibly unattributed
    span: Span
    topics: list[str] = field(default_factory=list)
    cue: str | None = None  # the speech verb or phrase ("said", "according to")


@dataclass
class FigureFact:
    text: str  # as written: "$4.2 billion"
    value: float | None  # in base units; None when it could not be normalised
    unit: str | None
    span: Span
    measure: str | None = None
    period: str | None = None
    approximate: bool = False
    qualifier: str | None = None  # "about", "more than", "nearly", ...
    is_change: bool = False  # "up 63%" rather than a level
    range_low: float | None = None  # "€40 to €45 million": 4e7 and 4.5e7; value is the low end
    range_high: float | None = None
    restates: int | None = None  # index of the figure this one converts or restates
    topics: list[str] = field(default_factory=list)


@dataclass
class EventFact:
    summary: str
    span: Span
    kind: str | None = None  # visit, meeting, summit, signing, election, ruling, strike, ...
    date_start: date | None = None
    date_end: date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None  # the expression as written, kept even when unresolved
    location: str | None = None
    participants: list[str] = field(default_factory=list)  # PersonFact.key, or a name for non-people
    topics: list[str] = field(default_factory=list)


@dataclass
class ArticleMeta:
    """Metadata of an article, given (sidecar, front matter, record) or inferred from its text."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # "contributed to this report", photo credits
    published_at: str | None = None  # ISO date or datetime as given or inferred
    dateline: str | None = None
    language: str | None = None

    @property
    def published_date(self) -> date | None:
        if not self.published_at:
            return None
        try:
            return date.fromisoformat(self.published_at[:10])
        except ValueError:
            return None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    people: list[PersonFact] = field(default_factory=list)
    quotes: list[QuoteFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
