"""The contract every record editor follows, written once: nothing typed is ever lost.

An editor — a dialog (enterprise, worker, application), a pane beside a list (visit) or a
detail pane inside a page (request, direct-channel letter, proxy case) — creates one
``EditorContract`` and gives it an adapter (usually the editor itself) with six small
methods; the contract does the rest, the same way for every editor:

- **Dirty tracking.** The editor is dirty when what its fields hold differs from what was
  last loaded or saved. Both are compared as JSON payloads, so typing a word and deleting it
  again is not a change, and a signal the contract did not watch can delay a draft but never
  make it answer "nothing to lose".
- **Drafts.** Every change is written as a draft, debounced, on the runner's database worker,
  under ``<kind>:<record id>`` (or ``<kind>:new:<random>`` before the first save). A crash
  or a ``kill -9`` loses at most the last half second; at the next start
  ``dialogs.draft_restore`` offers the drafts back and ``open_draft`` puts one back exactly.
  Opening a saved record that has a draft offers it in the editor's notice bar.
- **The question.** ``leave(then)`` asks 保存 / 保留草稿 / 丢弃 / 继续编辑 before anything would
  replace what is typed — another row, Ctrl+N, closing, cancelling, Esc — and runs ``then``
  once the editor may be reused (after the save, when 保存 was chosen).
- **Background refreshes.** ``refresh()`` (pages call it from ``on_data_changed``; the sync
  controller announces every sync through ``ctx.runner.changed``) reloads a clean editor
  whose record changed in the database and never touches a dirty one: the notice bar says
  the record changed elsewhere and offers to reload.
- **Keyboard.** Tab moves between fields, also out of multi-line fields, and Ctrl+Tab
  inserts a tab there; Esc closes through the question; in an editor window Ctrl+N starts
  a new record through it too (in the main window Ctrl+N is the page's, which asks the same).

Building an editor on it::

    class SheetEditor(QDialog):
        def __init__(self, ctx, ...):
            ...build the fields...
            self.contract = EditorContract(ctx=ctx, root=self, adapter=self, kind="sheet",
                                           noun=self.tr("score sheet"))
            layout.insertWidget(0, self.contract.notice)
            self.contract.open_record(record_id)  # or open_new(payload) / open_draft(key)

        # the adapter
        def editor_payload(self): return drafts.to_payload(self.value())
        def show_payload(self, payload): self.set_value(drafts.from_payload(SheetInput, payload))
        def stored_payload(self, record_id):  # None when the record is gone
            return drafts.to_payload(sheets.load_input(record_id=record_id))
        def draft_title(self): return self.name.text()
        def start_save(self):
            work = self.contract.save_work(lambda: sheets.save(data=..., record_id=...).id)
            self.ctx.runner.submit(work, change="sheet", on_done=self.contract.saved,
                                   on_error=self._failed)  # calls contract.save_failed()
        def close_editor(self): QDialog.reject(self)
        def reject(self): self.contract.close()   # Esc, 取消 and the window's close button

Add the kind to ``DRAFT_KINDS`` below so its drafts are offered at start-up, and let the page
named there open ``draft:<key>`` in ``open_record``. Everything here runs on the main thread.
"""
from __future__ import annotations

import datetime as dt
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from liaison_app.core.services import drafts
from liaison_app.core.services.errors import NotFound
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.changes import change_signals

#: Milliseconds of quiet after a change before the draft is written.
DRAFT_DELAY_MS = 500
SAVE, KEEP, DISCARD, STAY = "save", "keep", "discard", "stay"


@dataclass(frozen=True)
class DraftKind:
    """Where the drafts of one editor are opened again: a page and what the page's
    ``open_record`` is given (``draft:<key>``)."""

    page_id: str
    noun: Callable[[], str]


