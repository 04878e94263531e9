"""Fetching on someone else's behalf reaches public addresses only: checked after DNS resolution
and on every redirect, at the connection itself, unless the operator allows a network."""

from __future__ import annotations

import ipaddress
import re

import pytest

from app.ingest.fetch import Fetcher, FetchError
from app.netguard import AddressPolicy, BlockedAddress
from testkit.webserver import WebServer

PAGE = (
    "<html><body><article><p>"
    + "A public story about the harbour budget. " * 5
    + "</p></article></body></html>"
)


@pytest.fixture
def web():
    server = WebServer()
    server.add("/page", PAGE)
    yield server
    server.close()


def fetcher(*allowed: str) -> Fetcher:
    return Fetcher(policy=AddressPolicy.from_settings(allowed), timeout_s=5)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private-network"),
        ("192.168.0.10", "private-network"),
        ("169.254.169.254", "link-local (cloud metadata)"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fd00:ec2::254", "private-network"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_refused(address, kind):
    with pytest.raises(BlockedAddress, match=kind.replace("(", r"\(").replace(")", r"\)")):
        AddressPolicy().check("host", ipaddress.ip_address(address))


def test_public_addresses_pass():
    AddressPolicy().check("example.com", ipaddress.ip_address("93.184.215.14"))


def test_the_local_server_is_refused_unless_allowed(web):
    with fetcher() as f, pytest.raises(FetchError, match=re.escape("refused to fetch from 127.0.0.1")):
        f.get(web.url("/page"))
    assert web.requests == []  # refused before connecting
    with fetcher("127.0.0.1/32") as f:
        assert f.get(web.url("/page")).body.startswith(b"<html>")


def test_a_name_is_checked_after_it_resolves(web):
    with fetcher() as f, pytest.raises(FetchError, match="refused to fetch from localhost"):
        f.get(f"http://localhost:{web.port}/page")


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://127.0.0.2:{port}/page", "refused to fetch from 127.0.0.2"),
        ("http://10.0.0.7/admin", "private-network"),
        ("file:///etc/passwd", "redirected to a URL that is not http or https"),
    ],
)
def test_every_redirect_is_checked(web, target, reason):
    web.add("/jump", redirect=target.format(port=web.port))
    with fetcher("127.0.0.1/32") as f, pytest.raises(FetchError, match=reason):
        f.get(web.url("/jump"))


def test_the_command_line_policy_fetches_anything(web):
    with Fetcher(policy=None, timeout_s=5) as f:
        assert f.get(web.url("/page")).final_url == web.url("/page")
