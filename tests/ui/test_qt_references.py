"""The Qt binding keeps Python's reference counts: a long session must not abort.

PySide6 6.12.0 on Python before 3.12 lost a reference to ``None`` on every Qt call that
returns nothing; after some tens of thousands of calls the interpreter stopped with
"deallocating None" (a window open for an afternoon, a benchmark, a long test run).
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_qt_calls_that_return_nothing_keep_the_reference_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(20_000):
        label.setText(str(n % 7))
        QCoreApplication.processEvents()
    # A few references may come and go with the interpreter's own work; thousands may not.
    assert sys.getrefcount(None) > before - 100
