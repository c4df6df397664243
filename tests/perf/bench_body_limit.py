"""How large a legitimate push batch is, to size the server's request body limit.

Run: python tests/perf/bench_body_limit.py

Builds the operations a laptop would push for a demo county (every field of every record, as
a first push sends them), takes the 1,000 largest of each record type (a full batch the
server accepts) and prints the body in bytes as JSON (what the server's limit counts, after
gzip is undone) and gzipped (what travels); then the same for 1,000 visits written at great
length, far beyond what officers type, as the headroom check. Also times the server's check
of a body for NUL and broken characters, on a body with and without escapes.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from liaison_app.core.db import open_database  # noqa: E402
from liaison_app.core.models.base import BOOKKEEPING, SYNCED_MODELS  # noqa: E402
from liaison_app.core.paths import DataPaths  # noqa: E402
from liaison_app.core.services import demo  # noqa: E402
from sync import protocol as p  # noqa: E402
from sync.server.gate import text_problem  # noqa: E402

MIB = 1024 * 1024


def op(table: str, record_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    return {"op_id": "00000000-0000-4000-8000-000000000000", "table": table,
            "record_id": record_id, "base_version": 0, "creating": True, "changes": changes,
            "device_time": dt.datetime(2026, 11, 27, 9, 30).isoformat()}


def body(ops: list[dict[str, Any]]) -> bytes:
    # As the client encodes it (sync/transport.py).
    return json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":")).encode()


def report(label: str, raw: bytes) -> None:
    packed = gzip.compress(raw, compresslevel=4)
    print(f"{label:<44} {len(raw) / MIB:8.2f} MiB JSON {len(packed) / MIB:8.2f} MiB gzip")


def demo_batches() -> float:
    largest = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(DataPaths(Path(tmp)))
        demo.generate(enterprises=300, visits=3000, seed=1)
        for model in SYNCED_MODELS.values():
            names = [n for n in model._meta.sorted_field_names if n not in BOOKKEEPING]
            ops = [op(model.sync_table, rec.id, rec.wire_fields(names))
                   for rec in model.select()]
            if not ops:
                continue
            ops.sort(key=lambda o: len(json.dumps(o, ensure_ascii=False)), reverse=True)
            batch = ops[:p.MAX_BATCH_OPS]
            raw = body(batch)
            largest = max(largest, len(raw) / MIB)
            report(f"demo {model.sync_table} ({len(batch)} ops)", raw)
        db.close()
    return largest


def long_visits() -> bytes:
    text = "走访企业了解生产经营情况，企业反映用电负荷不足、物流成本上升，现场协调供电公司和交通部门。"
    long_text = (text * 100)[:3000]
    ops = [op("visit", f"visit-{i}", {
        "enterprise_id": "ent-1", "visit_at": "2026-11-27T09:30:00", "place": "厂区办公室" * 5,
        "participants": "张三、李四、王五" * 20, "summary": long_text, "problems": long_text,
        "officer_ids": [f"officer-{k}" for k in range(5)], "deleted": False})
        for i in range(p.MAX_BATCH_OPS)]
    return body(ops)


def time_check(raw: bytes, label: str) -> None:
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        text_problem(raw)
        runs.append(time.perf_counter() - start)
    print(f"text check, {label:<38} {statistics.median(runs) * 1000:8.3f} ms median")


def main() -> None:
    largest = demo_batches()
    heavy = long_visits()
    report("1,000 visits of 3,000-character texts", heavy)
    print(f"largest demo batch {largest:.2f} MiB; long visits {len(heavy) / MIB:.2f} MiB; "
          f"server default limit {p.DEFAULT_MAX_BODY / MIB:.0f} MiB")
    time_check(heavy, f"{len(heavy) / MIB:.1f} MiB, no escapes")
    escaped = heavy.replace("。".encode(), b"\\u3002")
    time_check(escaped, f"{len(escaped) / MIB:.1f} MiB, escapes throughout")


if __name__ == "__main__":
    main()
