"""Each list endpoint is declared once (app.queries.<kind>.RESOURCE): the parameters OpenAPI lists,
the names the server accepts and the CSV columns it writes are all that declaration."""

from __future__ import annotations

import csv
import io

import pytest

from app.queries import events, figures, people, quotes, sources

RESOURCES = [quotes.RESOURCE, people.RESOURCE, figures.RESOURCE, events.RESOURCE, sources.RESOURCE]


def paging_names(resource) -> set[str]:
    return {"limit", "cursor", "format", *(["sort"] if resource.dated else [])}


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.name)
def test_openapi_lists_exactly_the_declared_filters(corpus_api, resource):
    spec = corpus_api.client.get("/openapi.json").json()
    params = [p for p in spec["paths"][f"/{resource.name}"]["get"]["parameters"] if p["in"] == "query"]
    assert [p["name"] for p in params if p["name"] not in paging_names(resource)] == [
        f.name for f in resource.filters
    ]
    assert {p["name"] for p in params} == set(resource.filter_names) | paging_names(resource)
    for param in params:
        assert param["description"], f"{resource.name}?{param['name']} is undocumented"


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.name)
def test_the_server_accepts_the_declared_names_and_refuses_others(corpus_api, resource):
    response = corpus_api.client.get(f"/{resource.name}", params={"nonsense": "1"})
    assert response.status_code == 422
    message = response.json()["errors"][0]["message"]
    accepted = message.split("accepts ", 1)[1].split(", ")
    assert set(accepted) == set(resource.filter_names) | paging_names(resource)


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.name)
def test_csv_columns_are_the_declared_columns(corpus_api, resource):
    response = corpus_api.client.get(f"/{resource.name}", params={"format": "csv"})
    header = next(csv.reader(io.StringIO(response.text)))
    assert header == [c.name for c in resource.csv]


def test_crossed_ranges_are_refused(corpus_api):
    for path, low, high in [
        ("/figures", ("min_value", 10), ("max_value", 1)),
        ("/sources", ("date_from", "2025-01-02"), ("date_to", "2025-01-01")),
    ]:
        response = corpus_api.client.get(path, params=dict([low, high]))
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == low[0]