#: Every editor's draft kind. A new editor adds its line here.
DRAFT_KINDS: dict[str, DraftKind] = {
    "visit": DraftKind(
        "visits", lambda: QCoreApplication.translate("EditorContract", "visit")),
    "enterprise": DraftKind(
        "enterprises", lambda: QCoreApplication.translate("EditorContract", "enterprise")),
    "request": DraftKind(
        "requests", lambda: QCoreApplication.translate("EditorContract", "request")),
    "proxy_case": DraftKind(
        "proxy", lambda: QCoreApplication.translate("EditorContract", "proxy case")),
    "worker": DraftKind(
        "applications", lambda: QCoreApplication.translate("EditorContract", "worker")),
    "application": DraftKind(
        "applications", lambda: QCoreApplication.translate("EditorContract", "application")),
    "evaluation_round": DraftKind(
        "satisfaction",
        lambda: QCoreApplication.translate("EditorContract", "evaluation round")),
    "score_entry": DraftKind(
        "satisfaction",
        lambda: QCoreApplication.translate("EditorContract", "typed score sheets")),
    "report_template": DraftKind(
        "daily", lambda: QCoreApplication.translate("EditorContract", "report template")),
    "daily_entry": DraftKind(
        "daily", lambda: QCoreApplication.translate("EditorContract", "daily report entry")),
}


class EditorAdapter(Protocol):
    """What an editor tells the contract. Payloads are JSON-safe dicts."""

    def editor_payload(self) -> dict[str, Any]:
        """What the fields hold now."""

    def show_payload(self, payload: dict[str, Any]) -> None:
        """Put a payload into the fields (the contract silences change tracking meanwhile)."""

    def stored_payload(self, record_id: str) -> dict[str, Any] | None:
        """The record as stored, read now; None when it no longer exists."""

    def draft_title(self) -> str:
        """A line naming the draft in the start-up question (enterprise, date, …)."""

    def start_save(self) -> None:
        """Begin saving; on success call ``contract.saved(record_id)``, on failure
        ``contract.save_failed()``."""

    def close_editor(self) -> None:
        """Hide the pane or close the window, without asking anything."""


_live: weakref.WeakSet[EditorContract] = weakref.WeakSet()


def live_contracts() -> list[EditorContract]:
    """The contracts of editors that exist now (the window flushes their drafts at exit)."""
    return [c for c in _live if c.is_valid()]


def flush_all_drafts() -> None:
    """Write every pending draft now (before the window closes)."""
    for contract in live_contracts():
        contract.flush_draft()


