"""The content model rejects each kind of bad front matter with file, field and what is allowed."""

from __future__ import annotations

from nextsteps.content import load_content
from support import ROOT, edit, journeys, problems_for

STAGES = journeys()  # the journeys the guide's stage pages declare

STEP = """---
title: Ask for feedback
summary: Ask what went well.
order: {order}
when: today
checklist:
  - id: {item_id}
    text: Send the email.
letters: []
reviewed: 2026-11-23
---
Body text.
"""


def add_to_path(docs, stage: str, slug: str) -> None:
    """Put a step on a stage's path, as an editor would: one line in the stage page."""
    edit(docs / f"stages/{stage}.md", "path:\n", f"path:\n  - {slug}\n")


def test_the_real_guide_is_valid():
    content = load_content(ROOT / "docs")
    assert [s.meta.order for s in content.steps] == sorted(s.meta.order for s in content.steps)
    # The main guide's journeys, in the order their pages give.
    assert content.journeys == ("application", "interview", "final")
    assert len(content.checklist()) >= 12


def test_the_paths_really_differ():
    content = load_content(ROOT / "docs")
    paths = {stage: [s.slug for s in content.steps_for(stage)] for stage in content.stages}
    assert len({tuple(p) for p in paths.values()}) == 3
    assert "send-a-thank-you-note" not in paths["application"], "a thank-you note is for people who met the employer"
    # The path is the order the stage page gives, not the global order.
    assert paths["final"].index("send-a-thank-you-note") < paths["final"].index("ask-for-feedback")


def test_a_path_is_read_from_the_stage_page_in_order(docs):
    path = docs / "stages/application.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("path:"), text.index("reviewed:")
    path.write_text(text[:start] + "path: [keep-applying, its-not-personal, reply-to-the-rejection, ask-for-feedback, learn-from-it, change-how-you-search, keep-learning]\n" + text[end:], encoding="utf-8")
    content = load_content(docs)
    assert [s.slug for s in content.steps_for("application")][:2] == ["keep-applying", "its-not-personal"]


def test_unknown_slug_in_a_path(docs):
    add_to_path(docs, "interview", "ask-for-feedbak")
    message = problems_for(docs)
    assert "docs/stages/interview.md: field 'path[0]': no step has the slug 'ask-for-feedbak'" in message
    assert "Known steps: ask-for-feedback, change-how-you-search" in message


def test_a_step_twice_in_one_path(docs):
    add_to_path(docs, "interview", "keep-applying")
    message = problems_for(docs)
    assert "docs/stages/interview.md: field 'path[" in message
    assert "'keep-applying' is already on this path at path[0]; list each step once" in message


def test_a_step_on_no_path(docs):
    (docs / "steps/extra.md").write_text(STEP.format(order=99, item_id="new-item"), encoding="utf-8")
    message = problems_for(docs)
    assert "docs/steps/extra.md: this step is on no stage's path" in message
    assert "Add 'extra' to the field 'path' in one or more of docs/stages/application.md" in message


def test_a_new_step_joins_a_path_with_one_line(docs):
    (docs / "steps/extra.md").write_text(STEP.format(order=99, item_id="new-item"), encoding="utf-8")
    add_to_path(docs, "interview", "extra")
    content = load_content(docs)
    assert content.steps_for("interview")[0].slug == "extra"
    assert "extra" not in [s.slug for s in content.steps_for("application")]
    assert "new-item" in [i.id for i in content.checklist("interview")]
    assert "new-item" not in [i.id for i in content.checklist("application")]


def test_the_old_stages_field_says_where_stages_are_now(docs):
    edit(docs / "steps/keep-applying.md", "when: ongoing", "stages: [interview]\nwhen: ongoing")
    message = problems_for(docs)
    assert "docs/steps/keep-applying.md: field 'stages': steps no longer list their stages" in message
    assert "'path' list of docs/stages/<stage>.md" in message


def test_stage_wording_for_a_stage_the_step_is_not_on(docs):
    # send-a-thank-you-note is not on the application path.
    edit(docs / "steps/send-a-thank-you-note.md", "for_stage:\n", "for_stage:\n  application:\n    intro: Hello.\n")
    message = problems_for(docs)
    assert "docs/steps/send-a-thank-you-note.md: field 'for_stage.application': this step is not on the 'application' path" in message


