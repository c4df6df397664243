"""Signing in to the county centre's server (needed once; afterwards work goes on offline)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.sign_in_form import SignInForm


class LoginDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 server_url: str = "", username: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = None
        self.setWindowTitle(self.tr("Sign in to the server"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sign in once with the account the service centre gave you. "
                               "Afterwards you can work offline; records sync by themselves "
                               "when the network is there. The account's password then also "
                               "unlocks this laptop, instead of a local password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = SignInForm(server_url=server_url, username=username)
        self.server, self.username = self.form.server, self.form.username
        self.password, self.ca_cert = self.form.password, self.form.ca_cert
        layout.addWidget(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#c62828")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        # Grow to fit the message: a squeezed dialog would overlap the fields with it.
        self.adjustSize()

    def sign_in(self) -> None:
        problem = self.form.problem()
        if problem:
            self._show(problem)
            return
        values = self.form.values()
        server, user = str(values["server_url"]), str(values["username"])
        password, ca = str(values["password"]), values["ca_cert"]
        self._show("")
        self.buttons.setEnabled(False)
        from sync import signin

        paths = self.ctx.paths
        self.ctx.runner.submit(
            lambda: signin.sign_in(paths=paths, server_url=server, username=user,
                                   password=password, ca_cert=ca),
            worker="net", on_done=self._signed_in, on_error=self._failed, change="sync.login")

    def _signed_in(self, account) -> None:  # noqa: ANN001 - AccountInfo
        self.account = account
        self.ctx.settings.officer_id = account.officer_id or self.ctx.settings.officer_id
        self.ctx.save_settings()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self._show(describe(exc))
