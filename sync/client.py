"""The sync engine: push the outbox, pull changes, move attachments, verify. No Qt.

``SyncEngine.sync_once`` runs one whole sync on the calling thread (the app's network
worker, or the command line's only thread), reporting progress through a callback and
stopping at the next safe point when ``cancel`` is set. Only one sync runs at a time per data
folder. Nothing unsynced is ever dropped: operations leave the outbox only when their result
is stored; rejected ones stay, visible, until a person deals with them.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liaison_app.core import context, i18n, writer
from liaison_app.core.i18n import Message, in_language
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.models.base import SYNCED_MODELS, LocalState, OutboxOp, utcnow
from liaison_app.core.models.sync_records import SyncConflict, SyncHistory, SyncSetAside
from liaison_app.core.paths import DataPaths
from liaison_app.core.services.attachments import AttachmentError, AttachmentStore
from liaison_app.core.services.attachments import blob_path as attachment_path
from sync import credentials, device_state, local
from sync import protocol as p
from sync.schema import SHA_RE
from sync.transport import (
    NetworkError,
    RetryPolicy,
    SyncError,
    Transport,
    cancelled_error,
    network_problem,
)

log = logging.getLogger(__name__)

KEY_LAST_SUCCESS = local.KEY_LAST_SUCCESS

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@dataclass(frozen=True)
class Progress:
    phase: str  # upload | push | pull | download | verify
    done: int
    total: int  # 0 when unknown
    message: Message


ProgressCallback = Callable[[Progress], None]


@dataclass
class SyncReport:
    #: ok | offline | signin | upgrade | server | cancelled | busy | error (anything else:
    #: recorded as a failed sync, never as a successful one) | wiped (a lost or retired
    #: laptop removed its data: nothing is left to record the sync in)
    outcome: str = "ok"
    pushed: int = 0
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    parked: int = 0
    #: Pulled records this laptop could not apply and set aside (with the reason).
    set_aside: int = 0
    #: Records that left this account's scope and this laptop.
    dropped: int = 0
    files_up: int = 0
    files_down: int = 0
    repulled: list[str] = field(default_factory=list)
    message: Message | None = None
    seconds: float = 0.0
    bytes_sent: int = 0
    bytes_received: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def summary(self) -> Message:
        return i18n.translate(
            "Sync", "Sent {pushed} changes ({conflicts} conflicts, {rejected} refused), received "
            "{pulled} records, {up} files up, {down} files down."
        ).format(pushed=self.pushed, conflicts=self.conflicts, rejected=self.rejected,
                 pulled=self.pulled, up=self.files_up, down=self.files_down)


@dataclass(frozen=True)
class SyncStatus:
    signed_in: bool
    server_url: str
    username: str
    pending: int
    rejected: int
    conflicts: int
    set_aside: int
    last_success: dt.datetime | None
    last_outcome: str
    last_message: str


def _lock_for(paths: DataPaths) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(paths.root), threading.Lock())


def _noop(_: Progress) -> None:
    return None


# -- sign-in ---------------------------------------------------------------------------------
def request_login(*, server_url: str, username: str, password: str, device: str,
                  device_name: str = "", ca_cert: str | None = None) -> p.LoginResponse:
    """Ask the server for a device token; stores nothing (the database may still be locked).

    Network worker or the command line's thread; raises SyncError with a message for people.
    """
    with Transport(server_url=server_url, client_schema=LATEST_VERSION, device_id=device,
                   ca_cert=ca_cert, retry=RetryPolicy(attempts=2)) as t:
        answer = t.call("POST", "/auth/login", {
            "username": username, "password": password, "device_id": device,
            "device_name": device_name or platform.node(),
        })
    return p.LoginResponse.model_validate(answer)


def login(*, server_url: str, username: str, password: str, device_name: str = "",
          ca_cert: str | None = None, reply: p.LoginResponse | None = None
          ) -> credentials.AccountInfo:
    """Sign in once with the server and keep the device token. Database must be open.

    ``reply``: the server's answer when the caller asked already (``request_login``).
    Network worker or the command line's thread; raises SyncError with a message for people.
    """
    device = writer.write(credentials.device_id)
    before, _token = credentials.load()
    if reply is None:
        reply = request_login(server_url=server_url, username=username, password=password,
                              device=device, device_name=device_name, ca_cert=ca_cert)
    info = credentials.AccountInfo(
        server_url=server_url.rstrip("/"), username=reply.account.username,
        role=reply.account.role, officer_id=reply.account.officer_id, device_id=device,
        token_store="database", ca_cert=ca_cert)
    info = writer.write(lambda: credentials.save(info, reply.token))
    if before is not None and before.officer_id != info.officer_id:
        # The files the last account showed the server are not this account's to name.
        local.list_every_file_again()
    context.set_actor(officer_id=info.officer_id, device_id=device)
    return info


def status() -> SyncStatus:
    """What the status bar and ``liaison status`` show. Any thread with the database open."""
    info, token = credentials.load()
    last = LocalState.get_value(KEY_LAST_SUCCESS)
    latest = SyncHistory.select().order_by(SyncHistory.id.desc()).first()
    return SyncStatus(
        signed_in=bool(info and token), server_url=info.server_url if info else "",
        username=info.username if info else "",
        pending=OutboxOp.select().where(OutboxOp.state == "pending").count(),
        rejected=OutboxOp.select().where(OutboxOp.state == "rejected").count(),
        conflicts=SyncConflict.select().where(SyncConflict.resolved_at.is_null()).count(),
        set_aside=SyncSetAside.select().count(),
        last_success=dt.datetime.fromisoformat(last) if last else None,
        last_outcome=latest.outcome if latest else "",
        last_message=latest.message if latest else "",
    )


@dataclass(frozen=True)
class RejectedOp:
    op_id: str
    table: str
    record_id: str
    reason: str
    reason_en: str
    reason_zh: str

    @property
    def reason_text(self) -> str:
        return in_language(zh=self.reason_zh, en=self.reason_en) or self.reason


def rejected_ops() -> list[RejectedOp]:
    """The "needs attention" list: operations the server refused, with its reasons."""
    out = []
    for op in OutboxOp.select().where(OutboxOp.state == "rejected").order_by(OutboxOp.seq):
        try:
            err = json.loads(op.last_error or "{}")
        except ValueError:
            err = {}
        out.append(RejectedOp(op.op_id, op.table, op.record_id, err.get("reason", ""),
                              err.get("en", ""), err.get("zh", "")))
    return out


def retry_rejected() -> int:
    """Put refused operations back in the queue (after the cause was fixed)."""
    return OutboxOp.update(state="pending").where(OutboxOp.state == "rejected").execute()


# -- the engine ------------------------------------------------------------------------------
class SyncEngine:
    """One device's sync with its server. Database opened by the caller beforehand."""

    def __init__(self, *, data_paths: DataPaths, server_url: str | None = None,
                 batch_size: int = 500, page_size: int = 2000, timeout: float = 60.0,
                 retry: RetryPolicy | None = None, protocol_version: int = p.PROTOCOL_VERSION
                 ) -> None:
        self.paths = data_paths
        self.server_url = server_url
        self.batch_size = batch_size
        self.page_size = page_size
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.protocol_version = protocol_version
        #: The connection of the last sync, kept for the next one while the server, the
        #: account and the settings stay the same (no new connection for each sync).
        self._kept: tuple[tuple[Any, ...], Transport] | None = None

    @staticmethod
    def _officer_id() -> str:
        info, _token = credentials.load()
        return info.officer_id if info is not None else ""

    def _transport(self, cancel: threading.Event) -> Transport:
        info, token = credentials.load()
        if info is None or not token:
            raise SyncError("signin", i18n.translate(
                "Sync", "This laptop is not signed in to a server yet. Sign in first; your "
                "records are kept."))
        url = self.server_url or info.server_url
        key = (url, token, info.device_id, info.ca_cert, self.timeout, self.retry,
               self.protocol_version)
        if self._kept is not None and self._kept[0] == key:
            kept = self._kept[1]
            kept.start_over(cancel)
            return kept
        self.close()
        made = Transport(server_url=url, client_schema=LATEST_VERSION, token=token,
                         device_id=info.device_id, ca_cert=info.ca_cert, timeout=self.timeout,
                         retry=self.retry, cancel=cancel,
                         protocol_version=self.protocol_version)
        self._kept = (key, made)
        return made

    def close(self) -> None:
        """Let go of the kept connection (when the engine is no longer used)."""
        if self._kept is not None:
            self._kept[1].close()
            self._kept = None

    def sync_once(self, *, progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> SyncReport:
        """Run one sync. Network worker thread; returns a report, never raises SyncError."""
        report = SyncReport()
        lock = _lock_for(self.paths)
        if not lock.acquire(blocking=False):
            report.outcome = "busy"
            report.message = i18n.translate("Sync", "A sync is already running.")
            return report
        started = time.perf_counter()
        began = utcnow()
        cancel = cancel or threading.Event()
        emit = progress or _noop
        transport: Transport | None = None
        try:
            transport = self._transport(cancel)
            # Only what was queued when the sync began is pushed: later edits wait for the
            # next sync (a person typing during a long sync cannot keep it running), and a
            # file attached from now on is uploaded by the next sync before its record.
            up_to = local.outbox_high_seq()
            self._upload_files(transport, report, emit, cancel)
            try:
                self._push(transport, report, emit, cancel, up_to=up_to)
            except SyncError as exc:
                if exc.code != "resync_required":
                    raise
                # Silent for longer than the server keeps what makes a resend harmless: it
                # wants this laptop to have everything first. The outbox stays; it is sent
                # once everything is pulled again (merged, nothing local is dropped).
                log.info("the server asks for a full pull before changes are sent")
                self._pull(transport, report, emit, cancel, again=True)
                self._push(transport, report, emit, cancel, up_to=up_to)
            counts, scope = self._pull(transport, report, emit, cancel)
            self._download_files(transport, report, emit, cancel)
            if counts is not None:
                self._verify(transport, report, emit, cancel, counts, scope)
            report.message = report.summary()
        except SyncError as exc:
            if transport is not None:  # a laptop reported lost or retired acts on it here
                exc = device_state.after_refusal(self, transport, report, emit, cancel, exc)
            report.outcome = exc.kind
            report.message = exc.message
            log.info("sync stopped: %s", exc)
        except Exception as exc:  # noqa: BLE001 - whatever it was, this sync failed
            log.exception("sync failed")
            report.outcome = "error"
            report.message = i18n.translate(
                "Sync", "The sync stopped because of an unexpected problem ({reason}). Nothing "
                "was lost; it will be tried again. If it happens again, send the log file to "
                "the service centre.").format(reason=type(exc).__name__)
        finally:
            if transport is not None:
                report.bytes_sent = transport.bytes_sent
                report.bytes_received = transport.bytes_received
                if not report.ok:
                    self.close()  # after any failure the next sync connects afresh
            report.seconds = time.perf_counter() - started
            try:
                if report.outcome != "wiped":  # a wiped laptop has no database to note it in
                    local.finish(ok=report.ok, started_at=began, values=dict(
                        outcome=report.outcome, pushed=report.pushed, pulled=report.pulled,
                        conflicts=report.conflicts, rejected=report.rejected,
                        files_up=report.files_up, files_down=report.files_down,
                        message=str(report.message or "")))
            except Exception:  # noqa: BLE001 - the report still reaches the caller
                log.exception("could not record the sync in its history")
            finally:
                lock.release()
        return report

    # -- push --------------------------------------------------------------------------------
    def _push(self, t: Transport, report: SyncReport, emit: ProgressCallback,
              cancel: threading.Event, *, up_to: int) -> None:
        total = OutboxOp.select().where((OutboxOp.state == "pending")
                                        & (OutboxOp.seq <= up_to)).count()
        done = 0
        limit = self.batch_size
        # A batch is sent while the answers to the one before are stored and the next one is
        # read and encoded, so that this laptop and the server work at the same time rather
        # than each waiting for the other. Sending a batch before the answers to the last one are
        # stored is safe: an operation answered but not yet removed is sent again by the
        # next sync, and the server answers a resent operation as it did the first time.
        ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liaison-push")
        flight: tuple[Future[Any], list[local.PendingOp], int] | None = None
        after = 0
        try:
            while True:
                if cancel.is_set():
                    raise cancelled_error()
                ops, after_ops = self._next_batch(report, after=after, up_to=up_to,
                                                  limit=limit)
                body = t.encode({"ops": [local.op_to_wire(o) for o in ops]}) if ops else b""
                if flight is None:
                    if not ops:
                        return
                    flight = (ahead.submit(self._send, t, body), ops, after)
                    after = after_ops
                    continue
                future, flown, flown_after = flight
                flight = None
                try:
                    answer = future.result()
                except SyncError as exc:
                    if exc.code != "body_too_large":
                        raise
                    if len(flown) == 1:  # one change larger than the server takes
                        local.refuse_too_large(flown[0])
                        report.rejected += 1
                        after = flown[0].seq
                    else:  # the same operations again, in smaller batches
                        limit = max(1, len(flown) // 2)
                        after = flown_after
                    continue
                if ops:
                    flight = (ahead.submit(self._send, t, body), ops, after)
                    after = after_ops
                done += self._store_answer(answer, report)
                emit(Progress("push", done, total, i18n.translate(
                    "Sync", "Sending changes: {done} of {total}").format(done=done,
                                                                         total=total)))
                if flight is None:
                    return
        finally:
            if flight is not None:
                flight[0].cancel()
            ahead.shutdown(wait=True)

    def _next_batch(self, report: SyncReport, *, after: int, up_to: int, limit: int
                    ) -> tuple[list[local.PendingOp], int]:
        """The next operations to send after sequence number ``after``, and the sequence
        number the batch after them starts behind. What the server would refuse whole (text
        no database holds) or what no batch could carry steps aside here, with its reason,
        instead of holding up the rest."""
        while True:
            fetched = local.pending_ops(after_seq=after, up_to_seq=up_to, limit=limit)
            if not fetched:
                return [], after
            refused = local.refuse_unsendable(fetched)
            report.rejected += len(refused)
            ops = local.within_bytes([o for o in fetched if o.op_id not in refused],
                                     limit=p.DEFAULT_MAX_BODY // 4)
            if ops:
                return ops, ops[-1].seq
            after = fetched[-1].seq

    @staticmethod
    def _send(t: Transport, body: bytes) -> Any:
        return t.call("POST", "/sync/push", encoded=body)

    @staticmethod
    def _store_answer(answer: Any, report: SyncReport) -> int:
        results = p.PushResponse.model_validate(answer).results
        tally = local.store_results(results)
        report.applied += tally.get("applied", 0)
        report.merged += tally.get("merged", 0)
        report.conflicts += tally.get("conflict", 0)
        report.rejected += tally.get("rejected", 0)
        report.pushed += len(results) - tally.get("rejected", 0)
        return len(results)

    # -- pull --------------------------------------------------------------------------------
    def _pull(self, t: Transport, report: SyncReport, emit: ProgressCallback,
              cancel: threading.Event, *, tables: list[str] | None = None,
              again: bool = False
              ) -> tuple[dict[str, p.TableCount] | None, list[str] | None]:
        """Pull what is new; ``again``: everything from the start, merging, then let go of
        what this account no longer sees."""
        full = tables is not None
        since = 0 if full else local.checkpoint()
        if again:
            local.remember(purge_due=True)
            since = 0
        known = sorted(SYNCED_MODELS)
        if not full and LocalState.get_value(local.KEY_TABLES) != known:
            # This version knows record types an older one skipped: fetch everything again
            # (records already here are merged, nothing local is dropped).
            if since:
                log.info("record types changed; pulling everything again")
            since = 0
            local.remember(tables=known)
        if not full:
            # Records an older version of the app set aside: this one may read them.
            redo = local.retry_set_aside()
            if redo:
                self._tally(report, local.apply_page(redo, checkpoint_to=None))
        # Counts are compared when something moved since the last check that matched.
        want_counts = not full and (report.pushed > 0
                                    or LocalState.get_value(local.KEY_VERIFIED_AT) != since)
        restarted = full or again
        #: Everything pulled again because the server forgot what it told this laptop: the
        #: ids it sends (this laptop's own too) are all it holds for this account.
        listed: dict[str, set[str]] | None = {} if again else None

        def fetch(since: int) -> dict[str, Any]:
            body: dict[str, Any] = {"since": since, "limit": self.page_size,
                                    "want_counts": want_counts}
            if full:
                body.update(tables=tables, include_own=True)
            elif listed is not None:
                body.update(include_own=True)
            return _checked_page(t.call("POST", "/sync/pull", body))

        # The next page is asked for while this one is applied: the server builds it (in its
        # own process) while this laptop writes, instead of each waiting for the other.
        ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liaison-pull")
        coming: Future[dict[str, Any]] | None = None
        try:
            while True:
                if cancel.is_set():
                    raise cancelled_error()
                try:
                    page = coming.result() if coming is not None else fetch(since)
                except SyncError as exc:
                    if exc.code != "resync_required" or restarted:
                        raise
                    # The server no longer keeps what this cursor would need (records that
                    # left this account's enterprises long ago): everything again, as after
                    # a change of enterprises.
                    log.info("cursor older than the server keeps; pulling from the start")
                    local.remember(purge_due=True)
                    since, restarted, coming, listed = 0, True, None, {}
                    continue
                coming = None
                stored_hash = LocalState.get_value(local.KEY_SCOPE_HASH)
                if (not restarted and stored_hash and page["scope_hash"] != stored_hash
                        and since):
                    # The set of enterprises this account sees changed: records of a newly
                    # assigned enterprise are older than the checkpoint, so start over
                    # (merging), and once caught up, let go of what it no longer sees.
                    log.info("scope changed; pulling from the start")
                    local.remember(purge_due=True)
                    since, restarted = 0, True
                    continue
                if page["more"]:
                    coming = ahead.submit(fetch, page["next"])
                if listed is not None:
                    for record in page["records"]:
                        listed.setdefault(record["table"], set()).add(record["id"])
                self._tally(report, local.apply_page(
                    page["records"], checkpoint_to=None if full else page["next"],
                    scope_hash=None if full else page["scope_hash"],
                    gone=None if full else page.get("gone")))
                since = page["next"]
                emit(Progress("pull", since, page["high_seq"], i18n.translate(
                    "Sync", "Receiving records: {count}").format(count=report.pulled)))
                if not page["more"]:
                    scope = page.get("scope")
                    if listed is not None:
                        report.dropped += local.drop_unlisted(listed)
                    if not full and LocalState.get_value(local.KEY_PURGE_DUE):
                        report.dropped += local.purge_outside(
                            scope, officer_id=self._officer_id())
                    counts = page.get("counts")
                    parsed = ({k: p.TableCount.model_validate(v) for k, v in counts.items()}
                              if isinstance(counts, dict) else None)
                    return parsed, scope
        finally:
            if coming is not None:
                coming.cancel()
            ahead.shutdown(wait=True)

    @staticmethod
    def _tally(report: SyncReport, result: local.PageResult) -> None:
        report.pulled += result.applied
        report.parked += result.parked
        report.set_aside += result.set_aside
        report.dropped += result.dropped

    def _verify(self, t: Transport, report: SyncReport, emit: ProgressCallback,
                cancel: threading.Event, counts: dict[str, p.TableCount],
                scope: list[str] | None) -> None:
        emit(Progress("verify", 0, 0, i18n.translate("Sync", "Checking the records")))
        mine = local.local_counts(scope, officer_id=self._officer_id())
        bad = [table for table, c in counts.items()
               if table in mine and mine[table] != (c.count, c.version_sum)]
        if not bad:
            local.remember(verified_at=local.checkpoint())
        for table in bad:
            log.warning("verification: %s differs (here %s, server %s/%s); pulling it again",
                        table, mine[table], counts[table].count, counts[table].version_sum)
            self._pull(t, report, emit, cancel, tables=[table])
            report.repulled.append(table)

    # -- attachments -------------------------------------------------------------------------
    def _upload_files(self, t: Transport, report: SyncReport, emit: ProgressCallback,
                      cancel: threading.Event) -> None:
        """Send every file attached here that the server has not confirmed holding (for this
        account), then note what it confirmed. The plain bytes are sent (decrypted as read).
        A file damaged on this laptop (no longer its hash, or it no longer decrypts) steps
        aside with the changes naming it; the others go on."""
        store = AttachmentStore.for_paths(self.paths)
        hashes = [h for h in local.pending_files() if store.has(h)]
        if not hashes:
            return
        missing: dict[str, int] = {}
        for chunk in [hashes[i:i + 5000] for i in range(0, len(hashes), 5000)]:
            answer = p.MissingResponse.model_validate(
                t.call("POST", "/attachments/missing", {"hashes": chunk})).missing
            missing.update({h: o for h, o in answer.items() if h in chunk})
            local.confirm_files(h for h in chunk if h not in answer)
        for n, (sha, offset) in enumerate(sorted(missing.items()), start=1):
            if cancel.is_set():
                raise cancelled_error()
            try:
                damaged = store.plain_sha256(sha) != sha
                if not damaged:
                    upload_blob(t, store, sha, offset=offset)
            except AttachmentError:  # does not decrypt (damaged, or another key's file)
                damaged = True
            except SyncError as exc:
                if exc.code != "hash_mismatch":
                    raise
                damaged = True
            if damaged:
                log.warning("attachment file %s on this laptop is damaged", sha)
                report.rejected += local.refuse_damaged_file(sha)
                continue
            local.confirm_files([sha])
            report.files_up += 1
            emit(Progress("upload", n, len(missing), i18n.translate(
                "Sync", "Sending files: {done} of {total}").format(done=n, total=len(missing))))

    def _download_files(self, t: Transport, report: SyncReport, emit: ProgressCallback,
                        cancel: threading.Event) -> None:
        if not LocalState.get_value(local.KEY_FILES_DUE):
            return
        store = AttachmentStore.for_paths(self.paths)
        wanted = [h for h in local.wanted_files() if not store.has(h)]
        failed = 0
        for n, sha in enumerate(wanted, start=1):
            if cancel.is_set():
                raise cancelled_error()
            try:
                download_blob(t, store, sha)
                local.confirm_files([sha])
                report.files_down += 1
            except SyncError as exc:
                if exc.kind != "server":
                    raise
                failed += 1
            emit(Progress("download", n, len(wanted), i18n.translate(
                "Sync", "Receiving files: {done} of {total}").format(done=n, total=len(wanted))))
        local.remember(files_due=failed > 0)


def _checked_page(page: Any) -> dict[str, Any]:
    """A pull answer whose frame this version can follow; the records in it are checked one
    by one when they are applied."""
    ints = ("next", "high_seq")
    if (not isinstance(page, dict) or not isinstance(page.get("records"), list)
            or any(isinstance(page.get(k), bool) or not isinstance(page.get(k), int)
                   for k in ints)
            or not isinstance(page.get("more"), bool)
            or not isinstance(page.get("scope_hash"), str)
            or not isinstance(page.get("gone", []), list)
            or not (page.get("scope") is None or (isinstance(page["scope"], list) and all(
                isinstance(x, str) for x in page["scope"])))):
        raise SyncError("server", i18n.translate(
            "Sync", "The server sent an answer this version of Liaison cannot read. Nothing "
            "was changed here; it will be tried again. If it persists, ask the service centre "
            "whether the server was updated."))
    return page


def blob_path(paths: DataPaths, sha: str) -> Path:
    """Where a file lives, by its hash; never a path built from anything but a hash."""
    if not isinstance(sha, str) or not SHA_RE.match(sha):
        raise ValueError(f"not a SHA-256: {sha!r}")
    return attachment_path(paths.attachments, sha)


def upload_blob(t: Transport, store: AttachmentStore, sha: str, *, offset: int = 0) -> None:
    """Send a file's plain bytes in chunks from ``offset``; a retried chunk continues where
    the server is. The file is decrypted as it is read; the server checks the hash."""
    restarts = 0
    with store.open(sha) as fh:
        total = fh.seek(0, os.SEEK_END)
        while True:
            fh.seek(offset)
            chunk = fh.read(p.ATTACHMENT_CHUNK)
            response = t.raw("PUT", f"/attachments/{sha}",
                             params={"offset": offset, "total": total}, data=chunk)
            if response.status_code == 409:
                offset = int(response.json().get("detail", {}).get("received", 0))
                continue
            if response.status_code == 422 and restarts < 1:
                restarts += 1
                offset = 0
                continue
            result = p.UploadResult.model_validate(t.check(response))
            if result.complete:
                return
            offset = result.received


def download_blob(t: Transport, store: AttachmentStore, sha: str, *, fresh: bool = False
                  ) -> Path:
    """Fetch a file, encrypting it as it arrives, check its hash, then rename it into place.

    What arrived before a connection dropped is kept (encrypted, in whole chunks) as
    ``.<sha>.part`` and the next sync asks only for the rest (an HTTP range): on a line that
    drops every few hundred kilobytes a large file still arrives, a piece per sync. The hash
    covers the whole file, so a part that does not belong to it is found out and thrown away.
    """
    if not isinstance(sha, str) or not SHA_RE.match(sha):
        raise ValueError(f"not a SHA-256: {sha!r}")
    incoming = store.incoming(sha, fresh=fresh)
    have = incoming.have
    try:
        with t.stream(f"/attachments/{sha}",
                      headers={"Range": f"bytes={have}-"} if have else None) as response:
            if response.status_code == 416 and not fresh:  # the part is no prefix of it
                incoming.close_files(keep=False)
                return download_blob(t, store, sha, fresh=True)
            if response.status_code >= 400:
                t.check(response)
            if response.status_code != 206 and have:  # the whole file came: start again
                incoming.restart()
            for block in response.iter_content(chunk_size=1 << 16):
                incoming.write(block)
    except NetworkError as exc:
        incoming.pause()
        raise SyncError("offline", i18n.translate(
            "Sync", "The connection dropped while a file was arriving ({reason}); the rest "
            "will be fetched at the next sync.").format(reason=network_problem(exc))) from exc
    except BaseException:
        incoming.pause()
        raise
    if not incoming.finish():
        raise SyncError("server", i18n.translate(
            "Sync", "A file arrived damaged and was discarded; it will be fetched again."))
    return store.path(sha)
