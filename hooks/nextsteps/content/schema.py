"""The front matter schema: one pydantic model per kind of page.

Unknown fields are errors (``extra="forbid"``) so that a typo such as
``sumary:`` is caught instead of silently ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# A journey's slug: the name of its page in stages/. Which journeys exist is
# what the guide's stage pages declare (``Content.journeys``), not a fixed list.
Stage = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
When = Literal["today", "this-week", "ongoing"]
Channel = Literal["email", "letter", "linkedin"]

WHENS: tuple[When, ...] = ("today", "this-week", "ongoing")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(values: list[Any], what: str) -> list[Any]:
    if len(set(values)) != len(values):
        raise ValueError(f"each {what} may appear only once")
    return values


class ChecklistItem(StrictModel):
    id: Slug = Field(description="Stable id: ticks are stored under it, so keep it when rewording the text.")
    text: Text
    when: When | None = Field(default=None, description="Overrides the step's 'when' for this item.")


class TimedAction(StrictModel):
    """Something to do on a date worked out from the day the reader was turned
    down: "My plan" shows the date and the calendar file reminds them."""

    id: Slug = Field(description="Stable id: the calendar event's UID is made from it.")
    text: Text = Field(description="What to do, as the plan and the calendar event say it.")
    after: Annotated[int, Field(ge=0, le=365)] = Field(description="How many days after the news the window opens.")
    until: Annotated[int, Field(ge=0, le=365)] | None = Field(
        default=None, description="The window's last day, if it lasts more than a day."
    )
    days: Literal["working", "calendar"] = Field(
        default="calendar", description="Count working days (Monday to Friday) or every day."
    )

    @model_validator(mode="after")
    def _window_in_order(self) -> TimedAction:
        if self.until is not None and self.until < self.after:
            raise ValueError(f"'until' ({self.until}) must not be before 'after' ({self.after})")
        return self


class PageMeta(StrictModel):
    """Any page that is not a step, stage or letter (start page, privacy, ...)."""

    title: Text
    summary: Summary
    reviewed: date
    hide: list[Literal["navigation", "toc", "footer"]] = []


class StageMeta(StrictModel):
    """One journey: the page a reader lands on after choosing it on the start page.

    Each stage page declares a journey, so a guide has as many as it has
    pages in stages/. ``path`` is that reader's journey: step slugs in reading
    order, the one place that decides which steps it shows, and in what order.
    The other fields are the journey's own words, so no code names a topic.
    """

    title: Text
    summary: Summary
    stage: Stage = Field(
        description="The journey's slug: its addresses, for_stage keys and markers use it. Matches the file name.",
    )
    order: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="Where the journey comes on the start page and in lists. Others follow, by slug.",
    )
    choice: str = Field(
        default="",
        description="The option on the start page, such as 'It is my first day'. Defaults to the title.",
    )
    phrase: str = Field(
        default="",
        description="Words used mid-sentence: 'Step 3 of 7: on your first day'. Defaults to the title.",
    )
    checklist_title: str = Field(
        default="",
        description="The title of this journey's checklist. Defaults to 'Your checklist: ' and the title.",
    )
    checklist_for: str = Field(
        default="",
        description=(
            "Who its checklist is for, ending 'These are the things to do ...', such as 'on your first day'. "
            "Defaults to 'for ' and the phrase."
        ),
    )
    path: list[Slug]
    reviewed: date


class StageWording(StrictModel):
    """What a step says only to readers on one stage's path."""

    intro: str = Field(default="", description="Markdown shown before the step's own text.")
    more: str = Field(default="", description="Markdown shown after the step's own text.")
    checklist: list[ChecklistItem] = Field(default=[], description="Items added to the step's own, for this stage only.")
    letters: list[Slug] | None = Field(default=None, description="The letters to offer on this stage's path, instead of the step's own list.")


class SourceRef(StrictModel):
    """Where an imported step came from, so an editor can compare and credit it."""

    title: Text
    url: str | None = Field(default=None, description="The article's canonical address, when the page named one.")
    imported: date


class StepMeta(StrictModel):
    """One step. Which stages show it is decided by the stage pages' ``path``;
    ``order`` places it in the whole-guide checklist and the JSON feed."""

    title: Text
    summary: Summary
    order: Annotated[int, Field(ge=1)]
    when: When
    checklist: list[ChecklistItem] = []
    for_stage: dict[Stage, StageWording] = {}
    letters: list[Slug] = []
    timed: list[TimedAction] = Field(default=[], description="Dated actions for the reader's plan and calendar.")
    reviewed: date
    source: SourceRef | None = None
    draft: bool = Field(default=False, description="Shown in the preview only; a publishing build leaves it out.")

    @field_validator("letters")
    @classmethod
    def _letters_unique(cls, v: list[str]) -> list[str]:
        return _unique(v, "letter")


class LetterField(StrictModel):
    name: FieldName
    label: Text
    hint: str = ""
    required: bool = True
    example: str = ""


class LetterMeta(StrictModel):
    id: Slug
    title: Text
    purpose: Summary
    send_when: Text
    channel: Channel
    subject: Text | None = None
    fields: Annotated[list[LetterField], Field(min_length=1)]
    max_length: Annotated[int, Field(ge=20)] | None = Field(default=None, description="Most characters the message may have, such as LinkedIn's limit for a connection note. The form warns past it.")
    reviewed: date

    @field_validator("fields")
    @classmethod
    def _field_names_unique(cls, v: list[LetterField]) -> list[LetterField]:
        _unique([f.name for f in v], "field name")
        return v
