"""The rules of a daily report (日报), as plain data in and problems out.

A report template version lists its fields (numbers, yes/no checks, free text); a report holds
its values as a JSON object keyed by field. This module reads field definitions, turns what a
person typed into values, checks a report's values against its version, and works out the
figures the board adds up (people on site, capacity, anomalies). It touches no database and
imports nothing of Qt, so the laptop's grid, the spreadsheet import and the sync server all
apply the same rules.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from liaison_app.core import i18n
from liaison_app.core.validation import Finding, Severity, yes_no

KINDS = ("number", "check", "text")
#: What a field means to the board: the figures that are added up across enterprises.
MEASURES = ("", "people_on_site", "returned", "capacity", "anomaly", "need")
#: Longest free text a report field holds (a paragraph, not a document).
TEXT_MAX = 2000
#: Largest number a count may hold unless the field says otherwise: no enterprise has a
#: million people on site, and a bigger value is a typing slip (or an attack).
NUMBER_MAX = 1_000_000
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
#: Characters no database text column holds (NUL) or that are half of a UTF-16 pair.
_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class FieldDef:
    """One field of a template version."""

    key: str
    label: str
    kind: str = "number"
    required: bool = False
    unit: str = ""
    minimum: int = 0
    maximum: int = NUMBER_MAX
    measure: str = ""
    #: For a check: the answer that is in order. The other answer is an anomaly.
    expected: bool = True

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "label": self.label, "kind": self.kind,
                               "required": self.required}
        if self.unit:
            out["unit"] = self.unit
        if self.kind == "number":
            out["min"], out["max"] = self.minimum, self.maximum
        if self.measure:
            out["measure"] = self.measure
        if self.kind == "check":
            out["expected"] = self.expected
        return out


def _int(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return value


def field_from_json(data: Mapping[str, Any]) -> FieldDef | None:
    """A field definition from its stored form; None for something that is not one.

    Unknown attributes are ignored, so a field written by a newer version still reads.
    """
    key = data.get("key")
    kind = data.get("kind", "number")
    if not isinstance(key, str) or not _KEY.match(key) or kind not in KINDS:
        return None
    measure = data.get("measure", "")
    return FieldDef(
        key=key, label=str(data.get("label") or key)[:60], kind=kind,
        required=bool(data.get("required", False)), unit=str(data.get("unit") or "")[:12],
        minimum=_int(data.get("min"), 0), maximum=_int(data.get("max"), NUMBER_MAX),
        measure=measure if measure in MEASURES else "",
        expected=bool(data.get("expected", True)))


def fields_from_json(data: Any) -> list[FieldDef]:
    """The fields of a version's stored ``fields`` list (malformed entries left out)."""
    if not isinstance(data, list):
        return []
    out: list[FieldDef] = []
    seen: set[str] = set()
    for item in data:
        f = field_from_json(item) if isinstance(item, Mapping) else None
        if f is not None and f.key not in seen:
            seen.add(f.key)
            out.append(f)
    return out


def check_definition(fields: Sequence[FieldDef]) -> list[Finding]:
    """Problems of a list of fields the centre is about to save."""
    findings: list[Finding] = []
    if not fields:
        findings.append(Finding("fields", Severity.ERROR, i18n.translate(
            "DailyRules", "A report needs at least one field.")))
    keys: set[str] = set()
    labels: set[str] = set()
    measures: dict[str, str] = {}
    for f in fields:
        label = f.label.strip()
        if not label:
            findings.append(Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "Every field needs a name.")))
        elif label in labels:
            findings.append(Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "Two fields are named \u201c{label}\u201d.").format(label=label)))
        labels.add(label)
        if not _KEY.match(f.key) or f.key in keys:
            findings.append(Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "The field \u201c{label}\u201d has no usable key.").format(
                label=label)))
        keys.add(f.key)
        if f.kind == "number" and f.minimum > f.maximum:
            findings.append(Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "\u201c{label}\u201d: the smallest allowed value is above the "
                "largest.").format(label=label)))
        if f.measure:
            wanted = {"people_on_site": "number", "returned": "number", "capacity": "number",
                      "anomaly": "text", "need": "text"}[f.measure]
            if f.kind != wanted or f.measure in measures:
                findings.append(Finding(f.key, Severity.ERROR, i18n.translate(
                    "DailyRules", "\u201c{label}\u201d cannot count as {measure}: that needs "
                    "one {kind} field.").format(label=label, measure=MEASURE_LABELS[f.measure],
                                                kind=KIND_LABELS[wanted])))
            measures[f.measure] = f.key
    return findings


