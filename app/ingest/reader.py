"""Read article files into records: text plus the metadata the file gives.

Formats (SPEC): ``.txt`` and ``.md`` (optional YAML front matter) with an optional sidecar
``<stem>.meta.json``; ``.json`` (one record) and ``.jsonl`` (one record per line). A problem is
never raised past this module: it becomes a :class:`ReadError` naming ``file`` or ``file:line``
and the reason, so the caller can report it and carry on with the other records.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

ARTICLE_SUFFIXES = {".txt", ".md", ".json", ".jsonl", ".html", ".htm"}
META_KEYS = ("title", "url", "publisher", "authors", "published_at", "language")
DEFAULT_MAX_CHARS = 500_000


@dataclass
class ArticleRecord:
    origin: str  # "path" or "path:line"
    text: str
    meta: dict = field(default_factory=dict)  # validated subset of META_KEYS

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class ReadError:
    origin: str
    reason: str


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[ReadError]]:
    """Article files under ``paths`` (folders recursively), sorted; sidecars are not articles."""
    found: list[Path] = []
    errors: list[ReadError] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p))
        elif path.is_file():
            if is_article_file(path):
                found.append(path)
            else:
                errors.append(
                    ReadError(
                        str(path),
                        f"unsupported file type {path.suffix or '(none)'!r}; "
                        "expected .txt, .md, .json, .jsonl, .html or .htm",
                    )
                )
        else:
            errors.append(ReadError(str(path), "no such file or directory"))
    return list(dict.fromkeys(found)), errors


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.lower().endswith(".meta.json")


def read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleRecord | ReadError]:
    """Every record of one file, or the errors that stand in for bad ones."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, max_chars)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if suffix in (".html", ".htm"):
        yield _read_html(path, raw, max_chars)
        return
    try:
        text = decode_text(raw, max_chars)
        if suffix == ".json":
            yield _record_from_json(str(path), text, max_chars)
            return
        meta: dict = {}
        if suffix == ".md":
            meta, text = split_front_matter(text)
        meta.update(_read_sidecar(path))
        yield ArticleRecord(str(path), check_text(text, max_chars), validate_meta(meta))
    except ValueError as exc:
        yield ReadError(str(path), str(exc))


def _read_html(path: Path, raw: bytes, max_chars: int) -> ArticleRecord | ReadError:
    """A saved web page: its article text and metadata (app.ingest.html); a sidecar still wins."""
    from app.ingest.html import parse_page

    try:
        page = parse_page(raw)
        meta = {**page.meta, **_read_sidecar(path)}
        return ArticleRecord(str(path), check_text(page.text, max_chars), validate_meta(meta))
    except ValueError as exc:
        return ReadError(str(path), str(exc))


def unsupported_files(paths: Iterable[Path]) -> list[Path]:
    """Files inside the given folders that are not articles (nor sidecars, nor hidden), so the
    summary can name them instead of skipping them in silence."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            continue
        for p in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
            sidecar = p.name.lower().endswith(".meta.json")
            if p.is_file() and not hidden and not sidecar and not is_article_file(p):
                found.append(p)
    return found


def decode_text(raw: bytes, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    if not raw.strip():
        raise ValueError("empty file")
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    if len(raw) > max_chars * 4:
        raise ValueError(
            f"too large ({len(raw):,} bytes; an article may have at most {max_chars:,} characters)"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: object, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("article text is empty")
    if "\x00" in text:
        raise ValueError("article text contains NUL characters")
    if len(text) > max_chars:
        raise ValueError(f"article too long ({len(text):,} characters; the limit is {max_chars:,})")
    return text


def split_front_matter(text: str) -> tuple[dict, str]:
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
    if not isinstance(data, dict):
        raise ValueError("front matter must be a mapping of keys to values")
    return data, rest


def validate_meta(meta: dict) -> dict:
    """Keep the known keys, checked and normalised; a wrong type is an error, not a guess."""
    out: dict = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                raise ValueError("'authors' must be a list of strings")
            out[key] = [a.strip() for a in value if a.strip()]
        elif key == "published_at":
            out[key] = normalise_published_at(value)
        else:
            if not isinstance(value, str):
                raise ValueError(f"{key!r} must be a string, not {type(value).__name__}")
            out[key] = value.strip()
    return out


def normalise_published_at(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError("'published_at' must be an ISO date or datetime string")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(f"'published_at' is not an ISO date or datetime: {text[:40]!r}") from None


def _read_sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(decode_text(sidecar.read_bytes()))
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
        return ArticleRecord(origin, check_text(data["text"], max_chars), validate_meta(data))
    except ValueError as exc:
        return ReadError(origin, str(exc))


def _read_jsonl(path: Path, max_chars: int) -> Iterator[ArticleRecord | ReadError]:
    any_line = False
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            any_line = True
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield ReadError(origin, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
                continue
            if len(line) > max_chars * 2:
                yield ReadError(origin, f"line too long ({len(line):,} characters)")
                continue
            yield _record_from_json(origin, line, max_chars)
    if not any_line:
        yield ReadError(str(path), "empty file")


def _short(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).splitlines()[0][:200]
