"""Quotes in one article: direct, partial and indirect, each with its speaker when one is found.

The passes, in the order a reader meets them:
1. quoted passages from the raw text (app/extraction/quote_marks.py), whatever the mark style;
2. for each, the speech verb that attributes it (app/extraction/attribution.py);
3. reported speech without marks (app/extraction/indirect.py);
4. speakers resolved in text order (app/extraction/speakers.py), so "he said" can lean on the
   previous speaker, and a quote standing alone inherits the speaker of the quote before it.
Scare quotes, titles of works and furniture are dropped; a quote whose speaker cannot be found is
kept with ``speaker=None`` rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from app.extraction.quotes.attribution import Attribution, attribute_quote, is_cue
from app.extraction.quotes.indirect import find_indirect
from app.extraction.quotes.speakers import SpeakerResolver, such_as_names
from app.extraction.text.context import ArticleContext
from app.extraction.text.syntax import subject_of
from app.extraction.topics import classify
from app.extraction.types import PersonFact, QuoteFact, QuoteKind, Speaker
from app.keys import quote_key
from app.lexicon import words_of
from app.lexicon.speech import CHARACTERIZING_VERBS, NAMING_WORDS, WORK_NOUNS
from app.tuning import tuning

WORD = re.compile(r"[\w’']+")
SMALL_WORDS = words_of("a an the of in on at to for and or but nor with by from into onto upon via as is it")
SENTENCE_OPENERS = "\n.!?:;—–(\"“‘'"


@dataclass
class _Item:
    """A quote candidate awaiting its speaker, in text order."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    anchor: Token  # where the attribution sits, for pronoun resolution
    cue: Token | None
    subject: Token | None
    standalone: bool = False


def extract_quotes(doc: Doc, people: list[PersonFact]) -> list[QuoteFact]:
    ctx = ArticleContext.of(doc)
    items = _direct_items(doc, ctx) + _indirect_items(doc, ctx)
    items.sort(key=lambda it: (it.start, it.kind == "indirect"))
    resolver = SpeakerResolver(doc, ctx, people)
    out: list[QuoteFact] = []
    last: tuple[int, Speaker] | None = None
    for item in items:
        subject = _reporter(ctx, item)
        speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and item.standalone:
            speaker = _introduced(doc, ctx, resolver, item) or (
                replace(last[1], basis="inherited")
                if last is not None and ctx.paragraph(item.start) - last[0] <= 1
                else None
            )
        resolver.remember(item.cue or item.anchor, speaker, subject)
        if speaker is not None:
            last = (ctx.paragraph(item.start), speaker)
        out.append(_fact(doc, item, speaker))
        out += [_fact(doc, item, other) for other in _joint_speakers(resolver, subject, speaker)]
    return _dedupe(out)


def _joint_speakers(resolver: SpeakerResolver, subj: Token | None, first: Speaker | None) -> list[Speaker]:
    """ "Ana Ruiz and Tom Osei have both said ...": each named person conjoined with the speaker
    said the words too, so the quote is listed once per speaker."""
    if subj is None or first is None or first.type != "person":
        return []
    head = subj
    while head.dep_ == "appos" and head.head is not head:
        head = head.head  # "Minister of Energy, Tom Osei, and ...": the conjunction hangs on the role
    named = [head, subj, *(c for c in subj.children if c.dep_ == "appos")]  # "Head of X, Ana Ruiz, and"
    named += such_as_names(subj)  # "critics, such as Ana Ruiz and Tom Osei, said": each of them
    out: list[Speaker] = []
    for tok in (t for n in named for t in n.conjuncts):
        other = resolver.resolve(tok) if tok.i > head.i else None
        if (
            other is not None
            and other.type == "person"
            and other.basis == "explicit"
            and other.name != first.name
            and all(o.name != other.name for o in out)
        ):
            out.append(other)
    return out


