"""The content model rejects each kind of bad front matter with file, field and what is allowed."""

from __future__ import annotations



from nextsteps.content import load_content
from support import ROOT, edit, problems_for

STEP = """---
title: Ask for feedback
summary: Ask what went well.
order: {order}
stages: [interview]
when: today
checklist:
  - id: {item_id}
    text: Send the email.
letters: []
reviewed: 2026-11-23
---
Body text.
"""


def test_the_real_guide_is_valid():
    content = load_content(ROOT / "docs")
    assert [s.meta.order for s in content.steps] == sorted(s.meta.order for s in content.steps)
    assert set(content.stages) == {"application", "interview", "final"}
    assert len(content.checklist()) >= 12


def test_missing_field(docs):
    edit(docs / "steps/ask-for-feedback.md", "when:", "# when:")
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: field 'when': this field is required" in message


def test_unknown_field_lists_the_allowed_ones(docs):
    edit(docs / "steps/ask-for-feedback.md", "summary:", "sumary:")
    message = problems_for(docs)
    assert "field 'sumary': unknown field. Allowed fields are: title, summary, order" in message


def test_wrong_type(docs):
    edit(docs / "steps/ask-for-feedback.md", "order: 4", "order: third")
    assert "field 'order': Input should be a valid integer" in problems_for(docs)


def test_unknown_stage_names_the_allowed_ones(docs):
    path = docs / "steps/keep-applying.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("stages:")
    end = text.index("\n", start)
    path.write_text(text[:start] + "stages: [applied]" + text[end:], encoding="utf-8")
    message = problems_for(docs)
    assert "field 'stages[0]'" in message and "'application', 'interview' or 'final'" in message
    assert "'applied'" in message


def test_unknown_when(docs):
    path = docs / "steps/keep-applying.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nwhen:") + 1
    end = text.index("\n", start)
    path.write_text(text[:start] + "when: tomorrow" + text[end:], encoding="utf-8")
    message = problems_for(docs)
    assert "field 'when'" in message and "'today', 'this-week' or 'ongoing'" in message


def test_duplicate_order(docs):
    (docs / "steps/extra.md").write_text(STEP.format(order=1, item_id="a-new-item"), encoding="utf-8")
    message = problems_for(docs)
    assert "docs/steps/extra.md: field 'order': 1 is also used by" in message


def test_duplicate_checklist_id(docs):
    existing = load_content(ROOT / "docs").checklist()[0].id
    (docs / "steps/extra.md").write_text(STEP.format(order=99, item_id=existing), encoding="utf-8")
    message = problems_for(docs)
    assert f"field 'checklist[0].id': '{existing}' is already used in" in message


def test_summary_too_long(docs):
    path = docs / "steps/extra.md"
    path.write_text(STEP.format(order=99, item_id="new-item").replace("Ask what went well.", "word " * 40), encoding="utf-8")
    assert "field 'summary': String should have at most 160 characters" in problems_for(docs)


def test_link_to_missing_letter(docs):
    (docs / "steps/extra.md").write_text(STEP.format(order=99, item_id="new-item").replace("letters: []", "letters: [no-such-letter]"), encoding="utf-8")
    message = problems_for(docs)
    assert "docs/steps/extra.md: field 'letters[0]': no letter template has the id 'no-such-letter'" in message


def test_link_to_missing_step(docs):
    (docs / "steps/extra.md").write_text(STEP.format(order=99, item_id="new-item") + "\nSee [this](gone-away.md).\n", encoding="utf-8")
    assert "docs/steps/extra.md: field 'body': the link to 'gone-away.md' points to no page" in problems_for(docs)


def line_of(path, start: str) -> int:
    """The line (from 1) of the first line of a file that starts with ``start``."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith(start))


def test_broken_yaml_names_the_line_in_the_file(docs):
    step = docs / "steps/ask-for-feedback.md"
    edit(step, "stages: [", "stages: [[")
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: the front matter is not valid YAML" in message
    assert message.rstrip().endswith(f"(line {line_of(step, 'stages:')})"), message


def test_unclosed_quote_names_the_line_it_opens_on_not_the_end(docs):
    # YAML notices only at the end of the front matter; the editor needs line 2.
    step = docs / "steps/ask-for-feedback.md"
    edit(step, "title: ", 'title: "')
    assert line_of(step, "title:") == 2
    assert problems_for(docs).rstrip().endswith("(line 2)")


def test_field_problems_name_the_line_of_the_field(docs):
    step = docs / "steps/ask-for-feedback.md"
    edit(step, "when:", "wen:")
    edit(step, "  - id: ", "  - id: Not An Id ")
    message = problems_for(docs)
    assert f"field 'wen': unknown field. Allowed fields are: " in message
    assert f"(line {line_of(step, 'wen:')})" in message
    assert f"(line {line_of(step, '  - id: Not An Id')})" in message


def test_missing_front_matter(docs):
    (docs / "privacy.md").write_text("Just text.\n", encoding="utf-8")
    assert "docs/privacy.md: the file must start with front matter" in problems_for(docs)


def test_every_problem_is_reported_at_once(docs):
    edit(docs / "steps/ask-for-feedback.md", "summary:", "sumary:")
    edit(docs / "steps/keep-learning.md", "reviewed:", "reviewd:")
    message = problems_for(docs)
    assert "ask-for-feedback.md" in message and "keep-learning.md" in message
    assert message.startswith("4 content problems found") or "content problems found" in message
