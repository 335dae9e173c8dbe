"""Every content check of a guide, without building it.

Each finding names the file, the line and what to change. The rules are the
ones the build and the tests use: the content loader for front matter, the
plain-English rule in ``plain_english``, the checklist's print limit, the
letters' own length limits and the fact-line rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..checklist import MAX_PRINT_ITEMS, offers_pdf
from ..content import Content, load_content
from ..content.drafts import drafts
from ..content.model import Source
from ..letters.render import render_text
from ..problems import ContentError, field_line
from . import plain_english

# One printed page holds some 25 checklist items (see nextsteps.checklist).
ITEMS_PER_PAGE = 25
# A fact's source line: <small>Checked in 2026 against [a page](https://...)</small>
SOURCE_LINE = re.compile(r"<small>(.*?)</small>", re.S | re.I)
CHECKED = re.compile(r"[Cc]hecked in 20\d\d")
SOURCE_LINK = re.compile(r"\]\(https?://[^)\s]+\)|<a href=\"https?://")
# What makes a sentence a fact a reader may rely on: a law, a figure, a time limit.
FACT = re.compile(r"\b(?:Act|Regulations) (?:19|20)\d\d\b|£\s?\d|\b\d+ (?:months?|weeks?|days?) (?:less|from|after)\b")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def check_guide(docs_dir: Path) -> list[Finding]:
    """Every problem in the guide under ``docs_dir``, in file and line order."""
    try:
        content = load_content(docs_dir)
    except ContentError as exc:
        return [
            Finding(p.file, p.line or 1, f"field '{p.field}': {p.message}" if p.field else p.message)
            for p in exc.problems
        ]
    name = docs_dir.name
    found = []
    found += plain_english_findings(content, docs_dir)
    found += print_findings(content, docs_dir)
    found += letter_findings(content, name)
    found += fact_findings(content, docs_dir)
    found += [
        Finding(
            f"{name}/{step.path}",
            _line(docs_dir, step.path, "draft"),
            "draft: a publishing build leaves it out. Remove the line 'draft: true' to publish it",
        )
        for step in drafts(content)
    ]
    return sorted(found)


def _line(docs_dir: Path, path: str, field: str) -> int:
    return field_line((docs_dir / path).read_text(encoding="utf-8"), field) or 1


def _body_start(docs_dir: Path, source: Source) -> int:
    text = (docs_dir / source.path).read_text(encoding="utf-8")
    return text[: len(text) - len(source.body)].count("\n") + 1


def _guide_pages(content: Content) -> list[Source]:
    """The pages the plain-English rule covers: all but the letters, whose wording is the reader's own message."""
    return [*content.steps, *content.stages.values(), *content.pages.values()]


def plain_english_findings(content: Content, docs_dir: Path) -> list[Finding]:
    found = []
    for source in _guide_pages(content):
        shown = f"{docs_dir.name}/{source.path}"
        blocks = plain_english.markdown_blocks(source.body, first_line=_body_start(docs_dir, source))
        summary = str(getattr(getattr(source, "meta", None), "summary", ""))
        extra = [plain_english.Block(summary, _line(docs_dir, source.path, "summary"))] if summary else []
        for line, message in plain_english.problems(extra + blocks):
            found.append(Finding(shown, line or _body_start(docs_dir, source), message))
    return found


def print_findings(content: Content, docs_dir: Path) -> list[Finding]:
    """A step's own list fits one printed page; each stage's list fits the printable checklist."""
    found = []
    for step in content.steps:
        if len(step.meta.checklist) > ITEMS_PER_PAGE:
            found.append(
                Finding(
                    f"{docs_dir.name}/{step.path}",
                    _line(docs_dir, step.path, "checklist"),
                    f"field 'checklist': {len(step.meta.checklist)} items do not fit one printed page "
                    f"({ITEMS_PER_PAGE} do). "
                    "Keep the most useful ones, or split the step in two",
                )
            )
    for stage, page in content.stages.items():
        if not offers_pdf(content, stage):
            found.append(
                Finding(
                    f"{docs_dir.name}/{page.path}",
                    _line(docs_dir, page.path, "path"),
                    f"field 'path': its checklist has {len(content.checklist(stage))} items, more than the "
                    f"{MAX_PRINT_ITEMS} "
                    "that print, so it gets no printable copy. Take items out of its steps, or steps off this path",
                )
            )
    return found


def letter_findings(content: Content, docs_name: str) -> list[Finding]:
    """A message with a length limit, such as a LinkedIn note, fits it when filled in with its examples."""
    found = []
    for letter in content.letters.values():
        limit = letter.meta.max_length
        if limit is None:
            continue
        text = render_text(letter.body, {f.name: f.example for f in letter.meta.fields})
        if len(text) > limit:
            found.append(
                Finding(
                    f"{docs_name}/{letter.path}",
                    1,
                    f"the note is {len(text)} characters with its examples, more than its max_length of {limit}. "
                    "Shorten it",
                )
            )
    return found


def fact_findings(content: Content, docs_dir: Path) -> list[Finding]:
    """Each fact's small print says the year it was checked and links to the page it was checked against."""
    found = []
    for group in (content.steps, content.stages.values(), content.pages.values(), content.letters.values()):
        for source in group:
            start = _body_start(docs_dir, source)
            for match in SOURCE_LINE.finditer(source.body):
                line = start + source.body.count("\n", 0, match.start())
                missing = [
                    what
                    for what, rule in (
                        ("the year it was checked ('Checked in 2026')", CHECKED),
                        ("a link to the page it was checked against", SOURCE_LINK),
                    )
                    if not rule.search(match.group(1))
                ]
                if missing:
                    found.append(
                        Finding(
                            f"{docs_dir.name}/{source.path}", line, f"this source line needs {' and '.join(missing)}"
                        )
                    )
            found += _unsourced_facts(source, start, f"{docs_dir.name}/{source.path}")
    return found


def _unsourced_facts(source: Source, start: int, shown: str) -> list[Finding]:
    """A law, a sum of money, a percentage or a time limit, in a section with no source line."""
    found = []
    sections = re.split(r"(?m)^(?=#{1,6} )", source.body)
    offset = 0
    for section in sections:
        if not SOURCE_LINE.search(section):
            for match in FACT.finditer(section):
                line = start + source.body.count("\n", 0, offset + match.start())
                found.append(
                    Finding(
                        shown,
                        line,
                        f"'{match.group(0)}' is a fact with no source line. Add <small>Checked in <year> against "
                        "[the page](https://...)</small> under it",
                    )
                )
                break  # one line per section is enough to find it
        offset += len(section)
    return found
