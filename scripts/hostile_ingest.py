"""Run `kb ingest` over a folder of hostile inputs and check that it holds: it ends, prints no
traceback, gives every bad file one line naming it, stores the good ones whole.

    python scripts/hostile_ingest.py [--copies 20] [--url sqlite:///hostile.sqlite3]

Each kind of hostile input (names, sizes, encodings, nesting, special files, metadata, values
that do not fit a column) is written ``--copies`` times with variations, beside good articles.
Prints the count of inputs per kind and what the run reported; exits 1 if anything did not hold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from testkit import integrity
from testkit.articles import article
from testkit.kb import run_kb


def sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes that takes no room on disk."""
    with path.open("wb") as fh:
        fh.truncate(size)


def kinds() -> dict[str, Callable[[Path, int], object]]:
    def text(p: Path, i: int, body: str, suffix: str = ".txt") -> None:
        (p / f"{i}{suffix}").write_text(body)

    return {
        "and-chains on the last line": lambda p, i: text(p, i, article(i) + "\n" + "Aand" * (40 + i) + "a x"),
        "runs of spaces": lambda p, i: text(p, i, article(i) + "\nx" + " " * (5000 + i) + "contributed y"),
        "unclosed photo credits": lambda p, i: text(p, i, article(i) + "(abc, " + "photo " * (800 + i)),
        "lone surrogates in JSON": lambda p, i: text(
            p, i, json.dumps({"text": article(i) + "\ud83d", "title": "t\udc00" + str(i)}), ".json"
        ),
        "NUL in text or metadata": lambda p, i: text(
            p,
            i,
            json.dumps({"text": article(i) + ("\x00" if i % 2 else ""), "url": "u\x00" * (i % 2 == 0)}),
            ".json",
        ),
        "deep YAML front matter": lambda p, i: text(
            p, i, "---\nt: " + "[" * (3000 + i) + "\n---\n" + article(i), ".md"
        ),
        "deep JSON": lambda p, i: text(p, i, "[" * (100_000 + i), ".json"),
        "far-future dates": lambda p, i: (
            text(p, i, article(i).replace("approved", "approved tomorrow")),
            (p / f"{i}.meta.json").write_text(json.dumps({"published_at": "9999-12-31"})),
        ),
        "sidecar directories": lambda p, i: (text(p, i, article(i)), (p / f"{i}.meta.json").mkdir()),
        "sidecar FIFOs": lambda p, i: (text(p, i, article(i)), os.mkfifo(p / f"{i}.meta.json")),
        "FIFOs as articles": lambda p, i: os.mkfifo(p / f"{i}.txt"),
        "markup and newlines in names": lambda p, i: (p / f"[bold]{i}\n[x]failed .txt").write_text(""),
        "escape sequences in names": lambda p, i: (p / f"{i}\x1b[2J\u202e.txt").write_text(article(i)),
        "names that are not UTF-8": lambda p, i: open(
            os.fsencode(p) + f"/{i}\xe9".encode() + b"\xff.txt", "w"
        ).write(article(i)),
        "oversized files": lambda p, i: sparse(p / f"{i}.txt", 6_000_000 + i),
        "oversized .jsonl lines": lambda p, i: text(
            p,
            i,
            json.dumps({"text": article(i)}) + "\n" + json.dumps({"text": "x" * (5_000_001 + i)}) + "\n",
            ".jsonl",
        ),
        "300-character publishers": lambda p, i: text(
            p, i, json.dumps({"text": article(i), "publisher": "P" * (300 + i)}), ".json"
        ),
        "binary files": lambda p, i: (p / f"{i}.txt").write_bytes(bytes(range(256)) * (i + 1)),
        "good articles": lambda p, i: text(p, i, article(1000 + i)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--url", help="database URL (default: a fresh SQLite file)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        total = 0
        for name, make in kinds().items():
            folder = root / name.replace(" ", "-")
            folder.mkdir(parents=True)
            for i in range(args.copies):
                make(folder, i)
            total += args.copies
            print(f"{args.copies:>5}  {name}")
        url = args.url or f"sqlite:///{Path(tmp) / 'kb.sqlite3'}"
        started = time.monotonic()
        result = run_kb(["ingest", "--quiet", str(root)], url, timeout=1800)
        took = time.monotonic() - started
        print(f"{total:>5}  inputs in all; kb ingest took {took:.0f}s, exit {result.returncode}")
        print(result.stdout.strip())
        problems = integrity.problems(url)
        stray = [
            ln for ln in result.stderr.splitlines() if not ln.startswith(("failed ", "note ", "skipped "))
        ]
        held = result.returncode in (0, 1) and "Traceback" not in result.stderr and not stray and not problems
        for line in stray[:10] + problems:
            print("  !", line)
        print("held" if held else "DID NOT HOLD")
        return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
