"""The same mistake reads the same wherever an editor makes it.

A page's front matter, a brand setting, the guide's own words and an entry
in a support list are each checked by their own schema, but an unknown
field or a wrong kind of value is reported in one wording, with the file,
the field and the line (nextsteps.problems).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from nextsteps.brand import load_brand
from nextsteps.content import load_content, load_guide_settings
from nextsteps.problems import ContentError, Problem
from nextsteps.support import load_support

STEP = "steps/ask-for-feedback.md"
SETTINGS = """site_name: A guide
extra:
  guide:
    question: Where are you now?
  brand:
    name: Example Recruitment
"""
SUPPORT = """topics:
  - id: wellbeing
    title: If you need to talk
organisations:
  - id: helpline
    name: A helpline
    helps_with: Listens.
    topic: wellbeing
    regions: [other]
    phone: "+353 1 234 5678"
    source: https://example.org/helpline
    reviewed: 2026-11-01
"""


def setting(text: str, after: str, field: str, value: str) -> str:
    """``text`` with ``field`` set to ``value``: in place of its line, or added below the line that starts ``after``."""
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(after))
    indent = after[: len(after) - len(after.lstrip())]
    new = f"{indent}{field}: {value}\n"
    same = next((i for i, line in enumerate(lines) if line.startswith(f"{indent}{field}:")), None)
    if same is not None:
        lines[same] = new
    else:
        lines.insert(at + 1, new)
    return "".join(lines)


def line_of(path: Path, start: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.lstrip().startswith(start))


def problems_of(load) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load()
    return caught.value.problems


def from_a_page(docs: Path, field: str, value: str) -> Problem:
    page = docs / STEP
    page.write_text(setting(page.read_text(encoding="utf-8"), "when:", field, value), encoding="utf-8")
    found = [p for p in problems_of(lambda: load_content(docs)) if p.field == field]
    assert [(p.file, p.line) for p in found] == [(f"docs/{STEP}", line_of(page, f"{field}:"))]
    return found[0]


def from_a_brand(tmp_path: Path, field: str, value: str) -> Problem:
    config = tmp_path / "mkdocs.yml"
    tmp_path.mkdir()
    config.write_text(setting(SETTINGS, "    name:", field, value), encoding="utf-8")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["brand"]
    [found] = problems_of(lambda: load_brand(data, "mkdocs.yml", tmp_path))
    assert (found.file, found.field, found.line) == ("mkdocs.yml", f"extra.brand.{field}", line_of(config, f"{field}:"))
    return found


def from_the_guide_words(tmp_path: Path, field: str, value: str) -> Problem:
    config = tmp_path / "mkdocs.yml"
    tmp_path.mkdir()
    config.write_text(setting(SETTINGS, "    question:", field, value), encoding="utf-8")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["guide"]
    [found] = problems_of(lambda: load_guide_settings(data, config, "mkdocs.yml"))
    assert (found.file, found.field, found.line) == ("mkdocs.yml", f"extra.guide.{field}", line_of(config, f"{field}:"))
    return found


def from_a_support_entry(tmp_path: Path, field: str, value: str) -> Problem:
    data = tmp_path / "data/support.yml"
    data.parent.mkdir(parents=True)
    data.write_text(setting(SUPPORT, "    name:", field, value), encoding="utf-8")
    [found] = problems_of(lambda: load_support(tmp_path))
    assert (found.file, found.field, found.line) == ("data/support.yml", f"organisations[0] (helpline).{field}", line_of(data, f"{field}:"))
    return found


def test_an_unknown_field_reads_the_same_everywhere(docs, tmp_path):
    found = [
        from_a_page(docs, "colour", "red"),
        from_a_brand(tmp_path / "brand", "colour", "red"),
        from_the_guide_words(tmp_path / "guide", "colour", "red"),
        from_a_support_entry(tmp_path / "support", "colour", "red"),
    ]
    # Each lists the fields its own file allows.
    assert found[0].message.startswith("unknown field. Allowed fields are: title, summary, order")
    assert found[1].message.startswith("unknown field. Allowed fields are: name, url, email")
    assert found[2].message.startswith("unknown field. Allowed fields are: question, choose, topic")
    assert found[3].message.startswith("unknown field. Allowed fields are: id, name, helps_with")


def test_a_wrong_kind_of_value_reads_the_same_everywhere(docs, tmp_path):
    for source, message in {
        "a page": from_a_page(docs, "title", "[one, two]").message,
        "a brand": from_a_brand(tmp_path / "brand", "name", "[one, two]").message,
        "the guide's words": from_the_guide_words(tmp_path / "guide", "question", "[one, two]").message,
        "a support entry": from_a_support_entry(tmp_path / "support", "name", "[one, two]").message,
    }.items():
        assert message == "must be text (got ['one', 'two'])", source


def test_the_preview_shows_the_problems_a_failed_build_raised_not_its_log_text():
    """MkDocs wraps our error in its own twice (PluginError, then Abort); the problems come through whole."""
    from mkdocs.exceptions import Abort, PluginError
    from nextsteps import errorpage

    problem = Problem("brands/my agency.yml", "extra.brand.accent", "must be text (got ['blue'])", 7)
    with pytest.raises(Abort) as caught:
        try:
            try:
                raise ContentError([problem])
            except ContentError as exc:
                raise PluginError(str(exc)) from exc
        except PluginError:
            raise Abort("Aborted with a BuildError!") from None
    assert errorpage.problems_from_error(caught.value, ["Aborted with a BuildError!"], Path.cwd()) == [problem]
    # An error that is not the project's own is shown as the text the build logged.
    logged = "Config value 'theme': Unrecognised theme name: 'materal'."
    assert errorpage.problems_from_error(Abort("Aborted with 1 configuration errors!"), [logged], Path.cwd()) == [Problem("", "", logged)]
