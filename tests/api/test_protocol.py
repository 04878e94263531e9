"""The HTTP contract: pagination, errors as problem+json, CSV, ETag, CORS, OpenAPI."""

from __future__ import annotations

import csv
import io

import pytest

LISTS = ["/sources", "/people", "/quotes", "/figures", "/events"]


@pytest.mark.parametrize("path", LISTS)
def test_cursor_walk_visits_every_row_once(corpus_api, path):
    everything = corpus_api.client.get(path, params={"limit": 200}).json()
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        response = corpus_api.client.get(path, params=params)
        body = response.json()
        seen += [x["id"] for x in body["items"]]
        cursor = body["next_cursor"]
        pages += 1
        if not cursor:
            assert "link" not in response.headers
            break
        assert response.headers["link"].endswith('rel="next"') and "cursor=" in response.headers["link"]
    assert seen == [x["id"] for x in everything["items"]]
    assert len(seen) == len(set(seen)) == everything["total"]


def test_link_header_keeps_the_filters(corpus_api):
    response = corpus_api.client.get("/quotes", params={"topic": "energy", "limit": 1})
    link = response.headers["link"]
    assert "topic=energy" in link and "limit=1" in link
    nxt = corpus_api.client.get(link.split(">")[0].lstrip("<"))
    assert nxt.status_code == 200 and nxt.json()["next_cursor"] is None


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize("path", [p + "/999999" for p in LISTS])
def test_unknown_ids_are_404_problems(corpus_api, path):
    assert_problem(corpus_api.client.get(path), 404)


@pytest.mark.parametrize(
    "path, params",
    [
        ("/quotes", {"limit": 0}),
        ("/quotes", {"limit": 201}),
        ("/quotes", {"limit": "ten"}),
        ("/quotes", {"kind": "rumour"}),
        ("/quotes", {"topic": "astrology"}),
        ("/quotes", {"cursor": "garbage!"}),
        ("/quotes", {"q": "x" * 201}),
        ("/quotes", {"q": "!!!"}),
        ("/quotes", {"speakr": "Lopez"}),
        ("/figures", {"min_value": "lots"}),
        ("/figures", {"max_value": "nan"}),
        ("/figures", {"conflicting": "maybe"}),
        ("/events", {"date_from": "2024-02-30"}),
        ("/events", {"date_from": "2025-01-02", "date_to": "2025-01-01"}),
        ("/sources", {"source_id": 0}),
        ("/sources", {"source_id": -3}),
        ("/people", {"name": ""}),
        ("/quotes", {"q": "a\x00b"}),
    ],
)
def test_invalid_parameters_are_422_problems(corpus_api, path, params):
    body = assert_problem(corpus_api.client.get(path, params=params), 422)
    assert body["errors"] and body["errors"][0]["parameter"]


def test_invalid_path_id_and_unknown_route_and_method(corpus_api):
    assert_problem(corpus_api.client.get("/quotes/abc"), 422)
    assert_problem(corpus_api.client.get("/quotes/99999999999999999999999"), 422)
    assert_problem(corpus_api.client.get("/nothing-here"), 404)
    assert_problem(corpus_api.client.post("/quotes"), 405)


def test_too_many_parameters_is_422(corpus_api):
    params = [("kind", "direct")] * 20
    assert_problem(corpus_api.client.get("/quotes", params=params), 422)


@pytest.mark.parametrize("path", LISTS)
def test_csv_has_every_matching_row_not_one_page(corpus_api, path):
    total = corpus_api.client.get(path).json()["total"]
    response = corpus_api.client.get(path, params={"format": "csv", "limit": 1})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total
    by_accept = corpus_api.client.get(path, headers={"Accept": "text/csv"})
    assert by_accept.text == response.text


def test_csv_flattens_lists_and_evidence(corpus_api):
    response = corpus_api.client.get("/quotes", params={"format": "csv", "q": "plant"})
    [row] = list(csv.DictReader(io.StringIO(response.text)))
    assert row["speaker_name"] == "Maria Lopez"
    assert row["evidence"] == f"{corpus_api.source_ids[0]}; {corpus_api.source_ids[2]}"


def test_csv_with_no_rows_still_has_a_header(corpus_api):
    response = corpus_api.client.get("/quotes", params={"format": "csv", "speaker": "Nobody"})
    assert response.text.strip().startswith("id,text,kind")


def test_etag_and_if_none_match(corpus_api):
    first = corpus_api.client.get("/quotes")
    etag = first.headers["etag"]
    again = corpus_api.client.get("/quotes", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = corpus_api.client.get("/quotes", params={"limit": 1}, headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_cors(corpus_api):
    response = corpus_api.client.get("/quotes", headers={"Origin": "https://newsroom.example"})
    assert response.headers["access-control-allow-origin"] in ("*", "https://newsroom.example")


def test_healthz(corpus_api):
    body = corpus_api.client.get("/healthz").json()
    assert body["status"] == "ok"


def test_openapi_is_ready_for_client_generation(corpus_api):
    spec = corpus_api.client.get("/openapi.json").json()
    operation_ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    for kind in ("sources", "people", "quotes", "figures", "events"):
        assert {f"{kind}-list", f"{kind}-get"} <= operation_ids
    assert "topics-list" in operation_ids and "health-get" in operation_ids
    quotes = spec["paths"]["/quotes"]["get"]
    assert quotes["tags"] == ["quotes"] and quotes["summary"]
    schemas = spec["components"]["schemas"]
    assert schemas["QuoteKind"]["enum"] == ["direct", "partial", "indirect"]
    assert "example" in schemas["Quote"] or "examples" in schemas["Quote"]
    assert "422" in quotes["responses"] and "503" in quotes["responses"]
