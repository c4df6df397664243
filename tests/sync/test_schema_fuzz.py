"""The server against its own OpenAPI document: schemathesis with every check.

``schemathesis run --checks all`` as a person would run it, against a live server, for a
centre and an officer token: no 5xx, every status and error body as declared, every
declared constraint enforced and nothing valid refused, 405 with a correct ``Allow``,
credentials enforced. A fixed seed and a bounded number of examples keep the run the same
every time and short enough for every test run.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync import protocol as p
from tests.sync.conftest import sign_in

EXAMPLES = 10
SEED = 20261127

CONFIG = """
seed = {seed}

[auth.openapi.deviceToken]
bearer = "{token}"

[auth.openapi.deviceId]
api_key = "{device}"

[checks.negative_data_rejection]
# 426 is the documented answer to a protocol or schema version below the server's oldest;
# 413 to a body over the limit.
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422",
                     "426", "428", "429", "5xx"]

[[operations]]
include-path = "/attachments/{{sha256}}"
include-method = "PUT"
# Random bytes fit the schema of a chunk, but no schema can say that a file's bytes hash to
# its name or end at its declared size: those are refused with 422 hash_mismatch and 413
# too_large, as documented.
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "413",
                                                     "422", "429"]
"""


@pytest.mark.parametrize("role", ["center", "liaison"])
def test_the_server_answers_as_its_openapi_document_says(server: Any, tmp_path: Path,
                                                         role: str) -> None:
    auth = sign_in(server, "fuzz", role, device="fuzz-pc")
    if role == "liaison":
        server.assign("fuzz", ["ent-fuzz"])
    token = auth["Authorization"].removeprefix("Bearer ")
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG.format(seed=SEED, token=token, device="fuzz-pc"))
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
         server.url + "/openapi.json", "--checks", "all", "--max-examples", str(EXAMPLES),
         "--workers", "1", "--no-color",
         # Signing out would end the session every other case uses; test_auth covers it.
         "--exclude-path", "/auth/logout"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-6000:]
    tested = re.search(r"Tested:\s+(\d+)", out)
    generated = re.search(r"(\d+) generated", out)
    # Every operation but sign-out, /device/wiped (a lost or retired laptop's confirmation)
    # and /ready included.
    assert tested and int(tested.group(1)) == 12, out[-3000:]
    assert generated and int(generated.group(1)) > 200, out[-3000:]
    # The session the run used is still good: nothing in it signed the account out.
    assert httpx.get(server.url + "/me", headers=auth).status_code == 200


def test_what_the_framework_refuses_is_answered_like_every_other_error(server: Any) -> None:
    auth = sign_in(server, "centre", "center", device="centre-pc")
    sha = "0" * 64
    doc = httpx.get(server.url + "/openapi.json").json()
    download = doc["paths"]["/attachments/{sha256}"]["get"]
    assert download["parameters"][0]["schema"]["pattern"] == "^[0-9a-f]{64}$"
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            errors = {s for s in operation["responses"] if s.startswith(("4", "5"))}
            if path not in ("/health", "/ready"):
                assert {"413", "422", "426"} <= errors, (method, path)
            for status in errors - {"416"}:
                schema = operation["responses"][status]["content"]["application/json"]
                assert schema["schema"]["$ref"].endswith("/ErrorBody"), (method, path, status)
    json_body = {**auth, "Content-Type": "application/json"}
    for body in (b"{", b'{"ops": [}', "{\"ops\": []}".encode("utf-16"), b'{"ops": ["\xff"]}'):
        r = httpx.post(server.url + "/sync/push", content=body, headers=json_body)
        assert r.status_code == 422 and r.json()["code"] in ("bad_request", "invalid_text"), body
    # 405 names exactly the methods the path takes, whichever route the path resembles.
    for method, path, allowed in (("OPTIONS", f"/attachments/{sha}", "GET, PUT"),
                                  ("DELETE", f"/attachments/{sha}", "GET, PUT"),
                                  ("GET", "/attachments/missing", "POST"),
                                  ("PUT", "/sync/push", "POST")):
        r = httpx.request(method, server.url + path, headers=auth)
        assert r.status_code == 405 and r.headers["allow"] == allowed, (method, path)
        assert r.json()["code"] == "method_not_allowed" and r.json()["text_zh"]
    for path in ("/attachments/../../etc/passwd", f"/attachments/{sha.upper()}", "/nothing"):
        r = httpx.get(server.url + path, headers=auth)
        assert r.status_code == 404 and r.json()["code"] == "not_found", path
    # Versions are required on every call but the open ones; an old client is told so.
    r = httpx.get(server.url + "/me", headers={k: v for k, v in auth.items()
                                                if k != "X-Liaison-Protocol"})
    assert r.status_code == 422 and r.json()["code"] == "bad_request"
    r = httpx.get(server.url + "/me", headers={**auth, "X-Liaison-Protocol": "0"})
    assert r.status_code == 426 and r.json()["code"] == "client_outdated"
    assert r.headers[p.HEADER_PROTOCOL] == str(p.PROTOCOL_VERSION)
