"""Drives the desk in headless Chromium, as a DPO would (called by scripts/browser-test)."""
import argparse
import base64
import datetime
import io
import os
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--url", required=True)
parser.add_argument("--login", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--organisation", required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--registre", required=True, help="the registre binary, to export the text the print must hold")
parser.add_argument("--db", required=True)
parser.add_argument("--structure", required=True, help="a mutualisation structure of which --organisation is a member")
parser.add_argument("--structure-login", required=True, help="a DPO account given --structure")
parser.add_argument("--admin-login", required=True, help="an administrator's account (same password)")
arguments = parser.parse_args()

# axe-core's script, as the PyPI package axe-selenium-python ships it: nothing from outside the registries.
import axe_selenium_python  # noqa: E402
from pypdf import PdfReader  # noqa: E402

AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"),
           encoding="utf-8").read()

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


def accessible(name):
    """axe-core on the page shown (WCAG 2.1 A and AA rules): no violation; then reflow at 320 CSS pixels
    (WCAG 1.4.10: nothing wider than the viewport) and the focus ring's contrast (WCAG 1.4.11: >= 3:1)."""
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        # The WCAG 2.x A and AA tags this axe-core knows (older releases have no `wcag21a`).
        "const known = new Set(axe.getRules().flatMap(r => r.tags));"
        "const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'].filter(t => known.has(t));"
        "axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
        ".catch(e => done(['axe failed: ' + e]));")
    check(result == [], f"axe-core finds no violation on {name}: {result}")
    size = driver.get_window_size()
    driver.set_window_size(320, size["height"])
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(widths[0] <= widths[1], f"{name} reflows at 320 px: content {widths[0]} px wide in {widths[1]} px")
    driver.set_window_size(size["width"], size["height"])
    ratio = driver.execute_script(FOCUS_CONTRAST)
    check(ratio is None or ratio >= 3, f"the focus ring on {name} stands out at least 3:1 from the page: {ratio}")


# The contrast between the first link's focus outline and the background behind it (WCAG relative luminance).
FOCUS_CONTRAST = """
const link = document.querySelector('main a[href], main button, main input:not([type=hidden]), main select, main textarea');
if (!link) return null;
link.focus();
const style = getComputedStyle(link);
if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
function rgb(text) { return text.match(/[0-9.]+/g).slice(0, 3).map(Number); }
function luminance(c) {
  const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
let element = link.parentElement, background = 'rgb(255, 255, 255)';
while (element) {
  const color = getComputedStyle(element).backgroundColor;
  if (color && color !== 'transparent' && !color.startsWith('rgba(0, 0, 0, 0')) { background = color; break; }
  element = element.parentElement;
}
const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
"""


def findings_of(field):
    return driver.find_element(By.ID, f"{field}-findings").text


def sign_in_as(login):
    """Signs in as another account of the same password, in a fresh session."""
    driver.delete_all_cookies()
    driver.get(arguments.url + "/sign-in")
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(arguments.password)
    submit("form.sign-in button[type=submit]")
    check(driver.find_element(By.TAG_NAME, "h1").text == "Tableau de bord", f"signed in as {login}")


