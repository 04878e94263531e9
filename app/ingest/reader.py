"""Read article files into records: text plus the metadata the file gives.

Formats (SPEC): ``.txt`` and ``.md`` (optional YAML front matter) with an optional sidecar
``<stem>.meta.json``; ``.json`` (one record) and ``.jsonl`` (one record per line); ``.html`` and
``.htm`` saved web pages (main text and page metadata, :mod:`app.ingest.html`). A problem is
never raised past this module: it becomes a :class:`ReadError` naming ``file`` or ``file:line``
and the reason, so the caller can report it and carry on with the other records.

Files come from outside, so nothing is trusted before it is checked: a path that is not a regular
file (a FIFO would block the run, a device would never end) is refused by its type before it is
opened, and its size is checked before a byte is read. A ``.jsonl`` file may be of any size: it is
read line by line, each line capped at the same limit, so memory stays bounded either way.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from app.ingest.text import check_text, clean_string, decode_text
from app.ingest.text import normalise_published_at as normalise_published_at
from app.records import ArticleRecord

ARTICLE_SUFFIXES = {".txt", ".md", ".json", ".jsonl", ".html", ".htm"}
META_KEYS = ("title", "url", "publisher", "authors", "published_at", "language")
DEFAULT_MAX_BYTES = 5_000_000  # KB_MAX_ARTICLE_BYTES
MAX_CHARS = 500_000  # an article's text, what the extractor is built for
SIDECAR_MAX_BYTES = 1_000_000
DEFAULT_MAX_CHARS = MAX_CHARS


@dataclass
class ReadError:
    origin: str
    reason: str


def discover(
    paths: Iterable[Path], skipped: list[ReadError] | None = None
) -> tuple[list[Path], list[ReadError]]:
    """Article files under ``paths`` (folders recursively), sorted; sidecars are not articles.

    A path named on the command line that is not an article is an error; a file of another type
    found in a folder goes to ``skipped`` (when given), so the summary can name it; hidden files
    (``.DS_Store``, ``.git/``) are housekeeping and not named.
    """
    found: list[Path] = []
    errors: list[ReadError] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if is_article_file(p) and not p.is_dir():
                    found.append(p)  # not a regular file: the reader refuses it by type, by name
                elif skipped is not None and not p.is_dir() and not is_sidecar(p) and not _hidden(p, path):
                    skipped.append(ReadError(str(p), unsupported(p)))
        elif os.path.lexists(path):
            if is_article_file(path):
                found.append(path)
            else:
                errors.append(ReadError(str(path), unsupported(path)))
        else:
            errors.append(ReadError(str(path), "no such file or directory"))
    return list(dict.fromkeys(found)), errors


def _hidden(path: Path, root: Path) -> bool:
    """``.DS_Store``, ``.git/...``: housekeeping files a folder carries, not articles left out."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def unsupported(path: Path) -> str:
    return (
        f"unsupported file type {path.suffix or '(none)'!r}; expected .txt, .md, .json, .jsonl, .html or .htm"
    )


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(".meta.json")


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and not is_sidecar(path)


def read_file(
    path: Path, max_chars: int = MAX_CHARS, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleRecord | ReadError]:
    """Every record of one file, or the errors that stand in for bad ones. Never raises: a bug
    here is that file's failure, not the end of the run."""
    try:
        yield from _read(path, max_chars, max_bytes)
    except Exception as exc:
        yield ReadError(str(path), f"cannot read: {type(exc).__name__}: {exc}")


def _read(path: Path, max_chars: int, max_bytes: int) -> Iterator[ArticleRecord | ReadError]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with open_regular(path, max_bytes=None) as fh:
                yield from _read_jsonl(str(path), fh, max_chars, max_bytes)
            return
        with open_regular(path, max_bytes) as fh:
            raw = fh.read(max_bytes + 1)
        if len(raw) > max_bytes:  # it grew after it was measured
            raise ValueError(too_large(len(raw), max_bytes, "file"))
        if suffix in (".html", ".htm"):
            yield _read_html(path, raw, max_chars)
            return
        text = decode_text(raw)
        if suffix == ".json":
            yield _record_from_json(str(path), text, max_chars)
            return
        meta: dict[str, Any] = {}
        if suffix == ".md":
            meta, text = split_front_matter(text)
        meta.update(_read_sidecar(path))
        notes: list[str] = []
        text = check_text(text, max_chars, notes)
        yield ArticleRecord(str(path), text, validate_meta(meta, notes), notes)
    except ValueError as exc:
        yield ReadError(str(path), str(exc))


def make_record(origin: str, text: object, meta: dict[str, Any], max_chars: int = MAX_CHARS) -> ArticleRecord:
    """A record from text and metadata that come from outside (a page, a feed, an API body):
    checked like a file's, with every repair (a replaced surrogate, a cut value) kept as a note."""
    notes: list[str] = []
    checked = check_text(text, max_chars, notes)
    return ArticleRecord(origin, checked, validate_meta(meta, notes), notes)


