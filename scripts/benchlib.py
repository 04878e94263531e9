"""Shared by the benchmark and load scripts: servers as subprocesses, wrk runs, resident memory.

wrk (C, one thread, Lua picking the next path of a list) is the load generator: on a 2-core
machine a Python client would take as much CPU as the server it measures.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "max": %%d, '
    .. '"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Proc:
    name: str
    base: str
    popen: subprocess.Popen

    def stop(self) -> None:
        """Stop the server's process group (uvicorn workers included)."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()

    def rss_mb(self) -> dict:
        """Resident memory of the server and its children: total and the largest one process."""
        pids = [self.popen.pid, *children(self.popen.pid)]
        sizes = [rss_kb(p) for p in pids]
        return {"total": round(sum(sizes) / 1024, 1), "largest": round(max(sizes) / 1024, 1)}


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    found = [int(p) for p in out]
    for child in list(found):
        found += children(child)
    return found


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def start(name: str, cmd: list[str], env: dict, port: int, ready_path: str = "/") -> Proc:
    log = open(Path(tempfile.gettempdir()) / f"bench-{name}-{port}.log", "w")  # noqa: SIM115
    popen = subprocess.Popen(
        cmd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT
    )
    proc = Proc(name, f"http://127.0.0.1:{port}", popen)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if popen.poll() is not None:
            raise RuntimeError(f"{name} exited; see {log.name}")
        try:
            if httpx.get(proc.base + ready_path, timeout=5).status_code < 500:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.stop()
    raise RuntimeError(f"{name} did not start")


def start_project(url: str, workers: int, extra_env: dict | None = None) -> Proc:
    port = free_port()
    cmd = [str(BIN / "kb"), "serve", "--port", str(port), "--workers", str(workers)]
    return start("project", cmd, {"KB_DATABASE_URL": url, **(extra_env or {})}, port, "/healthz")


def start_raw(url: str, workers: int) -> Proc:
    port = free_port()
    cmd = [str(BIN / "uvicorn"), "scripts.bench_raw:app", "--port", str(port), "--workers", str(workers)]
    cmd += ["--log-level", "warning", "--no-access-log"]
    return start("raw", cmd, {"KB_DATABASE_URL": url}, port, "/quotes/1")


def start_datasette(path: str) -> Proc:
    port = free_port()
    cmd = [str(BIN / "datasette"), "serve", path, "--port", str(port), "--setting", "suggest_facets", "off"]
    cmd += ["--setting", "default_facet_size", "0", "--setting", "sql_time_limit_ms", "3000"]
    return start("datasette", cmd, {}, port, "/-/versions.json")


WRK_MISSING = (
    "wrk, the load generator, is not installed: install it with `apt-get install -y wrk` "
    "(Debian/Ubuntu, as root) or `brew install wrk` (macOS), then run this again"
)


def total_cap() -> int:
    """The cap both the project and the raw baseline count totals up to (KB_TOTAL_CAP)."""
    from app.settings import Settings

    return Settings().total_cap


def require_wrk() -> None:
    """Stop before any database is made or server started when wrk is missing, saying how to
    install it."""
    if not shutil.which("wrk"):
        raise SystemExit(WRK_MISSING)


def wrk(base: str, paths: list[str], connections: int, seconds: float) -> dict:
    """rps and latency percentiles (ms) of ``connections`` keep-alive connections for ``seconds``."""
    require_wrk()
    lua = LUA % ", ".join(json.dumps(p) for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua)
    cmd = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        fh.name,
        base,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    os.unlink(fh.name)
    data = json.loads(out.split("WRKJSON", 1)[1].strip().splitlines()[0])
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "requests": data["requests"],
        "errors": errors,
        "p50_ms": data["p50"] / 1000,
        "p95_ms": data["p95"] / 1000,
        "p99_ms": data["p99"] / 1000,
        "max_ms": data["max"] / 1000,
    }
