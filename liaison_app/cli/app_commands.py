"""Subcommands about the window itself: open it, check it, photograph it."""
from __future__ import annotations

import argparse
import os
import re
import sys

from liaison_app.cli.common import fail


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (the default with no command)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("self-test", help="open every page offscreen on demo data and check it")
    p.set_defaults(func=cmd_self_test)

    p = sub.add_parser("screenshot", help="render the window on a page to a PNG file")
    p.add_argument("file", metavar="FILE.png")
    p.add_argument("--page", default="today",
                   help="today, enterprises, visits, requests, proxy, applications, "
                        "satisfaction, sync, search:QUERY, or lock (the lock screen)")
    p.add_argument("--size", default="1280x800", metavar="WxH")
    p.add_argument("--language", choices=("zh_CN", "en"), default=None)
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
    # The offscreen platform warns about window features it lacks; that is expected here.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def cmd_self_test(args: argparse.Namespace) -> int:
    _offscreen()
    from liaison_app.ui.self_test import run_self_test

    return _exit_now(run_self_test())


def cmd_screenshot(args: argparse.Namespace) -> int:
    match = re.fullmatch(r"(\d+)x(\d+)", args.size)
    if not match:
        fail("--size must look like 1280x800")
    _offscreen()
    if args.page != "lock":
        from liaison_app.cli.security_commands import unlock_for_command
        from liaison_app.core.paths import DataPaths

        unlock_for_command(DataPaths(args.data_dir))
    from liaison_app.ui.screenshot import take_screenshot

    return _exit_now(take_screenshot(data_dir=args.data_dir, out=args.file, page=args.page,
                                     size=(int(match[1]), int(match[2])),
                                     language=args.language))