def structure_walk():
    """Issue 24: a campaign opened by a structure and confirmed by a member's own account, then closed with
    its report; the structure's, model, calendar and administration pages pass axe-core, reflow and focus."""
    sign_in_as(arguments.structure_login)
    driver.get(f"{arguments.url}/structures/{arguments.structure}")
    check(arguments.organisation in driver.page_source, "the structure's page lists its member")
    shot("9-structure-members")
    accessible("a structure's page")
    driver.get(f"{arguments.url}/structures/{arguments.structure}/campaigns/new")
    accessible("the campaign form")
    driver.find_element(By.ID, "title").send_keys("Revue annuelle (test du navigateur)")
    due = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "due"), due)
    shot("10-campaign-form")
    submit("form.campaign-form button[type=submit]")
    campaign = driver.current_url.split("?")[0]
    check("/campaigns/" in campaign, "the campaign is opened")
    check("/confirm" not in driver.page_source, "the structure's account is offered no confirmation for its members")
    shot("11-campaign-opened")
    accessible("a campaign's page (structure)")

    sign_in_as(arguments.login)
    driver.get(campaign)
    accessible("a campaign's page (member)")
    submit("main form[action$='/confirm'] button[type=submit]")
    check(f"par {arguments.login}" in driver.find_element(By.TAG_NAME, "main").text, "the member's account confirmed its activities")
    shot("12-campaign-confirmed-by-member")

    sign_in_as(arguments.structure_login)
    driver.get(campaign)
    submit("main form[action$='/close'] button[type=submit]")
    check("/close" not in driver.page_source, "the campaign is closed")
    shot("13-campaign-closed")
    report = driver.find_element(By.CSS_SELECTOR, "a[href$='/report.txt']").get_attribute("href")
    driver.get(report)
    check(arguments.login in driver.find_element(By.TAG_NAME, "body").text, "the closing report names the member's account")
    for path in ["/structures", "/models/cdg48-messages", f"/activities/cdg48-messages-{arguments.organisation}/model", "/calendar",
                 "/objection-windows"]:
        driver.get(arguments.url + path)
        accessible(path)
    shot("14-model")
    sign_in_as(arguments.admin_login)
    for path in ["/admin", f"/admin/accounts/{arguments.login}"]:
        driver.get(arguments.url + path)
        accessible(path)
    shot("15-admin-account")
    # The seal's state (`serve --seal --public-key`): made before the browser's changes, extended by them.
    driver.get(arguments.url + "/admin")
    main = driver.find_element(By.TAG_NAME, "main").text
    check("Sceau du journal" in main and "Le journal prolonge toujours le sceau" in main, f"the seal's state is shown: {main[-600:]!r}")
    shot("15b-admin-seal")
def choose(field, value):
    Select(driver.find_element(By.ID, field)).select_by_value(value)


def walk_breach_facts(breach_url):
    """A breach's facts recorded on its page, and the decision beside them moving: health data sent to
    unknown recipients (a high tier by the ENISA method), then found to be encrypted to the state of the
    art with a key that was not compromised (unintelligible to whoever holds them, EDPB 9/2022)."""
    driver.get(breach_url)
    driver.find_element(By.ID, "data-sensitive").click()
    choose("identification", "maximum")
    choose("confidentiality", "unknown-recipients")
    submit("form.assessment-form button[type=submit]")
    before = driver.find_element(By.ID, "risk-level").text
    driver.execute_script("document.getElementById('facts-heading').scrollIntoView()")
    shot("5d-breach-assessed")
    choose("encryption", "state-of-the-art")
    choose("keyCompromised", "no")
    choose("exfiltration", "possible")
    driver.find_element(By.ID, "evidence").send_keys("Journaux du serveur de fichiers")
    driver.find_element(By.ID, "vulnerable-none").click()
    submit("form.facts-form button[type=submit]")
    check("Enregistré (entrée du journal n°" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "the facts are saved")
    after = driver.find_element(By.ID, "risk-level").text
    check(after != before, f"the decision moves with the facts: {before!r} then {after!r}")
    check(Select(driver.find_element(By.ID, "encryption")).first_selected_option.get_attribute("value") == "state-of-the-art",
          "the facts show as recorded")
    driver.execute_script("document.getElementById('decision-heading').scrollIntoView()")
    shot("5e-breach-facts-decision-moved")


def set_date(field, day):
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), day)


