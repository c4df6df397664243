"""The look: Fusion with a calm palette, readable Chinese text and clear states."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
QListWidget#navigation { background: #1f3a5f; color: #e8eef6; border: none;
    font-size: 15px; padding-top: 8px; }
QListWidget#navigation::item { padding-left: 18px; }
QListWidget#navigation::item:selected { background: #2f5b92; color: white;
    border-left: 4px solid #ffb300; }
QListWidget#navigation::item:hover:!selected { background: #284a75; }
QLabel#pageTitle { font-size: 20px; font-weight: bold; color: #1f3a5f; padding: 6px 2px; }
QLabel#appTitle { font-size: 16px; font-weight: bold; color: #1f3a5f; padding: 0 8px; }
QLabel#emptyState, QLabel#placeholderNote { color: #6b7785; font-size: 14px; padding: 16px; }
QLabel#hint { color: #6b7785; }
QLabel#notice { background: #fff4e0; color: #6d4300; border: 1px solid #f0c27a;
    border-radius: 4px; padding: 6px 10px; }
QLineEdit#globalSearch { padding: 5px 8px; border: 1px solid #b7c3d0; border-radius: 4px; }
QGroupBox { font-weight: bold; border: 1px solid #d5dde6; border-radius: 6px;
    margin-top: 12px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f3a5f; }
QStatusBar QLabel { padding: 0 8px; color: #44515f; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
