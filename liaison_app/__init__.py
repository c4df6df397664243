"""驻企通 Liaison: the desktop app for enterprise liaison officers."""
from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """``__version__`` is read from the installed package's metadata when first asked for:
    importing ``importlib.metadata`` costs the window's start-up time it does not need."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        version = metadata.version("liaison")
    except metadata.PackageNotFoundError:  # a source tree that was not installed
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
