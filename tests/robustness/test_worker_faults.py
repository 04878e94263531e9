"""Proof under faults: three `kb worker` processes on one PostgreSQL run a few hundred queued jobs
while one of them is SIGKILLed in the middle of a job. Every job ends once (done, none lost), the
killed job is run again by another worker, and the stored content equals one sequential ingest:
the same sources, people, quotes, events, evidence rows and figures (figures compared by value:
the resolver may group a re-reported figure into rows differently when articles arrive in another
order, a property of concurrent ingest, not of a kill; see testkit.workerfaults.figures_by_value)."""

from __future__ import annotations

import pytest

from testkit import integrity, workerfaults
from testkit.articles import write_folder
from testkit.kb import run_kb
from testkit.webserver import WebServer


@pytest.fixture
def web():
    server = WebServer()
    yield server
    server.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_worker_killed_mid_job_loses_and_duplicates_nothing(tmp_path, fresh_url_factory, web):
    url, sequential = fresh_url_factory("postgres"), fresh_url_factory("postgres")
    run = workerfaults.run(url, web, n_text=294, slow_every=49, workers=3, kills=1, timeout=240)

    assert run.jobs == 300
    assert len(run.killed) == 1, "no worker was caught inside a job"
    assert run.statuses == {"done": 300}  # every job ended, none failed, none left queued or running
    assert run.queue_jobs == 300  # one queue entry per job...
    assert set(run.terminal_events.values()) == {1}  # ...each ended exactly once
    assert run.retried >= 1  # the killed worker's job went back to the queue
    assert run.attempts_of_killed[0] >= 2  # and ran again elsewhere

    folder = write_folder(tmp_path / "texts", range(294))
    done = run_kb(["ingest", "--quiet", str(folder), *run.slow_urls], sequential)
    assert done.returncode == 0, done.stderr
    assert integrity.problems(url) == []
    concurrent, one_by_one = integrity.snapshot(url), integrity.snapshot(sequential)
    assert len(concurrent["sources"]) == 300
    same = workerfaults.compare(concurrent, one_by_one)
    same.pop("figure_rows")  # how re-reported figures group into rows depends on arrival order
    assert same == dict.fromkeys(same, True)
