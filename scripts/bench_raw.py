"""The baseline a user could write instead of this project: a bare ASGI app, one DB-API connection
per process (sqlite3, or psycopg on PostgreSQL) and orjson, answering the same questions with the
same JSON the project gives, field for field (scripts/bench_inprocess_raw.py --check compares the
bodies, and a test runs it). No framework, no validation beyond what the queries need, no error
handling, no ETag or Link header.

Like with like:
- the total is counted up to the project's own cap (``KB_TOTAL_CAP``, read through the project's
  settings): with a larger cap the baseline did more counting work than the project and the ratio
  measured the cap, not the code; and, as the project, a first page that holds every match is its
  own total (no count);
- the items carry every field the project's do (a quote's speaker basis and publication date; a
  figure's range, restated figure, conflicts and publication date; booleans as booleans; the
  next page as ``next_cursor`` in the project's encoding): with fewer, the baseline read fewer
  columns and made one query fewer per figures page, and the ratio measured the missing fields;
- ``topic`` matches the topic and its descendants (app.taxonomy), as the project's does.

    KB_DATABASE_URL=sqlite:///big.sqlite3 uvicorn scripts.bench_raw:app --workers 2
"""

from __future__ import annotations

import base64
import os
import re
import sqlite3
import time
from urllib.parse import parse_qs

import orjson

from app.settings import Settings
from app.taxonomy import descendants

URL = os.environ.get("KB_DATABASE_URL", "sqlite:///./kb.sqlite3")
SQLITE = URL.startswith("sqlite")
CAP = Settings(database_url=URL).total_cap
_conn = None
_totals: dict = {}


def connect():
    global _conn
    if _conn is None:
        if SQLITE:
            _conn = sqlite3.connect(URL.split("///", 1)[1], check_same_thread=False)
            _conn.execute("PRAGMA query_only=1")
        else:
            import psycopg

            _conn = psycopg.connect(URL.replace("postgresql+psycopg", "postgresql"), autocommit=True)
    return _conn


def rows(sql: str, params: dict | None = None) -> list[tuple]:
    if not SQLITE:
        sql = re.sub(r":(\w+)", r"%(\1)s", sql)
    cur = connect().execute(sql, params or {})
    return cur.fetchall()


def ids_in(ids: list[int]) -> str:
    return "(" + ",".join(str(int(i)) for i in ids) + ")" if ids else "(NULL)"


def evidence(fact_type: str, ids: list[int]) -> dict[int, list[dict]]:
    """Evidence with its source's title, publisher, published_at and url (the page's sources in a
    second query, as the project does)."""
    out: dict[int, list[dict]] = {i: [] for i in ids}
    found = rows(
        "SELECT fact_id, source_id, start_char, end_char, text, sentence FROM evidence "
        f"WHERE fact_type = :ft AND fact_id IN {ids_in(ids)} ORDER BY fact_id, source_id, start_char",
        {"ft": fact_type},
    )
    cite = {
        sid: {"title": title, "publisher": publisher, "published_at": published, "url": url}
        for sid, title, publisher, published, url in rows(
            "SELECT id, title, publisher, published_at, url FROM sources "
            f"WHERE id IN {ids_in(sorted({r[1] for r in found}))}"
        )
    }
    for fid, sid, start, end, text, sentence in found:
        out[fid].append(
            {"source_id": sid, "start": start, "end": end, "text": text, "sentence": sentence, **cite[sid]}
        )
    return out


def topics(table: str, column: str, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    for fid, slug in rows(
        f"SELECT {column}, topic_slug FROM {table} WHERE {column} IN {ids_in(ids)} ORDER BY 1, 2"
    ):
        out[fid].append(slug)
    return out


def topic_in(qs: dict, params: dict) -> str:
    """``IN (:t0, ...)``: the topic and its descendants, bound into ``params``."""
    slugs = sorted(descendants(qs["topic"][0]))
    params.update({f"t{i}": slug for i, slug in enumerate(slugs)})
    return "IN (" + ", ".join(f":t{i}" for i in range(len(slugs))) + ")"


def cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"id:{last_id}".encode()).decode().rstrip("=")


