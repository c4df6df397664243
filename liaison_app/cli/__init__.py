"""The ``liaison`` command line: the same services the GUI calls, without a window.

Each area registers its subcommands from its own module (``register(subparsers)``); a
subcommand's handler takes the parsed arguments, with ``args.data_dir`` resolved to a path,
and returns the exit status.

The command line speaks the app's language (the data folder's settings, Chinese unless
English was chosen), argparse's own sentences included, so the data folder is found before
the parser is built. Whatever happens, the person reads a sentence, never a trace: errors
they can act on (a missing file, a folder they may not write to, a full disk) are said as
such; anything else is logged with its trace to the data folder's log file and named in one
line. Output into a pipe that closes early (``liaison search 山东 | head -3``) ends quietly.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from liaison_app import __version__
from liaison_app.cli import language
from liaison_app.core import i18n
from liaison_app.core.paths import DataPaths, resolve_data_dir

log = logging.getLogger(__name__)

#: Modules that add subcommands; a missing optional one (e.g. sync) is skipped.
COMMAND_MODULES = (
    "liaison_app.cli.record_commands",
    "liaison_app.cli.import_commands",
    "liaison_app.cli.app_commands",
    "liaison_app.cli.sync_commands",
    "liaison_app.cli.form_commands",
    "liaison_app.cli.report_commands",
    "liaison_app.cli.daily_commands",
    "liaison_app.cli.backup_commands",
    "liaison_app.cli.pass_commands",
)
#: Commands that open the window (or an offscreen one), which sets up its own logging.
WINDOW_COMMANDS = frozenset({"gui", "self-test", "screenshot"})

#: Exit statuses besides 0 (done) and 1 (refused, or failed with a sentence saying why).
EXIT_USAGE = 2  # argparse's own
EXIT_UNEXPECTED = 70  # a fault of the program (sysexits' EX_SOFTWARE); the log has the trace
EXIT_INTERRUPTED = 130  # Ctrl+C
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program ended by SIGPIPE

#: What the ``gui`` extra installs; a server installed alone (``liaison[server]``) has none.
DESKTOP_MODULES = ("PySide6", "shiboken6", "reportlab", "PIL", "zxingcpp", "pypdfium2")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; texts in the language installed when it is called."""
    parser = language.Parser(
        prog="liaison", description=i18n.translate(
            "Cli", "驻企通 Liaison — the record book of enterprise liaison officers. Without "
            "a command it opens the window.").text())
    parser.add_argument("--version", action="version", version=f"liaison {__version__}",
                        help=i18n.translated("argparse", "show program's version number and "
                                                         "exit"))
    parser.add_argument("--data-dir", metavar="DIR", help=i18n.translate(
        "Cli", "data folder (default: the user's data folder, or $LIAISON_DATA_DIR)").text())
    parser.add_argument("--verbose", "-v", action="store_true",
                        help=i18n.translate("Cli", "also print the log on the screen").text())
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


def data_dir_option(argv: Sequence[str]) -> str | None:
    """``--data-dir`` as given, read before the parser exists (it decides the language)."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data-dir" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--data-dir="):
            return arg.partition("=")[2]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    data_dir = resolve_data_dir(data_dir_option(args_list))
    handlers: list[logging.Handler] = []
    from liaison_app.cli import common

    common.install_cli_language(data_dir)
    language.install()
    command: list[str] = []

    def run() -> int:
        parser = build_parser()
        args = parser.parse_args(args_list)
        args.data_dir = data_dir
        command.append(args.command or "gui")
        if args.command not in WINDOW_COMMANDS and args.command:
            handlers.extend(_log_to_file(DataPaths(data_dir)))
        if args.verbose:
            handlers.append(_log_to_screen())
        if not getattr(args, "func", None):
            # No subcommand: the window, on the chosen data folder.
            from liaison_app.cli.app_commands import cmd_gui

            return cmd_gui(args)
        return int(args.func(args) or 0)

    try:
        return guarded(run, data_dir=data_dir, command=command)
    finally:
        root = logging.getLogger()
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()


def guarded(run: Callable[[], int], *, data_dir: Path, command: Sequence[str] = ()) -> int:
    """Run a command; turn every way it can end into an exit status and at most a sentence."""
    try:
        status = run()
        sys.stdout.flush()
        return status
    except SystemExit as exc:  # argparse after help or a usage error, or ``fail()``
        _flush_quietly()
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say_error(i18n.translate("Cli", "Interrupted.").text())
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - nobody above us would say it in words
        from liaison_app.core.services.errors import describe

        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        missing = (exc.name or "").split(".")[0] if isinstance(exc, ModuleNotFoundError) else ""
        if missing in DESKTOP_MODULES:  # a server installed alone (liaison[server])
            _say_error(i18n.translate(
                "Cli", "The desktop app's packages are not installed here ({name} is "
                "missing). Install them with: pip install 'liaison[gui]'").format(
                name=missing).text())
            return EXIT_USAGE
        message = describe(exc)
        if message is not None:
            log.info("refused: %r", exc)
            _say_error(message.text())
            return 1
        where = _log_unexpected(data_dir, " ".join(command) or "liaison")
        _say_error(i18n.translate(
            "Cli", "Unexpected error ({kind}); the command did not finish. The details are "
            "in {log}.").format(kind=type(exc).__name__, log=where).text())
        return EXIT_UNEXPECTED


def _say_error(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except OSError:
        pass  # stderr closed too: the exit status is all there is


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """The reader went away: drop what is still buffered, so that Python's own flush at exit
    does not complain about the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _log_to_file(paths: DataPaths) -> list[logging.Handler]:
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            paths.logs / "liaison.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return []  # a data folder we cannot write to: the command says so itself
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return [handler]


def _log_to_screen() -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return handler


def _log_unexpected(data_dir: Path, command: str) -> str:
    """Write the trace of the exception being handled to the log file; return where."""
    paths = DataPaths(data_dir)
    target = paths.logs / "liaison.log"
    root = logging.getLogger()
    added: list[logging.Handler] = []
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        added = _log_to_file(paths)
    if not added and not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        # Nowhere to write it: a temporary file, so that the trace is not lost.
        import tempfile

        fd, name = tempfile.mkstemp(prefix="liaison-error-", suffix=".log")
        os.close(fd)
        target = Path(name)
        handler = logging.FileHandler(target, encoding="utf-8")
        root.addHandler(handler)
        added = [handler]
    log.exception("unexpected error in `%s`", command)
    for handler in added:
        root.removeHandler(handler)
        handler.close()
    return str(target)


if __name__ == "__main__":
    raise SystemExit(main())
