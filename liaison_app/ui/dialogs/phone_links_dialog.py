"""手机测评链接: the one-time phone links of a round's invited enterprises, for the centre at
the meeting: issue them on the server, then copy a link, show its QR code on screen for a
phone to scan, or print the invitations.

The server keeps only a hash of each link, so a link exists in the answer that issued it and
in this window's memory for the session — never on disk, since a working link is the key to
an enterprise's scoring. Issuing again replaces an enterprise's link (how a lost invitation
is replaced); the earlier one stops working.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import evaluation_print, printing
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.print_preview import PrintPreviewDialog
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR
from sync.evaluation_links import RoundLinks, issue_phone_links, phone_link_status

ROLE = Qt.ItemDataRole.UserRole
NAME, STATUS, LINK = range(3)


def qr_pixmap(url: str, *, side: int) -> QPixmap:
    """The link's QR code, ``side`` pixels square, modules kept sharp (no smoothing)."""
    from liaison_app.forms.toolkit.qr import qr_image

    image = qr_image(url).convert("L")
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, image.width,
                    QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.FastTransformation)


class QrDialog(QDialog):
    """One enterprise's link as a large QR code on screen, for a phone held up to it."""

    def __init__(self, *, enterprise: str, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phone link of {name}").format(name=enterprise))
        layout = QVBoxLayout(self)
        name = QLabel(enterprise)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setStyleSheet("font-size:18px; font-weight:bold;")
        layout.addWidget(name)
        self.code = QLabel(objectName="phoneQr")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setPixmap(qr_pixmap(url, side=360))
        layout.addWidget(self.code)
        hint = QLabel(self.tr("Scan with the phone's camera. The link takes one submission."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.url = QLabel(url, objectName="phoneUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url.setStyleSheet("color:#555;")
        layout.addWidget(self.url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy link"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(url))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PhoneLinksDialog(QDialog):
    """Main thread. ``links`` (enterprise id -> link) is the page's memory of the links
    issued this session for the round; the dialog adds to it."""

    def __init__(self, ctx: AppContext, *, round_id: str, round_name: str,
                 links: dict[str, str], focus_enterprise: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = round_id
        self.links = links
        self.focus_enterprise = focus_enterprise
        self.state: RoundLinks | None = None
        self._children: list[QWidget] = []
        self.setWindowTitle(self.tr("Phone links · {name}").format(name=round_name))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Each invited enterprise scores on a phone through a link of its own, which takes "
            "one submission and stops working when the round closes. The server keeps no copy "
            "of a link: print, copy or show the links before this computer is closed. Issuing "
            "again replaces an enterprise's link and the earlier one stops working."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3, objectName="phoneLinks")
        self.table.setHorizontalHeaderLabels([self.tr("Enterprise"), self.tr("Status"),
                                              self.tr("Link")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(LINK, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_qr())
        layout.addWidget(self.table, 1)
        self.message = QLabel(objectName="phoneLinksMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        first = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("Issue links"), objectName="issueLinks")
        self.issue_button.setToolTip(self.tr(
            "A link for every invited enterprise that has not scored yet"))
        self.issue_button.clicked.connect(lambda: self.issue())
        self.reissue_button = QPushButton(self.tr("Issue again for this enterprise"))
        self.reissue_button.clicked.connect(lambda: self.issue(only_selected=True))
        self.refresh_button = QPushButton(self.tr("Who has scored?"))
        self.refresh_button.clicked.connect(lambda: self.load())
        for b in (self.issue_button, self.reissue_button, self.refresh_button):
            first.addWidget(b)
        first.addStretch(1)
        layout.addLayout(first)
        second = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy link"), objectName="copyLink")
        self.copy_button.clicked.connect(lambda: self.copy_link())
        self.qr_button = QPushButton(self.tr("Show QR code"), objectName="showQr")
        self.qr_button.clicked.connect(lambda: self.show_qr())
        self.copy_all_button = QPushButton(self.tr("Copy all links"))
        self.copy_all_button.clicked.connect(lambda: self.copy_all())
        self.print_button = QPushButton(self.tr("Print invitations…"),
                                        objectName="printInvitations")
        self.print_button.clicked.connect(lambda: self.print_invitations())
        for b in (self.copy_button, self.qr_button, self.copy_all_button, self.print_button):
            second.addWidget(b)
        second.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        second.addWidget(close)
        layout.addLayout(second)
        self._busy(False)
        self.load()

    # -- talking to the server ---------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self._working = busy
        for b in (self.issue_button, self.refresh_button):
            b.setEnabled(not busy)
        self._follow_selection()

    def load(self) -> None:
        """Ask the server where each invited enterprise stands (no links travel)."""
        self._busy(True)
        self.message.setText(self.tr("Asking the server…"))
        round_id = self.round_id
        self.ctx.runner.submit(lambda: phone_link_status(round_id=round_id), worker="net",
                               on_done=self._answered, on_error=self._failed)

    def issue(self, *, only_selected: bool = False) -> None:
        """Issue (or issue again) on the server; the links come back once, in the answer."""
        if only_selected:
            chosen = self._selected()
            if not chosen:
                return
            targets: list[str] | None = [chosen]
            replaced = 1 if self._status_of(chosen) == "issued" else 0
        else:
            targets = None
            replaced = sum(1 for x in (self.state.links if self.state else ())
                           if x.status == "issued")
        if replaced and not self._confirm_replacing(replaced):
            return
        self._busy(True)
        self.message.setText(self.tr("Issuing the links…"))
        round_id = self.round_id
        self.ctx.runner.submit(
            lambda: issue_phone_links(round_id=round_id, enterprise_ids=targets),
            worker="net", on_done=self._issued, on_error=self._failed)

    def _confirm_replacing(self, count: int) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Replace links?"),
            self.tr("{n} of these enterprises already have a link that was not used. It stops "
                    "working when a new one is issued: an invitation already handed out must "
                    "then be replaced. Issue new links?").format(n=count))
        return answer == QMessageBox.StandardButton.Yes

    def _issued(self, answer: RoundLinks) -> None:
        for link in answer.links:
            if link.url:
                self.links[link.enterprise_id] = link.url
        issued = sum(1 for x in answer.links if x.url)
        self._answered(answer, merge=True)
        self.message.setText(self.tr(
            "{n} links issued. Print or copy them now: the server keeps no copy.").format(
            n=issued))

    def _answered(self, answer: RoundLinks, *, merge: bool = False) -> None:
        if merge and self.state is not None:
            # An answer for some enterprises: the others keep their rows.
            fresh = {x.enterprise_id: x for x in answer.links}
            links = [fresh.pop(x.enterprise_id, x) for x in self.state.links]
            answer = RoundLinks(answer.round_id, answer.round_name, answer.round_status,
                                answer.phone_enabled, links + list(fresh.values()))
        self.state = answer
        for link in answer.links:
            if link.status != "issued":
                self.links.pop(link.enterprise_id, None)  # used: it works no more
        self._fill()
        self._busy(False)
        self.message.setText(self._summary())

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setStyleSheet(f"color:{ERROR_COLOR};")
        self.message.setText(describe(exc))

    # -- the list ----------------------------------------------------------------------------
    def _status_text(self, status: str, enterprise_id: str) -> str:
        if status == "submitted":
            return self.tr("Scored ✓")
        if status == "issued":
            return self.tr("Link issued") if enterprise_id in self.links else \
                self.tr("Link issued elsewhere")
        return self.tr("No link yet")

    def _fill(self) -> None:
        links = self.state.links if self.state else []
        self.table.setRowCount(len(links))
        focus = -1
        for r, link in enumerate(links):
            name = QTableWidgetItem(link.enterprise_name)
            name.setData(ROLE, link.enterprise_id)
            self.table.setItem(r, NAME, name)
            self.table.setItem(r, STATUS, QTableWidgetItem(
                self._status_text(link.status, link.enterprise_id)))
            url = self.links.get(link.enterprise_id, "")
            item = QTableWidgetItem(url)
            item.setToolTip(url)
            self.table.setItem(r, LINK, item)
            if link.enterprise_id == self.focus_enterprise:
                focus = r
        if focus >= 0:
            self.table.selectRow(focus)
            self.table.scrollToItem(self.table.item(focus, NAME))
        self._follow_selection()

    def _summary(self) -> str:
        self.message.setStyleSheet("")
        links = self.state.links if self.state else []
        if self.state is not None and self.state.round_status == "closed":
            return self.tr("The round is closed: its links no longer work.")
        if self.state is not None and not self.state.phone_enabled:
            return self.tr("The round is not open to phones: tick “Enterprises may also score "
                           "on their phones” in its settings, save and sync.")
        done = sum(1 for x in links if x.status == "submitted")
        return self.tr("{done} of {total} enterprises have scored on a phone.").format(
            done=done, total=len(links))

    def _selected(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), NAME) if rows else None
        return item.data(ROLE) if item is not None else ""

    def _status_of(self, enterprise_id: str) -> str:
        return next((x.status for x in (self.state.links if self.state else ())
                     if x.enterprise_id == enterprise_id), "")

    def _follow_selection(self) -> None:
        chosen = self._selected()
        has_link = bool(chosen) and chosen in self.links
        working = getattr(self, "_working", False)
        self.copy_button.setEnabled(has_link)
        self.qr_button.setEnabled(has_link)
        self.reissue_button.setEnabled(bool(chosen) and not working and
                                       self._status_of(chosen) != "submitted")
        self.copy_all_button.setEnabled(bool(self.links))
        self.print_button.setEnabled(bool(self.links))

    # -- using the links ---------------------------------------------------------------------
    def _name_of(self, enterprise_id: str) -> str:
        return next((x.enterprise_name for x in (self.state.links if self.state else ())
                     if x.enterprise_id == enterprise_id), "")

    def copy_link(self) -> None:
        chosen = self._selected()
        if chosen in self.links:
            QGuiApplication.clipboard().setText(self.links[chosen])
            self.message.setText(self.tr("The link of {name} is copied.").format(
                name=self._name_of(chosen)))

    def copy_all(self) -> None:
        """Name and link per line, tab between them (pastes into a spreadsheet)."""
        lines = [f"{x.enterprise_name}\t{self.links[x.enterprise_id]}"
                 for x in (self.state.links if self.state else ())
                 if x.enterprise_id in self.links]
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.message.setText(self.tr("{n} links are copied.").format(n=len(lines)))

    def show_qr(self) -> QrDialog | None:
        chosen = self._selected()
        if chosen not in self.links:
            return None
        dialog = QrDialog(enterprise=self._name_of(chosen), url=self.links[chosen], parent=self)
        self._children.append(dialog)
        dialog.show()
        return dialog

    def print_invitations(self) -> PrintPreviewDialog | None:
        """Preview the invitations of every link this computer holds for the round."""
        if not self.links:
            return None
        round_id = self.round_id
        links = sorted(self.links.items())
        chain = printing.font_chain(settings_path=self.ctx.settings.form_font_path)
        dialog = PrintPreviewDialog(
            self.ctx, form_id="phone_invitations", record_id=round_id,
            title=self.windowTitle(), parent=self,
            render=lambda out, _full: evaluation_print.render_phone_invitations(
                round_id=round_id, links=links, out=out, chain=chain),
            record=lambda job, where: evaluation_print.record_print(job=job,
                                                                     destination=where))
        self._children.append(dialog)
        dialog.show()
        return dialog
