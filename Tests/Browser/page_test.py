"""The HTML page of the full registry in a real browser (headless Chromium through selenium):
what a reader of the page meets. Run by `make browser-test`, which installs Debian's chromium
and chromium-driver and selenium from PyPI. Asserts what the page does (sorting, the filter,
links into the people table) and prints the timings beside the targets of issue #21; timings
are figures to read, not pass/fail, as on a shared machine they swing.

Usage: page_test.py PAGE.xhtml [SCREENSHOT.png]"""
import os
import sys

os.environ["SE_AVOID_STATS"] = "true"  # selenium's usage statistics: no network here
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

page, screenshot = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"]:
    options.add_argument(argument)
# The Debian driver, named: otherwise selenium's manager looks for one on the network.
browser = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
failures = []


def check(condition, what):
    print(("ok      " if condition else "FAILED  ") + what)
    if not condition:
        failures.append(what)


def timed(action):
    """Milliseconds from the action to the next frame painted after it."""
    browser.execute_script("window.__start = performance.now();")
    action()
    return browser.execute_script(
        "return new Promise(done => requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__start))));")


def rows():
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('table.records tbody tr'), r => [r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent]);")


def wait_for_filter():
    browser.execute_script("return new Promise(done => setTimeout(done, 400));")


try:
    browser.get("file://" + os.path.abspath(page))
    loaded = browser.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd;")
    total = browser.execute_script("return document.querySelector('table.records').querySelectorAll('tbody tr').length;")
    check(0 < total <= 200, f"the records table shows a first chunk of rows ({total})")
    headers = browser.find_elements(By.CSS_SELECTOR, "table.records thead th")
    name_sort = timed(lambda: headers[0].click())
    first = rows()[:20]
    check(all(row[0] for row in first), "a sort by name shows named services first")
    check([row[0].lower() for row in first] == sorted(row[0].lower() for row in first), "a sort by name is in name order")
    port_sort = timed(lambda: headers[1].click())
    check(rows()[0][1] == "0", f"a sort by port starts at port 0 ({rows()[0][1]})")
    port_sort_back = timed(lambda: headers[1].click())
    check(rows()[0][1].split("-")[0] == "65535" or int(rows()[0][1].split("-")[0]) > 49000, f"sorting again reverses ({rows()[0][1]})")
    box = browser.find_element(By.ID, "filter")
    box.send_keys("4250")
    wait_for_filter()
    found = rows()
    check(["vrml-multi-use", "4200-4299", ""] in found, f"port 4250 finds the range holding it ({found})")
    box.clear()
    filtered = timed(lambda: box.send_keys("22/tcp"))
    wait_for_filter()
    found = rows()
    check(found and all(row[1] == "22" and row[2] == "tcp" for row in found), f"22/tcp finds port 22 on tcp only ({found})")
    box.clear()
    box.send_keys("ssh")
    wait_for_filter()
    check(any(row[0] == "ssh" for row in rows()), "a word finds a service by name")
    browser.find_element(By.CSS_SELECTOR, "table.records tbody a[href^='#']").click()
    wait_for_filter()  # the hash change is handled after the click
    target = browser.execute_script("var t = document.querySelector('tr.target, :target'); return t ? t.textContent : null;")
    check(bool(target), f"a person link shows that person's row ({target and target[:40]})")
    print(f"\nloaded {loaded:.0f} ms (target <= 1000); sort by name {name_sort:.0f} ms, by port {port_sort:.0f} "
          f"and {port_sort_back:.0f} ms, filter {filtered:.0f} ms (+120 ms typing pause) (targets <= 300)")
    if screenshot:
        browser.execute_script("window.scrollTo(0, document.querySelector('.filter').offsetTop - 20);")
        browser.save_screenshot(screenshot)
finally:
    browser.quit()
print(f"{9 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
