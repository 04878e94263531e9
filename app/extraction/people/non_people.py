"""Evidence from the article that a capitalised name the parser tagged PERSON names no person:
a work, a make or model, a product, a party or company in the possessive.

Why: the small NER model tags many proper names PERSON ("the novel Silver Harbour", "his Aldane
Skyvan aircraft", "Linefold's Mara Tenz"); each check below is evidence a careful reader uses,
read from the article itself, never from a list of names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.lexicon.speech import WORK_NOUNS
from app.names import key

THING_ENTS = ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW")
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "my"])


def owned_thing(doc: Doc, start: int, end: int) -> bool:
    """ "his Aldane Skyvan light aircraft", "her Corvo Mark II drill": a name between a possessive
    determiner and the lower-case noun it modifies is a make or model, not a person."""
    if start == 0 or end >= len(doc) or doc[start - 1].lower_ not in POSSESSIVE_DETERMINERS:
        return False
    last = doc[end - 1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i >= end and last.head.is_lower


def after_work_noun(doc: Doc, start: int) -> bool:
    """ "the graphic novel Silver Harbour", "the film Night Tide": a name right after a
    lower-case noun for a work is the work's title."""
    return start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in WORK_NOUNS


def part_of_thing_name(doc: Doc, word: str) -> bool:
    """A one-word name that elsewhere ends a longer name the NER reads as a product, an
    organisation or a work ("Quillsoft Draftpad" PRODUCT, then "Draftpad continues to grow")."""
    k = key(word)
    return any(ent.label_ in THING_ENTS and len(ent) > 1 and key(ent[-1].text) == k for ent in doc.ents)


def possessive_before_person(doc: Doc, end: int, person_starts: set[int]) -> bool:
    """ "Linefold's Mara Tenz", "the Harbour Party's Ivo Rask": a name in the possessive right
    before another person's name is that person's party, team or company."""
    i = end
    if i < len(doc) and doc[i].text in POSSESSIVE_MARKS:
        i += 1
    elif not doc[end - 1].text.endswith(POSSESSIVE_MARKS):
        return False
    return i in person_starts


def named_by(tok: Token) -> Token | None:
    """ "a hacker group known as Vantablack", "a firm called Orrin": the noun so named."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    if head.lemma_.lower() in ("know", "call", "name", "dub") and head.dep_ == "acl":
        return head.head
    return None