def walk_request():
    """A request of a person recorded on the desk (Art. 15), followed up, extended and answered, each form
    through the acts of `registre request`; the forms, a refused form's error summary and the list filtered
    by state pass axe-core. Returns the request's address (docs27 downloads its answer from there)."""
    today = datetime.date.today().isoformat()
    driver.get(arguments.url + "/requests/new")
    # No right ticked (the browser checks only the required day): refused by the desk, the summary links to the boxes.
    set_date("received", today)
    submit("main form button[type=submit]")
    check(driver.find_elements(By.CSS_SELECTOR, "#form-errors a[href='#right-access']"), "a request without a right is refused at its field")
    accessible("a refused request form")
    choose("controller", arguments.organisation)
    set_date("received", today)
    driver.find_element(By.ID, "right-access").click()
    driver.find_element(By.ID, "person").send_keys("dossier-navigateur")
    choose("channel", "letter")
    submit("main form button[type=submit]")
    request_url = driver.current_url.split("?")[0]
    request_path = request_url.replace(arguments.url, "")
    check(request_path.startswith("/requests/") and "dossier-navigateur" in driver.page_source, f"the request is recorded: {request_url}")
    shot("request-1-recorded")
    # Follow-up: the identity question of Art. 12(6), the service that received it, how long the record is kept.
    set_date("identityAsked", today)
    driver.find_element(By.ID, "doubt").send_keys("Signature différente de celle du dossier")
    driver.find_element(By.ID, "service").send_keys("Accueil de la mairie")
    driver.find_element(By.ID, "retentionValue").send_keys("3")
    choose("retentionUnit", "years")
    submit(f"form[action='{request_path}'] button[type=submit]")
    check("en attente de la confirmation d'identité" in driver.find_element(By.ID, "clock").text, "the clock stands still while identity is awaited")
    set_date("identityReceived", today)
    submit(f"form[action='{request_path}'] button[type=submit]")
    accessible("a request followed up")
    # Extended within the first month, the person told the same day (Art. 12(3)).
    driver.find_element(By.ID, "reason").send_keys("Archives papier à dépouiller")
    set_date("decided", today)
    set_date("told", today)
    submit("form[action$='/extend'] button[type=submit]")
    check("Archives papier à dépouiller" in driver.page_source, "the extension is recorded")
    shot("request-2-extended")
    choose("outcome", "granted")
    set_date("sent", today)
    submit("form[action$='/answer'] button[type=submit]")
    check("répondue dans le délai" in driver.find_element(By.ID, "clock").text, "the request is answered in time")
    shot("request-3-answered")
    accessible("a request answered")
    driver.get(arguments.url + "/requests?state=answered&sort=due")
    check("dossier-navigateur" in driver.page_source, "the list filtered by state holds the answered request")
    accessible("the requests filtered and sorted")
    return request_url


def walk_upload():
    """An administrator uploads a spreadsheet filled in the CNIL's model: the preview lists what would be
    added and the reader's notes; the confirmation imports it."""
    submit("form.sign-out button[type=submit]")
    driver.get(arguments.url + "/sign-in")
    driver.find_element(By.ID, "login").send_keys("admin-browser")
    driver.find_element(By.ID, "password").send_keys(arguments.password)
    submit("form.sign-in button[type=submit]")
    driver.get(arguments.url + "/register")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/upload']").click()
    accessible("/upload")
    spreadsheet = os.path.abspath("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods")
    driver.find_element(By.ID, "file").send_keys(spreadsheet)
    shot("9-upload")
    submit("form.upload-form button[type=submit]")
    preview = driver.find_element(By.ID, "preview-heading").text
    check("Aperçu" in preview or "Preview" in preview, f"the upload is previewed: {preview!r}")
    check(driver.find_elements(By.CSS_SELECTOR, "ul.upload-created li"), "the preview lists what would be added")
    shot("9b-upload-preview")
    accessible("an upload's preview")
    submit("form.upload-confirm button[type=submit]")
    done = driver.find_element(By.ID, "preview-heading").text
    check("Importé" in done or "Imported" in done, f"the confirmation imports the file: {done!r}")
    shot("9c-upload-imported")


