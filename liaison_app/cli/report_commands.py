"""``liaison report rates``: the three rates as a table, the same numbers as the 报表 page."""
from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.core import i18n


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help=i18n.translate(
        "Cli", "reports: the three rates, satisfaction, the day's daily reports").text())
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
    sat = sub.add_parser("satisfaction", help=i18n.translate(
        "Cli", "results of a satisfaction evaluation round").text(), description=i18n.translate(
        "Cli", "The results of an evaluation round, the same numbers as the 测评 page: per "
        "unit (ranked), per dimension or per town/street.").text())
    sat.add_argument("--round", required=True, dest="round", metavar="ROUND",
                     help=i18n.translate(
                         "Cli", "the round's id (or its first 8 characters) or its name").text())
    sat.add_argument("--by", choices=("unit", "dimension", "town"), default="unit",
                     help=i18n.translate(
                         "Cli", "one row per evaluated unit (default), dimension or "
                         "town/street").text())
    sat.set_defaults(func=cmd_satisfaction)


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


def print_table(header: list[str], lines: list[list[str]], *, left: int = 1) -> None:
    """Columns padded to their widest cell (Chinese counts double); the first ``left``
    columns aligned left, the figures right."""
    widths = [max(i18n.display_width(row[i]) for row in [header, *lines])
              for i in range(len(header))]
    for row in [header, *lines]:
        say("  ".join(_pad(cell, widths[i], right=i >= left) for i, cell in enumerate(row)))


def cmd_satisfaction(args: argparse.Namespace) -> int:
    from liaison_app.core.services import evaluation, evaluation_results
    from liaison_app.core.services.errors import ServiceError

    open_store(args.data_dir)
    try:
        rnd = evaluation.find_round(text=args.round)
    except ServiceError as exc:
        fail(exc.message)
        raise
    res = evaluation_results.round_results(round_id=rnd.id)
    table = evaluation_results.table_for(res, args.by)
    say(evaluation_results.summary_line(res))
    say(table.title)
    print_table(list(table.header), [list(r) for r in table.rows],
                left=2 if args.by == "unit" else 1)
    if res.anonymous:
        say(evaluation_results.ANONYMOUS_NOTE)
    if res.partial:
        say(evaluation_results.PARTIAL_NOTE)
    return 0


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
    say(i18n.translate("Report", "Three rates of requests accepted {start} to {end}").format(
        start=start.isoformat(), end=end.isoformat()))
    print_table(head, lines)
    notice = workdays.period_notice(start=start, end=end)
    if notice is not None:
        say(notice)
    return 0
