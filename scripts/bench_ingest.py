"""Ingest throughput against raw spaCy on the same texts, in the same run.

    python scripts/bench_ingest.py [--articles 200] [--workers 1,2]

For each worker count N: raw ``nlp.pipe(texts, n_process=N)`` (parsing only, what spaCy alone
costs) and the project's whole write path (read -> nlp.pipe -> extract -> store, one transaction
per article) with ``--workers N`` into a fresh SQLite file, both with the pipeline already loaded.
Prints articles/s, words/s and the ratio; never asserts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.extraction.nlp import load_pipeline
from app.ingest.pipeline import ingest_paths
from app.settings import get_settings
from app.storage.db import create_db_engine
from app.storage.migrate import upgrade
from testkit.articles import article


def corpus(n: int) -> list[str]:
    """``n`` distinct news-like texts of ~400 words (six short stories each)."""
    return [
        f"Report {i}\n\n" + "\n".join(article(i * 6 + k).split("\n", 2)[2] for k in range(6))
        for i in range(n)
    ]


def real_articles(folders: list[Path], n: int) -> list[str]:
    """``n`` texts cycled from real articles (each copy made distinct, so none is a re-ingest)."""
    found = sorted(p for folder in folders for p in folder.rglob("*.txt"))
    base = [p.read_text() for p in found]
    return [f"{base[i % len(base)]}\n\n(copy {i})" for i in range(n)]


def raw(texts: list[str], workers: int, batch: int) -> float:
    nlp = load_pipeline(get_settings().spacy_model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch, n_process=workers):
        pass
    return time.perf_counter() - started


def project(texts: list[str], workers: int, batch: int, tmp: Path) -> float:
    folder = tmp / f"in-{workers}"
    folder.mkdir()
    for i, t in enumerate(texts):
        (folder / f"a{i:05d}.txt").write_text(t)
    url = f"sqlite:///{tmp / f'kb-{workers}.sqlite3'}"
    upgrade(url)
    engine = create_db_engine(url)
    started = time.perf_counter()
    report = ingest_paths(
        [folder], engine, model=get_settings().spacy_model, batch_size=batch, workers=workers
    )
    took = time.perf_counter() - started
    engine.dispose()
    if report.failed or len(report.ingested) != len(texts):
        print(f"  warning: {len(report.failed)} failed, {len(report.ingested)} ingested", flush=True)
    return took


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-size", type=int, default=get_settings().ingest_batch_size)
    ap.add_argument("--folder", type=Path, action="append",
                    help="use real articles (*.txt, recursively) instead of generated ones")  # fmt: skip
    args = ap.parse_args(argv)
    texts = real_articles(args.folder, args.articles) if args.folder else corpus(args.articles)
    words = sum(len(t.split()) for t in texts)
    load_pipeline(get_settings().spacy_model)
    print(f"{len(texts)} articles, {words:,} words")
    print(
        f"{'workers':>7} {'raw art/s':>10} {'raw words/s':>12} {'kb art/s':>9} {'kb words/s':>11} "
        f"{'kb/raw':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(w) for w in args.workers.split(",")]:
            r = raw(texts, n, args.batch_size)
            p = project(texts, n, args.batch_size, Path(tmp))
            print(f"{n:>7} {len(texts) / r:10.1f} {words / r:12,.0f} {len(texts) / p:9.1f} "
                  f"{words / p:11,.0f} "
                  f"{r / p:6.2f}x", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
