"""What a number measures, read from the dependency parse (the way CQE finds the "concept").

The concept is usually the subject of the verb whose object is the number ("the group's sales in
Asia hit $4.2 billion"), the noun a number is "of" ("revenue of $1.84 billion", "12 million tons
of Brazilian soybeans"), the noun it counts ("340 stores"), or the noun it modifies ("a 9% pay
rise"). Change verbs and nouns ("up", "rose", "an increase of") mark a change rather than a level.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from app.extraction.figures.changes import CHANGE_ADVERBS, CHANGE_NOUNS, CHANGE_VERBS, change_noun
from app.extraction.figures.predicate import predicate
from app.extraction.text.context import doc_text
from app.tuning import tuning

# Nouns that only say "a value" ("a record $4.2 billion", "a total of"): the measure lies above them.
GENERIC_NOUNS = frozenset(
    {
        "record",
        "high",
        "low",
        "total",
        "level",
        "peak",
        "sum",
        "amount",
        "figure",
        "value",
        "tally",
        "estimate",
        "average",
        "all-time",
    }
)
# Prepositions whose phrase still says what a noun is ("votes for the mayor", "visitors to the fair").
NOUN_PREPS = frozenset(
    {"of", "with", "to", "from", "for", "in", "into", "on", "at", "aboard", "against", "by", "per", "under"}
)
# Nouns after "in" that say when, where or how, not what was counted ("$2 billion in total").
NOT_MATERIAL = frozenset(
    {
        "total",
        "all",
        "year",
        "quarter",
        "month",
        "week",
        "day",
        "period",
        "term",
        "value",
        "part",
        "region",
        "country",
        "city",
        "state",
        "area",
        "market",
        "case",
        "time",
        "row",
        "addition",
        "order",
        "line",
    }
)
# Prepositions after a verb that add a time or a source, not what was counted.
PLACE_SKIP = frozenset({"on", "in", "since", "during", "according", "after", "before", "until", "as"})
DROP_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


@dataclass
class Reading:
    measure: str | None
    is_change: bool
    anchor: Token | None  # the token the figure hangs on (a verb or noun), for period lookup


def read(span: Span, counted: Token | None = None) -> Reading:
    """The measure and change/level reading of the quantity ``span`` (a counted noun if there is one)."""
    root = counted if counted is not None else span.root
    inside = set(range(span.start, max(span.end, root.i + 1)))
    if counted is not None:
        return Reading(_counted_measure(counted, inside), False, counted.head)
    material = _in_material(root, inside)
    reading = _climb(root, inside, depth=0)
    if material is not None:
        return Reading(material, reading.is_change, reading.anchor)
    return Reading(_as_change(reading), reading.is_change, reading.anchor)


def _as_change(reading: Reading) -> str | None:
    """A change read off a change verb measures the change of its subject: "increase in exports"."""
    verb, measure = reading.anchor, reading.measure
    if not (reading.is_change and measure and verb is not None and verb.lemma_ in CHANGE_VERBS):
        return measure
    if measure.split()[0].lower() in CHANGE_NOUNS:
        return measure
    return _trim(f"{change_noun(verb.lemma_)} in {measure}")


def _in_material(tok: Token, inside: set[int]) -> str | None:
    """ "$192 million in tax rebates", "$5 billion in loans": what follows "in" is what was counted
    (unless it is a place or a time: "$2 billion in Asia", "$3 million in May")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i not in inside:
            obj = _child(child, ("pobj",))
            if (
                obj is not None
                and obj.pos_ == "NOUN"
                and obj.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "FAC", "ORG")
                and obj.lemma_.lower() not in NOT_MATERIAL
            ):
                return noun_phrase(obj, inside)
    return None


