"""The parts of an event read off its trigger word's clause: summary words, subject and place.

Who took part is read in ``actors``; here are the summary's words, the verb's subject (past a headline
the parser joined to the first paragraph), the place, and a fuller mention of the same event noun
elsewhere in the article ("Halden's acquisition of Brightmart" for "the 2019 acquisition"). Everything
stays on the trigger's line: the parser sometimes joins a headline to the first paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from app.extraction.text.context import doc_text
from app.lexicon.events import LIGHT_VERBS
from app.tuning import tuning

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"ORG", "GPE", "PERSON"})
ARG_PREPS = frozenset({"with", "between", "against", "by", "among"})
PLACE_PREPS = frozenset({"in", "to", "at", "into", "inside", "across"})
SUBJECTS = ("nsubj", "nsubjpass")
SUMMARY_PREPS = frozenset({"for", "on", "over", "of", "off", "out"})
EDGE_DEPS = frozenset({"cc", "mark", "advmod"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
ATTRIBUTION_VERBS = frozenset({"quote", "cite", "accord", "citing", "quoting"})
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


def on_line(tok: Token, line: tuple[int, int]) -> bool:
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
            elif child.dep_ == "advcl" and tuning().event_summary_advcl and not _attribution(child):
                keep |= _first(child, tuning().event_summary_advcl)
            elif child.dep_ == "conj" and child.pos_ == "VERB" and not _own_subject(child):
                keep |= _first(child, 14) | {c.i for c in trigger.children if c.dep_ == "cc"}
    else:
        keep |= _noun_core(trigger)
        if trigger.dep_ in ("dobj", "attr") and trigger.head.pos_ == "VERB":
            subject = subject_of(trigger.head)
            if subject is not None:
                keep |= _bounded(subject, 5) | {trigger.head.i}
        head = trigger.head
        copula = head.lemma_.lower() == "be" and not any(c.dep_ == "xcomp" for c in head.children)
        if trigger.dep_ in SUBJECTS and trigger.head.lemma_.lower() in LIGHT_VERBS and not copula:
            keep |= _predicate(trigger.head)  # "the first ballot is to be held in May, choosing ..."
    return _clean(trigger, keep, skip)


def _attribution(clause: Token) -> bool:
    """ "quoting the state news agency", "according to officials": who tells it, not what happened."""
    return clause.lemma_.lower() in ATTRIBUTION_VERBS


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


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
    toks = [doc[i] for i in sorted(keep - skip) if on_line(doc[i], line)]
    toks = [t for n, t in enumerate(toks) if not _stranded_comma(toks, n)]
    while toks and toks[0].i != trigger.i and (toks[0].is_punct or toks[0].dep_ in EDGE_DEPS | {"case"}):
        toks = toks[1:]
    while (
        toks
        and toks[-1].i != trigger.i
        and (toks[-1].is_punct or toks[-1].dep_ in EDGE_DEPS | {"prep", "case"})
    ):
        toks = toks[:-1]
    return toks or [trigger]


def _stranded_comma(toks: list[Token], n: int) -> bool:
    """A comma next to words left out ("Varga, [a prize-winner], was there") joins nothing; brackets
    left with nothing inside ("Rep. Lund ( ) voted") hold nothing."""
    prev, nxt = toks[n - 1].text if n > 0 else "", toks[n + 1].text if n + 1 < len(toks) else ""
    if (toks[n].text, nxt) == ("(", ")") or (prev, toks[n].text) == ("(", ")"):
        return True
    if toks[n].text != ",":
        return False
    before = n > 0 and toks[n - 1].i == toks[n].i - 1
    after = n + 1 < len(toks) and toks[n + 1].i == toks[n].i + 1
    return not (before and after)


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


def noun_phrase(noun: Token, skip: set[int]) -> list[Token]:
    """An event noun's own phrase ("Norway's first victory in the opening match"), without ``skip``."""
    return _clean(noun, _noun_core(noun), skip)


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
            "at",
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
    if tok.dep_ == "prep":
        return _bounded_prep(tok, limit)
    core = {tok.i} | {
        c.i for c in tok.lefts if c.dep_ in ("compound", "poss", "amod", "case", "det", "nummod")
    }
    core |= {t.i for c in tok.lefts if c.dep_ in ("poss", "compound") for t in c.subtree}
    for child in tok.rights:
        if child.dep_ == "prep" and len(list(child.subtree)) <= 5:
            core |= {t.i for t in child.subtree}
            break
    return core


