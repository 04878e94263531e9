"""People in one article: spaCy PERSON entities, surname mentions merged into the full name.

A first honest pass; reporters named in the byline, credits and photo credits are not people the
knowledge base is about, so their names are skipped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.extraction.spans import span_of
from app.extraction.types import ArticleMeta, PersonFact

POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_name(text: str) -> str:
    name = POSSESSIVE.sub("", text.strip())
    return " ".join(name.split())


def extract_people(doc: Doc, meta: ArticleMeta) -> list[PersonFact]:
    excluded = {n.lower() for n in (*meta.authors, *meta.credits)}
    full: dict[str, PersonFact] = {}
    singles: list[tuple[str, object]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = clean_name(ent.text)
        if not name or name.lower() in excluded or not name[0].isupper():
            continue
        if len(name.split()) >= 2:
            person = full.setdefault(name.lower(), PersonFact(key=f"p{len(full)}", name=name))
            person.mentions.append(span_of(ent))
        else:
            singles.append((name, ent))
    people = list(full.values())
    standalone: dict[str, PersonFact] = {}
    for name, ent in singles:
        owner = _owner_of(name, people)
        if owner is None:
            owner = standalone.setdefault(name.lower(), PersonFact(key=f"s{len(standalone)}", name=name))
        elif name not in owner.aliases:
            owner.aliases.append(name)
        owner.mentions.append(span_of(ent))
    return people + list(standalone.values())


def _owner_of(single: str, people: list[PersonFact]) -> PersonFact | None:
    matches = [p for p in people if single in (p.name.split()[-1], p.name.split()[0])]
    return matches[0] if len(matches) == 1 else None
