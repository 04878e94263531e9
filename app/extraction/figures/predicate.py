"""What a counted subject does, said the way a reader completes it: "shells fell near the border
posts", "passengers tried to rescue the driver", "stalls open on the quay" (a copula is left out).

A counted noun that is the subject of its clause is told apart from other counts by the rest of the
clause: its verb with the verb's objects, complements and places, up to a comma or a new clause, and
without dates, attributions ("according to") or other amounts.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.phrases import first_break

# Dependents of the verb that complete what the subject did or was.
COMPLETES = frozenset(
    {"dobj", "attr", "prep", "agent", "acomp", "xcomp", "prt", "oprd", "dative", "neg", "advmod"}
)
# Prepositions whose phrase gives a time or a source, not what happened.
NOT_COMPLETING = frozenset({"since", "during", "according", "after", "before", "until", "as", "despite"})
# Adverbs that only time or hedge the clause.
HEDGES = frozenset({"also", "still", "then", "now", "reportedly", "allegedly", "already", "later", "only"})


def predicate(verb: Token, inside: set[int]) -> str:
    """The verb and what completes it; a passive reads as a participle ("players booked in the
    match"), a negation stays ("stalls not open")."""
    negation = [t.text for t in verb.lefts if t.dep_ == "neg" and t.i > _first_subject(verb)]
    rest = _completion(verb, inside)
    if verb.lemma_ == "be" and rest:
        return " ".join(negation + rest)  # a copula says nothing: "passengers aboard the ferry"
    return " ".join([*negation, verb.text, *rest])


def _completion(verb: Token, inside: set[int]) -> list[str]:
    """The words after the verb that complete it, up to a comma or a new clause."""
    words: list[str] = []
    for child in verb.rights:
        if child.is_punct or child.dep_ in ("cc", "conj", "advcl", "ccomp", "parataxis"):
            break
        if not _completes(child, inside):
            continue
        sub = [t for t in child.subtree if t.i not in inside and not _in_clause(t, child)]
        cut = first_break(sub, ',;:()—–"')
        words.extend(t.text for t in sub[:cut])
        if cut < len(sub):
            break
    return words


def _first_subject(verb: Token) -> int:
    subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj.i if subj is not None else -1


def _completes(child: Token, inside: set[int]) -> bool:
    if child.dep_ not in COMPLETES:
        return False
    if child.lower_ in NOT_COMPLETING or child.lower_ in HEDGES:
        return False
    sub = list(child.subtree)
    if any(t.ent_type_ in ("DATE", "TIME") for t in sub):
        return False
    return not any(t.i in inside for t in sub)


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an adverbial or reported clause below ``top`` ("as the bus turned")."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("advcl", "ccomp", "relcl", "parataxis"):
            return True
        tok = tok.head
    return False