def test_stage_wording_for_an_unknown_stage(docs):
    edit(docs / "steps/send-a-thank-you-note.md", "for_stage:\n", "for_stage:\n  phone-call:\n    intro: Hello.\n")
    message = problems_for(docs)
    line = (docs / "steps/send-a-thank-you-note.md").read_text(encoding="utf-8").splitlines().index("  phone-call:") + 1
    expected = f"docs/steps/send-a-thank-you-note.md: field 'for_stage.phone-call': no journey has the slug 'phone-call'. Journeys: {', '.join(STAGES)} (line {line})"
    assert expected in message


def test_unknown_field_in_stage_wording(docs):
    edit(docs / "steps/send-a-thank-you-note.md", "    intro: |", "    intro_text: |")
    message = problems_for(docs)
    assert "docs/steps/send-a-thank-you-note.md: field 'for_stage.final.intro_text': unknown field. Allowed fields are: intro, more, checklist" in message


def test_stage_extra_item_ids_are_unique_too(docs):
    edit(docs / "steps/learn-from-it.md", "id: learn-check-cv-against-advert", "id: ask-feedback-send-email")
    message = problems_for(docs)
    assert "docs/steps/learn-from-it.md: field 'for_stage.application.checklist[0].id': 'ask-feedback-send-email' is already used in steps/ask-for-feedback.md" in message


def test_empty_stage_extra_item_names_the_item(docs):
    edit(docs / "steps/learn-from-it.md", "text: Check your CV against the advert. Does it show the skills they asked for?", 'text: ""')
    message = problems_for(docs)
    assert "docs/steps/learn-from-it.md: field 'for_stage.application.checklist[0].text': checklist item 'learn-check-cv-against-advert': must not be empty" in message


def test_a_stage_page_needs_a_path(docs):
    path = docs / "stages/final.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("path:"), text.index("reviewed:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    message = problems_for(docs)
    assert "docs/stages/final.md: field 'path': this field is required but missing" in message


def test_an_empty_path(docs):
    path = docs / "stages/final.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("path:"), text.index("reviewed:")
    path.write_text(text[:start] + "path: []\n" + text[end:], encoding="utf-8")
    assert "docs/stages/final.md: field 'path': this journey has no steps. List at least one step slug" in problems_for(docs)


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
    assert "field 'order': must be a whole number (got 'third')" in problems_for(docs)


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
    add_to_path(docs, "interview", "extra")
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
    assert "field 'summary': must be at most 160 characters long; it has 199" in problems_for(docs)


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
    edit(step, "\nletters: [", "\nletters: [[")
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: the front matter is not valid YAML" in message
    assert message.rstrip().endswith(f"(line {line_of(step, 'letters:')})"), message


def test_unclosed_quote_names_the_line_it_opens_on_not_the_end(docs):
    # YAML notices only at the end of the front matter; the editor needs line 2.
    step = docs / "steps/ask-for-feedback.md"
    edit(step, "title: ", 'title: "')
    assert line_of(step, "title:") == 2
    assert problems_for(docs).rstrip().endswith("(line 2)")


def test_unclosed_quote_before_another_quoted_field_names_its_own_line(docs):
    # The open quote swallows the lines up to the next quotation mark, and YAML
    # stumbles only there; the editor needs the line the quote opens on.
    letter = docs / "letters/feedback-after-interview.md"
    edit(letter, "title: Ask for feedback after an interview", 'title: "Ask for feedback after an interview')
    [problem] = [line for line in problems_for(docs).splitlines() if "feedback-after-interview.md" in line]
    assert "the front matter is not valid YAML: a quotation mark on this line" in problem
    assert problem.endswith(f"(line {line_of(letter, 'title:')})"), problem


def test_field_problems_name_the_line_of_the_field(docs):
    step = docs / "steps/ask-for-feedback.md"
    edit(step, "when:", "wen:")
    edit(step, "  - id: ", "  - id: Not An Id ")
    message = problems_for(docs)
    assert "field 'wen': unknown field. Allowed fields are: " in message
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


def test_stage_letters_must_exist(docs):
    # A stage's own letter list, as an editor adds one under for_stage.
    edit(docs / "steps/ask-for-feedback.md", "\nletters: [", "\nfor_stage:\n  application:\n    letters: [no-such-letter]\nletters: [")
    message = problems_for(docs)
    assert "docs/steps/ask-for-feedback.md: field 'for_stage.application.letters[0]': no letter template has the id 'no-such-letter'" in message


