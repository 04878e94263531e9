"""The IPTC-aligned taxonomy: required slugs, codes checked against IPTC Media Topics, a proper tree."""

from __future__ import annotations

import re

from app.taxonomy import BY_SLUG, TOPICS, ancestors, descendants

REQUIRED = [
    "energy",
    "trade",
    "economy",
    "sanctions",
    "military",
    "conflict",
    "diplomacy",
    "politics",
    "health",
    "environment",
    "technology",
    "science",
    "crime",
    "disaster",
    "sport",
    "society",
    "labour",
    "education",
]
# Codes as published by IPTC (cv.iptc.org/newscodes/mediatopic), checked by hand.
IPTC = {
    "crime": "medtop:02000000", "disaster": "medtop:03000000", "economy": "medtop:04000000",
    "education": "medtop:05000000", "environment": "medtop:06000000", "health": "medtop:07000000",
    "labour": "medtop:09000000", "politics": "medtop:11000000", "science-technology": "medtop:13000000",
    "society": "medtop:14000000", "sport": "medtop:15000000", "conflict": "medtop:16000000",
    "energy": "medtop:20000256", "trade": "medtop:20000373", "sanctions": "medtop:20000642",
    "diplomacy": "medtop:20000639", "international-relations": "medtop:20000638",
    "military": "medtop:20000598", "armed-conflict": "medtop:20000056", "science": "medtop:20000717",
    "technology": "medtop:20000756",
}  # fmt: skip


def test_required_slugs_exist():
    assert set(REQUIRED) <= set(BY_SLUG)


def test_codes_match_iptc():
    for slug, code in IPTC.items():
        assert BY_SLUG[slug].iptc_code == code, slug
    assert all(re.fullmatch(r"medtop:\d{8}", t.iptc_code) for t in TOPICS)
    assert len({t.iptc_code for t in TOPICS}) == len(TOPICS)


def test_parents_exist_and_form_a_tree():
    for topic in TOPICS:
        assert topic.parent is None or topic.parent in BY_SLUG
        assert topic.slug not in ancestors(topic.slug)
    top = [t for t in TOPICS if t.parent is None]
    assert all(t.iptc_code.endswith("000000") for t in top)


def test_descendants_include_the_topic_and_its_children():
    assert {"economy", "energy", "trade"} <= descendants("economy")
    assert {"politics", "international-relations", "diplomacy", "sanctions", "military"} <= descendants(
        "politics"
    )
    assert descendants("energy") == frozenset({"energy"})
    assert descendants("armed-conflict") <= descendants("conflict")


def test_ancestors_nearest_first():
    assert ancestors("diplomacy") == ["international-relations", "politics"]
    assert ancestors("economy") == []
