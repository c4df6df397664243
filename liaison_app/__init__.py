"""驻企通 Liaison: the desktop app for enterprise liaison officers."""
from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("liaison")
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
