"""Translatable messages produced by the Qt-free core.

The core must not import Qt, yet its messages reach people through the UI in their
language. A message is therefore carried lazily as (context, source text, parameters) and
translated when shown: the UI installs Qt's ``QCoreApplication.translate`` here at start-up.

Write messages as ``i18n.translate("Context", "Source text {name}").format(name=...)``:
``pyside6-lupdate`` extracts any two-argument ``X.translate(context, text)`` call, so every
core message lands in the translation files without a second list to keep in step.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    del context
    return text


_translator: Translator = _identity
_language = "en"


def install_translator(func: Translator, *, language: str = "en") -> None:
    """Route core messages through ``func(context, source)``. Main thread, at start-up.

    ``language`` names the catalogue, for the few texts that differ by more than words (a
    form's title in one language or two).
    """
    global _translator, _language
    _translator = func
    _language = language


def language() -> str:
    """The language messages are shown in: "en" (the source) or a catalogue's, "zh_CN"."""
    return _language


def in_language(*, zh: str, en: str) -> str:
    """The server sends some reasons in both languages: the one the person reads, else the
    other (a reason in the wrong language beats no reason)."""
    if _language.startswith("zh"):
        return zh or en
    return en or zh


@dataclass(frozen=True)
class Message:
    """A sentence for a person, translated only when it is shown."""

    context: str
    source: str
    params: dict[str, Any] = field(default_factory=dict)

    def format(self, **params: Any) -> Message:
        return replace(self, params={**self.params, **params})

    def text(self) -> str:
        template = _translator(self.context, self.source)
        values = {k: (v.text() if isinstance(v, Message) else v) for k, v in self.params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.source.format(**values)

    def __str__(self) -> str:
        return self.text()


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def translated(context: str, source: str) -> str:
    """The template ``source`` in the current language, unformatted (for texts another
    library fills in, like argparse's ``%(prog)s``)."""
    return _translator(context, source)


def translate(context: str, source: str) -> Message:
    """A lazily translated message; ``source`` must be a string literal."""
    return Message(context, source)
