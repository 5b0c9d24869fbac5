"""The site in a real browser: headless Chromium, the served app, real data
(the sample archive, processed and published)."""

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

from tests.conftest import ROOT, STAFF_PASSWORD, add_staff

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(published_samples: Path) -> Iterator[str]:
    add_staff(published_samples, "judge", "judge")
    add_staff(published_samples, "admin", "admin")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sotarchive", "serve", "--port", str(port)],
        env=dict(os.environ, SOTARCHIVE_DATA_DIR=str(published_samples)),
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
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1200,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
    })
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(browser: webdriver.Chrome, css: str):  # type: ignore[no-untyped-def]
    return WebDriverWait(browser, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, css)))


def _log_in(browser: webdriver.Chrome, site: str, username: str) -> None:
    browser.delete_all_cookies()
    browser.get(site + "/login")
    browser.find_element(By.NAME, "username").send_keys(username)
    password = browser.find_element(By.NAME, "password")
    password.send_keys(STAFF_PASSWORD)
    password.submit()
    _wait(browser, "form.inline button")  # the logout button: logged in


def test_a_visitor_searches_in_kyrgyz_filters_by_year_opens_a_decision_and_downloads_it(
        site: str, browser: webdriver.Chrome, downloads: Path, tmp_path: Path) -> None:
    browser.delete_all_cookies()
    browser.get(site + "/?lang=ky")
    browser.find_element(By.NAME, "q").send_keys("мамлекеттик алым")
    browser.find_element(By.NAME, "from").send_keys("2020")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    _wait(browser, "p[role=status]")
    assert "Табылды: 0" in browser.page_source  # no decision of 2020 or later says it
    year_from = browser.find_element(By.NAME, "from")
    year_from.clear()
    year_from.send_keys("2019")
    browser.find_element(By.NAME, "to").send_keys("2019")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    _wait(browser, "article.hit")
    assert "Табылды: 1" in browser.page_source
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "article.hit mark")]
    assert "мамлекеттик" in marks
    assert "Жумабеков" not in browser.page_source and ".tif" not in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "article.hit h2 a").click()
    _wait(browser, "#page-1")
    assert "/decisions/" in browser.current_url
    page_text = browser.find_element(By.ID, "page-1").text
    assert "Жумабеков" not in page_text and "А. Э. Ж." in page_text
    image = browser.find_element(By.CSS_SELECTOR, "#page-1 img")
    WebDriverWait(browser, 10).until(lambda _: browser.execute_script("return arguments[0].complete", image))
    assert browser.execute_script("return arguments[0].naturalWidth", image) == 2480  # the redacted scan
    browser.save_screenshot(str(tmp_path / "decision.png"))

    browser.find_element(By.PARTIAL_LINK_TEXT, "PDF").click()
    deadline = time.monotonic() + 20
    while not [p for p in downloads.glob("*.pdf")] and time.monotonic() < deadline:
        time.sleep(0.2)
    (pdf,) = downloads.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "мамлекеттик" in text and "Жумабеков" not in text


def test_a_judge_reads_the_full_text_and_the_view_is_audited(site: str, browser: webdriver.Chrome) -> None:
    _log_in(browser, site, "judge")
    browser.get(site + "/staff/?lang=ky")
    browser.find_element(By.NAME, "q").send_keys("мамлекеттик алым")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    _wait(browser, "article.hit h2 a").click()
    _wait(browser, "#page-1")
    assert "Жумабеков" in browser.find_element(By.ID, "page-1").text  # the original, for staff
    document_id = browser.current_url.rstrip("/").rsplit("/", 1)[1]

    _log_in(browser, site, "admin")
    browser.get(site + "/staff/audit")
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#audit tbody tr")]
    assert any(" judge view " in f" {row} " and document_id in row for row in rows), rows
    browser.delete_all_cookies()


def test_interface_language_switches_and_sticks(site: str, browser: webdriver.Chrome) -> None:
    browser.get(site + "/?lang=ru")
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Найти"
    browser.get(site + "/")  # the choice is remembered
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Найти"
    browser.find_element(By.LINK_TEXT, "ky").click()
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Издөө"
