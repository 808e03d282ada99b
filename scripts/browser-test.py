"""Drives the desk in headless Chromium, as a DPO would (called by scripts/browser-test)."""
import argparse
import base64
import datetime
import sys
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--url", required=True)
parser.add_argument("--login", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--organisation", required=True)
parser.add_argument("--out", required=True)
arguments = parser.parse_args()

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(5)


def check(condition, message):
    if not condition:
        driver.save_screenshot(f"{arguments.out}/failure.png")
        print(f"browser test: FAILED: {message} (page: {driver.current_url})", file=sys.stderr)
        driver.quit()
        sys.exit(1)


def shot(name):
    driver.save_screenshot(f"{arguments.out}/{name}.png")


def submit(selector):
    """Clicks a form's button and waits for the next page, so that no check reads the page before."""
    driver.execute_script("window.previousPage = true")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return window.previousPage === undefined && document.readyState === 'complete'"))


def findings_of(field):
    return driver.find_element(By.ID, f"{field}-findings").text


try:
    driver.get(arguments.url + "/")
    check("/sign-in" in driver.current_url, "a visitor is sent to the sign-in page")
    driver.find_element(By.ID, "login").send_keys(arguments.login)
    driver.find_element(By.ID, "password").send_keys(arguments.password)
    shot("1-sign-in")
    submit("form.sign-in button[type=submit]")
    check(driver.find_element(By.TAG_NAME, "h1").text == "Tableau de bord", "signed in, on the dashboard")
    shot("2-dashboard")

    # A new activity without a purpose: the Art. 30(1)(b) finding is beside the purposes.
    driver.get(f"{arguments.url}/activities/new?organisation={arguments.organisation}")
    driver.find_element(By.ID, "id").send_keys("navigateur")
    driver.find_element(By.ID, "name").send_keys("Activité créée dans le navigateur")
    submit("form.activity-form button[type=submit]")
    check(driver.current_url.endswith("/activities/navigateur"), "the activity is created")
    check("ART30-1-B-PURPOSES" in findings_of("purposes"), "the Art. 30(1)(b) finding is beside the purposes")
    shot("3-activity-without-purpose")

    driver.find_element(By.ID, "purposes-0").send_keys("Tester le bureau du DPO")
    submit("form.activity-form button[type=submit]")
    check("ART30-1-B-PURPOSES" not in findings_of("purposes"), "the finding is gone once a purpose is recorded")
    check(driver.find_element(By.ID, "purposes-0").get_attribute("value") == "Tester le bureau du DPO", "the purpose is saved")
    shot("4-activity-with-purpose")

    # A breach: title, awareness, nature; its clock starts.
    driver.get(arguments.url + "/breaches/new")
    aware = datetime.datetime.now(ZoneInfo("Europe/Paris")) - datetime.timedelta(hours=2)
    driver.find_element(By.ID, "title").send_keys("Ordinateur portable volé")
    # A datetime-local input is typed as the browser shows it; setting its value is the same for every locale.
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "aware"), aware.strftime("%Y-%m-%dT%H:%M"))
    driver.find_element(By.ID, "nature-confidentiality").click()
    submit("main form button[type=submit]")
    clock = driver.find_element(By.ID, "clock").text
    check("reste 69 h" in clock or "reste 70 h" in clock, f"the breach's clock runs: {clock!r}")
    shot("5-breach-clock")

    # An audit of the processor starting tomorrow: refused, the first day the notice allows named at the field.
    driver.get(arguments.url + "/agreements/dpa-suite-territoriale/audits/new")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "start"), tomorrow)
    submit("form.audit-form button[type=submit]")
    refusal = driver.find_element(By.ID, "start-error").text
    check("à partir du" in refusal, f"an audit too early is refused, naming the first day allowed: {refusal!r}")
    shot("5b-audit-refused")

    # The register as printed: no navigation, one activity a page.
    driver.get(arguments.url + "/register")
    check("Activité créée dans le navigateur" in driver.page_source, "the register lists the new activity")
    shot("6-register")
    pdf = driver.print_page()
    with open(f"{arguments.out}/register.pdf", "wb") as file:
        file.write(base64.b64decode(pdf))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check(not driver.find_element(By.CSS_SELECTOR, "header.site").is_displayed(), "the print view has no navigation")
    shot("7-print-view")
finally:
    driver.quit()
