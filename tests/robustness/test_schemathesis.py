"""Every operation of the OpenAPI schema, fuzzed by schemathesis with its default checks, against a
real `kb serve` on both databases: no 500s, only documented status codes and content types,
bodies that match the schema. A bounded number of examples here; scripts/fuzz_api.py runs more.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from app.storage.db import create_script_engine  # noqa: E402
from app.storage.migrate import upgrade  # noqa: E402
from testkit import corpus  # noqa: E402

EXAMPLES = 25
schemathesis.experimental.OPEN_API_3_1.enable()  # FastAPI publishes OpenAPI 3.1


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def api_schema(request, fresh_url_factory, server_factory):
    url = fresh_url_factory(request.param)
    upgrade(url)
    engine = create_script_engine(url)
    corpus.load(engine)
    engine.dispose()
    server = server_factory(url)
    return schemathesis.from_uri(f"{server.base}/openapi.json", base_url=server.base)


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_survives_fuzzing(case):
    case.call_and_validate(timeout=30)
