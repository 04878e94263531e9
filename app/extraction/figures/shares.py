"""A share "of these" is a share of what "these" stands for: "IE6 has 277 flaws; 39 percent of these
are rated critical" is the "share of flaws rated critical". The whole is the last plural noun before
the share in its sentence or the one before it (without its number); a passive verb the share is the
subject of says which part ("rated", "listed as closed").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.extraction.figures.brackets import participle
from app.extraction.figures.phrases import child_of, first_break, noun_phrase
from app.extraction.figures.predicate import predicate

BACK_POINTERS = frozenset({"these", "those", "them", "which"})


def share_of_these(quantity: Span) -> str | None:
    """ "share of <antecedent> <participle>" for "N percent of these ...", or None."""
    pointer = _pointer(quantity)
    if pointer is None:
        return None
    whole = _antecedent(quantity)
    if whole is None:
        return None
    inside = set(range(quantity.start, quantity.end)) | {
        t.i for c in whole.children if c.dep_ in ("nummod", "quantmod") for t in c.subtree
    }
    phrase = noun_phrase(whole, inside)
    if not phrase:
        return None
    verb = quantity.root.head
    part = ""
    if quantity.root.dep_ == "nsubjpass" and verb.pos_ == "VERB":
        part = " " + " ".join([participle(verb), *_complement(verb)])
    return f"share of {phrase}{part}".rstrip()


def _pointer(quantity: Span) -> Token | None:
    for tok in quantity:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ in BACK_POINTERS:
                    return obj
    return None


def _antecedent(quantity: Span) -> Token | None:
    doc = quantity.doc
    start = quantity.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    plural = [t for t in doc[start : quantity.start] if t.tag_ == "NNS" and t.pos_ == "NOUN"]
    return plural[-1] if plural else None


def _complement(verb: Token) -> list[str]:
    """The words that say how: "rated [highly critical]", "listed [as closed]"."""
    for child in verb.rights:
        if child.dep_ in ("oprd", "acomp", "attr"):
            return [t.text for t in child.subtree if not t.is_punct]
    return []


def share_doing(whole: str, quantity: Span) -> str | None:
    """ "a quarter of citizens favoured changing the flag": the "share of citizens favouring changing
    the flag"; with a copula the complement alone ("half of pupils are deficient": "share of pupils
    deficient")."""
    root = quantity.root
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") or verb.i < root.i:
        return None
    inside = set(range(quantity.start, quantity.end)) | {t.i for t in root.subtree}
    words = predicate(verb, inside).split()
    if verb.lemma_ == "be":
        return f"share of {whole} {' '.join(words)}" if words else None
    if words == [verb.text] and (said := child_of(verb, ("ccomp",))) is not None:
        clause = [t for t in said.subtree if t.i not in inside]
        words += [t.text for t in clause[: first_break(clause)]]  # "40% of voters said they would ..."
    if not words or words[0] != verb.text or len(words) < 2 or root.dep_ == "nsubjpass":
        return None
    return f"share of {whole} {' '.join([gerund(verb), *words[1:]])}"


def gerund(verb: Token) -> str:
    """The -ing form: "favour" -> "favouring", "make" -> "making", "see" -> "seeing"."""
    lemma = verb.lemma_.lower()
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    return lemma + "ing"


# Words that name a share of something ("a quarter of citizens", "40 percent of voters").
SHARE_WORDS = frozenset(
    {"percent", "%", "half", "third", "quarter", "fifth", "tenth", "majority", "minority"}
)


def share_it_was(quantity: Span) -> str | None:
    """ "A quarter of citizens favoured it ... the year before, it was forty percent": a share that is
    all an "it was" says is the same share as the last one before it, at another time."""
    root = quantity.root
    verb = root.head
    if root.dep_ != "attr" or verb.lemma_ != "be":
        return None
    subj = child_of(verb, ("nsubj",))
    if subj is None or subj.lower_ not in ("it", "this", "that"):
        return None
    doc = quantity.doc
    start = quantity.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for tok in reversed(doc[start : quantity.sent.start]):
        if tok.lower_ in SHARE_WORDS and (of := child_of(tok, ("prep",))) is not None and of.lower_ == "of":
            whole = child_of(of, ("pobj",))
            phrase = noun_phrase(whole, set()) if whole is not None and whole.pos_ != "PRON" else None
            if phrase:
                earlier = doc[tok.i : tok.i + 1]
                return share_doing(phrase, earlier) or f"share of {phrase}"
    return None
