#!/usr/bin/env python3
"""Translation files: extract, fill, check and compile.

Each Python module with translatable text has its own ``resources/i18n/zh_CN/<module>.ts``
(Qt Linguist format), so people working on different modules never edit the same file;
``lrelease`` merges them all into one ``liaison_zh_CN.qm`` that the app loads.

    python scripts/i18n.py update            # extract new strings from the sources
    python scripts/i18n.py fill FILE.tsv [GLOB]  # set translations ("source<TAB>translation"
                                             # lines) in the .ts files matching GLOB
    python scripts/i18n.py missing           # list strings without a zh_CN translation
    python scripts/i18n.py compile           # build the .qm the app loads
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n" / "zh_CN"
QM_FILE = ROOT / "resources" / "i18n" / "liaison_zh_CN.qm"
SOURCE_DIRS = ("liaison_app", "sync")
#: The server speaks to programs and administrators, not through the app's translator.
EXCLUDED = ("sync/server/",)
MARKERS = ("tr(", "translate(", "QT_TRANSLATE_NOOP")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project's dependencies first")
    return found


def source_files() -> list[Path]:
    files = []
    for top in SOURCE_DIRS:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if any(rel.startswith(x) for x in EXCLUDED):
                continue
            if any(m in path.read_text(encoding="utf-8") for m in MARKERS):
                files.append(path)
    return files


def ts_for(source: Path) -> Path:
    rel = source.relative_to(ROOT).with_suffix("")
    return TS_DIR / (".".join(rel.parts) + ".ts")


def _extract(source: Path, target: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", str(source), "-ts", str(target)],
                   check=True, capture_output=True)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    out = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _has_translation(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    numerus = tr.findall("numerusform")
    return bool(numerus and all((n.text or "").strip() for n in numerus)) or bool(
        (tr.text or "").strip())


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for source in source_files():
        ts = ts_for(source)
        _extract(source, ts)
        if not _messages(ts):
            ts.unlink()
            continue
        wanted.add(ts)
    for stale in TS_DIR.glob("*.ts"):
        if stale not in wanted:
            stale.unlink()


def fill(tsv: Path, only: str = "*") -> int:
    table: dict[str, str] = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            src, dst = line.split("\t", 1)
            table[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")
    changed = 0
    for ts in sorted(TS_DIR.glob(only if only.endswith(".ts") else only + ".ts")):
        tree = ET.parse(ts)
        dirty = False
        for message in tree.getroot().iter("message"):
            src = message.findtext("source") or ""
            if src in table and not _has_translation(message):
                tr = message.find("translation")
                if tr is None:
                    tr = ET.SubElement(message, "translation")
                tr.text = table[src]
                tr.attrib.pop("type", None)
                dirty = True
                changed += 1
        if dirty:
            _write(tree, ts)
    return changed


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    # lupdate's layout: <context> at the margin, so files it rewrites do not churn.
    lines = ET.tostring(tree.getroot(), encoding="unicode").split("\n")
    body = "\n".join(line[4:] if line.startswith("    ") else line for line in lines)
    # lupdate escapes quotes in text too; ElementTree does not.
    body = re.sub(r"(<(source|translation|extracomment|comment)\b[^>]*>)(.*?)(</\2>)",
                  lambda m: m[1] + m[3].replace("'", "&apos;").replace('"', "&quot;") + m[4],
                  body, flags=re.DOTALL)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def missing() -> list[tuple[str, str, str]]:
    """(module, context, source) of every string in the sources without a translation."""
    translated: set[tuple[str, str]] = set()
    for ts in TS_DIR.glob("*.ts"):
        for ctx, src, message in _messages(ts):
            if _has_translation(message):
                translated.add((ctx, src))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in source_files():
            target = Path(tmp) / (source.stem + ".ts")
            _extract(source, target)
            for ctx, src, _message in _messages(target):
                if (ctx, src) not in translated:
                    out.append((source.relative_to(ROOT).as_posix(), ctx, src))
            target.unlink()
    return out


def compile_qm(target: Path = QM_FILE) -> Path:
    files = sorted(TS_DIR.glob("*.ts"))
    target.parent.mkdir(parents=True, exist_ok=True)
    if not files:
        return target
    # Written beside the target and renamed: a running app or test that has the catalogue
    # open never sees it half-written.
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".qm.partial")
    os.close(fd)
    try:
        subprocess.run([_tool("pyside6-lrelease"), *map(str, files), "-qm", tmp],
                       check=True, capture_output=True)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def compile_if_stale(target: Path = QM_FILE) -> Path:
    """Compile only when a translation file is newer than the catalogue."""
    newest = max((ts.stat().st_mtime for ts in TS_DIR.glob("*.ts")), default=0.0)
    if not target.exists() or target.stat().st_mtime < newest:
        compile_qm(target)
    return target


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command = argv[0]
    if command == "update":
        update()
    elif command == "fill":
        print(f"{fill(Path(argv[1]), *argv[2:3])} translations set")
    elif command == "missing":
        rows = missing()
        for module, ctx, src in rows:
            print(f"{module}\t{ctx}\t{src!r}")
        return 1 if rows else 0
    elif command == "compile":
        print(compile_qm())
    elif command == "compile-if-stale":
        print(compile_if_stale())
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
