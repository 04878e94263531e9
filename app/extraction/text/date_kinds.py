"""The kinds of date expression in news text, declared once: pattern, example, and what each may date.

``dates.find_dates`` matches these patterns into ``DateMention``s; ``date_resolve`` turns the
named groups into dates.
The word tables (month and weekday names, small number words) live here because the patterns and
the resolution both read them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:first|second|third|fourth|final|last)"
_REL = r"(?:last|this|next|past|previous|coming)"
_PART = r"(?:early|mid|late|the end of|the start of|the beginning of|the middle of)"
_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


@dataclass(frozen=True)
class DateMention:
    """A date expression as written: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple = ()


@dataclass(frozen=True)
class DateKind:
    """One kind of date expression, declared once: what it looks like, and what it may date.

    ``dates_events``: an event trigger near it takes its date. ``dates_periods``: a figure in its
    clause takes it as its period ("revenue of $2bn in the third quarter"). A weekday dates an event
    but is no period; a quarter is a period but dates no event.
    """

    name: str
    example: str
    dates_events: bool
    dates_periods: bool
    pattern: str


# The longest match wins where they overlap.
DATE_KINDS: tuple[DateKind, ...] = (
    DateKind(
        "iso",
        "2019-10-03",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b",
    ),
    DateKind(
        "mdy",
        "October 3, 2019 (and October 3-4, 2019)",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?,?\s+(?P<y>{_YEAR})\b",
    ),
    DateKind(
        "dmy",
        "3 October 2019",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s+(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
    ),
    DateKind(
        "md",
        "October 3 (year from the anchor)",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\b(?![,.]?\s*\d)",
    ),
    DateKind(
        "dm",
        "3 October (year from the anchor)",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s+(?P<mon>{_MONTH})\b(?!\s*,?\s*\d)",
    ),
    DateKind(
        "my",
        "October 2019, early October 2019",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?:{_PART}\s+)?(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b",
    ),
    DateKind(
        "mdrel",
        "March 11 this year, 4 May last year",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?:(?P<mon>{_MONTH})\s+(?P<d>{_DAY})|(?P<d_>{_DAY})\s+(?P<mon_>{_MONTH}))"
        rf"(?:\s*[-–]\s*(?P<d2>{_DAY}))?,?\s+(?P<rel>last|this|next)\s+year\b",
    ),
    DateKind(
        "mrel",
        "October last year",
        dates_events=True,
        dates_periods=True,
        pattern=rf"\b(?:{_PART}\s+)?(?P<mon>{_MONTH})\s+(?P<rel>last|this|next)\s+year\b",
    ),
    DateKind(
        "quarter",
        "the third quarter (of 2019)",
        dates_events=False,
        dates_periods=True,
        pattern=rf"(?i:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter"
        rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?)",
    ),
    DateKind(
        "qcode",
        "Q3 2019",
        dates_events=False,
        dates_periods=True,
        pattern=rf"\b[Qq](?P<q>[1-4])\s*(?P<y>{_YEAR}|'\d\d)?\b",
    ),
    DateKind(
        "half",
        "the first half of 2019",
        dates_events=False,
        dates_periods=True,
        pattern=rf"(?i:\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of)?(?:\s+(?P<y>{_YEAR})|\s+(?:the\s+)?year)?)",
    ),
    DateKind(
        "months_of",
        "the first nine months of 2019",
        dates_events=False,
        dates_periods=True,
        pattern=rf"(?i:\b(?:the\s+)?(?P<which>first|last|past)\s+(?P<n>{_COUNT})\s+months\s+of\s+"
        rf"(?:(?P<y>{_YEAR})|(?P<rel>last|this|the)\s+year))",
    ),
    DateKind(
        "partyear",
        "late 2019",
        dates_events=True,
        dates_periods=False,
        pattern=rf"(?i:\b(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+(?P<y>{_YEAR}))\b",
    ),
    DateKind(
        "fiscal",
        "fiscal 2019",
        dates_events=False,
        dates_periods=True,
        pattern=rf"(?i:\bfiscal(?:\s+year)?\s+(?P<y>{_YEAR})(?:[-–/]\d{{2,4}})?)",
    ),
    DateKind(
        "weekday",
        "(last) Thursday (morning)",
        dates_events=True,
        dates_periods=False,
        pattern=rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})(?:'s)?"
        rf"(?:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    DateKind(
        "dayrel",
        "yesterday (morning), today, tomorrow, tonight",
        dates_events=True,
        dates_periods=False,
        pattern=r"(?i:\b(?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b)",
    ),
    DateKind(
        "nextday",
        "the next day, the following day, the day before (from the day being told; the anchor if none)",
        dates_events=True,
        dates_periods=False,
        pattern=r"(?i:\bthe\s+(?P<w>next|following|previous)\s+day\b|\bthe\s+day\s+(?P<w2>before|after)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their)\b))",
    ),
    DateKind(
        "ago",
        "three weeks ago, 36 hours ago",
        dates_events=True,
        dates_periods=True,
        pattern=rf"(?i:\b(?:(?:just|some|about|nearly|almost|over|more\s+than)\s+)?(?P<n>{_COUNT}|a|an)\s+"
        rf"(?P<u>hours?|days?|weeks?|months?|years?)\s+(?:ago|earlier)\b)",
    ),
    DateKind(
        "rel",
        "last week, next month, this year",
        dates_events=True,
        dates_periods=True,
        pattern=rf"(?i:\b(?:(?P<part>early|earlier|late|later|mid)\s+)?(?P<rel>{_REL})\s+(?P<u>week|weekend|month"
        rf"|year|quarter|decade|spring|summer|autumn|winter)\b)",
    ),
    DateKind(
        "edge",
        "the end of the week, the start of next month (the week or month as 'this week' would be)",
        dates_events=True,
        dates_periods=True,
        pattern=r"(?i:\b(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|(?P<rel>next|last))\s+"
        r"(?P<u>week|month|year)\b)",
    ),
    DateKind(
        "recent",
        "in recent weeks",
        dates_events=True,
        dates_periods=True,
        pattern=r"(?i:\b(?:in\s+)?recent\s+(?P<u>days|weeks|months)\b)",
    ),
    DateKind(
        "month",
        "in October (year from the anchor and tense)",
        dates_events=True,
        dates_periods=True,
        pattern=r"\b(?:(?P<prep>in|In|since|Since|until|by|from|during|through|early|late|mid|of|last|this|next)\s+)"
        r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b(?!\s+\d)",
    ),
    DateKind(
        "decade",
        "the 1990s",
        dates_events=False,
        dates_periods=False,
        pattern=r"\b(?:the\s+)?(?P<y>1[89]\d0|20[0-9]0)s\b",
    ),
    DateKind(
        "yearspan",
        "2019-20, 2000 - 2050",
        dates_events=False,
        dates_periods=False,
        pattern=rf"(?<![\d,.$£€¥:/-])(?P<y>{_YEAR})(?:[-–/]\d\d|\s?[-–/]\s?{_YEAR})(?![-–/]?\d)",
    ),
    DateKind(
        "year",
        "2019",
        dates_events=True,
        dates_periods=True,
        pattern=rf"(?<![\d,.$£€¥:/-])(?P<y>{_YEAR})(?![\d%,.]\d|\s*(?:%|percent)|[-–/]\d)\b",
    ),
)
EVENT_DATE_KINDS = frozenset(k.name for k in DATE_KINDS if k.dates_events)
PERIOD_DATE_KINDS = frozenset(k.name for k in DATE_KINDS if k.dates_periods)
