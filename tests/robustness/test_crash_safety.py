"""SIGKILL `kb ingest` mid-run: every stored source stays whole, and ingesting again completes
the job (a bounded run of scripts/kill_ingest.py; the script does 50 kills)."""

from __future__ import annotations

from scripts import kill_ingest
from testkit.articles import write_folder


def test_kills_never_leave_half_an_article(tmp_path, fresh_url_factory):
    folder = write_folder(tmp_path / "articles", range(40))
    ref = fresh_url_factory("sqlite")
    stats = kill_ingest.run(
        lambda: fresh_url_factory("sqlite"), ref, folder, kills=3, seed=3, workers=1, max_delay=3.0
    )
    assert stats["kills"] >= 1
    assert stats["violations"] == 0
    assert stats["final_exit"] == 0 and stats["final_equal"]
