"""Topics of a fact from its own words and sentence: a weighted keyword lexicon per taxonomy slug.

Transparent and testable on purpose: :func:`explain` shows which words gave which topic. A figure's
own measure phrase counts more than the rest of its sentence, so "Brazil's coffee exports to Japan hit $2
billion ... during the strike" is trade, not labour.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from app.lexicon.topics import LEXICON, UNIT_TOPICS
from app.taxonomy import BY_SLUG, CORE_SLUGS, ancestors
from app.tuning import tuning


@cache
def _matcher() -> tuple[re.Pattern, dict[str, list[tuple[str, float]]]]:
    """One regex over every term (longest first, so "natural gas" wins over "gas") and what each means."""
    meaning: dict[str, list[tuple[str, float]]] = {}
    for slug, terms in LEXICON.items():
        for term, weight in terms.items():
            meaning.setdefault(term, []).append((slug, weight))
    sources = []
    for term in sorted(meaning, key=len, reverse=True):
        src = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        sources.append(src + (r"\w*" if term.endswith("*") else r"(?![\w-])"))
    return re.compile(r"(?<![\w-])(?:" + "|".join(sources) + ")", re.IGNORECASE), meaning


@cache
def _term_of(matched: str) -> str | None:
    meaning = _matcher()[1]
    text = " ".join(matched.lower().split())
    if text in meaning:
        return text
    candidates = [t for t in meaning if t.endswith("*") and text.startswith(t[:-1])]
    return max(candidates, key=len) if candidates else None


def scores(text: str, weight: float = 1.0) -> Counter:
    """Weighted evidence per slug in ``text``."""
    pattern, meaning = _matcher()
    out: Counter[str] = Counter()  # weights are floats; Counter's typing assumes int counts
    for m in pattern.finditer(text or ""):
        term = _term_of(m.group(0))
        for slug, w in meaning.get(term, ()) if term else ():
            out[slug] += w * weight  # type: ignore[assignment]
    return out


def explain(text: str) -> list[tuple[str, str, float]]:
    """(matched words, slug, weight) for every lexicon hit: why a text got its topics."""
    pattern, meaning = _matcher()
    return [
        (m.group(0), slug, w)
        for m in pattern.finditer(text or "")
        for slug, w in meaning.get(_term_of(m.group(0)) or "", ())
    ]


def _depth(slug: str) -> int:
    return len(ancestors(slug))


def rank(evidence: Counter, limit: int) -> list[str]:
    """Slugs by evidence, the more specific first on ties; weak ones (under a third of the best) dropped."""
    if not evidence:
        return []
    best = max(evidence.values())
    ranked = sorted(
        (s for s, v in evidence.items() if v >= best / 3 and s in BY_SLUG),
        key=lambda s: (-evidence[s], -_depth(s), s),
    )
    return ranked[:limit]


def classify(text: str, limit: int = 2) -> list[str]:
    """At most ``limit`` topic slugs for a text, most specific first."""
    return rank(scores(text), limit)


def beat(title: str | None, body: str) -> Counter:
    """The article's beat: topic evidence of the whole article (the title counting more), scaled so the
    strongest topic weighs ``topic_beat_weight``. A figure whose own words say little ("272", "3,500
    feet") takes the topic of the story it is told in; its own phrase still outweighs the beat."""
    evidence = scores(title or "", 3.0) + scores(body, 1.0)
    if not evidence:
        return Counter()
    best = max(evidence.values())
    weight = tuning().topic_beat_weight
    return Counter({s: v / best * weight for s, v in evidence.items() if v >= best / 4})


def classify_figure(
    measure: str | None,
    sentence: str | None,
    unit: str | None = None,
    context: str | None = None,
    article: Counter | None = None,
) -> list[str]:
    """At most three slugs for a figure: its measure weighs three times its sentence, a unit such as
    barrels per day decides on its own, the paragraph around and the article's beat break ties. A slug
    outside the core list is followed by its nearest core ancestor, so filters on the core slugs still
    find it."""
    evidence = scores(measure or "", 3.0) + scores(sentence or "", 1.0) + scores(context or "", 0.25)
    evidence.update(article or Counter())
    if unit in UNIT_TOPICS:
        evidence[UNIT_TOPICS[unit]] += 6
    out: list[str] = []
    for slug in rank(evidence, 3):
        for s in (slug, *([] if slug in CORE_SLUGS else [a for a in ancestors(slug) if a in CORE_SLUGS][:1])):
            if s not in out:
                out.append(s)
    return out[:3]
