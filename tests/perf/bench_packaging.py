"""Figures for packaging and backups; prints them (not a test).

    python tests/perf/bench_packaging.py [--enterprises N] [--visits N] [--attachments-mb N]

Bundle and package sizes (dist/liaison, dist/*.deb, when built), the frozen window's start
time (LIAISON_EXIT_AFTER_PAINT makes it print "painted N ms" and quit), and backup and
restore times of a county-sized database with attachments: on a laptop, and on the server
(filled by a real sync; PostgreSQL too when LIAISON_TEST_PG_URL is set).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.folder_keys import PASSWORD as BENCH_PASSWORD  # noqa: E402
from tests.perf.folder_keys import unlock_every_folder  # noqa: E402

unlock_every_folder()

from liaison_app.core.db import close_database, open_database  # noqa: E402
from liaison_app.core.models import Enterprise  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.services import attachments, backups, demo  # noqa: E402
from tests.perf.bench_sync import make_visits  # noqa: E402


def _mb(n: float) -> str:
    return f"{n / 1_048_576:.1f} MB"


def _tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def sizes() -> None:
    bundle = ROOT / "dist" / "liaison"
    if bundle.exists():
        print(f"bundle dist/liaison: {_mb(_tree_size(bundle))}")
    else:
        print("bundle: not built (packaging/build_bundle.sh)")
    for deb in sorted((ROOT / "dist").glob("*.deb")):
        print(f"package {deb.name}: {_mb(deb.stat().st_size)}")


def frozen_start(runs: int = 3) -> None:
    exe = ROOT / "dist" / "liaison" / "liaison"
    if not exe.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_EXIT_AFTER_PAINT": "1",
               "QT_LOGGING_RULES": "qt.qpa.*=false"}
        subprocess.run([str(exe), "--data-dir", tmp, "--password-stdin", "demo",
                        "--enterprises", "300", "--visits", "3000"], env=env, check=True,
                       capture_output=True, input=BENCH_PASSWORD + "\n", text=True)
        for i in range(runs):
            t0 = time.perf_counter()
            out = subprocess.run([str(exe), "--data-dir", tmp], env=env, capture_output=True,
                                 text=True, timeout=120, stdin=subprocess.DEVNULL)
            wall = (time.perf_counter() - t0) * 1000
            painted = re.search(r"painted (\d+) ms", out.stdout + out.stderr)
            print(f"frozen start #{i + 1}: lock screen painted "
                  f"{painted.group(1) + ' ms' if painted else '?'}, process {wall:.0f} ms")


def backup_restore(*, enterprises: int, visits: int, attachment_mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp) / "county")
        open_database(paths)
        t0 = time.perf_counter()
        demo.generate(enterprises=enterprises, visits=visits)
        print(f"demo county: {enterprises} enterprises, {visits} visits in "
              f"{time.perf_counter() - t0:.1f} s")
        for i in range(attachment_mb):
            attachments.store_bytes(paths.attachments, os.urandom(1_048_576),
                                    filename=f"现场照片{i}.jpg")
        db_size = paths.database.stat().st_size
        t0 = time.perf_counter()
        result = backups.export_backup(paths=paths, target=Path(tmp) / "backup.zip")
        took = time.perf_counter() - t0
        print(f"backup: database {_mb(db_size)} + {attachment_mb} MB attachments -> "
              f"{_mb(result.size)} in {took:.2f} s")
        close_database()
        laptop = DataPaths(Path(tmp) / "laptop")
        t0 = time.perf_counter()
        backups.restore_from_backup(paths=laptop, source=result.path)
        print(f"restore onto a new laptop: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        backups.restore_from_backup(paths=paths, source=result.path, force=True)
        print(f"restore over the existing folder (old one kept): "
              f"{time.perf_counter() - t0:.2f} s")


def _server_blobs(data_dir: Path, megabytes: int) -> None:
    """Attachments as the server keeps them (blobs/ab/<sha256>), without uploading each."""
    import hashlib

    for _ in range(megabytes):
        body = os.urandom(1_048_576)
        sha = hashlib.sha256(body).hexdigest()
        target = data_dir / "blobs" / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def server_backup_restore(*, enterprises: int, visits: int, attachment_mb: int) -> None:
    """A county server filled by a real sync, backed up and restored (SQLite, and
    PostgreSQL when LIAISON_TEST_PG_URL is set)."""
    from sync import client
    from sync.server import backup
    from sync.server.app import ServerConfig
    from sync.server.models import server_db
    from tests.sync.conftest import PASSWORD, LiveServer, reset_postgres

    with tempfile.TemporaryDirectory() as tmp:
        laptop = DataPaths(Path(tmp) / "centre-pc")
        open_database(laptop)
        # Records typed in, not demo data: demo data never leaves the laptop.
        for i in range(enterprises):
            ent = Enterprise(name=f"基准企业{i}", town="城关街道")
            ent.save(force_insert=True)
            make_visits(visits // enterprises, ent.id)
        urls = [("SQLite", f"sqlite:///{Path(tmp) / 'srv-sqlite' / 'server.sqlite3'}")]
        if os.environ.get("LIAISON_TEST_PG_URL"):
            reset_postgres(os.environ["LIAISON_TEST_PG_URL"])
            urls.append(("PostgreSQL", os.environ["LIAISON_TEST_PG_URL"]))
        close_database()
        for kind, url in urls:
            data_dir = Path(tmp) / f"srv-{kind}"
            server = LiveServer(ServerConfig(db_url=url, data_dir=data_dir)).start()
            server.add_user("centre", "center")
            # Each server gets the same records from a copy of the laptop not yet synced.
            copy = DataPaths(Path(tmp) / f"centre-pc-{kind}")
            shutil.copytree(laptop.root, copy.root)
            open_database(copy)
            client.login(server_url=server.url, username="centre", password=PASSWORD)
            t0 = time.perf_counter()
            report = client.SyncEngine(data_paths=copy, page_size=5000,
                                       batch_size=1000).sync_once()
            assert report.ok, report.message
            print(f"server ({kind}): {report.pushed} records pushed in "
                  f"{time.perf_counter() - t0:.1f} s")
            _server_blobs(data_dir, attachment_mb)
            out = Path(tmp) / f"backup-{kind}"
            m = backup.backup_server(db_url=url, data_dir=data_dir, target=out)
            dump = (out / m["dump"]).stat().st_size
            print(f"server backup ({kind}): change {m['change_seq']}, dump {_mb(dump)} + "
                  f"{m['blobs']} attachments ({_mb(m['blob_bytes'])}) in {m['seconds']:.2f} s")
            server.stop()
            db = server_db.obj
            db.close_all() if hasattr(db, "close_all") else db.close()
            wiped = Path(tmp) / f"wiped-{kind}"
            t0 = time.perf_counter()
            if kind == "SQLite":
                restored = backup.restore_server(
                    db_url=f"sqlite:///{wiped / 'server.sqlite3'}", data_dir=wiped, source=out)
            else:
                reset_postgres(url)
                restored = backup.restore_server(db_url=url, data_dir=wiped, source=out)
            print(f"server restore ({kind}) onto an empty machine: "
                  f"{time.perf_counter() - t0:.2f} s ({restored['blobs_added']} attachments)")
            close_database()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--enterprises", type=int, default=2000)
    ap.add_argument("--visits", type=int, default=100_000)
    ap.add_argument("--attachments-mb", type=int, default=200)
    ap.add_argument("--skip-frozen", action="store_true")
    args = ap.parse_args()
    sizes()
    if not args.skip_frozen:
        frozen_start()
    backup_restore(enterprises=args.enterprises, visits=args.visits,
                   attachment_mb=args.attachments_mb)
    server_backup_restore(enterprises=args.enterprises, visits=args.visits,
                          attachment_mb=args.attachments_mb)


if __name__ == "__main__":
    main()
