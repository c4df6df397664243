"""Which signals say that a person changed a field, for any kind of field widget.

Used by the editor contract (dirty tracking) and by validation messages (a message next to
a field goes once the field is edited), so both agree on what counts as a change.
"""
from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def change_signals(w: QWidget) -> list[SignalInstance]:
    """The signals ``w`` emits when its value changes; empty for what is not a field (or is
    part of a field that reports for it, such as a combo box's line edit)."""
    custom = getattr(type(w), "changed", None)
    if custom is not None and hasattr(w.changed, "connect"):  # type: ignore[attr-defined]
        return [w.changed]  # type: ignore[attr-defined]
    parent = w.parentWidget()
    if isinstance(w, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return []  # the combo box or spin box reports it
    if isinstance(parent, QWidget) and isinstance(parent.parentWidget(), QAbstractItemView):
        return []  # a cell editor: the table reports the edit when it is committed
    if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
        return [w.textChanged]
    if isinstance(w, QComboBox):
        return [w.currentIndexChanged, *([w.editTextChanged] if w.isEditable() else [])]
    if isinstance(w, QDateTimeEdit):
        return [w.dateTimeChanged]
    if isinstance(w, QSpinBox):
        return [w.valueChanged]
    if isinstance(w, QAbstractButton) and w.isCheckable():
        return [w.toggled]
    if isinstance(w, QListWidget):
        return [w.itemChanged]
    if isinstance(w, QTableWidget):
        return [w.itemChanged, w.model().rowsInserted, w.model().rowsRemoved]
    return []
