"""Who took part in an event: people found by the people extractor and the organisations and countries
acting in the event word's clause.

Participants are people (their ``PersonFact.key``, via mention offsets; "he"/"she" goes to the nearest
person named before), or the names of organisations and countries acting as subject, possessor or
agent ("Halden's acquisition", "the ministry confirmed"). A noun event without its own arguments ("the
2019 acquisition") borrows them from a fuller mention of the same noun elsewhere in the article.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.events.parts import (
    ACTOR_LABELS,
    ARG_PREPS,
    ATTACK_WORDS,
    PRONOUNS,
    SUBJECTS,
    entity_text,
    line_of,
    on_line,
    subject_of,
    twin_of,
)
from app.extraction.types import PersonFact


def _arg_tokens(trigger: Token) -> list[tuple[Token, str]]:
    """Tokens where the event's participants are named, each with its role (actor or other)."""
    out: list[tuple[Token, str]] = []
    if trigger.pos_ == "VERB":
        subject = subject_of(trigger)
        if subject is not None:
            out += [(t, "actor") for t in subject.subtree]
        for child in trigger.children:
            if child.dep_ in ("agent", "dative") or (child.dep_ == "prep" and child.lower_ in ARG_PREPS):
                out += [(t, "actor") for t in child.subtree]
                out += [(t, "actor") for t in _loose_apposition(child)]
            elif child.dep_ == "dobj":
                role = "actor" if trigger.lemma_ in ATTACK_WORDS else "object"
                out += [(t, role) for t in child.subtree]
            elif child.dep_ in ("advcl", "relcl") and child.lemma_ in ("meet", "visit", "host", "join"):
                out += [(t, "object") for t in child.subtree]
        if trigger.dep_ == "acl":
            out += [(t, "actor") for c in trigger.head.children if c.dep_ == "poss" for t in c.subtree]
    else:
        out += [
            (t, "actor") for c in trigger.children if c.dep_ in ("poss", "nmod", "amod") for t in c.subtree
        ]
        out += [
            (t, "actor")
            for c in trigger.children
            if c.dep_ == "compound" and c.ent_type_ != "GPE"
            for t in c.subtree
        ]
        for child in trigger.children:
            if child.dep_ == "prep" and (child.lower_ in ARG_PREPS or child.lower_ == "of"):
                role = "actor" if child.lower_ != "of" or trigger.lemma_.lower() in ATTACK_WORDS else "object"
                out += [(t, role) for t in child.subtree]
        if trigger.dep_ in ("dobj", "attr") and trigger.head.pos_ == "VERB":
            subject = subject_of(trigger.head)
            if subject is not None:
                out += [(t, "actor") for t in subject.subtree]
    line = line_of(trigger)
    seen: dict[int, tuple[Token, str]] = {}
    for tok, role in out:
        if on_line(tok, line):
            seen.setdefault(tok.i, (tok, role))
    return sorted(seen.values(), key=lambda x: x[0].i)


def _loose_apposition(prep: Token) -> list[Token]:
    """ "issued by another judge, Felix Orr, ...": the name right after a common-noun argument and a
    comma is its apposition, even where the parser hung it elsewhere."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_:
        return []
    doc, end = prep.doc, max(t.i for t in prep.subtree) + 1
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].ent_type_ != "PERSON":
        return []
    name = next((e for e in doc.ents if e.start == end + 1), None)
    return list(name) if name is not None else []


def participants_of(trigger: Token, people: list[PersonFact]) -> list[str]:
    """People (by key) and acting organisations or countries (by name) in the event's clause."""
    args = _arg_tokens(trigger)
    if trigger.pos_ == "VERB":  # people named anywhere in the clause, but not in reported speech
        reported = {t.i for c in trigger.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
        reported |= {t.i for c in trigger.children if _own_clause(c) for t in c.subtree}
        args += [(t, "object") for t in trigger.subtree if t.i not in reported and t.ent_type_ == "PERSON"]
    if trigger.pos_ != "VERB" and not any(t.ent_type_ or t.pos_ == "PROPN" for t, _ in args):
        twin = twin_of(trigger)
        args = _arg_tokens(twin) if twin is not None else args
    if not args and trigger.pos_ != "VERB" and (verb := _governing_verb(trigger)) is not None:
        subject = subject_of(verb)  # "Ortega and Lindqvist pose ... prior to meeting in Lisbon"
        args = [(t, "actor") for t in subject.subtree] if subject is not None else []
    named: list[str] = []
    if trigger.pos_ == "VERB" and not any(t.ent_type_ for t, _ in args):
        args += _named_mention_args(subject_of(trigger))
        named = [] if any(t.ent_type_ for t, _ in args) else _capitalised_mention(subject_of(trigger))
        if not named and not any(t.ent_type_ for t, _ in args):
            args += _verb_mention_args(subject_of(trigger))
    out: list[str] = _group_subject(trigger) + named
    for tok, role in args:
        key = _person_at(tok, people)
        if key is None and tok.lower_ in PRONOUNS and tok.dep_ in (*SUBJECTS, "poss"):
            key = _person_before(tok, people)
        if key is None and role == "actor" and tok.ent_type_ in ACTOR_LABELS and tok.ent_iob_ == "B":
            key = None if tok.dep_ == "amod" else entity_text(tok)
        if key and key not in out and not any(key in o.split() for o in out):
            out.append(key)
    return out


def _own_clause(tok: Token) -> bool:
    """ "Peru beat Ghana and Chile beat Japan": a joined verb with its own subject is another event."""
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in tok.children)


