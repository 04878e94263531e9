"""Which known person a name found in a new article refers to (pure functions, no database).

Interface used by ``app/storage/people.py`` (keep these names and signatures):
``name_key``, ``lookup_keys``, ``match_person``, ``should_rename``, ``aliases_for``, ``KnownPerson``.

The rules, and why:
- A full name matches the same full name, middle names and initials aside ("George W. Bush" is
  "George Bush"), and never a different full name: "Li Wei" is not "Li Weiming", "Choi Min Ho"
  is not "Choi Min Jun".
- A full name matches a person known only by a bare surname ("Lindqvist" seen alone elsewhere), when
  exactly one such person is known.
- A bare name matches the one known person it is a surname, family name or alias of; if two
  known people share it, it is ambiguous and matches nobody.
- Which end of a name is the family name is taken from how articles shorten it: "Wang Lei" is
  shortened to "Wang", "Tomas Lindqvist" to "Lindqvist"; without evidence, the last word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extraction.types import PersonFact
from app.keys import name_key
from app.lexicon.people import HONORIFICS
from app.names import core_words


@dataclass
class KnownPerson:
    id: int
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None


def tokens(name: str) -> list[str]:
    return name_key(name).split()


def lookup_keys(fact: PersonFact) -> set[str]:
    """Alias keys under which candidates for this person may be stored: every form of the name,
    and each end of it (a surname alone may be all another article gave)."""
    keys = {name_key(fact.name)} | {name_key(a) for a in fact.aliases}
    toks = tokens(fact.name)
    if len(toks) > 1:
        keys.update({toks[0], toks[-1], " ".join(core_words(fact.name))})
    return {k for k in keys if k}


def match_person(fact: PersonFact, candidates: list[KnownPerson]) -> KnownPerson | None:
    """The known person this fact is, or None (a new person, or an ambiguous bare name)."""
    people = _distinct(candidates)
    if len(tokens(fact.name)) > 1:
        same = [c for c in people if _same_full_name(fact, c)]
        if same:
            return same[0]
        family = _family_forms(fact.name, fact.aliases)
        bare = [c for c in people if _is_bare(c) and name_key(c.name) in family]
        return bare[0] if len(bare) == 1 else None
    key = name_key(fact.name)
    having = [c for c in people if key in _short_forms(c)]
    return having[0] if len(having) == 1 else None


def should_rename(known: KnownPerson, fact: PersonFact) -> bool:
    """A person known by a bare name takes the full name once one is seen."""
    return len(tokens(known.name)) == 1 and len(tokens(fact.name)) > 1


def aliases_for(fact: PersonFact) -> list[str]:
    """Surface forms to store: the full name, the forms the article used, the family name, the
    name without middle names, and title + family name ("President Varga", "Judge Coleman")."""
    parts = fact.name.split()
    forms = [fact.name, *fact.aliases]
    if len(parts) > 1:
        family_first = _family_first(fact.name, fact.aliases)
        family = parts[0] if family_first else parts[-1]
        forms.append(family)
        if len(parts) > 2 and not family_first:
            forms.append(f"{parts[0]} {parts[-1]}")
        honorific = _honorific(fact.title)
        if honorific:
            forms.append(f"{honorific} {family}")
    seen: dict[str, str] = {}
    for form in forms:
        if form and form.strip():
            seen.setdefault(name_key(form), form.strip())
    return list(seen.values())


def _distinct(candidates: list[KnownPerson]) -> list[KnownPerson]:
    seen: dict[int, KnownPerson] = {}
    for c in candidates:
        seen.setdefault(c.id, c)
    return list(seen.values())


def _is_bare(person: KnownPerson) -> bool:
    return len(tokens(person.name)) == 1


def _same_full_name(fact: PersonFact, person: KnownPerson) -> bool:
    """Same words, middle names and initials aside, against the name or any full alias."""
    mine = _full_forms(fact.name, fact.aliases)
    aliases = [a for a in person.aliases if len(tokens(a)) == 1]
    return any(
        mine & _full_forms(form, aliases) for form in (person.name, *person.aliases) if len(tokens(form)) > 1
    )


def _full_forms(name: str, aliases: list[str]) -> set[tuple[str, ...]]:
    """The name's words without initials, and first + last word when middle names may be left
    out (not for family-name-first names: "Choi Min Ho" is not "Choi Ho")."""
    words = [name_key(w) for w in core_words(name)]
    forms = {tuple(words)}
    if len(words) > 2 and not _family_first(name, aliases):
        forms.add((words[0], words[-1]))
    return forms


def _family_first(name: str, aliases: list[str]) -> bool:
    """True when the article shortened the name to its first word ("Wang" for "Wang Lei")."""
    words = tokens(name)
    short = {name_key(a) for a in aliases if len(tokens(a)) == 1}
    return len(words) > 1 and words[0] in short and words[-1] not in short


def _family_forms(name: str, aliases: list[str]) -> set[str]:
    words = tokens(name)
    return {words[0]} if _family_first(name, aliases) else {words[-1]}


def _short_forms(person: KnownPerson) -> set[str]:
    """Keys a bare mention of this person can take: its one-word aliases and its family name."""
    forms = {name_key(a) for a in (person.name, *person.aliases) if len(tokens(a)) == 1}
    if not _is_bare(person):
        forms |= _family_forms(person.name, [a for a in person.aliases if len(tokens(a)) == 1])
    return forms


def _honorific(title: str | None) -> str | None:
    """The last word of a title when it is one used before surnames ("French President")."""
    if not title:
        return None
    last = title.split()[-1]
    return last if last.lower() in HONORIFICS and last[:1].isupper() else None
