"""Journeys are content: rename one in a copy of the main guide, change no
code, and every address, word, PDF, feed and widget follows."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from nextsteps.content import load_content
from support import Server, build, copy_project, journeys, pdf_page_texts, plain_text

# One group: the renamed guide is built once, by the one worker that runs this module.
pytestmark = pytest.mark.xdist_group("journeys")

OLD, NEW = "interview", "met-the-employer"
NEW_PHRASE = "after you met the employer"
NEW_CHECKLIST_TITLE = "Your checklist: you met the employer"


def rename_journey(docs: Path, old: str, new: str) -> None:
    """What an editor does: rename the page, its ``stage:``, the ``for_stage`` keys and the markers."""
    page = docs / f"stages/{old}.md"
    text = page.read_text(encoding="utf-8").replace(f"stage: {old}\n", f"stage: {new}\n")
    text = re.sub(r"^phrase: .*$", f"phrase: {NEW_PHRASE}", text, count=1, flags=re.M)
    text = text.replace("\npath:\n", f'\nchecklist_title: "{NEW_CHECKLIST_TITLE}"\npath:\n', 1)
    (docs / f"stages/{new}.md").write_text(text, encoding="utf-8")
    page.unlink()
    for step in (docs / "steps").glob("*.md"):
        body = step.read_text(encoding="utf-8")
        body = re.sub(rf"^  {old}:$", f"  {new}:", body, flags=re.M)
        body = re.sub(r"<!--\s*nextsteps:only([^>]*?)-->", lambda m: m.group(0).replace(f" {old}", f" {new}"), body)
        step.write_text(body, encoding="utf-8")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("renamed") / "project")
    rename_journey(project / "docs", OLD, NEW)
    result = build(project / "site", project=project)
    assert result.returncode == 0, result.output
    return result.site


def test_the_renamed_journey_is_declared_in_the_same_place(renamed):
    assert journeys(renamed.parent / "docs") == ("application", NEW, "final")


def test_new_addresses_and_no_old_ones(renamed):
    assert (renamed / f"stages/{NEW}/index.html").is_file()
    assert (renamed / f"checklist/{NEW}/index.html").is_file()
    assert (renamed / f"embed/checklist/{NEW}/index.html").is_file()
    assert (renamed / f"oembed/checklist-{NEW}.json").is_file()
    old_places = (f"stages/{OLD}/", f"checklist/{OLD}/", f"checklist-{OLD}")
    left = [p.relative_to(renamed).as_posix() for p in renamed.rglob("*")]
    assert [p for p in left if any(place in p + "/" for place in old_places)] == []
    start = (renamed / "index.html").read_text(encoding="utf-8")
    assert f'<a class="ns-choice" href="stages/{NEW}/">After an interview</a>' in start


def test_path_pages_use_the_journeys_words(renamed):
    html = (renamed / f"stages/{NEW}/ask-for-feedback/index.html").read_text(encoding="utf-8")
    path = [s.slug for s in load_content(renamed.parent / "docs").steps_for(NEW)]
    number, total = path.index("ask-for-feedback") + 1, len(path)
    assert f'Step {number} of {total}: <a href="../">{NEW_PHRASE}</a>' in html
    assert f"<title>Ask for feedback (Step {number} of {total}: {NEW_PHRASE})" in html
    assert f"Back to all {total} steps {NEW_PHRASE}" in html
    # The step's for_stage words and its nextsteps:only part still reach this path, and only this one.
    learn = (renamed / f"stages/{NEW}/learn-from-it/index.html").read_text(encoding="utf-8")
    assert "What to change after an interview" in learn
    elsewhere = (renamed / "stages/application/learn-from-it/index.html").read_text(encoding="utf-8")
    assert "What to change after an interview" not in elsewhere
    reply = (renamed / f"stages/{NEW}/reply-to-the-rejection/index.html").read_text(encoding="utf-8")
    assert "After an interview:" in reply
    elsewhere = (renamed / "stages/final/reply-to-the-rejection/index.html").read_text(encoding="utf-8")
    assert "After an interview:" not in elsewhere


def test_checklist_pdfs_follow_the_journey(renamed):
    for paper in ("a4", "letter"):
        pages = pdf_page_texts((renamed / f"downloads/checklist-{NEW}-{paper}.pdf").read_bytes())
        assert len(pages) == 1
        assert plain_text(NEW_CHECKLIST_TITLE) in pages[0]
        assert f"checklist/{NEW}" in pages[0]


def test_feed_paths_follow_the_journey(renamed):
    feed = json.loads((renamed / "api/checklist.json").read_text(encoding="utf-8"))
    assert list(feed["paths"]) == ["application", NEW, "final"]
    path = feed["paths"][NEW]
    assert path["url"].endswith(f"/stages/{NEW}/") and path["checklist"].endswith(f"/checklist/{NEW}/")
    assert all(f"/stages/{NEW}/" in step["url"] for step in path["steps"])
    assert any(NEW in item["stages"] for item in feed["items"])
    assert not any(OLD in item["stages"] for item in feed["items"])


@pytest.fixture(scope="module")
def renamed_server(renamed: Path) -> Iterator[Server]:
    with Server(renamed) as srv:
        yield srv


@pytest.mark.browser
def test_a_loader_snippet_with_the_new_data_stage_works(renamed_server, browser, tmp_path):
    boxes = {"renamed": NEW, "old-name": OLD}
    link = f'<a href="{renamed_server.origin}/checklist/">Checklist</a>'
    snippet = '<div id="{box}"><div data-nextsteps-embed="checklist" data-stage="{slug}">{link}</div></div>'
    body = "\n".join(snippet.format(box=box, slug=slug, link=link) for box, slug in boxes.items())
    (tmp_path / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency</title></head>\n'
        f"<body><main><h1>An agency</h1>\n{body}\n"
        f'<script async src="{renamed_server.origin}/embed.js"></script></main></body></html>\n',
        encoding="utf-8",
    )
    with Server(tmp_path, host="localhost") as host:
        page = browser.new_page()
        try:
            page.goto(host.url(""))
            page.wait_for_selector("#renamed > div[data-nextsteps-state='ready']", timeout=15000)
            frame = page.locator("#renamed iframe")
            assert frame.get_attribute("src").startswith(f"{renamed_server.origin}/embed/checklist/{NEW}/#")
            inner = page.frame_locator("#renamed iframe")
            assert inner.locator("h1").inner_text() == NEW_CHECKLIST_TITLE
            # The old name is no journey of this guide any more: the loader says so.
            assert page.locator("#old-name > div").get_attribute("data-nextsteps-state") == "invalid"
        finally:
            page.close()
