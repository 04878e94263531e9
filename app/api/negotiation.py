"""``Accept`` negotiation (RFC 9110 section 12.5.1): q-values, wildcards, any case.

Why not a substring test: ``text/csv;q=0.1, application/json`` asks for JSON, ``TEXT/CSV`` asks
for CSV, and ``application/json;q=0, text/csv`` refuses JSON; looking for the string
``text/csv`` got all three wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_RANGES = 64  # a longer header is read up to here (headers are bounded by the server anyway)


def parse(accept: str) -> list[tuple[str, float]]:
    """The header's media ranges, lowercased, each with its q-value (1 when not given); a range
    with an unreadable q-value is left out."""
    ranges = []
    for part in accept.split(",")[:MAX_RANGES]:
        media, *params = (p.strip() for p in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0
        if 0.0 <= q <= 1.0:
            ranges.append((media.lower(), q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q-value of the most specific range matching ``offer``, and that specificity
    (2 exact, 1 ``type/*``, 0 ``*/*``); (0, -1) when none matches."""
    kind = offer.split("/")[0] + "/*"
    best = (0.0, -1)
    for media, q in ranges:
        specificity = 2 if media == offer else 1 if media == kind else 0 if media == "*/*" else -1
        if specificity > best[1]:
            best = (q, specificity)
    return best


def preferred(accept: str | None, offers: Sequence[str]) -> str:
    """The offer the client prefers: the highest q-value, then the one a more specific range
    names, then the order of ``offers``; the first offer when no header or nothing acceptable."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse(accept)
    scored = [(*_quality(offer, ranges), -i, offer) for i, offer in enumerate(offers)]
    q, _, _, offer = max(scored)
    return offer if q > 0 else offers[0]
