"""``liaison verify-pass``: check a pass from a photo of its card or the text of its code."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.core import i18n


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("verify-pass", help=i18n.translate(
        "Cli", "check a worker pass from a photo of the card or the text of its code").text(),
        description=i18n.translate(
            "Cli", "Say whether a pass is valid, expired, revoked or forged, offline, with the "
            "county keys this computer received by sync. Exit status: 0 valid, 1 expired or "
            "not yet valid, 2 revoked, 3 forged, 4 unknown key, 5 provisional, 6 no code "
            "found.").text())
    p.add_argument("source", metavar="IMAGE|TEXT", help=i18n.translate(
        "Cli", "a photo or scan of the card (PNG, JPEG…), or the code's text").text())
    p.set_defaults(func=cmd_verify_pass)


def cmd_verify_pass(args: argparse.Namespace) -> int:
    from liaison_app.core import pass_codes
    from liaison_app.core.services import passes

    open_store(args.data_dir)
    source = str(args.source)
    path = Path(source).expanduser()
    unreadable = passes.EXIT_CODES[passes.Outcome.UNREADABLE]
    is_code = source.startswith(pass_codes.PREFIX + pass_codes.SEP)
    if not is_code and not path.is_file():
        fail(i18n.translate("Passes", "There is no file {path}, and the text is not a pass "
                            "code either.").format(path=source), status=unreadable)
    if not is_code:
        try:
            result = passes.check_image(path)
        except OSError:
            fail(i18n.translate("Passes", "{path} is not a picture Liaison can read.")
                 .format(path=str(path)), status=unreadable)
    else:
        result = passes.check_text(source)
    for line in passes.describe(result):
        say(line)
    return result.exit_code
