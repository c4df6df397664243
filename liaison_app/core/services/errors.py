"""Errors a service raises for a person to read."""
from __future__ import annotations

import errno
import sqlite3

import peewee

from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.validation import Finding


class ServiceError(Exception):
    """Something a person asked for cannot be done; ``message`` says why in words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.source.format(**message.params))
        self.message = message


class ValidationFailed(ServiceError):
    """Input has errors, or warnings not yet confirmed; nothing was saved."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message)
        self.findings = findings

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


class NotFound(ServiceError):
    pass


def describe(exc: BaseException) -> Message | None:
    """A sentence for a person about an error they can do something about, or None for one
    that is a fault of the program (which belongs in the log with its trace)."""
    if isinstance(exc, ValidationFailed):
        return Message("", "{text}", {"text": "\n".join(f.message.text() for f in exc.findings)})
    if isinstance(exc, ServiceError):
        return exc.message
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return message
    if isinstance(exc, sqlite3.OperationalError | peewee.OperationalError):
        if "disk is full" in str(exc):
            return i18n.translate(
                "Errors", "The disk is full. Free some space and try again; nothing saved "
                "before was lost.")
        if "locked" in str(exc):
            return i18n.translate(
                "Errors", "The database is busy with another program. Try again in a "
                "moment; nothing was lost.")
        return None
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return None


def describe_os_error(exc: OSError) -> Message:
    """What went wrong with a file, and what to do, in words; ``exc.filename`` is named."""
    path = str(exc.filename) if exc.filename else i18n.translate("Errors", "the file").text()
    code = exc.errno
    if code == errno.ENOSPC:
        text = i18n.translate("Errors", "The disk is full: {path} could not be written. Free "
                              "some space, or choose another disk, and try again.")
    elif code in (errno.EACCES, errno.EPERM):
        text = i18n.translate("Errors", "Permission denied for {path}. Choose a place you "
                              "may write to, such as a folder in your home folder.")
    elif code == errno.ENOENT:
        text = i18n.translate("Errors", "{path} does not exist. Check the name and the "
                              "folder.")
    elif code == errno.EISDIR:
        text = i18n.translate("Errors", "{path} is a folder. Give the name of a file.")
    elif code == errno.ENOTDIR:
        text = i18n.translate("Errors", "{path} is not a folder: part of the path is a "
                              "file.")
    elif code == errno.EROFS:
        text = i18n.translate("Errors", "{path} is on a disk that cannot be written to. "
                              "Choose another place.")
    else:
        return i18n.translate("Errors", "{path} could not be read or written: {reason}."
                              ).format(path=path, reason=exc.strerror or str(exc))
    return text.format(path=path)