def page(table: str, columns: str, ids: str | None, members: str | None, params: dict, qs: dict, total=None):
    """A keyset page: ``ids`` yields matching ids in order after ``:after`` (None: the whole table).
    The total, remembered for 5 s like the project's, is ``total()`` (a (count, exact) pair) or
    else ``members`` counted up to the cap (no members: the whole table, exactly)."""
    limit = int(qs.get("limit", ["50"])[0])
    after = int(qs.get("after", ["0"])[0])
    p = {**params, "after": after, "lim": limit + 1}
    if ids is None:
        found = rows(f"SELECT {columns} FROM {table} t WHERE t.id > :after ORDER BY t.id LIMIT :lim", p)
    else:
        found = rows(f"SELECT {columns} FROM {table} t WHERE t.id IN ({ids} LIMIT :lim) ORDER BY t.id", p)
    more = len(found) > limit
    found = found[:limit]
    if after == 0 and not more:
        n, exact = len(found), True
    else:
        key = (table, members, tuple(sorted(params.items())))
        hit = _totals.get(key)
        if hit is None or time.monotonic() - hit[0] > 5:
            hit = _totals[key] = (time.monotonic(), (total or (lambda: capped(table, members, params)))())
        n, exact = hit[1]
    return found, {"total": n, "total_exact": exact, "next_cursor": cursor(found[-1][0]) if more else None}


def capped(table: str, members: str | None, params: dict) -> tuple[int, bool]:
    if members is None:
        return rows(f"SELECT count(*) FROM {table}")[0][0], True
    n = rows(f"SELECT count(*) FROM ({members} LIMIT {CAP + 1}) c", params)[0][0]
    return min(n, CAP), n <= CAP


def quote_items(found: list[tuple]) -> list[dict]:
    ids = [r[0] for r in found]
    ev, tp = evidence("quote", ids), topics("quote_topics", "quote_id", ids)
    names = dict(rows(f"SELECT id, name FROM people WHERE id IN {ids_in([r[3] for r in found if r[3]])}"))
    return [
        {
            "id": qid,
            "text": text,
            "kind": kind,
            "speaker": {"id": pid, "name": names.get(pid, sname), "type": stype or "person", "basis": basis}
            if pid is not None or sname is not None
            else None,
            "topics": tp[qid],
            "published_date": published,  # ISO text on SQLite; orjson writes a PostgreSQL date the same
            "evidence": ev[qid],
        }
        for qid, text, kind, pid, sname, stype, basis, published in found
    ]


QUOTE_COLS = (
    "t.id, t.text, t.kind, t.speaker_person_id, t.speaker_name, t.speaker_type, t.speaker_basis, "
    "t.published_date"
)


def quotes(qs: dict) -> dict:
    ids = members = None
    params: dict = {}
    if "speaker" in qs:
        key = {"k": qs["speaker"][0].lower()}
        pids = ids_in([r[0] for r in rows("SELECT person_id FROM person_aliases WHERE alias_key = :k", key)])
        members = f"SELECT id FROM quotes WHERE speaker_person_id IN {pids}"
        ids = f"{members} AND id > :after ORDER BY id"
    elif "topic" in qs:
        members = f"SELECT quote_id FROM quote_topics WHERE topic_slug {topic_in(qs, params)}"
        ids = f"{members} AND quote_id > :after ORDER BY quote_id"
    elif "q" in qs:
        words = re.findall(r"\w+", qs["q"][0].lower())
        if SQLITE:
            members = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :q"
            ids = f"{members} AND rowid > :after ORDER BY rowid"
            params["q"] = " ".join(f'"{w}"' for w in words)
        else:
            members = "SELECT id FROM quotes WHERE search @@ plainto_tsquery('simple', :q)"
            ids = f"{members} AND id > :after ORDER BY id"
            params["q"] = " ".join(words)
    found, meta = page("quotes", QUOTE_COLS, ids, members, params, qs)
    return {"items": quote_items(found), **meta}


def quote(qid: int) -> dict:
    return quote_items(rows(f"SELECT {QUOTE_COLS} FROM quotes t WHERE t.id = :id", {"id": qid}))[0]