def _group_subject(trigger: Token) -> list[str]:
    """ "French officials said": a group named by a common noun with a country or body, as written."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    if subject is None or subject.pos_ != "NOUN":
        return []
    mods = [t for t in subject.lefts if t.ent_type_ in ACTOR_LABELS | {"NORP"}]
    if mods and mods[0].dep_ == "poss":
        return [entity_text(mods[0])]  # "the Church's website was taken offline": the Church's
    if mods:
        start = mods[0].i  # "Middle Eastern airlines": from where the name begins, not its last word
        while start > subject.left_edge.i and subject.doc[start].ent_iob_ == "I":
            start -= 1
        return [" ".join(t.text for t in subject.subtree if start <= t.i <= subject.i)]
    place = [
        c
        for c in subject.children
        if c.dep_ == "prep" and any(t.ent_type_ in ACTOR_LABELS for t in c.subtree)
    ]
    if place and len(list(subject.subtree)) <= 6:  # "Health officials in Ohio reported ..."
        return [" ".join(t.text for t in subject.subtree if t.dep_ != "det")]
    return []


def _governing_verb(tok: Token) -> Token | None:
    line = line_of(tok)
    for _ in range(4):
        if tok.head.i == tok.i or not on_line(tok.head, line):
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _person_at(tok: Token, people: list[PersonFact]) -> str | None:
    for person in people:
        for m in person.mentions:
            if m.start <= tok.idx < m.end:
                return person.key
    return None


def _person_before(tok: Token, people: list[PersonFact]) -> str | None:
    best, best_end = None, -1
    for person in people:
        for m in person.mentions:
            if best_end < m.end <= tok.idx:
                best, best_end = person.key, m.end
    return best


def _named_mention_args(subject: Token | None) -> list[tuple[Token, str]]:
    """ "The regatta ended on Sunday": a bare event noun as subject takes its actors from the article's
    named mention of it ("the Corvel Sailing Club regatta")."""
    if subject is None or subject.pos_ != "NOUN" or any(c.dep_ != "det" for c in subject.lefts):
        return []
    for tok in subject.doc:
        if tok.i != subject.i and tok.lemma_ == subject.lemma_ and tok.pos_ == "NOUN":
            named = [c for c in tok.lefts if c.dep_ == "compound" and c.ent_type_ in ACTOR_LABELS - {"GPE"}]
            if named:
                return [(t, "actor") for c in tok.lefts for t in c.subtree]  # the name may start at "the"
    return []


def _capitalised_mention(subject: Token | None) -> list[str]:
    """ "The regatta ended on Sunday" after "the VELA Open regatta": capitalised words before the same
    noun inside a sentence are its name even where the parser found no entity in them (as adjectives or
    bare compounds); a nationality ("the Danish regatta") is no name."""
    if subject is None or subject.pos_ != "NOUN" or [c.lower_ for c in subject.lefts] != ["the"]:
        return []  # only "the regatta": one the reader already knows by name
    for tok in subject.doc:
        if tok.i == subject.i or tok.lemma_ != subject.lemma_ or tok.pos_ != "NOUN":
            continue
        words: list[Token] = []
        for left in reversed(list(tok.lefts)):
            if left.dep_ not in ("amod", "compound") or not _name_word(left):
                break
            words.insert(0, left)
        if words and words[-1].i == tok.i - 1:
            return [" ".join(t.text for t in words)]
    return []


def _name_word(tok: Token) -> bool:
    """A capitalised word inside a sentence, not part of any entity (not a nationality, not a date)."""
    return tok.text[:1].isupper() and tok.i != tok.sent.start and not tok.ent_type_


def _verb_mention_args(subject: Token | None) -> list[tuple[Token, str]]:
    """ "Orla Radio started to broadcast adverts. The broadcasts began on May 2": "the broadcasts" are
    the act the sentence just before told with a verb of the same word, so its subject is their actor."""
    if subject is None or subject.pos_ != "NOUN" or [c.lower_ for c in subject.lefts] != ["the"]:
        return []
    doc, start = subject.doc, subject.sent.start
    if start == 0:
        return []
    before = doc[start - 1].sent
    verb = next((t for t in before if t.pos_ == "VERB" and t.lemma_ == subject.lemma_), None)
    actor = subject_of(verb) if verb is not None else None
    return [(t, "actor") for t in actor.subtree] if actor is not None else []
