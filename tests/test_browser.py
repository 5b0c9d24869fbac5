"""The site in a real browser: headless Chromium, the served app, real data."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(ingested_samples: Path) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "serve", "--port", str(port)],
        env=dict(os.environ, SOTARCHIVE_DATA_DIR=str(ingested_samples)),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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
        server.wait(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1200,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_search_in_kyrgyz_then_open_the_decision(site: str, browser: webdriver.Chrome, tmp_path: Path) -> None:
    browser.get(site + "/?lang=ky")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("мамлекеттик алым")
    box.submit()
    WebDriverWait(browser, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, "article.hit")))
    assert "Табылды: 1" in browser.page_source
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "article.hit mark")]
    assert "мамлекеттик" in marks
    browser.find_element(By.CSS_SELECTOR, "article.hit h2 a").click()
    WebDriverWait(browser, 10).until(ready.presence_of_element_located((By.ID, "page-1")))
    assert "Жумабеков" in browser.find_element(By.ID, "page-1").text
    image = browser.find_element(By.CSS_SELECTOR, "#page-1 img")
    WebDriverWait(browser, 10).until(lambda _: browser.execute_script("return arguments[0].complete", image))
    assert browser.execute_script("return arguments[0].naturalWidth", image) == 2480
    browser.save_screenshot(str(tmp_path / "document.png"))


def test_interface_language_switches_and_sticks(site: str, browser: webdriver.Chrome) -> None:
    browser.get(site + "/?lang=ru")
    assert browser.find_element(By.TAG_NAME, "button").text == "Найти"
    browser.get(site + "/")  # the choice is remembered
    assert browser.find_element(By.TAG_NAME, "button").text == "Найти"
    browser.find_element(By.LINK_TEXT, "ky").click()
    assert browser.find_element(By.TAG_NAME, "button").text == "Издөө"
