"""``liaison report rates``: the three rates as a table, the same numbers as the 报表 page."""
from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.core import i18n


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help=i18n.translate(
        "Cli", "reports: the three rates, the day's daily reports").text())
    sub = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    rates = sub.add_parser("rates", help=i18n.translate(
        "Cli", "response, resolution and satisfaction rates").text(), description=i18n.translate(
        "Cli", "The three rates of the requests accepted in a period, the same numbers as "
        "the 报表 page.").text())
    rates.add_argument("--from", dest="start", required=True, metavar="DATE",
                       help=i18n.translate(
                           "Cli", "first day of the period (YYYY-MM-DD)").text())
    rates.add_argument("--to", dest="end", required=True, metavar="DATE", help=i18n.translate(
        "Cli", "last day of the period (YYYY-MM-DD)").text())
    rates.add_argument("--by", choices=("department", "town", "officer"), default="",
                       help=i18n.translate(
                           "Cli", "one row per lead department, town or officer").text())
    rates.add_argument("--as-of", metavar="DATE", help=i18n.translate(
        "Cli", "count unanswered requests as late from this day (default today)").text())
    rates.set_defaults(func=cmd_rates)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(i18n.translate("Report", "“{text}” is not a date; write it as YYYY-MM-DD.").format(
            text=text))
        raise


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - i18n.display_width(text))
    return gap + text if right else text + gap


def cmd_rates(args: argparse.Namespace) -> int:
    from liaison_app.core.services import rates, workdays

    start, end = _date(args.start), _date(args.end)
    if end < start:
        fail(i18n.translate("Report", "The period ends before it starts."))
    open_store(args.data_dir)
    table = rates.rates_table(start=start, end=end, by=args.by,
                              as_of=_date(args.as_of) if args.as_of else None)
    head = [i18n.translate("Report", "Group").text(),
            i18n.translate("Report", "Requests").text(),
            i18n.translate("Report", "Response rate").text(),
            i18n.translate("Report", "Resolution rate").text(),
            i18n.translate("Report", "Satisfaction rate").text()]
    lines = [[r.name, str(r.requests),
              f"{percent(r.response_rate)} ({r.response_on_time}/{r.response_base})",
              f"{percent(r.resolution_rate)} ({r.resolved}/{r.resolution_base})",
              f"{percent(r.satisfaction_rate)} ({r.satisfied}/{r.satisfaction_base})"]
             for r in [*table.rows, table.total]]
    widths = [max(i18n.display_width(row[i]) for row in [head, *lines])
              for i in range(len(head))]
    say(i18n.translate("Report", "Three rates of requests accepted {start} to {end}").format(
        start=start.isoformat(), end=end.isoformat()))
    for row in [head, *lines]:
        say("  ".join(_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)))
    notice = workdays.period_notice(start=start, end=end)
    if notice is not None:
        say(notice)
    return 0
