"""The server sign-in fields (address, user name, password, CA certificate), shared by the
sign-in dialog and the lock screen."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(280)
    return field


class SignInForm(QWidget):
    """Server, user name, password and CA certificate, as in the sign-in dialog."""

    def __init__(self, *, server_url: str = "", username: str = "") -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://liaison.example.gov.cn")
        self.username = QLineEdit(username)
        self.password = password_field()
        ca_row = QHBoxLayout()
        self.ca_cert = QLineEdit()
        self.ca_cert.setPlaceholderText(self.tr("Only if the centre uses its own certificate "
                                                "authority"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.ca_cert, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("CA certificate"), ca_row)

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if path:
            self.ca_cert.setText(path)

    def problem(self) -> str:
        if not self.server.text().strip().startswith(("http://", "https://")):
            return self.tr("Enter the server address, starting with https://")
        if not self.username.text().strip() or not self.password.text():
            return self.tr("Enter the user name and the password.")
        return ""

    def values(self) -> dict[str, object]:
        return {"server_url": self.server.text().strip(),
                "username": self.username.text().strip(), "password": self.password.text(),
                "ca_cert": self.ca_cert.text().strip() or None}
