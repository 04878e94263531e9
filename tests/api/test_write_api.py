"""POST /articles and GET /jobs/{job_id} against a real `kb serve` that runs its jobs (beside the
API on SQLite, a procrastinate worker on PostgreSQL): keys, every refusal as problem+json, and
articles sent as text, HTML and URLs (from a real server on 127.0.0.1) ending up as sources."""

from __future__ import annotations

import time

import httpx
import pytest

from testkit.articles import article
from testkit.kb import Server, run_kb
from testkit.pages import news_page, story_from_text
from testkit.webserver import WebServer

ENV = {
    "KB_FETCH_ALLOWED_NETWORKS": '["127.0.0.1/32"]',
    "KB_MAX_ARTICLE_BYTES": "100000",
    "KB_RATE_LIMIT_PER_MINUTE": "6000",
    "KB_RATE_LIMIT_BURST": "100",
}


@pytest.fixture(scope="module")
def web():
    server = WebServer()
    yield server
    server.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def api(request, fresh_url_factory):
    url = fresh_url_factory(request.param)
    key = run_kb(["keys", "create", "newsroom-cms"], url).stdout.strip()
    server = Server(url, env=ENV, args=["--jobs"])
    server.key = key
    server.auth = {"Authorization": f"Bearer {key}"}
    yield server
    server.close()


def post(api, body, **kwargs) -> httpx.Response:
    return api.client.post("/articles", json=body, headers=kwargs.pop("headers", api.auth), **kwargs)


def finished(api, job_id: str, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.client.get(f"/jobs/{job_id}", headers=api.auth).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job['status']}")


def test_a_text_article_is_queued_then_stored(api):
    text = article(40)
    answer = post(api, {"text": text, "publisher": "City Desk", "published_at": "2024-05-14"})
    assert answer.status_code == 202
    body = answer.json()
    assert body["status"] == "queued"
    assert answer.headers["location"] == f"/jobs/{body['job_id']}"
    job = finished(api, body["job_id"])
    assert job["status"] == "done" and job["error"] is None
    source = api.client.get(f"/sources/{job['source_id']}").json()
    assert source["text"] == text and source["publisher"] == "City Desk"
    again = finished(api, post(api, {"text": text}).json()["job_id"])
    assert again["status"] == "done" and again["source_id"] == job["source_id"]  # already present


def test_html_and_urls_are_ingested_as_pages(api, web):
    story = story_from_text(article(41), "https://gazette.example/41", published="2024-05-15")
    by_html = finished(api, post(api, {"html": news_page(story), "url": story.url}).json()["job_id"])
    assert by_html["status"] == "done"
    source = api.client.get(f"/sources/{by_html['source_id']}").json()
    assert source["url"] == story.url and source["published_at"].startswith("2024-05-15")
    assert source["text"].startswith("City approves plan number 41\n\n2024-05-15\n\nThe city on")
    page = web.add("/story/42", news_page(story_from_text(article(42), web.url("/story/42"))))
    by_url = finished(api, post(api, {"url": page}).json()["job_id"])
    assert by_url["status"] == "done"
    assert api.client.get(f"/sources/{by_url['source_id']}").json()["url"] == page


def test_a_url_that_cannot_be_ingested_fails_with_its_reason(api, web):
    missing = finished(api, post(api, {"url": web.url("/gone")}).json()["job_id"])
    assert missing["status"] == "failed" and missing["error"] == "HTTP 404 Not Found"
    web.add("/nav", "<html><body><nav>Home</nav></body></html>")
    empty = finished(api, post(api, {"url": web.url("/nav")}).json()["job_id"])
    assert empty["error"] == "not an article: no article text found in the page"


def test_keys_are_required_and_checked(api):
    for headers in ({}, {"Authorization": "Bearer kb_000000000000_" + "x" * 43},
                    {"Authorization": f"Bearer {api.key[:-1]}"}, {"Authorization": f"Basic {api.key}"}):  # fmt: skip
        answer = post(api, {"text": "x"}, headers=headers)
        assert answer.status_code == 401
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["www-authenticate"].startswith("Bearer")
    assert api.client.get("/jobs/whatever").status_code == 401
    assert api.client.get("/quotes").status_code == 200  # reads stay open by default


