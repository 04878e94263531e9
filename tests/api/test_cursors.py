"""Any cursor a client can forge is a 422 naming ``cursor``, never a 500 or a 503, on both
databases: ids at or past 2^63 (SQLite's integer range), dates that are no calendar date, other
tags, other digits. The API's list cursors and the explorer's page cursors alike."""

from __future__ import annotations

import base64

import pytest


def forge(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


BIG = [2**62 + 1, 2**63 - 1, 2**63, 2**64, 10**40]
LIST_CURSORS = [
    *(forge(f"id:{n}") for n in BIG),
    *(forge(f"pd:2024-01-01:{n}") for n in BIG),
    *(forge(f"pd:{day}:1") for day in ["9999-99-99", "2024-13-45", "0000-00-00", "2024-02-30", "2024-1-01"]),
    forge("id:-1"),
    forge("id:\u00b2"),
    forge("id:\u0661\u0662"),
    forge("pd::1"),
    "!!!",
    "\u00e9",
]
PAGE_CURSORS = [
    *(forge(f"d:2024-01-01:{n}") for n in BIG),
    *(forge(f"d::{n}") for n in BIG),
    *(forge(f"d:{day}:1") for day in ["9999-99-99", "2024-13-45", "0000-00-00"]),
    forge("d:2024-01-01:\u00b2"),
]


@pytest.mark.parametrize("cursor", LIST_CURSORS)
@pytest.mark.parametrize("path", ["/quotes", "/figures", "/events", "/people", "/sources"])
@pytest.mark.parametrize("sort", ["id", "-published_at"])
def test_a_forged_list_cursor_is_a_422(corpus_api, path, cursor, sort):
    params = {"cursor": cursor, **({"sort": sort} if path in ("/quotes", "/figures", "/events") else {})}
    response = corpus_api.client.get(path, params=params)
    assert response.status_code == 422, (response.status_code, response.text)
    assert "cursor" in response.text


@pytest.mark.parametrize("cursor", PAGE_CURSORS)
@pytest.mark.parametrize("path", ["/explore/events", "/explore/sources"])
def test_a_forged_explorer_cursor_is_refused(corpus_api, path, cursor):
    response = corpus_api.client.get(path, params={"cursor": cursor})
    assert response.status_code in (400, 422), (response.status_code, response.text[:300])


@pytest.mark.parametrize("cursor", [forge(f"id:{n}") for n in BIG])
@pytest.mark.parametrize("path", ["/explore/quotes", "/explore/people", "/explore/figures"])
def test_a_forged_cursor_on_an_explorer_list_is_refused(corpus_api, path, cursor):
    response = corpus_api.client.get(path, params={"cursor": cursor})
    assert response.status_code in (400, 422), (response.status_code, response.text[:300])
