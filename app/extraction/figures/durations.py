"""What a length of time is, named the way a reader names it instead of "length of <subject> <verb>".

- a penalty or confinement: "jailed a driver for ten months" is the "prison sentence for driver",
  "was detained for 48 hours" the "time X was held", "banned for two years" a "ban for X";
- a deadline: "must leave within 48 hours" is the "deadline for X to leave";
- time spent: "spent twelve years there" is the "time X spent there";
- a moment: "exploded 73 seconds after liftoff" is the "time after liftoff when X exploded";
- a penalty served in hours: "250 hours of community service" is that "community service".
The one held, banned or sentenced is the verb's object, or its passive subject; a pronoun is
replaced by what it stands for (:mod:`referents`), and left out when nothing fits.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from app.extraction.figures.brackets import participle
from app.extraction.figures.phrases import child_of, noun_phrase, subject_up, trim
from app.extraction.figures.referents import PERSON_PRONOUNS, named
from app.extraction.figures.units import DURATION_UNITS
from app.lexicon.people import PERSON_NOUNS, ROLE_WORDS
from app.lexicon.terms import (
    BAN_VERBS,
    COURT_NOUNS,
    CUSTODY_NOUNS,
    HELD_VERBS,
    PENALTY_COMPOUNDS,
    PENALTY_NOUNS,
    SENTENCE_VERBS,
)

# Prepositions that place a moment relative to another ("73 seconds after liftoff").
MOMENT_PREPS = frozenset({"after", "before"})
# Nouns a length of time is "of" that are not what it lasts ("15 years of age", "a year of it").
NOT_LENGTHS = frozenset({"age", "it", "this", "that", "which"})
# Verbs that give someone time to do something ("gave them 24 hours to leave").
GIVING_VERBS = frozenset({"give", "allow", "grant"})
RELATIVES = frozenset({"that", "which", "who", "whom"})
# Prepositions of a place where someone was held or spent time.
PLACE_PREPS = frozenset({"in", "at", "aboard", "on", "inside"})


def duration_measure(quantity: Span, unit: str | None) -> str | None:
    """The term a length of time is, or None when it is a plain length (left to the dimension)."""
    if unit not in DURATION_UNITS:
        return None
    inside = set(range(quantity.start, quantity.end))
    noun = quantity.root
    if noun.dep_ in ("compound", "nmod", "amod") and noun.head.lemma_.lower() in CUSTODY_NOUNS:
        noun = noun.head  # "six months imprisonment": the term is the imprisonment's
    readers: tuple[Callable[[Token, set[int]], str | None], ...] = (
        _term,
        _deadline,
        _time_spent,
        _moment,
        _penalty_of,
        _time_for,
    )
    for reader in readers:
        if (found := reader(noun, inside)) is not None:
            return trim(found)
    return None


def _governing(noun: Token, preps: frozenset[str]) -> Token | None:
    """The verb a duration hangs on through one of ``preps`` ("jailed ... for ten months"), also when
    the parser left the preposition empty and hung the amount elsewhere ("held for [48 hours] before")."""
    prep = _preposition(noun, preps)
    if prep is None:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _preposition(noun: Token, preps: frozenset[str]) -> Token | None:
    if noun.dep_ == "pobj" and noun.head.lower_ in preps:
        return noun.head
    first = min(t.i for t in noun.subtree)
    before = noun.doc[first - 1] if first > 0 else None
    if (
        before is not None
        and before.lower_ in preps
        and before.dep_ == "prep"
        and not any(c.dep_ == "pobj" for c in before.children)
    ):
        return before
    return None


def _term(noun: Token, inside: set[int]) -> str | None:
    """A sentence, a detention or a ban: named by the verb, for the one it was imposed on."""
    verb = _governing(noun, frozenset({"for", "to"}))
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    prep = _preposition(noun, frozenset({"for", "to"}))
    if prep is not None and prep.lower_ == "to" and lemma != "sentence":
        return None  # only a sentence is "to" a term
    person = named(_penalised(verb), inside)
    for_whom = f" for {person}" if person else ""
    if lemma in SENTENCE_VERBS and not (lemma == "imprison" and _not_by_court(verb)):
        suspended = any(c.lemma_ == "suspend" for c in verb.children if c.dep_ in ("advcl", "conj"))
        return f"{'suspended ' if suspended else ''}prison sentence{for_whom}"
    if lemma in HELD_VERBS | {"imprison"} and (lemma not in ("hold", "keep") or _is_person(_penalised(verb))):
        who = f" {person}" if person else ""
        return f"time{who} was held{_place(verb, inside)}"
    if lemma in BAN_VERBS:
        if lemma == "suspend" and verb.dep_ in ("advcl", "conj") and verb.head.lemma_ in SENTENCE_VERBS:
            whom = named(_penalised(verb.head), inside)
            return f"suspended sentence{f' for {whom}' if whom else ''}"
        if person and not _is_person(_penalised(verb)):
            return f"{BAN_VERBS[lemma]} of {person}"  # "suspended entry of refugees": suspension of entry
        return f"{BAN_VERBS[lemma]}{for_whom}"
    return None


def _penalised(verb: Token) -> Token | None:
    """Who a penalty falls on: the verb's object, or its subject when the verb is passive."""
    obj = child_of(verb, ("dobj",))
    if obj is not None:
        return obj
    return child_of(verb, ("nsubjpass",))