def _read_html(path: Path, raw: bytes, max_chars: int) -> ArticleRecord:
    """A saved web page: its article text and metadata (app.ingest.html); a sidecar still wins."""
    from app.ingest.html import parse_page  # trafilatura loads only when a page is read

    page = parse_page(raw)
    return make_record(str(path), page.text, {**page.meta, **_read_sidecar(path)}, max_chars)


def open_regular(path: Path, max_bytes: int | None, what: str = "file") -> IO[bytes]:
    """Open ``path`` for reading only if it is a regular file (checked before opening and again on
    the open descriptor, so a file swapped in between is refused too) no larger than ``max_bytes``."""
    try:
        _check_regular(os.stat(path).st_mode, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        subject = "" if what == "file" else f" {what}"
        raise ValueError(f"cannot read{subject}: {exc.strerror or exc}") from None
    fh = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fd)
        _check_regular(info.st_mode, what)
        if max_bytes is not None and info.st_size > max_bytes:
            raise ValueError(too_large(info.st_size, max_bytes, what))
        os.set_blocking(fd, True)
    except BaseException:
        fh.close()
        raise
    return fh


FILE_TYPES = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _check_regular(mode: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        kind = FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")
        raise ValueError(f"{what} is {kind}, not a regular file; not read")


def too_large(size: int, limit: int, what: str) -> str:
    return f"{what} too large ({size:,} bytes; the limit is {limit:,}, KB_MAX_ARTICLE_BYTES)"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter of a Markdown file, and the text after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        raise ValueError("front matter opened with '---' but never closed")
    block = text[4:end]
    rest = text[end + 4 :]
    rest = rest[rest.find("\n") + 1 :] if "\n" in rest else ""
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ValueError("front matter is nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("front matter must be a mapping of keys to values")
    return data, rest


def validate_meta(meta: dict[str, Any], notes: list[str] | None = None) -> dict[str, Any]:
    """Keep the known keys, checked and normalised; a wrong type is an error, not a guess."""
    notes = notes if notes is not None else []
    out: dict[str, Any] = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                raise ValueError("'authors' must be a list of strings")
            names = [clean_string(a, "authors", notes).strip() for a in value]
            out[key] = [a for a in names if a]
        elif key == "published_at":
            value = clean_string(value, key, notes) if isinstance(value, str) else value
            out[key] = normalise_published_at(value)
        else:
            if not isinstance(value, str):
                raise ValueError(f"{key!r} must be a string, not {type(value).__name__}")
            out[key] = clean_string(value, key, notes).strip()
    return out


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not os.path.lexists(sidecar):
        return {}
    with open_regular(sidecar, SIDECAR_MAX_BYTES, f"sidecar {sidecar.name}") as fh:
        raw = fh.read(SIDECAR_MAX_BYTES + 1)
    try:
        data = json.loads(decode_text(raw))
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"sidecar {sidecar.name} is not valid JSON: {_short(exc)}") from None
    if not isinstance(data, dict):
        raise ValueError(f"sidecar {sidecar.name} must hold a JSON object")
    return data


def _record_from_json(origin: str, raw: str, max_chars: int) -> ArticleRecord | ReadError:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return ReadError(origin, f"invalid JSON: {_short(exc)}")
    if not isinstance(data, dict):
        return ReadError(origin, f"expected a JSON object with 'text', got {type(data).__name__}")
    if "text" not in data:
        return ReadError(origin, "missing 'text'")
    try:
        notes: list[str] = []
        text = check_text(data["text"], max_chars, notes)
        return ArticleRecord(origin, text, validate_meta(data, notes), notes)
    except ValueError as exc:
        return ReadError(origin, str(exc))


def _read_jsonl(
    name: str, fh: IO[bytes], max_chars: int, max_bytes: int
) -> Iterator[ArticleRecord | ReadError]:
    """One record per line; a line longer than ``max_bytes`` is skipped unread, in one line."""
    any_line = False
    number = 0
    while raw := fh.readline(max_bytes + 1):
        number += 1
        origin = f"{name}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(fh)
            yield ReadError(origin, too_large(size, max_bytes, "line"))
            any_line = True
            continue
        if not raw.strip():
            continue
        any_line = True
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield ReadError(origin, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
            continue
        yield _record_from_json(origin, line, max_chars)
    if not any_line:
        yield ReadError(name, "empty file")


def _skip_line(fh: IO[bytes]) -> int:
    """Read past the rest of an over-long line without keeping it; returns its length."""
    skipped = 0
    while chunk := fh.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _short(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).splitlines()[0][:200]
