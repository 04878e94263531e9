"""Spellings of one name that a key must treat as one: how a value may be written when it is stored
and how a client may type it when looking it up. Shared by the key tests of every layer."""

from __future__ import annotations

import unicodedata


def full_width(text: str) -> str:
    """ASCII letters and digits as their full-width forms ("Ana" -> "Ａｎａ")."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def variants(name: str) -> dict[str, str]:
    """Ways a client may type ``name``: each must find what was stored under ``name``."""
    return {
        "upper case (ß as SS)": name.upper(),
        "lower case": name.lower(),
        "accents stripped": "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        ),
        "combining marks (NFD)": unicodedata.normalize("NFD", name),
        "non-breaking spaces": name.replace(" ", "\u00a0"),
        "doubled spaces and tabs": "  " + name.replace(" ", " \t ") + " ",
        "full-width letters": full_width(name),
        "curly apostrophes": name.replace("'", "’"),
        "straight apostrophes": name.replace("’", "'"),
    }


# (as stored, as looked up): pairs no key may tell apart
SAME_NAME = [
    ("Jürgen Weiß", "JURGEN WEISS"),
    ("Jürgen Weiß", "ju\u0308rgen weiss"),
    ("Seán O’Neill", "sean o'neill"),
    ("Ana\u00a0Reyes", "ana reyes"),
    ("Ana Reyes", "Ａｎａ　Ｒｅｙｅｓ"),
    ("Zoë  Çelik", "zoe celik"),
]
SAME_ORGANISATION = [
    ("The Ministry of Health", "ministry of health"),
    ("The Straits Times", "STRAITS\u00a0TIMES"),
    ("Süddeutsche Straße", "SÜDDEUTSCHE STRASSE"),
    ("Le Monde\u00a0Diplomatique", "le monde diplomatique"),
    ("Ｌｅ Ｆｉｇａｒｏ", "le figaro"),
    ("L’Équipe", "l'equipe"),
]
