"""The Python letter renderer and the template checks.

The shared cases in cases/letter_render_cases.json are run here against the
Python renderer and in test_letter_browser.py against letters.js.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nextsteps.content import load_content
from nextsteps.content.letter_template import TemplateError, field_names, parse
from nextsteps.letters import render_parts, render_text
from support import ROOT, edit, problems_for

CASES = json.loads((Path(__file__).parent / "cases" / "letter_render_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shared_case(case):
    body = render_text(case["template"], case["fields"], case.get("labels"), blank_form=case.get("blank_form", False))
    assert body == case["expected_body"]
    if "subject" in case:
        subject = render_text(case["subject"], case["fields"], case.get("labels"), inline=True)
        assert subject == case["expected_subject"]


def test_parts_mark_values_and_gaps():
    parts = render_parts("Dear {{ a }}, from {{ b }}", {"a": " Zoë "}, {"b": "Your name"})
    assert [(p.kind, p.text, p.name) for p in parts] == [
        ("text", "Dear ", ""),
        ("value", "Zoë", "a"),
        ("text", ", from ", ""),
        ("gap", "[Your name]", "b"),
    ]


def test_field_names_in_order_of_first_use():
    assert field_names(parse("{{ b }} [[{{ a }} {{ b }}]] {{ c }}")) == ["b", "a", "c"]


@pytest.mark.parametrize(
    "template, message",
    [
        ("Hello {{ Name }}", "line 1: '{{' must be followed by a field name"),
        ("Hello {{ name", "line 1: '{{' must be followed by a field name"),
        ("Hello }} there", "line 1: '}}' has no '{{' before it"),
        ("One\n[[ no field here ]]", "line 2: the optional part has no {{ field }}"),
        ("[[ {{ a }} [[ {{ b }} ]] ]]", "line 1: an optional part cannot hold another '[['"),
        ("Text ]] here", "line 1: ']]' has no '[[' before it"),
        ("Start [[ {{ a }}\n\nnext paragraph ]]", "line 1: an optional part must end in the paragraph"),
        ("x\n\n[[ {{ a }} and more", "line 3: '[[' is never closed"),
        ("[[ {{ a }} || b || c ]]", "only one '||'"),
        ("[[ {{ a }} || Dear {{ b }} ]]", "cannot contain a {{ field }}"),
    ],
)
def test_template_syntax_errors(template, message):
    with pytest.raises(TemplateError) as caught:
        parse(template)
    assert message in str(caught.value)


# Content checks: each problem names the file and the field ------------------

def test_optional_field_outside_an_optional_part(docs):
    edit(docs / "letters/feedback-after-interview.md", "[[I enjoyed meeting you on {{ interview_date }}.]]", "I enjoyed meeting you on {{ interview_date }}.")
    message = problems_for(docs)
    assert "docs/letters/feedback-after-interview.md: field 'body': line 3: 'interview_date' is optional (required: false)" in message
    assert "must sit inside [[ ]]" in message


def test_email_template_needs_a_subject(docs):
    edit(docs / "letters/feedback-after-interview.md", 'subject: "Feedback on my interview for {{ job_title }}"\n', "")
    message = problems_for(docs)
    assert "docs/letters/feedback-after-interview.md: field 'subject': an email template needs a subject line" in message


def test_linkedin_message_has_no_subject(docs):
    edit(docs / "letters/linkedin-stay-in-touch.md", "channel: linkedin\n", 'channel: linkedin\nsubject: "Hello {{ company }}"\n')
    assert "docs/letters/linkedin-stay-in-touch.md: field 'subject': a LinkedIn message has no subject line" in problems_for(docs)


def test_bad_syntax_in_the_subject(docs):
    edit(docs / "letters/feedback-after-interview.md", "for {{ job_title }}", "for {{ job title }}")
    message = problems_for(docs)
    assert "docs/letters/feedback-after-interview.md: field 'subject': line 1: '{{' must be followed by a field name" in message


def test_unknown_channel_names_the_allowed_ones(docs):
    edit(docs / "letters/linkedin-stay-in-touch.md", "channel: linkedin", "channel: fax")
    message = problems_for(docs)
    assert "docs/letters/linkedin-stay-in-touch.md: field 'channel'" in message and "'email', 'letter' or 'linkedin'" in message


def test_the_real_letters_are_valid_and_use_every_field():
    content = load_content(ROOT / "docs")
    expected = {"feedback-after-application", "feedback-after-interview", "thank-you-keep-in-mind", "introduce-yourself-to-a-recruiter", "linkedin-stay-in-touch"}
    assert expected <= set(content.letters)
    channels = {each.meta.channel for each in content.letters.values()}
    assert channels == {"email", "letter", "linkedin"}
    for letter in content.letters.values():
        used = set(field_names(parse(letter.body))) | set(field_names(parse(letter.meta.subject or "")))
        assert used == {f.name for f in letter.meta.fields}, letter.path
        filled = render_text(letter.body, {f.name: f.example for f in letter.meta.fields})
        assert "[" not in filled and "{{" not in filled, letter.path
