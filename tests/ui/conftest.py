"""UI fixtures: the app's context over a real temporary database, offscreen, in Chinese."""
from __future__ import annotations

import pytest

from liaison_app.core.settings import Settings


@pytest.fixture
def ctx(qapp, store):
    from liaison_app.ui.context import AppContext
    from liaison_app.ui.i18n import install_language
    from liaison_app.ui.tasks import TaskRunner

    install_language("zh_CN")
    settings = Settings()
    runner = TaskRunner()
    context = AppContext(paths=store, settings=settings, runner=runner)
    yield context
    runner.shutdown()


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:
    """Wait until every background task has delivered its result to the main thread."""
    qtbot.waitUntil(lambda: not ctx.runner.is_busy(), timeout=timeout)


@pytest.fixture
def sync_page(qtbot, ctx):
    """The 同步 page with its controller, shown and filled."""
    from liaison_app.ui.pages.sync_page import SyncPage
    from liaison_app.ui.sync_controller import SyncController

    ctx.sync = SyncController(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page
