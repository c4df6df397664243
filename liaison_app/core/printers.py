"""Is a printer ready? Asked of CUPS before a print job is sent, answered in words.

A laptop in a factory meets printers that are unplugged, paused by someone, or out of paper;
Qt sends the job anyway and it waits silently in the queue. So before printing, the app
asks CUPS (``lpstat``/``lpoptions``, present wherever CUPS is: Linux desktops, Kylin, UOS)
for the queue's ``printer-state`` and ``printer-state-reasons`` and says what is wrong.
Where there is no CUPS (Windows) nothing is known and printing goes ahead.

Any thread may call ``printer_problem``; it runs two short commands (about 10 ms).
"""
from __future__ import annotations

import shlex
import shutil
import subprocess

from liaison_app.core import i18n
from liaison_app.core.i18n import Message

#: IPP ``printer-state`` 5: stopped (``cupsdisable``, or a backend that gave up).
_STOPPED = "5"

#: printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) that stop printing.
_REASONS: dict[str, Message] = {
    "media-empty": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is out of paper. Load paper, then print "
        "again."),
    "media-needed": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is out of paper. Load paper, then print "
        "again."),
    "media-jam": i18n.translate(
        "Printers", "Paper is jammed in the printer \u201c{name}\u201d. Clear the jam, then "
        "print again."),
    "toner-empty": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is out of toner or ink. Replace it, then "
        "print again."),
    "marker-supply-empty": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is out of toner or ink. Replace it, then "
        "print again."),
    "door-open": i18n.translate(
        "Printers", "A door or cover of the printer \u201c{name}\u201d is open. Close it, "
        "then print again."),
    "cover-open": i18n.translate(
        "Printers", "A door or cover of the printer \u201c{name}\u201d is open. Close it, "
        "then print again."),
    "offline": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is off or not connected. Switch it on "
        "and check its cable, then print again."),
    "shutdown": i18n.translate(
        "Printers", "The printer \u201c{name}\u201d is off or not connected. Switch it on "
        "and check its cable, then print again."),
}
_MISSING = i18n.translate(
    "Printers", "There is no printer \u201c{name}\u201d on this computer. Choose another "
    "printer, or set it up again in the system settings.")
_PAUSED = i18n.translate(
    "Printers", "The printer \u201c{name}\u201d is paused. Resume it in the system's printer "
    "settings, then print again.")
_REFUSING = i18n.translate(
    "Printers", "The printer \u201c{name}\u201d is not accepting jobs. Enable it in the "
    "system's printer settings, then print again.")

NO_PRINTER = i18n.translate(
    "Printers", "No printer is set up on this computer. Add one in the system settings, or "
    "save the form as PDF.")
#: Qt could not open the job at all (a queue CUPS knows nothing wrong about).
NOT_STARTED = i18n.translate(
    "Printers", "The printer \u201c{name}\u201d could not be started. Check that it is "
    "switched on and connected, then print again.")


def _run(*args: str) -> subprocess.CompletedProcess[str] | None:
    tool = shutil.which(args[0])
    if tool is None:
        return None
    try:
        return subprocess.run([tool, *args[1:]], capture_output=True, text=True, timeout=5,
                              env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})
    except (OSError, subprocess.TimeoutExpired):
        return None


def parse_options(text: str) -> dict[str, str]:
    """``lpoptions -p NAME``'s ``key=value`` words as a dict (quoted values kept whole)."""
    out = {}
    for word in shlex.split(text):
        key, _sep, value = word.partition("=")
        out[key] = value
    return out


def problem_from_attributes(name: str, attributes: dict[str, str]) -> Message | None:
    """What stops ``name`` from printing, judged from its CUPS attributes; None if nothing."""
    reasons = [r for r in attributes.get("printer-state-reasons", "none").split(",") if r]
    for reason in reasons:
        # "-report" and "-warning" reasons (paper low) do not stop a job.
        base = reason.removesuffix("-error")
        if reason.endswith(("-report", "-warning")):
            continue
        if base in _REASONS:
            return _REASONS[base].format(name=name)
    if attributes.get("printer-state") == _STOPPED or "paused" in reasons:
        return _PAUSED.format(name=name)
    if attributes.get("printer-is-accepting-jobs", "true") == "false":
        return _REFUSING.format(name=name)
    return None


def printer_problem(*, name: str) -> Message | None:
    """Why the CUPS queue ``name`` cannot print now, in words; None when it can, or when
    this computer has no CUPS to ask."""
    listed = _run("lpstat", "-p", name)
    if listed is None:
        return None
    if listed.returncode != 0:
        return _MISSING.format(name=name)
    options = _run("lpoptions", "-p", name)
    if options is None or options.returncode != 0:
        return None
    return problem_from_attributes(name, parse_options(options.stdout))
