"""The site in a real browser: headless Chromium, the served app, real data
(the sample archive, processed and published)."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from anonymise.names import name_base
from tests.browser import chromium, log_in, screenshot, serious_violations, served, wait_for
from tests.conftest import add_staff


@pytest.fixture(scope="module")
def site(published_samples: Path) -> Iterator[str]:
    add_staff(published_samples, "judge", "judge")
    add_staff(published_samples, "admin", "admin")
    add_staff(published_samples, "reviewer", "reviewer")
    with served(published_samples) as url:
        yield url


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[webdriver.Chrome]:
    with chromium(tmp_path_factory.mktemp("chromium"), downloads) as driver:
        yield driver


def test_a_visitor_searches_in_kyrgyz_filters_by_year_opens_a_decision_and_downloads_it(
        site: str, browser: webdriver.Chrome, downloads: Path, tmp_path: Path) -> None:
    browser.delete_all_cookies()
    browser.get(site + "/?lang=ky")
    browser.find_element(By.NAME, "q").send_keys("мамлекеттик алым")
    browser.find_element(By.NAME, "from").send_keys("2020")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    wait_for(browser, "p[role=status]")
    assert "0 чечим табылды" in browser.page_source  # no decision of 2020 or later says it
    year_from = browser.find_element(By.NAME, "from")
    year_from.clear()
    year_from.send_keys("2019")
    browser.find_element(By.NAME, "to").send_keys("2019")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    wait_for(browser, "article.hit")
    assert "1 чечим табылды" in browser.page_source
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "article.hit mark")]
    assert "мамлекеттик" in marks
    assert "Жумабеков" not in browser.page_source and ".tif" not in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "article.hit h2 a").click()
    wait_for(browser, "#page-1")
    assert "/decisions/" in browser.current_url
    page_text = browser.find_element(By.ID, "page-1").text
    assert "Жумабеков" not in page_text and "А. Э. Ж." in page_text
    image = browser.find_element(By.CSS_SELECTOR, "#page-1 img")
    WebDriverWait(browser, 10).until(lambda _: browser.execute_script("return arguments[0].complete", image))
    assert browser.execute_script("return arguments[0].naturalWidth", image) == 2480  # the redacted scan
    full = browser.find_element(By.CSS_SELECTOR, "#page-1 figcaption a")  # the scan at full size, to zoom
    assert full.get_attribute("href") == image.get_attribute("src") and full.text == "Барактын сүрөтү толук өлчөмдө"
    screenshot(browser, "public-decision-scan-ky")

    browser.find_element(By.PARTIAL_LINK_TEXT, "PDF").click()
    deadline = time.monotonic() + 20
    while not [p for p in downloads.glob("*.pdf")] and time.monotonic() < deadline:
        time.sleep(0.2)
    (pdf,) = downloads.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "мамлекеттик" in text and "Жумабеков" not in text


def test_a_judge_reads_the_full_text_and_the_view_is_audited(site: str, browser: webdriver.Chrome) -> None:
    log_in(browser, site, "judge")
    browser.get(site + "/staff/?lang=ky")
    browser.find_element(By.NAME, "q").send_keys("мамлекеттик алым")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    wait_for(browser, "article.hit h2 a").click()
    wait_for(browser, "#page-1")
    assert "Жумабеков" in browser.find_element(By.ID, "page-1").text  # the original, for staff
    document_id = browser.current_url.rstrip("/").rsplit("/", 1)[1]
    screenshot(browser, "staff-document-ky")
    browser.get(site + "/staff/?q=суд&lang=ky")  # the facets drawn: decisions per year and per court
    bars = browser.find_elements(By.CSS_SELECTOR, "#chart-years rect")
    assert len(bars) >= 3 and all(float(b.get_attribute("width")) > 0 for b in bars)
    assert "Жылдар боюнча чечимдер" in browser.find_element(By.ID, "chart-years").text
    assert browser.find_elements(By.CSS_SELECTOR, "#chart-courts rect")
    screenshot(browser, "staff-search-ky")
    header = browser.find_element(By.TAG_NAME, "header")
    assert header.size["height"] < 140, header.size  # the staff's menu on one band, not wrapped twice

    log_in(browser, site, "admin")
    browser.get(site + "/staff/audit")
    found = browser.find_elements(By.CSS_SELECTOR, "#audit tbody tr")
    rows = [r.text for r in found]
    assert any(" judge түп нусканы окуду " in f" {r.text} " and f"/staff/documents/{document_id}" in r.get_attribute("innerHTML")
               and "Бишкек шаарынын Ленин райондук сотунун" in r.text for r in found), rows  # the act by its title
    assert not any(" from " in row for row in rows)  # "судья, дареги 127.0.0.1": said in Kyrgyz
    screenshot(browser, "staff-audit-ky")
    browser.delete_all_cookies()


def test_interface_language_switches_and_sticks(site: str, browser: webdriver.Chrome) -> None:
    browser.get(site + "/?lang=ru")
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Найти"
    browser.get(site + "/")  # the choice is remembered
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Найти"
    browser.find_element(By.LINK_TEXT, "Кыргызча").click()
    assert browser.find_element(By.CSS_SELECTOR, "form.search button").text == "Издөө"


# Latin words a Kyrgyz or Russian page may show: names of formats and of the
# query language's fields, which are typed as they are.
LATIN_ALLOWED = {"PDF", "API", "OR", "court", "year", "type", "lang", "article", "criminal", "civil", "ky", "ru", "en",
                 "administrative", "economic", "mixed", "CSRF", "English"}  # English: the switch names each language in itself


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_public_pages_are_accessible_and_speak_the_visitors_language(
        site: str, browser: webdriver.Chrome, lang: str) -> None:
    """Home, results, a decision, the login form and a missing page: no
    serious accessibility fault (axe-core), no English interface word, and
    a screenshot of each for anyone to look at."""
    browser.delete_all_cookies()
    browser.get(f"{site}/?q=суд&lang={lang}")
    wait_for(browser, "article.hit")
    decision = browser.find_element(By.CSS_SELECTOR, "article.hit h2 a").get_attribute("href")
    pages = {"home": f"{site}/?lang={lang}", "results": f"{site}/?q=суд&lang={lang}", "decision": decision,
             "login": f"{site}/login?lang={lang}", "missing": f"{site}/decisions/no-such-decision?lang={lang}",
             "query-error": f"{site}/?q=(суд&lang={lang}"}
    faults, english = {}, {}
    for name, url in pages.items():
        browser.get(url)
        wait_for(browser, "main")
        faults[name] = serious_violations(browser)
        shown = browser.find_element(By.TAG_NAME, "body").text
        chrome = "\n".join(e.text for e in browser.find_elements(
            By.CSS_SELECTOR, "header, nav, form, h2, h3, dt, p.help, p.error, .error-page, aside.facets, footer"))
        english[name] = sorted({w for w in re.findall(r"\b[A-Za-z]{2,}\b", chrome) if w not in LATIN_ALLOWED})
        assert shown and browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        if name == "query-error":  # why the query cannot be searched, in the visitor's language
            assert browser.find_element(By.CSS_SELECTOR, "p.error").text.endswith(
                "кашаа жабылган эмес" if lang == "ky" else "скобка не закрыта")
        if name == "home":  # what the archive holds and the latest decisions, before any search
            assert browser.find_elements(By.CSS_SELECTOR, ".latest li a[href*='/decisions/']")
        screenshot(browser, f"public-{name}-{lang}")
    assert not any(faults.values()), faults
    assert not any(english.values()), english


def test_the_review_pages_speak_the_reviewers_language(site: str, browser: webdriver.Chrome) -> None:
    """The queue and a review page in Russian: states, detection labels,
    leak-check reasons and history by their names, no English word."""
    log_in(browser, site, "reviewer")
    browser.get(site + "/staff/review/?state=published&lang=ru")
    link = wait_for(browser, "main table a")
    queue = "\n".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, "main nav, main th, main td:last-child"))
    link.click()
    wait_for(browser, "#detections")
    chrome = "\n".join(e.text for e in browser.find_elements(
        By.CSS_SELECTOR, "header, h3, th, #detections td:first-child, #people td:last-child, .danger, #history td:nth-child(3)"))
    english = sorted({w for w in re.findall(r"\b[A-Za-z]{2,}\b", queue + chrome) if w not in LATIN_ALLOWED | {"reviewer"}})
    assert not english, english
    assert "ФИО" in chrome and "опубликован" in chrome.lower()
    kept = [row.find_elements(By.TAG_NAME, "td")[1].text for row in browser.find_elements(By.CSS_SELECTOR, "#people tr.keep")]
    surnames = [name_base(max(re.findall(r"\w{3,}", forms.split("; ")[0]), key=len)) for forms in kept]
    assert len(surnames) == len(set(surnames)), kept  # an official once, with every form of the name
    screenshot(browser, "staff-review-ru")
    browser.delete_all_cookies()
