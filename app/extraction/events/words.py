"""Which words name events, and of what kind: the trigger test shared by the event passes.

Lemmas come from a general lexicon (:mod:`event_lexicon`); the spaCy lemmatizer misses a few forms
("fined" -> "fin"), so simple inflections of the written word are tried too. Ambiguous words are
settled by their neighbours ("air strike" is an attack, "cut output" a decision, "set a record" a
result), and words inside quotations or that are the content of another event are not events.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.text.context import doc_text
from app.extraction.text.date_kinds import MONTHS
from app.lexicon.events import (
    ATTACK_STRIKE,
    DEAL_OBJECTS,
    DECISION_OBJECTS,
    NOUN_ONLY,
    PARTICLES,
    RECORD_OBJECTS,
    TRIGGERS,
    VERB_ONLY,
)


def forms(tok: Token) -> list[str]:
    """The word and its likely base forms: the lemmatizer misses some ("fined" -> "fin")."""
    lower = tok.lower_
    forms = [lower, tok.lemma_.lower()]
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.append(lower[: -len(suffix)] + repl)
    return forms


def kind_of(tok: Token) -> str | None:
    """The event kind a word names, or None ("strike" near "air" is an attack, "cut output" a decision)."""
    word = next((f for f in forms(tok) if f in TRIGGERS), "")
    kind = TRIGGERS.get(word)
    if kind is None or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if tok.text[:1].isupper() and tok.ent_type_ == "DATE" and tok.lower_.rstrip(".") in MONTHS:
        return None  # "runs through March 11": the month, not a protest march
    if (word in VERB_ONLY and tok.pos_ != "VERB") or (word in NOUN_ONLY and tok.pos_ == "VERB"):
        return None
    if word in PARTICLES and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in PARTICLES[word] for c in tok.children
    ):
        return None
    if word == "set":
        objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
        if not (objects | {tok.head.lemma_.lower()}) & RECORD_OBJECTS:
            return None
    if word == "strike":
        near = {t.lower_ for t in tok.lefts} | {tok.doc[tok.i - 1].lower_ if tok.i else ""}
        return "attack" if near & ATTACK_STRIKE else "strike"
    if word == "acquire" and tok.pos_ == "VERB" and not _business_object(tok):
        return None
    if kind == "decision":
        objects = {t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
        return kind if objects & DECISION_OBJECTS else None
    return kind


def _business_object(verb: Token) -> bool:
    """Is what was acquired a business, a stake in one, or something named ("acquired Brightmart")?"""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in DEAL_OBJECTS or o.lower_ in DEAL_OBJECTS or o.ent_type_ for o in objects)


def not_own_event(trigger: Token, quoted_ok: bool = False) -> bool:
    """Words inside a quotation ("we want a deal this week") and the content of another event
    ("agreed to raise output in April": the raise is what was agreed) and the writer's own doings are
    not events of their own."""
    if trigger.dep_ == "xcomp" and kind_of(trigger.head):
        return True
    if any(c.dep_ == "nsubj" and c.lower_ == "i" for c in trigger.children):
        return True  # "I visited the fair on Saturday": the writer's own experience, not news
    return not quoted_ok and quoted(trigger.doc, trigger.idx)


def quoted(doc, pos: int) -> bool:
    """Is the character at ``pos`` inside quotation marks opened on its line?"""
    text = doc_text(doc)
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