def _not_by_court(verb: Token) -> bool:
    """ "the church imprisoned her": an active subject that is not a court makes it confinement."""
    subj = child_of(verb, ("nsubj",))
    return subj is not None and subj.lemma_.lower() not in COURT_NOUNS and subj.pos_ != "PRON"


def _is_person(tok: Token | None) -> bool:
    if tok is None:
        return False
    word = tok.lower_
    return (
        tok.ent_type_ == "PERSON"
        or word in PERSON_PRONOUNS
        or word in ("they", "them")
        or tok.lemma_.lower() in PERSON_NOUNS | ROLE_WORDS
    )


def _place(verb: Token, inside: set[int]) -> str:
    """ "held aboard the ship": where someone was held or spent time, when the clause says so."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            obj = child_of(child, ("pobj",))
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.i not in inside:
                phrase = noun_phrase(obj, inside)
                return f" {child.text} {phrase}" if phrase else ""
    return ""


def _deadline(noun: Token, inside: set[int]) -> str | None:
    """ "if they do not leave within 48 hours": the deadline for them to leave."""
    verb = _governing(noun, frozenset({"within"}))
    if verb is None:
        return _time_given(noun, inside)
    who = named(child_of(verb, ("nsubj", "nsubjpass")), inside)
    obj = child_of(verb, ("dobj",))
    what = noun_phrase(obj, inside) if obj is not None and obj.i not in inside else None
    action = " ".join(w for w in (verb.lemma_, what) if w)
    return f"deadline for {who} to {action}" if who else f"deadline to {action}"


def _time_given(noun: Token, inside: set[int]) -> str | None:
    """ "gave residents 24 hours to leave the area": the deadline for residents to leave the area."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in GIVING_VERBS:
        return None
    task = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.tag_ == "VB"), None) or next(
        (c for c in verb.rights if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.i > noun.i), None
    )  # "gave them [24 hours] [to leave]": the infinitive hangs on the noun or on the verb
    if task is None:
        return None
    who = named(child_of(verb, ("dative",)), inside)
    obj = child_of(task, ("dobj",))
    what = noun_phrase(obj, inside) if obj is not None else None
    action = " ".join(w for w in (task.text, what) if w)
    return f"deadline for {who} to {action}" if who else f"deadline to {action}"


