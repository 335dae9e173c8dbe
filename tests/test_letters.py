"""Letter templates in the real build: pages, no-JavaScript view, Word, PDF, JSON, errors."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from nextsteps.content import load_content
from nextsteps.content.letter_template import normalise
from nextsteps.letters import docx_bytes, render_text
from support import ROOT, build, copy_project, edit, plain_text, problems_for

CONTENT = load_content(ROOT / "docs")
LETTERS = list(CONTENT.letters.values())
IDS = [each.meta.id for each in LETTERS]
SITE_URL = "https://nextsteps.example.org/"


def labels(letter) -> dict[str, str]:
    return {f.name: f.label for f in letter.meta.fields}


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Parts(HTMLParser):
    """Collects the text inside elements with a given data-ns value, and every tag with its attributes."""

    def __init__(self, wanted: str):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
        if self.depth:
            self.depth += 1
        elif attributes.get("data-ns") == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
        if self._script is not None:
            self.script_bodies.append((self._script, data))
            self._script = None


def parsed(html: str, wanted: str = "sheet-body") -> _Parts:
    parser = _Parts(wanted)
    parser.feed(html)
    return parser


# Pages ----------------------------------------------------------------------

def test_index_lists_every_template_with_purpose_and_when(site):
    html = page_html(site, "letters")
    for letter in LETTERS:
        assert f'href="{letter.meta.id}/"' in html
        assert letter.meta.purpose in html.replace("&#39;", "'")
        assert letter.meta.send_when.replace("'", "&#39;") in html or letter.meta.send_when in html
    assert 'href="../api/letters.json"' in html


def test_nav_lists_the_index_and_the_index_lists_each_letter(site):
    # A short navigation: one link to the templates, not one per letter.
    html = page_html(site, "")
    nav = html[html.index('class="md-nav md-nav--primary"') : html.index('data-md-type="toc"')]
    assert re.findall(r'href="(letters/[^"]*)"', nav) == ["letters/"]
    index = page_html(site, "letters/")
    assert [i for i in sorted(IDS) if f'href="{i}/"' in index] == sorted(IDS)


@pytest.mark.parametrize("letter_id", IDS)
def test_letter_page_without_javascript_shows_the_template_with_gaps(site, letter_id):
    letter = CONTENT.letters[letter_id]
    html = page_html(site, letter.url)
    assert "<h1 id=\"main-heading\">" + letter.meta.title.replace("'", "&#39;") + "</h1>" in html
    assert "When to send it:" in html and "How to send it:" in html
    body = "".join(parsed(html).text)
    assert body == render_text(letter.body, {}, labels(letter), blank_form=True)
    for field in letter.meta.fields:
        assert f"[{field.label}]" in body or f"[{field.label}]" in "".join(parsed(html, "sheet-subject").text)
        assert f'<label class="ns-field__label" for="ns-letter-{letter_id}-{field.name}">' in html
    # The form and the buttons need the script: the stylesheet shows them only
    # where scripts run, from the first paint (no hidden attribute to lift later).
    assert re.search(r'<div class="ns-letter__form" data-ns="form" data-ns-js[ >]', html)
    assert re.search(r'<div class="ns-letter__actions" data-ns-js>', html)
    css = (site / "assets/stylesheets/letters.css").read_text(encoding="utf-8")
    assert "@media (scripting: none) { .ns-letter [data-ns-js] { display: none !important; } }" in css
    assert 'src="../../assets/javascripts/letters.js"' in html
    assert f'href="../../downloads/letters/{letter_id}.docx"' in html and f'href="../../downloads/letters/{letter_id}.pdf"' in html


@pytest.mark.parametrize("letter_id", IDS)
def test_only_posted_letters_ask_for_addresses(site, letter_id):
    """An email or a LinkedIn note has no postal addresses: its form offers no address boxes."""
    letter = CONTENT.letters[letter_id]
    html = page_html(site, letter.url)
    asks = 'name="print-from"' in html and 'name="print-to"' in html and "Addresses for your letter" in html
    assert asks == (letter.meta.channel == "letter"), letter.meta.channel
    if letter.meta.channel != "letter":
        # The sheet's address gaps are for paper only, never on screen.
        assert re.search(r'class="ns-sheet__from ns-print-only"', html)


def test_greetings_use_a_first_name_and_have_a_fallback():
    """Example names are first names ("Dear Priya"); a greeting whose name is optional has words to fall back on."""
    for letter in LETTERS:
        for field in letter.meta.fields:
            if field.name.endswith("_name") and field.name != "your_name":
                assert " " not in (field.example or ""), (letter.meta.id, field.example)
                hint = field.hint or ""
                assert not re.search(r'"Dear \w+ \w+"', hint), (letter.meta.id, hint)
        first_line = letter.body.strip().splitlines()[0]
        greeting = first_line.split(",")[0]
        optional = {f.name for f in letter.meta.fields if not f.required}
        if any(f"{{{{ {name} }}}}" in greeting for name in optional):
            assert first_line.startswith("[[") and "||" in first_line, (letter.meta.id, first_line)


def test_the_recruiter_letter_attaches_the_cv():
    body = CONTENT.letters["introduce-yourself-to-a-recruiter"].body
    assert "I have attached my CV" in body and "I can send you my CV" not in body


@pytest.mark.parametrize("letter_id", IDS)
def test_letter_page_carries_its_template_as_data_not_code(site, letter_id):
    """No inline code anywhere is checked site-wide (test_csp.py)."""
    html = page_html(site, CONTENT.letters[letter_id].url)
    found = parsed(html)
    for attrs, body in found.script_bodies:
        assert "src" in attrs or attrs.get("type") == "application/json", body[:80]
    data = [json.loads(body) for attrs, body in found.script_bodies if attrs.get("type") == "application/json"]
    assert data and data[0]["id"] == letter_id


def test_only_letter_pages_load_the_letter_script(site):
    script = "assets/javascripts/letters.js"
    assert script not in page_html(site, CONTENT.steps[0].url)
    assert script not in page_html(site, "letters")
    assert script in page_html(site, LETTERS[0].url)


def test_every_letter_is_linked_from_a_step_or_is_an_alternative_to_the_one_reply():
    """A path offers one reply; the letters sent instead of it live on /letters/ only, and say so."""
    linked = {letter_id for step in CONTENT.steps for letter_id in step.meta.letters}
    for letter_id in set(IDS) - linked:
        assert "instead of the reply to the rejection" in CONTENT.letters[letter_id].meta.send_when, letter_id


def test_step_pages_link_to_their_letters(site):
    for step in CONTENT.steps:
        for letter_id in step.meta.letters:
            assert f'href="../../letters/{letter_id}/"' in page_html(site, step.url)


# JSON -----------------------------------------------------------------------

def test_letters_json_has_exactly_the_public_shape(site):
    data = json.loads((site / "api/letters.json").read_text(encoding="utf-8"))
    assert list(data) == ["version", "letters"] and data["version"] == 1
    assert [each["id"] for each in data["letters"]] == IDS
    for entry, letter in zip(data["letters"], LETTERS, strict=True):
        assert list(entry) == ["id", "title", "url", "channel", "subject", "fields", "body", "max_length"]
        assert entry["max_length"] == letter.meta.max_length
        assert entry["url"] == f"{SITE_URL}letters/{letter.meta.id}/"
        assert entry["title"] == letter.meta.title and entry["channel"] == letter.meta.channel
        assert entry["subject"] == letter.meta.subject
        assert entry["fields"] == [{"name": f.name, "label": f.label, "required": f.required} for f in letter.meta.fields]
        assert entry["body"] == normalise(letter.body)
        assert (site / entry["url"][len(SITE_URL) :] / "index.html").is_file()


# Word -----------------------------------------------------------------------

@pytest.mark.parametrize("letter_id", IDS)
def test_docx_holds_the_template_with_labelled_gaps(site, letter_id):
    letter = CONTENT.letters[letter_id]
    document = docx.Document(str(site / f"downloads/letters/{letter_id}.docx"))
    text = "\n\n".join(p.text for p in document.paragraphs)
    expected = render_text(letter.body, {}, labels(letter), blank_form=True)
    assert expected in text
    if letter.meta.channel == "email":
        assert text.startswith("Subject: " + render_text(letter.meta.subject, {}, labels(letter), blank_form=True, inline=True))
    if letter.meta.channel == "letter":
        assert text.startswith("[Your address]\n\n[Date]\n\n[Their name and address]")
    gaps = [r.text for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert "[Your name]" in gaps
    props = document.core_properties
    day = datetime.combine(letter.meta.reviewed, datetime.min.time())
    assert props.title == letter.meta.title and props.language == "en-GB"
    assert props.created.replace(tzinfo=None) == day and props.modified.replace(tzinfo=None) == day


def test_docx_is_the_same_bytes_whenever_it_is_made(site):
    """The site's copy was made by another process at another moment."""
    for letter in LETTERS:
        built = site / f"downloads/letters/{letter.meta.id}.docx"
        author = docx.Document(str(built)).core_properties.author
        assert author
        assert docx_bytes(letter, author=author) == built.read_bytes(), letter.meta.id


