"""The guide's own words: what the whole guide is about, set in ``extra.guide``.

They live in the site's settings file (``mkdocs.yml``), not in a page or
the wording table: a journey's words belong to its stage page, but these
belong to no one page, and the settings file is already the one file an
editor opens to name the site and its brand. The wording table keeps only
what is true of any guide, so a guide on another topic never shows a word
of this one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..problems import ContentError, Problem, problems_from_validation, with_lines


class GuideSettings(BaseModel):
    """Every field is optional: left out, the wording table's words for any guide are used."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(
        default="",
        description="The start page's question, also the navigation's name for the journeys.",
    )
    choose: str = Field(
        default="",
        description="The question as an instruction, mid-sentence: 'choose where you are now'.",
    )
    topic: str = Field(
        default="",
        description="What the guide is about, after a noun: 'Your checklist in a new job'.",
    )
    topic_for_you: str = Field(
        default="",
        description="The same after a verb: 'Things to do when you start a new job'.",
    )
    date_question: str = Field(
        default="",
        description="The plan page's question for the day its dates count from: 'When did you start?'.",
    )
    day: str = Field(
        default="",
        description="That day, mid-sentence: 'the day you started'. The plan's dates count from it.",
    )
    widget_intro: str = Field(
        default="",
        description="The first line of the guide's widget on other websites.",
    )
    readers: str = Field(
        default="",
        description="Who the guide is for, mid-sentence: 'share this guide with job seekers'.",
    )
    reader: str = Field(
        default="",
        description="What one reader is doing, after 'If you are': 'looking for work'.",
    )


SETTING = "extra.guide"


def load_guide_settings(data: Any, config_file: Path, shown: str) -> GuideSettings:
    """Validate ``extra.guide``; errors name the settings file, the field and its line."""
    if data is None:
        return GuideSettings()
    if not isinstance(data, dict):
        raise ContentError(with_lines([Problem(shown, SETTING, "must be a set of 'field: value' settings")], {shown: config_file}))
    try:
        return GuideSettings.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, shown, GuideSettings, at=SETTING)
        raise ContentError(with_lines(problems, {shown: config_file})) from None


def with_topic(text: str) -> str:
    """A phrase whose topic slot may be empty: 'Your checklist ' becomes 'Your checklist'."""
    return re.sub(r"\s+([,.])", r"\1", " ".join(text.split()))


INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def guide_folder(config_file: Path) -> Path:
    """The folder of the guide a settings file builds: where its ``data/`` lives.

    A brand's file inherits the guide's (``INHERIT``) and may name any
    ``docs_dir``, so the guide is the folder of the last file in that chain;
    a second guide (``examples/first-weeks``) has its own data, or none.
    """
    seen: set[Path] = set()
    current = config_file.resolve()
    while current not in seen and current.is_file():
        seen.add(current)
        found = INHERIT.search(current.read_text(encoding="utf-8"))
        if found is None:
            break
        current = (current.parent / found.group(1).strip()).resolve()
    return current.parent
