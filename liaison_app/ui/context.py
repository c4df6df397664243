"""What every page and dialog is handed: paths, settings, the runner, navigation."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from liaison_app.core.paths import DataPaths
from liaison_app.core.settings import Settings
from liaison_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from liaison_app.ui.sync_controller import SyncController


@dataclass
class AppContext:
    paths: DataPaths
    settings: Settings
    runner: TaskRunner
    #: navigate(page_id, record_id="") switches page and opens a record; set by the window.
    navigate: Callable[[str, str], None] = field(default=lambda page, record="": None)
    #: Tell the window that status-bar facts (officer, sync state) changed.
    status_changed: Callable[[], None] = field(default=lambda: None)
    #: Decides when to sync and words the sync state; set by the main window.
    sync: SyncController | None = None
    #: False for a window that must leave the person's settings file alone (screenshots).
    persist_settings: bool = True

    def save_settings(self) -> None:
        """Main thread. The file write is tiny and atomic."""
        if self.persist_settings:
            self.settings.save(self.paths.settings)
