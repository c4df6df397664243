"""Validation messages shown next to the field they concern, keeping what was typed."""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liaison_app.core.validation import Finding
from liaison_app.ui.widgets.changes import change_signals

ERROR_COLOR = "#c62828"
WARNING_COLOR = "#b26a00"


class FieldFeedback(QLabel):
    """A small label under a field; empty and hidden when the field is fine.

    A finding with an ``existing_id`` (a duplicate) carries a link; clicking it calls
    ``on_link(existing_id)``.
    """

    def __init__(self, parent: QWidget | None = None, *,
                 on_link: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setObjectName("fieldFeedback")
        self._on_link = on_link
        self.linkActivated.connect(self._link)
        self.hide()

    def show_findings(self, findings: Iterable[Finding]) -> None:
        parts = []
        for f in findings:
            color = ERROR_COLOR if f.is_error else WARNING_COLOR
            text = html.escape(f.message.text())
            existing = getattr(f, "existing_id", "")
            if existing:
                text += ' <a href="{}">{}</a>'.format(
                    html.escape(existing), html.escape(self.tr("Open it")))
            parts.append(f'<span style="color:{color}">{text}</span>')
        self.setText("<br>".join(parts))
        self.setVisible(bool(parts))

    def clear_findings(self) -> None:
        self.setText("")
        self.hide()

    def _link(self, target: str) -> None:
        if self._on_link is not None:
            self._on_link(target)


class FeedbackGroup:
    """Routes a list of findings to the feedback labels of their fields."""

    def __init__(self) -> None:
        self._labels: dict[str, FieldFeedback] = {}
        self._fallback: FieldFeedback | None = None

    def add(self, field: str, label: FieldFeedback, *, widget: QWidget | None = None) -> None:
        """Route ``field``'s findings to ``label``; once ``widget`` (the field) is edited the
        message goes, since it may no longer be true."""
        self._labels[field] = label
        if widget is not None:
            for signal in change_signals(widget):
                signal.connect(label.clear_findings)

    def field(self, name: str, widget: QWidget, *, watch: QWidget | None = None,
              on_link: Callable[[str], None] | None = None, spacing: int = 2) -> QWidget:
        """``widget`` with its message label under it, as one widget for a form row; the
        message goes when ``watch`` (default: ``widget``) is edited."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(spacing)
        column.addWidget(widget)
        label = FieldFeedback(holder, on_link=on_link)
        label.setObjectName(f"feedback_{name}")
        column.addWidget(label)
        self.add(name, label, widget=watch or widget)
        return holder

    def label(self, name: str) -> FieldFeedback | None:
        return self._labels.get(name)

    def set_fallback(self, label: FieldFeedback) -> None:
        """Where findings for fields without a label of their own go."""
        self._fallback = label

    def show(self, findings: Iterable[Finding]) -> None:
        by_label: dict[int, tuple[FieldFeedback, list[Finding]]] = {}
        for f in findings:
            label = self._labels.get(f.field.split(":", 1)[0]) or self._fallback
            if label is None:
                continue
            by_label.setdefault(id(label), (label, []))[1].append(f)
        for label in {id(x): x for x in [*self._labels.values(), self._fallback] if x}.values():
            entry = by_label.get(id(label))
            if entry:
                label.show_findings(entry[1])
            else:
                label.clear_findings()

    def clear(self) -> None:
        self.show([])
