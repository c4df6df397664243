"""The laptop's today, asked in one place.

Days matter here (a daily report belongs to a day, a pass is valid until one, a letter is
numbered within a year), and the app stays open past midnight: every part that needs today
asks this function, so they agree with each other and a test can hold the day still.
"""
from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
