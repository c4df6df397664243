"""Errors a service raises for a person to read."""
from __future__ import annotations

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
