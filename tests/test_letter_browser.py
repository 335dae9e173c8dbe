"""The letter tool in real Chromium: renderer, preview, copy, mailto, download,
print, warnings, hostile input, remembering, and no network use while filling in."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from urllib.parse import unquote

import a11y
import pypdf
import pytest
from nextsteps.content import load_content
from nextsteps.letters import render_text
from support import ROOT, plain_text

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
LETTERS = list(CONTENT.letters.values())
CASES = json.loads((Path(__file__).parent / "cases" / "letter_render_cases.json").read_text(encoding="utf-8"))
STORAGE_KEY = "nextsteps.letters.v1"
TODAY, TODAY_TEXT = "2026-03-05T12:00:00Z", "5 March 2026"  # the browser's clock in these tests
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> </textarea> javascript:alert(1) \"quoted\" 'single' & # ? % + 🙂 👩🏽‍💻 مريم שלום"

# Records print() calls instead of opening the print dialog, and copies of the
# 'nextsteps:copied' events, before any page script runs.
RECORDER = """
window.__printed = 0;
window.print = () => { window.__printed += 1; };
window.__copied = [];
document.addEventListener('nextsteps:copied', (e) => window.__copied.push(JSON.parse(JSON.stringify(e.detail))));
"""


@pytest.fixture
def tool(browser, server):
    """A fresh browser context allowed to use the clipboard, with print() recorded."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="en-GB", timezone_id="Europe/London")
    context.clock.set_fixed_time(TODAY)  # the date on the letter is known, and never turns over mid-test
    context.add_init_script(RECORDER)

    def open_letter(letter, *, settle: bool = False):
        page = context.new_page()
        page.goto(server.url(letter.url), wait_until="networkidle" if settle else "load")
        page.wait_for_selector(f"[data-ns-letter='{letter.meta.id}'][data-ns-ready]", state="attached")
        return page

    yield open_letter
    context.close()