def _time_spent(noun: Token, inside: set[int]) -> str | None:
    """ "ended up spending twelve years there": the time someone spent (there)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ != "spend":
        return None
    who = named(subject_up(verb), inside)
    there = next((c.text for c in verb.rights if c.dep_ == "advmod" and c.lower_ in ("there", "here")), "")
    where = f" {there}" if there else _place(verb, inside)
    return f"time{f' {who}' if who else ''} spent{where}"


def _moment(noun: Token, inside: set[int]) -> str | None:
    """ "exploded 73 seconds after liftoff": when, after the reference point, the thing happened."""
    if noun.dep_ != "npadvmod":
        return None
    prep: Token | None = None
    if noun.head.lower_ in MOMENT_PREPS and noun.head.dep_ == "prep":
        prep, verb = noun.head, noun.head.head  # "[40 seconds] after launch" hung on "after"
    else:
        verb = noun.head
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in MOMENT_PREPS), None)
    point = child_of(prep, ("pobj",)) if prep is not None else None
    if prep is None or point is None or verb.pos_ != "VERB" or prep.i != noun.i + 1:
        return None
    mark = (noun_phrase(point, inside) if point.pos_ in ("NOUN", "PROPN") else None) or point.text
    who = named(subject_up(verb), inside)
    did = verb.text
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        did = f"{verb.head.text} to {verb.text}"  # "tried to sell it two years after": "tried to sell"
    clause = f" when {who} {did}" if who else ""
    return f"time {prep.text} {mark}{clause}"


def _penalty_of(noun: Token, inside: set[int]) -> str | None:
    """ "250 hours of community service": the penalty itself, for the one sentenced; "two decades of
    conflict": the length of the conflict; "3 months, 6 months or a year of treatment": every length
    in the list is a length of what the last one is "of"."""
    obj = _of_object(noun)
    if obj is None:
        return None
    phrase = noun_phrase(obj, inside)
    if not _is_penalty(obj):
        if obj.lemma_.lower() in NOT_LENGTHS:
            return None
        return f"length of {phrase}" if phrase else None  # "two decades of conflict": its length
    verb = noun.head
    for _ in range(4):
        if verb.lemma_ in SENTENCE_VERBS and (whom := named(_penalised(verb), inside)):
            return f"{phrase} for {whom}"
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return phrase


def _is_penalty(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    first = PENALTY_COMPOUNDS.get(lemma)
    if first is not None:
        return any(c.dep_ in ("compound", "amod") and c.lower_ == first for c in noun.lefts)
    return lemma in PENALTY_NOUNS


def _of_object(noun: Token) -> Token | None:
    """What a length is "of": on the noun itself or on the last member of the list it opens."""
    last = noun
    for _ in range(4):
        nxt = next((c for c in last.rights if c.dep_ in ("conj", "appos") and c.pos_ == "NOUN"), None)
        if nxt is None:
            break
        last = nxt
    prep = next((c for c in last.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return child_of(prep, ("pobj",)) if prep is not None else None


def _time_for(noun: Token, inside: set[int]) -> str | None:
    """ "a lawyer interrogated him for two hours": the time he was interrogated; "the road was closed
    for two days": the time the road was closed; "a war Ardan has waged for 15 years": the time Ardan
    has waged war."""
    verb = _governing(noun, frozenset({"for"}))
    if verb is None or verb.pos_ != "VERB":
        return None
    obj = child_of(verb, ("dobj",))
    if obj is not None and obj.lower_ not in RELATIVES:
        numbers = {t.i for c in obj.children if c.dep_ in ("nummod", "quantmod") for t in c.subtree}
        who = named(obj, inside | numbers)
        was = "were" if obj.tag_ in ("NNS", "NNPS") else "was"
        return f"time {who} {was} {participle(verb)}" if who else None
    who = named(child_of(verb, ("nsubj", "nsubjpass")), inside)
    if not who:
        return None
    group = [c.text for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb.text]
    if obj is not None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        group.append(verb.head.text)  # "a war that Ardan has waged": waged war
    return f"time {who} {' '.join(group)}"
