"""How dates, numbers and the enterprise header print on every form."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from liaison_app.core.masking import mask_id_number, mask_phone

from .data import EnterpriseInfo
from .toolkit import Field

__all__ = [
    "enterprise_fields",
    "fmt_date",
    "fmt_datetime",
    "fmt_days",
    "fmt_period",
    "fmt_short_date",
    "joined",
    "labelled",
    "shown_id",
    "shown_phone",
]


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_short_date(value: date | None) -> str:
    """Compact date for narrow table columns."""
    return "" if value is None else f"{value.year}.{value.month}.{value.day}"


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{fmt_date(value)} {value.hour:02d}:{value.minute:02d}"


def fmt_period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{fmt_date(start)} 至 {fmt_date(end)}"


def fmt_days(value: int | None) -> str:
    return "" if value is None else f"{value}"


def labelled(label: str, value: str) -> str:
    """``label：value``, or nothing when there is no value (no dangling labels on paper)."""
    return f"{label}：{value}" if value else ""


def joined(values: Iterable[str], sep: str = "、") -> str:
    return sep.join(v for v in values if v)


def shown_id(value: str, *, unmasked: bool) -> str:
    return (value or "").strip() if unmasked else mask_id_number(value)


def shown_phone(value: str, *, unmasked: bool) -> str:
    return (value or "").strip() if unmasked else mask_phone(value)


def enterprise_fields(e: EnterpriseInfo, *, with_contact: bool = True) -> list[list[Field]]:
    """The enterprise rows most forms start with.

    The contact phone is an enterprise's business line and prints in full: the form goes
    back to that same enterprise and the departments need to reach it.
    """
    rows = [
        [Field("企业名称", e.name, wide=True)],
        [Field("统一社会信用代码", e.uscc), Field("所属镇街", joined([e.town, e.park], " "))],
        [Field("企业地址", e.address, wide=True)],
    ]
    if with_contact:
        rows.append([Field("联系人", e.contact_person), Field("联系电话", e.contact_phone)])
    return rows
