"""The parts of an event read off its trigger word's clause: summary words, participants and place.

Participants are people found by the people extractor (their ``PersonFact.key``, via mention offsets;
"he"/"she" goes to the nearest person named before), or the names of organisations and countries
acting as subject, possessor or agent ("Halden's acquisition", "the ministry confirmed"). A noun event
without its own arguments ("the 2019 acquisition") borrows them from a fuller mention of the same noun
elsewhere in the article ("Halden's acquisition of Brightmart"). Everything stays on the trigger's line:
the parser sometimes joins a headline to the first paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from app.extraction.text.context import doc_text
from app.extraction.types import PersonFact
from app.lexicon.events import LIGHT_VERBS
from app.tuning import tuning

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON"})
ARG_PREPS = frozenset({"with", "between", "against", "by", "among"})
PLACE_PREPS = frozenset({"in", "to", "at", "into", "inside", "across"})
SUBJECTS = ("nsubj", "nsubjpass")
SUMMARY_PREPS = frozenset({"for", "on", "over", "of", "off", "out"})
EDGE_DEPS = frozenset({"cc", "mark", "advmod"})
PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
ATTACK_WORDS = frozenset({"invasion", "attack", "incursion", "offensive", "invade", "bombing", "raid"})


DATELINE = re.compile(r"[A-Z][A-Z .,'/]+(?:,\s*\w+\s*\d*)?\s*(?:\([^)]{1,40}\))?\s*[–—-]{1,2}\s")


def line_of(tok: Token) -> tuple[int, int]:
    """The character range of a token's line, past a dateline ("GENEVA (AFP) – ") at its start."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    dateline = DATELINE.match(text, start)
    if dateline and dateline.end() <= tok.idx:
        start = dateline.end()
    return start, len(text) if end < 0 else end


def _on_line(tok: Token, line: tuple[int, int]) -> bool:
    return line[0] <= tok.idx < line[1]


def summary_tokens(trigger: Token, skip: set[int]) -> list[Token]:
    """The words that say what happened: subject, the event word, its object and complements."""
    keep: set[int] = {trigger.i}
    if trigger.pos_ == "VERB":
        theme = reduced_relative(trigger)
        subject = subject_of(trigger) if theme is None else theme
        if subject is not None and subject.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
            subject = trigger.head  # "Endeavour, which will launch ...": say what launches
        if subject is not None:
            keep |= _bounded(subject, 6)
        if trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
            keep |= _bounded(trigger.head, 6)  # "Apple's iPhone 17, launched in September"
        for child in trigger.children:
            if child.dep_ in ("aux", "auxpass", "neg", "prt"):
                keep.add(child.i)
            elif child.dep_ in ("dobj", "attr", "dative", "agent", "oprd", "acomp"):
                keep |= _bounded(child, 8)
            elif child.dep_ in ("prep", "prt") and child.lower_ in PLACE_PREPS | ARG_PREPS | SUMMARY_PREPS:
                keep |= _bounded(child, 6)
            elif child.dep_ in ("xcomp", "ccomp"):
                keep |= _first(child, 12)
            elif child.dep_ == "advcl" and tuning().event_summary_advcl:
                keep |= _first(child, tuning().event_summary_advcl)
    else:
        keep |= _noun_core(trigger)
        if trigger.dep_ in ("dobj", "attr") and trigger.head.pos_ == "VERB":
            subject = subject_of(trigger.head)
            if subject is not None:
                keep |= _bounded(subject, 5) | {trigger.head.i}
        if trigger.dep_ in SUBJECTS and trigger.head.lemma_.lower() in LIGHT_VERBS:
            keep |= _predicate(trigger.head)  # "the first ballot is to be held in May, choosing ..."
    return _clean(trigger, keep, skip)


def _predicate(verb: Token) -> set[int]:
    """What a noun event's verb says of it: the verb, its complement and its object, briefly."""
    keep = {verb.i}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt", "acomp"):
            keep.add(child.i)
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            keep |= _predicate(child)  # "is to be held ..., choosing a new name": what the held one does
        elif child.dep_ in ("xcomp", "dobj", "attr"):
            keep |= _first(child, 8)
        elif child.dep_ == "prep" and child.lower_ in PLACE_PREPS | ARG_PREPS:
            keep |= _bounded(child, 5)
        elif child.dep_ == "advcl" and tuning().event_summary_advcl:
            keep |= _first(child, tuning().event_summary_advcl)
    return keep


