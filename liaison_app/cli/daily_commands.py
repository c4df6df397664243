"""``liaison report daily`` and ``liaison import daily``: the day's summary, the same numbers as
the 日报 page, its printout and its Excel export; a day's sheet imported as in the window."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.cli.import_commands import EXIT_NOTHING, EXIT_PARTIAL, import_kinds, print_report
from liaison_app.cli.report_commands import _date, _pad, _width
from liaison_app.core import i18n
from liaison_app.core.services.errors import ServiceError


def _subcommands(subparsers: Any, name: str) -> Any:
    """The subcommands of an existing command (``report``), which another module created."""
    parser = subparsers.choices[name]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(subparsers: Any) -> None:
    daily = _subcommands(subparsers, "report").add_parser(
        "daily", help="the day's daily reports by town or officer (the printed summary)")
    daily.add_argument("--date", required=True, metavar="DATE", help="the day (YYYY-MM-DD)")
    daily.add_argument("--by", choices=("town", "officer"), default="town",
                       help="one row per town/street (default) or per officer")
    daily.add_argument("--template", metavar="NAME",
                       help="the report template (default: the first one in use)")
    daily.set_defaults(func=cmd_report_daily)
    p = import_kinds(subparsers).add_parser(
        "daily", help="import a day's reports from an enterprise's or a town's sheet",
        description="Import daily reports. A row for an enterprise and day already reported "
                    "updates that report. Exit status 0 only when every row was imported.")
    p.add_argument("file", type=Path, metavar="FILE", help=".xlsx or .csv file")
    p.add_argument("--date", required=True, metavar="DATE",
                   help="the day reported, for rows without a date of their own")
    p.add_argument("--template", metavar="NAME",
                   help="the report template (default: the first one in use)")
    p.add_argument("--sheet", help="sheet name in an .xlsx file (default: the first sheet)")
    p.add_argument("--accept-warnings", action="store_true",
                   help="also import rows that have only warnings (this confirms them, e.g. "
                        "more people on site than employees)")
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
    widths = [max(_width(row[i]) for row in [head, *rows]) for i in range(len(head))]
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
