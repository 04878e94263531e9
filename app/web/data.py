"""What each explorer page reads, through the same query layer as the JSON API.

This is the one module of :mod:`app.web` that calls into :mod:`app.queries` (the list modules'
filters, pages and ``to_items``, and the page-only queries of :mod:`app.queries.pages`), so a
change to those seams is adapted here alone. It returns plain dicts and lists; turning them into
HTML is :mod:`app.web.routes`'s job. No HTTP calls to the API, no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.queries import events, figures, pages, paging, people, quotes, sources
from app.queries.common import InvalidParameter
from app.queries.database import DatabaseError, ReadDatabase
from app.web.forms import EventForm, FigureForm, PeopleForm, QuoteForm, SourceForm

__all__ = ["DatabaseError", "InvalidParameter"]

PAGE_SIZE = 50
PERSON_PAGE_SIZE = 50
SOURCE_FIELDS = ("id", "title", "publisher", "published_at", "url")

# Quotes are filtered by how their speaker was found where the API declares the filter.
BASIS_FILTER = "basis" in quotes.RESOURCE.filter_names

# The JSON endpoint's parameters each page shares (its JSON and CSV links carry just these).
QUOTE_PARAMS = ("speaker", "kind", "topic", "q", *(("basis",) if BASIS_FILTER else ()),
                "published_from", "published_to")  # fmt: skip
PEOPLE_PARAMS = ("name", "q")
FIGURE_PARAMS = ("topic", "unit", "min_value", "max_value", "q", "conflicting")
EVENT_PARAMS = ("date_from", "date_to", "participant", "q")
SOURCE_PARAMS = ("publisher", "date_from", "date_to")


@dataclass
class Listing:
    items: list[dict]
    total: int | None
    total_exact: bool
    next_cursor: str | None


def overview(db: ReadDatabase) -> dict[str, Any]:
    """The home page: how much there is, the latest articles, the outlets."""
    rows, _ = pages.by_date(
        db, sources.TABLE, sources.COLUMNS, "published_date", [], {},
        newest_first=True, cursor=None, limit=8,
    )  # fmt: skip
    return {
        "counts": pages.table_counts(db),
        "latest": [sources.to_item(r) for r in rows],
        "publishers": pages.publishers(db),
    }


def search_quotes(db: ReadDatabase, form: QuoteForm, total_cap: int) -> Listing:
    values: dict[str, Any] = {
        "speaker": form.speaker,
        "kind": form.kind,
        "topic": form.topic,
        "q": form.q,
        "published_from": form.published_from,
        "published_to": form.published_to,
    }
    if BASIS_FILTER:
        values["basis"] = form.basis
    items, pg = paging.list_page(db, quotes.RESOURCE, values, form.cursor, PAGE_SIZE, total_cap)
    speakers = pages.person_briefs(db, [q["speaker"]["id"] for q in items if (q["speaker"] or {}).get("id")])
    for item in items:
        if item["speaker"] and item["speaker"]["id"] in speakers:
            item["speaker"] = {**item["speaker"], **_role(speakers[item["speaker"]["id"]])}
    _cite(db, items)
    return Listing(items, pg.total, pg.total_exact, pg.next_cursor)


def people_named(db: ReadDatabase, name: str, limit: int = 5) -> list[dict]:
    """People going by ``name`` (any alias, any case): offered beside a word search."""
    try:
        found, _ = paging.list_page(db, people.RESOURCE, {"name": name}, None, limit, limit)
    except InvalidParameter:
        return []
    return found


def list_people(db: ReadDatabase, form: PeopleForm, total_cap: int) -> Listing:
    values = {"name": form.name, "q": form.q}
    items, pg = paging.list_page(db, people.RESOURCE, values, form.cursor, PAGE_SIZE, total_cap)
    return Listing(items, pg.total, pg.total_exact, pg.next_cursor)


def person(db: ReadDatabase, person_id: int, before: int | None) -> dict | None:
    """A person with a page of their quotes grouped by article, co-speakers and where they are named."""
    rows = pages.rows_by_ids(db, people.TABLE, people.COLUMNS, [person_id])
    if not rows:
        return None
    found = people.to_items(db, rows)[0]
    quote_rows, next_before = pages.person_quotes(db, person_id, before, PERSON_PAGE_SIZE)
    return {
        **found,
        "articles": _by_article(quote_rows),
        "next_before": next_before,
        "alongside": pages.co_quoted(db, person_id),
        "mentioned_in": pages.mentioned_in(db, person_id),
    }


def quotes_per_month(db: ReadDatabase, person_id: int) -> list[tuple[str, int]] | None:
    """(``YYYY-MM``, quotes) for the person's chart; None when there is no such person."""
    if not pages.rows_by_ids(db, people.TABLE, "t.id", [person_id]):
        return None
    return pages.quotes_per_month(db, person_id)


