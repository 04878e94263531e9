"""POST /articles and GET /jobs/{job_id}: the request body and the answers."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.records import normalise_published_at

JobStatus = Literal["queued", "running", "done", "failed"]


class ArticleIn(BaseModel):
    """One article: its text (with the sidecar metadata keys), a URL to fetch, or a page's HTML.

    Exactly one of ``text`` and ``html``, or ``url`` alone (the server fetches it). Metadata given
    here wins over what the page or the text says."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": "Port strike ends\n\nDock workers voted on Tuesday ...", "publisher": "Gazette"},
                {"url": "https://news.example/2024/05/port-strike-ends"},
                {"html": "<!doctype html><html>...</html>", "url": "https://news.example/port"},
            ]
        },
    )

    text: str | None = Field(None, min_length=1, description="the article text (headline first)")
    html: str | None = Field(None, min_length=1, description="the article's web page")
    url: str | None = Field(
        None, max_length=2000, description="alone: the page to fetch; with text or html: its address"
    )
    title: str | None = Field(None, max_length=1000)
    publisher: str | None = Field(None, max_length=200)
    authors: list[str] | None = Field(None, max_length=50)
    published_at: str | None = Field(None, description="ISO date or datetime", examples=["2024-05-14"])
    language: str | None = Field(None, max_length=20)

    @field_validator("text", "html")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http or https URL")
        return value.strip()

    @field_validator("published_at")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        return None if value is None else normalise_published_at(value)

    @model_validator(mode="after")
    def _one_article(self) -> ArticleIn:
        if self.text is not None and self.html is not None:
            raise ValueError("send either 'text' or 'html', not both")
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("send 'text', 'html' or 'url'")
        return self

    @property
    def kind(self) -> str:
        return "text" if self.text is not None else "html" if self.html is not None else "url"


class JobAccepted(BaseModel):
    job_id: str = Field(description="poll GET /jobs/{job_id} (also in the Location header)")
    status: Literal["queued"] = "queued"


class JobOut(BaseModel):
    job_id: str
    status: JobStatus = Field(description="queued | running | done | failed")
    kind: Literal["text", "html", "url", "feed"]
    source_id: int | None = Field(
        None, description="when done: the stored source (GET /sources/{id}), also when it was already present"
    )
    error: str | None = Field(None, description="when failed: why, in one line")
    attempts: int = Field(description="how many times a worker started the job")
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
