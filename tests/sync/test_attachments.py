"""Attachments: only missing files go up, uploads resume, hashes are checked both ways."""
from __future__ import annotations

import hashlib
import os
from typing import Any

import httpx

from liaison_app.core.models import Attachment
from liaison_app.core.services.attachments import AttachmentStore, store_bytes
from sync import client as sync_client
from sync import credentials
from sync import protocol as p
from sync.server.blobs import BlobStore
from sync.transport import Transport
from tests.sync.conftest import new_visit
from tests.sync.faultproxy import Fault, FaultProxy


def attach(dev: Any, ent: str, data: bytes, name: str = "现场照片.jpg") -> Attachment:
    dev.use()
    visit = new_visit(ent)
    stored = store_bytes(dev.paths.attachments, data, filename=name)
    att = Attachment(owner_table="visit", owner_id=visit.id, enterprise=ent,
                     sha256=stored.sha256, filename=stored.filename, size=stored.size)
    att.save(force_insert=True)
    return att


def plain_bytes(dev: Any, sha: str) -> bytes:
    """What the laptop holds for ``sha``, decrypted (on disk it is encrypted)."""
    return AttachmentStore.for_paths(dev.paths).read_bytes(sha)


def transport(dev: Any, url: str) -> Transport:
    dev.use()
    info, token = credentials.load()
    return Transport(server_url=url, client_schema=2, token=token, device_id=info.device_id)


def test_file_goes_up_and_comes_down_verified(county: dict[str, Any]) -> None:
    li, centre, wang = county["li"], county["centre"], county["wang"]
    assert li.sync().ok
    data = os.urandom(300_000)
    att = attach(li, county["e1"], data)
    report = li.sync()
    assert report.ok and report.files_up == 1, report.message
    report = centre.sync()
    assert report.ok and report.files_down == 1, report.message
    got = plain_bytes(centre, att.sha256)
    assert hashlib.sha256(got).hexdigest() == att.sha256
    # Encrypted as it arrived: the file on disk is not the plain bytes.
    assert data[:4096] not in sync_client.blob_path(centre.paths, att.sha256).read_bytes()
    # An officer of another enterprise cannot fetch it even knowing the hash.
    with transport(wang, county["server"].url) as t:
        assert t.raw("GET", f"/attachments/{att.sha256}").status_code == 404
    # Files go as they are (no gzip of photos), and in ranges when asked.
    with transport(centre, county["server"].url) as t:
        whole = t.raw("GET", f"/attachments/{att.sha256}")
        assert "content-encoding" not in whole.headers
        rest = t.raw("GET", f"/attachments/{att.sha256}", headers={"Range": "bytes=100000-"})
        assert rest.status_code == 206 and rest.content == data[100_000:]


def test_upload_resumes_where_the_server_stopped(county: dict[str, Any],
                                                 monkeypatch: Any) -> None:
    li, server = county["li"], county["server"]
    monkeypatch.setattr(p, "ATTACHMENT_CHUNK", 64 * 1024)
    assert li.sync().ok
    data = os.urandom(200_000)
    att = attach(li, county["e1"], data)
    with transport(li, server.url) as t:
        r = t.raw("PUT", f"/attachments/{att.sha256}", params={"offset": 0, "total": len(data)},
                  data=data[:64 * 1024])
        assert r.json() == {"sha256": att.sha256, "received": 65536, "complete": False}
        # A repeated chunk is not appended twice: the server says where it is.
        r = t.raw("PUT", f"/attachments/{att.sha256}", params={"offset": 0, "total": len(data)},
                  data=data[:64 * 1024])
        assert r.status_code == 409 and r.json()["detail"]["received"] == 65536
        missing = t.call("POST", "/attachments/missing", {"hashes": [att.sha256]})
        assert missing["missing"] == {att.sha256: 65536}
    assert li.sync().ok
    stored = BlobStore(server.config.data_dir).path(att.sha256).read_bytes()
    assert stored == data


def test_server_refuses_bytes_that_do_not_match_their_hash(county: dict[str, Any]) -> None:
    li, server = county["li"], county["server"]
    sha = hashlib.sha256(b"genuine").hexdigest()
    with transport(li, server.url) as t:
        r = t.raw("PUT", f"/attachments/{sha}", params={"offset": 0, "total": 7},
                  data=b"forged!")
        assert r.status_code == 422 and r.json()["code"] == "hash_mismatch"
        assert t.call("POST", "/attachments/missing", {"hashes": [sha]})["missing"] == {sha: 0}
    assert not BlobStore(server.config.data_dir).path(sha).exists()


def test_a_download_cut_off_again_and_again_still_arrives_piece_by_piece(
        county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    att = attach(li, county["e1"], os.urandom(500_000))
    assert li.sync().ok
    proxy = FaultProxy(county["server"].port)
    try:
        centre.point_at(proxy.url)
        # Every download is cut after 150 KB, for as long as the test runs.
        proxy.set(Fault("cut_response", after=150_000, match=b"GET /attachments", times=0))
        target = sync_client.blob_path(centre.paths, att.sha256)
        outcomes = []
        for _ in range(8):
            report = centre.sync()
            outcomes.append(report.outcome)
            assert not target.exists() or report.ok  # never a partial file under its name
            if report.ok:
                break
        assert outcomes[0] == "offline" and outcomes[-1] == "ok", outcomes
        assert report.files_down == 1
        assert hashlib.sha256(plain_bytes(centre, att.sha256)).hexdigest() == att.sha256
        assert not list(target.parent.glob(".*.part"))
        # Each attempt after the first asked only for the rest.
        ranges = [h for h in proxy.heads if b"GET /attachments" in h]
        assert len(ranges) == len(outcomes)
        assert all(b"range: bytes=" in h.lower() for h in ranges[1:])
    finally:
        proxy.close()


def test_a_partial_file_that_belongs_to_nothing_is_thrown_away(county: dict[str, Any]) -> None:
    li, centre = county["li"], county["centre"]
    assert li.sync().ok
    att = attach(li, county["e1"], os.urandom(300_000))
    assert li.sync().ok
    target = sync_client.blob_path(centre.paths, att.sha256)
    part = target.parent / f".{att.sha256}.part"
    store = AttachmentStore.for_paths(centre.paths)
    # A well-formed encrypted part holding the wrong bytes (another file's start, say).
    incoming = store.incoming(att.sha256)
    incoming.write(os.urandom(100_000))
    incoming.pause()
    assert part.exists()
    report = centre.sync()
    assert not target.exists() and report.files_down == 0  # damaged: discarded, not kept
    report = centre.sync()
    assert report.ok and report.files_down == 1
    assert hashlib.sha256(plain_bytes(centre, att.sha256)).hexdigest() == att.sha256
    # Noise where a part should be (a failing disk): not even resumed from.
    target.unlink()
    part.write_bytes(os.urandom(100_000))
    AttachmentStore.for_paths(centre.paths)  # still readable folder
    from liaison_app.core.models import LocalState
    from sync import local

    centre.use()
    LocalState.set_value(local.KEY_FILES_DUE, True)
    report = centre.sync()
    assert report.ok and report.files_down == 1 and not part.exists()
    assert hashlib.sha256(plain_bytes(centre, att.sha256)).hexdigest() == att.sha256


def test_upload_bodies_must_be_authorised(county: dict[str, Any]) -> None:
    r = httpx.put(county["server"].url + "/attachments/" + "b" * 64,
                  params={"offset": 0, "total": 1}, content=b"x",
                  headers={p.HEADER_PROTOCOL: "1", p.HEADER_SCHEMA: "2"})
    assert r.status_code == 401
