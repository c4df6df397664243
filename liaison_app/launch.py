"""Start 驻企通 Liaison: the window at once, or the command line.

``liaison`` with no command (and at most ``--data-dir DIR`` and ``--verbose``) opens the
window without loading the command line's modules: parsing the full command line imports
the demo generator, the sync engine, the importers and the forms, a few hundred
milliseconds before the window could appear. Everything else is handed to
``liaison_app.cli`` unchanged.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence


def window_arguments(args: Sequence[str]) -> tuple[str | None, bool] | None:
    """(data dir or None, verbose) when ``args`` only open the window; None otherwise."""
    data_dir: str | None = None
    verbose = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-v", "--verbose"):
            verbose = True
        elif arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        else:
            return None
    return data_dir, verbose


def main(argv: Sequence[str] | None = None) -> int:
    """The ``liaison`` console script and ``python main.py``."""
    started = time.perf_counter()
    args = list(sys.argv[1:] if argv is None else argv)
    window = window_arguments(args)
    if window is None:
        from liaison_app.cli import main as cli_main

        return cli_main(args)
    data_dir, verbose = window
    # peewee loads the PostgreSQL driver whenever it is installed (the server extra puts it
    # beside the app); the laptop's window only ever opens SQLite, so it is not loaded.
    sys.modules.setdefault("psycopg2", None)  # type: ignore[arg-type]
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from liaison_app.core.paths import resolve_data_dir
    from liaison_app.ui.app import run_gui

    status = run_gui(data_dir=resolve_data_dir(data_dir), started=started)
    # Leave without Python's final clean-up of Qt objects: everything is saved and
    # unlocked by now, and PySide can crash while the interpreter tears its objects down.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    raise SystemExit(main())
