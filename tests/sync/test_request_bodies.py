"""Hostile request bodies: text no database can hold, and bodies too large to buffer.

Sent as raw HTTP, the way an attacker (or a broken client) would: other content types, no
content type, escapes the client never writes, bodies that never end.
"""
from __future__ import annotations

import gzip
import json
import select
import socket
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import protocol as p
from sync.server.app import ServerConfig
from sync.server.gate import text_problem
from sync.server.models import Record, connection
from tests.sync.conftest import VERSIONS, running_server, sign_in

MIB = 1024 * 1024
#: Stands for the escape under test in the JSON text of a push.
SLOT = "@@SLOT@@"


def enterprise_op(name: str, **changes: Any) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "table": "enterprise", "record_id": str(uuid.uuid4()),
            "base_version": 0, "creating": True, "changes": {"name": name, **changes}}


def push_text(ops: list[dict[str, Any]], escape: str) -> bytes:
    """A push body as JSON text with ``escape`` written verbatim where ``SLOT`` stands."""
    text = json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":"))
    return text.replace(SLOT, escape).encode()


def stored(record_id: str) -> dict[str, Any] | None:
    with connection():
        row = Record.get_or_none((Record.table == "enterprise") & (Record.record_id == record_id))
    return None if row is None else json.loads(row.data)


#: JSON escapes that are refused, as written in the JSON text, and why.
REFUSED = [
    (r"\u0000", "nul"),
    (r"before\u0000after", "nul"),
    (r"\\\u0000", "nul"),  # an escaped backslash, then a real NUL escape
    (r"\ud800", "surrogate"),  # half of a pair, alone
    (r"\udc00", "surrogate"),  # the other half, alone
    (r"\ud800x", "surrogate"),  # followed by something that is not its other half
    (r"\ud800\u0041", "surrogate"),
    (r"\udfb7\ud842", "surrogate"),  # the halves the wrong way round
    (r"text\ud842", "surrogate"),  # at the very end of the value
]
#: Escapes that are fine, and the value the server keeps.
ACCEPTED = [
    (r"\\u0000", "\\u0000"),  # the text backslash-u-0-0-0-0, not a NUL
    (r"\\\\ud800", "\\\\ud800"),
    (r"\ud842\udfb7", "𠮷"),  # a character outside the BMP, as a proper pair
    (r"\u5409\u0041\n", "吉A\n"),
]
CONTENT_TYPES: list[dict[str, str]] = [
    {"Content-Type": "application/json"},
    {"Content-Type": "APPLICATION/JSON"},
    {"Content-Type": "application/merge-patch+json"},
    {"Content-Type": "text/plain"},
    {},  # none at all
    {"Content-Type": "Application/Json; charset=UTF-8", "Content-Encoding": "gzip"},
]


