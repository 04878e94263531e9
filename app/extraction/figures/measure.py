"""What a number measures, read from the dependency parse (the way CQE finds the "concept").

The concept is usually the subject of the verb whose object is the number ("the group's sales in
Asia hit $4.2 billion"), the noun a number is "of" ("revenue of $1.84 billion", "12 million tons
of Brazilian soybeans"), the noun it counts ("340 stores"), or the noun it modifies ("a 9% pay
rise"). Change verbs and nouns ("up", "rose", "an increase of") mark a change rather than a level.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from app.extraction.figures.brackets import by_doer
from app.extraction.figures.changes import CHANGE_ADVERBS, CHANGE_NOUNS, CHANGE_VERBS, change_noun
from app.extraction.figures.counted import counted_measure, own_modifiers
from app.extraction.figures.estimates import estimated_object, valued_thing, with_verb_complement
from app.extraction.figures.fundraising import fundraising
from app.extraction.figures.material import material_phrase
from app.extraction.figures.phrases import child_of, noun_phrase, same_line, subject_phrase, trim
from app.extraction.figures.predicate import predicate
from app.lexicon.verb_roles import LEVEL_VERBS, MONEY_NOUNS, POSSESSION_VERBS

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

# Prepositions after an amount that place it in time ("two years after", "a week before"), not a gap.
TIME_PREPS = frozenset({"after", "before", "since", "ago", "later", "earlier", "until"})
# Prepositions of a gap between competitors: the amount is a margin ("4.1 seconds behind Ortiz").
MARGIN_PREPS = frozenset({"behind", "ahead", "clear"})
# Prepositions that give the value a verb's object is brought to or put at.
RESULT_PREPS = frozenset({"to", "at", "over", "above", "below", "under"})


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
        return Reading(counted_measure(counted, inside - own_modifiers(counted)), False, counted.head)
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
    return trim(f"{change_noun(verb.lemma_)} in {measure}")


def _in_material(tok: Token, inside: set[int]) -> str | None:
    """ "$192 million in tax rebates", "$5 billion in loans": what follows "in" is what was counted
    (unless it is a place or a time: "$2 billion in Asia", "$3 million in May")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i not in inside:
            obj = child_of(child, ("pobj",))
            if (
                obj is not None
                and obj.pos_ == "NOUN"
                and obj.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "FAC", "ORG")
                and obj.lemma_.lower() not in NOT_MATERIAL
            ):
                return material_phrase(tok, child, obj, inside)
    return None


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
    if dep == "npadvmod" and head.pos_ == "ADP" and head.lower_ not in TIME_PREPS:
        return _gap(head, inside)
    if head.pos_ in ("VERB", "AUX"):
        return _on_verb(tok, head, inside)
    return Reading(None, False, head)


def _via_preposition(prep: Token, inside: set[int], depth: int) -> Reading:
    owner = prep.head
    word = prep.lower_
    if word == "at" and (estimated := estimated_object(owner)) is not None:
        return Reading(with_verb_complement(estimated, prep, inside), False, estimated.head)
    if word == "at" and (valued := valued_thing(owner, inside)) is not None:
        return Reading(valued, False, owner)  # "a deal valued at $18 billion": value of deal
    if owner.pos_ in ("NOUN", "PROPN") and word in ("of", "at", "to", "for"):
        return _on_noun(owner, inside, depth)
    if owner.lower_ in CHANGE_ADVERBS:
        return _after_adverb(owner, inside)
    if owner.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
        verb = owner if owner.pos_ in ("VERB", "AUX") else owner.head
        change = word == "by" or (word not in ("to", "at") and verb.lemma_ in CHANGE_VERBS)
        if word == "by" and (obj := child_of(verb, ("dobj",))) is not None:
            return Reading(noun_phrase(obj, inside), True, verb)
        if (target := _resulting_object(verb, prep, inside)) is not None:
            return Reading(target, change and word != "to", verb)
        if (held := _held_object(verb, prep, inside)) is not None:
            return Reading(held, False, verb)
        subject = subject_phrase(verb, inside)
        if (
            word in ("to", "at", "from", "by", "of")
            or verb.lemma_ in CHANGE_VERBS | {"be"}
            or subject is None
        ):
            return Reading(subject, change and word != "to", verb)
        before = prep.doc[min(inside) - 1] if min(inside) > 0 else None
        if before is not None and before.lower_ in CHANGE_ADVERBS:  # "- up 63 percent": parsed apart
            return Reading(
                _change_in("decrease" if before.lower_ == "down" else "increase", subject), True, verb
            )
        return Reading(trim(f"{subject} {verb.text}"), False, verb)
    return Reading(None, False, owner)


