"""Longer API fuzzing than the test suite: schemathesis over every operation of the OpenAPI schema.

    python scripts/fuzz_api.py [--examples 500] [--url DATABASE_URL]

Serves a fresh database holding the hand-made test corpus (tests/corpus.py), or the database
given with --url, with a real `kb serve`, and runs the schemathesis CLI against it with all of
its checks (no server errors, documented status codes, content types and headers, bodies that
match the schema). Exit status is schemathesis's: 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from testkit.kb import Server  # noqa: E402


def corpus_database(folder: Path) -> str:
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from testkit import corpus

    url = f"sqlite:///{folder / 'fuzz.sqlite3'}"
    upgrade(url)
    engine = create_script_engine(url)
    corpus.load(engine)
    engine.dispose()
    return url


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=500, help="examples per operation")
    ap.add_argument("--url", help="database to serve (default: a fresh one with the test corpus)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-fuzz-") as tmp:
        url = args.url or corpus_database(Path(tmp))
        server = Server(url)
        try:
            schemathesis = Path(sys.executable).with_name("schemathesis")
            cmd = [
                str(schemathesis), "run", f"{server.base}/openapi.json", "--base-url", server.base,
                "--checks", "all", "--hypothesis-max-examples", str(args.examples),
                "--hypothesis-derandomize", "--experimental", "openapi-3.1", "--request-timeout", "30000",
            ]  # fmt: skip
            return subprocess.run(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"}).returncode
        finally:
            server.close()


if __name__ == "__main__":
    sys.exit(main())
