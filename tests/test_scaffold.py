"""``nextsteps new DIR``: a guide of one journey that builds at once, and a
command that never writes over an editor's work."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from nextsteps.content import load_content
from support import build

# One group: the new guide is made and built once, by the one worker that runs this module.
pytestmark = pytest.mark.xdist_group("scaffold")

# The console script pip installs beside this Python.
COMMAND = Path(sys.executable).parent / "nextsteps"
KEY = re.compile(r"^( *)([a-z_]+):")


def new_guide(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(COMMAND), "new", str(target)], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("new") / "my-guide"
    result = new_guide(target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def new_site(guide: Path) -> Path:
    result = build(guide.parent / "site", project=guide)
    assert result.returncode == 0, result.output
    return result.site


def test_the_new_guide_has_one_journey_two_steps_and_a_letter(guide):
    content = load_content(guide / "docs")
    assert len(content.journeys) == 1
    (journey,) = content.journeys
    assert len(content.steps_for(journey)) == 2
    assert len(content.letters) == 1


def test_every_field_has_a_comment(guide):
    """An editor learns the format from the files: each field says what it does."""
    missing = []
    for path in [guide / "mkdocs.yml", *sorted((guide / "docs").rglob("*.md"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        if path.suffix == ".md":
            lines = lines[1 : lines.index("---", 1)]
        deepest = 0 if path.suffix == ".md" else 4  # nested fields of the theme's own lists explain themselves
        for number, line in enumerate(lines):
            found = KEY.match(line)
            if found and len(found.group(1)) <= deepest and not (number and lines[number - 1].strip().startswith("#")):
                missing.append(f"{path.relative_to(guide)}: {line.strip()}")
    assert missing == []


def test_it_builds_at_once_with_no_choice_and_no_journey_phrase(new_site):
    start = (new_site / "index.html").read_text(encoding="utf-8")
    assert 'class="ns-choice"' not in start
    start_link = re.search(r'<a [^>]*id="choose-your-stage"[^>]*>', start)
    assert start_link and 'href="stages/getting-started/make-a-plan/"' in start_link.group(0)
    step = (new_site / "stages/getting-started/ask-for-help/index.html").read_text(encoding="utf-8")
    assert "<title>Ask for help (Step 2 of 2) - Your new guide</title>" in step
    assert "Step 2 of 2:" not in step
    assert (new_site / "downloads/checklist-getting-started-a4.pdf").is_file()
    assert (new_site / "downloads/letters/ask-for-help.pdf").is_file()


def test_a_folder_with_something_in_it_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = new_guide(target)
    assert result.returncode == 1
    assert "is not empty" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    a_file = tmp_path / "a-file"
    a_file.write_text("mine", encoding="utf-8")
    assert new_guide(a_file).returncode == 1
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_an_empty_folder_is_fine(tmp_path):
    result = new_guide(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mkdocs.yml").is_file()
