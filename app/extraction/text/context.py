"""Per-article facts every extractor needs, computed once per parsed document.

Which tokens are inside quote marks, which are page furniture, which paragraph and sentence a token
is in, the document's text: people, speakers, quotes, figures and events all ask these questions,
often per token, so they are precomputed into arrays (linear in the article) and cached on the Doc.
:class:`ArticleContext` is the one owner of per-document caches; nothing else writes
``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.text.furniture import RangeSet, furniture_ranges
from app.extraction.text.quote_marks import QuoteSpan, find_quotes, paragraphs
from app.extraction.text.spans import evidence
from app.extraction.types import Span

CACHE_KEY = "kb_article_context"


@dataclass
class ArticleContext:
    doc: Doc
    text: str  # doc.text, which spaCy rebuilds from the tokens on every access
    quotes: list[QuoteSpan]
    quote_of: list[int]  # per token: index into quotes, or -1
    furniture: RangeSet
    para_starts: list[int]
    sent_of: list[int]  # per token: sentence number
    sent_bounds: list[tuple[int, int]]  # per sentence: (first token, token after the last)
    _by_text: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> ArticleContext:
        cached = doc.user_data.get(CACHE_KEY)
        if isinstance(cached, ArticleContext):
            return cached
        ctx = cls._build(doc)
        doc.user_data[CACHE_KEY] = ctx
        return ctx

    @classmethod
    def _build(cls, doc: Doc) -> ArticleContext:
        text = doc.text  # spaCy rebuilds this from the tokens on every access: read it once
        quotes = find_quotes(text)
        quote_of = [-1] * len(doc)
        k = 0
        for tok in doc:
            while k < len(quotes) and quotes[k].close < tok.idx:
                k += 1
            if k < len(quotes) and quotes[k].open <= tok.idx <= quotes[k].close:
                quote_of[tok.i] = k
        sent_bounds = _sentences(doc)
        sent_of = [0] * len(doc)
        for n, (a, b) in enumerate(sent_bounds):
            for i in range(a, b):
                sent_of[i] = n
        para_starts = [a for a, _ in paragraphs(text)]
        return cls(
            doc, text, quotes, quote_of, RangeSet(furniture_ranges(text)), para_starts, sent_of, sent_bounds
        )

    def in_quote(self, tok: Token) -> bool:
        return self.quote_of[tok.i] >= 0

    def is_furniture(self, offset: int) -> bool:
        return offset in self.furniture

    def token_at(self, offset: int) -> Token | None:
        """The token covering (or nearest after) a character offset."""
        span = self.doc.char_span(offset, min(offset + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def quote_tokens(self, qi: int) -> range:
        """Token range of quote ``qi`` (marks included), found from its first and last offsets."""
        q = self.quotes[qi]
        first = self.token_at(q.open)
        last = (
            self.token_at(max(q.close - 1, q.open)) if q.close >= len(self.text) else self.token_at(q.close)
        )
        if first is None or last is None:
            return range(0)
        return range(first.i, last.i + 1)

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]`` with its sentence(s), cut at paragraph breaks."""
        first, last = self.token_at(start), self.token_at(max(end - 1, start))
        sentence = None
        if first is not None and last is not None and self.sent_bounds:
            a = self.sent_bounds[self.sent_of[first.i]][0]
            b = self.sent_bounds[self.sent_of[last.i]][1] - 1
            sentence = (self.doc[a].idx, self.doc[b].idx + len(self.doc[b].text))
        return evidence(self.text, start, end, sentence)

    def tokens_with_text(self, word: str) -> list[int]:
        """Indices of the tokens spelled ``word``, from an index built once."""
        if self._by_text is None:
            index: dict[str, list[int]] = {}
            for tok in self.doc:
                index.setdefault(tok.text, []).append(tok.i)
            self._by_text = index
        return self._by_text.get(word, [])

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's sentences, cut again at paragraph breaks, which the parser sometimes runs over
    ('...?"' and the next paragraph's first sentence as one)."""
    if not len(doc):
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [(0, len(doc))]  # a pipeline without a parser: one sentence, nothing crashes
    out = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.i + 1 < sent.end:
                out.append((start, tok.i + 1))
                start = tok.i + 1
        out.append((start, sent.end))
    return [(a, b) for a, b in out if b > a]


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per document (spaCy joins every token on each access)."""
    return ArticleContext.of(doc).text


def span_at(doc: Doc, start: int, end: int) -> Span:
    """Evidence for ``doc.text[start:end]``: see :meth:`ArticleContext.span`."""
    return ArticleContext.of(doc).span(start, end)
