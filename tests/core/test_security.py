"""Personal data at rest: nothing readable on disk, nothing opens without the password,
wrong passwords slow down, a plain folder is converted without loss even when killed."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from liaison_app.core.db import (
    DatabaseOpenError,
    OpenProblem,
    close_database,
    connect_raw,
    is_plain,
    make_database,
    open_database,
)
from liaison_app.core.migrations import run_migrations
from liaison_app.core.models import Enterprise, Worker
from liaison_app.core.paths import DataPaths
from liaison_app.core.security import conversion, crypto, session
from liaison_app.core.security.keystore import (
    Keystore,
    TooSoon,
    WrongSecret,
    delay_after,
    normalise_recovery_code,
)
from liaison_app.core.services import attachments, audit, backups, enterprises, roster
from liaison_app.core.services.enterprises import EnterpriseInput
from tests.conftest import TEST_KDF, TEST_KEY

pytestmark = pytest.mark.real_lock

PASSWORD = "正确的密码 correct horse"
NAME = "张𠮷祥"
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
ENTERPRISE = "齐河县示范化工有限公司"


def _set_up(paths: DataPaths, password: str = PASSWORD) -> str:
    code = session.set_up(paths, password=password, kdf=TEST_KDF)
    session.open_unlocked(paths)
    return code


def _personal_data(paths: DataPaths) -> list[str]:
    """An enterprise, a worker with ID and phone, and a photo whose bytes hold them too."""
    ent = enterprises.create(data=EnterpriseInput(name=ENTERPRISE, contact_name=NAME,
                                                  contact_phone=PHONE))
    roster.create(enterprise_id=ent.id, data=roster.WorkerInput(
        name=NAME, id_number=ID_NUMBER, phone=PHONE, workshop="一车间", post="操作工"),
        confirm_warnings=True)
    text = f"{NAME} {ID_NUMBER} {PHONE} {ENTERPRISE}"
    payload = b"".join(text.encode(enc) for enc in ("utf-8", "utf-16-le", "gb18030")) * 50
    stored = attachments.store_bytes(paths.attachments, payload, filename=f"{NAME}.jpg")
    return [stored.sha256]


def _needles() -> list[bytes]:
    out = []
    for value in (NAME, ID_NUMBER, PHONE, ENTERPRISE, "齐河县"):
        for enc in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
            try:
                out.append(value.encode(enc))
            except UnicodeEncodeError:
                continue
    return out


def _assert_unreadable(blob: bytes, where: str) -> None:
    for needle in _needles():
        assert needle not in blob, f"{needle!r} readable in {where}"


def _every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_nothing_personal_is_readable_anywhere_in_the_data_folder(data_paths, tmp_path):
    _set_up(data_paths)
    _personal_data(data_paths)
    Enterprise._meta.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    from liaison_app.core.db import backup_database

    backup_database(Enterprise._meta.database, data_paths, reason="daily")
    export = backups.export_backup(paths=data_paths, target=tmp_path / "export.zip").path
    close_database()
    files = _every_file(data_paths.root) + [export]
    assert any(p.name.endswith("-daily.sqlite3") for p in files)
    assert any(p.parent.parent.name == "attachments" for p in files)
    for path in files:
        _assert_unreadable(path.read_bytes(), str(path))
    # Inside the archive too (stored, not deflated, so the bytes are the same).
    with zipfile.ZipFile(export) as zf:
        for name in zf.namelist():
            _assert_unreadable(zf.read(name), f"{export}:{name}")


def test_a_copied_database_does_not_open_without_the_password(data_paths, tmp_path):
    _set_up(data_paths)
    _personal_data(data_paths)
    close_database()
    session.forget(data_paths)
    stolen = DataPaths(tmp_path / "stolen")
    stolen.root.mkdir()
    for path in data_paths.root.iterdir():
        if path.is_file():
            (stolen.root / path.name).write_bytes(path.read_bytes())
    # No key in this process: refused in words.
    with pytest.raises(DatabaseOpenError) as info:
        open_database(stolen)
    assert info.value.problem is OpenProblem.LOCKED
    # Plain SQLite sees noise; SQLCipher with a guessed key sees nothing either.
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(stolen.database).execute("SELECT count(*) FROM sqlite_master").fetchone()
    guess = connect_raw(stolen.database, key=TEST_KEY)
    with pytest.raises(Exception, match="not a database"):
        guess.execute("SELECT count(*) FROM sqlite_master").fetchone()
    guess.close()
    with pytest.raises(WrongSecret):
        session.unlock(stolen, secret="wrong password")
    session.unlock(stolen, secret=PASSWORD)
    open_database(stolen)
    assert [e.name for e in Enterprise.select()] == [ENTERPRISE]
    worker = Worker.get()
    assert worker.id_number == ID_NUMBER and worker.name == NAME


def test_wrong_passwords_slow_down_and_a_restart_does_not_reset_it(data_paths):
    _set_up(data_paths)
    close_database()
    session.forget(data_paths)
    waits = []
    for _ in range(5):
        with pytest.raises(WrongSecret) as info:
            session.unlock(data_paths, secret="guess")
        waits.append(info.value.wait)
        store = Keystore.load(data_paths.root)
        store.not_before = 0.0  # skip the wait here; the delays themselves are checked
        store.save()
    assert waits == [0.0, 0.0, 2.0, 4.0, 8.0]
    assert [delay_after(n) for n in (12, 40)] == [900.0, 900.0]
    # The next attempt is refused before any password is checked, also after a "restart"
    # (a fresh read of the key file), even with the right password.
    store = Keystore.load(data_paths.root)
    store.not_before = time.time() + 60
    store.save()
    with pytest.raises(TooSoon) as info:
        session.unlock(data_paths, secret=PASSWORD)
    assert 55 < info.value.wait <= 60
    store = Keystore.load(data_paths.root)
    assert store.failures == 5
    store.not_before = 0.0
    store.save()
    session.unlock(data_paths, secret=PASSWORD)
    assert Keystore.load(data_paths.root).failures == 0
    # The outcomes reach the audit log when the database opens.
    session.open_unlocked(data_paths)
    actions = [e.action for e in audit.recent(actions=("unlock", "unlock_failed", "setup"))]
    assert actions.count("unlock_failed") == 5 and "unlock" in actions and "setup" in actions
    close_database()


def test_the_recovery_code_opens_and_a_new_password_replaces_the_old(data_paths):
    code = _set_up(data_paths)
    _personal_data(data_paths)
    close_database()
    session.forget(data_paths)
    typed = code.lower().replace("-", " ")  # as a person types it off paper
    assert normalise_recovery_code(typed) == code
    session.unlock(data_paths, secret=typed)
    session.change_password(data_paths, new_password="a brand new password")
    new_code = session.new_recovery_code(data_paths)
    session.forget(data_paths)
    with pytest.raises(WrongSecret):
        session.unlock(data_paths, secret=PASSWORD)
    with pytest.raises(WrongSecret):
        session.unlock(data_paths, secret=code)
    session.unlock(data_paths, secret="a brand new password")
    session.forget(data_paths)
    session.unlock(data_paths, secret=new_code)
    open_database(data_paths)
    assert Worker.get().id_number == ID_NUMBER  # nothing lost
    close_database()


def test_a_pin_needs_the_keyring_and_is_withdrawn_after_five_failures(data_paths, monkeypatch):
    from liaison_app.core.security import keyring_access

    _set_up(data_paths)
    monkeypatch.setattr(keyring_access, "secure_keyring", lambda: None)
    assert not session.pin_available()
    assert not session.set_pin(data_paths, pin="2468")
    ring: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(keyring_access, "put",
                        lambda s, n, v: ring.__setitem__((s, n), v) or True)
    monkeypatch.setattr(keyring_access, "get", lambda s, n: ring.get((s, n)))
    assert session.set_pin(data_paths, pin="2468")
    close_database()
    session.forget(data_paths)
    session.unlock(data_paths, secret="2468")
    session.forget(data_paths)
    # Without the pepper (another computer's keyring, or a copied key file) the PIN is noise.
    saved = dict(ring)
    ring.clear()
    with pytest.raises(WrongSecret):
        session.unlock(data_paths, secret="2468")
    ring.update(saved)
    for _ in range(4):
        store = Keystore.load(data_paths.root)
        store.not_before = 0.0
        store.save()
        with pytest.raises(WrongSecret):
            session.unlock(data_paths, secret="1111")
    assert not Keystore.load(data_paths.root).has("pin")
    store = Keystore.load(data_paths.root)
    store.not_before = 0.0
    store.save()
    with pytest.raises(WrongSecret):
        session.unlock(data_paths, secret="2468")


def test_attachment_streams_are_chunked_authenticated_and_seekable(tmp_path):
    key = crypto.new_data_key()
    store = attachments.AttachmentStore(tmp_path / "att", key)
    data = os.urandom(3 * crypto.CHUNK + 123)
    sha, size = store.put_stream(io.BytesIO(data))
    assert size == len(data) and store.size(sha) == len(data)
    with store.open(sha) as fh:
        fh.seek(crypto.CHUNK * 2 + 7)
        assert fh.read(100) == data[crypto.CHUNK * 2 + 7:crypto.CHUNK * 2 + 107]
    raw = bytearray(store.path(sha).read_bytes())
    assert data[:1000] not in raw
    # One flipped bit, a missing tail or another key: refused, never misread.
    raw[crypto.HEADER_BYTES + crypto.CHUNK + 50] ^= 1
    store.path(sha).write_bytes(bytes(raw))
    with pytest.raises(attachments.AttachmentError), store.open(sha) as fh:
        fh.read()
    store.path(sha).write_bytes(bytes(raw[:-(crypto.CHUNK // 2)]))
    with pytest.raises(attachments.AttachmentError), store.open(sha) as fh:
        fh.read()
    other = attachments.AttachmentStore(tmp_path / "att", crypto.new_data_key())
    sha2, _ = store.put_stream(io.BytesIO(b"x" * 10))
    assert other.thumbnail(sha2) is None
    with pytest.raises(attachments.AttachmentError):
        other.read_bytes(sha2)


def test_a_large_photo_streams_through_without_being_held_whole(tmp_path):
    import tracemalloc

    key = crypto.new_data_key()
    store = attachments.AttachmentStore(tmp_path / "att", key)
    source = tmp_path / "big.jpg"
    with source.open("wb") as fh:
        for _ in range(50):
            fh.write(os.urandom(1 << 20))
    tracemalloc.start()
    stored = store.put_file(source)
    digest = store.plain_sha256(stored.sha256)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert digest == stored.sha256 and stored.size == 50 << 20
    assert peak < 8 << 20, f"peak {peak / 1e6:.1f} MB"


# -- converting a folder written before encryption ---------------------------------------------
def _plain_folder(paths: DataPaths, *, visits: int = 400) -> dict[str, object]:
    """A plain (schema 4) folder as the previous release left it, with attachments."""
    from liaison_app.core.services import demo

    open_database(paths, plain=True)
    demo.generate(enterprises=20, visits=visits, officers=4, seed=3)
    enterprises.create(data=EnterpriseInput(name=ENTERPRISE, contact_name=NAME,
                                            contact_phone=PHONE))
    db = Enterprise._meta.database
    counts = {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in ("enterprise", "visit", "outbox", "search_doc", "worker")}
    close_database()
    blobs = {}
    for i in range(12):
        body = f"{NAME}{ID_NUMBER} 照片 {i} ".encode() * (2000 + 500 * i)
        import hashlib

        sha = hashlib.sha256(body).hexdigest()
        target = attachments.blob_path(paths.attachments, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        blobs[sha] = body
    backups_dir = paths.backups
    backups_dir.mkdir(parents=True, exist_ok=True)
    (backups_dir / "liaison-20250101-000000-daily.sqlite3").write_bytes(
        paths.database.read_bytes())
    return {"counts": counts, "blobs": blobs}


def _check_converted(paths: DataPaths, expected: dict[str, object]) -> None:
    assert not is_plain(paths.database)
    assert not conversion.pending(paths)
    open_database(paths)
    db = Enterprise._meta.database
    counts = {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in expected["counts"]}
    # The outbox also holds the audit entries of the set-up and unlocks since.
    assert counts.pop("outbox") >= expected["counts"]["outbox"]
    assert counts == {k: v for k, v in expected["counts"].items() if k != "outbox"}
    from liaison_app.core import search

    assert search.search(ENTERPRISE[:4])
    close_database()
    store = attachments.AttachmentStore.for_paths(paths)
    for sha, body in expected["blobs"].items():
        assert store.is_encrypted(sha) and store.read_bytes(sha) == body
    for path in _every_file(paths.root):
        _assert_unreadable(path.read_bytes(), str(path))


def test_a_plain_folder_is_encrypted_with_everything_in_it(data_paths):
    expected = _plain_folder(data_paths)
    assert session.folder_state(data_paths) is session.FolderState.PLAIN
    session.set_up(data_paths, password=PASSWORD, kdf=TEST_KDF)
    session.open_unlocked(data_paths)
    close_database()
    _check_converted(data_paths, expected)


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from liaison_app.core.paths import DataPaths
    from liaison_app.core.security import session
    paths = DataPaths(Path(sys.argv[1]))
    if session.folder_state(paths) is session.FolderState.PLAIN:
        session.set_up(paths, password=sys.argv[2],
                       kdf=__import__("tests.conftest", fromlist=["x"]).TEST_KDF)
    else:
        session.unlock(paths, secret=sys.argv[2])
    print("converting", flush=True)
    session.open_unlocked(paths)
    print("done", flush=True)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_conversion_killed_at_random_points_loses_nothing(data_paths, tmp_path):
    expected = _plain_folder(data_paths, visits=1500)
    script = tmp_path / "convert.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rng = random.Random(12)
    finished = False
    kills = 0
    for attempt in range(10):
        proc = subprocess.Popen([sys.executable, str(script), str(data_paths.root), PASSWORD],
                                stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout.readline().strip() == "converting"
        time.sleep(rng.uniform(0.0, 0.6) * (attempt + 1) / 4)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        out, _ = proc.communicate()
        if "done" in out:
            finished = True
            break
        # Whatever state it was left in, the data is there: plain or encrypted, never gone.
        assert data_paths.database.exists()
        assert Keystore.exists(data_paths.root)
    assert kills >= 2, "the conversion finished before it could be interrupted"
    if not finished:
        session.unlock(data_paths, secret=PASSWORD)
        session.open_unlocked(data_paths)
        close_database()
    session.remember(data_paths, session.unlock(data_paths, secret=PASSWORD))
    _check_converted(data_paths, expected)


def test_every_earlier_plain_schema_converts_then_migrates(data_paths):
    data_paths.root.mkdir(parents=True)
    db = make_database(data_paths.database)
    db.connect()
    run_migrations(db, current=0, target=1)
    db.execute_sql(
        "INSERT INTO enterprise (id, version, created_at, updated_at, created_by, deleted, name, "
        "uscc, town, park, address, industry, is_key, legal_rep, contact_name, contact_phone, "
        "employees, officer_ids, visit_cadence_days, notes) VALUES ('e1', 0, '2024-01-01', "
        "'2024-01-01', '', 0, ?, '', '', '', '', '', 0, '', '', '', NULL, '[]', NULL, '')",
        (ENTERPRISE,))
    db.close()
    _set_up(data_paths)
    assert Enterprise.get_by_id("e1").name == ENTERPRISE
    close_database()
    # The pre-migration backup is encrypted too.
    for path in _every_file(data_paths.root):
        _assert_unreadable(path.read_bytes(), str(path))


# -- backups -------------------------------------------------------------------------------------
def test_a_backup_restores_on_a_new_laptop_with_its_own_password(data_paths, tmp_path):
    _set_up(data_paths)
    shas = _personal_data(data_paths)
    export = backups.export_backup(paths=data_paths, target=tmp_path / "b.zip").path
    manifest = json.loads(zipfile.ZipFile(export).read("manifest.json"))
    assert manifest["format_version"] == 2 and manifest["key_id"]
    close_database()
    laptop = DataPaths(tmp_path / "new-laptop")
    backups.restore_from_backup(paths=laptop, source=export)
    assert session.folder_state(laptop) is session.FolderState.LOCKED
    session.unlock(laptop, secret=PASSWORD)
    open_database(laptop)
    assert Worker.get().id_number == ID_NUMBER
    store = attachments.AttachmentStore.for_paths(laptop)
    assert store.plain_sha256(shas[0]) == shas[0]
    close_database()


def test_a_backup_of_another_key_asks_for_its_password_and_takes_this_laptops_key(
        data_paths, tmp_path):
    _set_up(data_paths)
    shas = _personal_data(data_paths)
    export = backups.export_backup(paths=data_paths, target=tmp_path / "b.zip").path
    close_database()
    other = DataPaths(tmp_path / "other-laptop")
    _set_up(other, password="other laptop password")
    close_database()
    with pytest.raises(backups.NeedsBackupPassword):
        backups.restore_from_backup(paths=other, source=export, force=True)
    with pytest.raises(backups.NeedsBackupPassword):
        backups.restore_from_backup(paths=other, source=export, force=True,
                                    backup_password="not it")
    backups.restore_from_backup(paths=other, source=export, force=True,
                                backup_password=PASSWORD)
    session.forget(other)
    session.unlock(other, secret="other laptop password")  # this laptop's password still
    open_database(other)
    assert Worker.get().name == NAME
    store = attachments.AttachmentStore.for_paths(other)
    assert store.plain_sha256(shas[0]) == shas[0]
    close_database()


def test_a_plain_backup_from_before_encryption_is_encrypted_on_restore(data_paths, tmp_path):
    expected = _plain_folder(data_paths, visits=50)
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(old, "w") as zf:
        digest = __import__("hashlib").sha256(data_paths.database.read_bytes()).hexdigest()
        zf.writestr("manifest.json", json.dumps({
            "format": "liaison-backup", "format_version": 1, "app_version": "0.1.0",
            "schema_version": 4, "created_at": "2025-01-01T00:00:00+08:00",
            "attachments": len(expected["blobs"]), "attachment_bytes": 0,
            "database_sha256": digest, "pending_changes": 0}))
        zf.write(data_paths.database, "liaison.sqlite3")
        for sha, body in expected["blobs"].items():
            zf.writestr(f"attachments/{sha[:2]}/{sha}", body)
    laptop = DataPaths(tmp_path / "laptop")
    _set_up(laptop)
    close_database()
    backups.restore_from_backup(paths=laptop, source=old, force=True)
    session.open_unlocked(laptop)
    close_database()
    _check_converted(laptop, expected)
