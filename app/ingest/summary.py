"""What `kb ingest` prints: one line per failed file, note and skipped file, then the counts.

Names and reasons come from outside (a file may be called ``[bold]x`` or hold a newline), so they
are printed as themselves: never read as Rich markup, control and format characters escaped (a
newline in a name cannot forge a second ``failed`` line, an escape sequence cannot recolour the
terminal, a bidi override cannot reorder what follows).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

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
    ]


SHOWN_SKIPPED = 10


def skipped_line(report: IngestReport, roots: list[Path]) -> str | None:
    """ "skipped 2 unsupported files: a.pdf, b.docx": files of other types found in the folders
    given, named (relative to their folder) rather than passed over in silence."""
    skipped = [Path(s.origin) for s in report.skipped]
    if not skipped:
        return None
    names = [literal(_short_name(p, roots)) for p in skipped[:SHOWN_SKIPPED]]
    more = f" and {len(skipped) - SHOWN_SKIPPED} more" if len(skipped) > SHOWN_SKIPPED else ""
    noun = "file" if len(skipped) == 1 else "files"
    return f"skipped {len(skipped)} unsupported {noun}: {', '.join(names)}{more}"


def _short_name(path: Path, roots: list[Path]) -> str:
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return str(path.relative_to(root))
    return str(path)


def counts(report: IngestReport, seconds: float) -> str:
    text = (
        f"ingested {len(report.ingested)}, already present {len(report.present)}, failed {len(report.failed)}"
    )
    if report.interrupted:
        return f"interrupted (Ctrl-C) after {seconds:.1f}s: {text} before it; nothing half-stored"
    return f"{text} ({seconds:.1f}s)"
