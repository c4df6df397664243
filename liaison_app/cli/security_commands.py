"""``liaison unlock``, ``lock``, ``logout`` and ``recover``, and the unlock every data command
goes through.

The data folder is encrypted, so a command that reads or writes records needs its password.
It is asked on the terminal; a script gives it on the first line of standard input with the
global ``--password-stdin``. Without either, the command stops with a sentence saying so and
exit status 3 (never a hang waiting for input nobody can give).

``liaison unlock`` checks the password once and keeps the unlock in the OS keyring for a
while (15 minutes by default), so the commands of a script that follow need no password.
Where there is no trustworthy keyring nothing is kept: the password is never written to a
file, and the key only ever lives in this process's memory.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from liaison_app.cli.common import fail, say
from liaison_app.core import i18n
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session, wipe
from liaison_app.core.security.keystore import MIN_PASSWORD, TooSoon, WrongSecret

EXIT_LOCKED = 3
_config: dict[str, Any] = {"stdin": False, "stdin_used": False}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("unlock", help=i18n.translate(
        "Cli", "unlock the data for the next commands (OS keyring)").text(),
        description=i18n.translate(
        "Cli", "Check the password and keep the data unlocked in the OS keyring for a while, "
        "for scripts. Where there is no keyring nothing is kept.").text())
    p.add_argument("--password-stdin", action="store_true", help=i18n.translate(
        "Cli", "read the password from the first line of standard input").text())
    p.add_argument("--minutes", type=int, default=15, metavar="N", help=i18n.translate(
        "Cli", "how long the unlock lasts (default 15)").text())
    p.set_defaults(func=cmd_unlock)
    p = sub.add_parser("lock", help=i18n.translate(
        "Cli", "forget an unlock kept by liaison unlock").text())
    p.set_defaults(func=cmd_lock)
    p = sub.add_parser("logout", help=i18n.translate(
        "Cli", "sign this laptop out of the server and forget its token; unsynced changes "
        "stay").text())
    p.set_defaults(func=cmd_logout)
    p = sub.add_parser("recover", help=i18n.translate(
        "Cli", "forgotten password: unlock with the recovery code and choose a new "
        "password").text())
    p.set_defaults(func=cmd_recover)


def configure(args: argparse.Namespace) -> None:
    """Remember the global ``--password-stdin`` (main() calls this before the command)."""
    _config["stdin"] = bool(getattr(args, "unlock_stdin", False))
    _config["stdin_used"] = False


def _has_terminal() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):
        return False


def read_secret(prompt: i18n.Message, *, allow_stdin: bool = True) -> str | None:
    """The next secret: from standard input (global ``--password-stdin``), else typed on the
    terminal without echo; None when there is neither."""
    if allow_stdin and _config["stdin"] and not _config["stdin_used"]:
        _config["stdin_used"] = True
        return sys.stdin.readline().rstrip("\r\n")
    if not _has_terminal():
        return None
    return getpass.getpass(prompt.text())


def _no_terminal() -> None:
    fail(i18n.translate(
        "Security", "The data in this folder is encrypted and there is no terminal to ask for "
        "the password. Run `liaison unlock` first, or give the password on standard input "
        "with `liaison --password-stdin COMMAND`."), status=EXIT_LOCKED)


def _wait_text(seconds: float) -> str:
    return i18n.translate("Security", "Too many wrong passwords: wait {seconds} seconds before "
                          "trying again.").format(seconds=int(seconds + 0.999)).text()


def choose_password(*, reason: i18n.Message) -> str:
    """A new password: typed twice on the terminal, or once on standard input."""
    # On standard error: standard output is the command's own (a script may read it).
    print(reason.text(), file=sys.stderr)
    if _config["stdin"] and not _config["stdin_used"]:
        first = read_secret(i18n.translate("Security", "New password: "))
    else:
        if not _has_terminal():
            _no_terminal()
        first = getpass.getpass(i18n.translate("Security", "New password: ").text())
        again = getpass.getpass(i18n.translate("Security", "Repeat the new password: ").text())
        if again != first:
            fail(i18n.translate("Security", "The two passwords differ; nothing was changed."))
    if len(first or "") < MIN_PASSWORD:
        fail(i18n.translate("Security", "The password must have at least {n} characters.")
             .format(n=MIN_PASSWORD))
    return str(first)


def show_recovery_code(code: str) -> None:
    print(i18n.translate(
        "Security", "Recovery code (shown only now; write it down and keep it away from the "
        "laptop): {code}\nIt opens the data if the password is forgotten.").format(
        code=code).text(), file=sys.stderr)


def unlock_for_command(paths: DataPaths) -> None:
    """Make sure the folder is unlocked in this process, asking for what is needed."""
    if session.data_key(paths) is not None:
        return
    if wipe.finish_if_wiped(paths) and session.folder_state(paths) != session.FolderState.LOCKED:
        print(i18n.translate("Security", "The Liaison data on this laptop was removed at the "
                             "service centre's request; this folder starts empty.").text(),
              file=sys.stderr)
        wipe.clear_marker(paths)
    state = session.folder_state(paths)
    if state == session.FolderState.ORPHANED:
        fail(i18n.translate(
            "Security", "The key file of the data in {path} is missing, so the data cannot be "
            "opened. Restore a backup, or choose another data folder.").format(
            path=str(paths.root)), status=EXIT_LOCKED)
    if state in (session.FolderState.NEW, session.FolderState.PLAIN):
        reason = (i18n.translate("Security", "This data folder is new. Choose a password that "
                                 "protects the data on this laptop (at least 8 characters).")
                  if state == session.FolderState.NEW else
                  i18n.translate("Security", "The data in this folder is not encrypted yet. "
                                 "Choose a password; the data is encrypted with it now."))
        password = choose_password(reason=reason)
        show_recovery_code(session.set_up(paths, password=password))
        return
    if session.unlock_from_keyring(paths):
        return
    secret = read_secret(i18n.translate("Security", "Password: "))
    if secret is None:
        _no_terminal()
    try:
        session.unlock(paths, secret=str(secret))
    except TooSoon as exc:
        fail(_wait_text(exc.wait), status=EXIT_LOCKED)
    except WrongSecret as exc:
        text = i18n.translate("Security", "Wrong password.").text()
        if exc.wait:
            text += " " + _wait_text(exc.wait)
        fail(text, status=EXIT_LOCKED)


def cmd_unlock(args: argparse.Namespace) -> int:
    paths = DataPaths(args.data_dir)
    if args.password_stdin:
        _config["stdin"], _config["stdin_used"] = True, False
    unlock_for_command(paths)
    if session.keep_unlocked(paths, minutes=args.minutes):
        say(i18n.translate("Security", "Unlocked for {minutes} minutes (kept in the OS "
                           "keyring); `liaison lock` ends it sooner.").format(
            minutes=args.minutes))
        return 0
    fail(i18n.translate(
        "Security", "The password is right, but this computer has no OS keyring to keep the "
        "unlock in, and it is never kept in a file. Each command asks again; scripts can use "
        "`liaison --password-stdin COMMAND`."))
    return 1


def cmd_lock(args: argparse.Namespace) -> int:
    session.drop_kept_unlock(DataPaths(args.data_dir))
    say(i18n.translate("Security", "Locked: the next command asks for the password."))
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from liaison_app.cli.common import open_store
    from sync import signin

    _db, _paths, _settings = open_store(args.data_dir)
    signin.sign_out()
    say(i18n.translate("Security", "Signed out; the token is forgotten. Changes not yet sent "
                       "stay on this laptop and go with the next sign-in of the same account."))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    paths = DataPaths(args.data_dir)
    if session.folder_state(paths) != session.FolderState.LOCKED:
        fail(i18n.translate("Security", "This data folder has no password to recover."))
    code = read_secret(i18n.translate("Security", "Recovery code: "))
    if code is None:
        _no_terminal()
    try:
        session.unlock(paths, secret=str(code).strip())
    except TooSoon as exc:
        fail(_wait_text(exc.wait), status=EXIT_LOCKED)
    except WrongSecret:
        fail(i18n.translate("Security", "That recovery code does not open this data."),
             status=EXIT_LOCKED)
    password = choose_password(reason=i18n.translate(
        "Security", "Choose a new password for this laptop."))
    session.change_password(paths, new_password=password)
    show_recovery_code(session.new_recovery_code(paths))
    from liaison_app.cli.common import open_store
    from liaison_app.core.services import audit

    open_store(Path(args.data_dir))
    audit.record(action="recovery_used")
    say(i18n.translate("Security", "The new password is set; the old recovery code no longer "
                                   "works."))
    return 0