def send(server: Any, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.compress(body)
    return httpx.post(server.url + path, content=body, headers=headers, timeout=30)


def test_nul_and_lone_surrogates_are_refused_whole_whatever_the_content_type(
        server: Any) -> None:
    auth = sign_in(server, "centre", "center", device="raw-pc")
    for content_type in CONTENT_TYPES:
        for escape, problem in REFUSED:
            good = enterprise_op("同批的正常企业")
            bad = enterprise_op("坏企业", notes=SLOT)
            r = send(server, "/sync/push", push_text([good, bad], escape),
                     {**auth, **content_type})
            assert r.status_code == 422, (content_type, escape, r.status_code, r.text)
            answer = p.ErrorBody.model_validate(r.json())
            assert answer.code == "invalid_text" and answer.detail["problem"] == problem
            assert "无法保存的字符" in answer.text_zh
            # Refused whole: not even the good operation of the batch was kept.
            assert stored(good["record_id"]) is None and stored(bad["record_id"]) is None
    # In a field name too, and in every call that reads JSON, including sign-in.
    bad_key = push_text([enterprise_op("企业", **{SLOT: "x"})], r"\ud800")
    assert send(server, "/sync/push", bad_key, auth).status_code == 422
    pull = b'{"tables":["visit\\u0000"]}'
    assert send(server, "/sync/pull", pull, auth).json()["code"] == "invalid_text"
    login = b'{"username":"centre\\u0000","password":"x","device_id":"d1"}'
    r = send(server, "/auth/login", login, {**VERSIONS, "Content-Type": "APPLICATION/JSON"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_text"
    # A raw NUL byte is no better than an escaped one.
    raw = push_text([enterprise_op("企业", notes=SLOT)], "\x00")
    assert send(server, "/sync/push", raw, auth).json()["detail"]["problem"] == "nul"


def test_escapes_that_only_look_alike_are_kept_as_sent(server: Any) -> None:
    auth = sign_in(server, "centre", "center", device="raw-pc")
    for escape, value in ACCEPTED:
        op = enterprise_op("企业" + SLOT, notes=SLOT)
        r = send(server, "/sync/push", push_text([op], escape),
                 {**auth, "Content-Type": "application/json"})
        assert r.status_code == 200, (escape, r.text)
        assert r.json()["results"][0]["status"] == "applied", r.text
        data = stored(op["record_id"])
        assert data is not None and data["notes"] == value and data["name"] == "企业" + value
    # Attachment chunks are bytes, not text: NUL bytes and escapes in them are fine.
    sha = "ab" * 32
    chunk = b"\x00\\u0000\\ud800" * 100
    r = httpx.put(f"{server.url}/attachments/{sha}", content=chunk, headers=auth,
                  params={"offset": 0, "total": len(chunk) + 1})
    assert r.status_code == 200 and r.json()["received"] == len(chunk)


# -- size ------------------------------------------------------------------------------------
def raw_request(port: int, head: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(head.encode("latin-1"))
    return sock


def read_answer(sock: socket.socket, timeout: float = 10) -> tuple[int, dict[str, Any]]:
    """The status and JSON body of the answer on ``sock``."""
    sock.setblocking(True)
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        assert piece, f"connection closed without an answer: {data!r}"
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines
                  if line.lower().startswith("content-length:"))
    while len(body) < length:
        piece = sock.recv(65536)
        assert piece
        body += piece
    return int(lines[0].split()[1]), json.loads(body[:length])


def request_head(path: str, auth: dict[str, str], extra: str) -> str:
    headers = "".join(f"{k}: {v}\r\n" for k, v in auth.items())
    return (f"POST {path} HTTP/1.1\r\nHost: test\r\n{headers}"
            f"Content-Type: application/json\r\n{extra}\r\n")


@pytest.fixture
def small_server(tmp_path: Path, db_url: str) -> Any:
    """A server taking bodies of at most 1 MiB (a short test of what 32 MiB would be)."""
    config = ServerConfig(db_url=db_url, data_dir=tmp_path / "server", max_body=MIB)
    with running_server(config) as live:
        yield live


def test_a_declared_length_over_the_limit_is_refused_before_any_body_is_read(
        small_server: Any) -> None:
    auth = sign_in(small_server, "centre", "center", device="raw-pc")
    sock = raw_request(small_server.port, request_head(
        "/sync/push", auth, f"Content-Length: {100 * MIB}\r\n"))
    try:
        started = time.monotonic()
        status, body = read_answer(sock)  # not one byte of the body was sent
        assert time.monotonic() - started < 5
    finally:
        sock.close()
    assert status == 413
    assert body["code"] == "body_too_large" and body["detail"]["limit"] == MIB


def test_a_body_without_a_length_is_counted_as_it_arrives(small_server: Any) -> None:
    """A chunked body that would be 64 MiB is refused once it passes the limit: the server
    answers while the client is still sending, having read little more than the limit."""
    auth = sign_in(small_server, "centre", "center", device="raw-pc")
    sock = raw_request(small_server.port, request_head(
        "/sync/push", auth, "Transfer-Encoding: chunked\r\n"))
    piece = b"x" * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    answered = False
    try:
        sock.setblocking(False)
        while sent < 64 * MIB:
            readable, writable, _ = select.select([sock], [sock], [], 10)
            if readable:
                answered = True
                break
            if writable:
                try:
                    sent += sock.send(chunk)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:  # the server closed the connection after answering
                    answered = True
                    break
        assert answered, f"no answer after {sent} bytes"
        status, body = read_answer(sock)
    finally:
        sock.close()
    assert status == 413 and body["code"] == "body_too_large"
    # What the client got to send is the limit plus what the sockets' buffers held.
    assert sent < 32 * MIB, sent


def test_the_limit_counts_a_gzip_body_as_inflated(small_server: Any) -> None:
    auth = {**sign_in(small_server, "centre", "center", device="raw-pc"),
            "Content-Type": "application/json", "Content-Encoding": "gzip"}
    url = small_server.url + "/sync/push"
    # A bomb: 100 MiB of JSON in about 100 KiB.
    bomb = gzip.compress(b'{"ops":[' + b" " * (100 * MIB) + b"]}")
    assert len(bomb) < MIB
    r = httpx.post(url, content=bomb, headers=auth, timeout=30)
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"
    # A batch just under the limit goes through, compressed or not; just over, it does not.
    def batch(size: int) -> bytes:
        op = enterprise_op("企业", notes="")
        empty = len(json.dumps({"ops": [op]}, separators=(",", ":")).encode())
        op["changes"]["notes"] = "x" * (size - empty)
        raw = json.dumps({"ops": [op]}, separators=(",", ":")).encode()
        assert len(raw) == size
        return raw
    for size, status in ((MIB - 100, 200), (MIB + 100, 413)):
        plain = httpx.post(url, content=batch(size), timeout=30,
                           headers={k: v for k, v in auth.items() if k != "Content-Encoding"})
        packed = httpx.post(url, content=gzip.compress(batch(size)), headers=auth, timeout=30)
        assert (plain.status_code, packed.status_code) == (status, status), size


def test_an_attachment_chunk_has_its_own_limit(small_server: Any) -> None:
    auth = sign_in(small_server, "centre", "center", device="raw-pc")
    sha = "cd" * 32
    url = f"{small_server.url}/attachments/{sha}"
    total = 3 * p.ATTACHMENT_CHUNK
    r = httpx.put(url, content=b"\x01" * (p.ATTACHMENT_CHUNK + 1), headers=auth,
                  params={"offset": 0, "total": total})
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"
    assert r.json()["detail"]["limit"] == p.ATTACHMENT_CHUNK
    r = httpx.put(url, content=b"\x01" * p.ATTACHMENT_CHUNK, headers=auth,
                  params={"offset": 0, "total": total})
    assert r.status_code == 200 and r.json()["received"] == p.ATTACHMENT_CHUNK


def test_the_default_limit_takes_a_long_legitimate_batch(server: Any) -> None:
    """500 visits-worth of long text (the client's batch size) in one push: about 9 MiB of
    JSON, well within the default limit."""
    auth = {**sign_in(server, "centre", "center", device="raw-pc"),
            "Content-Type": "application/json", "Content-Encoding": "gzip"}
    text = "走访企业了解生产经营情况，企业反映用电负荷不足、物流成本上升。" * 200
    ops = [enterprise_op(f"企业{i}", notes=text) for i in range(500)]
    raw = json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":")).encode()
    assert 8 * MIB < len(raw) < p.DEFAULT_MAX_BODY
    r = httpx.post(server.url + "/sync/push", content=gzip.compress(raw), headers=auth,
                   timeout=120)
    assert r.status_code == 200
    assert {res["status"] for res in r.json()["results"]} == {"applied"}


# -- the text check against a JSON decoder -----------------------------------------------------
_PIECES = [r"\\", r"\"", r"\n", "a", "吉", "𠮷", "\\", "u", "0"] + [
    rf"\u{h}" for h in ("0000", "0041", "3002", "d800", "dbff", "dc00", "dfff", "D842",
                        "dfb7", "DFB7", "00e9")]


@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=4))
@settings(max_examples=400, deadline=None, derandomize=True)
def test_the_text_check_agrees_with_a_json_decoder(pieces: list[str]) -> None:
    text = "[" + ",".join(f'"{p}"' for p in pieces) + "]"
    try:
        values = json.loads(text)
    except json.JSONDecodeError:
        return  # not JSON (a lone backslash): the decoder refuses it anyway
    chars = "".join(values)
    nul = "\x00" in chars
    half = any(0xD800 <= ord(c) <= 0xDFFF for c in chars)
    problem = text_problem(text.encode())
    if not (nul or half):
        assert problem is None, text
    elif nul and not half:
        assert problem == "nul", text
    elif half and not nul:
        assert problem == "surrogate", text
    else:
        assert problem in ("nul", "surrogate"), text
