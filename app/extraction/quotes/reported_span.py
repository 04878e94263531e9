"""The span of a reported clause: trimmed the way gold/SCHEMA.md asks ("that", "But", edge
punctuation, a dangling subordinator), never over an unpaired quote mark or a quotation."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.text.context import ArticleContext
from app.lexicon import words_of
from app.tuning import tuning

# A span cut before a quotation must not end on the word that introduced it ("... to charity after").
DANGLING_SUBORDINATORS = words_of("after before because when while since until unless although though")
DOUBLE_MARKS = frozenset(['"', "“", "”"])
EDGE_TOKENS = frozenset(
    [",", ".", ";", ":", "—", "–", "-", "--", '"', "'", "“", "”", "‘", "’", "(", ")", "…"]
)
EDGE_PUNCT = " ,.;:—–-\"'“”‘’()"
LEADING_DROP = words_of("that but and however")


@dataclass
class Reported:
    start: int  # character offsets of the reported text
    end: int
    cue: Token
    subject: Token | None


def _before_unpaired_mark(doc: Doc, lo: int, hi: int) -> int:
    """A double quote mark without its partner inside the span is the edge of a quotation the
    quote pass could not pair; reported text stops before it, never runs into the quoted words."""
    marks = [i for i in range(lo, hi) if doc[i].text in DOUBLE_MARKS]
    return marks[0] if len(marks) % 2 else hi


def emit_span(doc: Doc, ctx: ArticleContext, toks: range, cue: Token, subj: Token | None) -> list[Reported]:
    """Offsets of the reported text, trimmed of a leading "that"/"But" and edge punctuation."""
    lo, hi = toks.start, toks.stop
    while lo < hi and (
        doc[lo].text in EDGE_TOKENS
        or doc[lo].is_space
        or doc[lo].lower_ in LEADING_DROP
        or ctx.is_furniture(doc[lo].idx)
    ):
        lo += 1
    while hi > lo and (
        doc[hi - 1].text in EDGE_TOKENS
        or doc[hi - 1].is_space
        or doc[hi - 1].dep_ == "cc"
        or doc[hi - 1].lower_ in DANGLING_SUBORDINATORS
    ):
        hi -= 1  # ("%" is punctuation to spaCy, but "rose 1.5%" keeps it)
    cut = _before_unpaired_mark(doc, lo, hi)
    if cut < hi and lo <= cue.i < cut:
        return []  # 'Of the plan, he said, "...': what is left is the attribution itself
    hi = cut
    if hi - lo < tuning().indirect_min_tokens or any(ctx.quote_of[i] >= 0 for i in range(lo, hi)):
        return []
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    text = ctx.text
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    return [Reported(start, end, cue, subj)] if end > start else []
