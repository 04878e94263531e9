"""CSV injection (OWASP): a text cell beginning with =, +, -, @, a tab or a carriage return is
written with a leading apostrophe, so a spreadsheet shows it instead of running it. The explorer's
CSV links are the API's exports, written by the same writer."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import text

from app.api.export import cell, neutralise
from testkit.kb import Server

HOSTILE = ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("value", HOSTILE)
def test_text_starting_like_a_formula_gets_an_apostrophe(value):
    assert neutralise(value) == "'" + value
    assert cell(value) == "'" + value
    assert cell([value, "x"]) == "'" + value + "; x"


@pytest.mark.parametrize("value", ["plain", "", "a=b", "'quoted", " =lead space"])
def test_other_text_is_left_alone(value):
    assert neutralise(value) == value


def test_numbers_stay_numbers():
    assert cell(-3.5) == -3.5 and cell(0) == 0 and cell(True) == "true" and cell(None) == ""


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def hostile_api(request, fresh_url_factory, server_factory):
    """The hand-made corpus with quote texts and a person's name that start like formulas."""
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from testkit import corpus

    url = fresh_url_factory(request.param)
    upgrade(url)
    engine = create_script_engine(url)
    corpus.load(engine)
    with engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM quotes ORDER BY id"))]
        for qid, value in zip(ids, HOSTILE, strict=False):
            conn.execute(text("UPDATE quotes SET text = :v WHERE id = :id"), {"v": value, "id": qid})
        conn.execute(text("UPDATE people SET name = '=cmd|calc' WHERE id = (SELECT min(id) FROM people)"))
    engine.dispose()
    server: Server = server_factory(url)
    server.hostile = dict(zip(ids, HOSTILE, strict=False))  # type: ignore[attr-defined]
    return server


def export(server: Server, path: str, **params: str) -> list[list[str]]:
    response = server.client.get(path, params=params)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.text)))


def test_quote_export_neutralises_hostile_cells(hostile_api):
    rows = export(hostile_api, "/quotes", format="csv")
    by_id = {int(r[0]): r for r in rows[1:]}
    for qid, value in hostile_api.hostile.items():
        assert by_id[qid][1] == "'" + value
    cells = [c for r in rows[1:] for c in r]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells


def test_people_export_neutralises_a_hostile_name(hostile_api):
    rows = export(hostile_api, "/people", format="csv")
    names = [r[rows[0].index("name")] for r in rows[1:]]
    assert "'=cmd|calc" in names and "=cmd|calc" not in names


@pytest.mark.parametrize(
    "page", ["/explore/quotes", "/explore/people", "/explore/figures", "/explore/events"]
)
def test_explorer_csv_links_are_the_api_exports(hostile_api, page):
    html = hostile_api.client.get(page).text
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]*format=csv[^"]*)"', html)]
    assert links, f"no CSV link on {page}"
    for link in links:
        path = link.split("?")[0]
        assert path in ("/quotes", "/people", "/figures", "/events", "/sources"), link
        response = hostile_api.client.get(link)
        assert response.headers["content-type"].startswith("text/csv")
        cells = [c for r in csv.reader(io.StringIO(response.text)) for c in r]
        assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
