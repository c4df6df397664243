"""A real headless Chromium at a phone's size, driven by Selenium, for the phone scoring page.

Debian's ``chromium`` and ``chromium-driver`` (installed by ``scripts/setup.sh``); the browser
is started with everything that would reach out to the network switched off.
"""
from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: A common phone: 390 x 844 CSS pixels.
PHONE = {"width": 390, "height": 844, "pixelRatio": 2.0}
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/120.0 Mobile Safari/537.36")


@contextmanager
def phone(profile: Path, *, language: str = "zh-CN,zh", javascript: bool = True
          ) -> Iterator[webdriver.Chrome]:
    for path in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(path) is None:
            raise RuntimeError(f"{path} is missing: run scripts/setup.sh as root (apt-get "
                               "install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", f"--window-size={PHONE['width']},"
                                              f"{PHONE['height']}"):
        options.add_argument(arg)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE,
                                                        "userAgent": PHONE_AGENT})
    # Every request, form posts included, asks for the phone's language.
    options.add_argument(f"--lang={language.split(',')[0]}")
    prefs: dict[str, object] = {"intl.accept_languages": language}
    if not javascript:  # as on a phone whose browser has it switched off
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        yield driver
    finally:
        driver.quit()


def full_page_png(driver: webdriver.Chrome, path: Path) -> Path:
    """The whole page, not only what fits on the screen."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
