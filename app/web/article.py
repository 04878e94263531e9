"""The article page's two halves: the text with its facts marked up, and the list of those facts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from app.web import marks
from app.web.render import number

KINDS = ("quote", "person", "figure", "event")
JSON_PATH = {"quote": "/quotes", "person": "/people", "figure": "/figures", "event": "/events"}
HEADINGS = {"quote": "Quotes", "person": "People", "figure": "Figures", "event": "Events"}


def label(fact: dict[str, Any]) -> str:
    """What a fact is, in a few words (the mark's tooltip and the side list's line)."""
    kind = fact["kind"]
    if kind == "quote":
        return f"{fact.get('quote_kind') or ''} quote by {fact.get('speaker') or 'unknown speaker'}".strip()
    if kind == "figure":
        what = fact.get("measure") or "figure"
        unit = fact.get("unit") or ""
        period = f" ({fact['period']})" if fact.get("period") else ""
        return f"{what}: {number(fact.get('value'))} {unit}{period}".strip()
    if kind == "person":
        title = f", {fact['title']}" if fact.get("title") else ""
        return f"{fact.get('name') or fact['text']}{title}"
    when = ""
    if fact.get("date_start"):
        when = f" ({str(fact['date_start'])[:10]}, {fact.get('date_precision')})"
    return f"{fact.get('summary') or fact['text']}{when}"


def marked_text(text: str, facts: Iterable[dict[str, Any]]) -> Markup:
    spans = [marks.Span(f["start"], f["end"], f["kind"], f["id"], label(f)) for f in facts]
    return marks.render(text, spans)


def side_list(facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per fact (its first occurrence), grouped by kind in KINDS order."""
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    for f in facts:
        key = (f["kind"], f["id"])
        if key in seen:
            seen[key]["occurrences"] += 1
            continue
        seen[key] = {
            "kind": f["kind"],
            "id": f["id"],
            "text": f["text"],
            "label": label(f),
            "json": f"{JSON_PATH.get(f['kind'], '')}/{f['id']}",
            "page": _page(f),
            "occurrences": 1,
        }
    groups = []
    for kind in KINDS:
        entries = [e for (k, _), e in seen.items() if k == kind]
        if entries:
            groups.append({"kind": kind, "heading": HEADINGS[kind], "facts": entries})
    return groups


def _page(fact: dict[str, Any]) -> str | None:
    """The explorer page that tells more about a fact, where there is one."""
    if fact["kind"] == "person":
        return f"/explore/people/{fact['id']}"
    if fact["kind"] == "quote" and fact.get("speaker_id"):
        return f"/explore/people/{fact['speaker_id']}"
    if fact["kind"] == "figure":
        return f"/explore/figures/{fact['id']}"
    return None
