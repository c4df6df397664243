"""Typed settings: one dataclass, stored as JSON beside the database.

Widgets read and write attributes of ``Settings``; nobody passes string keys around. Unknown
keys in the file are ignored and missing ones take their defaults, so an older or newer file
still loads.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liaison_app.core.files import write_atomic

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


@dataclass
class Settings:
    language: str = "zh_CN"
    #: A TrueType font chosen by the user for printed forms; empty means "find one".
    form_font_path: str = ""
    #: Days between visits an enterprise expects; key enterprises monthly by default.
    key_visit_cadence_days: int = 30
    visit_cadence_days: int = 90
    #: Photos larger than this (longest edge, pixels) are downscaled on attach when asked to.
    photo_max_edge: int = 2048
    #: Days ahead in which a follow-up action counts as "due soon".
    due_soon_days: int = 3
    #: How many automatic backups to keep.
    backups_kept: int = 7
    #: The officer signed in on this device (an Officer id), empty when nobody is.
    officer_id: str = ""
    #: Minutes without input before the window locks (the centre's value, until the centre's
    #: settings sync to the laptop).
    idle_lock_minutes: int = 10
    offered_demo_data: bool = False
    window_geometry: str = ""
    window_state: str = ""
    splitter_states: dict[str, str] = field(default_factory=dict)
    last_page: str = "today"

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", path, exc)
            return cls()
        return cls.from_dict(raw if isinstance(raw, dict) else {})

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in raw:
                continue
            value = raw[f.name]
            expected = type(getattr(defaults, f.name))
            if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
                values[f.name] = value
        settings = cls(**values)
        if settings.language not in LANGUAGES:
            settings.language = "zh_CN"
        return settings

    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-write leaves the old file, never half a file."""
        data = json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=2)
        write_atomic(path, data.encode("utf-8"))
