"""Bad input to the server: generated requests from /openapi.json never get a 500."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sync import protocol as p
from tests.sync.conftest import PASSWORD

HEADERS: dict[str, str] = {}


@pytest.fixture
def api_schema(server: Any) -> Any:
    server.add_user("fuzz", "center")
    login = httpx.post(server.url + "/auth/login",
                       headers={p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: "2"},
                       json={"username": "fuzz", "password": PASSWORD, "device_id": "fuzz-pc"})
    HEADERS.clear()
    HEADERS.update({p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: "2",
                    p.HEADER_DEVICE: "fuzz-pc",
                    "Authorization": f"Bearer {login.json()['token']}"})
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    schema.config.base_url = server.url
    return schema


def test_no_server_errors(api_schema: Any) -> None:
    tested = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.path == "/auth/logout":
            continue  # would end the session the other cases use

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def check(case: Any) -> None:
            response = case.call(headers=HEADERS, timeout=20)
            case.validate_response(response, checks=[not_a_server_error])

        check()
        tested.append(operation.path)
    assert "/sync/push" in tested and "/sync/pull" in tested
