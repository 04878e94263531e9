# syntax=docker/dockerfile:1
# Build stage: install the package and its dependencies (incl. the spaCy pipeline) into a venv.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
RUN /opt/venv/bin/pip install .

# Runtime stage: the venv only, a non-root user, migrations applied at start.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    KB_DATABASE_URL=sqlite:////data/kb.sqlite3
RUN useradd --system --create-home --uid 10001 kb && mkdir /data && chown kb /data
COPY --from=build /opt/venv /opt/venv
COPY seeds /seeds
USER kb
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
# `kb serve` applies migrations before it starts serving.
CMD ["kb", "serve", "--host", "0.0.0.0", "--port", "8000"]
