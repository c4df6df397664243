"""Showing errors to a person: sentences in their language, the trace only in the log."""
from __future__ import annotations

import errno
import logging
import sqlite3

import peewee
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app.core.i18n import Message
from liaison_app.core.services.errors import ServiceError, ValidationFailed

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """A sentence for a person about ``exc``."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(f.message.text() for f in exc.findings)
    if isinstance(exc, ServiceError):
        return exc.message.text()
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return message.text()
    if _is_disk_full(exc):
        return QCoreApplication.translate(
            "Errors", "The disk is full. Free some space; what you typed is kept as a "
            "draft and can be saved again.")
    if isinstance(exc, sqlite3.OperationalError | peewee.OperationalError) and \
            "locked" in str(exc):
        return QCoreApplication.translate(
            "Errors", "The database is busy with another program. Try again in a moment; "
            "nothing was lost.")
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Errors", "A file could not be read or written: {reason}").format(
            reason=exc.strerror or str(exc))
    return QCoreApplication.translate(
        "Errors", "Something went wrong and the action was not completed. Nothing already "
        "saved was lost. Details are in the log file.")


def _is_disk_full(exc: BaseException) -> bool:
    """SQLite says "database or disk is full"; the file system says ENOSPC."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlite3.OperationalError | peewee.OperationalError) and \
        "disk is full" in str(exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    log.info("shown to the user: %r", exc)
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Could not complete"),
                        describe(exc))
