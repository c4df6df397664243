"""The client's HTTP layer: one kept-alive connection per sync, answers cut anywhere, timeouts.

The fault proxy counts the connections a laptop opens and sees every request head, so these
tests check what a township link notices: how many handshakes a sync costs, that a reply cut
inside its headers is not taken for an empty answer, and that nothing on the machine (a
~/.netrc) replaces the device's token.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from liaison_app.core.models import Visit
from sync import credentials
from sync.transport import RetryPolicy, SyncError, Transport
from tests.sync.conftest import new_visit
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.test_attachments import attach


def test_one_sync_opens_one_connection_and_sends_gzip(county: dict[str, Any],
                                                      proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok  # brings li's enterprise
    assert proxy.connections == 1
    # A failed sync lets its connection go; the next one opens a new one.
    li.engine.close()
    proxy.heads.clear()
    proxy.connections = 0
    li.use()
    for i in range(3):
        new_visit(county["e1"], f"第{i}次走访")
    attach(li, county["e1"], os.urandom(50_000))
    report = li.sync()
    assert report.ok and report.pushed == 5 and report.files_up == 1, report.message
    # Asked which files are missing, sent one, pushed, pulled, compared counts: one handshake.
    assert len(proxy.heads) >= 4, proxy.heads
    assert proxy.connections == 1
    pushes = [h.lower() for h in proxy.heads if b"POST /sync/push" in h]
    assert pushes and all(b"content-encoding: gzip" in h for h in pushes)
    # The next sync goes on with the same connection, and a no-op sync is a single request.
    before = len(proxy.heads)
    assert li.sync().ok
    assert proxy.connections == 1 and len(proxy.heads) == before + 1
    # A sync that failed lets its connection go: the next starts from a fresh one.
    proxy.set(Fault("cut_request", after=10, match=b"/sync/pull", times=0))
    assert not li.sync().ok
    proxy.set(None)
    assert li.sync().ok and proxy.connections >= 2


@pytest.mark.parametrize("after", [12, 17, 40])
def test_an_answer_cut_in_its_head_is_retried_not_taken_as_empty(
        county: dict[str, Any], proxy: FaultProxy, after: int) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    li.use()
    visit = new_visit(county["e1"], "半截回答")
    assert li.sync().ok
    # Cut inside the status line, right after it, or inside the headers: once, then whole.
    proxy.set(Fault("cut_response", after=after, match=b"/sync/pull"))
    report = centre.sync()
    assert report.ok and proxy.fired == 1, report.message
    centre.use()
    assert Visit.get_by_id(visit.id).summary == "半截回答"


def test_a_server_that_never_answers_times_out_as_offline(county: dict[str, Any],
                                                          proxy: FaultProxy) -> None:
    li = county["li"]
    li.use()
    info, token = credentials.load()
    proxy.set(Fault("delay", seconds=1.0, times=0))
    with Transport(server_url=proxy.url, client_schema=2, token=token,
                   device_id=info.device_id, timeout=0.3,
                   retry=RetryPolicy(attempts=2, base=0.01, cap=0.02)) as t:
        with pytest.raises(SyncError) as err:
            t.call("POST", "/sync/pull", {"since": 0, "limit": 10})
    assert err.value.kind == "offline"
    assert "cannot be reached (Read timed out." in str(err.value), str(err.value)


def test_offline_says_why_in_a_few_words(county: dict[str, Any]) -> None:
    from tests.sync.conftest import free_port

    li = county["li"]
    li.point_at(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    report = li.sync()
    assert report.outcome == "offline"
    assert "(Connection refused)" in report.message.text(), report.message.text()


def test_cancel_stops_the_retries(county: dict[str, Any], proxy: FaultProxy) -> None:
    li = county["li"]
    assert li.sync().ok
    li.use()
    new_visit(county["e1"])
    proxy.set(Fault("cut_request", after=0, match=b"/sync/push", times=0))
    li.engine.retry = RetryPolicy(attempts=10, base=5.0, cap=5.0)
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    report = li.sync(cancel=cancel)
    assert report.outcome == "cancelled" and report.seconds < 4


def test_a_netrc_entry_does_not_replace_the_device_token(county: dict[str, Any],
                                                         proxy: FaultProxy, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login somebody password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    li = county["li"]
    assert li.sync().ok
    li.use()
    new_visit(county["e1"])
    report = li.sync()
    assert report.ok and report.pushed == 1, report.message
    assert all(b"authorization: bearer " in h.lower() for h in proxy.heads)