def same_line(a: Token, b: Token) -> bool:
    """Headlines and paragraphs are separate: the parser sometimes joins them, the measure must not."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def _climb(tok: Token, inside: set[int], depth: int) -> Reading:
    head, dep = tok.head, tok.dep_
    if depth > 3 or head.i == tok.i or not same_line(tok, head):
        return Reading(None, False, None)
    if dep == "conj":
        return _climb(head, inside, depth + 1)
    if dep == "pobj" and head.dep_ == "prep":
        return _via_preposition(head, inside, depth)
    if dep in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return _on_noun(head, inside, depth)
    if head.lower_ in CHANGE_ADVERBS:
        return _after_adverb(head, inside)
    if head.pos_ in ("VERB", "AUX"):
        return _on_verb(tok, head, inside)
    return Reading(None, False, head)


def _via_preposition(prep: Token, inside: set[int], depth: int) -> Reading:
    owner = prep.head
    word = prep.lower_
    if owner.pos_ in ("NOUN", "PROPN") and word in ("of", "at", "to", "for"):
        return _on_noun(owner, inside, depth)
    if owner.lower_ in CHANGE_ADVERBS:
        return _after_adverb(owner, inside)
    if owner.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
        verb = owner if owner.pos_ in ("VERB", "AUX") else owner.head
        change = word == "by" or (word not in ("to", "at") and verb.lemma_ in CHANGE_VERBS)
        if word == "by" and (obj := _child(verb, ("dobj",))) is not None:
            return Reading(noun_phrase(obj, inside), True, verb)
        subject = _subject_phrase(verb, inside)
        if (
            word in ("to", "at", "from", "by", "of")
            or verb.lemma_ in CHANGE_VERBS | {"be"}
            or subject is None
        ):
            return Reading(subject, change and word != "to", verb)
        return Reading(_trim(f"{subject} {verb.text}"), False, verb)
    return Reading(None, False, owner)


def _on_noun(noun: Token, inside: set[int], depth: int) -> Reading:
    lemma = noun.lemma_.lower()
    if lemma in GENERIC_NOUNS and depth < 3:
        return _climb(noun, inside | {noun.i}, depth + 1)
    if lemma in CHANGE_NOUNS:
        target = _change_target(noun, inside)
        head = noun.head
        if target is None and noun.dep_ in ("appos", "npadvmod", "conj") and head.pos_ in ("VERB", "AUX"):
            return Reading(_clause_measure(head, inside), True, head)
        if target is None and noun.dep_ in ("appos", "npadvmod", "conj") and depth < 3:
            inner = _climb(noun, inside, depth + 1)
            return Reading(inner.measure, True, inner.anchor)
        if target is None and noun.dep_ in ("dobj", "attr", "pobj") and head.pos_ in ("VERB", "AUX"):
            target = _subject_phrase(head, inside)
        return Reading(target or noun_phrase(noun, inside), True, head)
    return Reading(noun_phrase(noun, inside), False, noun.head)


def _after_adverb(adverb: Token, inside: set[int]) -> Reading:
    """ "revenue of $1.84 billion, up 22%": the change is of what "up" hangs on."""
    owner = adverb.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.i != adverb.i:
        return Reading(noun_phrase(owner, inside), True, owner)
    verb = owner if owner.pos_ in ("VERB", "AUX") else adverb
    return Reading(_clause_measure(verb, inside), True, verb)


def _clause_measure(verb: Token, inside: set[int]) -> str | None:
    """What a clause is about: its object's material ("Brazilian soybeans (Spain imported)") or subject."""
    obj = _child(verb, ("dobj",))
    subject = _subject_phrase(verb, inside)
    if obj is not None and obj.i not in inside:
        of_obj = _of_complement(obj, inside)
        if of_obj:
            return _trim(f"{of_obj} ({subject} {verb.text})" if subject else of_obj)
    return subject


def _change_target(noun: Token, inside: set[int]) -> str | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and not _is_number_pp(child, inside):
            obj = _child(child, ("pobj",))
            if obj is not None:
                return noun_phrase(obj, inside)
    lefts = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i not in inside]
    return noun_phrase(noun, inside) if lefts else None


def _is_number_pp(prep: Token, inside: set[int]) -> bool:
    return any(t.i in inside for t in prep.subtree)


def _on_verb(tok: Token, verb: Token, inside: set[int]) -> Reading:
    change = verb.lemma_ in CHANGE_VERBS and tok.dep_ in ("dobj", "npadvmod", "advmod", "obj", "nummod")
    subject = _subject_phrase(verb, inside)
    of_obj = _of_complement(tok, inside)
    if of_obj and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj"):
        measure = f"{of_obj} ({verb.lemma_})" if subject is None else f"{of_obj} ({subject} {verb.text})"
        return Reading(_trim(measure), change, verb)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        obj = _child(verb, ("dobj", "attr", "acomp"))
        words = [verb.text] + ([noun_phrase(obj, inside)] if obj is not None else [])
        return Reading(_trim(" ".join(w for w in words if w)), change, verb)
    if tok.dep_ == "dobj" and subject and verb.lemma_ not in CHANGE_VERBS | {"be", "hit", "reach", "total"}:
        return Reading(_trim(f"{subject} {verb.text}"), change, verb)
    return Reading(subject, change, verb)