# Parts of a step for some stages only (<!-- nextsteps:only ... -->) --------------

def test_a_stage_only_part_for_an_unknown_stage_names_the_line(docs):
    step = docs / "steps/keep-applying.md"
    edit(step, "<!-- nextsteps:only application -->", "<!-- nextsteps:only aplication -->")
    line = step.read_text(encoding="utf-8").splitlines().index("<!-- nextsteps:only aplication -->") + 1
    message = problems_for(docs)
    expected = f"unknown journey 'aplication' in 'nextsteps:only': no page in stages/ declares it. Journeys: {', '.join(STAGES)} (line {line})"
    assert f"docs/steps/keep-applying.md: field 'body': {expected}" in message


def test_a_stage_only_part_that_is_never_closed(docs):
    edit(docs / "steps/keep-applying.md", "<!-- nextsteps:end -->\n\n<!-- nextsteps:only interview final -->", "\n<!-- nextsteps:only interview final -->")
    message = problems_for(docs)
    assert "starts before the one on line" in message and "Close it first with <!-- nextsteps:end -->" in message


def test_a_stage_only_part_for_a_stage_the_step_is_not_on(docs):
    # The thank-you note is on the interview and final paths, not the one after applying.
    edit(docs / "steps/send-a-thank-you-note.md", "\n## ", "\n<!-- nextsteps:only application -->\nOnly for applicants.\n<!-- nextsteps:end -->\n\n## ")
    message = problems_for(docs)
    assert "docs/steps/send-a-thank-you-note.md: field 'body': this step is not on the 'application' path, so no reader would see this part. It is on: final, interview" in message


def test_stage_only_markers_belong_in_step_pages(docs):
    edit(docs / "privacy.md", "\n\n", "\n\n<!-- nextsteps:only interview -->\nText.\n<!-- nextsteps:end -->\n\n")
    assert "docs/privacy.md: field 'body': nextsteps:only and nextsteps:end work in step pages only" in problems_for(docs)


def test_stage_only_parts_keep_only_their_stage():
    from nextsteps.content import stage_parts

    body = "All.\n<!-- nextsteps:only interview final -->\nMet them.\n<!-- nextsteps:end -->\n<!-- nextsteps:only application -->\nPapers.\n<!-- nextsteps:end -->\nEnd.\n"
    assert stage_parts.for_stage(body, "application") == "All.\nPapers.\nEnd.\n"
    assert stage_parts.for_stage(body, "final") == "All.\nMet them.\nEnd.\n"
    assert stage_parts.for_stage(body, None) == "All.\nMet them.\nPapers.\nEnd.\n"


# Journeys are what the stage pages declare -----------------------------------


def test_two_journeys_with_the_same_slug_name_both_files(docs):
    copy = docs / "stages/final-again.md"
    copy.write_text((docs / "stages/final.md").read_text(encoding="utf-8").replace("order: 3", "order: 4"), encoding="utf-8")
    line = copy.read_text(encoding="utf-8").splitlines().index("stage: final") + 1
    found = [p for p in problems_for(docs).splitlines() if "is already the slug" in p]
    assert len(found) == 1 and "docs/stages/final-again.md" in found[0] and "docs/stages/final.md" in found[0], found
    assert found[0].endswith(f"field 'stage': 'final' is already the slug of the journey in {'docs/stages/final.md' if 'again.md: ' in found[0] else 'docs/stages/final-again.md'}; each journey needs its own slug (line {line})")


def test_two_journeys_with_the_same_number(docs):
    edit(docs / "stages/final.md", "order: 3", "order: 1")
    message = problems_for(docs)
    assert "field 'order': 1 is also used by docs/stages/application.md; each journey needs its own number" in message


def test_journeys_follow_their_numbers_not_their_names(docs):
    edit(docs / "stages/application.md", "order: 1", "order: 5")
    assert load_content(docs).journeys == ("interview", "final", "application")


def test_a_guide_with_no_journey(docs):
    for page in (docs / "stages").glob("*.md"):
        page.unlink()
    message = problems_for(docs)
    assert "docs/stages/: the guide declares no journey" in message