def _resulting_object(verb: Token, prep: Token, inside: set[int]) -> str | None:
    """ "raised the deposit cap to $300,000", "put the damage at $2 billion": a number the verb's
    object is brought to or put at measures that object, not the verb's subject."""
    if prep.lower_ not in RESULT_PREPS:
        return None
    obj = child_of(verb, ("dobj",))
    if obj is None or obj.i in inside or obj.i > prep.i or obj.pos_ == "PRON":
        return None
    return noun_phrase(obj, inside)


def _gap(prep: Token, inside: set[int]) -> Reading:
    """ "finished 4.1 seconds behind Ortiz", "a summit 900 feet above the valley": the amount is a
    gap between what the clause is about and the preposition's object ("Lena Holt behind Ortiz")."""
    owner = prep.head
    while owner.dep_ in ("prep", "pcomp") and owner.pos_ == "ADP" and owner.head.i != owner.i:
        owner = owner.head
    if owner.pos_ in ("NOUN", "PROPN"):
        return Reading(noun_phrase(owner, inside), False, owner)
    if owner.pos_ not in ("VERB", "AUX"):
        return Reading(None, False, owner)
    subject = subject_phrase(owner, inside)
    obj = child_of(prep, ("pobj",))
    if subject is None or obj is None or prep.head.i != owner.i:
        return Reading(subject, False, owner)
    if prep.lower_ in MARGIN_PREPS:
        subject = f"{subject}'s margin"  # "finished 4.1 seconds behind Ortiz": Holt's margin behind Ortiz
    return Reading(trim(f"{subject} {prep.text} {noun_phrase(obj, inside)}"), False, owner)


def _held_object(verb: Token, prep: Token, inside: set[int]) -> str | None:
    """ "closed the bridge for 40 days", "leased the pier for $9,000": a "for" amount is the object's
    (what was closed, what was leased), not the subject's; read as "bridge closed"."""
    if prep.lower_ != "for" or verb.pos_ != "VERB":
        return None
    obj = child_of(verb, ("dobj",))
    if obj is None or obj.i in inside or obj.i > prep.i or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = noun_phrase(obj, inside)
    return trim(f"{phrase} {verb.text}") if phrase else None


def _on_noun(noun: Token, inside: set[int], depth: int) -> Reading:
    lemma = noun.lemma_.lower()
    if lemma in GENERIC_NOUNS and depth < 3:
        return _climb(noun, inside | {noun.i}, depth + 1)
    if lemma in CHANGE_NOUNS:
        target = _change_target(noun, inside)
        head = noun.head
        if target is None and noun.dep_ in ("appos", "npadvmod", "conj") and head.pos_ in ("VERB", "AUX"):
            clause = _clause_measure(head, inside)  # "imported 9 tons of oil, an increase of 24%"
            return Reading(trim(f"{lemma} in {clause}") if clause else None, True, head)
        if target is None and noun.dep_ in ("appos", "npadvmod", "conj") and depth < 3:
            inner = _climb(noun, inside, depth + 1)
            return Reading(inner.measure, True, inner.anchor)
        if target is None and noun.dep_ in ("dobj", "attr", "pobj") and head.pos_ in ("VERB", "AUX"):
            target = subject_phrase(head, inside)
        return Reading(target or noun_phrase(noun, inside), True, head)
    return Reading(noun_phrase(noun, inside), False, noun.head)


def _after_adverb(adverb: Token, inside: set[int]) -> Reading:
    """ "revenue of $1.84 billion, up 22%": the change is the increase in what "up" hangs on."""
    owner = adverb.head
    change = "decrease" if adverb.lower_ in ("down", "lower") else "increase"
    if owner.pos_ in ("NOUN", "PROPN") and owner.i != adverb.i:
        return Reading(_change_in(change, noun_phrase(owner, inside)), True, owner)
    verb = owner if owner.pos_ in ("VERB", "AUX") else adverb
    return Reading(_change_in(change, _clause_measure(verb, inside)), True, verb)


def _change_in(change: str, measure: str | None) -> str | None:
    """ "exports ..., up 9%": the increase in exports (a reader names the change, not the level)."""
    return trim(f"{change} in {measure}") if measure else None