def test_a_revoked_key_is_refused(api):
    other = run_kb(["keys", "create", "temporary"], api.db_url).stdout.strip()
    assert post(api, {"text": article(43)}, headers={"Authorization": f"Bearer {other}"}).status_code == 202
    assert run_kb(["keys", "revoke", "temporary"], api.db_url).returncode == 0
    assert post(api, {"text": article(44)}, headers={"Authorization": f"Bearer {other}"}).status_code == 401
    listed = run_kb(["keys", "list"], api.db_url).stdout
    assert "temporary" in listed and "revoked" in listed and other not in listed


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"text": "a", "html": "<p>b</p>"}, "send either 'text' or 'html', not both"),
        ({"title": "no article"}, "send 'text', 'html' or 'url'"),
        ({"url": "ftp://example.com/x"}, "url: must be an http or https URL"),
        ({"text": "a", "published_at": "last Tuesday"}, "'published_at' is not an ISO date"),
        ({"text": "a", "titel": "typo"}, "titel: Extra inputs are not permitted"),
        ({"text": "   "}, "text: must not be blank"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "link-local"),
        ({"url": "http://10.0.0.1/admin"}, "private-network"),
        ([1, 2], "body: expected a JSON object"),
    ],
)
def test_a_bad_body_is_422_with_the_reason(api, body, detail):
    answer = post(api, body)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert detail in answer.json()["detail"]


def test_invalid_json_and_oversized_bodies(api):
    bad = api.client.post("/articles", content=b"{not json", headers=api.auth)
    assert bad.status_code == 422 and "not valid JSON" in bad.json()["detail"]
    big = post(api, {"text": "word " * 30_000})
    assert big.status_code == 413 and "KB_MAX_ARTICLE_BYTES" in big.json()["detail"]
    chunks = (b"x" * 10_000 for _ in range(20))  # no Content-Length: counted as it arrives
    streamed = api.client.post("/articles", content=chunks, headers=api.auth)
    assert streamed.status_code == 413


def test_an_unknown_job_is_404(api):
    answer = api.client.get("/jobs/00000000-0000-0000-0000-000000000000", headers=api.auth)
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"


def test_write_routes_are_documented_with_their_security(api):
    spec = api.client.get("/openapi.json").json()
    create = spec["paths"]["/articles"]["post"]
    assert create["security"] == [{"ApiKey": []}]
    scheme = spec["components"]["securitySchemes"]["ApiKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert set(create["responses"]) >= {"202", "401", "413", "422", "429"}
    schema = create["requestBody"]["content"]["application/json"]["schema"]
    assert {"text", "html", "url", "title", "publisher", "authors", "published_at"} <= set(
        schema["properties"]
    )
    assert spec["paths"]["/jobs/{job_id}"]["get"]["security"] == [{"ApiKey": []}]


def test_one_key_past_its_rate_gets_429(fresh_url_factory):
    url = fresh_url_factory("sqlite")
    key = run_kb(["keys", "create", "burst"], url).stdout.strip()
    server = Server(
        url, env={"KB_RATE_LIMIT_PER_MINUTE": "1", "KB_RATE_LIMIT_BURST": "3"}, args=["--no-jobs"]
    )
    try:
        auth = {"Authorization": f"Bearer {key}"}
        codes = [
            server.client.post("/articles", json={"text": article(i)}, headers=auth).status_code
            for i in range(5)
        ]
        assert codes == [202, 202, 202, 429, 429]
        limited = server.client.post("/articles", json={"text": "x"}, headers=auth)
        assert limited.headers["content-type"] == "application/problem+json"
        assert 50 <= int(limited.headers["retry-after"]) <= 60
    finally:
        server.close()


def test_reads_can_require_a_key(fresh_url_factory):
    url = fresh_url_factory("sqlite")
    key = run_kb(["keys", "create", "reader"], url).stdout.strip()
    server = Server(url, env={"KB_READ_REQUIRES_KEY": "true"}, args=["--no-jobs"])
    try:
        assert server.client.get("/quotes").status_code == 401
        assert server.client.get("/quotes", headers={"Authorization": f"Bearer {key}"}).status_code == 200
        assert server.client.get("/healthz").status_code == 200
        assert server.client.get("/openapi.json").status_code == 200
    finally:
        server.close()
