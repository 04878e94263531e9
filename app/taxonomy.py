"""The topic taxonomy: slugs aligned with IPTC Media Topics (https://cv.iptc.org/newscodes/mediatopic/).

It is code, not data in the database only, because both paths need it without a query: the write
path classifies facts into these slugs and the read path expands ``?topic=energy`` to the topic
and its descendants. A migration copies it into the ``topics`` table so SQL users see it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    iptc_code: str
    parent: str | None = None


# Codes and labels checked against IPTC's published Media Topics (en-GB). A parent is the nearest
# IPTC ancestor that is also in this list: energy and resource sits under economic sector, international
# trade under economic trends and indicators, national security under government, all three of which
# are folded into their top-level topics here.
TOPICS: tuple[Topic, ...] = (
    Topic("crime", "crime, law and justice", "medtop:02000000"),
    Topic("disaster", "disaster, accident and emergency incident", "medtop:03000000"),
    Topic("economy", "economy, business and finance", "medtop:04000000"),
    Topic("energy", "energy and resource", "medtop:20000256", "economy"),
    Topic("trade", "international trade", "medtop:20000373", "economy"),
    Topic("education", "education", "medtop:05000000"),
    Topic("environment", "environment", "medtop:06000000"),
    Topic("health", "health", "medtop:07000000"),
    Topic("labour", "labour", "medtop:09000000"),
    Topic("politics", "politics and government", "medtop:11000000"),
    Topic("international-relations", "international relations", "medtop:20000638", "politics"),
    Topic("diplomacy", "diplomacy", "medtop:20000639", "international-relations"),
    Topic("sanctions", "economic sanction", "medtop:20000642", "international-relations"),
    Topic("military", "national security", "medtop:20000598", "politics"),
    Topic("science-technology", "science and technology", "medtop:13000000"),
    Topic("science", "natural science", "medtop:20000717", "science-technology"),
    Topic("technology", "technology and engineering", "medtop:20000756", "science-technology"),
    Topic("society", "society", "medtop:14000000"),
    Topic("sport", "sport", "medtop:15000000"),
    Topic("conflict", "conflict, war and peace", "medtop:16000000"),
    Topic("armed-conflict", "armed conflict", "medtop:20000056", "conflict"),
)

BY_SLUG: dict[str, Topic] = {t.slug: t for t in TOPICS}

# The slugs SPEC fixes and facts are classified into (the intermediate nodes only group them).
CORE_SLUGS: tuple[str, ...] = (
    "energy", "trade", "economy", "sanctions", "military", "conflict", "diplomacy", "politics", "health",
    "environment", "technology", "science", "crime", "disaster", "sport", "society", "labour", "education",
)  # fmt: skip


@cache
def descendants(slug: str) -> frozenset[str]:
    """The slug itself and every topic below it, so a filter on a parent matches its children."""
    found = {slug}
    frontier = [slug]
    while frontier:
        parent = frontier.pop()
        for topic in TOPICS:
            if topic.parent == parent and topic.slug not in found:
                found.add(topic.slug)
                frontier.append(topic.slug)
    return frozenset(found)


def ancestors(slug: str) -> list[str]:
    """Parents of a slug, nearest first (not including the slug)."""
    out: list[str] = []
    topic = BY_SLUG.get(slug)
    while topic and topic.parent:
        out.append(topic.parent)
        topic = BY_SLUG.get(topic.parent)
    return out