def wait_until(page, expression: str, timeout: float = 20.0) -> None:
    """Poll a page expression (wait_for_function needs 'unsafe-eval', which the site's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for: {expression}"
        page.wait_for_timeout(50)


def field(letter, name: str) -> str:
    return f"#ns-letter-{letter.meta.id}-{name}"


def fill(page, letter, values: dict[str, str]) -> None:
    for name, value in values.items():
        if name.startswith("print-") and not page.is_visible(field(letter, name)):
            page.click(".ns-letter__addresses > summary")  # open "Addresses..."
        page.fill(field(letter, name), value)


def examples(letter) -> dict[str, str]:
    return {f.name: f.example for f in letter.meta.fields}


def labels(letter) -> dict[str, str]:
    return {f.name: f.label for f in letter.meta.fields}


def preview_text(page, part: str = "sheet-body") -> str:
    return page.eval_on_selector(f"[data-ns='{part}']", "node => node.textContent")


def mailto_parts(href: str) -> dict[str, str]:
    assert href.startswith("mailto:")
    address, query = href[len("mailto:") :].split("?", 1)
    parts = dict(pair.split("=", 1) for pair in query.split("&"))
    assert set(parts) == {"subject", "body"}, query
    return {"to": unquote(address), "subject": unquote(parts["subject"]), "body": unquote(parts["body"])}


# One renderer, two languages ------------------------------------------------

def test_javascript_renderer_agrees_with_the_shared_cases(tool):
    page = tool(LETTERS[0])
    results = page.evaluate(
        """cases => cases.map(c => ({
            body: window.NextSteps.letterTemplate.render(c.template, c.fields, {labels: c.labels || {}, blankForm: !!c.blank_form}),
            subject: c.subject === undefined ? null : window.NextSteps.letterTemplate.render(c.subject, c.fields, {labels: c.labels || {}, inline: true}),
        }))""",
        CASES,
    )
    for case, result in zip(CASES, results, strict=True):
        assert result["body"] == case["expected_body"], case["name"]
        if "subject" in case:
            assert result["subject"] == case["expected_subject"], case["name"]


@pytest.mark.parametrize("letter", LETTERS, ids=[each.meta.id for each in LETTERS])
def test_filling_each_template_matches_the_python_renderer(tool, letter):
    page = tool(letter)
    assert page.is_visible(field(letter, letter.meta.fields[0].name))
    # Everything filled in, then every optional field left empty.
    values = examples(letter)
    fill(page, letter, values)
    assert preview_text(page) == render_text(letter.body, values, labels(letter))
    assert page.locator("[data-ns='sheet-body'] mark").count() == 0
    if letter.meta.channel == "email":
        assert preview_text(page, "sheet-subject") == render_text(letter.meta.subject, values, inline=True)
    optional_empty = {f.name: ("" if not f.required else f.example) for f in letter.meta.fields}
    fill(page, letter, optional_empty)
    assert preview_text(page) == render_text(letter.body, optional_empty, labels(letter))
    assert "[" not in preview_text(page)


# Copy, email, download, print ---------------------------------------------

def test_copy_puts_the_message_on_the_clipboard_and_tells_the_page(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    values = examples(letter)
    fill(page, letter, values)
    page.click("[data-ns='copy']")
    wait_until(page, "window.__copied.length === 1")
    assert page.evaluate("navigator.clipboard.readText()") == render_text(letter.body, values)
    assert page.evaluate("window.__copied") == [{"letter": letter.meta.id}]
    wait_until(page, "document.querySelector('[data-ns=status]').textContent.includes('Copied')")
    page.click("[data-ns='copy-subject']")
    wait_until(page, f"navigator.clipboard.readText().then(t => t === {json.dumps(render_text(letter.meta.subject, values, inline=True))})")
    assert page.evaluate("window.__copied.length") == 1  # only copying the message counts


def test_a_letter_copies_with_its_addresses_and_date(tool):
    letter = CONTENT.letters["thank-you-keep-in-mind"]
    page = tool(letter)
    values = examples(letter)
    fill(page, letter, {**values, "print-from": "1 High Street\nLeeds", "print-to": "Alex Morgan\nRiverside Logistics"})
    today = TODAY_TEXT
    assert page.is_visible("[data-ns='sheet-from']") and page.text_content("[data-ns='sheet-date']") == today
    page.click("[data-ns='copy']")
    wait_until(page, "window.__copied.length === 1")
    expected = f"1 High Street\nLeeds\n\n{today}\n\nAlex Morgan\nRiverside Logistics\n\n" + render_text(letter.body, values)
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_mailto_link_carries_the_exact_subject_and_body(tool):
    letter = CONTENT.letters["introduce-yourself-to-a-recruiter"]
    page = tool(letter)
    values = {**examples(letter), "skills": "planning, care & bookkeeping; 100% on time?", "years": ""}
    fill(page, letter, {**values, "email-to": "jordan.lee@example.com"})
    href = page.get_attribute("[data-ns='email']", "href")
    assert "%0D%0A" in href and "\n" not in href and " " not in href
    parts = mailto_parts(href)
    assert parts["to"] == "jordan.lee@example.com"
    assert parts["subject"] == render_text(letter.meta.subject, values, inline=True)
    assert parts["body"].replace("\r\n", "\n") == render_text(letter.body, values)


def test_download_saves_the_message_as_text(tool, tmp_path):
    letter = CONTENT.letters["feedback-after-application"]
    page = tool(letter)
    values = {**examples(letter), "contact_name": ""}
    fill(page, letter, values)
    with page.expect_download() as caught:
        page.click("[data-ns='download']")
    download = caught.value
    assert download.suggested_filename == "feedback-after-application.txt"
    target = tmp_path / "letter.txt"
    download.save_as(target)
    subject = render_text(letter.meta.subject, values, inline=True)
    assert target.read_text(encoding="utf-8") == f"Subject: {subject}\n\n{render_text(letter.body, values)}\n"
    assert "Dear hiring team," in target.read_text(encoding="utf-8")


def test_print_shows_only_the_letter_and_fits_a4_and_us_letter(tool):
    letter = CONTENT.letters["thank-you-keep-in-mind"]
    page = tool(letter)
    values = examples(letter)
    fill(page, letter, {**values, "print-from": "1 High Street\nLeeds\nLS1 1AA", "print-to": "Alex Morgan\nRiverside Logistics\nYork"})
    page.click("[data-ns='print']")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar", "[data-ns='form']", "[data-ns='copy']", ".ns-cta", "h1", ".md-footer"):
        assert not page.is_visible(selector), selector
    for part in ("sheet-from", "sheet-date", "sheet-to", "sheet-body"):
        assert page.is_visible(f"[data-ns='{part}']"), part
    # The sender's block sits to the right of the recipient's.
    from_box = page.locator("[data-ns='sheet-from']").bounding_box()
    to_box = page.locator("[data-ns='sheet-to']").bounding_box()
    assert from_box["x"] > to_box["x"] + 100 and from_box["y"] < to_box["y"]
    body = render_text(letter.body, values)
    for paper in ("A4", "Letter"):
        pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
        assert len(pdf.pages) == 1, paper
        text = plain_text(pdf.pages[0].extract_text())
        assert " ".join(body.split()) in text and "LS1 1AA" in text and "Riverside Logistics" in text
        assert "Your details" not in text and "Remember my details" not in text and "Shared by" not in text


def test_email_print_shows_subject_body_and_date(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    fill(page, letter, examples(letter))
    page.emulate_media(media="print")
    assert page.is_visible("[data-ns='sheet-date']") and page.is_visible("[data-ns='sheet-subject']")
    assert not page.is_visible("[data-ns='sheet-from']")  # nothing typed, nothing printed
    page.emulate_media(media="screen")
    assert not page.is_visible("[data-ns='sheet-date']")


# Empty required fields -------------------------------------------------------

def test_empty_required_fields_are_highlighted_and_warned_about(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    page.evaluate("navigator.clipboard.writeText('before')")
    values = {**examples(letter), "job_title": "", "your_name": ""}
    fill(page, letter, values)
    gaps = page.locator("[data-ns='sheet-body'] mark.ns-gap--missing").all_text_contents()
    assert gaps == ["[Job title]", "[Your name]"]

    page.click("[data-ns='copy']")
    warning = page.locator("[data-ns='warning']")
    assert warning.is_visible() and warning.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.dataset.ns") == "warning"
    assert warning.locator("li a").all_text_contents() == ["Job title", "Your name"]
    assert page.evaluate("navigator.clipboard.readText()") == "before"
    assert page.evaluate("window.__copied") == []
    found = a11y.violations(page)
    assert not found, a11y.describe(found)

    # The links take the reader to the box to fill in.
    warning.locator("li a", has_text="Your name").click()
    assert page.evaluate("document.activeElement.id") == f"ns-letter-{letter.meta.id}-your_name"

    # Print waits too; "Print anyway" goes ahead.
    page.click("[data-ns='print']")
    assert page.evaluate("window.__printed") == 0
    page.click("[data-ns='continue']")
    assert page.evaluate("window.__printed") == 1 and not warning.is_visible()

    # Email is held back the same way.
    page.click("[data-ns='email']")
    assert warning.is_visible() and page.text_content("[data-ns='continue']") == "Open anyway"
    assert page.url.startswith("http")

    # "Copy anyway" copies with the gaps showing.
    page.click("[data-ns='copy']")
    assert page.text_content("[data-ns='continue']") == "Copy anyway"
    page.click("[data-ns='continue']")
    wait_until(page, "window.__copied.length === 1")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == render_text(letter.body, values, labels(letter)) and "[Your name]" in copied

    # Once everything is filled, the warning goes away by itself.
    page.click("[data-ns='download']")
    assert warning.is_visible()
    fill(page, letter, {"job_title": "Adviser", "your_name": "Sam"})
    assert not warning.is_visible()


# Hostile input ---------------------------------------------------------------

@pytest.mark.parametrize("letter", LETTERS, ids=[each.meta.id for each in LETTERS])
def test_hostile_input_is_only_ever_text(tool, letter):
    page = tool(letter)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    values = {f.name: f"{HOSTILE} {f.name}" for f in letter.meta.fields}
    extras = {"print-from": HOSTILE + "\nline two", "print-to": HOSTILE} if letter.meta.channel == "letter" else {}
    if letter.meta.subject:
        extras["email-to"] = "javascript:alert(1)"
    fill(page, letter, {**values, **extras})
    page.wait_for_timeout(300)  # give anything that could fire a chance to

    assert dialogs == []
    assert page.evaluate("typeof window.__hacked") == "undefined"
    # The preview holds only the tool's own elements, and the literal text.
    tags = page.eval_on_selector(".ns-letter-sheet", "s => [...s.querySelectorAll('*')].map(e => e.tagName + '.' + (e.classList[0] || ''))")
    assert set(tags) <= {"DIV.ns-sheet__from", "P.ns-sheet__date", "DIV.ns-sheet__to", "P.ns-sheet__subject", "SPAN.", "DIV.ns-sheet__body", "BDI.ns-value"}, tags
    assert page.locator(".ns-letter img, .ns-letter-sheet script").count() == 0
    assert preview_text(page) == render_text(letter.body, values)
    assert HOSTILE in preview_text(page)

    if letter.meta.subject:
        href = page.get_attribute("[data-ns='email']", "href")
        parts = mailto_parts(href)
        assert parts["to"] == "javascript:alert(1)" and href.startswith("mailto:javascript%3Aalert(1)?")
        assert parts["subject"] == render_text(letter.meta.subject, values, inline=True)
        assert parts["body"].replace("\r\n", "\n") == render_text(letter.body, values)

    page.emulate_media(media="print")
    printed = page.inner_text(".ns-letter-sheet")
    assert HOSTILE in printed and not page.is_visible("[data-ns='form']")
    assert dialogs == []


# Privacy: remembering, clearing, and no requests ---------------------------

def test_details_are_kept_only_when_asked_and_cleared_on_request(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    remember = f"#ns-letter-{letter.meta.id}-remember"
    assert not page.is_checked(remember)
    fill(page, letter, {"your_name": "Zoë Ångström"})
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None

    page.check(remember)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["version"] == 1 and stored["values"]["your_name"] == "Zoë Ångström"
    fill(page, letter, {"company": "李小龙 Ltd"})
    assert json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["values"]["company"] == "李小龙 Ltd"

    # Another letter picks the details up.
    other = CONTENT.letters["thank-you-keep-in-mind"]
    page.goto(page.url.replace(letter.url, other.url))
    page.wait_for_selector("[data-ns-ready]", state="attached")
    assert page.is_checked(f"#ns-letter-{other.meta.id}-remember")
    assert page.input_value(field(other, "your_name")) == "Zoë Ångström"
    assert "Zoë Ångström" in preview_text(page)

    page.click("[data-ns='clear']")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.input_value(field(other, "your_name")) == "" and not page.is_checked(f"#ns-letter-{other.meta.id}-remember")
    page.reload()
    page.wait_for_selector("[data-ns-ready]", state="attached")
    assert page.input_value(field(other, "your_name")) == ""

    # Turning it off forgets too.
    page.check(f"#ns-letter-{other.meta.id}-remember")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is not None
    page.uncheck(f"#ns-letter-{other.meta.id}-remember")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None


def test_nothing_typed_leaves_the_page(tool):
    letter = CONTENT.letters["introduce-yourself-to-a-recruiter"]
    page = tool(letter, settle=True)  # the page itself has finished loading
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda w: requests.append(w.url))
    fill(page, letter, {**examples(letter), "email-to": "jordan@example.com"})
    page.press(field(letter, "your_name"), "Enter")
    page.check(f"#ns-letter-{letter.meta.id}-remember")
    page.click("[data-ns='copy']")
    wait_until(page, "window.__copied.length === 1")
    page.click("[data-ns='copy-subject']")
    with page.expect_download():
        page.click("[data-ns='download']")
    page.click("[data-ns='print']")
    page.uncheck(f"#ns-letter-{letter.meta.id}-remember")
    page.click("[data-ns='clear']")
    page.wait_for_timeout(500)
    assert requests == []


# Without JavaScript; keyboard; accessibility when in use --------------------

def test_without_javascript_the_template_reads_with_gaps(browser, server):
    letter = CONTENT.letters["feedback-after-interview"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url(letter.url))
        assert not page.is_visible("[data-ns='form']") and not page.is_visible("[data-ns='copy']")
        text = page.inner_text("[data-ns='sheet-body']")
        assert text == render_text(letter.body, {}, labels(letter), blank_form=True)
        assert "[Interviewer's name]" in text and "[Your name]" in text
        page.emulate_media(media="print")
        assert page.is_visible("[data-ns='sheet-body']") and not page.is_visible(".md-header")
    finally:
        context.close()


def test_keyboard_only_fill_and_copy(tool):
    letter = CONTENT.letters["linkedin-stay-in-touch"]
    page = tool(letter)
    page.focus(field(letter, letter.meta.fields[0].name))
    for f in letter.meta.fields:  # hints are not focusable: Tab goes box to box
        page.keyboard.type(f.example)
        page.keyboard.press("Tab")
    # Tab on to the copy button and press it.
    for _ in range(30):
        if page.evaluate("document.activeElement.dataset.ns") == "copy":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.ns") == "copy"
    page.keyboard.press("Enter")
    wait_until(page, "window.__copied.length === 1")
    assert page.evaluate("navigator.clipboard.readText()") == render_text(letter.body, examples(letter))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tool_in_use_has_no_axe_violations(browser, server, scheme):
    letter = CONTENT.letters["thank-you-keep-in-mind"]
    context = browser.new_context(color_scheme=scheme, viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(server.url(letter.url))
        page.wait_for_selector("[data-ns-ready]", state="attached")
        fill(page, letter, {"contact_name": "Alex", "print-from": "1 High Street"})
        page.click("[data-ns='copy']")  # shows the warning
        found = a11y.violations(page)
        assert not found, a11y.describe(found)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


# A message with a length limit --------------------------------------------------

def test_linkedin_note_warns_politely_when_too_long(tool):
    letter = CONTENT.letters["linkedin-stay-in-touch"]
    limit = letter.meta.max_length
    assert limit == 200  # LinkedIn's lower limit, for free accounts
    page = tool(letter)
    warning = page.locator("[data-ns='length-warning']")
    assert warning.get_attribute("role") == "status"  # polite: read out, never an alert
    fill(page, letter, examples(letter))
    short = render_text(letter.body, examples(letter))
    assert len(short) <= limit
    assert page.text_content("[data-ns='length-count']") == str(len(short))
    assert warning.text_content() == ""
    page.fill(field(letter, "company"), "Northside Bank and Building Society of Greater Manchester and the North West Region")
    long = render_text(letter.body, {**examples(letter), "company": page.input_value(field(letter, "company"))})
    assert len(long) > limit
    assert page.text_content("[data-ns='length-count']") == str(len(long))
    assert f"longer than {limit} characters" in warning.text_content()
    # A warning, not a block: the message still copies.
    page.click("[data-ns='copy']")
    wait_until(page, "window.__copied.length === 1")
    page.fill(field(letter, "company"), "Northside Bank")
    assert warning.text_content() == ""


def test_letters_without_a_limit_show_no_count(tool):
    page = tool(CONTENT.letters["reply-to-the-rejection"])
    assert page.locator("[data-ns='length-count']").count() == 0


# The email button (bug B2) --------------------------------------------------

def mail_app_openings(page) -> list[str]:
    """Every mailto: address the page asks the browser to open, seen from the browser's side."""
    opened: list[str] = []
    cdp = page.context.new_cdp_session(page)
    cdp.on("Page.frameRequestedNavigation", lambda event: opened.append(event["url"]) if event["url"].startswith("mailto:") else None)
    cdp.send("Page.enable")
    return opened


def test_the_email_button_opens_the_mail_app_once(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    opened = mail_app_openings(page)
    fill(page, letter, {**examples(letter), "email-to": "alex@example.com"})
    page.click("[data-ns='email']")
    page.wait_for_timeout(500)
    assert len(opened) == 1 and opened[0] == page.get_attribute("[data-ns='email']", "href")

    # With a gap left: nothing opens until "Open anyway", then once.
    opened.clear()
    page.fill(field(letter, "your_name"), "")
    page.click("[data-ns='email']")
    page.wait_for_timeout(300)
    assert opened == []
    page.click("[data-ns='continue']")
    page.wait_for_timeout(500)
    assert len(opened) == 1


def test_the_readers_own_name_box_can_be_filled_by_the_browser(tool):
    letter = CONTENT.letters["feedback-after-interview"]
    page = tool(letter)
    assert page.get_attribute(field(letter, "your_name"), "autocomplete") == "name"
    # Boxes about someone else must not offer the reader's own details.
    assert page.get_attribute(field(letter, "interviewer_name"), "autocomplete") == "off"
    assert page.get_attribute(field(letter, "email-to"), "autocomplete") == "off"
