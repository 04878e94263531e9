"""Explorer page speed: every page side by side with the JSON endpoint for the same filter.

    python scripts/bench_pages.py --quotes 1000000 [--backend sqlite|postgres] [--json OUT]

On the synthetic database of scripts/bench_api.py (made once by scripts/synth_corpus.py and
reused), one ``kb serve`` answers both the HTML page (``/explore/...``) and its JSON twin (the
same path without ``/explore``, the same query string), driven by wrk through a few hundred
different parameter values each, at 1 keep-alive connection (latency) and 16 (throughput).

Person pages are sampled two ways: ``person`` is a random quote's speaker, so the most quoted
people (10^5 quotes at a million) come up as often as readers would open them; ``person_any``
is anyone. Their quotes-per-month chart (``person_chart``, an image the page links) reads every
quote of the person and is kept for a few minutes, so its first views are measured apart
("cold": each person's first request, one at a time, before anything else).
A benchmark reports; it never asserts.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import text

from app.storage.db import create_script_engine
from scripts import bench_api, benchlib

PAGES = [
    "home", "quotes_speaker", "quotes_words", "quotes_topic", "quotes_month", "person", "person_any",
    "person_chart", "article", "figures", "figure", "events", "events_month", "sources", "people",
]  # fmt: skip


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--url", help="use this database as is (must hold a synthetic corpus)")
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("KB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    )
    ap.add_argument("--data-dir", default="/tmp/kb-bench")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5.0, help="per measurement")
    ap.add_argument("--connections", default="1,16")
    ap.add_argument("--samples", type=int, default=400, help="parameter values per page (half each side)")
    ap.add_argument("--only", help="comma-separated page names")
    ap.add_argument("--json", dest="json_out")
    return ap.parse_args(argv)


def scalars(conn, sql: str) -> list:
    return list(conn.execute(text(sql)).scalars())


def samples(url: str, n: int, seed: int = 11) -> dict[str, list[tuple[str, str | None]]]:
    """Per page, ``n`` (page path, JSON path or None) pairs of real parameter values."""
    rng = random.Random(seed)
    engine = create_script_engine(url)
    with engine.connect() as conn:
        max_q = conn.execute(text("SELECT max(id) FROM quotes")).scalar() or 1
        qids = ",".join(str(rng.randint(1, max_q)) for _ in range(n))
        texts = scalars(conn, f"SELECT text FROM quotes WHERE id IN ({qids})")
        speakers = scalars(
            conn, f"SELECT speaker_person_id FROM quotes WHERE id IN ({qids}) AND speaker_person_id > 0"
        )
        people = scalars(conn, "SELECT id FROM people")
        names = dict(conn.execute(text("SELECT id, name FROM people")).all())
        sources = scalars(conn, "SELECT id FROM sources")
        figures = scalars(conn, "SELECT id FROM figures ORDER BY id")
        energy = "SELECT figure_id FROM figure_topics WHERE topic_slug = 'energy'"
        values = sorted(scalars(conn, f"SELECT value FROM figures WHERE id IN ({energy}) LIMIT 5000"))
        publishers = scalars(conn, "SELECT DISTINCT publisher FROM sources WHERE publisher IS NOT NULL")
        days = scalars(conn, "SELECT DISTINCT published_date FROM sources WHERE published_date IS NOT NULL")
    engine.dispose()
    months = sorted({str(d)[:7] for d in days}) or ["2024-01"]

    def both(path: str, query: dict | None = None) -> tuple[str, str]:
        qs = "?" + urlencode(query) if query else ""
        return f"/explore{path}{qs}", f"{path}{qs}"

    def month_range(month: str) -> tuple[str, str]:
        year, m = int(month[:4]), int(month[5:7])
        return f"{month}-01", f"{month}-{calendar.monthrange(year, m)[1]:02d}"

    out: dict[str, list] = {name: [] for name in PAGES}
    out["home"] = [("/", "/sources?limit=8")]
    out["quotes_topic"] = [both("/quotes", {"topic": "energy"})]
    out["events"] = [both("/events")]
    for i in range(n):
        surname = names[speakers[i % len(speakers)]].split()[-1]
        out["quotes_speaker"].append(both("/quotes", {"speaker": surname}))
        words = [w for w in texts[i % len(texts)].lower().split() if len(w) >= 4] or ["the"]
        out["quotes_words"].append(both("/quotes", {"q": " ".join(rng.sample(words, min(2, len(words))))}))
        first, last = month_range(rng.choice(months))
        out["quotes_month"].append((f"/explore/quotes?published_from={first}&published_to={last}", None))
        out["events_month"].append(both("/events", {"date_from": first, "date_to": last}))
        out["person"].append(both(f"/people/{speakers[i % len(speakers)]}"))
        out["person_chart"].append((f"/explore/people/{speakers[i % len(speakers)]}/chart.svg", None))
        out["person_any"].append(both(f"/people/{rng.choice(people)}"))
        out["article"].append(both(f"/sources/{rng.choice(sources)}"))
        out["figure"].append(both(f"/figures/{rng.choice(figures)}"))
        v = values[int(len(values) * rng.uniform(0.3, 0.97))] if values else 0
        out["figures"].append(both("/figures", {"topic": "energy", "min_value": v}))
        out["sources"].append(both("/sources", {"publisher": rng.choice(publishers)}))
        out["people"].append(both("/people", {"name": names[rng.choice(people)]}))
    return out


def cold(base: str, pairs: list[tuple[str, str | None]], limit: int = 60) -> dict:
    """Each distinct page requested once, one at a time: what the first reader of a page waits."""
    paths = list(dict.fromkeys(p for p, _ in pairs))[:limit]
    times = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in paths:
            started = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "max_ms": round(times[-1], 2),
    }


def check(base: str, pairs: list[tuple[str, str | None]]) -> None:
    for page, api in pairs[:3]:
        for path in (page, api):
            if path and httpx.get(base + path, timeout=60).status_code != 200:
                print(f"  WARNING: {path} did not answer 200", flush=True)


def measure(base: str, name: str, pairs: list, conns: int, seconds: float) -> dict:
    row: dict = {"name": name, "connections": conns}
    # the page and its JSON twin get different parameter values of the same distribution, so
    # neither is answered from totals the other left in the server's few-second count cache
    page_pairs, json_pairs = (pairs[::2], pairs[1::2]) if len(pairs) > 1 else (pairs, pairs)
    for who, paths in (("page", [p for p, _ in page_pairs]), ("json", [a for _, a in json_pairs if a])):
        if not paths:
            continue
        benchlib.wrk(base, paths, conns, 1)  # warm-up
        r = benchlib.wrk(base, paths, conns, seconds)
        row[f"{who}_rps"] = round(r["rps"], 1)
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            row[f"{who}_{key}"] = round(r[key], 2)
        row[f"{who}_errors"] = r["errors"]
    print(line(row), flush=True)
    return row


HEADER = (
    f"{'page':<15} {'con':>3} {'page p50':>9} {'page p95':>9} {'page p99':>9} {'page r/s':>9} "
    f"{'json p50':>9} {'json p95':>9} {'json r/s':>9} {'err':>4}"
)


def line(r: dict) -> str:
    def cell(key: str) -> str:
        value = r.get(key)
        return f"{value:9.2f}" if isinstance(value, float | int) else f"{'-':>9}"

    errors = sum(v for k, v in r.items() if k.endswith("_errors"))
    return (
        f"{r['name']:<15} {r['connections']:>3} {cell('page_p50_ms')} {cell('page_p95_ms')} "
        f"{cell('page_p99_ms')} {cell('page_rps')} {cell('json_p50_ms')} {cell('json_p95_ms')} "
        f"{cell('json_rps')} {errors:>4}"
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    url = bench_api.database(args)
    table = samples(url, args.samples)
    names = args.only.split(",") if args.only else PAGES
    server = benchlib.start_project(url, args.workers)
    results: dict = {"backend": "sqlite" if url.startswith("sqlite") else "postgresql",
                     "quotes": args.quotes, "workers": args.workers, "pages": []}  # fmt: skip
    try:
        for name in ("person", "person_chart"):
            if name in names:
                results[f"{name}_cold"] = cold(server.base, table[name])
                print(f"{name}, first views: {results[f'{name}_cold']}", flush=True)
        print(HEADER, flush=True)
        for name in names:
            check(server.base, table[name])
            for conns in [int(c) for c in args.connections.split(",")]:
                results["pages"].append(measure(server.base, name, table[name], conns, args.seconds))
        results["rss_mb"] = server.rss_mb()["total"]
    finally:
        server.stop()
    at_one = [r for r in results["pages"] if r["connections"] == 1]
    if at_one:
        worst = max(at_one, key=lambda r: r["page_p95_ms"])
        print(f"slowest page p95 at 1 connection: {worst['name']} {worst['page_p95_ms']:.2f} ms")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
