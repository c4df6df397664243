"""The day the suite runs on, fixed when it starts: ``liaison_app.core.clock.today`` answers
it in every test (``conftest``), so a run that crosses midnight does not compare a record of
one day with a page that has moved on to the next."""
from __future__ import annotations

import datetime as dt

TODAY = dt.date.today()
