"""Numbers whose unit is written elsewhere: "Lee added 22 points and Price had 17", "Harbour Bank
and Tern Credit have 6 complaints each. Dune Bank has 4 each.", "the riders, five of them juniors".

A reader supplies the unit from the figure before, or counts the members of a group the sentence
has already named.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from app.extraction.figures.contests import name_of
from app.extraction.figures.phrases import noun_phrase, same_line, subject_of
from app.extraction.figures.positions import NOT_COUNTED
from app.extraction.figures.quantity import Quantity
from app.extraction.types import FigureFact

# "five of them", "three of whom": a part of a group already named, a count of its members.
PARTITION = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
# "4 each": the same thing as the figure before, for each of several holders.
EACH = re.compile(r"\s+each\b", re.IGNORECASE)
EACH_REACH = 300  # characters back to the figure whose unit "N each" repeats


def unit_left_out(text: str, q: Quantity, before: list[FigureFact]) -> str | None:
    """The unit of a number that names none: a partition counts members (and its text takes in
    "of them"); "N each" repeats the unit of the figure just before it."""
    after = text[q.end : q.end + 20]
    if (part := PARTITION.match(after)) is not None and q.value is not None and q.value >= 2:
        q.end += part.end()  # the figure is written "five of them"
        return "count"
    if EACH.match(after) and before:
        last = before[-1]
        if q.start - last.span.end < EACH_REACH and last.unit in ("count", "people", "points"):
            return last.unit
    return None


def elliptical_unit(q: Quantity, tok: Token, before: list[FigureFact]) -> tuple[str, None] | None:
    """ "Lee added 22 points and Price had 17": the unit written once for several numbers in a sentence."""
    sent = tok.sent
    for fact in reversed(before):
        same_sentence = sent.start_char <= fact.span.start < q.start
        if same_sentence and fact.unit in ("points", "count", "goals") and q.start - fact.span.end < 120:
            return fact.unit, None
    return None


def partition_measure(quantity: Span) -> str | None:
    """ "the riders — five of them juniors": members of the group named before ("riders"), with the
    word that says which part, a plural noun as a modifier in the singular ("two of them juniors" ->
    "junior riders")."""
    last = quantity[-1]
    if last.lower_ not in ("them", "whom", "those", "these") or len(quantity) < 3:
        return None
    sent = quantity.sent
    group = next(
        (t for t in reversed(sent[: quantity.start - sent.start]) if t.tag_ in ("NNS", "NNPS")),
        None,
    )
    if group is None:
        return None
    nxt = quantity.doc[last.i + 1] if last.i + 1 < len(quantity.doc) else None
    if nxt is not None and (nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN", "VBD")):  # "five of them injured"
        return f"{nxt.text} {group.text}"
    if nxt is not None and nxt.pos_ == "NOUN" and group.lower_ in ("people", "persons", "individuals"):
        return nxt.text  # "300 people, 40 of them children": children
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS":
        rest = (noun_phrase(nxt, set()) or "").partition(nxt.text)[2]  # "tourists from Leeds"
        return f"{nxt.lemma_} {group.text}{rest}"  # "three of them students": student passengers
    if nxt is not None and nxt.pos_ == "NOUN":
        return f"{nxt.text} ({group.text})"
    return group.text


def each_measure(quantity: Span, before: list[FigureFact]) -> str | None:
    """ "Harbour Bank and Tern Credit have 6 complaints each. Dune Bank has 4 each.": a count "each"
    is the counted noun (or the one an earlier "each" figure counted) held by each of the clause's
    subjects, all of them named: "complaints each (Harbour Bank and Tern Credit)"."""
    doc = quantity.doc
    if quantity.end >= len(doc) or doc[quantity.end].lower_ != "each":
        return None
    if quantity.end + 1 < len(doc) and doc[quantity.end + 1].lower_ in ("of", "other"):
        return None  # "seven bells each of $300 in value": each item's own value follows
    last = quantity[-1]
    noun = last.text if last.pos_ == "NOUN" and not last.like_num else _noun_of_last(quantity, before)
    verb = next((t for t in [quantity.root, *quantity.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if noun is None or verb is None:
        return None
    subj = subject_of(verb)
    if subj is None or subj.pos_ == "PRON" or not same_line(subj, verb):
        return None
    holders = doc[subj.left_edge.i : subj.right_edge.i + 1] if _listed(subj) else None
    names = holders.text.strip(" ,") if holders is not None else noun_phrase(subj, set())
    return f"{noun} each ({names})" if names else None


def each_item_measure(quantity: Span) -> str | None:
    """ "seven copper bells each of $300 in value": an amount after "<things> each of" is what each one
    measures, the dimension named after it ("in value", "in length") or a value for money: "value of
    each copper bell"."""
    doc = quantity.doc
    at = quantity.start
    if at < 3 or doc[at - 1].lower_ != "of" or doc[at - 2].lower_ != "each" or doc[at - 3].tag_ != "NNS":
        return None
    things = doc[at - 3]
    words = [t.text for t in things.lefts if t.dep_ in ("compound", "amod") and not t.like_num]
    named = (
        doc[quantity.end + 1] if quantity.end + 1 < len(doc) and doc[quantity.end].lower_ == "in" else None
    )
    dimension = named.lower_ if named is not None and named.pos_ == "NOUN" else None
    if dimension is None and quantity.root.ent_type_ != "MONEY" and "$" not in quantity.text:
        return None
    return " ".join([dimension or "value", "of each", *words, things.lemma_])