KIND_LABELS = {
    "number": i18n.translate("DailyRules", "number"),
    "check": i18n.translate("DailyRules", "yes/no check"),
    "text": i18n.translate("DailyRules", "text"),
}
MEASURE_LABELS = {
    "": i18n.translate("DailyRules", "(nothing)"),
    "people_on_site": i18n.translate("DailyRules", "people on site"),
    "returned": i18n.translate("DailyRules", "returned from outside the county"),
    "capacity": i18n.translate("DailyRules", "capacity in %"),
    "anomaly": i18n.translate("DailyRules", "anomalies"),
    "need": i18n.translate("DailyRules", "needs"),
}


# -- what a person typed -----------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+$")


def _folded(text: str) -> str:
    # Full-width digits and letters come from Chinese input methods.
    return unicodedata.normalize("NFKC", text).strip()


def parse_value(f: FieldDef, text: str) -> tuple[Any, Finding | None]:
    """What ``text`` typed into field ``f`` means: (value, None), or (None, a finding)."""
    raw = text.strip(" \t\r\n\u3000")
    if not raw:
        return None, None
    if f.kind == "text":
        return raw, None
    folded = _folded(raw)
    if f.kind == "check":
        answer = yes_no(folded)
        if answer is not None:
            return answer, None
        return None, Finding(f.key, Severity.ERROR, i18n.translate(
            "DailyRules", "{label}: answer 是 or 否 (or 1 / 0), not \u201c{value}\u201d.").format(
            label=f.label, value=raw))
    number = folded.replace(",", "").replace("，", "").replace(" ", "").rstrip("%人")
    if number.endswith(".0"):
        number = number[:-2]
    if not _NUMBER.match(number):
        return None, Finding(f.key, Severity.ERROR, i18n.translate(
            "DailyRules", "{label}: \u201c{value}\u201d is not a whole number.").format(
            label=f.label, value=raw))
    if len(number.lstrip("+-")) > 18:
        return None, _out_of_range(f)
    return int(number), None


def show_value(f: FieldDef, value: Any) -> str:
    """A stored value as the grid and the printouts show it."""
    if value is None:
        return ""
    if f.kind == "check":
        return "是" if value is True else ("否" if value is False else str(value))
    return str(value)


def _out_of_range(f: FieldDef) -> Finding:
    return Finding(f.key, Severity.ERROR, i18n.translate(
        "DailyRules", "{label} must be between {low} and {high}.").format(
        label=f.label, low=f.minimum, high=f.maximum))


# -- checking a report -------------------------------------------------------------------

def check_report(*, fields: Sequence[FieldDef], values: Any, employees: int | None = None,
                 confirmed: bool = False) -> list[Finding]:
    """Problems of a report's ``values`` against its version's ``fields``.

    Errors block saving (a number that is not one, out of its range, a required field left
    empty, a key the version does not have); a warning needs the person's confirmation
    (``confirmed``): more people on site than the enterprise employs.
    """
    if not isinstance(values, Mapping):
        return [Finding("values", Severity.ERROR, i18n.translate(
            "DailyRules", "The report's values are not a set of fields."))]
    findings: list[Finding] = []
    by_key = {f.key: f for f in fields}
    for key in values:
        if key not in by_key:
            findings.append(Finding(str(key)[:40], Severity.ERROR, i18n.translate(
                "DailyRules", "\u201c{key}\u201d is not a field of this report.").format(
                key=str(key)[:40])))
    for f in fields:
        value = values.get(f.key)
        if value is None:
            if f.required:
                text = (i18n.translate("DailyRules", "{label}: answer this check.")
                        if f.kind == "check" else
                        i18n.translate("DailyRules", "{label} is required."))
                findings.append(Finding(f.key, Severity.ERROR, text.format(label=f.label)))
            continue
        problem = _value_problem(f, value)
        if problem is not None:
            findings.append(problem)
    people = _measure_value(fields, values, "people_on_site")
    returned = _measure_value(fields, values, "returned")
    if people is not None and returned is not None and returned > people:
        key = _measure_key(fields, "returned")
        findings.append(Finding(key, Severity.ERROR, i18n.translate(
            "DailyRules", "Of the {people} people on site, {returned} cannot have returned "
            "from outside the county.").format(people=people, returned=returned)))
    if (people is not None and employees is not None and employees >= 0
            and people > employees and not confirmed):
        findings.append(Finding(_measure_key(fields, "people_on_site"), Severity.WARNING,
                                i18n.translate(
            "DailyRules", "{people} people on site is more than the {employees} employees "
            "the enterprise has; confirm that this is right.").format(
            people=people, employees=employees)))
    return findings


