"""Read-speed benchmark: the project side by side with raw sqlite3/psycopg + orjson and Datasette.

    python scripts/bench_api.py --quotes 1000000 [--backend sqlite|postgres|both] [--json OUT]

On a synthetic database of N quotes (scripts/synth_corpus.py; made once and reused), each query
is answered in the same run by three servers over the same data: ``kb serve`` (the project), a
bare ASGI app with hand-written SQL returning the same JSON (scripts/bench_raw.py) and Datasette
with the equivalent table filter (facet suggestions off, ``_nocount=1``; SQLite only). wrk drives
each at 1 and 16 keep-alive connections, cycling through a few hundred different parameter values
(so nothing is answered from one cached page). ``--backend both`` measures SQLite and then
PostgreSQL in the same run and ends with their project/raw ratios side by side. The raw baseline
counts totals up to the same ``KB_TOTAL_CAP`` as the project. A benchmark reports; it never
asserts. wrk must be installed (`apt-get install -y wrk` as root); the script says so and stops
before making anything when it is not.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote as urlquote
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.queries.paging import encode_cursor
from app.storage.db import create_script_engine
from scripts import benchlib

DS = "&_size=50&_nocount=1&_nofacet=1"
ENDPOINTS = ["speaker", "topic", "figures", "fulltext", "people", "deep_cursor", "quote_by_id"]


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="sqlite")
    ap.add_argument("--url", help="use this database as is (must hold a synthetic corpus)")
    ap.add_argument("--sqlite-url", help="with --backend both: the SQLite database to use as is")
    ap.add_argument("--postgres-url", help="with --backend both: the PostgreSQL database to use as is")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("KB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    )
    ap.add_argument("--data-dir", default="/tmp/kb-bench")
    ap.add_argument("--workers", type=int, default=2, help="server processes (project and raw)")
    ap.add_argument("--seconds", type=float, default=5.0, help="per measurement")
    ap.add_argument("--rounds", type=int, default=3, help="alternating runs per server (medians reported)")
    ap.add_argument("--connections", default="1,16")
    ap.add_argument("--only", help="comma-separated endpoint names")
    ap.add_argument("--no-datasette", action="store_true")
    ap.add_argument("--json", dest="json_out")
    return ap.parse_args(argv)


def database(args) -> str:
    """The synthetic database's URL, synthesised first if it is not there yet."""
    if args.url:
        return args.url
    name = f"kb_bench_q{args.quotes}_s{args.seed}"
    if args.backend == "sqlite":
        Path(args.data_dir).mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{Path(args.data_dir) / name}.sqlite3"
    else:
        admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(args.pg_url).set(database=name).render_as_string(hide_password=False)
    if quote_count(url) != args.quotes:
        print(f"synthesising {args.quotes:,} quotes into {url} ...", flush=True)
        synth = [sys.executable, str(Path(__file__).with_name("synth_corpus.py"))]
        cmd = [*synth, "--quotes", str(args.quotes), "--seed", str(args.seed), "--url", url, "--quiet"]
        subprocess.run(cmd, check=True)
    return url


def quote_count(url: str) -> int | None:
    engine = create_script_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM quotes")).scalar()
    except Exception:
        return None
    finally:
        engine.dispose()