def _reporter(ctx: ArticleContext, item: _Item) -> Token | None:
    """ "Marsh suggested they meet again, she said": reported speech whose speech verb is itself
    reported by a later "she said" is the account of that later speaker."""
    cue = item.cue
    if item.kind != "indirect" or cue is None or cue.dep_ != "ccomp" or cue.head.i < cue.i:
        return item.subject
    outer = cue.head
    if not is_cue(outer) or ctx.in_quote(outer) or (subj := subject_of(outer)) is None or subj.i < cue.i:
        return item.subject
    return subj


def _introduced(doc: Doc, ctx: ArticleContext, resolver: SpeakerResolver, item: _Item) -> Speaker | None:
    """ "Senator Ana Ruiz issued a statement. 'Like many voters, I am disappointed ...'": a quote
    standing alone goes to the person the sentence before it is about (the subject of its main
    clause), when that person is newer than the last attribution; otherwise it is a follow-on."""
    sent = ctx.sent_of[item.anchor.i] - 1
    if sent < 0:
        return None
    start, end = ctx.sent_bounds[sent]
    roots = [t for t in doc[start:end] if t.dep_ == "ROOT" and ctx.quote_of[t.i] < 0]
    subj = subject_of(roots[0]) if roots else None
    last = resolver.last()
    if subj is None or ctx.quote_of[subj.i] >= 0 or (last is not None and last.token > subj.i):
        return None
    if ctx.paragraph(subj.idx) < ctx.paragraph(item.start) - 1:
        return None
    speaker = resolver.resolve(subj)
    if speaker is None or speaker.person_key is None or speaker.basis != "explicit":
        return None  # named there, not a pronoun or description to resolve
    return speaker


def _direct_items(doc: Doc, ctx: ArticleContext) -> list[_Item]:
    items = []
    text = ctx.text
    for qi, q in enumerate(ctx.quotes):
        if ctx.is_furniture(q.open):
            continue
        att = attribute_quote(doc, ctx, qi)
        body = q.text(text)
        tokens = ctx.quote_tokens(qi)
        if not len(tokens) or not _is_quote(doc, ctx, qi, body, att):
            continue
        items.append(
            _Item(
                q.start,
                q.end,
                body,
                _kind(text, q.open, q.start),
                doc[tokens.start],
                att.cue,
                att.subject,
                att.standalone,
            )
        )
    return items


def _indirect_items(doc: Doc, ctx: ArticleContext) -> list[_Item]:
    spans = [(q.open, q.close) for q in ctx.quotes]
    starts = [a for a, _ in spans]
    items = []
    for rep in find_indirect(doc, ctx):
        k = bisect_right(starts, rep.end) - 1
        if k >= 0 and spans[k][1] >= rep.start:
            continue  # overlaps a quoted passage: the quote pass has it
        subject = _relayed_subject(rep.cue) or rep.subject
        items.append(
            _Item(rep.start, rep.end, ctx.text[rep.start : rep.end], "indirect", rep.cue, rep.cue, subject)
        )
    return _unique_spans(items)


def _relayed_subject(cue: Token) -> Token | None:
    """ "According to the Daily Courier, Hallam also believes the ferry left early": the source
    only relays; the clause is the view of the named subject of the verb that governs it."""
    if cue.lower_ != "according" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = cue.head
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    subj = subject_of(verb)
    return subj if subj is not None and subj.pos_ == "PROPN" else None


def _unique_spans(items: list[_Item]) -> list[_Item]:
    seen: set[tuple[int, int]] = set()
    out = []
    for item in items:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            out.append(item)
    return out


def _is_quote(doc: Doc, ctx: ArticleContext, qi: int, body: str, att: Attribution) -> bool:
    """Not a scare quote, not the title of a work."""
    words = WORD.findall(body)
    if not words:
        return False
    q = ctx.quotes[qi]
    before = ctx.text[max(0, q.open - 12) : q.open].lower()
    if "so-called" in before or "so called" in before:
        return False
    prev = _previous_word(doc, ctx, qi)
    if _title_case(words, body) and (not att.linked or _names_a_title(prev)):
        return False
    if _title_case(words, body, max_words=None) and (
        _names_a_title(prev) or _names_a_title(_next_word(doc, ctx, qi))
    ):
        return False  # a long named title ("an order named '...'"), or one a work noun follows
    if len(words) > tuning().scare_max_words:
        return True
    if att.cue is None or not att.linked:
        return False
    return not _modifier(doc, ctx, qi) or att.cue.lemma_.lower() in CHARACTERIZING_VERBS


