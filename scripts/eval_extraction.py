#!/usr/bin/env python3
"""Fast extraction loop: run the write path's extraction in-process (no database, no server) on a
folder of articles and write predictions in the format of ../shared/eval/score.py.

    .venv/bin/python scripts/eval_extraction.py ../shared/seeds /tmp/pred-fast.json
    python3 ../shared/eval/score.py --gold ../shared/gold/seeds --pred /tmp/pred-fast.json --details

Thresholds can be varied without editing code: ``--tune pronoun_window=6 --tune measure_max_words=7``
(the names are the fields of app.tuning.Tuning).

The authoritative numbers come from ../shared/eval/project_pred.py, which goes through
`kb ingest` and the API; this one skips storage and cross-article merging, for quick iteration.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.extraction.nlp import load_pipeline
from app.extraction.pipeline import extract
from app.ingest.metadata import infer_metadata, merge_metadata
from app.ingest.reader import ArticleRecord, discover, read_file
from app.settings import get_settings
from app.tuning import parse_overrides, tuned


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--tune", action="append", default=[], metavar="NAME=VALUE", help="vary a threshold")
    args = ap.parse_args()
    with tuned(**parse_overrides(args.tune)):
        return run(args)


def run(args: argparse.Namespace) -> int:
    files, _ = discover([args.articles])
    records = [r for f in files for r in read_file(f) if isinstance(r, ArticleRecord)]
    nlp = load_pipeline(get_settings().spacy_model)
    t0 = time.monotonic()
    pred = {}
    for record, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        meta = merge_metadata(record.meta, infer_metadata(record.text))
        ex = extract(doc, meta)
        names = {p.key: p.name for p in ex.people}
        pred[Path(record.origin).stem] = {
            "quotes": [
                {
                    "text": q.text,
                    "kind": q.kind,
                    "speaker": None
                    if q.speaker is None
                    else (
                        f"anonymous: {q.speaker.name}" if q.speaker.type == "anonymous" else q.speaker.name
                    ),
                }
                for q in ex.quotes
            ],
            "figures": [
                {
                    "text": f.text,
                    "value": f.value,
                    "unit": f.unit,
                    "measure": f.measure,
                    "period": f.period,
                    "topic": f.topics,
                }
                for f in ex.figures
            ],
            "people": [{"name": p.name, "aliases": p.aliases} for p in ex.people],
            "events": [
                {
                    "summary": e.summary,
                    "date_start": _iso(e),
                    "location": e.location,
                    "participants": [names.get(k, k) for k in e.participants],
                }
                for e in ex.events
            ],
        }
    args.out.write_text(json.dumps(pred, indent=1, ensure_ascii=False))
    print(f"{len(records)} articles in {time.monotonic() - t0:.1f}s", file=sys.stderr)
    return 0


def _iso(event) -> str | None:
    if event.date_start is None:
        return None
    iso = event.date_start.isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(event.date_precision or "day", iso)


if __name__ == "__main__":
    sys.exit(main())
