"""Which addresses a fetch may connect to, checked where the connection is made.

A URL posted to the API is a request to fetch on someone else's behalf (server-side request
forgery): it must not reach the loopback interface, the private network, link-local addresses or
a cloud metadata service. Checking the URL's host before the request is not enough: a redirect
can point anywhere, and a name can resolve to a public address when checked and to 127.0.0.1 when
connected (DNS rebinding). So the check lives in httpcore's network backend: every TCP connection,
for the first request and for every redirect, resolves the name once, refuses it if any address
is not public, and connects to exactly the address that was checked. TLS still verifies the
certificate against the host name (httpcore passes it as the server name).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class BlockedAddress(Exception):
    """The host resolves to an address this fetcher may not connect to."""


class DNSFailure(Exception):
    """The host name does not resolve."""


@dataclass(frozen=True)
class AddressPolicy:
    """``public_only``: refuse every address that is not globally routable, except ``allowed``."""

    public_only: bool = True
    allowed: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_settings(cls, networks: Iterable[str]) -> AddressPolicy:
        return cls(True, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def check(self, host: str, ip: IPAddress) -> None:
        if not self.public_only or any(ip in net for net in self.allowed):
            return
        mapped = getattr(ip, "ipv4_mapped", None)
        real = mapped or ip
        if not real.is_global or real.is_multicast:
            raise BlockedAddress(
                f"refused to fetch from {host} ({ip}): {describe(real)} address, not a public one"
            )


def describe(ip: IPAddress) -> str:
    if ip.is_unspecified:
        return "an unspecified"
    if ip.is_loopback:
        return "a loopback"
    if ip.is_link_local:
        return "a link-local (cloud metadata)"
    if ip.is_reserved:
        return "a reserved"
    if ip.is_private:
        return "a private-network"
    if ip.is_multicast:
        return "a multicast"
    return "a reserved"


def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DNSFailure(f"DNS lookup failed for {host}: {exc.strerror or exc}") from None
    out: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in out:
            out.append(ip)
    return out


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, resolving and checking every host before connecting to it."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        for ip in addresses:
            self.policy.check(host, ip)
        error: Exception | None = None
        for ip in addresses:
            try:
                return self.inner.connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise BlockedAddress("refused to connect to a unix socket")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over :class:`GuardedBackend` (no proxies: they would connect for us)."""

    def __init__(self, policy: AddressPolicy, *, max_connections: int = 10) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )
