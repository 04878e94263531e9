"""Which known person a name found in a new article refers to (pure functions, no database).

Interface used by ``app/storage/people.py`` (keep these names and signatures):
``name_key``, ``lookup_keys``, ``match_person``, ``should_rename``, ``aliases_for``, ``KnownPerson``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from app.extraction.types import PersonFact


@dataclass
class KnownPerson:
    id: int
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None


def name_key(name: str) -> str:
    """Case- and spacing-insensitive form of a name, used for unique keys and alias lookups."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().replace("’", "'").split())


def tokens(name: str) -> list[str]:
    return name_key(name).split()


def lookup_keys(fact: PersonFact) -> set[str]:
    """Alias keys under which candidates for this person may be stored."""
    keys = {name_key(fact.name)} | {name_key(a) for a in fact.aliases}
    toks = tokens(fact.name)
    if len(toks) > 1:
        keys.add(toks[-1])
        keys.add(toks[0])
    return {k for k in keys if k}


def match_person(fact: PersonFact, candidates: list[KnownPerson]) -> KnownPerson | None:
    """The known person this fact is, or None (a new person).

    A full name matches the same full name, or a person known only by a bare name that is one of
    its tokens (when exactly one such person exists). A bare name matches a unique known person
    having it as an alias. Different full names never merge ("Wang Yi" is not "Wang Yiwei").
    """
    key = name_key(fact.name)
    exact = [c for c in candidates if name_key(c.name) == key]
    if exact:
        return exact[0]
    toks = tokens(fact.name)
    if len(toks) > 1:
        bare = [c for c in candidates if len(tokens(c.name)) == 1 and tokens(c.name)[0] in (toks[0], toks[-1])]
        return bare[0] if len(bare) == 1 else None
    having = [c for c in candidates if key in {name_key(a) for a in c.aliases}]
    return having[0] if len(having) == 1 else None


def should_rename(known: KnownPerson, fact: PersonFact) -> bool:
    """A person known by a bare name takes the full name once one is seen."""
    return len(tokens(known.name)) == 1 and len(tokens(fact.name)) > 1


def aliases_for(fact: PersonFact) -> list[str]:
    """Surface forms to store: the full name, the forms seen in the article, and the surname."""
    forms = [fact.name, *fact.aliases]
    parts = fact.name.split()
    if len(parts) > 1:
        forms.append(parts[-1])
        if len(parts) > 2:
            forms.append(f"{parts[0]} {parts[-1]}")
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(name_key(form), form)
    return list(seen.values())
