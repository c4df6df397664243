"""``liaison-server evaluation links ROUND``: issue a round's phone scoring links from the
server's command line, for printing or a mail merge when no centre laptop is at hand."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from sync.server import audit
from sync.server import evaluation as ev
from sync.server.evaluation_web import ENV_PUBLIC_URL, phone_url
from sync.server.models import EnterpriseCode, Record

_HEADER = ["企业名称", "统一社会信用代码", "状态", "手机测评链接"]
_STATUS = {"issued": "已发放", "submitted": "已提交", "none": "未发放"}


def register(sub: Any) -> None:
    """Add ``evaluation`` to ``liaison-server``'s subcommands."""
    evaluation = sub.add_parser("evaluation", help="satisfaction evaluation rounds")
    actions = evaluation.add_subparsers(dest="action", required=True)
    links = actions.add_parser(
        "links", help="issue the phone scoring links of a round's invited enterprises",
        description="Issues a new one-time link to each invited enterprise that has not "
                    "submitted yet; its earlier link stops working. The links are shown once: "
                    "the server keeps only their hashes. With --status, only says where each "
                    "enterprise stands and issues nothing.")
    links.add_argument("round", metavar="ROUND", help="the round's id, or its exact name")
    links.add_argument("--out", metavar="FILE",
                       help="write a CSV (UTF-8 with BOM, for Excel) instead of printing")
    links.add_argument("--base-url", metavar="URL",
                       help=f"the address phones reach this server at (default: "
                            f"${ENV_PUBLIC_URL})")
    links.add_argument("--enterprise", nargs="+", metavar="USCC_OR_ID",
                       help="only these invited enterprises (a lost invitation)")
    links.add_argument("--status", action="store_true",
                       help="issue nothing; list who has a link and who has submitted")
    links.set_defaults(func=cmd_links)


def _enterprise_ids(given: list[str]) -> list[str]:
    out = []
    for value in given:
        code = EnterpriseCode.get_or_none(EnterpriseCode.uscc == value.strip().upper())
        out.append(code.enterprise_id if code is not None else value.strip())
    return out


def _usccs(ids: list[str]) -> dict[str, str]:
    rows = (Record.select(Record.record_id, Record.data)
            .where((Record.table == "enterprise") & Record.record_id.in_(ids)).tuples())
    return {rid: str(json.loads(data).get("uscc") or "") for rid, data in rows}


def cmd_links(args: argparse.Namespace) -> int:
    found = ev.find_round(args.round)
    if found is None:
        print(f"no evaluation round {args.round!r} on the server (give its id, or its exact "
              "name if no other round has it; sync the centre's laptop first)", file=sys.stderr)
        return 1
    base = (args.base_url or os.environ.get(ENV_PUBLIC_URL) or "").strip().rstrip("/")
    if not args.status and not base.startswith(("http://", "https://")):
        print(f"give the address phones reach this server at: --base-url https://... (or set "
              f"${ENV_PUBLIC_URL})", file=sys.stderr)
        return 2
    try:
        if args.status:
            result = ev.link_states(round_id=found.id)
        else:
            wanted = _enterprise_ids(args.enterprise) if args.enterprise else None
            result = ev.issue_links(round_id=found.id, enterprise_ids=wanted,
                                    by=audit.admin_actor())
    except ev.LinkError as exc:
        reasons = {"round_closed": "the round is closed",
                   "round_unusable": "the round has no unit or dimension to score",
                   "not_invited": f"not invited to the round: {exc.detail}",
                   "round_not_found": "the round was deleted"}
        print(f"no links issued: {reasons.get(exc.code, exc.code)}", file=sys.stderr)
        return 1
    usccs = _usccs([s.enterprise_id for s in result.links])
    rows = [[s.enterprise_name, usccs.get(s.enterprise_id, ""), _STATUS[s.status],
             phone_url(base, s.token) if s.token else ""] for s in result.links]
    if args.out:
        _write_csv(Path(args.out), rows)
        print(f"{sum(1 for r in rows if r[3])} link(s) written to {args.out}")
    else:
        for row in rows:
            print("\t".join(row))
    issued = sum(1 for s in result.links if s.token)
    submitted = sum(1 for s in result.links if s.status == "submitted")
    print(f"round {found.name}: {len(rows)} invited, {submitted} submitted"
          + ("" if args.status else f", {issued} new link(s); earlier links of those "
                                    "enterprises no longer work"), file=sys.stderr)
    return 0


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_HEADER)
    writer.writerows(rows)
    # The file holds working links: readable by its owner only.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
        out.write(buffer.getvalue())
