"""The operators' desk in a real browser: an operator logs in, creates a
batch, uploads two scans (through the resumable upload), watches the
progress reach "indexed" without reloading, opens the flagged page,
uploads a replacement and sees the document updated."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sotarchive.sample_archive import render_pages
from tests.browser import chromium, log_in, log_tail, screenshot, served, wait_for
from tests.conftest import SHORT_RU, add_staff, catalog_rows, make_scan

KYRGYZ = (
    "ЧЕЧИМ\n"
    "Бишкек шаарынын Ленин райондук соту\n"
    "жарандык ишти карап чыгып, доогердин\n"
    "арызын канааттандырууну чечти.\n"
    "Мамлекеттик алым өндүрүлсүн.\n"
)


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("desk-scans")
    clean = render_pages(KYRGYZ, seed=21)[0]
    dark = Image.fromarray((np.asarray(clean, dtype=np.float32) * 0.35).astype(np.uint8), "L")
    dark.save(folder / "чечим-караңгы.png")
    clean.save(folder / "чечим-кайра.png")
    return {
        "good": make_scan(folder / "решение.pdf", SHORT_RU, seed=22),
        "dark": folder / "чечим-караңгы.png",
        "rescan": folder / "чечим-кайра.png",
    }


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("desk") / "data"
    add_staff(data, "aipery", "operator")
    return data


@pytest.fixture(scope="module")
def site(data: Path) -> Iterator[str]:
    with served(data) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    with chromium(tmp_path_factory.mktemp("chromium-desk")) as driver:
        yield driver


def _field(section, name: str) -> str:  # type: ignore[no-untyped-def]
    return section.find_element(By.CSS_SELECTOR, f'span[data-field="{name}"]').text


def test_an_operator_uploads_watches_and_replaces_a_flagged_page(
        site: str, browser: webdriver.Chrome, scans: dict[str, Path], data: Path, tmp_path: Path) -> None:
    log_in(browser, site, "aipery")
    browser.get(site + "/staff/operate/?lang=ru")
    form = browser.find_element(By.ID, "new-batch")
    form.find_element(By.NAME, "name").send_keys("Коробка 7")
    form.find_element(By.NAME, "archive_ref").send_keys("Ф. 1, оп. 3, д. 40–55")
    form.find_element(By.CSS_SELECTOR, "button").click()
    section = wait_for(browser, "section.batch")
    assert "Ф. 1, оп. 3, д. 40–55" in section.text

    files = section.find_element(By.CSS_SELECTOR, 'input[type="file"]')
    files.send_keys(f"{scans['good']}\n{scans['dark']}")
    section.find_element(By.CSS_SELECTOR, "form.dropzone button").click()
    WebDriverWait(browser, 30).until(
        lambda _: len(section.find_elements(By.CSS_SELECTOR, ".uploads li.ok")) == 2)

    # The page is not reloaded: a mark on the window survives only if it is not.
    browser.execute_script("window.notReloaded = true")
    try:
        WebDriverWait(browser, 240, poll_frequency=1).until(
            lambda _: _field(section, "pages") == "2" and _field(section, "indexed") == "2")
    except TimeoutException:
        # Once in three full runs the two pages were not done in 240 s; say what the worker did.
        raise AssertionError(f"pages {_field(section, 'pages')}, indexed {_field(section, 'indexed')} after 240 s; "
                             f"the server's log ends:\n{log_tail(data)}") from None
    assert browser.execute_script("return window.notReloaded") is True
    assert section.find_element(By.CSS_SELECTOR, 'strong[data-field="state"]').text == "готово"
    assert _field(section, "needs_attention") == "1"

    browser.get(site + "/staff/operate/?lang=ru")
    flagged = wait_for(browser, "figure.flagged-page")
    assert "чечим-караңгы.png" in flagged.text and "слишком тёмная" in flagged.text and "too dark" not in flagged.text
    thumb = flagged.find_element(By.TAG_NAME, "img")
    WebDriverWait(browser, 10).until(lambda _: browser.execute_script("return arguments[0].complete", thumb))
    assert browser.execute_script("return arguments[0].naturalWidth", thumb) > 0
    document_link = flagged.find_element(By.CSS_SELECTOR, "figcaption a").get_attribute("href").split("#")[0]
    flagged.find_element(By.CSS_SELECTOR, 'input[name="scan"]').send_keys(str(scans["rescan"]))
    flagged.find_element(By.XPATH, ".//form[contains(@action, '/rescan')]//button").click()
    assert wait_for(browser, "p.ok").text == "Страница заменена: она будет прочитана заново"
    assert not browser.find_elements(By.CSS_SELECTOR, "figure.flagged-page")  # decided

    # The document now reads the new scan, and the old one is still stored.
    deadline = time.monotonic() + 180
    while True:
        browser.get(document_link)  # a new load each time (no fragment: that would only scroll)
        page = wait_for(browser, "#page-1").text
        if "Требует внимания" not in page or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert "Требует внимания" not in page and "Мамлекеттик алым" in page.replace("\n", " "), page
    (replacement, resolution), = catalog_rows(
        data, "SELECT replacement_blob, attention_resolution FROM pages WHERE replacement_blob IS NOT NULL")
    (original,), = catalog_rows(data, "SELECT sha256 FROM documents WHERE source_name = 'чечим-караңгы.png'")
    (actor,), = catalog_rows(data, "SELECT actor FROM events WHERE kind = 'rescanned'")
    assert resolution == "rescanned" and actor == "aipery"
    for digest in (replacement, original):
        assert (data / "blobs" / digest[:2] / digest[2:4] / digest).is_file()
    browser.get(site + "/staff/operate/?lang=ru")
    daily = browser.find_elements(By.CSS_SELECTOR, "#chart-daily rect")  # pages per day, drawn
    assert len(daily) == 1 and "Страниц распознано в день" in browser.find_element(By.ID, "chart-daily").text
    screenshot(browser, "staff-desk-ru")
