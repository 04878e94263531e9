"""What `kb ingest` prints: one line per failed file, note and skipped file, then the counts.

Names and reasons come from outside (a file may be called ``[bold]x`` or hold a newline), so they
are printed as themselves: never read as Rich markup, control and format characters escaped (a
newline in a name cannot forge a second ``failed`` line, an escape sequence cannot recolour the
terminal, a bidi override cannot reorder what follows).
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

from app.ingest.pipeline import IngestReport
from app.ingest.reader import ReadError

UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, format, lone surrogates, line/paragraph seps


def literal(text: str) -> str:
    """``text`` on one line, each unsafe character written as its Python escape (``\\n``)."""
    return "".join(_escape(c) if unicodedata.category(c) in UNSAFE else c for c in text)


def _escape(c: str) -> str:
    if "\udc80" <= c <= "\udcff":  # a byte of a file name that is not UTF-8, as Python keeps it
        return f"\\x{ord(c) - 0xDC00:02x}"
    return c.encode("unicode_escape", "backslashreplace").decode("ascii")


def line(label: str, style: str, item: ReadError) -> Text:
    return Text.assemble((label, style), " ", literal(item.origin), ": ", literal(item.reason))


def problem_lines(report: IngestReport) -> list[Text]:
    return [
        *(line("failed", "red", f) for f in report.failed),
        *(line("note", "yellow", n) for n in report.notes),
        *(line("skipped", "dim", s) for s in report.skipped),
    ]


def counts(report: IngestReport, seconds: float) -> str:
    text = (
        f"ingested {len(report.ingested)}, already present {len(report.present)}, failed {len(report.failed)}"
    )
    if report.skipped:
        text += f", skipped {len(report.skipped)} of other types"
    if report.interrupted:
        return f"interrupted (Ctrl-C) after {seconds:.1f}s: {text} before it; nothing half-stored"
    return f"{text} ({seconds:.1f}s)"