def _names_a_title(prev: Token | None) -> bool:
    """The word before the quote says a name or title follows: a work noun or a naming participle."""
    return prev is not None and (prev.lemma_.lower() in WORK_NOUNS or prev.lower_ in NAMING_WORDS)


def _title_case(words: list[str], body: str, max_words: int | None = -1) -> bool:
    """Every word capitalised but small words: a title or a name. At most ``title_max_words``
    words unless the caller knows from the context that a title is announced (``max_words=None``)."""
    most = tuning().title_max_words if max_words == -1 else max_words
    if len(words) < 2 or (most is not None and len(words) > most) or body.rstrip()[-1:] in ".!?":
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS for w in words)


def _next_word(doc: Doc, ctx: ArticleContext, qi: int) -> Token | None:
    """The word right after the closing mark, when nothing but the mark stands between."""
    tokens = ctx.quote_tokens(qi)
    i = tokens.stop
    while i < len(doc) and doc[i].is_quote:
        i += 1
    return doc[i] if i < len(doc) and doc[i].is_alpha else None


def _previous_word(doc: Doc, ctx: ArticleContext, qi: int) -> Token | None:
    tokens = ctx.quote_tokens(qi)
    i = tokens.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i] if i >= 0 else None


def _modifier(doc: Doc, ctx: ArticleContext, qi: int) -> bool:
    """'a "zero tolerance" policy': the quoted words modify a noun of the writer's."""
    tokens = ctx.quote_tokens(qi)
    inside = set(tokens)
    roots = [doc[i] for i in tokens if not doc[i].is_punct and doc[i].head.i not in inside]
    return bool(roots) and all(
        r.dep_ in ("amod", "compound", "nmod", "poss") and r.head.i > r.i and r.head.pos_ in ("NOUN", "PROPN")
        for r in roots
    )


def _kind(text: str, open_: int, start: int) -> QuoteKind:
    """Direct when the quote opens a sentence with a capital; partial when it is a fragment
    embedded in the writer's sentence."""
    first = text[start : start + 1]
    i = open_ - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    prev = text[i] if i >= 0 else "\n"
    if prev in "”’\"'" and i > 0 and text[i - 1] in ".!?":
        prev = "."  # the previous quote ended its sentence: 'called it "a fraud." "You stole ...'
    if (first.isupper() or first.isdigit() or first in "[‘'\"“") and (
        prev in SENTENCE_OPENERS or prev == ","
    ):
        return "direct"
    return "partial"


def _fact(doc: Doc, item: _Item, speaker: Speaker | None) -> QuoteFact:
    span = ArticleContext.of(doc).span(item.start, item.end)
    cue = None
    if item.cue is not None:
        cue = "according to" if item.cue.lower_ == "according" else item.cue.text
    topics = classify(f"{item.text} {span.sentence or ''}")
    return QuoteFact(text=item.text, kind=item.kind, speaker=speaker, span=span, topics=topics, cue=cue)


def _dedupe(quotes: list[QuoteFact]) -> list[QuoteFact]:
    """One quote per words and speaker (a headline repeating the body counts once); a copy
    without a speaker gives way to one with."""
    by_key: dict[str, list[QuoteFact]] = {}
    out: list[QuoteFact] = []
    for quote in quotes:
        k = quote_key(quote.text)
        same = by_key.setdefault(k, [])
        if any(_speaker_name(o) == _speaker_name(quote) or quote.speaker is None for o in same):
            continue
        for other in [o for o in same if o.speaker is None]:
            out.remove(other)
            same.remove(other)
        same.append(quote)
        out.append(quote)
    return out


def _speaker_name(quote: QuoteFact) -> str | None:
    return quote.speaker.name if quote.speaker else None
