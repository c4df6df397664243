"""验证通行证: a guard or officer checks a pass from a photo or scan of the card, offline.

The picture is decoded (zxing-cpp) and the code checked against the county keys and
revocations this laptop holds, on the background runner; the answer is shown in large
words with what the pass says of its holder, unit and validity.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_app.core.services import passes
from liaison_app.ui.context import AppContext
from liaison_app.ui.errors import describe
from liaison_app.ui.widgets.feedback import ERROR_COLOR, WARNING_COLOR

_OK_COLOR = "#2e7d32"
_COLORS = {
    passes.Outcome.VALID: _OK_COLOR,
    passes.Outcome.NOT_YET_VALID: WARNING_COLOR,
    passes.Outcome.EXPIRED: WARNING_COLOR,
    passes.Outcome.PROVISIONAL: WARNING_COLOR,
    passes.Outcome.UNKNOWN_KEY: WARNING_COLOR,
    passes.Outcome.UNREADABLE: WARNING_COLOR,
    passes.Outcome.REVOKED: ERROR_COLOR,
    passes.Outcome.FORGED: ERROR_COLOR,
}


class VerifyPassDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: passes.PassCheck | None = None
        self.setWindowTitle(self.tr("Verify a pass"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose a photo or scan of the pass card; the QR code is checked against the "
            "county's keys on this computer, without a network."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose photo or scan…"))
        self.choose_button.clicked.connect(self.choose_and_check)
        row.addWidget(self.choose_button)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("or paste the code's text"))
        self.code_edit.returnPressed.connect(self.check_typed)
        row.addWidget(self.code_edit, 1)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check_typed)
        row.addWidget(self.check_button)
        layout.addLayout(row)

        self.headline = QLabel()
        self.headline.setObjectName("passVerdict")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        details = QWidget()
        form = QFormLayout(details)
        self.holder = QLabel()
        self.unit = QLabel()
        self.unit.setWordWrap(True)
        self.validity = QLabel()
        self.pass_no = QLabel()
        for label, widget in ((self.tr("Holder"), self.holder), (self.tr("Unit"), self.unit),
                              (self.tr("Valid"), self.validity),
                              (self.tr("Pass number"), self.pass_no)):
            form.addRow(label, widget)
        self.details = details
        details.hide()
        layout.addWidget(details)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_image(self) -> str:
        """The file chooser; a separate method so tests can answer it."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Photo or scan of a pass"), str(Path.home()),
            self.tr("Pictures (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)"))
        return path

    def choose_and_check(self) -> None:
        path = self.choose_image()
        if path:
            self._busy(True)
            self.ctx.runner.submit(lambda: passes.check_image(Path(path)),
                                   on_done=self._show, on_error=self._failed)

    def check_typed(self) -> None:
        text = self.code_edit.text().strip()
        if text:
            self._busy(True)
            self.ctx.runner.submit(lambda: passes.check_text(text),
                                   on_done=self._show, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        for button in (self.choose_button, self.check_button):
            button.setEnabled(not busy)
        if busy:
            self.headline.setText(self.tr("Checking…"))
            self.headline.setStyleSheet("")

    def _show(self, result: passes.PassCheck) -> None:
        self._busy(False)
        self.result = result
        self.headline.setText(result.headline)
        self.headline.setStyleSheet(f"color:{_COLORS[result.outcome]};")
        self.explanation.setText(result.explanation)
        code = result.code
        if code is None or result.outcome is passes.Outcome.FORGED:
            self.details.hide()
            return
        self.holder.setText(code.holder)
        self.unit.setText(code.unit)
        self.validity.setText(f"{code.valid_from.isoformat()} — {code.valid_to.isoformat()}")
        self.pass_no.setText(code.pass_no)
        self.details.show()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.result = None
        self.headline.setText(self.tr("Could not check"))
        self.headline.setStyleSheet(f"color:{ERROR_COLOR};")
        self.explanation.setText(describe(exc))
        self.details.hide()
