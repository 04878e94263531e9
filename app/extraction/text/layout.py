"""Page furniture: lines of an article that carry no facts (bylines, timestamps, date lines, sign-up
prompts, credits). Figures and events never come from them.
"""

from __future__ import annotations

import re

from app.extraction.text import dates as dates_mod

FURNITURE_LINE = re.compile(
    r"^\s*(?:By\s+[A-Z]|Updated\b|Published\b|Posted\b|Last updated\b|Sign up\b|Subscribe\b|Follow us\b"
    r"|Copyright\b|©|Read more\b|Click here\b|Advertisement\b|\(Reporting\b|Reporting by\b|Editing by\b"
    r"|Share\b|Photo:|Image:|Watch:)",
    re.IGNORECASE,
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are bylines, timestamps, date lines, sign-up prompts or credits: never figures or events."""
    out, pos = [], 0
    for line in text.split("\n"):
        if (
            line.strip()
            and len(line) < 160
            and (FURNITURE_LINE.match(line) or " | " in line or _date_line(line))
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _date_line(line: str) -> bool:
    """ "March 3, 2025" or "Tue 14 Oct 2025 07:45 EDT" on a line of its own: the article's date line."""
    if len(line) > 80 or not re.search(r"\d", line):
        return False
    rest = line
    for d in sorted(dates_mod.find_dates(line), key=lambda d: -d.start):
        rest = rest[: d.start] + rest[d.end :]
    rest = re.sub(
        r"\b(?:Updated|Published|Posted|on|at|[AP]\.?M\.?|[A-Z]{2,4}T|GMT|UTC|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b"
        r"|[\d:|,.–—-]",
        " ",
        rest,
    )
    return not rest.strip()
