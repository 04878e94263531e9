"""The benchmark compares like with like: the raw baseline counts totals up to the project's own
KB_TOTAL_CAP, and the load scripts say how to install wrk (and stop before making anything) when
it is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from testkit.kb import ROOT


def python(args: list[str], tmp_path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    return subprocess.run(
        [sys.executable, *args],
        env={**environ, "KB_DATABASE_URL": f"sqlite:///{tmp_path}/kb.sqlite3", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("cap", ["7", "1000", "25000"])
def test_the_raw_baseline_counts_up_to_the_projects_cap(tmp_path, cap):
    result = python(["-c", "import scripts.bench_raw as b; print(b.CAP)"], tmp_path, KB_TOTAL_CAP=cap)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == cap


def test_the_default_caps_agree(tmp_path):
    from app.settings import Settings

    result = python(["-c", "import scripts.bench_raw as b; print(b.CAP)"], tmp_path)
    assert int(result.stdout) == Settings.model_fields["total_cap"].default


@pytest.mark.parametrize("script", ["scripts/bench_api.py", "scripts/load_test.py"])
def test_a_missing_wrk_says_how_to_install_it(tmp_path, script):
    data = tmp_path / "data"
    data.mkdir()
    result = python([script, "--quotes", "100", "--data-dir", str(data)], tmp_path, PATH="/nonexistent")
    assert result.returncode != 0
    assert "apt-get install -y wrk" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(data.iterdir()) == []  # stopped before synthesising anything


def test_the_readme_says_how_to_install_wrk():
    text = (ROOT / "README.md").read_text()
    measuring = text[text.index("## Measuring") :]
    assert "apt-get install -y wrk" in measuring[: measuring.index("\n## ", 5)]


def test_the_raw_baseline_answers_the_projects_json(tmp_path):
    """Field for field, on every endpoint the benchmark races: a baseline that leaves fields out
    (a quote's publication date, a figure's conflicts) or counts differently does less work, and
    the ratio measured that instead of the code."""
    url = f"sqlite:///{tmp_path}/kb.sqlite3"
    synth = python(["scripts/synth_corpus.py", "--quotes", "3000", "--url", url, "--quiet"], tmp_path)
    assert synth.returncode == 0, synth.stderr
    result = python(["scripts/bench_inprocess_raw.py", "--url", url, "--check"], tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "7 endpoints checked, 0 paths differ" in result.stdout
