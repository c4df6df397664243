"""Settings a person may change: language, visit cadence, photo size, the printing font."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_app.ui.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        general = QWidget()
        form = QFormLayout(general)
        self.tabs.addTab(general, self.tr("General"))
        from liaison_app.ui.dialogs.profile_tab import ProfileTab

        self.profile = ProfileTab(ctx)
        self.tabs.addTab(self.profile, self.tr("Me"))

        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel(self.tr("A new language applies when Liaison starts again."))
        self.language_note.setObjectName("hint")
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(self.language.currentData() != s.language))
        form.addRow("", self.language_note)

        self.key_cadence = self._days(s.key_visit_cadence_days)
        form.addRow(self.tr("Visit key enterprises every"), self.key_cadence)
        self.cadence = self._days(s.visit_cadence_days)
        form.addRow(self.tr("Visit other enterprises every"), self.cadence)
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, 30)
        self.due_soon.setValue(s.due_soon_days)
        self.due_soon.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Show follow-ups due within"), self.due_soon)
        self.photo_edge = QSpinBox()
        self.photo_edge.setRange(640, 8000)
        self.photo_edge.setSingleStep(256)
        self.photo_edge.setValue(s.photo_max_edge)
        self.photo_edge.setSuffix(self.tr(" pixels"))
        form.addRow(self.tr("Downscale photos larger than"), self.photo_edge)

        font_row = QHBoxLayout()
        self.font_path = QLineEdit(s.form_font_path)
        self.font_path.setPlaceholderText(self.tr("Found automatically"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_font)
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(browse)
        form.addRow(self.tr("Font for printed forms"), font_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _days(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 366)
        box.setValue(value)
        box.setSuffix(self.tr(" days"))
        return box

    def _choose_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a TrueType font"), "",
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_path.setText(path)

    def accept(self) -> None:
        s = self.ctx.settings
        s.language = self.language.currentData()
        s.key_visit_cadence_days = self.key_cadence.value()
        s.visit_cadence_days = self.cadence.value()
        s.due_soon_days = self.due_soon.value()
        s.photo_max_edge = self.photo_edge.value()
        s.form_font_path = self.font_path.text().strip()
        if not self.profile.save():
            self.tabs.setCurrentWidget(self.profile)
            return
        self.ctx.save_settings()
        self.ctx.runner.changed.emit("settings")
        super().accept()
