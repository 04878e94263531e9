"""Is this the quote we already have? Pure functions, no database.

Two outlets rarely reproduce a quote byte for byte: one uses curly marks and the other straight
ones, one writes "defence" and a dash where the other has a comma, one drops a trailing clause
or inserts "[the visit]". ``quote_key`` removes differences of typography and case;
``same_quote`` accepts near-verbatim renderings (a word or two changed, or one a clean excerpt
of the other) and refuses paraphrases, so the store can merge a quote seen in several sources
into one fact with one evidence entry per source.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from app.keys import quote_key
from app.tuning import tuning


def same_quote(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` render the same words, verbatim or nearly so."""
    ka, kb = quote_key(a).split(), quote_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if (
        len(short) >= tuning().quote_min_excerpt
        and len(short) >= tuning().quote_excerpt_share * len(long_)
        and _contains(long_, short)
    ):
        return True
    if min(len(ka), len(kb)) < 4 or _numbers(ka) != _numbers(kb):
        return False  # "helped 1,037 shippers" and "helped 1,777 shippers" are two statements
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= tuning().quote_near_ratio


def _numbers(words: list[str]) -> list[str]:
    return [w for w in words if any(c.isdigit() for c in w)]


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))