def with_tally_measure(quantity: Span) -> str | None:
    """ "Dune Bank tops all lenders by disputes lodged this week with 112.": a bare number after
    "with" closing its clause counts the nearest plural noun before it, held by the name right before
    "with" ("followed by Lund with 7") or else the named subject of the clause: "disputes (Dune Bank)"."""
    doc = quantity.doc
    num = quantity.root
    if len(quantity) != 1 or not num.like_num or num.dep_ != "pobj" or num.head.lower_ != "with":
        return None
    if num.i + 1 < len(doc) and not doc[num.i + 1].is_punct:
        return None
    before = doc[num.head.i - 1] if num.head.i > 0 else None
    owner = name_of(before) if before is not None and before.pos_ == "PROPN" else None  # "Lund with 9"
    if owner is None:
        subject = next((subject_of(t) for t in num.ancestors if subject_of(t) is not None), None)
        owner = (
            _person_before(subject)
            if subject is not None and subject.lower_ in ("he", "she")
            else name_of(subject)
        )
    sent = quantity.sent
    noun = next(
        (
            t
            for t in reversed(doc[sent.start : num.head.i])
            if t.tag_ == "NNS" and t.lower_ not in NOT_COUNTED
        ),
        None,
    )
    return f"{noun.text} ({owner})" if owner is not None and noun is not None else None


def _person_before(pronoun: Token, reach: int = 40) -> str | None:
    """ "Voss won two heats; she closed the meet with 9": "he" is the last named subject before it."""
    doc = pronoun.doc
    for tok in reversed(doc[max(0, pronoun.i - reach) : pronoun.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN"):
            return name_of(tok)
    return None


def _listed(subj: Token) -> bool:
    """A subject that is a list of names ("A, B and C"), kept whole rather than cut at its first comma."""
    return any(c.dep_ == "conj" for c in subj.children) and all(
        t.pos_ in ("PROPN", "PUNCT", "CCONJ") or t.ent_type_ for t in subj.subtree
    )


def _noun_of_last(quantity: Span, before: list[FigureFact]) -> str | None:
    """The noun the figure just before counted ("6 complaints each ... 4 each"), when it is near."""
    if not before or quantity.start_char - before[-1].span.end >= EACH_REACH:
        return None
    word = (before[-1].measure or "").split(" each (")[0] if " each (" in (before[-1].measure or "") else ""
    if not word:
        words = before[-1].text.split()
        word = words[-1] if len(words) > 1 and words[-1].isalpha() else ""
    return word or None


def counted_before(noun: Token, before: list[FigureFact]) -> bool:
    """ "fired 40 rockets ... the other side fired one rocket": "one" with a noun the article already
    counts is a figure compared with that count, not the idiom "one day", "one of the"."""
    lemma = noun.lemma_.lower()
    return any(f.text.split()[-1].lower() in (lemma, f"{lemma}s", f"{lemma}es") for f in before if f.text)
