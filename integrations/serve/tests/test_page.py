"""The page of `postlint serve` as a writer uses it, in headless Chromium (Selenium).

Needs POSTLINT_SERVE_URL (a running server) and POSTLINT_SCREENSHOTS (a folder);
integrations/serve/test.sh sets both.
"""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ["POSTLINT_SERVE_URL"]
SHOTS = pathlib.Path(os.environ["POSTLINT_SCREENSHOTS"])
DRAFT = (
    "Good vibes only! Everything happens for a reason, so stay positive.\n"
    "My cousin suffers from depression. This supplement cures anxiety, studies show."
)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--disable-gpu", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    # Debian's driver, named so Selenium never tries to download one.
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver, condition, timeout=15):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))


def marks(driver):
    return [m.get_attribute("textContent") for m in driver.find_elements(By.CSS_SELECTOR, "#backdrop mark")]


def open_page(driver):
    driver.get(URL)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#categories label"))
    return driver.find_element(By.ID, "draft")


def test_typing_highlights_and_applying_a_suggestion_removes_the_finding(browser):
    draft = open_page(browser)
    draft.send_keys(DRAFT)
    wait(browser, lambda d: "Good vibes only" in marks(d))
    assert "suffers from depression" in marks(browser) or "suffers from" in " ".join(marks(browser))
    count = browser.find_element(By.ID, "count")
    assert count.get_attribute("aria-live") == "polite"
    assert "finding" in count.text
    before = len(browser.find_elements(By.CSS_SELECTOR, ".finding"))
    assert before >= 3
    browser.save_screenshot(str(SHOTS / "serve.png"))

    finding = next(f for f in browser.find_elements(By.CSS_SELECTOR, ".finding") if "Good vibes only" in f.text)
    finding.find_element(By.CSS_SELECTOR, "button.apply").click()
    wait(browser, lambda d: "All vibes are welcome here." in d.find_element(By.ID, "draft").get_attribute("value"))
    wait(browser, lambda d: "Good vibes only" not in marks(d) and marks(d))
    assert not any("Good vibes only" in f.text for f in browser.find_elements(By.CSS_SELECTOR, ".finding"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".finding")) == before - 1
    assert browser.find_element(By.ID, "draft").get_attribute("value").startswith("All vibes are welcome here.! Everything")


def test_findings_are_reachable_and_usable_from_the_keyboard(browser):
    draft = open_page(browser)
    draft.send_keys("Good vibes only, friends.")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".finding"))
    draft.send_keys(Keys.TAB)  # the first finding comes right after the draft and its controls
    focused = browser.switch_to.active_element
    for _ in range(10):
        if "finding" in (focused.get_attribute("class") or ""):
            break
        focused.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
    assert "finding" in focused.get_attribute("class")
    focused.send_keys(Keys.ENTER)
    selected = browser.execute_script("const t = document.getElementById('draft'); return t.value.slice(t.selectionStart, t.selectionEnd)")
    assert selected == "Good vibes only"
    # Every control has a label.
    for control in ("draft", "region", "format"):
        assert browser.find_elements(By.CSS_SELECTOR, f"label[for={control}]")


def test_region_picker_changes_the_crisis_line_offered(browser):
    draft = open_page(browser)
    draft.send_keys("I want to end my life.")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".finding"))
    browser.find_element(By.CSS_SELECTOR, "#region option[value=GB]").click()
    wait(browser, lambda d: "116 123" in d.find_element(By.ID, "findings").text or "Samaritans" in d.find_element(By.ID, "findings").text)


def test_readable_at_phone_width(browser):
    browser.set_window_size(390, 844)
    try:
        draft = open_page(browser)
        draft.send_keys(DRAFT)
        wait(browser, lambda d: "Good vibes only" in marks(d))
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        browser.save_screenshot(str(SHOTS / "serve-phone.png"))
    finally:
        browser.set_window_size(1280, 900)
