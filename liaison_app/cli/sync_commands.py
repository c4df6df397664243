"""``liaison login``, ``liaison sync`` and ``liaison status``: sync from the command line."""
from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from liaison_app.cli.common import fail, open_store, say
from liaison_app.core import clock, i18n


def register(subparsers: Any) -> None:
    login = subparsers.add_parser("login", help=i18n.translate(
        "Cli", "sign this laptop in to the sync server").text())
    login.add_argument("--server", required=True, metavar="URL", help=i18n.translate(
        "Cli", "the county server's address, e.g. https://liaison.example.gov.cn").text())
    login.add_argument("--user", required=True, metavar="NAME", help=i18n.translate(
        "Cli", "your user name on the server").text())
    login.add_argument("--password-stdin", action="store_true", help=i18n.translate(
        "Cli", "read the password from standard input").text())
    login.add_argument("--ca-cert", metavar="FILE", help=i18n.translate(
        "Cli", "trust this CA certificate (PEM)").text())
    login.set_defaults(func=cmd_login)
    sync = subparsers.add_parser("sync", help=i18n.translate(
        "Cli", "send and receive changes once").text())
    sync.set_defaults(func=cmd_sync)
    status = subparsers.add_parser("status", help=i18n.translate(
        "Cli", "waiting, refused and conflicting changes").text())
    status.set_defaults(func=cmd_status)


def cmd_login(args: argparse.Namespace) -> int:
    """Sign in. On a new data folder the account's password protects the laptop from then on;
    on one that is locked, the same password is tried first (it is the laptop's password once
    the account signed in here), then the laptop's own password is asked for."""
    from liaison_app.cli import security_commands as sec
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.security import session
    from liaison_app.core.services.errors import ServiceError
    from sync import signin
    from sync.transport import SyncError

    paths = DataPaths(args.data_dir)
    new_folder = session.folder_state(paths) == session.FolderState.NEW \
        and session.data_key(paths) is None
    if session.folder_state(paths) == session.FolderState.LOCKED \
            and session.data_key(paths) is None and sec._config["stdin"]:
        sec.unlock_for_command(paths)  # the first line of stdin is the laptop's password
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(i18n.translate("Sync", "Password: ").text())
    code = ""
    try:
        if new_folder:
            info, code = signin.first_sign_in(paths=paths, server_url=args.server,
                                              username=args.user, password=password,
                                              ca_cert=args.ca_cert)
        else:
            if session.data_key(paths) is None and \
                    session.folder_state(paths) == session.FolderState.LOCKED:
                try:
                    session.unlock(paths, secret=password)
                except (session.WrongSecret, session.TooSoon):
                    sec.unlock_for_command(paths)
            open_store(args.data_dir)
            info = signin.sign_in(paths=paths, server_url=args.server, username=args.user,
                                  password=password, ca_cert=args.ca_cert)
    except SyncError as exc:
        fail(exc.message)
    except ServiceError as exc:
        fail(exc.message)
    say(i18n.translate("Sync", "Signed in to {server} as {user} ({role}); the token is kept in "
                       "the {store}.").format(server=info.server_url, user=info.username,
                                              role=info.role, store=info.token_store))
    say(i18n.translate("Sync", "From now on this account's password unlocks the data on this "
                       "laptop, also offline."))
    if code:
        sec.show_recovery_code(code)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from sync import client

    _, paths, _ = open_store(args.data_dir)
    report = client.SyncEngine(data_paths=paths).sync_once()
    if report.message is not None:
        say(report.message)
    # Records received in bulk are stored; the search index catches up before the command
    # ends, so a search right after finds them (a wiped laptop has nothing left to index).
    if report.outcome != "wiped":
        from liaison_app.core import search_backlog

        search_backlog.index_all()
    for table in report.repulled:
        say(i18n.translate("Sync", "Records of type {table} did not match the server and "
                           "were fetched again.").format(table=table))
    return 0 if report.ok else 1


def cmd_status(args: argparse.Namespace) -> int:
    from sync import client, local

    open_store(args.data_dir)
    st = client.status()
    if st.signed_in:
        say(i18n.translate("Sync", "Server: {server} (signed in as {user})").format(
            server=st.server_url, user=st.username))
    else:
        say(i18n.translate("Sync", "Not signed in to a server."))
    last = (st.last_success.strftime("%Y-%m-%d %H:%M") + " UTC" if st.last_success
            else i18n.translate("Sync", "never").text())
    say(i18n.translate("Sync", "Waiting to be sent: {pending}").format(pending=st.pending))
    say(i18n.translate("Sync", "Refused by the server: {rejected}").format(rejected=st.rejected))
    say(i18n.translate("Sync", "Conflicts to review: {conflicts}").format(
        conflicts=st.conflicts))
    say(i18n.translate("Sync", "Received but not applied (set aside): {count}").format(
        count=st.set_aside))
    say(i18n.translate("Sync", "Last successful sync: {when}").format(when=last))
    if st.last_outcome and st.last_outcome != "ok":
        say(i18n.translate("Sync", "The last sync failed: {message}").format(
            message=st.last_message))
    from liaison_app.core.services.record_labels import record_title, type_label

    for row in [*client.rejected_ops(), *local.set_aside_records()]:
        say("  " + i18n.translate("Sync", "{kind} {record}: {reason}").format(
            kind=type_label(row.table), record=record_title(row.table, row.record_id),
            reason=row.reason_text).text())
    from liaison_app.core.services import workdays

    notice = workdays.coverage_notice(today=clock.today())
    if notice is not None:
        say(notice)
    return 0
