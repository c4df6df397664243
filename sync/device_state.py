"""When the server refuses a sync: is this laptop still in service?

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


def after_refusal(engine: SyncEngine, t: Transport, report: SyncReport,
                  emit: ProgressCallback, cancel: threading.Event,
                  refused: SyncError) -> SyncError:
    """What a sync the server refused ends with. Every call of a lost laptop, and every
    pull of a retired one, is refused with a code of its own, so the first answer of a sync
    tells it (a sync with nothing to do stays one request); here it acts. Any other refusal
    is returned unchanged."""
    try:
        return _act(engine, t, report, emit, cancel, refused)
    except Exception:  # noqa: BLE001 - the sync reports the refusal; the next one acts again
        log.exception("could not act on the server's answer %s", refused.code)
        return refused


def _act(engine: SyncEngine, t: Transport, report: SyncReport, emit: ProgressCallback,
         cancel: threading.Event, refused: SyncError) -> SyncError:
    if refused.code == "device_lost":
        _remove(engine, t, reason="lost")
        return SyncError("wiped", i18n.translate(
            "Sync", "The service centre reported this laptop lost. All Liaison data on it "
            "was removed; nothing was sent."))
    if refused.code == "device_retired":
        try:
            return _retire(engine, t, report, emit, cancel)
        except SyncError as exc:
            return exc
    return refused


def _retire(engine: SyncEngine, t: Transport, report: SyncReport, emit: ProgressCallback,
            cancel: threading.Event) -> SyncError:
    # What the refused sync had not sent yet (a retired laptop may still push and upload).
    up_to = local.outbox_high_seq()
    engine._upload_files(t, report, emit, cancel)
    engine._push(t, report, emit, cancel, up_to=up_to)
    left = OutboxOp.select().count()
    if left:
        return SyncError("server", i18n.translate(
            "Sync", "This laptop is retired, but {count} of its changes were refused by the "
            "server. Its data is kept until they are settled; ask the service centre.").format(
            count=left))
    _remove(engine, t, reason="retired")
    return SyncError("wiped", i18n.translate(
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
