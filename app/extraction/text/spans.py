"""Evidence spans: a fact's offsets, its exact text and the one sentence around it.

Every fact (quote, person mention, figure, event) gets its evidence from :func:`evidence`, so the
sentence a client reads is built one way: the parser's sentence cut again at paragraph breaks
(by :class:`~app.extraction.text.context.ArticleContext`), trimmed of surrounding whitespace, and
always containing the evidence text itself.
"""

from __future__ import annotations

from app.extraction.types import Span


def evidence(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> Span:
    """Evidence for ``text[start:end]`` inside the sentence ``text[sentence[0]:sentence[1]]``.

    The sentence is widened to contain the evidence (a quote may run over several sentences or
    paragraphs) and trimmed of leading and trailing whitespace, never into the evidence itself.
    """
    s_start, s_end = sentence if sentence is not None else (start, end)
    s_start, s_end = min(s_start, start), max(s_end, end)
    while s_start < start and text[s_start].isspace():
        s_start += 1
    while s_end > end and text[s_end - 1].isspace():
        s_end -= 1
    return Span(start, end, text[start:end], sentence=text[s_start:s_end], sentence_start=s_start)
