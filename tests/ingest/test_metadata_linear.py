"""Metadata inference runs in time linear in its input, whatever the input holds.

Each inference runs over adversarial lines of 10,000 characters, built to make a backtracking
regex engine try exponentially or quadratically many ways (Python's ``re`` took years on the first
one at 163 characters). Its time is compared with a simple scan of the same text measured in the
same run, so the bound holds on a slow machine as on a fast one: a linear inference stays within a
small multiple of the scan; a quadratic one is hundreds of times slower at this length.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from app.ingest import metadata

N = 10_000
BOUND = 60  # inference time / scan time (linear: 1-20x here; the old patterns: 368x to never)


def fill(unit: str, prefix: str = "", suffix: str = "") -> str:
    body = unit * ((N - len(prefix) - len(suffix)) // len(unit))
    return prefix + body + suffix


ADVERSARIAL = {
    "and-chains before 'reported from'": fill("Aand", suffix="a x"),
    "and-chains in a byline": fill("Aand", prefix="By ", suffix="a x"),
    "a run of spaces": fill(" ", prefix="a", suffix="b"),
    "spaces before 'contributed'": fill(" ", prefix="Ana", suffix="contributedx"),
    "an unclosed photo credit": fill("photo ", prefix="(abc, "),
    "opening parentheses": fill("("),
    "a photo credit per parenthesis": fill("(ab, photo "),
    "a copyright notice without an end": fill("A", prefix="© "),
    "a newsletter line of names": fill("Aa and ", prefix="news stories from "),
    "month names": fill("January "),
    "commas between names": fill("A, ", prefix="By "),
    "a dateline that never ends": fill("PARIS ", suffix="-"),
    "a reporting credit that never closes": fill("Ana Reyes; ", prefix="(Reporting by "),
    "digits and spaces": fill("1 "),
    "names and places": fill(" in Paris, France,", prefix="By Ana"),
    "tabs and non-breaking spaces": fill("\t\u00a0"),
}
INFERENCES: dict[str, Callable[[str], object]] = {
    "infer_metadata": metadata.infer_metadata,
    "infer_title": lambda t: metadata.infer_title([t, ""]),
    "parse_dateline": metadata.parse_dateline,
    "find_date": metadata.find_date,
    "split_names": metadata.split_names,
    "photo_credits": metadata.photo_credits,
    "infer_publisher": metadata.infer_publisher,
}


def scan(text: str) -> int:
    """The reference: one pass over the characters in Python."""
    found = 0
    for c in text:
        if c == "(":
            found += 1
    return found


def best_of(fn: Callable[[str], object], text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize("line", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_every_inference_is_linear_on_adversarial_lines(line):
    assert len(line) >= N - 10
    reference = best_of(scan, line)
    for name, inference in INFERENCES.items():
        ratio = best_of(inference, line) / reference
        assert ratio < BOUND, f"{name} took {ratio:.0f}x a scan of the same text"


def test_the_first_line_that_hung_is_read_as_before():
    """The 163-character line of the report: no names are read from it, at once."""
    meta = metadata.infer_metadata("Aand" * 40 + "a x")
    assert meta.authors == [] and meta.credits == []
