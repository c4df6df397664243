"""``liaison import KIND FILE``: the GUI's import, preview report included, without a window.

Each kind of record registers itself under ``import`` through ``import_kinds(subparsers)``,
so the worker roster import can live in its own module and still be ``liaison import workers``.
"""
from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from liaison_app.cli.common import open_store, say
from liaison_app.core import i18n
from liaison_app.core.i18n import Message
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.tabular import ImportPlan, report_lines

if TYPE_CHECKING:
    from liaison_app.core.services.enterprise_import import EnterpriseImportResult

#: Exit statuses: 0 every row imported; 1 some rows were not (the rest were); 2 nothing was.
EXIT_PARTIAL = 1
EXIT_NOTHING = 2

_KINDS_ATTR = "_liaison_import_kinds"


def import_kinds(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``import`` command's own subparsers, created on first use by whichever module asks."""
    parser = subparsers.choices.get("import")
    if parser is None:
        parser = subparsers.add_parser(
            "import", help=i18n.translate(
                "Cli", "import records from an Excel (.xlsx) or CSV file").text(),
            description=i18n.translate(
                "Cli", "Import records from an Excel (.xlsx) or CSV (UTF-8 or GBK) file. Each "
                "row is checked first; the report lists what is wrong.").text())
        kinds = parser.add_subparsers(dest="import_kind", metavar="KIND")
        setattr(parser, _KINDS_ATTR, kinds)
        parser.set_defaults(func=lambda args: _no_kind(parser))
    return getattr(parser, _KINDS_ATTR)


def _no_kind(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_NOTHING


def register(subparsers: argparse._SubParsersAction) -> None:
    kinds = import_kinds(subparsers)
    p = kinds.add_parser("enterprises", help=i18n.translate("Cli", "import enterprises").text(),
                         description=i18n.translate(
        "Cli", "Import enterprises. An enterprise already there (same credit code) is updated "
        "from its row. Exit status 0 only when every row was imported.").text())
    p.add_argument("file", type=Path, metavar="FILE", help=i18n.translate(
        "Cli", ".xlsx or .csv file").text())
    p.add_argument("--sheet", help=i18n.translate(
        "Cli", "sheet name in an .xlsx file (default: the first sheet)").text())
    p.add_argument("--accept-warnings", action="store_true", help=i18n.translate(
        "Cli", "also import rows that have only warnings (e.g. a credit code whose check "
        "character does not match)").text())
    p.set_defaults(func=_import_enterprises)


def print_report(plan: ImportPlan, *, accepted_warnings: bool,
                 done: Mapping[int, Message] | None = None) -> None:
    """One line per row with problems (or in ``done``), each problem indented below it."""
    for line in report_lines(plan, accepted_warnings=accepted_warnings, done=done):
        say(line)


def _import_enterprises(args: argparse.Namespace) -> int:
    from liaison_app.core.services import enterprise_import

    open_store(args.data_dir)
    try:
        plan = enterprise_import.preview_enterprises(args.file, sheet=args.sheet)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    if plan.file_errors:
        print_report(plan, accepted_warnings=args.accept_warnings)
        return EXIT_NOTHING
    try:
        result = enterprise_import.commit_enterprises(
            plan, include_warnings=args.accept_warnings)
    except ServiceError as exc:
        print_report(plan, accepted_warnings=args.accept_warnings)
        say(exc.message)
        return EXIT_NOTHING
    return report_enterprise_import(plan, result, accepted_warnings=args.accept_warnings)


def report_enterprise_import(plan: ImportPlan, result: EnterpriseImportResult, *,
                             accepted_warnings: bool) -> int:
    """Print what an enterprise import did, row by row; return the exit status."""
    from liaison_app.core.services.enterprise_import import report

    for line in report(plan, result, accepted_warnings=accepted_warnings):
        say(line)
    return exit_status(imported=result.imported, total=plan.summary.total)


def exit_status(*, imported: int, total: int) -> int:
    if imported == total:
        return 0
    return EXIT_PARTIAL if imported else EXIT_NOTHING
