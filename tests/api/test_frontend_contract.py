"""What a frontend team relies on when it generates a client from /openapi.json and reads the docs:
problem bodies documented as application/problem+json, the ETag and Link headers and the 304, an
`id` for every `/{id}`, problem type URIs that resolve, HEAD on every GET route, and /docs and
/redoc served entirely by the server itself (no CDN)."""

from __future__ import annotations

import json
import re

import pytest

from app.api.problems import PROBLEM_TYPES

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


@pytest.fixture(scope="module")
def spec(corpus_api) -> dict:
    return corpus_api.client.get("/openapi.json").json()


def operations(spec: dict):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_error_response_is_documented_as_problem_json(spec):
    checked = 0
    for path, _, operation in operations(spec):
        for status, response in operation["responses"].items():
            if status[0] in "45" and "HTTP server" not in response["description"]:
                assert response["content"] == PROBLEM, f"{path} {status}"
                checked += 1
        assert "500" in operation["responses"], path
    assert checked > 30
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_json_answers_document_etag_and_304(spec):
    for path, _, operation in operations(spec):
        if operation["operationId"] in ("problems-get", "jobs-get") or "200" not in operation["responses"]:
            continue  # an explanation page, a job's changing state, a 202
        ok = operation["responses"]["200"]
        assert "ETag" in ok["headers"], path
        assert "304" in operation["responses"], path
        assert "If-None-Match" in operation["responses"]["304"]["description"]
        lists = "cursor" in {p["name"] for p in operation.get("parameters", [])}
        assert ("Link" in ok["headers"]) == lists, path


def test_every_id_path_parameter_is_named_id_and_described(spec):
    id_paths = [p for p in spec["paths"] if p.endswith("/{id}")]
    assert sorted(id_paths) == sorted(
        f"/{k}/{{id}}" for k in ("quotes", "people", "figures", "events", "sources")
    )
    # SPEC names one other path parameter itself: GET /jobs/{job_id}
    assert [p for p in spec["paths"] if re.search(r"\{\w+_id\}", p)] == ["/jobs/{job_id}"]
    for path in id_paths:
        [param] = spec["paths"][path]["get"]["parameters"][:1]
        assert param["name"] == "id" and param["in"] == "path" and param["description"]


def test_the_304_the_etag_promised(corpus_api):
    first = corpus_api.client.get("/quotes/1")
    again = corpus_api.client.get("/quotes/1", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]


@pytest.mark.parametrize("slug", sorted(PROBLEM_TYPES))
def test_problem_type_uris_resolve(corpus_api, slug):
    page = corpus_api.client.get(f"/problems/{slug}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert PROBLEM_TYPES[slug].title in page.text
    data = corpus_api.client.get(f"/problems/{slug}", headers={"Accept": "application/json"}).json()
    assert data["status"] == PROBLEM_TYPES[slug].status and data["explanation"]


def test_the_type_of_a_real_error_resolves(corpus_api):
    for path in ("/quotes?limit=0", "/quotes/999999"):
        problem = corpus_api.client.get(path).json()
        assert corpus_api.client.get(problem["type"]).status_code == 200


def concrete(path: str) -> str:
    return path.replace("{id}", "1").replace("{slug}", "not-found")


def test_head_answers_on_every_get_route(corpus_api, spec):
    paths = [concrete(p) for p, method, _ in operations(spec) if method == "get"]
    paths += ["/docs", "/redoc", "/openapi.json", "/quotes?format=csv", "/quotes?limit=0", "/nothing"]
    for path in paths:
        get = corpus_api.client.get(path)
        head = corpus_api.client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b"", path
        for header in ("content-type", "etag", "link", "content-length"):
            if header in get.headers and not path.endswith("format=csv"):
                assert head.headers.get(header) == get.headers[header], (path, header)
    assert corpus_api.client.head("/quotes?format=csv").headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_load_everything_from_the_server_itself(corpus_api, page):
    html = corpus_api.client.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) >= 2, html
    for url in assets:
        assert url.startswith("/"), f"{page} loads {url} from elsewhere"
        response = corpus_api.client.get(url)
        assert response.status_code == 200 and len(response.content) > 1000, url
    spec_url = re.search(r"""(?:url: *'|spec-url=")([^'"]+)""", html).group(1)
    assert corpus_api.client.get(spec_url).json()["openapi"]
    assert not re.search(r"https?://(?!127\.0\.0\.1)", html)


def test_every_schema_reference_resolves(spec):
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec)))
    assert refs and refs <= set(spec["components"]["schemas"])
