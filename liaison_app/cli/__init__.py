"""The ``liaison`` command line: the same services the GUI calls, without a window.

Each area registers its subcommands from its own module (``register(subparsers)``); a
subcommand's handler takes the parsed arguments, with ``args.data_dir`` resolved to a path,
and returns the exit status.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from liaison_app import __version__
from liaison_app.core.paths import resolve_data_dir

#: Modules that add subcommands; a missing optional one (e.g. sync) is skipped.
COMMAND_MODULES = (
    "liaison_app.cli.record_commands",
    "liaison_app.cli.import_commands",
    "liaison_app.cli.app_commands",
    "liaison_app.cli.sync_commands",
    "liaison_app.cli.form_commands",
    "liaison_app.cli.report_commands",
    "liaison_app.cli.backup_commands",
    "liaison_app.cli.security_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liaison", description="驻企通 Liaison — enterprise liaison officer's record book.")
    parser.add_argument("--version", action="version", version=f"liaison {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: the user data folder, or $LIAISON_DATA_DIR)")
    parser.add_argument("--verbose", "-v", action="store_true", help="log more detail")
    parser.add_argument("--password-stdin", dest="unlock_stdin", action="store_true",
                        help="read the password that unlocks the data from the first line of "
                             "standard input (for scripts)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    args.data_dir = resolve_data_dir(args.data_dir)
    if not getattr(args, "func", None):
        # No subcommand: the window, on the chosen data folder.
        from liaison_app.cli.app_commands import cmd_gui

        return cmd_gui(args)
    from liaison_app.cli.common import CliError, install_cli_language

    if args.command not in ("gui", "self-test", "screenshot"):
        install_cli_language(args.data_dir)
    from liaison_app.cli.security_commands import configure

    configure(args)

    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        return int(exc.code or 1)


if __name__ == "__main__":
    raise SystemExit(main())