# PDF ------------------------------------------------------------------------

def _words(text: str) -> str:
    return plain_text(text)


@pytest.mark.parametrize("letter_id", IDS)
def test_pdf_holds_the_template_with_lines_to_write_on(site, letter_id):
    letter = CONTENT.letters[letter_id]
    reader = pypdf.PdfReader(io.BytesIO((site / f"downloads/letters/{letter_id}.pdf").read_bytes()))
    assert len(reader.pages) == 1
    text = _words(reader.pages[0].extract_text())
    assert letter.meta.title in text
    # Every line of template words is there, and each gap is labelled under its line.
    filled = render_text(letter.body, {f.name: "\x00" for f in letter.meta.fields}, blank_form=True)
    for chunk in filled.replace("\n", "\x00").split("\x00"):
        assert _words(chunk) in text, chunk
    for field in letter.meta.fields:
        assert field.label in text
    meta = reader.metadata
    assert meta.title == letter.meta.title
    assert meta["/CreationDate"].startswith("D:" + letter.meta.reviewed.strftime("%Y%m%d"))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


# Build errors: file and field named, nothing written ------------------------

BREAKAGES = {
    "undeclared placeholder": (
        "letters/feedback-after-interview.md",
        "Thank you again for your time.",
        "Thank you again, {{ manager }}.",
        "docs/letters/feedback-after-interview.md: field 'body': line 7: {{ manager }} is not a declared field. Declared fields: interviewer_name, job_title",
    ),
    "declared field never used": (
        "letters/feedback-after-interview.md",
        "Best wishes,\n{{ your_name }}",
        "Best wishes,",
        "docs/letters/feedback-after-interview.md: field 'fields[4].name': 'your_name' is declared but never used",
    ),
    "optional marker without a field": (
        "letters/introduce-yourself-to-a-recruiter.md",
        "I have attached my CV.",
        "[[I have attached my CV.]]",
        "docs/letters/introduce-yourself-to-a-recruiter.md: field 'body': line 7: the optional part has no {{ field }}",
    ),
    "duplicate id": (
        "letters/linkedin-stay-in-touch.md",
        "id: linkedin-stay-in-touch",
        "id: feedback-after-interview",
        "docs/letters/linkedin-stay-in-touch.md: field 'id': 'feedback-after-interview' is already used by docs/letters/feedback-after-interview.md",
    ),
    "step links to a missing letter": (
        "steps/reply-to-the-rejection.md",
        "letters: [reply-to-the-rejection, ask-your-recruiter-for-feedback, check-in-after-no-reply]",
        "letters: [reply-to-the-rejection, ask-your-recruiter-for-feedbak, check-in-after-no-reply]",
        "docs/steps/reply-to-the-rejection.md: field 'letters[1]': no letter template has the id 'ask-your-recruiter-for-feedbak'",
    ),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_broken_letter_is_refused_with_its_file_field_and_line(docs, name):
    """Every breakage, as the build's content check finds it: the build runs this
    check before it writes anything (the test below runs the real build once)."""
    rel, old, new, expected = BREAKAGES[name]
    edit(docs / rel, old, new)
    assert expected in problems_for(docs)


def test_a_broken_letter_stops_the_build_before_writing_anything(tmp_path):
    project = copy_project(tmp_path / "project")
    rel, old, new, expected = BREAKAGES["undeclared placeholder"]
    edit(project / "docs" / rel, old, new)
    result = build(tmp_path / "out", project)
    assert result.returncode != 0
    assert expected in result.output, result.output[-2000:]
    assert not (tmp_path / "out").exists()


def test_a_hint_that_repeats_the_templates_words_stops_the_build(docs):
    # Bug B1: 'Such as "Dear Alex"' led readers to a letter that said "Dear Dear Alex,".
    edit(docs / "letters/feedback-after-interview.md", 'hint: Such as "Alex".', 'hint: Such as "Dear Alex".')
    message = problems_for(docs)
    assert "docs/letters/feedback-after-interview.md: field 'fields[0].hint': 'Dear Alex' starts with 'Dear'" in message
    assert "(line 11)" in message


def test_no_hint_or_example_repeats_the_words_around_its_gap():
    for letter in LETTERS:
        for spec in letter.meta.fields:
            for quoted in [*re.findall(r'"([^"]+)"', spec.hint), spec.example]:
                assert not quoted.lower().startswith("dear "), (letter.meta.id, spec.name)