def samples(url: str, db: str, n: int = 300, seed: int = 7) -> dict[str, list[tuple[str, str, str]]]:
    """Per endpoint, ``n`` (project path, raw path, Datasette path) triples of real parameter values."""
    rng = random.Random(seed)
    engine = create_script_engine(url)
    with engine.connect() as conn:
        max_q = conn.execute(text("SELECT max(id) FROM quotes")).scalar()
        qids = [rng.randint(1, max_q) for _ in range(n)]
        texts = conn.execute(
            text(f"SELECT text FROM quotes WHERE id IN ({','.join(map(str, qids))})")
        ).scalars()
        speakers = conn.execute(
            text(
                "SELECT p.name FROM quotes q JOIN people p ON p.id = q.speaker_person_id "
                f"WHERE q.id IN ({','.join(map(str, qids))})"
            )
        ).scalars()
        values = conn.execute(
            text(
                "SELECT value FROM figures WHERE id IN "
                "(SELECT figure_id FROM figure_topics WHERE topic_slug = 'energy') LIMIT 5000"
            )
        ).scalars()
        names = conn.execute(text("SELECT name FROM people ORDER BY id LIMIT 5000")).scalars()
        texts, speakers, values, names = list(texts), list(speakers), sorted(values), list(names)
    engine.dispose()
    out: dict[str, list] = {k: [] for k in ENDPOINTS}
    for name in speakers[:n]:
        surname = name.split()[-1]
        aliases = f"select person_id from person_aliases where alias_key = '{surname.lower()}'"
        where = f"speaker_person_id in ({aliases})"
        out["speaker"].append(
            (f"/quotes?speaker={surname}", f"/quotes?speaker={surname}", ds(db, "quotes", where))
        )
    where = "id in (select quote_id from quote_topics where topic_slug = 'energy')"
    out["topic"] = [("/quotes?topic=energy", "/quotes?topic=energy", ds(db, "quotes", where))]
    for _ in range(n):
        v = values[int(len(values) * rng.uniform(0.3, 0.97))]
        where = "id in (select figure_id from figure_topics where topic_slug = 'energy')"
        path = "/figures?" + urlencode({"topic": "energy", "min_value": v})
        out["figures"].append((path, path, ds(db, "figures", where) + "&" + urlencode({"value__gte": v})))
    for t in texts:
        words = [w for w in t.lower().split() if len(w) >= 4] or t.lower().split()
        pair = " ".join(rng.sample(words, min(2, len(words))))
        path = "/quotes?" + urlencode({"q": pair})
        out["fulltext"].append((path, path, f"/{db}/quotes.json?" + urlencode({"_search": pair}) + DS))
    for name in rng.sample(names, min(n, len(names))):
        where = f"id in (select person_id from person_aliases where alias_key = '{name.lower()}')"
        path = "/people?" + urlencode({"name": name})
        out["people"].append((path, path, ds(db, "people", where)))
    for _ in range(n):
        after = int(max_q * rng.uniform(0.5, 0.95))
        out["deep_cursor"].append(
            (
                f"/quotes?cursor={encode_cursor(after)}",
                f"/quotes?after={after}",
                f"/{db}/quotes.json?_next={after}{DS}",
            )
        )
    out["quote_by_id"] = [(f"/quotes/{i}", f"/quotes/{i}", f"/{db}/quotes/{i}.json") for i in qids]
    return out


def ds(db: str, table: str, where: str) -> str:
    return f"/{db}/{table}.json?_where={urlquote(where)}{DS}"


def check(servers: dict, triples: list[tuple[str, str, str]]) -> None:
    """The project and the raw endpoint must answer the same JSON, field for field, or the race
    means nothing (scripts/bench_inprocess_raw.py --check compares more paths, in process)."""
    import httpx

    for proj, raw, _ in triples[:3]:
        a = httpx.get(servers["project"].base + proj, timeout=30)
        b = httpx.get(servers["raw"].base + raw, timeout=30)
        if a.status_code != 200 or a.json() != b.json():
            ids_a = [x.get("id") for x in a.json().get("items", [a.json()])]
            ids_b = [x.get("id") for x in b.json().get("items", [b.json()])]
            print(
                f"  WARNING: {proj}: project {a.status_code} {ids_a[:5]} and raw {ids_b[:5]} differ",
            )


def run(args) -> dict:
    url = database(args)
    sqlite = url.startswith("sqlite")
    db_name = Path(make_url(url).database).stem if sqlite else ""
    table = samples(url, db_name)
    names = args.only.split(",") if args.only else ENDPOINTS
    servers = {
        "project": benchlib.start_project(url, args.workers),
        "raw": benchlib.start_raw(url, args.workers),
    }
    if sqlite and not args.no_datasette:
        servers["datasette"] = benchlib.start_datasette(make_url(url).database)
    results = []
    try:
        for name in names:
            check(servers, table[name])
            for conns in [int(c) for c in args.connections.split(",")]:
                results.append(measure(servers, name, table[name], conns, args.seconds, args.rounds))
        rss = servers["project"].rss_mb()
    finally:
        for proc in servers.values():
            proc.stop()
    return {"backend": "sqlite" if sqlite else "postgresql", "quotes": args.quotes, "workers": args.workers,
            "endpoints": results, "rss_mb": rss["total"],
            "rss_largest_process_mb": rss["largest"]}  # fmt: skip


