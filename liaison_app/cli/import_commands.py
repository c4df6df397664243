"""``liaison import KIND FILE``: the GUI's import, preview report included, without a window.

Each kind of record registers itself under ``import`` through ``import_kinds(subparsers)``,
so the worker roster import can live in its own module and still be ``liaison import workers``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from liaison_app.cli.common import open_store, say
from liaison_app.core import i18n
from liaison_app.core.services.errors import ServiceError
from liaison_app.core.services.tabular import ImportPlan, RowStatus

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
        "Cli", "Import enterprises. Exit status 0 only when every row was imported.").text())
    p.add_argument("file", type=Path, metavar="FILE", help=i18n.translate(
        "Cli", ".xlsx or .csv file").text())
    p.add_argument("--sheet", help=i18n.translate(
        "Cli", "sheet name in an .xlsx file (default: the first sheet)").text())
    p.add_argument("--accept-warnings", action="store_true", help=i18n.translate(
        "Cli", "also import rows that have only warnings (e.g. a credit code whose check "
        "character does not match)").text())
    p.set_defaults(func=_import_enterprises)


def print_report(plan: ImportPlan, *, accepted_warnings: bool) -> None:
    """One line per row with problems, each problem on its own indented line, then totals."""
    for message in plan.file_errors:
        say(message)
    for report in plan.rows:
        if report.status is RowStatus.OK:
            continue
        if report.status is RowStatus.ERROR:
            state = i18n.translate("Import", "not imported")
        elif accepted_warnings:
            state = i18n.translate("Import", "imported despite warnings")
        else:
            state = i18n.translate("Import", "not imported: has warnings")
        say(i18n.translate("Import", "Row {row} {title}: {state}").format(
            row=report.row_number, title=report.title or "\u2014", state=state))
        for finding in report.findings:
            label = plan.label(finding.field)
            kind = (i18n.translate("Import", "error") if finding.is_error
                    else i18n.translate("Import", "warning"))
            say(f"    [{kind.text()}] " + (f"{label.text()}: " if label else "")
                + finding.message.text())


def _import_enterprises(args: argparse.Namespace) -> int:
    from liaison_app.core.services import enterprise_import

    open_store(args.data_dir)
    try:
        plan = enterprise_import.preview_enterprises(args.file, sheet=args.sheet)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    print_report(plan, accepted_warnings=args.accept_warnings)
    if plan.file_errors:
        return EXIT_NOTHING
    try:
        result = enterprise_import.commit_enterprises(
            plan, include_warnings=args.accept_warnings)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    summary = plan.summary
    say(i18n.translate(
        "Import", "{imported} of {total} rows imported ({errors} with errors, {warnings} with "
        "warnings).").format(imported=result.imported, total=summary.total,
                             errors=summary.error, warnings=summary.warning))
    if result.imported == summary.total:
        return 0
    return EXIT_PARTIAL if result.imported else EXIT_NOTHING