def _bounded_prep(prep: Token, limit: int) -> set[int]:
    """A long phrase after a preposition: the preposition and its object's core ("went to the city's
    main station, where ..."), or nothing where that core says nothing on its own ("in one of the
    largest ...", "for defrauding ..."): a bare preposition left in a summary reads as a slip."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return set()
    core = _bounded(obj, limit - 1)
    if core == {obj.i} and (obj.like_num or obj.pos_ == "PRON"):
        return set()
    return {prep.i} | core


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it depends on ("prior to meeting in Lisbon"), or,
    where the parser lost it (a headline joined to the text), a name just before the verb on its line."""
    line = line_of(verb)
    start = verb
    for _ in range(5):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]  # a joined headline adds one
        if subjects:
            return next((c for c in subjects if on_line(c, line)), None) or _name_before(start, line)
        own_clause = verb.dep_ in ("ROOT", "relcl", "acl", "ccomp")  # a reported clause: not the teller's
        if verb.head.i == verb.i or own_clause or not on_line(verb.head, line):
            return _name_before(start, line) if verb.dep_ != "acl" else None
        verb = verb.head
    return None


def _name_before(verb: Token, line: tuple[int, int]) -> Token | None:
    """ "The Federal Trade Commission on Wednesday fined ...": the named actor right before the verb."""
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - 7), -1):
        tok = doc[i]
        if not on_line(tok, line) or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.text in ";:":
            return None
        if (tok.ent_type_ in ACTOR_LABELS and tok.ent_type_ != "GPE") or (
            tok.ent_type_ == "GPE" and tok.dep_ in SUBJECTS
        ):
            return tok
    return None


def location_of(trigger: Token, skip: set[int]) -> str | None:
    """Where the event took place: a place after "in/to/at", the place visited, "the Lisbon visit"."""
    cands = _place_candidates(trigger)
    if not cands and trigger.pos_ != "VERB" and (twin := twin_of(trigger)) is not None:
        cands = _place_candidates(twin)
    if not cands and (earlier := antecedent(trigger)) is not None:
        cands = _place_candidates(earlier)  # "will climb Mount Kemba ... This climb will take place ..."
    if not cands and trigger.dep_ in ("dobj", "nsubjpass", "nsubj") and trigger.head.pos_ in ("VERB", "AUX"):
        cands = _place_candidates(trigger.head)  # "will hold its annual meeting ... in Seattle"
    if not cands and trigger.pos_ == "VERB":  # "announced it would build a factory in Ohio"
        for child in trigger.children:
            if child.dep_ in ("ccomp", "xcomp"):
                cands += [t for t in child.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"]
    line = line_of(trigger)
    for tok in sorted(cands, key=lambda t: t.i):
        if tok.i in skip or not on_line(tok, line):
            continue
        place = _place_phrase(tok)
        if place:
            return place
    return None


def antecedent(noun: Token) -> Token | None:
    """What "this climb" or "that vote" points back to: the same word (noun or verb) last used before
    it in the same paragraph."""
    if noun.lemma_.lower() in LIGHT_VERBS:  # "this climb will take place": the climb
        noun = next((c for c in noun.children if c.dep_ in SUBJECTS and c.pos_ == "NOUN"), noun)
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children):
        return None
    para = doc_text(noun.doc).rfind("\n", 0, noun.idx)
    lemma = noun.lemma_.lower()
    for tok in reversed(noun.doc[: noun.i]):
        if tok.idx < para:
            return None
        if tok.lemma_.lower() == lemma and tok.pos_ in ("NOUN", "VERB"):
            return tok
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
        t for t in tok.subtree if t.dep_ != "det" and not t.is_punct and not t.is_space and on_line(t, line)
    ]
    if tok.ent_type_ in PLACE_LABELS and len(sub) <= 4 and all(t.ent_type_ or t.tag_ == "POS" for t in sub):
        return " ".join(t.text for t in sub).replace(" ’s", "’s").replace(" 's", "'s")
    for t in sub:
        if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
            return entity_text(t)
    return None


def entity_text(tok: Token) -> str:
    for ent in tok.sent.ents:
        if ent.start <= tok.i < ent.end:
            return whole_name(ent)
    return tok.text


def whole_name(ent) -> str:
    """An entity's name, run on to the proper noun it is a part of: "United Nations" in "the United
    Nations High Commissioner for Refugees" names that office, not the United Nations."""
    doc, end = ent.doc, ent.end
    root = max((t for t in ent if not ent.start <= t.head.i < ent.end), key=lambda t: t.i, default=ent.root)
    head = root.head
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if (
        root.dep_ == "compound"
        and head.pos_ == "PROPN"
        and head.i >= end
        and of is not None
        and obj is not None
    ):
        run = doc[end : obj.i + 1]  # "High Commissioner for Refugees": an office's proper name
        if all(t.i == of.i or (t.pos_ == "PROPN" and t.ent_type_ != "PERSON") for t in run):
            end = obj.i + 1
    words = [t for t in doc[ent.start : end] if t.lower_ != "the" and t.tag_ != "POS"]
    return " ".join(t.text for t in words) or ent.text


def twin_of(trigger: Token) -> Token | None:
    """A fuller mention of the same event noun in the article ("Halden's acquisition of Brightmart")."""
    lemma = trigger.lemma_.lower()
    for tok in trigger.doc:
        same = tok.i != trigger.i and tok.lemma_.lower() == lemma and tok.pos_ == trigger.pos_
        if same and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            return tok
    return None
