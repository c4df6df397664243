"""Start 驻企通 Liaison: no arguments opens the window, arguments run the command line."""
from __future__ import annotations

from liaison_app.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
