"""Normalised keys: what the write path stores is exactly what the read path and the resolver
look up, because both call the same function here.

Every key column in the schema is filled by one function of this module, and every filter or
candidate lookup over that column computes its parameter with the same function. A key is cut to
its column's width inside the function (so a long name is cut the same way when it is stored and
when it is looked up, and the database never refuses it).

- :func:`name_key`: people's names and aliases, event participants (``?name=``, ``?speaker=``,
  ``?participant=``);
- :func:`speaker_key`: quotes' speakers by name (``?speaker=``), a leading "the" dropped;
- :func:`publisher_key`: sources' publishers (``?publisher=``), a leading "the" dropped;
- :func:`summary_key`: events' summaries;
- :func:`quote_key` / :func:`quote_text_key`: a quote's words, for "the same quote again";
- :func:`measure_key` / :func:`period_key`: what a figure measures and for when, for "the same
  figure again" and figures that conflict.

Changing what a key function returns changes stored data: it needs a migration that rewrites the
column (see ``migrations/versions/0004_one_key_per_thing.py``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

NAME_KEY_LENGTH = 200  # people.name_key, person_aliases.alias_key; speaker and participant keys too
PUBLISHER_KEY_LENGTH = 200  # sources.publisher_key
SUMMARY_KEY_LENGTH = 300  # events.summary_key
MEASURE_KEY_LENGTH = 300  # figures.measure_key
PERIOD_KEY_LENGTH = 100  # figures.period_key

APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Case-, accent-, width- and spacing-insensitive form of a text, curly apostrophes made straight.

    Compatibility forms become plain ones (full-width letters, non-breaking spaces, ligatures),
    accents and other combining marks go, case is folded the Unicode way ("Weiß" and "WEISS"
    meet, which ``str.lower`` misses) and runs of any whitespace become one space. Idempotent:
    folding a key gives the key, so a client may send a key back as a value.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().translate(APOSTROPHES)
    return " ".join(text.split())


def _cut(key: str, length: int) -> str:
    return key[:length].rstrip()


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def name_key(name: str) -> str:
    """What aliases are stored under and what ``?speaker=``/``?name=``/``?participant=`` look up."""
    return _cut(fold(name), NAME_KEY_LENGTH)


def speaker_key(name: str) -> str:
    """A speaker as filtered by ``/quotes?speaker=``: a name key without a leading "the"."""
    return _without_the(name_key(name))


def publisher_key(publisher: str) -> str:
    """A publisher as filtered by ``/sources?publisher=``: "The Straits Times", "straits times" and
    "STRAITS TIMES" meet, and so do "Süddeutsche Straße" and "suddeutsche strasse"."""
    return _cut(_without_the(fold(publisher)), PUBLISHER_KEY_LENGTH)


def summary_key(summary: str) -> str:
    """An event's summary without case or spacing differences (stored beside it, indexed)."""
    return _cut(" ".join(summary.casefold().split()), SUMMARY_KEY_LENGTH)


# --- quotes -------------------------------------------------------------------------------------

BRACKETED = re.compile(r"\[[^\]]{0,60}\]")
WORD = re.compile(r"\w+(?:'\w+)*")
# British and American spellings that differ in news copy; compared as one word.
SPELLING = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("our", "or"),
    ("ence", "ense"),
    ("tre", "ter"),
    ("lled", "led"),
)


def quote_key(text: str) -> str:
    """Lower-cased words of the quote, typography and editorial brackets removed."""
    norm = unicodedata.normalize("NFKC", text or "").casefold()
    norm = norm.replace("’", "'").replace("‘", "'").replace("`", "'")
    norm = BRACKETED.sub(" ", norm)
    return " ".join(_spelling(w) for w in WORD.findall(norm))


def quote_text_key(text: str) -> str:
    """What ``quotes.text_key`` holds: a hash of :func:`quote_key` (fixed width, indexed)."""
    return hashlib.sha1(quote_key(text).encode()).hexdigest()


def _spelling(word: str) -> str:
    for british, american in SPELLING:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


# --- figures ------------------------------------------------------------------------------------


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say nothing about what a figure measures.
MEASURE_STOP_WORDS = word_set(
    """
a an the of in on at to for from with by and or its their his her this that these those as per than
record total about some new compared year-on-year s between among
over nearly roughly approximately around almost more less least only just under above below fewer
"""
)
# Demonyms and country names meet ("Japanese imports" / "Japan's imports"). A general resource.
# fmt: off
DEMONYMS = {
    "chinese": "china", "russian": "russia", "american": "us", "u.s.": "us", "united": "us", "british": "uk",
    "ukrainian": "ukraine", "french": "france", "german": "germany", "japanese": "japan", "indian": "india",
    "european": "europe", "eu": "europe", "saudi": "saudi", "iranian": "iran", "turkish": "turkey",
    "brazilian": "brazil", "canadian": "canada", "mexican": "mexico", "korean": "korea", "italian": "italy",
    "spanish": "spain", "australian": "australia", "israeli": "israel", "taiwanese": "taiwan",
}
# fmt: on


def singular(word: str) -> str:
    """A crude English singular, enough for measure words ("imports" -> "import")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def measure_key(measure: str | None) -> str:
    """What a figure measures: sorted content words, singular, demonyms as countries.
    "Brazil-Japan trade" -> "brazil japan trade"."""
    if not measure:
        return ""
    text = re.sub(r"[’']s\b", "", measure.lower())
    words = re.findall(r"[a-z0-9.]+", text.replace("-", " "))
    stop = MEASURE_STOP_WORDS
    keys = {DEMONYMS.get(w, singular(w.strip("."))) for w in words if w.strip(".") and w not in stop}
    return _cut(" ".join(sorted(k for k in keys if k and k not in stop)), MEASURE_KEY_LENGTH)


def period_key(period: str | None) -> str:
    """The period a figure is for, folded, without the word "the": "The 2024 Fiscal Year" and
    "2024 fiscal year" meet (figures are merged or found conflicting only within one period)."""
    words = fold(period or "").split()
    return _cut(" ".join(w for w in words if w != "the"), PERIOD_KEY_LENGTH)
