"""Person-name surface forms: cleaning what the NER hands us, and comparing two forms.

Shared by in-article clustering (app/extraction/people.py) and cross-article resolution
(app/resolution/people.py), so both agree on what "the same name" means.
"""

from __future__ import annotations

import re
import unicodedata

from app.lexicon import words_of
from app.lexicon.people import HONORIFICS, ROLE_WORDS

PARTICLES = words_of("de del della der di du da dos das van von le la al el bin ibn abu ben st. st mac")
# Words that follow a hyphen to make an adjective of a name ("London-based", "Obama-era"): never
# the second half of a given name.
HYPHEN_SUFFIXES = words_of("based born led backed owned style era like run made linked funded controlled")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")


def key(name: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"['\u2019]s\b", "", text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    return " ".join(text.split())


def words(name: str) -> list[str]:
    return key(name).split()


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def core_words(name: str) -> list[str]:
    """Words of the name without middle initials ("George W. Bush" -> george, bush)."""
    ws = words(name)
    if len(ws) <= 2:
        return ws
    return [ws[0], *[w for w in ws[1:-1] if not is_initial(w)], ws[-1]]


def clean_tokens(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a raw entity into (honorifics/titles in front, name words).

    "Dr. Angela Reyes's" -> (["Dr."], ["Angela", "Reyes"]); stops at a possessive inside the
    entity ("Varga's Paris" -> ["Varga"]) and drops what is not a name word ("Castleford 3-2").
    """
    front: list[str] = []
    out: list[str] = []
    for k, tok in enumerate(tokens):
        if tok == "-" and out and k + 1 < len(tokens) and hyphen_part(tokens[k + 1]):
            out.append(tok)  # "Lund-Yates", "Hsien-loong", split by the tokenizer
            continue
        if out and out[-1] == "-" and tok.isalpha() and tok not in HYPHEN_SUFFIXES:
            out.append(tok)  # the lower-case second half of a hyphenated given name
            continue
        if tok in ("'s", "’s", "'", "’"):
            break
        if POSSESSIVE.search(tok) and len(tok) > 2:
            out.append(POSSESSIVE.sub("", tok))
            break
        if not out and (tok.lower() in HONORIFICS or tok.lower() in ROLE_WORDS):
            front.append(tok)
            continue
        if "/" in tok:
            out.append(tok.split("/")[0])
            break
        if NAME_WORD.match(tok) or (out and tok.lower() in PARTICLES):
            out.append(tok)
        elif out:
            break
    while out and ((out[-1].lower() in PARTICLES and out[-2:-1] != ["-"]) or out[-1] == "-"):
        out.pop()  # a trailing particle, unless it is the end of a hyphenated name ("Lung-bin")
    if len(out) < 2 and front and front[-1].lower() not in HONORIFICS:
        out.insert(0, front.pop())  # "Bishop" alone, or a surname that is a role word: keep it
    return front, out


def hyphen_part(word: str) -> bool:
    """What may follow a hyphen inside a name: a capitalised word ("Lund-Yates") or a short
    lower-case syllable of a romanised given name ("Hsien-loong", "Che-cheung")."""
    if word[:1].isupper():
        return True
    return word.isalpha() and word.islower() and len(word) <= 6 and word not in HYPHEN_SUFFIXES


def join_name(words: list[str]) -> str:
    """Name words back into a name: spaces between words, none around a hyphen."""
    return " ".join(words).replace(" - ", "-")


def same_core(a: str, b: str) -> bool:
    """ "Helen J. Marsh" and "Helen Marsh" are one name; "Li Wei" and "Li Weiming" are not."""
    return core_words(a) == core_words(b) and bool(core_words(a))


def surname(name: str) -> str:
    ws = words(name)
    return ws[-1] if ws else ""


def given(name: str) -> str:
    ws = words(name)
    return ws[0] if ws else ""
