"""At start-up: offer to restore visit drafts left by a crash or a killed process."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.core.models import Draft
from liaison_app.core.services import drafts
from liaison_app.ui.context import AppContext
from liaison_app.ui.dialogs.visit_editor import DRAFT_KIND

RESTORE, DISCARD, LATER = "restore", "discard", "later"
#: The box lists at most this many drafts, then says how many more there are.
LISTED = 8


def _when(value: dt.datetime) -> str:
    """Drafts are stamped in UTC; people read local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


class DraftRestoreBox(QMessageBox):
    """恢复 / 丢弃 / 稍后 for the drafts found at start-up."""

    def __init__(self, parent: QWidget | None, found: list[Draft]) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved visits"))
        if len(found) == 1:
            self.setText(self.tr("A visit you were writing was not saved:"))
        else:
            self.setText(self.tr("{n} visits you were writing were not saved:").format(
                n=len(found)))
        lines = [self.tr("{title} (last typed {time})").format(
            title=d.title or self.tr("untitled"), time=_when(d.updated_at))
            for d in found[:LISTED]]
        if len(found) > LISTED:
            lines.append(self.tr("… and {n} more").format(n=len(found) - LISTED))
        note = self.tr("Restore opens the most recent one in the visit editor; the others are "
                       "offered again next time. Discard deletes all of them.")
        self.setInformativeText("\n".join(lines) + "\n\n" + note)
        self.restore_button = self.addButton(self.tr("Restore"),
                                             QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("Discard"),
                                             QMessageBox.ButtonRole.DestructiveRole)
        self.later_button = self.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)
        self.setEscapeButton(self.later_button)

    def ask(self) -> str:
        self.exec()
        clicked = self.clickedButton()
        if clicked is self.restore_button:
            return RESTORE
        if clicked is self.discard_button and self._confirm_discard():
            return DISCARD
        return LATER

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self.parentWidget(), self.tr("Discard drafts?"),
            self.tr("The unsaved text will be deleted for good. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard


def offer_draft_restore(parent: QWidget | None, ctx: AppContext) -> None:
    """Main thread, after the window is shown. Does nothing when there are no drafts."""
    found = drafts.list_drafts(kind=DRAFT_KIND)
    if not found:
        return
    choice = DraftRestoreBox(parent, found).ask()
    if choice == RESTORE:
        ctx.navigate("visits", f"draft:{found[0].key}")
    elif choice == DISCARD:
        keys = [d.key for d in found]

        def work() -> None:
            for key in keys:
                drafts.discard_draft(key=key)

        ctx.runner.submit(work)
