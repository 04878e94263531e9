"""Build evidence spans from character offsets, so every fact reproduces from the stored text."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from app.extraction.types import Span


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("kb_text")
    if text is None:
        text = doc.user_data["kb_text"] = doc.text
    return text


def span_at(doc: Doc, start: int, end: int) -> Span:
    """Evidence for ``doc.text[start:end]``, with the sentence(s) it lies in."""
    text = doc_text(doc)
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(end - 1, start), max(end, start + 1), alignment_mode="expand")
    if first is not None and last is not None:
        s_start = first[0].sent.start_char
        s_end = last[-1].sent.end_char
    else:
        s_start, s_end = start, end
    s_start, s_end = min(s_start, start), max(s_end, end)
    return Span(
        start=start, end=end, text=text[start:end], sentence=text[s_start:s_end], sentence_start=s_start
    )


def span_of(span: SpacySpan) -> Span:
    return span_at(span.doc, span.start_char, span.end_char)