def measure(servers: dict, name: str, triples: list, conns: int, seconds: float, rounds: int = 3) -> dict:
    """Each server in turn, ``rounds`` times (project, raw, project, raw, ...): on a shared machine
    the load of other work drifts over a minute, and alternating short runs puts the project and
    the baseline under the same drift. Requests/s are the medians of the rounds, the ratio the
    median of the per-round ratios; latencies are those of the median round."""
    row: dict = {"name": name, "connections": conns}
    runs: dict[str, list[dict]] = {who: [] for who in servers}
    for who, proc in servers.items():
        benchlib.wrk(proc.base, [t[("project", "raw", "datasette").index(who)] for t in triples], conns, 1)
    for _ in range(rounds):
        for who, proc in servers.items():
            paths = [t[("project", "raw", "datasette").index(who)] for t in triples]
            runs[who].append(benchlib.wrk(proc.base, paths, conns, seconds))
    for who, results in runs.items():
        middle = sorted(results, key=lambda r: r["rps"])[len(results) // 2]
        row[f"{who}_rps"] = round(middle["rps"], 1)
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            row[key if who == "project" else f"{who}_{key}"] = round(middle[key], 2)
        row[f"{who}_errors"] = sum(r["errors"] for r in results)
    ratios = [p["rps"] / r["rps"] for p, r in zip(runs["project"], runs["raw"], strict=True)]
    row["ratio"] = round(statistics.median(ratios), 3)
    row.setdefault("datasette_rps", None)
    print(line(row), flush=True)
    return row


def line(r: dict) -> str:
    ds_rps = r.get("datasette_rps")
    vs_ds = f"{r['project_rps'] / ds_rps:6.1f}x" if ds_rps else "     -"
    ds_txt = f"{ds_rps:9.1f}" if ds_rps else "        -"
    errors = sum(v for k, v in r.items() if k.endswith("_errors"))
    return (
        f"{r['name']:<12} {r['connections']:>3} {r['project_rps']:9.1f} {r['raw_rps']:9.1f} {ds_txt} "
        f"{r['ratio']:6.2f}x {vs_ds} {r['p50_ms']:7.2f} {r['p95_ms']:7.2f} "
        f"{r['p99_ms']:7.2f} {r['raw_p99_ms']:7.2f} {errors:>4}"
    )


HEADER = (
    f"{'endpoint':<12} {'con':>3} {'proj r/s':>9} {'raw r/s':>9} {'ds r/s':>9} {'/raw':>7} {'/ds':>7} "
    f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'raw p99':>7} {'err':>4}"
)


def summary(result: dict) -> None:
    lists = [r for r in result["endpoints"] if r["name"] != "quote_by_id" and r["connections"] == 16]
    if lists:
        print(f"median project/raw at 16 connections: {statistics.median(r['ratio'] for r in lists):.2f}x")
    print(
        f"API resident memory after the run: {result['rss_mb']} MB "
        f"(largest process {result['rss_largest_process_mb']} MB)"
    )


def side_by_side(results: dict[str, dict]) -> None:
    """project/raw per endpoint and connection count, one column per database."""
    names = list(results)
    print(f"\n{'endpoint':<12} {'con':>3} " + " ".join(f"{n + ' /raw':>16}" for n in names))
    rows: dict[tuple, dict] = {}
    for backend, result in results.items():
        for r in result["endpoints"]:
            rows.setdefault((r["name"], r["connections"]), {})[backend] = r
    for (name, conns), by in rows.items():
        cells = []
        for n in names:
            r = by.get(n)
            cells.append(f"{r['ratio']:>9.2f}x {r['p99_ms']:>5.0f}ms" if r else f"{'-':>16}")
        print(f"{name:<12} {conns:>3} " + " ".join(cells))


def main(argv=None) -> int:
    args = parse_args(argv)
    benchlib.require_wrk()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results: dict[str, dict] = {}
    for backend in backends:
        sub = copy.copy(args)
        sub.backend = backend
        given = args.sqlite_url if backend == "sqlite" else args.postgres_url
        sub.url = given or (args.url if len(backends) == 1 else None)
        print(f"== {backend}, KB_TOTAL_CAP={benchlib.total_cap()}", flush=True)
        print(HEADER, flush=True)
        results[backend] = run(sub)
        summary(results[backend])
    if len(results) > 1:
        side_by_side(results)
    if args.json_out:
        body = results[backends[0]] if len(results) == 1 else results
        Path(args.json_out).write_text(json.dumps(body, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
