"""Syntactic helpers for attribution: the subject of a speech verb and a speaker's noun phrase.

Shared by the cue finder, the indirect-speech pass and the speaker resolver, so all three read
the parse the same way: "adding that ..." takes the subject of the verb it hangs on, "who said"
takes the noun the relative clause modifies, and a speaker's phrase stops at the first comma.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.text.context import ArticleContext
from app.lexicon.organisations import ORG_HEADS
from app.lexicon.people import GENERIC_PERSON_DESCRIPTORS, PERSON_NOUNS, RELATIVE_PRONOUNS
from app.lexicon.speech import CUE_VERBS

NP_RIGHT_DEPS = ("prep", "amod", "pobj", "compound", "nummod", "poss", "case", "det", "appos")
ORG_ENTS = ("ORG", "GPE", "NORP", "FAC")
DEMONYM_ENDINGS = (
    "ian",
    "ean",
    "an",
    "ese",
    "ard",
    "man",
    "woman",
    "i",
    "ite",
    "ot",
    "ede",
    "ane",
)
NOT_DEMONYMS = frozenset(
    ["vatican", "taliban", "pentagon", "kremlin", "administration", "union", "commission"]
)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a speech verb, climbing from "adding"/"saying"/a conjoined verb to the
    clause that has one, and from a relative clause to the noun it modifies."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _expletive(c, verb)]
    if len(subjects) > 1:  # "Malaysia's Prime Minister, Najib Razak said": an apposition misread
        named = [c for c in subjects if c.ent_type_ == "PERSON"]
        subjects = named[-1:] or subjects[-1:]
    for child in subjects:
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return _named_after_gerund(child) or child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and depth < 3 and verb.head is not verb:
        head = verb.head
        if head.pos_ in ("ADP", "SCONJ") and head.head is not head:
            head = head.head  # "was quoted as saying", "whilst promising": climb over the preposition
        return subject_of(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _named_after_gerund(subj: Token) -> Token | None:
    """ "Writing in a blog post, Ana Ruiz called it ...": the parser may take the gerund for the
    subject and hang the name under it; the name after the comma is the subject."""
    if subj.tag_ != "VBG":
        return None
    names = [
        c
        for c in subj.children
        if c.i > subj.i
        and c.pos_ == "PROPN"
        and c.dep_ in ("npadvmod", "appos", "nsubj", "dobj")
        and c.nbor(-1).text != "of"
        and any(t.text == "," for t in subj.doc[subj.i : c.left_edge.i])
    ]
    return names[-1] if names else None


def _expletive(subj: Token, verb: Token) -> bool:
    return (subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass") or subj.dep_ == "expl"


def np_text(tok: Token, ctx: ArticleContext | None = None) -> str:
    """The noun phrase of a speaker as written, without appositions set off by commas, relative
    clauses or parentheticals: "a senior union source", "two people familiar with the matter",
    "British Airways owner IAG"."""
    doc = tok.doc
    ctx = ctx or ArticleContext.of(doc)
    left = tok.left_edge.i
    while left < tok.i and (
        doc[left].is_punct or doc[left].dep_ in ("cc", "preconj", "advmod") or ctx.is_furniture(doc[left].idx)
    ):
        left += 1
    right = tok.i
    for child in tok.rights:
        if child.dep_ not in NP_RIGHT_DEPS or any(
            t.is_punct and t.text not in ("'", "’", "-", ".") for t in doc[right + 1 : child.i]
        ):
            break
        right = child.right_edge.i
    for i in range(tok.i + 1, right + 1):
        if doc[i].text in (",", "(", "—", "–", ";") or doc[i].dep_ == "relcl":
            right = i - 1  # "a person familiar with the talks, who spoke on condition ...": stop
            break
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    text = doc[left : right + 1].text
    first = doc[left]
    common = first.pos_ in ("DET", "NOUN", "ADJ", "NUM") and first.ent_type_ not in ORG_ENTS
    if first.text[:1].isupper() and (common or (first.is_sent_start and first.lower_ in PERSON_NOUNS)):
        text = first.text.lower() + text[len(first.text) :]
    return " ".join(text.split())


def names_someone(tok: Token) -> bool:
    """ "a statement of the ministry" names a source; "the readout of the meeting" does not."""
    low = tok.lemma_.lower()
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in (*ORG_ENTS, "PERSON")
        or low in ORG_HEADS
        or low in PERSON_NOUNS
    )


def generic_descriptor(tok: Token) -> bool:
    """ "the teenager", "the 29-year-old", "the Spaniard": a person described, not named."""
    if tok.lemma_.lower() in GENERIC_PERSON_DESCRIPTORS or tok.lower_.endswith("year-old"):
        return True
    if tok.lower_ == "old" and any(c.lower_ in ("year", "years") for c in tok.children):
        return True
    if tok.tag_ not in ("NN", "NNP") or not tok.text[:1].isupper() or tok.lower_ in NOT_DEMONYMS:
        return False
    return tok.ent_type_ == "NORP" or tok.lower_.endswith(DEMONYM_ENDINGS)  # "the Kenyan", "the Dutchman"


def main_clause(tok: Token) -> bool:
    while tok.dep_ in ("compound", "flat", "appos") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    return head.dep_ == "ROOT" or head.lemma_.lower() in CUE_VERBS


def is_definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def has_proper_modifier(tok: Token) -> bool:
    return any(
        c.dep_ in ("compound", "poss", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ORG_ENTS)
        for c in tok.children
    )
