"""What the window reads in its first second after the unlock must not load the printing
library: ReportLab takes a third of a second to import, and 工作台 reads its services on the
main thread right after the window appears, so the window would freeze that long."""
from __future__ import annotations

import os
import subprocess
import sys

from liaison_app.ui.lock_screen import WINDOW_MODULES


def test_the_services_the_window_reads_first_load_no_printing_library() -> None:
    code = ("import importlib, sys\n"
            f"for name in {list(WINDOW_MODULES)!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PIL'}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=os.getcwd())
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
