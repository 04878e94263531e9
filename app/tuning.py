"""The tuned thresholds of extraction and resolution, in one frozen object.

Each value was chosen by measuring extraction on the evaluation sets; none encodes a fact about an
article. Keeping them together lets ``scripts/eval_extraction.py --tune NAME=VALUE`` vary any of
them without editing code, and shows a reviewer every knob the rules depend on. Modules read the
current values with :func:`tuning` at call time; :func:`tuned` swaps them for a block.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Tuning:
    # text: a caption repeated with its credit shares at least this many leading characters
    caption_prefix: int = 40
    # quotes: a quoted fragment this short needs a speech verb that governs it (else scare quotes)
    scare_max_words: int = 3
    # quotes: a capitalised quoted phrase up to this long after a work noun is a title, not a quote
    title_max_words: int = 8
    # quotes: an indirect clause needs at least this many tokens
    indirect_min_tokens: int = 3
    # speakers: sentences back in which a previous speaker or a mention can be a pronoun's antecedent
    pronoun_window: int = 4
    # speakers: sentences back in which "the company" / "the ministry" finds its organisation
    org_window: int = 25
    # people: words before a name that can still belong to its title
    max_title_words: int = 14
    # people: weight of a common given name's gender against pronoun votes (one vote is 1.0)
    name_prior: float = 1.5
    # people: tokens after a mention in which the next "he"/"she" (a subject) is a gender vote
    gender_window: int = 45
    # figures: longest measure phrase, in words
    measure_max_words: int = 12
    # figures: after "the"/"all"/"its", a number up to this is a reference ("the two clubs"), above it a count
    reference_max_count: int = 2
    # figures: weight of the article's strongest topic in a figure's topic evidence (a measure word is 3)
    topic_beat_weight: float = 6.0
    # events: tokens left of a date in which its trigger may stand
    event_max_left: int = 12
    # How far up the parse a date may sit from the verb it dates ("on Tuesday in the Cup at the Hall").
    event_verb_climb: int = 6
    # events: 1 to date the lede's main happening by the publication date when it has no date (0: off)
    event_lede: int = 1
    # events: words of an adverbial clause kept in a summary ("when it broke up during re-entry"); 0: none
    event_summary_advcl: int = 10
    # resolution: token-sequence similarity above which two renderings are one quote
    quote_near_ratio: float = 0.85
    # resolution: words an excerpt needs before it may stand for a longer quote ...
    quote_min_excerpt: int = 6
    # ... and the share of the longer quote it must cover
    quote_excerpt_share: float = 0.5


_current = Tuning()


def tuning() -> Tuning:
    """The thresholds in force."""
    return _current


@contextmanager
def tuned(**changes: float) -> Iterator[Tuning]:
    """Run a block with some thresholds changed (for evaluation runs), restoring them after."""
    global _current
    previous = _current
    _current = replace(previous, **changes)  # type: ignore[arg-type]
    try:
        yield _current
    finally:
        _current = previous


def parse_overrides(pairs: list[str]) -> dict[str, float]:
    """``["pronoun_window=6"]`` -> ``{"pronoun_window": 6}``, typed like the field it sets."""
    types = {f.name: f.type for f in fields(Tuning)}
    out: dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in types:
            raise ValueError(f"unknown threshold {name!r}; known: {', '.join(types)}")
        out[name] = int(value) if types[name] == "int" else float(value)
    return out
