"""Quotes in one article: text between quote marks attributed to the subject of a speech verb.

A first honest pass ("X said" / "said X"); quotes with no findable speaker are kept with none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.extraction.spans import span_at
from app.extraction.topics import classify
from app.extraction.types import PersonFact, QuoteFact, Speaker

SPEECH_LEMMAS = {"say", "tell", "add", "write", "note", "stress", "warn", "argue", "state", "emphasize",
                 "comment", "explain", "insist", "claim", "declare", "announce", "suggest"}
QUOTED = re.compile(r"[“\"](?P<body>[^“”\"]{1,5000}?)[”\"]")


def extract_quotes(doc: Doc, people: list[PersonFact]) -> list[QuoteFact]:
    out: list[QuoteFact] = []
    for m in QUOTED.finditer(doc.text):
        body = m.group("body")
        start, end = m.start("body"), m.end("body")
        stripped = body.rstrip(" ,.;")
        end = start + len(stripped)
        if len(stripped.split()) < 3:
            continue
        span = span_at(doc, start, end)
        speaker = _speaker_near(doc, m.start(), m.end(), people)
        kind = "direct" if _is_whole_sentence(span.sentence or "", stripped) else "partial"
        out.append(QuoteFact(text=stripped, kind=kind, speaker=speaker, span=span,
                             topics=classify(f"{stripped} {span.sentence or ''}")))
    return out


def _is_whole_sentence(sentence: str, quote: str) -> bool:
    return stripped_len(quote) > 0.5 * stripped_len(sentence) and quote[:1].isupper()


def stripped_len(text: str) -> int:
    return len(text.strip())


def _speaker_near(doc: Doc, q_start: int, q_end: int, people: list[PersonFact]) -> Speaker | None:
    window = doc.char_span(q_start, q_end, alignment_mode="expand")
    if window is None:
        return None
    sent = window.sent
    for token in sent:
        if token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB" and not (q_start <= token.idx < q_end):
            subject = _subject(token)
            if subject is not None:
                return _speaker_for(subject, people)
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _speaker_for(token: Token, people: list[PersonFact]) -> Speaker:
    phrase = " ".join(t.text for t in token.subtree).strip()
    for person in people:
        for mention in person.mentions:
            if mention.start <= token.idx < mention.end:
                return Speaker(name=person.name, type="person", person_key=person.key)
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return Speaker(name=phrase, type="organization")
    return Speaker(name=phrase, type="anonymous" if token.pos_ != "PRON" else "person")
