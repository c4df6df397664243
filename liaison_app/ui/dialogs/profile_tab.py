"""Settings → 本人: the officer's own details and how this laptop is unlocked.

The profile (name as printed, ID number, phone) stays in the laptop's encrypted database and
is never synced; only the power of attorney prints the ID number, masked unless full numbers
are asked for. The PIN is offered where the OS keyring can hold its pepper.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.security import session
from liaison_app.core.security.keystore import Keystore, KeystoreError, is_pin
from liaison_app.core.services import account, audit
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe


class ProfileTab(QWidget):
    """Reads and saves on the main thread: a few small rows of the local state."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        box = QVBoxLayout(self)
        me = account.whoami()
        self.who = QLabel(
            self.tr("Signed in as {user} ({role}).").format(user=me.username, role=me.role)
            if me.has_account else self.tr("This laptop is not signed in to a server: records "
                                           "carry no officer and prints say so."))
        self.who.setWordWrap(True)
        box.addWidget(self.who)
        profile = account.get_profile()
        form = QFormLayout()
        self.name = QLineEdit(profile.name or me.name)
        self.name.setMaxLength(40)
        self.id_number = QLineEdit(profile.id_number)
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("Printed on the power of attorney as the "
                                                  "agent's ID number"))
        self.phone = QLineEdit(profile.phone)
        form.addRow(self.tr("Name as printed"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Phone"), self.phone)
        box.addLayout(form)
        note = QLabel(self.tr("Kept encrypted on this laptop only; never sent to the server."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        box.addWidget(note)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        box.addWidget(self.error)

        security = QHBoxLayout()
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(self._pin)
        self.code_button = QPushButton(self.tr("New recovery code…"))
        self.code_button.clicked.connect(self._new_code)
        security.addWidget(self.pin_button)
        security.addWidget(self.code_button)
        security.addStretch(1)
        box.addLayout(security)
        self.lock_note = QLabel(self.tr("The window locks after {n} minutes without input and "
                                        "when the laptop sleeps.").format(
            n=account.idle_lock_minutes(default=ctx.settings.idle_lock_minutes)))
        self.lock_note.setObjectName("hint")
        box.addWidget(self.lock_note)
        box.addStretch(1)
        self._update_pin_button()

    def _has_pin(self) -> bool:
        try:
            return Keystore.load(self.ctx.paths.root).has("pin")
        except KeystoreError:
            return False

    def _update_pin_button(self) -> None:
        available = session.pin_available()
        self.pin_button.setEnabled(available)
        self.pin_button.setText(self.tr("Remove the PIN") if self._has_pin()
                                else self.tr("Set a PIN…"))
        if not available:
            self.pin_button.setToolTip(self.tr("A PIN needs the system keyring, which this "
                                               "computer does not have."))

    def _pin(self) -> None:
        paths = self.ctx.paths
        if self._has_pin():
            session.remove_pin(paths)
            self._update_pin_button()
            return
        pin, ok = QInputDialog.getText(self, self.tr("Set a PIN"), self.tr(
            "A PIN of 4 to 8 digits unlocks this laptop instead of the password. After five "
            "wrong tries it stops working and the password is needed."),
            QLineEdit.EchoMode.Password)
        if not ok:
            return
        if not is_pin(pin):
            QMessageBox.warning(self, self.tr("Set a PIN"),
                                self.tr("A PIN is 4 to 8 digits."))
            return
        if session.set_pin(paths, pin=pin):
            audit.record(action="pin_set")
        self._update_pin_button()

    def _new_code(self) -> None:
        answer = QMessageBox.question(self, self.tr("New recovery code"), self.tr(
            "Make a new recovery code? The old one stops working."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        code = session.new_recovery_code(self.ctx.paths)
        audit.record(action="recovery_code_replaced")
        QMessageBox.information(self, self.tr("New recovery code"), self.tr(
            "Your new recovery code (shown only now; write it down and keep it away from the "
            "laptop):\n\n{code}").format(code=code))

    def save(self) -> bool:
        """Keep the profile; False (with the reason shown) when a value is wrong."""
        try:
            account.save_profile(profile=account.Profile(
                name=self.name.text(), id_number=self.id_number.text(),
                phone=self.phone.text()))
        except Exception as exc:  # noqa: BLE001 - shown as a sentence
            self.error.setText(describe(exc))
            self.error.show()
            return False
        self.error.hide()
        return True
