"""Fetch a page or a feed over HTTP: httpx with timeouts, a size cap, a clear User-Agent, redirects
followed (http and https only), and every failure turned into one short reason.

Two policies: the command line (`kb ingest URL`) is the operator's own request and may fetch any
address; the API and its workers fetch on a client's behalf and reach public addresses only
(:mod:`app.netguard`), unless the operator allows more networks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from app.netguard import AddressPolicy, BlockedAddress, DNSFailure, GuardedTransport
from app.settings import Settings

ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A fetch that failed; ``str()`` is the reason, without the URL (callers name it)."""


@dataclass
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes

    @property
    def is_feed(self) -> bool:
        """RSS or Atom: by media type, or by the document's root for servers that say text/xml."""
        if self.content_type in FEED_TYPES:
            return True
        head = self.body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if self.content_type in XML_TYPES or head.startswith(b"<?xml"):
            return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
        return False

    @property
    def is_html(self) -> bool:
        if self.content_type in ("text/html", "application/xhtml+xml"):
            return True
        head = self.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return self.content_type in ("", "text/plain", "application/octet-stream") and head.startswith(
            (b"<!doctype html", b"<html")
        )

    def html(self) -> str | bytes:
        """The page as text when the server named its charset, else bytes for the parser to sniff."""
        if self.charset:
            try:
                return self.body.decode(self.charset, errors="replace")
            except LookupError:
                return self.body
        return self.body


def check_url(url: str) -> str:
    """The URL, or a FetchError saying why it cannot be fetched."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError("the URL has no host")
    return url.strip()


class Fetcher:
    """One HTTP client (connection reuse across a feed's articles); close it when done."""

    def __init__(
        self,
        *,
        policy: AddressPolicy | None,
        timeout_s: float = 20,
        max_bytes: int = 5_000_000,
        user_agent: str = "newsroom-kb",
    ) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        transport = GuardedTransport(policy) if policy is not None else GuardedTransport(AddressPolicy(False))
        self.client = httpx.Client(
            transport=transport,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)),
            headers={"User-Agent": user_agent, "Accept": ACCEPT},
            trust_env=False,
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, public_only: bool) -> Fetcher:
        """The API's workers fetch public addresses only; the operator's command line anything."""
        policy = AddressPolicy.from_settings(settings.fetch_allowed_networks) if public_only else None
        return cls(
            policy=policy,
            timeout_s=settings.fetch_timeout_s,
            max_bytes=settings.fetch_max_bytes,
            user_agent=settings.fetch_user_agent,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        url = check_url(url)
        try:
            return self._get(url)
        except (BlockedAddress, DNSFailure) as exc:
            raise FetchError(str(exc)) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out (limit {self.timeout_s:g}s)") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("redirected to a URL that is not http or https") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {_first_line(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_first_line(exc)}") from None

    def _get(self, url: str) -> Fetched:
        deadline = time.monotonic() + self.timeout_s
        with self.client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"too large ({int(declared):,} bytes; at most {self.max_bytes:,})")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(f"too large (more than {self.max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out (limit {self.timeout_s:g}s)")
            media, _, params = response.headers.get("content-type", "").partition(";")
            return Fetched(
                url=url,
                final_url=str(response.url),
                content_type=media.strip().lower(),
                charset=_charset(params),
                body=bytes(body),
            )


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
