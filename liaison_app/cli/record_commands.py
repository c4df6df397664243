"""Subcommands over records: demo data and search."""
from __future__ import annotations

import argparse
import time

from liaison_app.cli.common import fail, open_store, positive_int, say
from liaison_app.core import i18n, search
from liaison_app.core.services import demo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=i18n.translate(
        "Cli", "fill an empty database with a realistic demo county").text())
    p.add_argument("--enterprises", type=int, default=300, metavar="N", help=i18n.translate(
        "Cli", "enterprises to create (default 300)").text())
    p.add_argument("--visits", type=int, default=3000, metavar="N", help=i18n.translate(
        "Cli", "visits to create (default 3000)").text())
    p.add_argument("--officers", type=int, default=30, metavar="N", help=i18n.translate(
        "Cli", "liaison officers to create (default 30)").text())
    p.add_argument("--requests", type=int, default=None, metavar="N", help=i18n.translate(
        "Cli", "requests to create (default: one per enterprise)").text())
    p.add_argument("--proxy-cases", type=int, default=None, metavar="N", help=i18n.translate(
        "Cli", "proxy cases to create (default: one per ten enterprises)").text())
    p.add_argument("--rosters", type=float, default=0.1, metavar="SHARE", help=i18n.translate(
        "Cli", "share of enterprises with a worker roster and applications (default 0.1)"
    ).text())
    p.add_argument("--seed", type=int, default=1, metavar="S", help=i18n.translate(
        "Cli", "random seed: the same seed makes the same county (default 1)").text())
    p.add_argument("--force", action="store_true", help=i18n.translate(
        "Cli", "add demo data even though the database already holds records").text())
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", help=i18n.translate(
        "Cli", "search enterprises, visits, requests, proxy cases and applications").text(),
        description=i18n.translate(
        "Cli", "Search every record by words, names, credit codes or phone numbers; one hit "
        "per line: kind, id, title.").text())
    p.add_argument("query", metavar="QUERY", help=i18n.translate(
        "Cli", "what to look for, e.g. 环评 or a company name").text())
    p.add_argument("--limit", type=positive_int, default=20, metavar="N", help=i18n.translate(
        "Cli", "at most this many hits (default 20)").text())
    p.set_defaults(func=cmd_search)


def cmd_demo(args: argparse.Namespace) -> int:
    db, paths, _settings = open_store(args.data_dir)
    if not demo.database_is_empty() and not args.force:
        fail(i18n.translate(
            "Demo", "The database in {path} already holds records; demo data was not added. "
            "Use --force to add it anyway.").format(path=str(paths.root)))
    if args.enterprises < 1 or args.visits < 0:
        fail(i18n.translate("Demo", "Give at least one enterprise and zero or more visits."))
    if (args.requests or 0) < 0 or (args.proxy_cases or 0) < 0 or not 0 <= args.rosters <= 1:
        fail(i18n.translate("Demo", "Give zero or more requests and proxy cases, and a roster "
                            "share between 0 and 1."))
    started = time.perf_counter()
    result = demo.generate(enterprises=args.enterprises, visits=args.visits,
                           officers=args.officers, seed=args.seed, requests=args.requests,
                           cases=args.proxy_cases, rosters=args.rosters)
    say(i18n.translate(
        "Demo", "Demo county created: {officers} officers, {enterprises} enterprises, "
        "{visits} visits, {follow_ups} follow-up actions in {seconds:.1f} s.").format(
        officers=result.officers, enterprises=result.enterprises, visits=result.visits,
        follow_ups=result.follow_ups, seconds=time.perf_counter() - started))
    say(i18n.translate(
        "Demo", "Also {requests} requests, {cases} proxy cases, {workers} workers on "
        "rosters, {applications} applications and {passes} issued passes.").format(
        requests=result.requests, cases=result.proxy_cases, workers=result.workers,
        applications=result.applications, passes=result.passes))
    say(i18n.translate(
        "Demo", "And {rounds} satisfaction evaluation rounds with {sheets} score sheets.").format(
        rounds=result.evaluation_rounds, sheets=result.score_sheets))
    db.close()
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    db, _paths, _settings = open_store(args.data_dir)
    for hit in search.search(args.query, limit=args.limit):
        kind = search.KIND_LABELS.get(hit.kind)
        print(f"{kind.text() if kind else hit.kind}\t{hit.record_id}\t{hit.title}")
    db.close()
    return 0