def walk_agreement():
    """A dpo account adds a processor (a new organisation) and its agreement, then the agreement's terms.
    Returns the agreement's path."""
    driver.get(arguments.url + "/agreements")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/agreements/new']").click()
    driver.find_element(By.ID, "title").send_keys("Restauration scolaire (navigateur)")
    choose("processor", "new")
    driver.find_element(By.ID, "processorName").send_keys("Cantine du navigateur SARL")
    driver.find_element(By.ID, "processorCountry").send_keys("FR")
    driver.find_element(By.ID, "purposes").send_keys("Repas des élèves")
    shot("5f-agreement-new")
    submit("form.agreement-new-form button[type=submit]")
    path = driver.current_url.split("?")[0].removeprefix(arguments.url)
    check(path.startswith("/agreements/accord-"), f"the agreement is created: {driver.current_url}")
    check("Cantine du navigateur SARL" in driver.find_element(By.TAG_NAME, "main").text, "its processor is named on its page")
    shot("5g-agreement-created")
    driver.get(arguments.url + path + "/terms")
    choose("authorisation", "general")
    driver.find_element(By.ID, "authorisationObjection").send_keys("15d")
    choose("termKind-0", "termination")
    driver.find_element(By.ID, "termPeriod-0").send_keys("3m")
    choose("termCounting-0", "calendar")
    submit("form.terms-form button[type=submit]")
    check("Enregistré (entrée du journal n°" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "the terms are saved")
    shot("5h-agreement-terms")
    return path


# Tab stops of a page: every control the Tab key reaches (rendered, not disabled, tabindex >= 0, not in a
# folded section). With `as_before`, the activity form as it was laid out before it had sections: every
# folded section open, without their summaries nor the "save and add 3 rows" and early save buttons, and one empty row
# more in each table that has rows (it always ended with one).
TAB_STOPS = """
const asBefore = arguments[0];
if (asBefore) document.querySelectorAll('details').forEach(d => d.open = true);
const stops = Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'))
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
    && (!e.checkVisibility || e.checkVisibility()) && !e.closest('details:not([open]) > :not(summary)'))
  .filter(e => !asBefore || (e.tagName !== 'SUMMARY' && e.getAttribute('name') !== 'more' && !e.classList.contains('save-early')));
let emptyRows = 0;
if (asBefore) {
  const perRow = {'purposes[]': 1, 'dataSubjects[]': 1, 'dataCategories[]': 1, 'recipients[]': 2, 'transferRecipients[]': 3,
                  'retentionValues[]': 4, 'retention[]': 1, 'security[]': 2, 'processorServices[]': 2};
  for (const [name, count] of Object.entries(perRow)) {
    const rows = Array.from(document.getElementsByName(name));
    if (rows.length > 0 && rows.every(e => e.value !== '')) emptyRows += count;
  }
}
return stops.length + emptyRows;
"""


