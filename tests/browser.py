"""What the browser tests share: the served site, headless Chromium, logging in."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import ROOT, STAFF_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_log(data_dir: Path) -> Path:
    """Where served() keeps what the server and its worker print: a test
    that waits on the worker says its last lines when the wait runs out."""
    return data_dir.parent / f"{data_dir.name}-serve.log"


def log_tail(data_dir: Path, lines: int = 40) -> str:
    log = serve_log(data_dir)
    return "\n".join(log.read_text("utf-8", "replace").splitlines()[-lines:]) if log.exists() else "(no log)"


@contextmanager
def served(data_dir: Path) -> Iterator[str]:
    """`sotarchive serve` on a free port over this data directory (with the
    worker it starts beside it on the embedded broker)."""
    port = free_port()
    log = serve_log(data_dir).open("ab")
    server = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "serve", "--port", str(port)],
        env=dict(os.environ, SOTARCHIVE_DATA_DIR=str(data_dir)),
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("the server did not start")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(30)
        log.close()


@contextmanager
def chromium(profile: Path, downloads: Path | None = None) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1200,1600", f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads), "download.prompt_for_download": False,
            "plugins.always_open_pdf_externally": True,
        })
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(browser: webdriver.Chrome, css: str, seconds: float = 10):  # type: ignore[no-untyped-def]
    return WebDriverWait(browser, seconds).until(ready.presence_of_element_located((By.CSS_SELECTOR, css)))


def log_in(browser: webdriver.Chrome, site: str, username: str) -> None:
    browser.delete_all_cookies()
    browser.get(site + "/login")
    browser.find_element(By.NAME, "username").send_keys(username)
    password = browser.find_element(By.NAME, "password")
    password.send_keys(STAFF_PASSWORD)
    password.submit()
    wait_for(browser, "form.inline button")  # the logout button: logged in


AXE = resources.files("axe_selenium_python") / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("SOTARCHIVE_SCREENSHOTS", ROOT / "screenshots"))


def serious_violations(browser: webdriver.Chrome) -> list[str]:
    """axe-core (shipped in the axe-selenium-python wheel) run on the open
    page: the rules broken with a serious or critical impact, each with the
    first elements it names."""
    browser.execute_script(AXE.read_text("utf-8"))
    violations = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); });")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def screenshot(browser: webdriver.Chrome, name: str) -> Path:
    """The page as the visitor sees it, kept in screenshots/ (CI keeps the folder)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    browser.save_screenshot(str(path))
    return path
