"""Pushes and phone submissions arriving together are committed together, each on its own.

Every commit waits for the disk; the server's writer shares one commit among the writes that
queue while the previous one is being written (``sync/server/group_commit.py``). What a
laptop notices: every push still gets its own answer, nothing of one push is lost or mixed
with another's, a push that fails does not take the others with it, and a burst of pushes
is answered sooner.
"""
from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.server import group_commit
from sync.server.models import (
    Record,
    SeqCounter,
    connection,
    open_server_database,
    write_transaction,
)
from sync.server.store import server_write
from tests.sync.conftest import LiveServer, sign_in

PUSHES = 24


def _visit_op(enterprise_id: str, summary: str) -> dict[str, Any]:
    return {"op_id": uuid.uuid4().hex, "table": "visit", "record_id": str(uuid.uuid4()),
            "base_version": 0, "creating": True, "device_time": "2026-11-27T09:00:00",
            "changes": {"enterprise_id": enterprise_id, "visit_at": "2026-11-27T09:00:00",
                        "summary": summary, "deleted": False}}


def _enterprise(server: LiveServer) -> str:
    ent = str(uuid.uuid4())
    with connection(), write_transaction():
        counter = SeqCounter()
        server_write(table="enterprise", record_id=ent, counter=counter,
                     data={"name": "鲁西化工有限公司", "town": "城关街道", "deleted": False})
        counter.flush()
    return ent


def test_a_burst_of_pushes_shares_commits_and_each_gets_its_own_answer(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    ent = _enterprise(server)
    headers = sign_in(server, "centre", "center", "centre-pc")
    groups: list[int] = []
    first = threading.Event()
    real = group_commit.write_together

    def slow_first(writes: Any) -> list[Any]:
        groups.append(len(writes))
        if not first.is_set():
            # The first commit takes long enough for the rest of the burst to queue.
            time.sleep(0.5)
            first.set()
        return real(writes)

    monkeypatch.setattr(group_commit, "write_together", slow_first)
    answers: dict[int, httpx.Response] = {}

    def push(n: int) -> None:
        ops = [_visit_op(ent, f"第{n}次走访·{k}·𠮷") for k in range(1 + n % 3)]
        answers[n] = httpx.post(server.url + "/sync/push", headers=headers,
                                json={"ops": ops}, timeout=30)

    threads = [threading.Thread(target=push, args=(n,)) for n in range(PUSHES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sum(groups) == PUSHES
    assert len(groups) <= 4, groups  # 24 pushes, not 24 commits
    sent = 0
    highs = []
    for n, answer in answers.items():
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert [r["status"] for r in body["results"]] == ["applied"] * (1 + n % 3)
        sent += 1 + n % 3
        highs.append(body["high_seq"])
    with connection():
        visits = list(Record.select().where(Record.table == "visit"))
    summaries = {json.loads(r.data)["summary"] for r in visits}
    seqs = [r.seq for r in visits]
    assert len(summaries) == sent  # none lost, none doubled
    assert "第23次走访·2·𠮷" in summaries
    assert len(set(seqs)) == sent  # every record its own place in the sequence
    assert max(highs) == max(seqs)


def test_a_write_that_fails_is_rolled_back_alone(db_url: str, tmp_path: Path) -> None:
    open_server_database(db_url)
    ids = [str(uuid.uuid4()) for _ in range(3)]

    def write(n: int) -> Any:
        def run() -> str:
            counter = SeqCounter()
            server_write(table="enterprise", record_id=ids[n], counter=counter,
                         data={"name": f"企业{n}", "town": "城关街道", "deleted": False})
            counter.flush()
            if n == 1:
                raise ValueError("第二项写到一半出错")
            return ids[n]
        return run

    outcomes = group_commit.write_together([write(0), write(1), write(2)])

    assert outcomes[0] == ids[0] and outcomes[2] == ids[2]
    assert isinstance(outcomes[1], ValueError)
    with connection():
        stored = {r.record_id for r in Record.select().where(Record.table == "enterprise")}
    assert stored == {ids[0], ids[2]}


def test_when_the_commit_fails_every_write_of_the_group_is_told_and_the_next_goes_through(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def failing(writes: Any) -> list[Any]:
        calls.append(len(writes))
        if len(calls) == 1:
            raise OSError("磁盘已满")
        return [write() for write in writes]

    monkeypatch.setattr(group_commit, "write_together", failing)

    async def scenario() -> tuple[list[Any], Any]:
        writer = group_commit.GroupCommit()
        burst = await asyncio.gather(*(writer.write(lambda n=n: n) for n in range(3)),
                                     return_exceptions=True)
        later = await writer.write(lambda: "之后的写入")
        return burst, later

    burst, later = asyncio.run(scenario())

    assert calls[0] == 3
    assert all(isinstance(outcome, OSError) for outcome in burst)
    assert later == "之后的写入"


def test_a_client_that_goes_away_does_not_stop_the_others_writes() -> None:
    done: list[int] = []

    async def scenario() -> list[Any]:
        writer = group_commit.GroupCommit()

        def slow(n: int) -> int:
            time.sleep(0.05)
            done.append(n)
            return n

        first = asyncio.ensure_future(writer.write(lambda: slow(0)))
        second = asyncio.ensure_future(writer.write(lambda: slow(1)))
        await asyncio.sleep(0)
        first.cancel()  # the phone or laptop hung up
        return await asyncio.gather(second, return_exceptions=True)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(group_commit, "write_together", lambda writes: [w() for w in writes])
        assert asyncio.run(scenario()) == [1]
    assert done == [0, 1]  # what it sent is written all the same
