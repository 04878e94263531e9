"""The explorer in a real headless Chromium against a real `kb serve`: what a journalist does.

Search a speaker, open the quote's article and find the highlighted sentence; follow a figure
conflict; download a CSV; use it with the keyboard alone, on a phone-width screen, without
JavaScript; and check that no page loads anything from anywhere but this server. Each page
visited is saved as a screenshot in tests/web/screenshots/.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.web.conftest import PHONE, shoot

pytestmark = pytest.mark.slow
SQLITE_ONLY = pytest.mark.parametrize("seeds_api", ["sqlite"], indirect=True)
CORPUS_SQLITE = pytest.mark.parametrize("corpus_api", ["sqlite"], indirect=True)


def visit(driver, api, path: str) -> None:
    driver.get(api.base + path)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")


def wait_for(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting for the page")


def css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def query_of(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


@SQLITE_ONLY
def test_search_a_speaker_open_the_quotes_article_and_find_its_mark(page, seeds_api):
    visit(page, seeds_api, "/")
    shoot(page, "home")
    [speaker] = css(page, "#home-speaker")
    speaker.send_keys("Gabuev\n")  # Enter submits the form
    wait_for(lambda: "/explore/quotes" in page.current_url)
    assert query_of(page)["speaker"] == ["Gabuev"]  # the address holds the query: shareable
    shoot(page, "quotes")
    first = css(page, "li.result")[0]
    quote_id = int(css(first, "a[href^='/quotes/']")[0].get_attribute("href").rsplit("/", 1)[1])
    css(first, "ul.cites a")[0].click()
    wait_for(lambda: "/explore/sources/" in page.current_url)
    assert urlsplit(page.current_url).fragment == f"quote-{quote_id}"
    source_id = int(urlsplit(page.current_url).path.rsplit("/", 1)[1])
    shoot(page, "article")
    [mark] = css(page, f"mark#quote-{quote_id}")
    evidence = seeds_api.client.get(f"/quotes/{quote_id}").json()["evidence"]
    [expected] = [e["text"] for e in evidence if e["source_id"] == source_id][:1]
    assert mark.get_attribute("textContent") == expected
    assert "fact-quote" in mark.get_attribute("class").split()
    assert page.execute_script("return document.querySelector(':target').id") == f"quote-{quote_id}"
    assert "current" in mark.get_attribute("class").split()  # the little script outlines it


def dated_speaker(api) -> dict:
    """Someone quoted in an article that has a publication date (so their chart has a bar)."""
    dated = [s for s in api.client.get("/sources").json()["items"] if s["published_at"]]
    quotes = api.client.get("/quotes", params={"source_id": dated[0]["id"]}).json()["items"]
    return next(q["speaker"] for q in quotes if q["speaker"] and q["speaker"]["id"])


@SQLITE_ONLY
def test_a_person_page_shows_the_chart_and_the_quotes_by_article(page, seeds_api):
    speaker = dated_speaker(seeds_api)
    visit(page, seeds_api, "/explore/people")
    css(page, "#f-name")[0].send_keys(speaker["name"] + "\n")
    wait_for(lambda: query_of(page).get("name") == [speaker["name"]])
    shoot(page, "people")
    css(page, f"tbody a[href='/explore/people/{speaker['id']}']")[0].click()
    wait_for(lambda: css(page, "h1") and css(page, "h1")[0].text == speaker["name"])
    shoot(page, "person")
    [chart] = css(page, "figure.chart img")
    page.execute_script("arguments[0].scrollIntoView()", chart)  # the chart loads lazily
    wait_for(lambda: page.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart))
    svg = seeds_api.client.get(chart.get_attribute("src")).text
    assert re.search(r'<rect class="bar" [^>]*height="(?!0\.0")[0-9.]+"', svg)
    assert css(page, "article.group h3 a")


@CORPUS_SQLITE
def test_follow_a_figure_conflict_to_the_sources_side_by_side(page, corpus_api):
    from selenium.webdriver.support.ui import Select

    visit(page, corpus_api, "/explore/figures")
    Select(css(page, "#f-conflicting")[0]).select_by_value("true")
    css(page, "form.filters button")[0].click()
    wait_for(lambda: query_of(page).get("conflicting") == ["true"])
    shoot(page, "figures")
    [first, *_] = css(page, "p.dispute a")
    first.click()
    wait_for(lambda: css(page, "section.figure-card"))
    shoot(page, "figure-conflict")
    cards = css(page, "section.figure-card")
    values = sorted(c.find_element("css selector", "h2").text for c in cards)
    assert values == ["250,000 barrels per day", "260,000 barrels per day"]
    sentences = " ".join(c.find_element("css selector", "blockquote").text for c in cards)
    assert "Reuters" in sentences and "Labor Wire" in sentences


@CORPUS_SQLITE
def test_download_a_csv_of_the_same_filter(page, corpus_api):
    folder = Path(tempfile.mkdtemp(prefix="kb-downloads-"))
    page.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    visit(page, corpus_api, "/explore/quotes?topic=energy")
    css(page, "a.csv")[0].click()
    done = wait_for(lambda: [p for p in folder.glob("*.csv") if p.stat().st_size > 0])
    rows = list(csv.DictReader(io.StringIO(done[0].read_text())))
    expected = corpus_api.client.get("/quotes", params={"topic": "energy"}).json()["items"]
    assert [int(r["id"]) for r in rows] == [q["id"] for q in expected] and rows
    assert {r["speaker_name"] for r in rows} == {q["speaker"]["name"] for q in expected}


@SQLITE_ONLY
def test_the_keyboard_alone_reaches_the_search_and_focus_is_visible(page, seeds_api):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    visit(page, seeds_api, "/")
    seen = []
    for _ in range(12):
        ActionChains(page).send_keys(Keys.TAB).perform()
        focused = page.switch_to.active_element
        style = page.execute_script(
            "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", focused
        )
        seen.append(focused.get_attribute("id") or focused.get_attribute("href"))
        assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, (seen[-1], style)
        if focused.get_attribute("id") == "home-q":
            break
    assert seen[0].endswith("#main")  # the skip link comes first
    assert seen[-1] == "home-q"
    page.switch_to.active_element.send_keys("China" + Keys.ENTER)
    wait_for(lambda: "/explore/quotes" in page.current_url)
    assert query_of(page)["q"] == ["China"] and css(page, "li.result")


PAGES = [
    ("/", "home"),
    ("/explore/quotes?speaker=Gabuev", "quotes"),
    ("/explore/people", "people"),
    ("/explore/people/{person}", "person"),
    ("/explore/sources/{source}", "article"),
    ("/explore/figures", "figures"),
    ("/explore/events", "events"),
    ("/explore/sources", "sources"),
    ("/explore/quotes?published_from=2024-99-01", "error"),
]


def fill(path: str, api) -> str:
    person = dated_speaker(api)["id"]
    source = api.client.get("/sources").json()["items"][0]["id"]
    return path.format(person=person, source=source)


@SQLITE_ONLY
def test_every_page_reads_on_a_375_px_screen(page, seeds_api):
    page.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        for path, name in PAGES:
            visit(page, seeds_api, fill(path, seeds_api))
            widths = page.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], f"{path} scrolls sideways on a phone: {widths}"
            shoot(page, f"{name}-phone")
    finally:
        page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@SQLITE_ONLY
def test_no_request_leaves_the_server(page, seeds_api):
    page.get_log("browser")  # forget what earlier tests logged
    for path, name in PAGES:
        visit(page, seeds_api, fill(path, seeds_api))
        urls = page.execute_script(
            "return performance.getEntries().filter(e => e.name.includes('://')).map(e => e.name)"
        )
        assert urls and all(u.startswith(seeds_api.base + "/") for u in urls), (path, urls)
        if name in ("events", "sources"):
            shoot(page, name)
    problems = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert not [p for p in problems if "2024-99-01" not in p], problems  # e.g. a CSP refusal


@SQLITE_ONLY
def test_the_pages_work_without_javascript(seeds_api):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from tests.web.conftest import FLAGS, browser_paths

    paths = browser_paths()
    if isinstance(paths, str):
        pytest.skip(f"browser tests skipped: {paths}")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='kb-chromium-nojs-')}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        driver.get(seeds_api.base + "/")
        css(driver, "#home-q")[0].send_keys("Russia\n")
        wait_for(lambda: "/explore/quotes" in driver.current_url)
        assert len(css(driver, "li.result")) > 1
        css(driver, "li.result ul.cites a")[0].click()
        wait_for(lambda: css(driver, "div.stored-text mark.fact-quote"))
        target = urlsplit(driver.current_url).fragment
        [mark] = css(driver, f"mark#{target}")
        assert "current" not in mark.get_attribute("class").split()  # explorer.js did not run
    finally:
        driver.quit()
