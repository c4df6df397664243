"""At the start of every sync: is this laptop still in service?

The server answers a laptop reported lost with ``device_lost`` and a retired one with
``device_retired`` (``liaison-server device revoke ID --lost / --retired``). A lost laptop
destroys its data key at once, sending nothing (whoever holds it must not get the data out
through us); a retired one first sends every change it holds and its attachments, and removes
its data only when nothing is left waiting, so retiring a laptop never loses work. Both then
confirm to the server, which records it in its audit log.
"""
from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from liaison_app.core import i18n, writer
from liaison_app.core.db import close_database
from liaison_app.core.models.base import OutboxOp
from liaison_app.core.security import wipe
from sync import credentials, local
from sync.transport import SyncError, Transport

if TYPE_CHECKING:
    from sync.client import ProgressCallback, SyncEngine, SyncReport

log = logging.getLogger(__name__)


def check(engine: SyncEngine, t: Transport, report: SyncReport, emit: ProgressCallback,
          cancel: threading.Event) -> None:
    """Return when the laptop is in service; otherwise act and raise SyncError."""
    try:
        t.call("GET", "/me")
    except SyncError as exc:
        if exc.code == "device_lost":
            _remove(engine, t, reason="lost")
            raise SyncError("wiped", i18n.translate(
                "Sync", "The service centre reported this laptop lost. All Liaison data on it "
                "was removed; nothing was sent.")) from exc
        if exc.code == "device_retired":
            _retire(engine, t, report, emit, cancel)
        raise


def _retire(engine: SyncEngine, t: Transport, report: SyncReport, emit: ProgressCallback,
            cancel: threading.Event) -> None:
    up_to = local.outbox_high_seq()
    engine._upload_files(t, report, emit, cancel)
    engine._push(t, report, emit, cancel, up_to=up_to)
    left = OutboxOp.select().count()
    if left:
        raise SyncError("server", i18n.translate(
            "Sync", "This laptop is retired, but {count} of its changes were refused by the "
            "server. Its data is kept until they are settled; ask the service centre.").format(
            count=left))
    _remove(engine, t, reason="retired")
    raise SyncError("wiped", i18n.translate(
        "Sync", "This laptop is retired. Its changes were sent to the server ({count}), then "
        "all Liaison data on it was removed.").format(count=report.pushed))


def _remove(engine: SyncEngine, t: Transport, *, reason: str) -> None:
    writer.write(credentials.forget_token)
    wipe.destroy_keys(engine.paths, reason=reason)
    try:
        t.call("POST", "/device/wiped")
    except SyncError:
        log.info("the server did not take the wipe confirmation", exc_info=True)
    close_database()
    wipe.remove_files(engine.paths)
