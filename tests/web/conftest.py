"""A real headless Chromium (the distribution's ``chromium`` and ``chromedriver`` packages) driven by
Selenium, shared by the whole session; the explorer tests skip, saying why, where there is none.

``.ci/run`` installs the browser when it is missing. Screenshots of every page visited through
``shoot`` are written to tests/web/screenshots/ on each run (gitignored).
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).parent / "screenshots"
DESKTOP = (1280, 900)
PHONE = (375, 812)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",  # without these, Chromium's own calls home fail slowly here
    "--disable-component-update",
    "--disable-sync",
]


def browser_paths() -> tuple[str, str] | str:
    """(chromium, chromedriver), or why they cannot be used."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        return "no Chromium and chromedriver on PATH (apt-get install chromium chromium-driver)"
    return binary, driver


@pytest.fixture(scope="session")
def browser() -> Iterator:
    paths = browser_paths()
    if isinstance(paths, str):
        pytest.skip(f"browser tests skipped: {paths}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kb-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in [*FLAGS, f"--user-data-dir={profile}", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    except Exception as exc:  # a browser that is installed but cannot start here
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"browser tests skipped: Chromium did not start: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(30)
    SCREENSHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser):
    """The browser at desktop size (each test starts from there)."""
    browser.set_window_size(*DESKTOP)
    return browser


def shoot(driver, name: str) -> Path:
    """A full-page screenshot of what the browser shows, as screenshots/<name>.png."""
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1},
        },
    )
    path = SCREENSHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
