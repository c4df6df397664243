"""Signing out from the window (文件 → 退出登录): the token goes, the work stays."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.ui.context import AppContext


def sign_out(ctx: AppContext, parent: QWidget) -> None:
    """Ask, then sign out on the network worker. Main thread."""
    from sync import client

    st = client.status()
    if not st.signed_in:
        QMessageBox.information(parent, QCoreApplication.translate("Account", "Sign out"),
                                QCoreApplication.translate(
                                    "Account", "This laptop is not signed in to a server."))
        return
    text = QCoreApplication.translate(
        "Account", "Sign {user} out of the server on this laptop? The sign-in token is "
        "forgotten.").format(user=st.username)
    if st.pending:
        text += "\n\n" + QCoreApplication.translate(
            "Account", "{n} changes have not been sent yet. They stay on this laptop and are "
            "sent when {user} signs in again; never under another account.").format(
            n=st.pending, user=st.username)
    answer = QMessageBox.question(parent, QCoreApplication.translate("Account", "Sign out"),
                                  text)
    if answer != QMessageBox.StandardButton.Yes:
        return
    from sync import signin

    ctx.runner.submit(signin.sign_out, worker="net", change="sync.logout",
                      on_done=lambda _r: ctx.status_changed())
