"""The one schema of every synced table, derived from the peewee models.

A synced model declares its table, scope, writers and centre-owned fields (``SyncedModel``'s
``sync_*`` attributes); its peewee fields give the rest: each column's type, length, choices,
whether it may be null, whether a new record must carry it, and which records it refers to.
From that one declaration:

- the server validates every field an operation pushes (type, range, length, choice, date,
  text a database can hold) and refuses a bad operation with a reason a person can read, so
  a value one laptop could store but another could not read never reaches anyone;
- the laptop checks every pulled record the same way before applying it, and sets aside
  what it cannot apply instead of stopping;
- the order pages are applied in (parents first), the scope of a record and the conflict
  policy of a field are read by both sides from the same place.

The wire names are the database column names (``enterprise_id``, not ``enterprise``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee

import liaison_app.core.models  # noqa: F401 - every synced model registers itself on import
from liaison_app.core.models.base import SYNCED_MODELS, SyncedModel
from liaison_app.core.models.fields import HashField, JSONField
from liaison_app.core.models.sync_spec import (
    ALL,
    SELF,
    Policy,
    Writers,
    default_policy,
    officer_scope,
)

#: Columns every record has that the client keeps for itself; never taken from a push.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})
#: Longest text a multi-line field may hold: a long visit summary is a few thousand
#: characters, a pasted document some tens of thousands.
TEXT_MAX = 100_000
#: Largest JSON value (its compact encoding, in characters) a JSON column may hold.
JSON_MAX = 200_000
#: SQLite and PostgreSQL integers are 64-bit.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
ID_RE = re.compile(r"^[0-9A-Za-z_.:-]{1,64}$")
#: Record ids are the laptops' primary keys (``SyncedModel.id``): no longer than this.
ID_MAX = 36
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
#: A character no database text column holds (NUL) or that is half of a UTF-16 pair.
_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class Problem:
    """Why a value was refused: ``code`` is stable (for translations), ``field`` the column."""

    field: str
    code: str
    limit: int | None = None
    #: (English, Chinese) when the check that found it says more than its code can (a
    #: content check's own sentence, e.g. which score is outside which scale).
    words: tuple[str, str] | None = None

    def text_en(self) -> str:
        if self.words is not None:
            return self.words[0]
        return _PROBLEM_TEXT[self.code][0].format(field=self.field, limit=self.limit)

    def text_zh(self) -> str:
        if self.words is not None:
            return self.words[1]
        return _PROBLEM_TEXT[self.code][1].format(field=self.field, limit=self.limit)


_PROBLEM_TEXT: dict[str, tuple[str, str]] = {
    "unknown_field": ("{field}: this version of the server does not know the field",
                      "{field}：服务器的版本不认识该项"),
    "report_values": ("{field}: the report does not follow its template",
                      "{field}：日报内容不符合其模板"),
    "sheet_rules": ("{field}: the score sheet does not fit its round",
                    "{field}：测评表不符合本轮测评"),
    "required": ("{field}: missing", "{field}：缺少此项"),
    "null": ("{field}: may not be empty", "{field}：不能为空"),
    "type": ("{field}: wrong kind of value", "{field}：数值类型不对"),
    "too_long": ("{field}: longer than {limit} characters", "{field}：超过 {limit} 个字符"),
    "out_of_range": ("{field}: number out of range", "{field}：数值超出范围"),
    "choice": ("{field}: not one of the allowed values", "{field}：不是允许的取值"),
    "date": ("{field}: not a date (YYYY-MM-DD)", "{field}：不是日期（年-月-日）"),
    "datetime": ("{field}: not a date and time", "{field}：不是日期时间"),
    "id": ("{field}: not a record id", "{field}：不是记录编号"),
    "sha256": ("{field}: not a file hash (64 hexadecimal characters)",
               "{field}：不是文件摘要（64 位十六进制）"),
    "bad_text": ("{field}: contains characters that cannot be stored",
                 "{field}：含有无法保存的字符"),
    "json_shape": ("{field}: wrong structure", "{field}：结构不对"),
    "centre_owned": ("{field}: only the service centre can change this field",
                     "{field}：只有服务中心可以修改此项"),
    "server_owned": ("{field}: only the server sets this field", "{field}：此项只能由服务器设定"),
    "reference_missing": ("{field}: the record it refers to does not exist on the server",
                          "{field}：所引用的记录在服务器上不存在"),
    "reference_other_enterprise": ("{field}: the record it belongs to is in another enterprise",
                                   "{field}：所属的记录属于另一家企业"),
    "reference_out_of_scope": ("{field}: the record it refers to is not assigned to you",
                               "{field}：所引用的记录不属于您负责的范围"),
    "scope_missing": ("{field}: the record names no enterprise", "{field}：记录没有所属企业"),
    "not_uploaded": ("{field}: the file was not sent by you and is not one you may read",
                     "{field}：该文件不是由您上传，也不在您可查看的范围内"),
    "append_only": ("{field}: audit entries cannot be changed or deleted",
                    "{field}：审计记录不能修改或删除"),
}


def clean_text(value: str) -> bool:
    """Whether a string can be stored by every database and encoded as UTF-8."""
    return _BAD_CHAR.search(value) is None


def json_size(value: Any, depth: int = 0) -> int:
    """About how many characters ``value`` takes as JSON; -1 when a database or another
    laptop could not hold it (bad text, an integer over 64 bits, nesting beyond reason)."""
    if isinstance(value, str):
        return len(value) + 2 if _BAD_CHAR.search(value) is None else -1
    if value is None or isinstance(value, (bool, float)):
        return 5
    if isinstance(value, int):
        return 20 if INT_MIN <= value <= INT_MAX else -1
    if depth > 20:
        return -1
    total = 2
    if isinstance(value, list):
        for item in value:
            size = json_size(item, depth + 1)
            if size < 0:
                return -1
            total += size + 1
        return total
    if isinstance(value, dict):
        for key, item in value.items():
            size = json_size(item, depth + 1)
            if size < 0 or not isinstance(key, str) or _BAD_CHAR.search(key) is not None:
                return -1
            total += size + len(key) + 4
        return total
    return -1


def all_storable(mappings: Iterable[Mapping[Any, Any]]) -> bool:
    """Whether every key and value of every mapping passes ``json_size`` (keys: clean text).
    For many at once, where nearly all do: plain values are tested by type and range and all
    the text by one regex pass, nested ones by ``json_size``. May answer False for mappings
    that pass (the caller then looks at each), never True for one that does not."""
    texts: list[str] = []
    for mapping in mappings:
        for key, value in mapping.items():
            if type(key) is not str:
                return False
            texts.append(key)
            kind = type(value)
            if kind is str:
                texts.append(value)
            elif kind is int:
                if not INT_MIN <= value <= INT_MAX:
                    return False
            elif value is None or kind is bool or kind is float:
                continue
            elif json_size(value) < 0:
                return False
    # "\n" is no bad character, and joining cannot pair halves of a UTF-16 pair.
    return _BAD_CHAR.search("\n".join(texts)) is None


@dataclass(frozen=True)
class FieldSpec:
    """One column as the wire carries it."""

    name: str
    #: str | text | int | float | bool | date | datetime | json | ref | sha256
    kind: str
    nullable: bool
    #: A new record must carry it (no default, not nullable).
    required: bool
    max_length: int | None = None
    choices: frozenset[str] | None = None
    #: The table a ``ref`` column points to.
    ref: str | None = None
    #: For json: list or dict when the column's default says so.
    shape: type | None = None
    #: A foreign key: "" names no record and is not a value (the database refuses it).
    foreign: bool = False

    def problem(self, value: Any) -> str | None:
        """The problem code of ``value`` for this column, or None when it is fine."""
        if value is None:
            return None if self.nullable else "null"
        return _CHECKS[self.kind](self, value)


def _text_problem(spec: FieldSpec, value: Any) -> str | None:
    if not isinstance(value, str):
        return "type"
    if _BAD_CHAR.search(value) is not None:
        return "bad_text"
    if spec.kind == "str":
        if spec.max_length is not None and len(value) > spec.max_length:
            return "too_long"
        if spec.choices is not None and value not in spec.choices:
            return "choice"
        return None
    if spec.kind == "text":
        return "too_long" if len(value) > (spec.max_length or TEXT_MAX) else None
    if spec.kind == "ref":
        # An empty reference is "none" in columns that are not foreign keys.
        if not value:
            return "id" if spec.foreign else None
        return None if ID_RE.match(value) and len(value) <= ID_MAX else "id"
    if spec.kind == "sha256":
        return None if SHA_RE.match(value) else "sha256"
    if spec.kind == "date":
        return None if _is_date(value) else "date"
    return None if _is_datetime(value) else "datetime"


def _bool_problem(spec: FieldSpec, value: Any) -> str | None:
    return None if value is True or value is False else "type"


def _int_problem(spec: FieldSpec, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "type"
    return None if INT_MIN <= value <= INT_MAX else "out_of_range"


def _float_problem(spec: FieldSpec, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "type"
    return None if value == value and abs(value) < 1e300 else "out_of_range"


def _json_problem(spec: FieldSpec, value: Any) -> str | None:
    if spec.shape is not None and not isinstance(value, spec.shape):
        return "json_shape"
    size = json_size(value)
    if size < 0:
        return "bad_text"
    return "too_long" if size > JSON_MAX else None


_CHECKS = {"str": _text_problem, "text": _text_problem, "ref": _text_problem,
           "sha256": _text_problem, "date": _text_problem, "datetime": _text_problem,
           "bool": _bool_problem, "int": _int_problem, "float": _float_problem,
           "json": _json_problem}


_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d{1,6})?)?$")
_LONG_DIGITS = re.compile(r"\d{19}")
_DATETIME_LINES = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?$",
                             re.MULTILINE)


def _is_date(value: str) -> bool:
    # The form every laptop writes, nothing else ISO allows (2025-W01-1 is a date too).
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_datetime(value: str) -> bool:
    # Naive ISO times as the laptops write them; a zone would sort and compare differently
    # from every other stored time.
    if not _DATETIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class TableSchema:
    table: str
    #: The column holding the enterprise id, or ``SELF`` / ``ALL``.
    scope: str
    writers: Writers
    fields: Mapping[str, FieldSpec]
    #: Foreign-key columns and the tables they point to: parents are sent and applied first.
    parents: Mapping[str, str]
    #: Every column that names another record (foreign keys and declared references).
    refs: Mapping[str, str]
    centre_owned: frozenset[str]
    #: Columns only the server sets.
    server_owned: frozenset[str] = frozenset()
    #: Column naming the officer a record without an enterprise is private to.
    owner_column: str = ""
    #: (table column, id column) of a reference to a record of any type (an attachment's
    #: owner); the owner must exist and belong to the same enterprise.
    owner_ref: tuple[str, str] | None = None
    #: column -> the column whose being set freezes it (a letter's year, once numbered).
    frozen_once: Mapping[str, str] = field(default_factory=dict)
    policies: Mapping[str, Policy] = field(default_factory=dict)

    def policy(self, name: str) -> Policy:
        if name in self.policies:
            return self.policies[name]
        if name in self.centre_owned:
            return Policy.CENTRE
        return default_policy(name)

    def scope_key(self, record_id: str, data: Mapping[str, Any]) -> str:
        """The enterprise id a record belongs to ("" for records everyone sees)."""
        if self.scope == SELF:
            return record_id
        if self.scope == ALL:
            return ""
        value = data.get(self.scope)
        if isinstance(value, str) and value:
            return value
        owner = data.get(self.owner_column) if self.owner_column else None
        return officer_scope(owner) if isinstance(owner, str) and owner else ""

    def check(self, changes: Mapping[str, Any], *, creating: bool,
              ignore_unknown: bool = False) -> list[Problem]:
        """Problems of a pushed change (or a pulled record's data), column by column."""
        problems: list[Problem] = []
        for name, value in changes.items():
            if name in BOOKKEEPING:
                continue
            spec = self.fields.get(name)
            if spec is None:
                if not ignore_unknown:
                    problems.append(Problem(name, "unknown_field"))
                continue
            code = spec.problem(value)
            if code is not None:
                limit = spec.max_length or (TEXT_MAX if spec.kind == "text" else None)
                problems.append(Problem(name, code, limit if code == "too_long" else None))
        if creating:
            problems.extend(Problem(name, "required") for name, spec in self.fields.items()
                            if spec.required and name not in changes)
        return problems

    def suspects(self, datas: Sequence[Mapping[str, Any]], *,
                 creating: Sequence[bool]) -> set[int]:
        """The positions of the records among ``datas`` that ``check`` (ignoring unknown
        fields) might find a problem in; every other one has none.

        A first pull checks tens of thousands of records; checking them a column at a time
        costs a few passes in C per column instead of a Python call per value. A column that
        fails its quick test is looked at value by value, so only the records at fault are
        named (and ``check`` then says why)."""
        out: set[int] = set()
        for name, spec in self.fields.items():
            where = [i for i, d in enumerate(datas) if name in d]
            if spec.required and len(where) < len(datas):
                have = set(where)
                out.update(i for i, c in enumerate(creating) if c and i not in have)
            if not where:
                continue
            values = [datas[i][name] for i in where]
            if not _column_passes(spec, values):
                out.update(i for i, v in zip(where, values, strict=True)
                           if spec.problem(v) is not None)
        return out


def _column_passes(spec: FieldSpec, values: list[Any]) -> bool:
    """Whether every value passes ``spec.problem``, tested for the whole column at once.
    May answer False for a column that would pass (the caller then checks value by value),
    never True for one that would not."""
    types = set(map(type, values))
    if type(None) in types:
        if not spec.nullable:
            return False
        types.discard(type(None))
        values = [v for v in values if v is not None]
    if not values:
        return True
    kind = spec.kind
    if kind == "bool":
        return types == {bool}
    if kind == "int":
        return types == {int} and INT_MIN <= min(values) and max(values) <= INT_MAX
    if kind == "json":
        return _json_column_passes(spec, values, types)
    if kind == "float":
        return all(spec.problem(v) is None for v in values)
    if types != {str}:
        return False
    # One search over the column: "\n" is not a bad character, and it cannot pair halves
    # of a UTF-16 pair that were apart.
    joined = "\n".join(values)
    if _BAD_CHAR.search(joined) is not None:
        return False
    if kind == "str":
        return ((spec.max_length is None or max(map(len, values)) <= spec.max_length)
                and (spec.choices is None or set(values) <= spec.choices))
    if kind == "text":
        return max(map(len, values)) <= (spec.max_length or TEXT_MAX)
    if kind == "datetime":
        # One line per value (no value holds a line break), every line of the form, and
        # every one a real moment (no 31 April).
        if (joined.count("\n") != len(values) - 1
                or len(_DATETIME_LINES.findall(joined)) != len(values)):
            return False
        try:
            list(map(dt.datetime.fromisoformat, values))
        except ValueError:
            return False
        return True
    # Dates, references and hashes repeat: each distinct value is checked once.
    return all(spec.problem(v) is None for v in set(values))


def _json_column_passes(spec: FieldSpec, values: list[Any], types: set[type]) -> bool:
    """``_column_passes`` for JSON values decoded from the wire, through their encoding
    (a pass in C) instead of a walk of every value in Python. Each test errs on the side of
    "look closer": an encoding no longer than a twentieth of the limit stays within it (a
    value's size counts a number as 20 characters), no more brackets than the nesting allowed
    means no deeper nesting, a run of 19 digits may be a number beyond 64 bits, and a NUL is
    written as an escape."""
    if spec.shape is not None and types != {spec.shape}:
        return False
    texts = [json.dumps(v, ensure_ascii=False) for v in values]
    joined = "\n".join(texts)
    return (_BAD_CHAR.search(joined) is None and "\\u0000" not in joined
            and _LONG_DIGITS.search(joined) is None
            and max(map(len, texts)) <= JSON_MAX // 20
            and max(t.count("[") + t.count("{") for t in texts) <= 20)


def _kind(f: peewee.Field) -> str:
    if isinstance(f, peewee.ForeignKeyField):
        return "ref"
    if isinstance(f, HashField):
        return "sha256"
    if isinstance(f, JSONField):
        return "json"
    if isinstance(f, peewee.BooleanField):
        return "bool"
    if isinstance(f, peewee.DateTimeField):
        return "datetime"
    if isinstance(f, peewee.DateField):
        return "date"
    if isinstance(f, (peewee.IntegerField, peewee.BigIntegerField)):
        return "int"
    if isinstance(f, (peewee.FloatField, peewee.DecimalField)):
        return "float"
    if isinstance(f, peewee.CharField):
        return "str"
    if isinstance(f, peewee.TextField):
        return "text"
    raise TypeError(f"{f.model.__name__}.{f.name}: no wire type for {type(f).__name__}")


def _choices(f: peewee.Field) -> frozenset[str] | None:
    if not f.choices:
        return None
    return frozenset(c[0] if isinstance(c, tuple) else c for c in f.choices)


def _shape(f: peewee.Field) -> type | None:
    default = f.default
    if default in (list, dict):
        return default
    return None


def _field_spec(f: peewee.Field, refs: Mapping[str, str]) -> FieldSpec:
    kind = _kind(f)
    ref = None
    if isinstance(f, peewee.ForeignKeyField):
        ref = getattr(f.rel_model, "sync_table", "") or None
    elif f.column_name in refs:
        kind, ref = "ref", refs[f.column_name]
    return FieldSpec(
        name=f.column_name, kind=kind, nullable=bool(f.null),
        required=f.default is None and not f.null,
        max_length=getattr(f, "max_length", None) if kind == "str" else None,
        choices=_choices(f), ref=ref, shape=_shape(f) if kind == "json" else None,
        foreign=isinstance(f, peewee.ForeignKeyField))


def table_schema(model: type[SyncedModel]) -> TableSchema:
    declared_refs = dict(model.sync_refs)
    fields: dict[str, FieldSpec] = {}
    parents: dict[str, str] = {}
    for f in model._meta.sorted_fields:
        if f.column_name in BOOKKEEPING:
            continue
        spec = _field_spec(f, declared_refs)
        fields[spec.name] = spec
        if isinstance(f, peewee.ForeignKeyField) and spec.ref:
            parents[spec.name] = spec.ref
    refs = {name: spec.ref for name, spec in fields.items() if spec.ref}
    unknown = (set(model.sync_centre_owned) | set(model.sync_server_owned) | set(declared_refs)
               | set(model.sync_policies) | ({model.sync_owner_column} - {""})
               | set(model.sync_owner_ref or ()) | set(model.sync_frozen_once)
               | set(model.sync_frozen_once.values())) - set(fields)
    if unknown:
        raise TypeError(f"{model.__name__} declares sync rules for unknown columns {unknown}")
    if model.sync_scope not in (SELF, ALL) and model.sync_scope not in fields:
        raise TypeError(f"{model.__name__}: scope column {model.sync_scope} does not exist")
    return TableSchema(
        table=model.sync_table, scope=model.sync_scope, writers=Writers(model.sync_writers),
        fields=fields, parents=parents, refs=refs,
        centre_owned=frozenset(model.sync_centre_owned),
        server_owned=frozenset(model.sync_server_owned), owner_column=model.sync_owner_column,
        owner_ref=model.sync_owner_ref, frozen_once=dict(model.sync_frozen_once),
        policies=dict(model.sync_policies))


def build(models: Iterable[type[SyncedModel]]) -> dict[str, TableSchema]:
    """Schemas in the order the models were declared, which puts parents first."""
    return {m.sync_table: table_schema(m) for m in models}


#: Every synced table, parents before children.
SCHEMA: dict[str, TableSchema] = build(SYNCED_MODELS.values())
#: Tables everyone sees.
ALL_TABLES: tuple[str, ...] = tuple(t for t, s in SCHEMA.items() if s.scope == ALL)


def describe() -> dict[str, Any]:
    """The schema as plain data (for the snapshot test and the protocol notes)."""
    out: dict[str, Any] = {}
    for table, s in SCHEMA.items():
        out[table] = {
            "scope": s.scope, "writers": s.writers.value,
            "centre_owned": sorted(s.centre_owned), "server_owned": sorted(s.server_owned),
            "owner_column": s.owner_column,
            "policies": {k: v.value for k, v in sorted(s.policies.items())},
            "fields": {name: {k: (sorted(v) if isinstance(v, frozenset) else
                                  (v.__name__ if isinstance(v, type) else v))
                              for k, v in vars(spec).items() if v not in (None, False)
                              and k != "name"}
                       for name, spec in s.fields.items()},
        }
    return out