def reduced_relative(verb: Token) -> Token | None:
    """ "the truce, agreed just weeks before ...": a participle after a comma describes the noun
    before it (the parser often hangs it on the main verb instead)."""
    doc = verb.doc
    if verb.tag_ not in ("VBN", "VBD") or verb.i < 2 or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if (
        doc[verb.i - 1].text == ","
        and doc[verb.i - 2].pos_ in ("NOUN", "PROPN")
        and verb.dep_ in ("conj", "advcl")
    ):
        return doc[verb.i - 2]
    return None


def _clean(trigger: Token, keep: set[int], skip: set[int]) -> list[Token]:
    doc, line = trigger.doc, line_of(trigger)
    skip = skip | {i for i in keep if doc[i].dep_ == "prep" and _emptied(doc[i], skip)}
    toks = [doc[i] for i in sorted(keep - skip) if _on_line(doc[i], line)]
    while toks and toks[0].i != trigger.i and (toks[0].is_punct or toks[0].dep_ in EDGE_DEPS | {"case"}):
        toks = toks[1:]
    while (
        toks
        and toks[-1].i != trigger.i
        and (toks[-1].is_punct or toks[-1].dep_ in EDGE_DEPS | {"prep", "case"})
    ):
        toks = toks[:-1]
    return toks or [trigger]


def _emptied(prep: Token, skip: set[int]) -> bool:
    """A preposition whose object is the (skipped) date: "visited Nairobi in [2009]"."""
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(o.i in skip for o in objs)


def render(tokens: list[Token]) -> str:
    """Tokens to text, spaced as written where they are adjacent and with single spaces elsewhere."""
    out = ""
    for a, b in zip(tokens, [*tokens[1:], None], strict=True):
        out += a.text
        if b is not None and not (b.i == a.i + 1 and not a.whitespace_):
            out += " "
    words = out.split()
    return " ".join(words[:20]).strip(" ,;:-–—")


def _first(tok: Token, limit: int) -> set[int]:
    sub = [t for t in tok.subtree if t.dep_ not in ("relcl", "appos")]
    return {t.i for t in sub[:limit]}


def _noun_core(noun: Token) -> set[int]:
    keep = {noun.i}
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nummod", "det", "nmod", "case"):
            keep |= {t.i for t in child.subtree}
        elif child.dep_ == "prep" and child.lower_ in (
            "of",
            "to",
            "into",
            "in",
            "between",
            "with",
            "against",
            "by",
        ):
            sub = [t.i for t in child.subtree]
            keep |= set(sub[:8])
    return keep


