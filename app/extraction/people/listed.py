"""Names in a list of people: "with Rosa Ilves, Tomas Brenner and Kalev Saar", where the NER tags
some names PERSON and calls a neighbour an organisation or nothing. A run of two or three
capitalised proper nouns separated only by a comma or "and"/"or" from a PERSON-tagged name is a
name of the same list; a run only followed by such a name must itself follow a comma or "and"
(else it is a role or organisation before an appositive name). The caller still cleans the run
and rejects things ("Harbour Hotel")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.lexicon.organisations import ORG_HEADS, ORG_SUFFIXES
from app.lexicon.people import HONORIFICS, PERSON_NOUNS, ROLE_WORDS

LIST_JOINS = frozenset({",", "and", "or", "&"})
NOT_NAME_ENTS = ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL", "NORP")


def listed_name_spans(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """(start, end) token ranges of untaken proper-noun runs listed next to a PERSON name."""
    out = []
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]) or i in taken or (i > 0 and _name_word(doc[i - 1])):
            i += 1
            continue
        end = i
        while end < len(doc) and _name_word(doc[end]) and end not in taken:
            end += 1
        whole = 2 <= end - i <= 3 and (end == len(doc) or not _name_word(doc[end]))
        if whole and not _role_words(doc, i, end) and _listed(doc, i, end):
            out.append((i, end))
        i = end
    return out


def _name_word(tok: Token) -> bool:
    low = tok.lower_
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_sent_start
        and low not in ORG_HEADS
        and low not in ORG_SUFFIXES
        and tok.ent_type_ not in NOT_NAME_ENTS
    )


def _listed(doc: Doc, start: int, end: int) -> bool:
    return _person_before(doc, start) or (_person_after(doc, end) and _list_join_before(doc, start))


def _role_words(doc: Doc, start: int, end: int) -> bool:
    """ "Prime Minister": a title, not a name."""
    return any(t.lower_ in ROLE_WORDS | HONORIFICS | PERSON_NOUNS for t in doc[start:end])


def _list_join_before(doc: Doc, start: int) -> bool:
    """Inside a list ("Lund, Aino Vesk, Kurt Ramm"), not a role or organisation before an
    appositive name ("Friends of Reason, Tom Hale")."""
    return start > 0 and doc[start - 1].lower_ in LIST_JOINS


def _person_before(doc: Doc, start: int) -> bool:
    k = start - 1
    joins = 0
    while k >= 0 and doc[k].lower_ in LIST_JOINS and joins < 2:
        k, joins = k - 1, joins + 1
    return joins > 0 and k >= 1 and _person_name_end(doc, k)


def _person_after(doc: Doc, end: int) -> bool:
    k, joins = end, 0
    while k < len(doc) and doc[k].lower_ in LIST_JOINS and joins < 2:
        k, joins = k + 1, joins + 1
    return joins > 0 and k + 1 < len(doc) and doc[k].ent_type_ == doc[k + 1].ent_type_ == "PERSON"


def _person_name_end(doc: Doc, k: int) -> bool:
    """A PERSON-tagged name of at least two words ends at token ``k``."""
    return doc[k].ent_type_ == "PERSON" and doc[k - 1].ent_type_ == "PERSON" and doc[k].ent_iob_ != "B"
