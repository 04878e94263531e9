"""A database the explorer cannot reach gives a readable 503 page on every page, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.api.main import create_app
from app.settings import Settings
from tests.api.test_failures import serve_in_thread
from tests.web.dom import parse


@pytest.fixture(scope="module")
def dead_db_client(tmp_path_factory) -> Iterator[httpx.Client]:
    missing = tmp_path_factory.mktemp("db") / "no" / "such" / "dir" / "kb.sqlite3"
    yield from serve_in_thread(create_app(Settings(database_url=f"sqlite:///{missing}")))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/explore/quotes?speaker=Lopez",
        "/explore/people",
        "/explore/people/1",
        "/explore/people/1/chart.svg",
        "/explore/sources",
        "/explore/sources/1",
        "/explore/figures?conflicting=true",
        "/explore/figures/1",
        "/explore/events",
    ],
)
def test_an_unreachable_database_is_a_503_page(dead_db_client, path):
    response = dead_db_client.get(path)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["retry-after"]
    doc = parse(response.text)
    assert doc.find("h1").text == "Database unavailable"
    assert "unable to open database" in doc.find("div", class_="error").text
