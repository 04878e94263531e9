"""Regression: quote and people extraction scored against hand-made gold with the shared scorer.

Two corpora: the seed articles (gold in ../shared/gold/seeds) and this suite's own unseen-style
articles from other beats and outlets (tests/extraction/fixtures/quotes_people: articles/, gold in gold/). The gold is
only read here, to measure; the extractor never sees it. The shared scorer lives outside the repo
(../shared/eval/score.py); without it these tests are skipped.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
HERE = Path(__file__).resolve().parent


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("kb_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(nlp, folder: Path) -> dict:
    from app.extraction.people.extract import extract_people
    from app.extraction.quotes.extract import extract_quotes
    from app.ingest.metadata import infer_metadata, merge_metadata
    from app.ingest.reader import ArticleRecord, discover, read_file

    files, _ = discover([folder])
    pred = {}
    for record in (r for f in files for r in read_file(f) if isinstance(r, ArticleRecord)):
        doc = nlp(record.text)
        people = extract_people(doc, merge_metadata(record.meta, infer_metadata(record.text)))
        quotes = extract_quotes(doc, people)
        pred[Path(record.origin).stem] = {
            "people": [{"name": p.name, "aliases": p.aliases} for p in people],
            "quotes": [{"text": q.text, "kind": q.kind, "speaker": _speaker(q)} for q in quotes],
        }
    return pred


def _speaker(quote) -> str | None:
    if quote.speaker is None:
        return None
    return f"anonymous: {quote.speaker.name}" if quote.speaker.type == "anonymous" else quote.speaker.name


def _report(nlp, articles: Path, gold_dir: Path) -> dict:
    score = _scorer()
    if not articles.exists() or not gold_dir.exists():
        pytest.skip(f"{articles} or {gold_dir} missing")
    gold = {p.stem: json.loads(p.read_text()) for p in sorted(gold_dir.glob("*.json"))}
    pred = _predict(nlp, articles)
    return {"quotes": score.score_quotes(gold, pred), "people": score.score_people(gold, pred)}


@pytest.fixture(scope="module")
def seeds_report(nlp):
    return _report(nlp, SHARED / "seeds", SHARED / "gold" / "seeds")


@pytest.fixture(scope="module")
def unseen_report(nlp):
    return _report(nlp, HERE / "fixtures/quotes_people/articles", HERE / "fixtures/quotes_people/gold")


def test_seeds_quoted_text(seeds_report):
    quoted = seeds_report["quotes"]["quoted"]
    assert quoted["f1"] >= 0.95, quoted["misses"]
    assert quoted["attribution_acc"] >= 0.95, quoted["wrong_speaker"]


def test_seeds_indirect_quotes(seeds_report):
    indirect = seeds_report["quotes"]["indirect"]
    assert indirect["f1"] >= 0.85, indirect["misses"]
    assert indirect["attribution_acc"] >= 0.9, indirect["wrong_speaker"]


def test_seeds_people(seeds_report):
    people = seeds_report["people"]
    assert people["f1"] >= 0.95, (people["misses"], people["false_positives"])


def test_unseen_articles_quoted_text(unseen_report):
    quoted = unseen_report["quotes"]["quoted"]
    assert quoted["f1"] >= 0.93, quoted["misses"]
    assert quoted["attribution_acc"] >= 0.93, quoted["wrong_speaker"]


def test_unseen_articles_indirect_quotes(unseen_report):
    indirect = unseen_report["quotes"]["indirect"]
    assert indirect["f1"] >= 0.85, indirect["misses"]
    assert indirect["attribution_acc"] >= 0.9, indirect["wrong_speaker"]


def test_unseen_articles_people(unseen_report):
    people = unseen_report["people"]
    assert people["f1"] >= 0.93, (people["misses"], people["false_positives"])
