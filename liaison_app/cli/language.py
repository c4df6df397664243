"""argparse in the app's language: its own sentences translated, Chinese help wrapped right.

argparse builds its texts ("usage: ", "the following arguments are required: %s", "invalid
choice: …") with ``gettext``, through the module's own ``_`` and ``ngettext``. Those are
pointed here at the app's catalogue (context ``argparse``), so the same ``.qm`` the window
loads translates them and the language follows the app's settings, not the environment. The
texts below are argparse's own message ids (Python 3.10 to 3.13); one argparse gains later
simply stays English until it is added here.
"""
from __future__ import annotations

import argparse
import re

from liaison_app.core import i18n

#: argparse's message ids, listed so the translation tools extract them.
ARGPARSE_TEXTS = (
    i18n.translate("argparse", "usage: "),
    i18n.translate("argparse", "positional arguments"),
    i18n.translate("argparse", "options"),
    i18n.translate("argparse", "subcommands"),
    i18n.translate("argparse", "show this help message and exit"),
    i18n.translate("argparse", "show program's version number and exit"),
    i18n.translate("argparse", " (default: %(default)s)"),
    i18n.translate("argparse", "%(heading)s:"),
    i18n.translate("argparse", "%(prog)s: error: %(message)s\n"),
    i18n.translate("argparse", "%(prog)s: warning: %(message)s"),
    i18n.translate("argparse", "argument %(argument_name)s: %(message)s"),
    i18n.translate("argparse", "the following arguments are required: %s"),
    i18n.translate("argparse", "one of the arguments %s is required"),
    i18n.translate("argparse", "unrecognized arguments: %s"),
    i18n.translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    i18n.translate("argparse", "invalid %(type)s value: %(value)r"),
    i18n.translate("argparse", "expected one argument"),
    i18n.translate("argparse", "expected at most one argument"),
    i18n.translate("argparse", "expected at least one argument"),
    i18n.translate("argparse", "expected %s argument"),
    i18n.translate("argparse", "expected %s arguments"),
    i18n.translate("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    i18n.translate("argparse", "not allowed with argument %s"),
    i18n.translate("argparse", "ignored explicit argument %r"),
    i18n.translate("argparse", "unexpected option string: %s"),
    i18n.translate("argparse", "can't open '%(filename)s': %(error)s"),
    i18n.translate("argparse", "argument \"-\" with mode %r"),
    i18n.translate("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    i18n.translate("argparse", "argument '%(argument_name)s' is deprecated"),
    i18n.translate("argparse", "command '%(parser_name)s' is deprecated"),
    i18n.translate("argparse", "option '%(option)s' is deprecated"),
    # Mistakes in the program's own parser definitions, not the person's input; translated
    # all the same so that no argparse sentence is left English.
    i18n.translate("argparse", "cannot have multiple subparser arguments"),
    i18n.translate("argparse", "conflicting subparser: %s"),
    i18n.translate("argparse", "conflicting subparser alias: %s"),
    i18n.translate("argparse", "conflicting option string: %s"),
    i18n.translate("argparse", "conflicting option strings: %s"),
    i18n.translate("argparse", "mutually exclusive arguments must be optional"),
    i18n.translate("argparse", "'required' is an invalid argument for positionals"),
    i18n.translate("argparse", "dest= is required for options like %r"),
    i18n.translate("argparse", "invalid conflict_resolution value: %r"),
    i18n.translate("argparse", "cannot merge actions - two groups are named %r"),
    i18n.translate("argparse",
                   "invalid option string %(option)r: must start with a character "
                   "%(prefix_chars)r"),
    i18n.translate("argparse", "%r is not callable"),
    i18n.translate("argparse", ".__call__() not defined"),
)


def _gettext(message: str) -> str:
    return i18n.translated("argparse", message) if message else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Translate argparse's sentences from now on (main thread, before parsing)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


# -- help text wrapped by display width ------------------------------------------------------
#: A run of characters that is not whitespace and not CJK stays together (a word, an option,
#: a path); each CJK character may start a new line on its own.
_TOKEN = re.compile(r"\s+|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
                    r"\uff00-\uffef\U00020000-\U0003ffff]+|.")
#: Punctuation that never starts a line in Chinese typesetting.
_NO_LINE_START = set("，。、；：？！）》」』”’…%")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` terminal cells, breaking between words or CJK characters."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            if line:
                line += " "
            continue
        if line and i18n.display_width(line + token) > width and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping by display width: a Chinese character takes two cells,
    and Chinese text has no spaces to break at."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class Parser(argparse.ArgumentParser):
    """Every parser and subparser of the command line wraps its help by display width and
    writes its section headings with the language's colon."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def format_help(self) -> str:
        text = super().format_help()
        # Before Python 3.13 argparse writes "heading:" without asking gettext.
        heading = _gettext("%(heading)s:")
        if heading == "%(heading)s:":
            return text
        for group in self._action_groups:
            if group.title:
                text = text.replace(f"\n{group.title}:\n",
                                    "\n" + heading % {"heading": group.title} + "\n")
        return text
