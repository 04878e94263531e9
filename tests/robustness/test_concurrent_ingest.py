"""Scale-out ingest: four `kb ingest` processes over overlapping folders against one PostgreSQL
leave exactly the content one sequential ingest leaves (no duplicate sources, one person per
person, each article whole)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from testkit import integrity
from testkit.articles import write_folder
from testkit.kb import kb_command, run_kb


@pytest.mark.postgres
def test_four_concurrent_ingests_equal_one_sequential(tmp_path, fresh_url_factory):
    ranges = [range(0, 14), range(7, 21), range(14, 28), range(0, 28, 3)]
    folders = [write_folder(tmp_path / f"part{i}", r) for i, r in enumerate(ranges)]
    every = write_folder(tmp_path / "all", sorted(set().union(*map(set, ranges))))
    concurrent, sequential = fresh_url_factory("postgres"), fresh_url_factory("postgres")
    assert run_kb(["migrate"], concurrent).returncode == 0
    env = {**os.environ, "KB_DATABASE_URL": concurrent}
    procs = [
        subprocess.Popen([*kb_command(), "ingest", "--quiet", str(f)], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for f in folders
    ]  # fmt: skip
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    done = run_kb(["ingest", "--quiet", str(every)], sequential)
    assert done.returncode == 0, done.stderr
    assert integrity.problems(concurrent) == []
    a, b = integrity.snapshot(concurrent), integrity.snapshot(sequential)
    for key in a:  # a repeated figure keeps its fullest measure, so arrival order changes nothing
        assert a[key] == b[key], key
    assert sys.executable  # the processes above ran the project's own kb