FIGURE_COLS = (
    "t.id, t.text, t.value, t.unit, t.measure, t.period, t.approximate, t.qualifier, t.is_change, "
    "t.range_low, t.range_high, t.restates_id, t.published_date"
)


def figures(qs: dict) -> dict:
    params = {"v": float(qs["min_value"][0])}
    members = (
        "SELECT ft.figure_id FROM figure_topics ft JOIN figures f ON f.id = ft.figure_id "
        f"WHERE ft.topic_slug {topic_in(qs, params)} AND f.value >= :v"
    )
    ordered = f"{members} AND ft.figure_id > :after ORDER BY ft.figure_id"
    on_topic = f"SELECT figure_id FROM figure_topics WHERE topic_slug {topic_in(qs, params)}"

    def total() -> tuple[int, bool]:
        """As the project counts two filters: the figures above the value among the first 2 * cap
        on the topic (a lower bound when the topic has more)."""
        window = f"SELECT id FROM figures WHERE id IN ({on_topic} LIMIT {2 * CAP}) AND value >= :v"
        n = rows(f"SELECT count(*) FROM ({window} LIMIT {CAP + 1}) c", params)[0][0]
        if n > CAP:
            return CAP, False
        return n, rows(f"SELECT count(*) FROM ({on_topic} LIMIT {2 * CAP + 1}) c", params)[0][0] <= 2 * CAP

    found, meta = page("figures", FIGURE_COLS, ordered, members, params, qs, total)
    ids = [r[0] for r in found]
    ev, tp = evidence("figure", ids), topics("figure_topics", "figure_id", ids)
    conflicts: dict[int, list[int]] = {}
    for fid, other in rows(
        f"SELECT figure_id, other_id FROM figure_conflicts WHERE figure_id IN {ids_in(ids)} ORDER BY 1, 2"
    ):
        conflicts.setdefault(fid, []).append(other)
    items = [
        {"id": fid, "text": text, "value": value, "unit": unit, "measure": measure, "period": period,
         "approximate": bool(approximate), "qualifier": qualifier, "is_change": bool(is_change),
         "range_low": low, "range_high": high, "restates": restates, "topics": tp[fid],
         "conflicts_with": conflicts.get(fid, []), "published_date": published, "evidence": ev[fid]}
        for fid, text, value, unit, measure, period, approximate, qualifier, is_change, low, high, restates,
        published in found
    ]  # fmt: skip
    return {"items": items, **meta}


def people(qs: dict) -> dict:
    members = "SELECT person_id FROM person_aliases WHERE alias_key = :k"
    ids = f"{members} AND person_id > :after ORDER BY person_id"
    cols = "t.id, t.name, t.title, t.affiliation"
    found, meta = page("people", cols, ids, members, {"k": qs["name"][0].lower()}, qs)
    ids = ids_in([r[0] for r in found])
    aliases: dict[int, list[str]] = {}
    for pid, alias in rows(
        f"SELECT person_id, alias FROM person_aliases WHERE person_id IN {ids} ORDER BY 1, id"
    ):
        aliases.setdefault(pid, []).append(alias)
    quotes_n = dict(
        rows(f"SELECT speaker_person_id, count(*) FROM quotes WHERE speaker_person_id IN {ids} GROUP BY 1")
    )
    mentions = dict(
        rows(
            "SELECT fact_id, count(*) FROM evidence "
            f"WHERE fact_type = 'person' AND fact_id IN {ids} GROUP BY 1"
        )
    )
    items = [
        {"id": pid, "name": name, "aliases": [a for a in aliases.get(pid, []) if a != name], "title": title,
         "affiliation": aff, "quote_count": quotes_n.get(pid, 0), "mention_count": mentions.get(pid, 0)}
        for pid, name, title, aff in found
    ]  # fmt: skip
    return {"items": items, **meta}


ROUTES = {"/quotes": quotes, "/figures": figures, "/people": people}


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    path = scope["path"]
    qs = parse_qs(scope["query_string"].decode())
    body = quote(int(path.rsplit("/", 1)[1])) if path.startswith("/quotes/") else ROUTES[path](qs)
    payload = orjson.dumps(body)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
