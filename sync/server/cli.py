"""``liaison-server``: run the server and administer accounts, devices and enterprises."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.protocol import DEFAULT_MAX_BODY
from sync.server import audit, auth, backup, pass_keys
from sync.server.migrations import SchemaTooNewError
from sync.server.models import (
    Device,
    EnterpriseCode,
    User,
    connection,
    default_sqlite_url,
    open_server_database,
    server_db,
    upgrade_schema,
)
from sync.server.serving import ENV_DATA, ENV_DB, ENV_POOL_SIZE, ENV_WORKERS


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir or os.environ.get(ENV_DATA) or "liaison-server-data").resolve()


def _db_url(args: argparse.Namespace) -> str:
    return args.db or os.environ.get(ENV_DB) or default_sqlite_url(_data_dir(args))


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise SystemExit("The passwords differ; nothing was changed.")
    return first


def _mib(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 4096:
        raise argparse.ArgumentTypeError("give a size in MiB from 1 to 4096")
    return number


def cmd_serve(args: argparse.Namespace) -> int:
    from sync.server import serving
    from sync.server.gate import parse_networks

    try:
        trusted = tuple(str(n) for n in parse_networks(args.trusted_proxy or ()))
    except ValueError as exc:
        print(f"--trusted-proxy: {exc}", file=sys.stderr)
        return 2
    options = serving.ServeOptions(
        db_url=_db_url(args), data_dir=_data_dir(args), host=args.host, port=args.port,
        workers=args.workers, ssl_cert=args.ssl_cert, ssl_key=args.ssl_key,
        pool_size=args.pool_size, max_body=args.max_body * 1024 * 1024,
        trusted_proxies=trusted)
    try:
        pool = serving.prepare(options)
    except serving.PoolTooSmall as exc:
        print(f"liaison-server: {exc}", file=sys.stderr)
        return 2
    where = f"https://{args.host}:{args.port}" if args.ssl_cert else \
        f"http://{args.host}:{args.port}"
    connections = f", {pool} database connections each" if pool else ""
    print(f"serving on {where} with {args.workers} process(es){connections}", flush=True)
    serving.run(options)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    del args
    before, after = upgrade_schema(server_db.obj)
    if before == after:
        print(f"the database is at schema {after}, the newest; nothing to do")
    elif before == 0:
        print(f"created the database at schema {after}")
    else:
        print(f"upgraded the database from schema {before} to {after}")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    try:
        if args.action == "add":
            auth.add_user(username=args.name, password=_password(args), role=args.role)
            print(f"user {args.name} added ({args.role})")
        elif args.action == "passwd":
            auth.set_password(username=args.name, password=_password(args))
            print(f"password of {args.name} changed; its devices must sign in again")
        else:
            auth.disable_user(username=args.name)
            print(f"user {args.name} disabled and its devices signed out")
    except User.DoesNotExist:
        print(f"no user named {args.name}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    ids = []
    for code in args.enterprise:
        row = EnterpriseCode.get_or_none(EnterpriseCode.uscc == code.strip().upper())
        if row is None:
            print(f"no enterprise with USCC {code} on the server (import it first)",
                  file=sys.stderr)
            return 1
        ids.append(row.enterprise_id)
    try:
        added = auth.assign(username=args.name, enterprise_ids=ids)
    except User.DoesNotExist:
        print(f"no user named {args.name}", file=sys.stderr)
        return 1
    print(f"{added} enterprise(s) newly assigned to {args.name}")
    return 0


def cmd_device(args: argparse.Namespace) -> int:
    if args.action == "list":
        rows = Device.select(Device, User).join(User).order_by(Device.id)
        print(f"{'ID':>5}  {'USER':<16} {'DEVICE':<20} {'NAME':<20} {'LAST SEEN':<20} STATE")
        for d in rows:
            state = "revoked" if d.revoked else "active"
            seen = d.last_seen.isoformat(timespec="minutes") if d.last_seen else "-"
            print(f"{d.id:>5}  {d.user.username:<16} {d.device_id[:20]:<20} {d.name[:20]:<20} "
                  f"{seen:<20} {state}")
        return 0
    if args.id is None:
        print("give the device ID shown by 'device list'", file=sys.stderr)
        return 2
    if not auth.revoke_device(device_pk=args.id):
        print(f"no device {args.id}", file=sys.stderr)
        return 1
    print(f"device {args.id} revoked; it gets 'sign in again' on its next sync")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """The app's import pipeline and report; exit 0 only if every row was imported."""
    from liaison_app.core.services.enterprise_import import report
    from liaison_app.core.services.errors import ServiceError
    from sync.server import importer

    path = Path(args.file)
    try:
        plan = importer.preview(path, sheet=args.sheet)
        if plan.file_errors:
            for message in plan.file_errors:
                print(message.text(), file=sys.stderr)
            return 2
        result = importer.commit(plan, include_warnings=args.accept_warnings)
    except ServiceError as exc:
        print(exc.message.text(), file=sys.stderr)
        return 2
    audit.record("enterprises_imported", target=path.name,
                 detail=f"{result.created} created, {result.updated} updated, "
                        f"{result.unchanged} unchanged, {len(result.skipped)} skipped")
    for line in report(plan, result, accepted_warnings=args.accept_warnings):
        print(line if isinstance(line, str) else line.text())
    if result.imported == plan.summary.total:
        return 0
    return 1 if result.imported else 2


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="liaison-server",
                                     description="驻企通 Liaison central sync server")
    parser.add_argument("--db", help=f"database URL: sqlite:///PATH or postgresql://... "
                                     f"(default: ${ENV_DB} or a SQLite file in the data dir)")
    parser.add_argument("--data-dir", help=f"attachments and default database (${ENV_DATA})")
    # How a command wants the database: "migrated" (the default), "as-is" (migrate, and
    # backup, which also works on a database a newer version upgraded) or "none".
    parser.set_defaults(database="migrated")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--ssl-cert", help="TLS certificate (PEM)")
    serve.add_argument("--ssl-key", help="TLS private key (PEM)")
    serve.add_argument("--workers", type=_positive, metavar="N",
                       default=_positive(os.environ.get(ENV_WORKERS) or "1"),
                       help=f"server processes (default ${ENV_WORKERS} or 1); on PostgreSQL "
                            f"about one per CPU core, SQLite gains little from more than one")
    serve.add_argument("--pool-size", type=_positive, metavar="N",
                       help=f"PostgreSQL connections per process (default: ${ENV_POOL_SIZE}, "
                            f"or the database's max_connections shared among the processes)")
    # Also accepted after "serve", where people put them: `serve --db postgresql://...`.
    serve.add_argument("--db", default=argparse.SUPPRESS, help="the same as before 'serve'")
    serve.add_argument("--data-dir", default=argparse.SUPPRESS,
                       help="the same as before 'serve'")
    serve.add_argument("--max-body", type=_mib, default=DEFAULT_MAX_BODY >> 20,
                       metavar="MIB", help="largest request body in MiB, after gzip is "
                       "undone (default %(default)s; a push batch is a few MiB)")
    serve.add_argument("--trusted-proxy", action="append", metavar="ADDRESS",
                       help="a reverse proxy (address or network) whose X-Forwarded-For "
                            "names the client; repeat for several. Without it the header "
                            "is ignored")
    serve.set_defaults(func=cmd_serve, database="none")

    sub.add_parser("migrate", help="create or upgrade the database").set_defaults(
        func=cmd_migrate, database="as-is")

    user = sub.add_parser("user", help="accounts").add_subparsers(dest="action", required=True)
    add = user.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", choices=["liaison", "center", "viewer"], required=True)
    add.add_argument("--password-stdin", action="store_true")
    passwd = user.add_parser("passwd")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true")
    disable = user.add_parser("disable")
    disable.add_argument("name")
    for p in (add, passwd, disable):
        p.set_defaults(func=cmd_user)

    assign = sub.add_parser("assign", help="assign enterprises (by USCC) to a liaison officer")
    assign.add_argument("name")
    assign.add_argument("--enterprise", nargs="+", required=True, metavar="USCC")
    assign.set_defaults(func=cmd_assign)

    device = sub.add_parser("device", help="signed-in devices")
    device.add_argument("action", choices=["list", "revoke"])
    device.add_argument("id", nargs="?", type=int)
    device.set_defaults(func=cmd_device)

    imp = sub.add_parser("import", help="import records")
    imp.add_argument("kind", choices=["enterprises"])
    imp.add_argument("file", help="the app's enterprise list: .xlsx or CSV (UTF-8 or GBK) with "
                                  "企业名称/单位名称, 统一社会信用代码, 镇街, ... columns")
    imp.add_argument("--sheet", help="sheet name in an .xlsx file (default: the first sheet)")
    imp.add_argument("--accept-warnings", action="store_true",
                     help="also import rows that have only warnings (e.g. a credit code whose "
                          "check character does not match)")
    imp.set_defaults(func=cmd_import)
    backup.register(sub)
    audit.register(sub)
    pass_keys.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "password_stdin"):
        args.password_stdin = False
    try:
        if args.database == "none":  # serve and restore open it themselves
            return int(args.func(args) or 0)
        open_server_database(_db_url(args), migrate=args.database == "migrated")
        with connection():
            return int(args.func(args) or 0)
    except SchemaTooNewError as exc:
        print(f"liaison-server: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
