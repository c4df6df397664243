"""``liaison report daily`` and ``liaison import daily``: the day's summary, the same numbers as
the 日报 page, its printout and its Excel export; a day's sheet imported as in the window."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.cli.import_commands import EXIT_NOTHING, EXIT_PARTIAL, import_kinds, print_report
from liaison_app.cli.report_commands import _date, _pad
from liaison_app.core import i18n
from liaison_app.core.services.errors import ServiceError


def _subcommands(subparsers: Any, name: str) -> Any:
    """The subcommands of an existing command (``report``), which another module created."""
    parser = subparsers.choices[name]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(subparsers: Any) -> None:
    daily = _subcommands(subparsers, "report").add_parser(
        "daily", help=i18n.translate(
            "Cli", "the day's daily reports by town or officer (the printed summary)").text(),
        description=i18n.translate(
            "Cli", "The day's daily reports: due, reported, late, missing, people on site and "
            "anomalies by town or officer, the same numbers as the 日报 page, its printed "
            "summary and its Excel export.").text())
    daily.add_argument("--date", required=True, metavar="DATE", help=i18n.translate(
        "Cli", "the day (YYYY-MM-DD)").text())
    daily.add_argument("--by", choices=("town", "officer"), default="town",
                       help=i18n.translate(
                           "Cli", "one row per town/street (default) or per officer").text())
    daily.add_argument("--template", metavar="NAME", help=i18n.translate(
        "Cli", "the report template (default: the first one in use)").text())
    daily.set_defaults(func=cmd_report_daily)
    p = import_kinds(subparsers).add_parser(
        "daily", help=i18n.translate(
            "Cli", "import a day's reports from an enterprise's or a town's sheet").text(),
        description=i18n.translate(
            "Cli", "Import daily reports. A row for an enterprise and day already reported "
            "updates that report. Exit status 0 only when every row was imported.").text())
    p.add_argument("file", type=Path, metavar="FILE", help=i18n.translate(
        "Cli", ".xlsx or .csv file").text())
    p.add_argument("--date", required=True, metavar="DATE", help=i18n.translate(
        "Cli", "the day reported, for rows without a date of their own").text())
    p.add_argument("--template", metavar="NAME", help=i18n.translate(
        "Cli", "the report template (default: the first one in use)").text())
    p.add_argument("--sheet", help=i18n.translate(
        "Cli", "sheet name in an .xlsx file (default: the first sheet)").text())
    p.add_argument("--accept-warnings", action="store_true", help=i18n.translate(
        "Cli", "also import rows that have only warnings (this confirms them, e.g. more "
        "people on site than employees)").text())
    p.set_defaults(func=cmd_import_daily)


def _template(name: str | None) -> Any:
    from liaison_app.core.services import daily_templates

    daily_templates.ensure_seeded()
    if name:
        found = daily_templates.find_template(name=name)
        if found is None:
            fail(i18n.translate("DailyCli", "There is no report template named “{name}”; the "
                                "templates are: {names}.").format(
                name=name, names="、".join(t.name for t in daily_templates.list_templates())))
        return found
    return daily_templates.list_templates()[0]


def summary_lines(board: Any) -> list[str]:
    """The summary table as aligned text lines (heading row first)."""
    from liaison_app.core.services import daily_board

    head = daily_board.summary_columns(board.by)
    rows = [daily_board.summary_cells(r) for r in [*board.groups, board.total]]
    widths = [max(i18n.display_width(row[i]) for row in [head, *rows]) for i in range(len(head))]
    return ["  ".join(_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row))
            for row in [head, *rows]]


def cmd_report_daily(args: argparse.Namespace) -> int:
    from liaison_app.core.services import daily_board

    day = _date(args.date)
    open_store(args.data_dir)
    template = _template(args.template)
    board = daily_board.board(template_id=template.id, day=day, by=args.by)
    say(i18n.translate("DailyCli", "{name}, {date}").format(name=template.name,
                                                           date=day.isoformat()))
    if not template.covers(day):
        say(i18n.translate("DailyCli", "The day is outside the template's reporting period; "
                           "no enterprise was due to report."))
    for line in summary_lines(board):
        say(line)
    if board.long_missing:
        say(i18n.translate("DailyCli", "Not reported for two days or more: {n}").format(
            n=len(board.long_missing)))
        for line in board.long_missing:
            say(i18n.translate("DailyCli", "  {name} ({town}): {days} days").format(
                name=line.name, town=line.town or "—", days=line.missing_days))
    anomalies = [b for b in board.lines if b.anomalies]
    if anomalies:
        say(i18n.translate("DailyCli", "Anomalies reported: {n}").format(n=len(anomalies)))
        for line in anomalies:
            say(f"  {line.name}: {'；'.join(line.problems)}")
    return 0


def cmd_import_daily(args: argparse.Namespace) -> int:
    from liaison_app.core.services import daily_import

    day: dt.date = _date(args.date)
    open_store(args.data_dir)
    template = _template(args.template)
    try:
        plan = daily_import.preview_daily(args.file, template_id=template.id, day=day,
                                          sheet=args.sheet)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    print_report(plan, accepted_warnings=args.accept_warnings)
    if plan.file_errors:
        return EXIT_NOTHING
    try:
        result = daily_import.commit_daily(plan, include_warnings=args.accept_warnings)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    total = plan.summary.total
    say(i18n.translate("DailyCli", "{imported} of {total} rows imported, {updated} of them "
                       "updating a report already entered.").format(
        imported=result.imported, total=total, updated=result.updated))
    if result.imported == total:
        return 0
    return EXIT_PARTIAL if result.imported else EXIT_NOTHING
