"""The county's wall-clock time, for what the server stamps the way the laptops do.

Laptops keep when something happened as the time on their own clock (naive, China Standard
Time in practice); a phone's score sheet stamped by the server must read the same way beside
the paper sheets, whatever zone the server machine runs in (containers often run in UTC).
``LIAISON_SERVER_TIMEZONE`` names the county's zone, ``Asia/Shanghai`` unless set.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)

ENV_TIMEZONE = "LIAISON_SERVER_TIMEZONE"
DEFAULT_TIMEZONE = "Asia/Shanghai"


@functools.lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("%s=%r is not a time zone this machine knows; the server's own local "
                    "time is used", ENV_TIMEZONE, name)
        return None


def county_now() -> dt.datetime:
    """Now on the county's clocks, naive, to the second."""
    zone = _zone(os.environ.get(ENV_TIMEZONE, "").strip() or DEFAULT_TIMEZONE)
    now = dt.datetime.now(zone) if zone is not None else dt.datetime.now()
    return now.replace(tzinfo=None, microsecond=0)
