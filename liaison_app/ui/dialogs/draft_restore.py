"""At start-up: offer to restore what editors held when the app crashed or was killed.

Every editor that follows ``ui.editor_contract`` leaves drafts of the kinds listed in
``DRAFT_KINDS``; this box lists them all, newest first.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.core.models import Draft
from liaison_app.core.services import drafts
from liaison_app.ui.context import AppContext
from liaison_app.ui.editor_contract import DRAFT_KINDS, local_time

RESTORE, DISCARD, LATER = "restore", "discard", "later"
#: The box lists at most this many drafts, then says how many more there are.
LISTED = 8


class DraftRestoreBox(QMessageBox):
    """恢复 / 丢弃 / 稍后 for the drafts found at start-up."""

    def __init__(self, parent: QWidget | None, found: list[Draft]) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved work"))
        if len(found) == 1:
            self.setText(self.tr("Something you were writing was not saved:"))
        else:
            self.setText(self.tr("{n} things you were writing were not saved:").format(
                n=len(found)))
        lines = []
        for d in found[:LISTED]:
            kind = DRAFT_KINDS.get(d.kind)
            lines.append(self.tr("{noun}: {title} (last typed {time})").format(
                noun=kind.noun() if kind else d.kind, title=d.title or self.tr("untitled"),
                time=local_time(d.updated_at)))
        if len(found) > LISTED:
            lines.append(self.tr("… and {n} more").format(n=len(found) - LISTED))
        note = self.tr("Restore opens the most recent one in its editor; the others are "
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
    found = drafts.list_drafts(kinds=tuple(DRAFT_KINDS))
    if not found:
        return
    choice = DraftRestoreBox(parent, found).ask()
    if choice == RESTORE:
        newest = found[0]
        ctx.navigate(DRAFT_KINDS[newest.kind].page_id, f"draft:{newest.key}")
    elif choice == DISCARD:
        keys = [d.key for d in found]

        def work() -> None:
            for key in keys:
                drafts.discard_draft(key=key)

        ctx.runner.submit(work)
