"""Who is acting on this device: stamped on every record the officer creates."""
from __future__ import annotations

import threading

_lock = threading.Lock()
_officer_id = ""
_device_id = ""


def set_actor(*, officer_id: str, device_id: str = "") -> None:
    """Set at sign-in (main thread); read by every thread that saves records."""
    global _officer_id, _device_id
    with _lock:
        _officer_id = officer_id
        if device_id:
            _device_id = device_id


def current_officer_id() -> str:
    return _officer_id


def current_device_id() -> str:
    return _device_id
