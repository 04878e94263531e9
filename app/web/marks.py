"""An article's text with its facts as ``<mark>`` elements at their exact evidence offsets.

Spans overlap in real articles: a person's name inside a quote, a figure inside an event's
sentence, two facts sharing the same words. HTML elements must nest, so:

- a span inside another becomes a ``<mark>`` inside the other's;
- two spans that cross are cut where the first one ends; the piece of the *lower-ranked* kind is
  split (quote > event > figure > person), so a quote's ``<mark>`` always holds its whole text
  unless another quote crosses it; every piece after the first carries the class ``cont``.

The text itself is never changed: removing the tags gives back exactly the stored text, which is
what the offsets index (the page shows it with ``white-space: pre-wrap``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

RANK = {"quote": 4, "event": 3, "figure": 2, "person": 1}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    fact_id: int
    label: str = ""


@dataclass
class _Open:
    span: Span
    end: int


def render(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with one ``<mark>`` (or several nested pieces) per span."""
    heap: list[tuple[int, int, int, int, Span, bool]] = []
    seq = 0
    for span in spans:
        if 0 <= span.start < span.end <= len(text):  # a span outside the text is dropped, not fatal
            heap.append((span.start, -span.end, -RANK.get(span.kind, 0), seq, span, True))
            seq += 1
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[_Open] = []
    pos = 0
    seen: set[tuple[str, int]] = set()

    def emit_to(at: int) -> None:
        nonlocal pos
        if at > pos:
            out.append(str(escape(text[pos:at])))
            pos = at

    def close_until(limit: int) -> None:
        while stack and stack[-1].end <= limit:
            emit_to(stack.pop().end)
            out.append("</mark>")

    while heap:
        start, neg_end, neg_rank, _, span, first = heapq.heappop(heap)
        end = -neg_end
        close_until(start)
        while stack and end > stack[-1].end:  # crosses the innermost open mark
            top = stack[-1]
            if RANK.get(span.kind, 0) > RANK.get(top.span.kind, 0):
                emit_to(start)  # cut the open one here; its rest reopens inside this span
                out.append("</mark>")
                stack.pop()
                seq += 1
                rest = (start, -top.end, -RANK.get(top.span.kind, 0), seq, top.span, False)
                heapq.heappush(heap, rest)
            else:
                seq += 1
                heapq.heappush(heap, (top.end, -end, neg_rank, seq, span, False))
                end = top.end
        emit_to(start)
        out.append(_open_tag(span, first, seen))
        stack.append(_Open(span, end))
    close_until(len(text))
    emit_to(len(text))
    return Markup("".join(out))


def _open_tag(span: Span, first: bool, seen: set[tuple[str, int]]) -> str:
    key = (span.kind, span.fact_id)
    anchor = ""
    if first and key not in seen:  # the first occurrence is the target of the side list's link
        seen.add(key)
        anchor = f' id="{span.kind}-{span.fact_id}"'
    classes = f"fact fact-{span.kind}" + ("" if first else " cont")
    title = f' title="{escape(span.label)}"' if span.label else ""
    return (
        f'<mark class="{classes}"{anchor} data-kind="{span.kind}" '
        f'data-fact="{span.kind}-{span.fact_id}"{title}>'
    )
