"""The loaded guide: typed pages plus the questions the generators ask of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .schema import ChecklistItem, LetterMeta, PageMeta, Stage, StageMeta, StepMeta, When
from .settings import GuideSettings


def page_url(src_path: str) -> str:
    """The public URL of a source page, relative to the site root.

    Directory URLs (``steps/ask-for-feedback/``) are part of the public
    contract: the checklist JSON, the PDFs' QR codes and the embeds print them.
    """
    stem = src_path[: -len(".md")] if src_path.endswith(".md") else src_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class Source:
    path: str  # relative to the docs folder, with forward slashes
    body: str

    @property
    def url(self) -> str:
        return page_url(self.path)


@dataclass(frozen=True)
class Step(Source):
    meta: StepMeta = field(kw_only=True)

    @property
    def slug(self) -> str:
        return self.path.rsplit("/", 1)[-1][: -len(".md")]


@dataclass(frozen=True)
class StagePage(Source):
    """A journey's page: it declares the journey and carries its words."""

    meta: StageMeta = field(kw_only=True)

    @property
    def slug(self) -> str:
        return self.meta.stage

    @property
    def choice(self) -> str:
        """Its option on the start page."""
        return self.meta.choice or self.meta.title

    @property
    def phrase(self) -> str:
        """A few words used mid-sentence: "Step 3 of 7: after an interview"."""
        return self.meta.phrase or lower_first(self.meta.title)

    @property
    def checklist_for(self) -> str:
        """Who its checklist is for: "These are the things to do if you were ..."."""
        return self.meta.checklist_for or f"for {self.phrase}"


def lower_first(text: str) -> str:
    """'Turned down after applying' -> 'turned down after applying', to use mid-sentence."""
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Letter(Source):
    meta: LetterMeta = field(kw_only=True)


@dataclass(frozen=True)
class Page(Source):
    meta: PageMeta = field(kw_only=True)


@dataclass(frozen=True)
class TickItem:
    """A checklist item with its step, its effective 'when' and the stages that list it."""

    item: ChecklistItem
    step: Step
    stages: tuple[Stage, ...] = ()

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def text(self) -> str:
        return self.item.text

    @property
    def when(self) -> When:
        return self.item.when or self.step.meta.when



@dataclass(frozen=True)
class Content:
    steps: tuple[Step, ...]  # in reading order
    stages: dict[str, StagePage]  # the journeys the guide declares, in the guide's order
    letters: dict[str, Letter]
    pages: dict[str, Page]
    guide: GuideSettings = field(default_factory=GuideSettings)

    @property
    def journeys(self) -> tuple[Stage, ...]:
        """The journeys' slugs in the guide's order: whatever its stage pages declare."""
        return tuple(self.stages)

    @property
    def one_journey(self) -> bool:
        """A guide with a single journey offers no choice and names no journey mid-sentence."""
        return len(self.stages) == 1

    def steps_for(self, stage: Stage) -> list[Step]:
        """The stage's path: its steps in the order its page lists them."""
        page = self.stages.get(stage)
        if page is None:
            return []
        by_slug = {s.slug: s for s in self.steps}
        return [by_slug[slug] for slug in page.meta.path if slug in by_slug]

    def stages_of(self, step: Step) -> tuple[Stage, ...]:
        """The stages whose path includes the step, in the guide's stage order."""
        return tuple(s for s, page in self.stages.items() if step.slug in page.meta.path)

    def step_items(self, step: Step, stage: Stage | None = None) -> list[TickItem]:
        """A step's own items, then (for a stage) the extra ones it adds for that stage."""
        items = [TickItem(item, step, self.stages_of(step)) for item in step.meta.checklist]
        wording = step.meta.for_stage.get(stage) if stage else None
        if stage is not None and wording is not None:
            items += [TickItem(item, step, (stage,)) for item in wording.checklist]
        return items

    def checklist(self, stage: Stage | None = None) -> list[TickItem]:
        """One stage's items in the order of its path, its extra items included;
        or, for readers who chose no stage, every step's own items in step order."""
        if stage is not None:
            return [item for step in self.steps_for(stage) for item in self.step_items(step, stage)]
        return [item for step in self.steps for item in self.step_items(step)]

    def every_item(self) -> list[TickItem]:
        """Every item in the guide, each stage's extras after their step's own.

        For the JSON feed, and for the list of ids the checklist script keeps
        ticks for: an item a reader ticked on any list must never be forgotten.
        """
        items: list[TickItem] = []
        for step in self.steps:
            items += self.step_items(step)
            for extra_stage in self.journeys:
                wording = step.meta.for_stage.get(extra_stage)
                if wording is not None:
                    items += [TickItem(item, step, (extra_stage,)) for item in wording.checklist]
        return items

    def by_path(self, path: str) -> Step | StagePage | Letter | Page | None:
        return self._by_path.get(path)

    def next_step(self, step: Step) -> Step | None:
        """The step after ``step`` in reading order."""
        index = self._step_index.get(step.path)
        return self.steps[index + 1] if index is not None and index + 1 < len(self.steps) else None

    # Asked once per page: looked up, not searched, so big guides build in linear time.
    @cached_property
    def _by_path(self) -> dict[str, Step | StagePage | Letter | Page]:
        found: dict[str, Step | StagePage | Letter | Page] = {}
        for group in (self.steps, self.stages.values(), self.letters.values(), self.pages.values()):
            for source in group:
                found.setdefault(source.path, source)
        return found

    @cached_property
    def _step_index(self) -> dict[str, int]:
        return {s.path: i for i, s in enumerate(self.steps)}

    @cached_property
    def last_reviewed(self) -> date:
        dates = [s.meta.reviewed for g in (self.steps, self.stages.values(), self.letters.values(), self.pages.values()) for s in g]
        return max(dates)


__all__ = ["Content", "Letter", "Page", "StagePage", "Step", "TickItem", "lower_first", "page_url"]