def download_request_answer():
    """A request of access recorded and answered from the command line; its answer downloaded from its page,
    as a DPO would, by the link the page gives (text and ODT): the letter names the person's reference and
    carries the information of Art. 15. Self-contained: its own request, its own pages."""
    opened = subprocess.run([arguments.registre, "request", "open", "--controller", arguments.organisation, "--received",
                             datetime.date.today().isoformat(), "--right", "access", "--person", "dossier-reponse",
                             "--db", arguments.db], check=True, capture_output=True, text=True)
    request = opened.stdout.strip()
    subprocess.run([arguments.registre, "request", "answer", request, "--outcome", "granted", "--db", arguments.db],
                   check=True, capture_output=True)
    driver.get(f"{arguments.url}/requests/{request}")
    accessible("a request's page with its letters")
    links = {a.get_attribute("href").rsplit("/", 1)[-1]: a.get_attribute("href")
             for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/letter/']")}
    check("answer.txt" in links and "answer.odt" in links, f"the request's page links its answer: {sorted(links)}")
    fetch = """const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
            .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type') || '',
                new TextDecoder().decode(new Uint8Array(b).slice(0, 200000))])))
            .catch(e => done([0, '', String(e)]));"""
    status, media, text = driver.execute_async_script(fetch, links["answer.txt"])
    check(status == 200 and media.startswith("text/plain"), f"the answer downloads as text ({status} {media})")
    check("dossier-reponse" in text and "article 15" in text, "the answer names the reference and gives Art. 15's information")
    with open(f"{arguments.out}/reponse-{request}.txt", "w", encoding="utf-8") as file:
        file.write(text)
    status, media, _ = driver.execute_async_script(fetch, links["answer.odt"])
    check(status == 200 and media == "application/vnd.oasis.opendocument.text", f"the answer downloads as ODT ({status} {media})")


def walk_forms(breach_url):
    """Issue 24, forms a DPO can fill: the fullest activity of the sample in sections (tab stops measured
    before and after, bounded); long texts in text areas; required fields marked and explained once;
    three more rows at once; a reader sees pages, not disabled forms."""
    sign_in_as(arguments.admin_login)
    fullest = "/activities/cdg48-messages-marvejols"
    driver.get(arguments.url + fullest)
    after = driver.execute_script(TAB_STOPS, False)
    shot("16-activity-in-sections")
    accessible("the fullest activity, in sections")
    driver.get(arguments.url + fullest)
    before = driver.execute_script(TAB_STOPS, True)
    print(f"browser test: tab stops on {fullest} (administrator): {after} in sections, {before} laid out as before")
    check(after <= 95 and after <= 0.8 * before,
          f"the fullest activity takes at most 95 tab stops, a fifth fewer than before at least: {after} (before: {before})")

    sign_in_as(arguments.login)
    driver.get(arguments.url + "/activities/navigateur")
    check(driver.find_element(By.ID, "purposes-0").tag_name == "textarea", "a purpose is typed in a text area")
    check(driver.find_element(By.ID, "security-0").tag_name == "textarea", "a security measure is typed in a text area")
    check(len(driver.find_elements(By.CSS_SELECTOR, "main .required-note")) == 1, "the required fields are explained once, at the top")
    check(driver.find_element(By.ID, "name").get_attribute("required") is not None, "the name is required")
    marker = driver.execute_script("return getComputedStyle(document.querySelector('label[for=name]'), '::after').content")
    check("*" in marker, f"the name's label shows the required marker: {marker!r}")
    submit("form.activity-form button[name=more][value=dataSubjects]")
    check("more=dataSubjects" in driver.current_url, "the form is saved and asks for more rows")
    check("Enregistré (entrée du journal n°" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "the save says so")
    empty = [e for e in driver.find_elements(By.CSS_SELECTOR, "input[name='dataSubjects[]']") if not e.get_attribute("value")]
    check(len(empty) == 4, f"four empty rows of data subjects (the one of an empty list, three more): {len(empty)}")
    for field, text in zip(empty, ["Agents", "Élus", "Usagers"]):
        field.send_keys(text)
    shot("17-three-rows-at-once")
    submit("form.activity-form button.save")
    values = [e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "input[name='dataSubjects[]']")]
    check(values == ["Agents", "Élus", "Usagers"], f"three rows saved at once, the empty one ignored: {values}")

    sign_in_as("reader-mende")
    for path in ["/activities/navigateur", breach_url.removeprefix(arguments.url), f"/organisations/{arguments.organisation}"]:
        driver.get(arguments.url + path)
        controls = driver.find_elements(By.CSS_SELECTOR, "main input, main textarea, main select, main button")
        check(not controls, f"a reader sees {path} as a page, without a form: {[c.get_attribute('outerHTML')[:80] for c in controls]}")
        accessible(f"{path} (reader)")
    driver.get(arguments.url + "/activities/navigateur")
    check("Agents" in driver.find_element(By.TAG_NAME, "main").text, "the reader reads the activity's data subjects")
    shot("18-activity-read-by-a-reader")
    driver.get(arguments.url + "/activities")
    check(driver.find_elements(By.CSS_SELECTOR, "main form input, main form select"), "a reader keeps the list's filter")


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
    submit("form.activity-form button.save")
    check("/activities/navigateur" in driver.current_url, "the activity is created")
    check("Enregistré (entrée du journal n°" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "the save says so, with its journal entry")
    check("ART30-1-B-PURPOSES" in findings_of("purposes"), "the Art. 30(1)(b) finding is beside the purposes")
    shot("3-activity-without-purpose")

    driver.find_element(By.ID, "purposes-0").send_keys("Tester le bureau du DPO")
    submit("form.activity-form button.save")
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
    breach_url = driver.current_url.split("?")[0]
    walk_breach_facts(breach_url)
    agreement = walk_agreement()

    # An audit of the processor starting tomorrow: refused, the first day the notice allows named at the field.
    driver.get(arguments.url + "/agreements/dpa-suite-territoriale/audits/new")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "start"), tomorrow)
    submit("form.audit-form button[type=submit]")
    refusal = driver.find_element(By.ID, "start-error").text
    check("à partir du" in refusal, f"an audit too early is refused, naming the first day allowed: {refusal!r}")
    shot("5b-audit-refused")

    # The history of one entry, in words: its name, each field as the text export names it, the account.
    driver.get(arguments.url + "/history?entity=navigateur")
    history = driver.find_element(By.TAG_NAME, "main").text
    check("Activité créée dans le navigateur" in history and arguments.login in history and "Finalités" in history,
          "the history of the new activity is in words")
    shot("5c-history-in-words")

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
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen"})

    # One organisation's printed register, printed by Chromium (Page.printToPDF): its text holds every
    # line of `export --format text --controller`.
    driver.get(f"{arguments.url}/organisations/{arguments.organisation}/print")
    shot("8-printed-register")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    with open(f"{arguments.out}/printed-register.pdf", "wb") as file:
        file.write(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    # Compared without white space (a PDF's text comes back with its own line breaks and spacing) and
    # without the typographic ligatures the PDF's fonts make.
    def bare(text):
        return "".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())
    pages_text = [page.extract_text() for page in reader.pages]
    # The running header and footer (the organisation, "page X / Y") fall between the lines of a page.
    organisation = driver.title.split(" — ")[-1]
    running = re.compile(re.escape(organisation) + r"\s*page \d+ / \d+\s*")
    printed = bare("".join(running.sub("", text) for text in pages_text))
    expected = subprocess.run(
        [arguments.registre, "export", "--format", "text", "--controller", arguments.organisation, "--db", arguments.db],
        check=True, capture_output=True, text=True).stdout
    missing = [line for line in expected.splitlines() if line.strip() and bare(line) not in printed]
    check(not missing, f"the PDF holds every line of the text export; missing {len(missing)}: {missing[:3]}")
    check(all(f"page {n} / {len(reader.pages)}" in text for n, text in enumerate(pages_text, 1)),
          "every page of the PDF says page X / Y")

    # Every page type: axe-core, reflow and focus.
    pages = ["/", "/organisations", f"/organisations/{arguments.organisation}", f"/organisations/{arguments.organisation}/edit",
             "/organisations/new", "/activities", "/activities/navigateur", "/activities/navigateur/retire",
             "/activities/navigateur/delete", f"/activities/new?organisation={arguments.organisation}", "/register",
             f"/organisations/{arguments.organisation}/print", "/agreements", "/agreements/dpa-suite-territoriale",
             "/agreements/dpa-suite-territoriale/audits/new", "/breaches", "/breaches/new", "/history",
             "/history?entity=navigateur", "/no-such-page", "/agreements/new", agreement, agreement + "/terms"]
    for path in pages:
        driver.get(arguments.url + path)
        accessible(path)
    driver.get(arguments.url + "/breaches")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/breaches/breach-']")]
    check(links, "the breach declared is listed")
    driver.get(links[0])
    accessible("a breach's page")
    # A request of a person (Art. 15), opened from the command line: its list, its page and the opening form.
    subprocess.run([arguments.registre, "request", "open", "--controller", arguments.organisation, "--received",
                    datetime.date.today().isoformat(), "--right", "access", "--person", "dossier-1", "--db", arguments.db],
                   check=True, capture_output=True)
    for path in ["/requests", "/requests/new"]:
        driver.get(arguments.url + path)
        accessible(path)
    driver.get(arguments.url + "/requests")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/requests/request-']")]
    check(links, "the request opened is listed")
    driver.get(links[0])
    accessible("a request's page")
    walk_request()
    download_request_answer()
    driver.get(arguments.url + "/language/en?back=/activities/navigateur")
    accessible("an activity in English")
    driver.get(arguments.url + "/language/fr?back=/")
    structure_walk()
    walk_upload()
    walk_forms(breach_url)
finally:
    driver.quit()
