"""Extraction from web pages against extraction from text: the dev articles as news pages.

    .venv/bin/python scripts/eval_html.py ../shared/dev /tmp/dev-html.json
    python3 ../shared/eval/score.py --gold ../shared/dev --pred /tmp/dev-html.json

Each ``ARTICLES/<id>.txt`` becomes ``<id>.html``: the story inside a realistic page (navigation,
cookie banner, byline and visible date, a captioned photo, related stories and newsletter boxes
between paragraphs, share buttons, a most-read sidebar, footer, scripts; Open Graph, JSON-LD
NewsArticle and a canonical link carrying the article's URL, publisher and date). No sidecar: the
metadata must come from the page. The pages are ingested with `kb ingest`, served with `kb serve`
and read back over HTTP exactly as ``shared/eval/project_pred.py`` reads the text run, whose
helpers this script reuses (``--project-pred``), so the two prediction files compare directly.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from testkit.pages import news_page, story_from_text  # noqa: E402


def load_project_pred(path: Path):
    spec = importlib.util.spec_from_file_location("project_pred", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_pages(articles: Path, out: Path) -> dict[str, str]:
    """Write one page per article; returns url key -> article id."""
    url_to_id = {}
    for i, txt in enumerate(sorted(articles.glob("*.txt"))):
        meta_path = articles / f"{txt.stem}.meta.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        url = meta.get("url") or f"https://eval.invalid/{txt.stem}"
        story = story_from_text(
            txt.read_text(),
            url,
            publisher=meta.get("publisher") or "The Daily Example",
            published=meta.get("published") or meta.get("published_at") or "2024-01-01",
            authors=["Staff reporter"],
        )
        (out / f"{txt.stem}.html").write_text(news_page(story, variant=i))
        url_to_id[url] = txt.stem
    return url_to_id


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--project-pred", type=Path, default=ROOT.parent / "shared" / "eval" / "project_pred.py")
    ap.add_argument("--keep-pages", type=Path, help="also copy the built pages here")
    args = ap.parse_args()
    pp = load_project_pred(args.project_pred)
    kb = ROOT / ".venv" / "bin" / "kb"
    tmp = Path(tempfile.mkdtemp(prefix="kb-eval-html-"))
    pages = tmp / "pages"
    pages.mkdir()
    url_to_id = {pp.url_key(u): a for u, a in build_pages(args.articles, pages).items()}
    if args.keep_pages:
        shutil.copytree(pages, args.keep_pages, dirs_exist_ok=True)
    env = dict(os.environ, KB_DATABASE_URL=f"sqlite:///{tmp}/kb.sqlite3")
    started = time.monotonic()
    ing = subprocess.run(
        [str(kb), "ingest", str(pages)], env=env, capture_output=True, text=True, timeout=900
    )
    if ing.returncode != 0:
        print(ing.stdout[-2000:], ing.stderr[-2000:], file=sys.stderr)
        return 1
    print(f"ingest {time.monotonic() - started:.1f}s for {len(url_to_id)} pages", file=sys.stderr)
    port = pp.free_port()
    srv = subprocess.Popen(
        [str(kb), "serve", "--no-jobs", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                pp.get(base, "/openapi.json")
                break
            except Exception:
                time.sleep(0.1)
        pred = {}
        for src in pp.get_all(base, "/sources"):
            aid = url_to_id.get(pp.url_key(src.get("url") or ""))
            if aid:
                pred[aid] = predictions(pp, base, src["id"])
        missing = sorted(set(url_to_id.values()) - set(pred))
        if missing:
            print(f"pages whose source was not found by URL: {missing}", file=sys.stderr)
        args.out.write_text(json.dumps(pred, indent=1))
    finally:
        srv.terminate()
        srv.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def predictions(pp, base: str, sid: int) -> dict:
    """The same fields, read the same way, as shared/eval/project_pred.py."""
    return {
        "quotes": [{"text": q.get("text"), "speaker": pp.speaker_of(q.get("speaker")), "kind": q.get("kind")}
                   for q in pp.get_all(base, "/quotes", source_id=sid)],
        "figures": [{"text": f.get("text"), "value": f.get("value"), "unit": f.get("unit"),
                     "measure": f.get("measure"), "period": f.get("period"), "topic": pp.topics_of(f)}
                    for f in pp.get_all(base, "/figures", source_id=sid)],
        "people": [{"name": p.get("name"), "aliases": p.get("aliases") or []}
                   for p in pp.get_all(base, "/people", source_id=sid)],
        "events": [{"summary": e.get("summary"), "date_start": e.get("date_start"),
                    "location": pp.name_of(e.get("location")),
                    "participants": [pp.name_of(x) for x in e.get("participants") or []]}
                   for e in pp.get_all(base, "/events", source_id=sid)],
    }  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
