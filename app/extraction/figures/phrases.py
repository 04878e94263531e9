"""Readable phrases from the parse: a noun with the words that describe it, a clause's subject.

Shared by the readings of what a figure measures (:mod:`measure`, :mod:`counted`, :mod:`framing`):
a noun phrase keeps its modifiers and first describing complement ("visitors to the fair"), never
the figure itself, anything past a comma, or another amount.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.text.context import doc_text
from app.lexicon.events import TRIGGERS
from app.tuning import tuning

# Prepositions whose phrase still says what a noun is ("votes for the mayor", "visitors to the fair").
NOUN_PREPS = frozenset(
    {"of", "with", "to", "from", "for", "in", "into", "on", "at", "aboard", "against", "by", "per", "under"}
)
# Nouns for what something costs ("at a cost of $1.2 million"): the cost is of what the clause does.
COST_NOUNS = frozenset({"cost", "price", "expense", "outlay", "bill"})
DROP_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


def same_line(a: Token, b: Token) -> bool:
    """Headlines and paragraphs are separate: the parser sometimes joins them, the measure must not."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def subtree_words(tok: Token, inside: set[int]) -> str:
    return " ".join(t.text for t in tok.subtree if t.i not in inside)


def subject_phrase(verb: Token, inside: set[int]) -> str | None:
    seen = 0
    while verb is not None and seen < 4:
        subj = subject_of(verb, ("nsubj", "nsubjpass", "expl"))
        if subj is not None and subj.dep_ != "expl" and subj.i not in inside and same_line(subj, verb):
            if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl" and verb.head.i != verb.i:
                return noun_phrase(verb.head, inside)  # "Northwind, which employs ...": Northwind
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "this", "which", "that", "who"):
                return _antecedent(verb)
            return noun_phrase(subj, inside)
        if verb.dep_ == "relcl":
            return noun_phrase(verb.head, inside)
        if (
            verb.dep_ == "xcomp"
            and (obj := child_of(verb.head, ("dobj",))) is not None
            and obj.i not in inside
        ):
            return noun_phrase(obj, inside)  # "ordered Pike to forfeit $112 million": Pike forfeits
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _antecedent(verb: Token) -> str | None:
    """A pronoun subject stands for the last subject of the previous sentence (a cheap, honest guess)."""
    sent = verb.sent
    if sent.start == 0:
        return None
    prev = verb.doc[sent.start - 1].sent
    subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"), None)
    return noun_phrase(subj, set()) if subj is not None else None


def subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass")) -> Token | None:
    """A verb's subject, or its auxiliary's when the parser hung the subject there: a hyphenated
    prefix ("was re-elected", "was co-opted") splits the verb and leaves the subject on "was"."""
    before = [c for c in verb.lefts if c.dep_ in deps]
    if before:
        return before[-1]  # "Both crews going in, the Danish crew won": the nearest is the subject
    subj = child_of(verb, deps)
    if subj is not None:
        return subj
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    return child_of(aux, deps) if aux is not None else None


def subject_up(verb: Token, via: tuple[str, ...] = ("xcomp", "advcl", "conj")) -> Token | None:
    """The subject of a verb, or of the verb it completes, up to three clauses up ("hopes to raise":
    who hopes; "ended up spending": who ended up). A "pcomp" clause ("before being released") hangs on
    a preposition, so the clause above it is the preposition's head."""
    for _ in range(3):
        subj = subject_of(verb)
        if subj is not None:
            return subj
        if verb.dep_ not in via or verb.head.i == verb.i:
            return None
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return None


