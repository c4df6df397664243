"""A push is worked out without the sequence lock and committed under it: when another
push changes a record it touches in between, it is worked out again, never written over
what it did not see."""
from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from sync import protocol as p
from sync.server import auth, metrics, store
from sync.server.models import Record, connection
from tests.sync.conftest import LiveServer, sign_in


def _caller(headers: dict[str, str]) -> auth.Caller:
    token = headers["Authorization"].split()[1]
    return auth.authenticate(token=token, device_id=headers[p.HEADER_DEVICE])


def _op(record_id: str, base: int, changes: dict[str, Any], *, creating: bool = False) -> p.Op:
    return p.Op.model_validate({"op_id": uuid.uuid4().hex, "table": "enterprise",
                                "record_id": record_id, "base_version": base,
                                "creating": creating, "device_time": "2026-11-27T09:00:00",
                                "changes": changes})


def test_a_change_committed_meanwhile_is_merged_not_overwritten(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    first = sign_in(server, "centre", "center", "centre-pc")
    other = sign_in(server, "centre2", "center", "centre-laptop")
    with connection():
        a, b = _caller(first), _caller(other)
    ent = str(uuid.uuid4())
    with connection():
        results, _ = store.push(a, [_op(ent, 0, {"name": "鲁西化工", "town": "城关街道",
                                                 "deleted": False}, creating=True)])
        assert results[0].status == p.OpStatus.APPLIED
    real = store._work_out
    calls: list[str] = []

    def work_out(caller: auth.Caller, ops: list[p.Op]) -> Any:
        out = real(caller, ops)
        if caller.device_id == a.device_id and not calls:
            calls.append("in between")
            # Another laptop's edit of the same record commits while A's push is worked out.
            answer, _ = store.push(b, [_op(ent, 1, {"town": "开发区"})])
            assert answer[0].status == p.OpStatus.APPLIED
        return out

    monkeypatch.setattr(store, "_work_out", work_out)
    redone = metrics.REDONE._value.get()
    with connection():
        results, _ = store.push(a, [_op(ent, 1, {"name": "鲁西化工集团"})])
        row = Record.get((Record.table == "enterprise") & (Record.record_id == ent))
    assert calls == ["in between"]
    assert metrics.REDONE._value.get() == redone + 1
    # Worked out again against B's version: merged, both edits kept, versions in order.
    assert results[0].status == p.OpStatus.MERGED, results[0]
    data = json.loads(row.data)
    assert (data["name"], data["town"]) == ("鲁西化工集团", "开发区")
    assert row.version == 3
    with connection():
        assert store.kept_counts() == store.recount()
