"""Topics of a fact from its own words and sentence: a transparent keyword lexicon per slug."""

from __future__ import annotations

import re
from functools import cache

LEXICON: dict[str, tuple[str, ...]] = {
    "energy": ("oil", "gas", "crude", "pipeline", "energy", "barrels", "lng", "coal", "electricity", "power plant"),
    "trade": ("trade", "export", "exports", "import", "imports", "tariff", "tariffs"),
    "sanctions": ("sanction", "sanctions", "sanctioned", "embargo"),
    "military": ("military", "weapons", "troops", "army", "defense", "defence", "ammunition"),
    "conflict": ("war", "invasion", "attack", "offensive", "battlefield"),
    "diplomacy": ("diplomatic", "summit", "visit", "talks", "partnership", "relations", "ties"),
    "economy": ("economy", "economic", "gdp", "inflation", "market", "revenue"),
}


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def classify(text: str, limit: int = 2) -> list[str]:
    scores = {slug: len(_pattern(words).findall(text)) for slug, words in LEXICON.items()}
    ranked = sorted((s for s in scores if scores[s]), key=lambda s: -scores[s])
    return ranked[:limit]