def _clause_measure(verb: Token, inside: set[int]) -> str | None:
    """What a clause is about: its object's material ("Brazilian soybeans (Spain imported)") or subject."""
    obj = child_of(verb, ("dobj",))
    subject = subject_phrase(verb, inside)
    if obj is not None and obj.i not in inside:
        of_obj = _of_complement(obj, inside)
        if of_obj:
            return trim(f"{of_obj} {by_doer(verb, subject, inside)}" if subject else of_obj)
        if subject and _counted_object(obj, verb):
            numbers = {t.i for c in obj.children if c.dep_ in ("nummod", "quantmod") for t in c.subtree}
            phrase = noun_phrase(obj, inside | numbers)  # "carried 4.5 million passengers, up 8%"
            return trim(f"{phrase} {by_doer(verb, subject, inside)}") if phrase else subject
    return subject


def _counted_object(obj: Token, verb: Token) -> bool:
    """An object that is what changed ("carried 4.5 million passengers, up 8%"), not a level word
    ("hit a record $12 billion") nor the object of a verb that states a level."""
    return (
        obj.pos_ == "NOUN"
        and obj.lemma_.lower() not in GENERIC_NOUNS
        and verb.lemma_ not in LEVEL_VERBS
        and not any(t.tag_ == "$" or t.lower_ in ("%", "percent") for t in obj.subtree)
    )


def _change_target(noun: Token, inside: set[int]) -> str | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and not _is_number_pp(child, inside):
            obj = child_of(child, ("pobj",))
            if obj is not None:
                return noun_phrase(obj, inside)
    lefts = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i not in inside]
    return noun_phrase(noun, inside) if lefts else None


def _is_number_pp(prep: Token, inside: set[int]) -> bool:
    return any(t.i in inside for t in prep.subtree)


def _on_verb(tok: Token, verb: Token, inside: set[int]) -> Reading:
    change = verb.lemma_ in CHANGE_VERBS and tok.dep_ in ("dobj", "npadvmod", "advmod", "obj", "nummod")
    subject = subject_phrase(verb, inside)
    if _raised_money(tok, verb):
        return Reading(fundraising(verb, subject), False, verb)
    of_obj = _of_complement(tok, inside)
    if of_obj and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj"):
        if subject is None:
            measure = f"{of_obj} ({verb.lemma_})"
        elif tok.dep_ == "dobj":
            measure = f"{of_obj} {by_doer(verb, subject, inside)}"  # "salmon imported by Lisbon"
        else:
            measure = f"{of_obj} ({subject} {verb.text})"
        return Reading(trim(measure), change, verb)
    if tok.dep_ == "nsubj" and verb.lemma_ == "be":
        return Reading(trim(predicate(verb, inside)), change, verb)  # "27 were complaints about rent"
    if tok.dep_ in ("nsubj", "nsubjpass"):
        obj = child_of(verb, ("dobj", "attr", "acomp"))
        words = [verb.text] + ([noun_phrase(obj, inside)] if obj is not None else [])
        return Reading(trim(" ".join(w for w in words if w)), change, verb)
    if tok.dep_ == "dobj" and subject and verb.lemma_ not in CHANGE_VERBS | {"be", "hit", "reach", "total"}:
        if verb.lemma_ in POSSESSION_VERBS or tok.ent_type_ in ("DATE", "TIME"):
            return Reading(trim(f"{subject} {verb.text}"), change, verb)
        money = tok.ent_type_ == "MONEY" or any(t.tag_ == "$" or t.text[:1] in "$€£¥₹" for t in tok.subtree)
        if money and verb.lemma_ in MONEY_NOUNS:
            return Reading(trim(f"{subject}'s {MONEY_NOUNS[verb.lemma_]}"), change, verb)  # "China's savings"
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return Reading(trim(f"{subject} {verb.text}"), change, verb)  # a passive subject is no doer
        done = by_doer(verb, subject, inside)
        if " by " not in done:
            return Reading(trim(f"{subject} {verb.text}"), change, verb)  # no doer to name: as written
        return Reading(trim(f"money {done}" if money else done), change, verb)  # "saved by the Navy"
    return Reading(subject, change, verb)


def _of_complement(tok: Token, inside: set[int]) -> str | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = child_of(child, ("pobj",))
            if obj is not None and obj.i not in inside:
                return noun_phrase(obj, inside)
    return None


def _raised_money(tok: Token, verb: Token) -> bool:
    """ "the choir hopes to raise $4,000": money as the object of "raise" is money collected, not a
    change (a change is raised "by" or "to" an amount: "raised fares by 5%")."""
    return verb.lemma_ == "raise" and tok.dep_ == "dobj" and tok.ent_type_ == "MONEY"
