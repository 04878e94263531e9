"""The baseline a user could write instead of this project: a bare ASGI app, one DB-API connection
per process (sqlite3, or psycopg on PostgreSQL) and orjson, answering the same questions with the
same JSON the project gives (items with evidence, topics and speaker; a total capped like the
project's). No framework, no validation beyond what the queries need, no error handling.

The total is counted up to the project's own cap (``KB_TOTAL_CAP``, read through the project's
settings): with a larger cap the baseline did more counting work than the project and the ratio
measured the cap, not the code.

    KB_DATABASE_URL=sqlite:///big.sqlite3 uvicorn scripts.bench_raw:app --workers 2
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from urllib.parse import parse_qs

import orjson

from app.settings import Settings

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
    for fid, slug in rows(f"SELECT {column}, topic_slug FROM {table} WHERE {column} IN {ids_in(ids)}"):
        out[fid].append(slug)
    return out


def page(table: str, columns: str, ids: str | None, members: str | None, params: dict, qs: dict):
    """A keyset page: ``ids`` yields matching ids in order after ``:after`` (None: the whole table);
    the total counts ``members`` up to the cap, remembered for 5 s like the project's."""
    limit = int(qs.get("limit", ["50"])[0])
    after = int(qs.get("after", ["0"])[0])
    p = {**params, "after": after, "lim": limit + 1}
    if ids is None:
        found = rows(f"SELECT {columns} FROM {table} t WHERE t.id > :after ORDER BY t.id LIMIT :lim", p)
    else:
        found = rows(f"SELECT {columns} FROM {table} t WHERE t.id IN ({ids} LIMIT :lim) ORDER BY t.id", p)
    key = (table, members, tuple(sorted(params.items())))
    hit = _totals.get(key)
    if hit is None or time.monotonic() - hit[0] > 5:
        sql = (
            f"SELECT count(*) FROM ({members} LIMIT {CAP + 1}) c"
            if members
            else f"SELECT count(*) FROM {table}"
        )
        hit = _totals[key] = (time.monotonic(), rows(sql, params)[0][0])
    n = hit[1]
    more = len(found) > limit
    found = found[:limit]
    meta = {"total": min(n, CAP), "total_exact": n <= CAP, "next_after": found[-1][0] if more else None}
    return found, meta


def quote_items(found: list[tuple]) -> list[dict]:
    ids = [r[0] for r in found]
    ev, tp = evidence("quote", ids), topics("quote_topics", "quote_id", ids)
    names = dict(rows(f"SELECT id, name FROM people WHERE id IN {ids_in([r[3] for r in found if r[3]])}"))
    return [
        {
            "id": qid,
            "text": text,
            "kind": kind,
            "speaker": {"id": pid, "name": names.get(pid, sname), "type": stype or "person"},
            "topics": tp[qid],
            "evidence": ev[qid],
        }
        for qid, text, kind, pid, sname, stype in found
    ]


QUOTE_COLS = "t.id, t.text, t.kind, t.speaker_person_id, t.speaker_name, t.speaker_type"


def quotes(qs: dict) -> dict:
    ids = members = None
    params: dict = {}
    if "speaker" in qs:
        key = {"k": qs["speaker"][0].lower()}
        pids = ids_in([r[0] for r in rows("SELECT person_id FROM person_aliases WHERE alias_key = :k", key)])
        members = f"SELECT id FROM quotes WHERE speaker_person_id IN {pids}"
        ids = f"{members} AND id > :after ORDER BY id"
    elif "topic" in qs:
        members = "SELECT quote_id FROM quote_topics WHERE topic_slug = :topic"
        ids = f"{members} AND quote_id > :after ORDER BY quote_id"
        params["topic"] = qs["topic"][0]
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


def figures(qs: dict) -> dict:
    params = {"topic": qs["topic"][0], "v": float(qs["min_value"][0])}
    cols = "t.id, t.text, t.value, t.unit, t.measure, t.period, t.approximate, t.qualifier, t.is_change"
    members = (
        "SELECT ft.figure_id FROM figure_topics ft JOIN figures f ON f.id = ft.figure_id "
        "WHERE ft.topic_slug = :topic AND f.value >= :v"
    )
    found, meta = page(
        "figures", cols, f"{members} AND ft.figure_id > :after ORDER BY ft.figure_id", members, params, qs
    )
    ids = [r[0] for r in found]
    ev, tp = evidence("figure", ids), topics("figure_topics", "figure_id", ids)
    keys = ("id", "text", "value", "unit", "measure", "period", "approximate", "qualifier", "is_change")
    items = [{**dict(zip(keys, r, strict=True)), "topics": tp[r[0]], "evidence": ev[r[0]]} for r in found]
    return {"items": items, **meta}


def people(qs: dict) -> dict:
    members = "SELECT person_id FROM person_aliases WHERE alias_key = :k"
    ids = f"{members} AND person_id > :after ORDER BY person_id"
    cols = "t.id, t.name, t.title, t.affiliation"
    found, meta = page("people", cols, ids, members, {"k": qs["name"][0].lower()}, qs)
    ids = ids_in([r[0] for r in found])
    aliases: dict[int, list[str]] = {}
    for pid, alias in rows(f"SELECT person_id, alias FROM person_aliases WHERE person_id IN {ids}"):
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