class EditorNotice(QFrame):
    """A yellow bar at the top of an editor: a sentence and up to two buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorNotice")
        self.setStyleSheet("#editorNotice { background: #fff8e1; border: 1px solid #ffcc80;"
                           " border-radius: 4px; }")
        bar = QHBoxLayout(self)
        bar.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.primary_button = QPushButton()
        self.secondary_button = QPushButton()
        bar.addWidget(self.text, 1)
        bar.addWidget(self.primary_button)
        bar.addWidget(self.secondary_button)
        self._actions: tuple[Callable[[], None], Callable[[], None]] | None = None
        self.primary_button.clicked.connect(lambda: self._run(0))
        self.secondary_button.clicked.connect(lambda: self._run(1))
        self.reason = ""
        self.hide()

    def offer(self, reason: str, text: str, primary: tuple[str, Callable[[], None]],
              secondary: tuple[str, Callable[[], None]]) -> None:
        self.reason = reason
        self.text.setText(text)
        self.primary_button.setText(primary[0])
        self.secondary_button.setText(secondary[0])
        self._actions = (primary[1], secondary[1])
        self.show()

    def withdraw(self, reason: str = "") -> None:
        if not reason or reason == self.reason:
            self.reason = ""
            self._actions = None
            self.hide()

    def _run(self, which: int) -> None:
        actions = self._actions
        self.withdraw()
        if actions is not None:
            actions[which]()


class _MultiLineKeys(QObject):
    """Tab leaves a multi-line field; Ctrl+Tab types a tab into it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.key() != Qt.Key.Key_Tab or not (
                key_event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Keep Ctrl+Tab from switching the tabs of a tab widget around the field.
            event.accept()
            return True
        if isinstance(obj, QPlainTextEdit | QTextEdit) and not obj.isReadOnly():
            obj.insertPlainText("\t")
            return True
        return False


class EditorContract(QObject):
    """See the module's docstring. Main thread."""

    #: The person changed a field (not emitted while the contract fills the fields).
    changed = Signal()

    def __init__(self, *, ctx: AppContext, root: QWidget, adapter: EditorAdapter, kind: str,
                 noun: str, parent: QObject | None = None) -> None:
        super().__init__(parent or root)
        self.ctx = ctx
        self.root = root
        self.adapter = adapter
        self.kind = kind
        self.noun = noun
        self.record_id: str | None = None
        self.draft_key = ""
        self._open = False
        self._loading = 0
        self._baseline: dict[str, Any] | None = None
        self._stored: dict[str, Any] | None = None
        self._edits = 0
        self._draft_written = False
        self._save_snapshot: tuple[dict[str, Any], int, str] | None = None
        self._after_save: Callable[[], None] | None = None
        self._watched: weakref.WeakSet[QObject] = weakref.WeakSet()
        self._keys = _MultiLineKeys(self)
        self.notice = EditorNotice()
        self.draft_label = QLabel()
        self.draft_label.setObjectName("hint")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.write_draft)
        self.watch(root)
        if not isinstance(root, QDialog):
            # A dialog turns Esc into reject(), which its editor routes to close().
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), root)
            esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            esc.activated.connect(self.close)
        elif hasattr(adapter, "new_payload"):
            # In the main window Ctrl+N belongs to the page, which asks the same question.
            new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), root)
            new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            new.activated.connect(self.new_record)
        _live.add(self)

    def is_valid(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.root)

    # -- watching the fields -------------------------------------------------------------
    def watch(self, widget: QWidget) -> None:
        """Track changes in ``widget`` and every field inside it (call again for fields
        added later, such as a table row's combo box)."""
        self._watch_one(widget)
        for child in widget.findChildren(QWidget):
            self._watch_one(child)

    def _watch_one(self, w: QWidget) -> None:
        if w in self._watched:
            return
        self._watched.add(w)
        for signal in change_signals(w):
            signal.connect(self._changed)
        if isinstance(w, QPlainTextEdit | QTextEdit):
            w.setTabChangesFocus(True)
            w.installEventFilter(self._keys)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill fields without it counting as typing."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def _changed(self, *args: object) -> None:
        del args
        if self._loading or not self._open:
            return
        self._edits += 1
        self._timer.start()
        self.changed.emit()

    # -- state ---------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self._open

    def is_dirty(self) -> bool:
        if not self._open or self._baseline is None:
            return False
        return self.adapter.editor_payload() != self._baseline

    def edits(self) -> int:
        """Counts changes; a save compares it to know whether typing went on meanwhile."""
        return self._edits

    # -- opening -------------------------------------------------------------------------
    def _show(self, payload: dict[str, Any]) -> None:
        self._timer.stop()
        with self.loading():
            self.adapter.show_payload(payload)
        self._baseline = self.adapter.editor_payload()
        self._open = True

    def open_record(self, record_id: str) -> bool:
        """Show a saved record; False when it no longer exists (nothing changes then)."""
        stored = self.adapter.stored_payload(record_id)
        if stored is None:
            return False
        self._begin(record_id, f"{self.kind}:{record_id}", stored, stored)
        pending = drafts.load_draft(key=self.draft_key)
        if pending is not None:
            self.notice.offer(
                "draft",
                self.tr("This {noun} has changes from {time} that were not saved.").format(
                    noun=self.noun, time=local_time(pending.updated_at)),
                (self.tr("Restore draft"), lambda key=self.draft_key: self.open_draft(key)),
                (self.tr("Discard draft"), self._discard_offered_draft))
        return True

    def open_new(self, payload: dict[str, Any]) -> None:
        """Start a new record from ``payload`` (blank fields, or a context such as the
        enterprise it belongs to)."""
        self._begin(None, f"{self.kind}:new:{uuid.uuid4().hex[:12]}", None, payload)

    def _begin(self, record_id: str | None, key: str, stored: dict[str, Any] | None,
               shown: dict[str, Any]) -> None:
        self.notice.withdraw()
        self.record_id = record_id
        self.draft_key = key
        self._draft_written = False
        self._stored = stored
        self._show(shown)
        self.draft_label.setText("")

    def open_draft(self, key: str, *, blank: dict[str, Any] | None = None) -> bool:
        """Put a saved draft back, exactly as it was typed; it stays a draft until saved.

        A draft of a saved record opens over that record (so saving updates it); the draft
        of a new record, or of a record deleted meanwhile, opens as a new record (over
        ``blank`` when given)."""
        draft = drafts.load_draft(key=key)
        if draft is None:
            return False
        record_id = drafts.record_id_of(key)
        stored = self.adapter.stored_payload(record_id) if record_id else None
        if stored is not None:
            self._begin(record_id, key, stored, stored)
        else:
            self._begin(None, key, None, blank if blank is not None else {})
        self._draft_written = True
        with self.loading():
            self.adapter.show_payload(draft.payload or {})
        self.draft_label.setText(self.tr("Draft restored. Check it and save."))
        return True

    def _discard_offered_draft(self) -> None:
        key = self.draft_key
        self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))

    def new_record(self) -> None:
        """Ctrl+N in an editor window: a new record in the same window, asking first."""
        make = getattr(self.adapter, "new_payload", None)
        if make is not None:
            self.leave(then=lambda: self.open_new(make()))

    # -- drafts --------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Queue what is typed as the draft (the runner serialises it with saves)."""
        self._timer.stop()
        if not self._open or not self.draft_key or self._baseline is None:
            return
        payload = self.adapter.editor_payload()
        key = self.draft_key
        if payload == self._baseline:
            if self._draft_written:  # typed, then undone: the draft says nothing any more
                self._draft_written = False
                self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))
                self.draft_label.setText("")
            return
        self._draft_written = True
        self.notice.withdraw("draft")  # the offered draft is replaced by what is typed now
        title = self.adapter.draft_title()
        kind = self.kind
        self.ctx.runner.submit(
            lambda: drafts.save_draft(key=key, kind=kind, title=title, payload=payload),
            on_done=lambda _r: self._draft_saved(),
            on_error=self._draft_failed)

    def flush_draft(self) -> None:
        """Write a pending draft now (before leaving the page or closing the window)."""
        if self._timer.isActive():
            self.write_draft()

    def _draft_saved(self) -> None:
        if self.is_valid() and self._open:
            self.draft_label.setText(self.tr("Draft saved at {time}").format(
                time=dt.datetime.now().strftime("%H:%M:%S")))

    def _draft_failed(self, exc: BaseException) -> None:
        if self.is_valid():
            self.draft_label.setText(self.tr("The draft could not be saved: {reason}").format(
                reason=describe(exc)))

    # -- leaving -------------------------------------------------------------------------
    def ask(self) -> str:
        """保存 / 保留草稿 / 丢弃 / 继续编辑: returns SAVE, KEEP, DISCARD or STAY."""
        box = QMessageBox(self.root)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This {noun} has changes that are not saved.").format(
            noun=self.noun))
        box.setInformativeText(self.tr(
            "Save them now, keep them as a draft to finish later, or discard them?"))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep draft"), QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Continue editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(stay)
        box.exec()
        return {id(save): SAVE, id(keep): KEEP, id(discard): DISCARD}.get(
            id(box.clickedButton()), STAY)

    def leave(self, then: Callable[[], None] | None = None) -> bool:
        """Before the editor shows something else or closes. Returns True when ``then`` has
        run; False when the officer stays (or saves first: ``then`` runs after the save)."""
        if not self.is_dirty():
            self._timer.stop()
            self._drop_stale_draft()
            self._run(then)
            return True
        choice = self.ask()
        if choice == STAY:
            return False
        if choice == SAVE:
            self._after_save = then
            self.adapter.start_save()
            return False
        if choice == DISCARD:
            self.discard()
        else:
            self.write_draft()
            self._open = False
        self._run(then)
        return True

    def _run(self, then: Callable[[], None] | None) -> None:
        if then is not None:
            then()

    def _drop_stale_draft(self) -> None:
        """A draft written before the text was undone again says nothing: delete it."""
        if self._draft_written and self.draft_key:
            key = self.draft_key
            self._draft_written = False
            self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))

    def discard(self) -> None:
        """Drop what is typed and its draft."""
        self._timer.stop()
        key = self.draft_key
        if key:
            self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))
        self._draft_written = False
        self._open = False
        self.notice.withdraw()

    def close(self) -> None:
        """Esc, 关闭, 取消: close through the question."""
        self.leave(then=self._closed)

    def _closed(self) -> None:
        self._open = False
        self.notice.withdraw()
        self.adapter.close_editor()

    def forget(self) -> None:
        """The editor shows nothing any more (its record was deleted here, say)."""
        self._timer.stop()
        self._open = False
        self.record_id = None
        self.notice.withdraw()

    # -- saving --------------------------------------------------------------------------
    def save_work(self, work: Callable[[], Any]) -> Callable[[], Any]:
        """Wrap the save's work (run on the database worker) so the draft goes in the same
        step as the save succeeds; remembers what was saved."""
        self._timer.stop()
        key = self.draft_key
        self._save_snapshot = (self.adapter.editor_payload(), self._edits, key)

        def run() -> Any:
            result = work()
            if key:
                drafts.discard_draft(key=key)
            return result

        return run

    def saved(self, record_id: str) -> bool:
        """The save succeeded: the editor now shows ``record_id``, clean unless typing went
        on during the save (that stays dirty and drafted). True when the save was the
        question's 保存 and what it was asked for has now run (an editor window that closes
        after saving should then stay as that left it)."""
        if not self.is_valid():
            return False
        snapshot = self._save_snapshot
        self._save_snapshot = None
        payload, edits, old_key = snapshot if snapshot else (None, self._edits, "")
        self.record_id = record_id
        self.draft_key = f"{self.kind}:{record_id}"
        self.notice.withdraw()
        if payload is not None and edits != self._edits:
            # Drafts written during the save went under the old key: move them on.
            if old_key and old_key != self.draft_key:
                self.ctx.runner.submit(lambda: drafts.discard_draft(key=old_key))
            self._stored = self.adapter.stored_payload(record_id)
            self._baseline = payload
            self._open = True
            self._draft_written = False
            self._timer.start()
        else:
            stored = self.adapter.stored_payload(record_id)
            if stored is not None:
                self._stored = stored
                self._show(stored)
            self._draft_written = False
            self.draft_label.setText("")
        then, self._after_save = self._after_save, None
        self._run(then)
        return then is not None

    def save_failed(self) -> None:
        """The save was refused or failed: what is typed stays, dirty and drafted."""
        self._after_save = None
        self._save_snapshot = None
        if self.is_valid() and self._open:
            self._timer.start()

    # -- background refreshes ------------------------------------------------------------
    def refresh(self) -> str:
        """The database changed (a save elsewhere, a sync). Returns "reloaded" when the
        editor showed the record again, "kept" when it kept unsaved changes and put up the
        notice, "gone" when its record was deleted and nothing was typed, "" when its record
        did not change."""
        if not self._open or self.record_id is None:
            return ""
        record_id = self.record_id
        stored = self.adapter.stored_payload(record_id)
        if stored == self._stored:
            return ""
        if not self.is_dirty():
            if stored is None:
                return "gone"  # deleted: the page decides what to show instead
            self._stored = stored
            self._show(stored)
            return "reloaded"
        if stored is None:
            text = self.tr("This {noun} was deleted elsewhere (for example by a sync). What "
                           "you typed is kept here until you discard it.").format(noun=self.noun)
            self.notice.offer("elsewhere", text, (self.tr("Discard my changes"), self.close),
                              (self.tr("Keep my changes"), lambda: None))
            self._stored = None
            return "kept"
        text = self.tr("This {noun} was changed elsewhere (for example by a sync). Your "
                       "unsaved changes are kept; saving them replaces the other changes."
                       ).format(noun=self.noun)
        self.notice.offer("elsewhere", text,
                          (self.tr("Reload (discard my changes)"), self.reload),
                          (self.tr("Keep my changes"), lambda: self._accept_stored(stored)))
        return "kept"

    def _accept_stored(self, stored: dict[str, Any] | None) -> None:
        """The officer keeps their text over the other change: do not ask again for it."""
        self._stored = stored

    def reload(self) -> None:
        """Show the record as stored, dropping what was typed and its draft."""
        if self.record_id is None:
            return
        stored = self.adapter.stored_payload(self.record_id)
        if stored is None:
            self._closed()
            return
        key = self.draft_key
        self.ctx.runner.submit(lambda: drafts.discard_draft(key=key))
        self._draft_written = False
        self._stored = stored
        self._show(stored)
        self.draft_label.setText("")


def stored_payload_of(load: Callable[[], Any], *,
                      record: Callable[[], Any] | None = None) -> dict[str, Any] | None:
    """An adapter's ``stored_payload``: ``load()``'s dataclass as a payload, or None when
    the record is gone (``NotFound``, or ``record()`` is soft-deleted)."""
    try:
        if record is not None and getattr(record(), "deleted", False):
            return None
        return drafts.to_payload(load())
    except NotFound:
        return None


def local_time(value: dt.datetime) -> str:
    """Drafts are stamped in UTC; people read local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
