"""同步: the account, a sync button with progress, and what needs a person's attention:
changes waiting, changes the server refused (with its reasons), conflicts to settle field by
field, and the history of syncs."""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import conflicts as conflict_service
from liaison_app.core.services import record_labels
from liaison_app.ui.context import AppContext
from liaison_app.ui.pages.base import Page
from liaison_app.ui.widgets.layouts import fit_columns

ROLE_ID = Qt.ItemDataRole.UserRole


def _local(utc: dt.datetime) -> str:
    """Bookkeeping times are stored in UTC; people read local time."""
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=dt.timezone.utc)
    return utc.astimezone().strftime("%Y-%m-%d %H:%M")


def _show_value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class SyncPage(Page):
    page_id = "sync"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.controller = getattr(ctx, "sync", None)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sync"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        account_box = QGroupBox(self.tr("Server"))
        account = QHBoxLayout(account_box)
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.clicked.connect(self._cancel)
        account.addWidget(self.account_label, 1)
        account.addWidget(self.sign_in_button)
        account.addWidget(self.sync_button)
        account.addWidget(self.cancel_button)
        layout.addWidget(account_box)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)

        self.tabs = QTabWidget()
        self.waiting = self._tree([self.tr("Record type"), self.tr("Record"),
                                   self.tr("Changed fields"), self.tr("Changed at")], stretch=2)
        self.rejected = self._tree([self.tr("Record type"), self.tr("Record"),
                                    self.tr("Why the server refused it")], stretch=2)
        self.conflicts = self._tree([self.tr("Record"), self.tr("Field"),
                                     self.tr("This computer"), self.tr("Service centre"),
                                     self.tr("Kept now")], stretch=0)
        self.history = self._tree([self.tr("Started"), self.tr("Result"), self.tr("Details")],
                                  stretch=2)
        self.set_aside = self._tree([self.tr("Record type"), self.tr("Record"),
                                     self.tr("Why this computer could not take it"),
                                     self.tr("Received at")], stretch=2)
        set_aside_tab = QWidget()
        sl = QVBoxLayout(set_aside_tab)
        set_aside_hint = QLabel(self.tr(
            "These records came from the server but hold values this version of the app "
            "cannot use. They are kept aside, nothing else is held up; tell the service "
            "centre, which can correct them."))
        set_aside_hint.setWordWrap(True)
        set_aside_hint.setObjectName("hint")
        sl.addWidget(set_aside_hint)
        sl.addWidget(self.set_aside)

        rejected_tab = QWidget()
        rl = QVBoxLayout(rejected_tab)
        rl.addWidget(self.rejected)
        retry = QPushButton(self.tr("Send refused changes again"))
        retry.clicked.connect(self._retry_rejected)
        rl.addWidget(retry, 0, Qt.AlignmentFlag.AlignRight)

        conflicts_tab = QWidget()
        cl = QVBoxLayout(conflicts_tab)
        hint = QLabel(self.tr("The same field was changed on this computer and at the service "
                              "centre. Both values are kept here until you choose."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        cl.addWidget(hint)
        cl.addWidget(self.conflicts)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_local = QPushButton(self.tr("Keep this computer's value"))
        self.keep_server = QPushButton(self.tr("Take the service centre's value"))
        self.keep_local.clicked.connect(lambda: self._settle("local"))
        self.keep_server.clicked.connect(lambda: self._settle("server"))
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_server)
        cl.addLayout(buttons)

        self.tabs.addTab(self.waiting, "")
        self.tabs.addTab(rejected_tab, "")
        self.tabs.addTab(conflicts_tab, "")
        self.tabs.addTab(set_aside_tab, "")
        self.tabs.addTab(self.history, self.tr("History"))
        layout.addWidget(self.tabs, 1)

        if self.controller is not None:
            self.controller.state_changed.connect(self._state)
            self.controller.progress.connect(self._progress)
            self.controller.finished.connect(lambda _r: self.refresh())

    def title(self) -> str:
        return self.tr("Sync")

    def table_label(self, table: str) -> str:
        return record_labels.type_label(table)

    def outcome_label(self, outcome: str) -> str:
        return {"ok": self.tr("Done"), "offline": self.tr("Offline"),
                "signin": self.tr("Sign-in needed"), "upgrade": self.tr("Update needed"),
                "server": self.tr("Server problem"), "cancelled": self.tr("Stopped"),
                "busy": self.tr("Already syncing")}.get(outcome, outcome)

    def _tree(self, headers: list[str], *, stretch: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(False)
        tree.setHeaderLabels(headers)
        fit_columns(tree, stretch=stretch)
        return tree

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        from liaison_app.core.models.base import OutboxOp
        from liaison_app.core.models.sync_records import SyncHistory
        from sync import client, local

        st = client.status()
        if st.signed_in:
            self.account_label.setText(self.tr("Signed in to {server} as {user}.").format(
                server=st.server_url, user=st.username))
            self.sign_in_button.setText(self.tr("Sign in again…"))
        else:
            self.account_label.setText(self.tr(
                "Not signed in. Records are kept on this computer and will be sent after you "
                "sign in to the service centre's server."))
            self.sign_in_button.setText(self.tr("Sign in…"))
        self.sync_button.setEnabled(st.signed_in)

        # Waiting changes: the outbox in order (at most the first 500 shown).
        self.waiting.clear()
        ops = list(OutboxOp.select().where(OutboxOp.state == "pending")
                   .order_by(OutboxOp.seq).limit(500))
        self.waiting.addTopLevelItems([self._item([
            self.table_label(op.table), record_labels.record_title(op.table, op.record_id),
            record_labels.describe_change(op.table, op.changes, creating=op.creating),
            _local(op.device_time)]) for op in ops])
        self.rejected.clear()
        self.rejected.addTopLevelItems([self._item([
            self.table_label(r.table), record_labels.record_title(r.table, r.record_id),
            r.reason_text]) for r in client.rejected_ops()])
        self.set_aside.clear()
        self.set_aside.addTopLevelItems([self._item([
            self.table_label(r.table), record_labels.record_title(r.table, r.record_id),
            r.reason_text, _local(r.at)]) for r in local.set_aside_records()])
        self.conflicts.clear()
        for c in conflict_service.open_conflicts():
            item = self._item([c.record_title, record_labels.field_label(c.table, c.field),
                               _show_value(c.local_value),
                                    _show_value(c.server_value),
                                    self.tr("This computer") if c.kept == "local"
                                    else self.tr("Service centre")])
            item.setData(0, ROLE_ID, c.id)
            self.conflicts.addTopLevelItem(item)
        self.history.clear()
        for h in SyncHistory.select().order_by(SyncHistory.id.desc()).limit(50):
            moved = self.tr("sent {pushed}, received {pulled}, conflicts {conflicts}, "
                            "refused {rejected}").format(
                pushed=h.pushed, pulled=h.pulled, conflicts=h.conflicts, rejected=h.rejected)
            details = moved if h.outcome == "ok" or not h.message else h.message
            self.history.addTopLevelItem(self._item([
                _local(h.started_at), self.outcome_label(h.outcome), details]))
        self.tabs.setTabText(0, self.tr("Waiting ({n})").format(n=st.pending))
        self.tabs.setTabText(1, self.tr("Refused ({n})").format(n=st.rejected))
        self.tabs.setTabText(2, self.tr("Conflicts ({n})").format(n=st.conflicts))
        self.tabs.setTabText(3, self.tr("Set aside ({n})").format(n=st.set_aside))
        self._state()

    @staticmethod
    def _item(texts: list[str]) -> QTreeWidgetItem:
        """A row whose cells show their whole text on hover (long ones are elided)."""
        item = QTreeWidgetItem(texts)
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        return item

    def on_data_changed(self, what: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _state(self) -> None:
        running = bool(self.controller and self.controller.running)
        self.cancel_button.setVisible(running)
        self.sync_button.setEnabled(not running and self._signed_in())
        self.progress.setVisible(running)
        if self.controller is not None:
            self.state_label.setText(self.controller.status_text())

    def _signed_in(self) -> bool:
        from sync import client

        return client.status().signed_in

    def _progress(self, text: str, done: int, total: int) -> None:
        self.progress.setRange(0, total or 0)
        self.progress.setValue(done)
        self.progress.setFormat(text)

    # -- actions -----------------------------------------------------------------------
    def sign_in(self) -> None:
        from liaison_app.ui.dialogs.login_dialog import LoginDialog
        from sync import client

        st = client.status()
        dialog = LoginDialog(self.ctx, self, server_url=st.server_url, username=st.username)
        if dialog.exec():
            self.ctx.status_changed()
            self.refresh()
            if self.controller is not None:
                self.controller.sync_now(reason="sign-in")

    def sync_now(self) -> None:
        if self.controller is not None:
            self.controller.sync_now()
        self._state()

    def _cancel(self) -> None:
        if self.controller is not None:
            self.controller.cancel()

    def _retry_rejected(self) -> None:
        from sync import client

        self.ctx.runner.submit(client.retry_rejected, change="sync.retry",
                               on_done=lambda _n: self.refresh())

    def _settle(self, keep: str) -> None:
        item = self.conflicts.currentItem()
        if item is None:
            return
        conflict_id = item.data(0, ROLE_ID)
        self.ctx.runner.submit(
            lambda: conflict_service.settle(conflict_id=conflict_id, keep=keep),
            change="sync.conflict", on_done=lambda _r: self.refresh())
