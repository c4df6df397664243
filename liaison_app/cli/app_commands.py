"""Subcommands about the window itself: open it, check it, photograph it."""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from liaison_app.cli.common import check_writable, fail
from liaison_app.core import i18n


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help=i18n.translate(
        "Cli", "open the window (the default with no command)").text())
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("self-test", help=i18n.translate(
        "Cli", "open every page offscreen on demo data and check it").text(),
        description=i18n.translate(
        "Cli", "Open every page and editor offscreen on a temporary copy of demo data, save a "
        "visit and search for it. Exit status 0 only if all of it worked.").text())
    p.set_defaults(func=cmd_self_test)

    p = sub.add_parser("screenshot", help=i18n.translate(
        "Cli", "render the window on a page to a PNG file").text(), description=i18n.translate(
        "Cli", "Render the window on one page to a PNG file. The window's size and page are "
        "not remembered for the next start.").text())
    p.add_argument("file", metavar="FILE.png", help=i18n.translate(
        "Cli", "the PNG file to write").text())
    p.add_argument("--page", default="today", help=i18n.translate(
        "Cli", "today, enterprises, visits, requests, proxy, applications, satisfaction, "
        "reports, sync, search:QUERY, or lock (the lock screen) (default today)").text())
    p.add_argument("--size", default="1280x800", metavar="WxH", help=i18n.translate(
        "Cli", "window size in pixels (default 1280x800)").text())
    p.add_argument("--language", choices=("zh_CN", "en"), default=None, help=i18n.translate(
        "Cli", "language of the window (default: the one in the settings)").text())
    p.set_defaults(func=cmd_screenshot)


def _exit_now(status: int) -> int:
    """Leave without Python's final clean-up of Qt objects.

    Everything is saved, closed and unlocked by now; PySide6 can crash while the interpreter
    tears its objects down ("deallocating None"), which would turn a clean exit into an abort.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def cmd_gui(args: argparse.Namespace) -> int:
    from liaison_app.ui.app import run_gui

    return _exit_now(run_gui(data_dir=args.data_dir))


def _offscreen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The offscreen platform warns about window features it lacks (also through Qt's default
    # category); that is expected here and would only put English on the screen.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false;default.warning=false")


def cmd_self_test(args: argparse.Namespace) -> int:
    _offscreen()
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.settings import Settings
    from liaison_app.ui.self_test import run_self_test

    language = Settings.load(DataPaths(args.data_dir).settings).language
    return _exit_now(run_self_test(language=language))


def cmd_screenshot(args: argparse.Namespace) -> int:
    match = re.fullmatch(r"(\d+)x(\d+)", args.size)
    if not match:
        fail(i18n.translate("Cli", "--size must look like 1280x800 (width x height in "
                            "pixels).").text())
    check_writable(Path(args.file))
    _offscreen()
    if args.page != "lock":
        from liaison_app.cli.security_commands import unlock_for_command
        from liaison_app.core.paths import DataPaths

        unlock_for_command(DataPaths(args.data_dir))
    from liaison_app.ui.screenshot import take_screenshot

    return _exit_now(take_screenshot(data_dir=args.data_dir, out=args.file, page=args.page,
                                     size=(int(match[1]), int(match[2])),
                                     language=args.language))
