"""Checking the strings a file gives: the article text and its metadata values.

JSON may carry what no Unicode text can (a lone surrogate such as ``"\\ud800"`` is a legal JSON
escape, often half an emoji cut by a truncating exporter) and what no database stores (NUL: SQLite
keeps it, PostgreSQL refuses the whole article). Both are settled here, the same way for either
database: a lone surrogate becomes U+FFFD and a note says so; a NUL refuses the record, since no
article text holds one.
"""

from __future__ import annotations

import re

from app.records import normalise_published_at as normalise_published_at

SURROGATE = re.compile("[\ud800-\udfff]")  # a class, no quantifier: linear
REPLACEMENT = "\ufffd"


def decode_text(raw: bytes) -> str:
    if not raw.strip():
        raise ValueError("empty file")
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: object, max_chars: int, notes: list[str]) -> str:
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("article text is empty")
    if len(text) > max_chars:
        raise ValueError(f"article too long ({len(text):,} characters; the limit is {max_chars:,})")
    return clean_string(text, "text", notes)


def clean_string(value: str, key: str, notes: list[str]) -> str:
    """``value`` without lone surrogates (replaced, noted); a NUL refuses it."""
    if "\x00" in value:
        where = "article text contains" if key == "text" else f"{key!r} contains"
        raise ValueError(f"{where} NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value, count = SURROGATE.subn(REPLACEMENT, value)
        first = "a lone surrogate" if count == 1 else f"{count} lone surrogates"
        notes.append(f"{first} in {key!r} (not valid Unicode) replaced with U+FFFD")
    return value
