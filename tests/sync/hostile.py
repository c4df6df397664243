"""Raw HTTP as a hostile or careless client would send it, with a real device's token."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from typing import Any

from liaison_app.core.migrations import LATEST_VERSION
from sync import credentials
from sync import protocol as p


def device_headers(dev: Any) -> dict[str, str]:
    dev.use()
    info, token = credentials.load()
    assert info is not None
    return {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_SCHEMA: str(LATEST_VERSION),
            p.HEADER_DEVICE: info.device_id, "Authorization": f"Bearer {token}"}


def call(dev: Any, url: str, method: str, path: str, body: Any = None, *,
         raw: bytes | None = None, headers: dict[str, str] | None = None
         ) -> tuple[int, Any]:
    """(status, decoded JSON or bytes) of one request with the device's credentials."""
    data = raw if raw is not None else (
        json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
    hdrs = {**device_headers(dev), **({"Content-Type": "application/json"} if data else {}),
            **(headers or {})}
    request = urllib.request.Request(url + path, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, content = response.status, response.read()
            kind = response.headers.get("content-type", "")
    except urllib.error.HTTPError as err:
        status, content, kind = err.code, err.read(), err.headers.get("content-type", "")
    return status, json.loads(content) if kind.startswith("application/json") else content


def push(dev: Any, url: str, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    """Push hand-made operations; returns the server's result for each."""
    wire = [{"op_id": op.get("op_id", str(uuid.uuid4())), "table": op["table"],
             "record_id": op.get("record_id", str(uuid.uuid4())),
             "base_version": op.get("base_version", 0), "creating": op.get("creating", True),
             "changes": op["changes"]} for op in ops]
    status, answer = call(dev, url, "POST", "/sync/push", {"ops": wire})
    assert status == 200, answer
    return answer["results"]