def _by_article(rows: list[dict]) -> list[dict]:
    """Quote rows grouped by the article carrying them, newest article first."""
    groups: dict[int, dict] = {}
    for r in rows:
        group = groups.setdefault(
            r["source_id"],
            {k: r[k] for k in ("source_id", "title", "publisher", "published_at", "url")} | {"quotes": []},
        )
        group["quotes"].append({"id": r["quote_id"], **{k: r[k] for k in ("text", "kind", "start")}})
    for group in groups.values():
        group["quotes"].sort(key=lambda q: q["start"])
    return sorted(groups.values(), key=lambda g: (g["published_at"] or "", g["source_id"]), reverse=True)


def article(db: ReadDatabase, source_id: int) -> dict | None:
    """A source with its text and every fact found in it (with offsets)."""
    found = sources.get(db, source_id)
    if found is None:
        return None
    return {**found, "facts": pages.source_facts(db, source_id)}


def list_figures(db: ReadDatabase, form: FigureForm, total_cap: int) -> Listing:
    values = {
        "topic": form.topic, "unit": form.unit, "min_value": form.min_value,
        "max_value": form.max_value, "q": form.q, "conflicting": form.conflicting,
    }  # fmt: skip
    items, pg = paging.list_page(db, figures.RESOURCE, values, form.cursor, PAGE_SIZE, total_cap)
    others = _figures_by_id(db, [o for item in items for o in item["conflicts_with"]])
    for item in items:
        item["disputed_by"] = [others[o] for o in item["conflicts_with"] if o in others]
    _cite(db, [*items, *others.values()])
    return Listing(items, pg.total, pg.total_exact, pg.next_cursor)


def figure_with_conflicts(db: ReadDatabase, figure_id: int) -> list[dict] | None:
    """A figure first, then every figure another source gives for the same measure and period."""
    found = _figures_by_id(db, [figure_id]).get(figure_id)
    if found is None:
        return None
    others = _figures_by_id(db, found["conflicts_with"])
    group = [found, *(others[o] for o in found["conflicts_with"] if o in others)]
    _cite(db, group)
    return group


def _figures_by_id(db: ReadDatabase, ids: list[int]) -> dict[int, dict]:
    rows = pages.rows_by_ids(db, figures.TABLE, figures.COLUMNS, ids)
    return {item["id"]: item for item in figures.to_items(db, rows)}


def timeline(db: ReadDatabase, form: EventForm) -> Listing:
    filters = events.RESOURCE.build(
        db,
        {"date_from": form.date_from, "date_to": form.date_to, "participant": form.participant, "q": form.q},
    )
    rows, cursor = pages.by_date(
        db, events.TABLE, events.COLUMNS, "date_start", filters.where, filters.params,
        newest_first=form.order == "newest", cursor=form.cursor, limit=PAGE_SIZE,
    )  # fmt: skip
    items = events.to_items(db, rows)
    other_ids = [o for e in items for o in e["conflicts_with"]]
    other_rows = pages.rows_by_ids(db, events.TABLE, events.COLUMNS, other_ids)
    others = {e["id"]: e for e in events.to_items(db, other_rows)}
    for item in items:
        item["disputed_by"] = [others[o] for o in item["conflicts_with"] if o in others]
    _cite(db, [*items, *others.values()])
    return Listing(items, None, False, cursor)


def list_sources(db: ReadDatabase, form: SourceForm) -> Listing:
    filters = sources.RESOURCE.build(
        db, {"publisher": form.publisher, "date_from": form.date_from, "date_to": form.date_to}
    )
    rows, cursor = pages.by_date(
        db, sources.TABLE, sources.COLUMNS, "published_date", filters.where, filters.params,
        newest_first=True, cursor=form.cursor, limit=PAGE_SIZE,
    )  # fmt: skip
    return Listing([sources.to_item(r) for r in rows], None, False, cursor)


def outlets(db: ReadDatabase) -> list[tuple[str, str, int]]:
    return pages.publishers(db)


def _role(brief: dict) -> dict:
    return {"title": brief.get("title"), "affiliation": brief.get("affiliation")}


def _cite(db: ReadDatabase, items: list[dict]) -> None:
    """Give every evidence entry its source's title, outlet, date and URL (one query in all)."""
    briefs = pages.source_briefs(db, [e["source_id"] for item in items for e in item["evidence"]])
    for item in items:
        for e in item["evidence"]:
            e["source"] = briefs.get(e["source_id"]) or dict.fromkeys(SOURCE_FIELDS, None)