def child_of(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def noun_phrase(noun: Token | None, inside: set[int], keep_number: bool = False) -> str | None:
    """A short readable phrase for a noun: its modifiers and first prepositional complement, without the
    figure itself, relative clauses or anything past a comma."""
    if noun is None:
        return None
    keep = {noun.i}
    for child in noun.lefts:
        if child.dep_ in (
            "poss",
            "compound",
            "amod",
            "nmod",
            "det",
            "nummod",
            "quantmod",
            "case",
            "hyph",
            "cc",
            "conj",
            "npadvmod",
            "punct",
        ) and (keep_number or child.i not in inside):
            keep.update(t.i for t in child.subtree if keep_number or t.i not in inside)
    keep.update(_right_modifiers(noun, inside))
    keep.update(_hung_on_figure(noun, inside, max(keep)))
    doc: Doc = noun.doc
    keep = {i for i in keep if same_line(doc[i], noun)}
    lo, hi = min(keep), max(keep)
    words = [doc[i].text for i in range(lo, hi + 1) if i in keep or doc[i].dep_ in ("hyph", "case")]
    while words and words[0].lower() in DROP_LEADING:
        words = words[1:]
    if (paid_for := _cost_of(noun, inside)) is not None:
        words.append(f"of {paid_for}")
    elif _owns_figure(noun, inside, hi) and (owner := with_owner(noun, inside)):
        words.append(owner)  # "held with a turnout rate of 61%": turnout rate in the referendum
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-").replace(" , ", ", ")
    return trim(text) or None


def _owns_figure(noun: Token, inside: set[int], hi: int) -> bool:
    """Whether ``noun`` is what a figure in its own complement measures ("rate of 61%"), not the
    counted noun itself, and the phrase ends with it."""
    return hi == noun.i and noun.i not in inside and any(t.i in inside for t in noun.subtree)


def with_owner(noun: Token, inside: set[int]) -> str | None:
    """ "The referendum was held with a turnout of 1.2 million voters and a turnout rate of 61%": a noun in
    a "with" phrase on a clause (directly, as the "of" of such a noun, or coordinated with either)
    describes the clause's subject: "in the referendum" for an event, "of the firm" otherwise."""
    tok = noun
    for _ in range(3):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "with":
            break
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
            continue
        return None
    verb = tok.head.head
    if tok.head.lower_ != "with" or verb.pos_ not in ("VERB", "AUX") or tok.head.i < verb.i:
        return None
    subj = subject_of(verb, ("nsubj", "nsubjpass"))
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i in inside:
        return None
    phrase = noun_phrase(subj, inside)
    if phrase is None:
        return None
    return f"in {phrase}" if subj.lemma_.lower() in TRIGGERS else f"of {phrase}"  # in an election, of a firm


def _cost_of(noun: Token, inside: set[int]) -> str | None:
    """ "will stage three hearings at an estimated cost of $1.2 million": a cost whose own "of" holds
    only the amount, in a phrase on a verb, is the cost of what the verb acts on (its object, or the
    object of the verb it governs: "plans to stage three hearings", or a passive verb's subject:
    "the bridge was built at a cost of")."""
    if noun.lemma_.lower() not in COST_NOUNS or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i not in inside and not _holds(c, inside)
        for c in noun.rights
    ):
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    obj = child_of(verb, ("dobj",))
    if obj is None:
        governed = child_of(verb, ("xcomp",))
        obj = child_of(governed, ("dobj",)) if governed is not None else None
    if obj is None:
        obj = child_of(verb, ("nsubjpass",))  # "the bridge was built at a cost of": the bridge
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.i in inside:
        return None
    return noun_phrase(obj, inside)


def _holds(prep: Token, inside: set[int]) -> bool:
    return any(t.i in inside for t in prep.subtree)


def _right_modifiers(noun: Token, inside: set[int]) -> list[int]:
    """What follows a noun and still describes it ("visitors to the fair", "bail on which he was
    released", "seekers rescued by fishermen"), up to a comma, a clause boundary or another amount."""
    kept: list[int] = []
    for child in noun.rights:
        if child.dep_ in ("case", "compound", "hyph"):
            kept.append(child.i)
            continue
        if child.is_punct or child.dep_ in ("cc", "conj"):
            break
        describes = (
            (child.dep_ == "prep" and child.lower_ in NOUN_PREPS)
            or (child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"))
            or (child.dep_ == "appos" and child.pos_ == "PROPN")  # "the teacher Lina Marsh"
        )
        if not describes:
            break
        sub = list(child.subtree)
        if child.dep_ == "prep" and all(t.pos_ == "PRON" for t in sub[1:]):
            continue  # "six of them": says nothing about what is counted
        if any(t.i in inside for t in sub):
            continue  # "revenue of $1.84 billion": the figure itself
        if any(t.tag_ == "$" or t.lower_ in ("%", "percent") for t in sub):
            break  # another amount
        cut = first_break(sub)
        kept.extend(t.i for t in sub[:cut])
        if cut < len(sub):
            break
    return kept


def _hung_on_figure(noun: Token, inside: set[int], end: int) -> list[int]:
    """ "$40 million in road repairs for the valley network": the parser hangs "for the valley network" on
    the amount, but it describes the noun the amount is "in"; a phrase that follows the noun directly
    goes with it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i not in inside or prep.head.i == prep.i:
        return []
    for sibling in prep.head.rights:
        if sibling.i <= end or sibling.dep_ != "prep":
            continue
        if sibling.i != end + 1 or sibling.lower_ not in NOUN_PREPS - {"in", "of"}:
            return []
        sub = list(sibling.subtree)
        if any(t.i in inside or t.like_num or t.tag_ == "$" for t in sub):
            return []
        return [t.i for t in sub[: first_break(sub)]]
    return []


def first_break(tokens: list[Token], marks: str = ",;:()—–") -> int:
    """Index of the first punctuation mark that ends a phrase (``len(tokens)`` when none does)."""
    return next((k for k, t in enumerate(tokens) if t.is_punct and t.text in marks), len(tokens))


def trim(text: str) -> str:
    words = text.split()
    return " ".join(words[: tuning().measure_max_words]).strip(" ,;:-–—")
