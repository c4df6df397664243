"""Signing a laptop in to the county server, out again, and back in after a forgotten
password. The window and the command line both call these.

A sign-in makes the account the laptop's owner: its officer acts from then on, its role
decides what the app offers, and the account's password becomes the password that unlocks
the laptop offline (one password to remember). The server also hands out a key of its own
for this account on this device; the data key is wrapped with it too, so when an officer
forgets the password and the centre sets a new one, signing in online with the new password
opens the laptop with every unsynced change in it (``unlock_through_server``).

A sign-in as a different account is refused while changes of the previous account wait to
be sent: they reach the server under the account that made them, or not at all.
"""
from __future__ import annotations

import logging

from liaison_app.core import i18n, writer
from liaison_app.core.migrations import LATEST_VERSION
from liaison_app.core.models import LocalState
from liaison_app.core.models.base import new_id
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import session
from liaison_app.core.security.keystore import Keystore
from liaison_app.core.services import account, audit
from liaison_app.core.services.errors import ServiceError
from sync import client, credentials
from sync import protocol as p
from sync.transport import RetryPolicy, SyncError, Transport

log = logging.getLogger(__name__)


def _adopt(paths: DataPaths, *, reply: p.LoginResponse, server_url: str, password: str,
           device: str) -> None:
    """The account becomes the key file's owner; its password and server key open it."""
    key = session.data_key(paths)
    if key is None:
        raise ServiceError(i18n.translate("Account", "Unlock the laptop first."))
    if not Keystore.exists(paths.root):
        log.warning("no key file to give to the account in %s", paths.root)
        return
    store = Keystore.load(paths.root)
    store.owner_kind = "account"
    store.owner_username = reply.account.username
    store.owner_server = server_url.rstrip("/")
    store.device_id = device
    store.set_password(key, password)
    if reply.device_key:
        store.set_server_key(key, bytes.fromhex(reply.device_key),
                             username=reply.account.username)
    store.save()


def _finish(paths: DataPaths, *, reply: p.LoginResponse, server_url: str, password: str,
            ca_cert: str | None, how: str) -> credentials.AccountInfo:
    device = writer.write(credentials.device_id)
    info = client.login(server_url=server_url, username=reply.account.username,
                        password=password, ca_cert=ca_cert, reply=reply)
    _adopt(paths, reply=reply, server_url=server_url, password=password, device=device)
    officer_id = account.act_as_account()

    def note() -> None:
        audit.claim_unsigned(officer_id=officer_id)
        audit.record(action="sign_in", details={"server": info.server_url,
                                                "username": info.username, "how": how})

    writer.write(note)
    return info


def sign_in(*, paths: DataPaths, server_url: str, username: str, password: str,
            ca_cert: str | None = None, device_name: str = "") -> credentials.AccountInfo:
    """Sign in an unlocked laptop (database open). Network worker or the command line.

    Raises SyncError (server, network) or ServiceError (another account's changes wait).
    """
    account.refuse_other_account(username=username)
    reply = client.request_login(server_url=server_url, username=username, password=password,
                                 device=writer.write(credentials.device_id), device_name=device_name,
                                 ca_cert=ca_cert)
    return _finish(paths, reply=reply, server_url=server_url, password=password,
                   ca_cert=ca_cert, how="password")


def first_sign_in(*, paths: DataPaths, server_url: str, username: str, password: str,
                  ca_cert: str | None = None, device_name: str = ""
                  ) -> tuple[credentials.AccountInfo, str]:
    """Sign in a laptop that holds nothing yet; the account's password protects it.

    Nothing is created unless the server accepts the sign-in. Returns the account and the
    recovery code (show it once). Network worker or the command line; the database is open
    afterwards.
    """
    device = new_id()
    reply = client.request_login(server_url=server_url, username=username, password=password,
                                 device=device, device_name=device_name, ca_cert=ca_cert)
    code = session.set_up(paths, password=password, device_id=device)
    session.open_unlocked(paths)
    writer.write(lambda: LocalState.set_value(credentials.KEY_DEVICE, device))
    info = _finish(paths, reply=reply, server_url=server_url, password=password,
                   ca_cert=ca_cert, how="first")
    return info, code


def unlock_through_server(*, paths: DataPaths, server_url: str, username: str,
                          password: str, ca_cert: str | None = None
                          ) -> credentials.AccountInfo:
    """A forgotten password: sign in online (with the password the centre set) and let the
    server's key for this laptop open it. The new password unlocks it from then on.

    The laptop is locked and its database closed before; open afterwards.
    """
    store = Keystore.load(paths.root)
    if not store.has("server") or not store.device_id:
        raise ServiceError(i18n.translate(
            "Account", "This laptop was never signed in to a server, so the server cannot open "
            "it. Use the recovery code instead."))
    reply = client.request_login(server_url=server_url, username=username, password=password,
                                 device=store.device_id, ca_cert=ca_cert)
    if not reply.device_key or session.unlock_with_server_key(
            paths, server_key=bytes.fromhex(reply.device_key)) is None:
        raise ServiceError(i18n.translate(
            "Account", "The server does not hold a key for this laptop and account (was it "
            "set up again, or signed in with another account?). Use the recovery code."))
    session.open_unlocked(paths)
    return _finish(paths, reply=reply, server_url=server_url, password=password,
                   ca_cert=ca_cert, how="server")


def sign_out() -> None:
    """Tell the server (if it can be reached) and forget the token. Unsynced work stays,
    for the next sign-in of the same account. Network worker or the command line."""
    info, token = credentials.load()
    if info is not None and token:
        try:
            with Transport(server_url=info.server_url, client_schema=LATEST_VERSION, token=token,
                           device_id=info.device_id, ca_cert=info.ca_cert, timeout=10,
                           retry=RetryPolicy(attempts=1)) as t:
                t.call("POST", "/auth/logout")
        except SyncError:
            log.info("the server did not take the sign-out; the token is forgotten anyway")
    def note() -> None:
        credentials.forget_token()
        audit.record(action="sign_out", details={"username": info.username if info else ""})

    writer.write(note)