def _bounded(tok: Token, limit: int) -> set[int]:
    """A phrase's tokens, or just its head and close modifiers when the phrase is long."""
    cut = {t.i for c in tok.subtree if c.dep_ in ("relcl", "appos") and c.i != tok.i for t in c.subtree}
    sub = [t for t in tok.subtree if t.i not in cut]
    if sum(not t.is_punct for t in sub) <= limit:
        return {t.i for t in sub}
    core = {tok.i} | {
        c.i for c in tok.lefts if c.dep_ in ("compound", "poss", "amod", "case", "det", "nummod")
    }
    core |= {t.i for c in tok.lefts if c.dep_ == "poss" for t in c.subtree}
    for child in tok.rights:
        if child.dep_ == "prep" and len(list(child.subtree)) <= 5:
            core |= {t.i for t in child.subtree}
            break
    return core


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it depends on ("prior to meeting in Lisbon"), or,
    where the parser lost it (a headline joined to the text), a name just before the verb on its line."""
    line = line_of(verb)
    start = verb
    for _ in range(5):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]  # a joined headline adds one
        if subjects:
            return next((c for c in subjects if _on_line(c, line)), None) or _name_before(start, line)
        if verb.head.i == verb.i or verb.dep_ in ("ROOT", "relcl", "acl") or not _on_line(verb.head, line):
            return _name_before(start, line) if verb.dep_ != "acl" else None
        verb = verb.head
    return None


def _name_before(verb: Token, line: tuple[int, int]) -> Token | None:
    """ "The Federal Trade Commission on Wednesday fined ...": the named actor right before the verb."""
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - 7), -1):
        tok = doc[i]
        if not _on_line(tok, line) or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.text in ";:":
            return None
        if (tok.ent_type_ in ACTOR_LABELS and tok.ent_type_ != "GPE") or (
            tok.ent_type_ == "GPE" and tok.dep_ in SUBJECTS
        ):
            return tok
    return None


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
        if _on_line(tok, line):
            seen.setdefault(tok.i, (tok, role))
    return sorted(seen.values(), key=lambda x: x[0].i)


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
    if trigger.pos_ == "VERB" and not any(t.ent_type_ for t, _ in args):
        args += _named_mention_args(subject_of(trigger))
    out: list[str] = _group_subject(trigger)
    for tok, role in args:
        key = _person_at(tok, people)
        if key is None and tok.lower_ in PRONOUNS and tok.dep_ in (*SUBJECTS, "poss"):
            key = _person_before(tok, people)
        if key is None and role == "actor" and tok.ent_type_ in ACTOR_LABELS and tok.ent_iob_ == "B":
            key = None if tok.dep_ == "amod" else _entity_text(tok)
        if key and key not in out and not any(key in o.split() for o in out):
            out.append(key)
    return out


def _own_clause(tok: Token) -> bool:
    """ "Sweden beat Korea and Belgium beat Panama": a joined verb with its own subject is another event."""
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in tok.children)


def _group_subject(trigger: Token) -> list[str]:
    """ "French officials said": a group named by a common noun with a country or body, as written."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    if subject is None or subject.pos_ != "NOUN":
        return []
    mods = [t for t in subject.lefts if t.ent_type_ in ACTOR_LABELS | {"NORP"}]
    if mods and mods[0].dep_ == "poss":
        return [_entity_text(mods[0])]  # "the Church's website was taken offline": the Church's
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
        if tok.head.i == tok.i or not _on_line(tok.head, line):
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def location_of(trigger: Token, skip: set[int]) -> str | None:
    """Where the event took place: a place after "in/to/at", the place visited, "the Lisbon visit"."""
    cands = _place_candidates(trigger)
    if not cands and trigger.pos_ != "VERB" and (twin := twin_of(trigger)) is not None:
        cands = _place_candidates(twin)
    if not cands and trigger.dep_ in ("dobj", "nsubjpass", "nsubj") and trigger.head.pos_ in ("VERB", "AUX"):
        cands = _place_candidates(trigger.head)  # "will hold its annual meeting ... in Seattle"
    if not cands and trigger.pos_ == "VERB":  # "announced it would build a factory in Ohio"
        for child in trigger.children:
            if child.dep_ in ("ccomp", "xcomp"):
                cands += [t for t in child.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"]
    line = line_of(trigger)
    for tok in sorted(cands, key=lambda t: t.i):
        if tok.i in skip or not _on_line(tok, line):
            continue
        place = _place_phrase(tok)
        if place:
            return place
    return None


def _place_candidates(trigger: Token) -> list[Token]:
    cands: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            cands += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in ("dobj", "compound") and child.ent_type_ in PLACE_LABELS:
            cands.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of" and trigger.lemma_.lower() in ATTACK_WORDS:
            cands += [c for c in child.children if c.dep_ == "pobj"]
    return cands


def _place_phrase(tok: Token) -> str | None:
    line = line_of(tok)
    sub = [
        t for t in tok.subtree if t.dep_ != "det" and not t.is_punct and not t.is_space and _on_line(t, line)
    ]
    if tok.ent_type_ in PLACE_LABELS and len(sub) <= 4 and all(t.ent_type_ or t.tag_ == "POS" for t in sub):
        return " ".join(t.text for t in sub).replace(" ’s", "’s").replace(" 's", "'s")
    for t in sub:
        if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
            return _entity_text(t)
    return None


def _entity_text(tok: Token) -> str:
    for ent in tok.sent.ents:
        if ent.start <= tok.i < ent.end:
            words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
            return " ".join(t.text for t in words) or ent.text
    return tok.text


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


def twin_of(trigger: Token) -> Token | None:
    """A fuller mention of the same event noun in the article ("Halden's acquisition of Brightmart")."""
    lemma = trigger.lemma_.lower()
    for tok in trigger.doc:
        same = tok.i != trigger.i and tok.lemma_.lower() == lemma and tok.pos_ == trigger.pos_
        if same and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            return tok
    return None
