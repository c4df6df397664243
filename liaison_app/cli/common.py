"""Helpers shared by the subcommands: opening the database, printing messages."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import peewee

from liaison_app.core import i18n
from liaison_app.core.db import DatabaseOpenError
from liaison_app.core.i18n import Message
from liaison_app.core.paths import DataPaths
from liaison_app.core.settings import Settings


class CliError(SystemExit):
    pass


def open_store(data_dir: Path) -> tuple[peewee.SqliteDatabase, DataPaths, Settings]:
    """Open the data folder's database for a subcommand, or exit with the reason in words."""
    paths = DataPaths(data_dir)
    from liaison_app.cli.security_commands import unlock_for_command
    from liaison_app.core.security import session
    from liaison_app.core.security.conversion import ConversionError
    from liaison_app.core.services import account

    unlock_for_command(paths)
    try:
        db = session.open_unlocked(paths)
    except DatabaseOpenError as exc:
        fail(exc.message)
    except ConversionError as exc:
        fail(exc.message)
    settings = Settings.load(paths.settings)
    account.act_as_account()  # the signed-in account's officer acts
    return db, paths, settings


def install_cli_language(data_dir: Path) -> None:
    """Print the command line's sentences in the language chosen in the app's settings.

    Uses the same compiled catalogue as the window, through a bare QTranslator (QtCore only,
    no application object, so a later window can still be created).
    """
    language = Settings.load(DataPaths(data_dir).settings).language
    if language == "en":
        return
    try:
        from PySide6.QtCore import QTranslator
    except ImportError:
        return
    from liaison_app.core import i18n
    from liaison_app.resources import i18n_dir

    translator = QTranslator()
    if not translator.load(str(i18n_dir() / f"liaison_{language}.qm")):
        return
    _keep.append(translator)
    i18n.install_translator(lambda context, text: translator.translate(context, text) or text,
                            language=language)


_keep: list[object] = []


def check_writable(path: Path) -> None:
    """Raise the ``OSError`` that writing ``path`` would raise (a folder, no permission, a
    missing folder), before any slow work; leaves no file behind."""
    existed = path.exists()
    with path.open("ab"):
        pass
    if not existed:
        path.unlink()


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1, refused in the app's language."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(i18n.translate(
            "Cli", "\u201c{text}\u201d is not a whole number of at least 1.").format(
            text=text).text())
    return value


def say(message: Message | str) -> None:
    print(message if isinstance(message, str) else message.text())


def fail(message: Message | str, *, status: int = 1) -> None:
    print(message if isinstance(message, str) else message.text(), file=sys.stderr)
    raise CliError(status)