def _value_problem(f: FieldDef, value: Any) -> Finding | None:
    if f.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "{label} must be a number.").format(label=f.label))
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            return Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "{label} must be a whole number.").format(label=f.label))
        if not f.minimum <= value <= f.maximum:
            return _out_of_range(f)
        return None
    if f.kind == "check":
        if not isinstance(value, bool):
            return Finding(f.key, Severity.ERROR, i18n.translate(
                "DailyRules", "{label}: answer 是 or 否.").format(label=f.label))
        return None
    if not isinstance(value, str):
        return Finding(f.key, Severity.ERROR, i18n.translate(
            "DailyRules", "{label} must be text.").format(label=f.label))
    if _BAD_CHAR.search(value):
        return Finding(f.key, Severity.ERROR, i18n.translate(
            "DailyRules", "{label} contains characters that cannot be stored.").format(
            label=f.label))
    if len(value) > TEXT_MAX:
        return Finding(f.key, Severity.ERROR, i18n.translate(
            "DailyRules", "{label} is longer than {n} characters.").format(
            label=f.label, n=TEXT_MAX))
    return None


def _measure_key(fields: Iterable[FieldDef], measure: str) -> str:
    return next((f.key for f in fields if f.measure == measure), measure)


def _measure_value(fields: Sequence[FieldDef], values: Mapping[str, Any], measure: str
                   ) -> int | None:
    for f in fields:
        if f.measure == measure:
            value = values.get(f.key)
            if isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and math.isfinite(value):
                return int(value)
            return None
    return None


# -- what the board adds up --------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    """The numbers of one report that the board and the summary add up across enterprises."""

    people_on_site: int | None
    capacity_pct: int | None
    #: Checks answered against what is in order, plus a written anomaly.
    anomalies: int


def figures(*, fields: Sequence[FieldDef], values: Any) -> Figures:
    """The board's figures of a report; values that do not check out count as absent."""
    if not isinstance(values, Mapping):
        return Figures(None, None, 0)
    usable = {f.key: values.get(f.key) for f in fields
              if values.get(f.key) is not None and _value_problem(f, values[f.key]) is None}
    anomalies = 0
    for f in fields:
        value = usable.get(f.key)
        if f.kind == "check" and value is not None and value is not f.expected:
            anomalies += 1
        elif f.measure == "anomaly" and isinstance(value, str) and value.strip():
            anomalies += 1
    return Figures(_measure_value(fields, usable, "people_on_site"),
                   _measure_value(fields, usable, "capacity"), anomalies)


def problem_lines(*, fields: Sequence[FieldDef], values: Mapping[str, Any]) -> list[str]:
    """What is wrong in a report, in the words the board shows (checks not in order, the
    anomaly written down, the need stated)."""
    out: list[str] = []
    for f in fields:
        value = values.get(f.key)
        if f.kind == "check" and isinstance(value, bool) and value is not f.expected:
            out.append(f"{f.label}：{show_value(f, value)}")
        elif f.measure in ("anomaly", "need") and isinstance(value, str) and value.strip():
            out.append(f"{f.label}：{value.strip()}")
    return out