def _of_complement(tok: Token, inside: set[int]) -> str | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = _child(child, ("pobj",))
            if obj is not None and obj.i not in inside:
                return noun_phrase(obj, inside)
    return None


def _counted_measure(noun: Token, inside: set[int]) -> str | None:
    """ "340 stores" closed by ...: the counted noun with what it does or undergoes, the way a reader
    says it: "stores closed by the chain", "shells fired at border posts", "votes (Lee elected)"."""
    phrase = noun_phrase(noun, inside) or noun.text
    head = noun.head
    if not same_line(noun, head) or head.i == noun.i:
        return phrase
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return _trim(f"{phrase} {predicate(head, inside)}")
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return _trim(_object_measure(phrase, head, noun, inside))
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ != "of":
        verb = head.head
        subject = _subject_phrase(verb, inside)
        return _trim(f"{phrase} ({subject} {verb.text})" if subject else f"{phrase} ({verb.text})")
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            if child.text in phrase.split():
                return phrase  # the noun phrase already carries its clause
            obj = _child(child, ("dobj", "prep", "agent"))
            tail = " " + _words(obj, inside) if obj is not None else ""
            return _trim(f"{phrase} {child.text}{tail}")
    return phrase


def _object_measure(phrase: str, verb: Token, obj: Token, inside: set[int]) -> str:
    """A counted object with its clause: "seekers rescued by fishermen" (a past verb reads as a passive),
    "visitors the city expects" (a relative reading otherwise), "vulnerabilities of the browser" (have)."""
    subject = _subject_phrase(verb, inside)
    place = _verb_place(verb, obj, inside)
    if verb.lemma_ in ("have", "own", "hold", "include", "contain", "count"):
        return f"{phrase}{place}" + (f" of {subject}" if subject else "")
    if subject is None:
        return f"{phrase} {verb.text}{place}"
    if verb.tag_ in ("VBD", "VBN"):
        return f"{phrase} {verb.text}{place} by {subject}"
    return f"{phrase} {subject} {verb.text}{place}"


def _verb_place(verb: Token, obj: Token, inside: set[int]) -> str:
    """The prepositional phrase after a counted object ("at the border posts"), when short and free of
    other figures, dates and attributions ("according to")."""
    for child in verb.rights:
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ not in PLACE_SKIP:
            sub = list(child.subtree)
            if len(sub) <= 6 and not any(t.like_num or t.i in inside or t.ent_type_ == "DATE" for t in sub):
                return " " + _words(child, inside)
            return ""
    return ""


def _words(tok: Token, inside: set[int]) -> str:
    return " ".join(t.text for t in tok.subtree if t.i not in inside)


def _subject_phrase(verb: Token, inside: set[int]) -> str | None:
    seen = 0
    while verb is not None and seen < 4:
        subj = _child(verb, ("nsubj", "nsubjpass", "expl"))
        if subj is not None and subj.dep_ != "expl" and subj.i not in inside and same_line(subj, verb):
            if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "this", "which", "that", "who"):
                return _antecedent(verb)
            return noun_phrase(subj, inside)
        if verb.dep_ == "relcl":
            return noun_phrase(verb.head, inside)
        if verb.dep_ == "xcomp" and (obj := _child(verb.head, ("dobj",))) is not None and obj.i not in inside:
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


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
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
    doc: Doc = noun.doc
    keep = {i for i in keep if same_line(doc[i], noun)}
    lo, hi = min(keep), max(keep)
    words = [doc[i].text for i in range(lo, hi + 1) if i in keep or doc[i].dep_ in ("hyph", "case")]
    while words and words[0].lower() in DROP_LEADING:
        words = words[1:]
    return _trim(" ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")) or None


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
        cut = next((k for k, t in enumerate(sub) if t.is_punct and t.text in ",;:()—–"), len(sub))
        kept.extend(t.i for t in sub[:cut])
        if cut < len(sub):
            break
    return kept


def _trim(text: str) -> str:
    words = text.split()
    return " ".join(words[: tuning().measure_max_words]).strip(" ,;:-–—")
