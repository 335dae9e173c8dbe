"""Read every page under the docs folder, validate it, and check cross-links.

Validation collects every problem before raising, so an editor fixes them in
one pass instead of one build per typo.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..problems import ContentError, Location, Problem, problems_from_validation, with_lines
from . import regions, stage_parts
from .edition import Edition, SourceFile
from .frontmatter import FrontMatterError, split
from .letter_template import letter_problems
from .model import Content, Letter, Page, Source, StagePage, Step
from .schema import LetterMeta, PageMeta, StageMeta, StepMeta
from .settings import GuideSettings, load_guide_settings

# Which schema applies is decided by the folder a page lives in.
KINDS: dict[str, type[BaseModel]] = {"steps": StepMeta, "stages": StageMeta, "letters": LetterMeta}

# Markers the build fills in (nextsteps.pages); any other name is a typo.
PLACEHOLDER = re.compile(r"<!--\s*nextsteps:([A-Za-z0-9_-]*)\s*-->")
PLACEHOLDERS = ("support-list", "site-owner-contact")

# Pages the build writes itself, such as the letters index (INDEX_PATH in
# letters/pages.py). They are not in docs/, but a link to one is a real link.
GENERATED_PAGES = frozenset({"letters/index.md"})
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>#]+\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def load_content(docs_dir: Path, guide: GuideSettings | None = None, edition: Edition | None = None) -> Content:
    """Load and validate the whole guide, or raise ContentError.

    ``guide`` is the guide's own words from its settings file (``extra.guide``).
    ``edition`` lays a brand's own pages over the guide's, hides the pages it
    hides and keeps the parts for its region (nextsteps.content.edition).
    """
    edition = edition or Edition()
    sources = edition.sources(docs_dir)
    problems: list[Problem] = []
    loaded: list[tuple[str, BaseModel, str]] = []
    raw_bodies: dict[str, str] = {}  # with every region part, so problems name the file's own lines
    for rel, source in sources.items():
        try:
            data, body = split(source.path.read_text(encoding="utf-8"), source.shown)
        except FrontMatterError as exc:
            problems.append(exc.problem)
            continue
        except UnicodeDecodeError:
            problems.append(Problem(source.shown, "", "the file is not UTF-8 text"))
            continue
        schema = KINDS.get(rel.split("/", 1)[0], PageMeta) if "/" in rel else PageMeta
        try:
            meta = schema.model_validate(data)
        except ValidationError as exc:
            problems += problems_from_validation(
                exc, source.shown, schema, retired=_RETIRED if schema is StepMeta else None,
                context=partial(_checklist_item, data=data),
            )
            continue
        raw_bodies[rel] = body
        loaded.append((rel, meta, regions.for_region(body, edition.region)))

    problems += _duplicate_letter_ids(loaded, sources)
    problems += _journey_problems(loaded, docs_dir, sources)
    content = _assemble(loaded, guide or GuideSettings(), edition)
    problems += _cross_check(content, docs_dir, sources, raw_bodies, edition)
    if problems:
        raise ContentError(with_lines(problems, {s.shown: s.path for s in sources.values()}))
    return content


class _SettingsLoader(yaml.SafeLoader):
    """Reads a settings file whatever site-engine tags it uses (``!ENV``, ``!!python/name``): only plain fields are needed."""


_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_guide(config_file: Path) -> Content:
    """A guide's content with its own words (``extra.guide``), read from its settings file.

    For tools and tests that do not run the site engine; the build itself
    hands over the settings it has read (``mkdocs_hooks``).
    """
    text = config_file.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_SettingsLoader) or {}
    extra = data.get("extra")
    if not isinstance(extra, dict):
        extra = {}
    settings = load_guide_settings(extra.get("guide"), config_file, config_file.name)
    return load_content(config_file.parent / str(data.get("docs_dir") or "docs"), settings)


def _assemble(loaded: list[tuple[str, BaseModel, str]], guide: GuideSettings, edition: Edition) -> Content:
    steps: list[Step] = []
    journeys: list[StagePage] = []
    letters: dict[str, Letter] = {}
    pages: dict[str, Page] = {}
    for rel, meta, body in loaded:
        if isinstance(meta, StepMeta):
            steps.append(Step(rel, body, meta=_without_hidden_letters(meta, edition)))
        elif isinstance(meta, StageMeta):
            if meta.stage in edition.paths:  # the brand's own path for this journey
                meta = meta.model_copy(update={"path": list(edition.paths[meta.stage])})
            elif edition.hidden:  # a hidden step leaves the path; the path's other steps close up
                shown_steps = [slug for slug in meta.path if f"steps/{slug}.md" not in edition.hidden]
                meta = meta.model_copy(update={"path": shown_steps})
            journeys.append(StagePage(rel, body, meta=meta))
        elif isinstance(meta, LetterMeta):
            letters[meta.id] = Letter(rel, body, meta=meta)
        elif isinstance(meta, PageMeta):
            pages[rel] = Page(rel, body, meta=meta)
    steps.sort(key=lambda s: (s.meta.order, s.path))
    # The guide's order: numbered journeys first, by number, then the others by slug.
    journeys.sort(key=lambda j: (j.meta.order is None, j.meta.order or 0, j.meta.stage, j.path))
    stages: dict[str, StagePage] = {}
    for journey in journeys:
        stages.setdefault(journey.meta.stage, journey)
    return Content(tuple(steps), stages, letters, pages, guide)


def _journey_problems(loaded: list[tuple[str, BaseModel, str]], docs_dir: Path, sources: dict[str, SourceFile]) -> list[Problem]:
    """The journeys the stage pages declare: at least one, each slug and number once, each with steps."""
    problems: list[Problem] = []
    journeys = [(rel, meta) for rel, meta, _ in loaded if isinstance(meta, StageMeta)]
    failed = any(rel.startswith("stages/") and not isinstance(meta, StageMeta) for rel, meta, _ in loaded)
    if not journeys and not failed and not any((docs_dir / "stages").glob("*.md")):
        message = (
            "the guide declares no journey. Add a page such as stages/first-day.md "
            "with the fields title, summary, stage, path and reviewed"
        )
        problems.append(Problem(f"{docs_dir.name}/stages/", "", message))
    first_slug: dict[str, str] = {}
    first_order: dict[int, str] = {}
    for rel, meta in journeys:
        shown = sources[rel].shown
        if meta.stage in first_slug:
            other = sources[first_slug[meta.stage]].shown
            message = f"'{meta.stage}' is already the slug of the journey in {other}; each journey needs its own slug"
            problems.append(Problem(shown, "stage", message))
        else:
            first_slug[meta.stage] = rel
        if meta.order is not None:
            if meta.order in first_order:
                other = sources[first_order[meta.order]].shown
                problems.append(Problem(shown, "order", f"{meta.order} is also used by {other}; each journey needs its own number"))
            else:
                first_order[meta.order] = rel
        if not meta.path:
            message = "this journey has no steps. List at least one step slug (a file name in steps/, without .md)"
            problems.append(Problem(shown, "path", message))
    return problems


def _without_hidden_letters(meta: StepMeta, edition: Edition) -> StepMeta:
    """A step no longer offers the letters a brand hides."""
    if not edition.hidden:
        return meta

    def keep(ids: list[str]) -> list[str]:
        return [i for i in ids if f"letters/{i}.md" not in edition.hidden]

    wording = {
        stage: w if w.letters is None else w.model_copy(update={"letters": keep(w.letters)})
        for stage, w in meta.for_stage.items()
    }
    return meta.model_copy(update={"letters": keep(meta.letters), "for_stage": wording})


def _duplicate_letter_ids(loaded: list[tuple[str, BaseModel, str]], sources: dict[str, SourceFile]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for rel, meta, _ in loaded:
        if isinstance(meta, LetterMeta):
            if meta.id in first:
                problems.append(Problem(sources[rel].shown, "id", f"'{meta.id}' is already used by {sources[first[meta.id]].shown}; each letter needs its own id"))
            else:
                first[meta.id] = rel
    return problems


# Fields a step no longer has, and what to do instead.
_RETIRED = {
    "stages": "steps no longer list their stages. A step joins a stage by having its slug in the 'path' list of docs/stages/<stage>.md. Remove 'stages' here",
}


def _checklist_item(loc: Location, data: dict[str, Any]) -> str | None:
    """'checklist item 'x'' for an error inside a checklist item, so the editor can find it."""
    item = _checklist_item_id(loc, data)
    return f"checklist item '{item}'" if item else None


def _checklist_item_id(loc: Location, data: dict[str, Any]) -> str | None:
    """The id of the checklist item an error is in, so the editor can find it."""
    if len(loc) >= 5 and loc[0] == "for_stage" and loc[2] == "checklist":
        wording = data.get("for_stage", {}).get(loc[1]) if isinstance(data.get("for_stage"), dict) else None
        return _checklist_item_id(loc[2:], wording) if isinstance(wording, dict) else None
    if len(loc) < 3 or loc[0] != "checklist" or not isinstance(loc[1], int) or loc[2] == "id":
        return None
    items = data.get("checklist")
    if not isinstance(items, list) or loc[1] >= len(items) or not isinstance(items[loc[1]], dict):
        return None
    item_id = items[loc[1]].get("id")
    return item_id if isinstance(item_id, str) and item_id else None


def _cross_check(
    content: Content, docs_dir: Path, sources: dict[str, SourceFile], raw_bodies: dict[str, str], edition: Edition
) -> list[Problem]:
    problems: list[Problem] = []

    def shown(source: Source) -> str:
        return sources[source.path].shown

    orders = Counter(s.meta.order for s in content.steps)
    for step in content.steps:
        if orders[step.meta.order] > 1:
            others = [s.path for s in content.steps if s.meta.order == step.meta.order and s is not step]
            problems.append(Problem(shown(step), "order", f"{step.meta.order} is also used by {', '.join(others)}; each step needs its own number"))

    seen: dict[str, Step] = {}
    for step in content.steps:
        for journey in step.meta.for_stage:
            if journey not in content.stages:
                message = f"no journey has the slug '{journey}'. Journeys: {_journey_list(content)}"
                problems.append(Problem(shown(step), f"for_stage.{journey}", message))
        lists = [("checklist", step.meta.checklist)] + [(f"for_stage.{stage}.checklist", w.checklist) for stage, w in step.meta.for_stage.items()]
        for where, items in lists:
            for i, item in enumerate(items):
                if item.id in seen:
                    problems.append(Problem(shown(step), f"{where}[{i}].id", f"'{item.id}' is already used in {seen[item.id].path}; item ids must be unique across the guide"))
                else:
                    seen[item.id] = step
        # A timed action's id makes its calendar event's UID: two alike would overwrite each other.
        for i, action in enumerate(step.meta.timed):
            if action.id in seen:
                used = f"'{action.id}' is already used in {seen[action.id].path}; ids must be unique across the guide"
                problems.append(Problem(shown(step), f"timed[{i}].id", used))
            else:
                seen[action.id] = step
        letter_lists = [("letters", step.meta.letters)] + [(f"for_stage.{stage}.letters", w.letters) for stage, w in step.meta.for_stage.items() if w.letters is not None]
        for where, ids in letter_lists:
            for i, letter_id in enumerate(ids):
                if letter_id not in content.letters:
                    known = ", ".join(sorted(content.letters)) or "none yet"
                    hidden = edition.hidden_note(f"letters/{letter_id}.md")
                    problems.append(Problem(shown(step), f"{where}[{i}]", f"no letter template has the id '{letter_id}'{hidden}. Known letters: {known}"))

    for page in content.stages.values():
        expected = f"stages/{page.meta.stage}.md"
        if page.path != expected:
            problems.append(Problem(shown(page), "stage", f"'{page.meta.stage}' must live in {expected}"))
    problems += _path_problems(content, docs_dir, sources, edition)
    for letter in content.letters.values():
        expected = f"letters/{letter.meta.id}.md"
        if letter.path != expected:
            problems.append(Problem(shown(letter), "id", f"'{letter.meta.id}' must match the file name ({expected})"))
        problems += letter_problems(letter, shown(letter))

    linked: tuple[Iterable[Source], ...] = (content.steps, content.stages.values(), content.letters.values(), content.pages.values())
    for group in linked:
        for source in group:
            raw = raw_bodies[source.path]
            # Checked with every region's parts, and with the lines where they were.
            body = regions.for_region(raw, edition.region, keep_lines=True)
            found: list[tuple[int | None, str]] = list(regions.problems(raw))
            if not isinstance(source, Letter):
                for name in PLACEHOLDER.findall(raw):
                    if name not in PLACEHOLDERS + stage_parts.MARKER_NAMES + regions.MARKER_NAMES:
                        known = ", ".join((*PLACEHOLDERS, "only <stages>", "region <regions>", "end"))
                        message = f"unknown marker <!-- nextsteps:{name} -->. Known markers: {known}"
                        problems.append(Problem(shown(source), "body", message))
                if isinstance(source, Step):
                    on = [stage for stage, page in content.stages.items() if source.slug in page.meta.path]
                    found += stage_parts.problems(body, on, content.journeys)
                elif stage_parts.OPEN.search(body) or stage_parts.END.search(body):
                    found += [(None, "nextsteps:only and nextsteps:end work in step pages only")]
            for line, message in found:
                problems.append(Problem(shown(source), "body", message, _body_line(sources[source.path], raw, line)))

    existing = set(sources) | GENERATED_PAGES
    for group in (content.steps, content.stages.values(), content.letters.values(), content.pages.values()):
        for source in group:
            problems += _broken_links(source, existing, shown(source), edition)
    return problems


def _body_line(source: SourceFile, body: str, line: int | None) -> int | None:
    """A line of the body, counted in the whole file (front matter included)."""
    if line is None:
        return None
    text = source.path.read_text(encoding="utf-8")
    return text[: len(text) - len(body)].count("\n") + line


def _path_problems(content: Content, docs_dir: Path, sources: dict[str, SourceFile], edition: Edition) -> list[Problem]:
    """Each stage's path names real steps once each, and every step is on a path."""
    problems: list[Problem] = []
    slugs = {s.slug for s in content.steps}
    # A step whose own front matter failed is reported there, not again here.
    files = {rel[len("steps/") : -len(".md")] for rel in sources if rel.startswith("steps/") and rel.count("/") == 1}
    known = ", ".join(sorted(files)) or "none yet"
    for stage in sorted(set(edition.paths) - set(content.stages)):
        message = f"there is no '{stage}' journey. Journeys: {_journey_list(content)}"
        problems.append(Problem(edition.settings_file, f"extra.brand.paths.{stage}", message))
    for stage, page in content.stages.items():
        # A path the brand sets is named in the brand's file.
        file, field = sources[page.path].shown, "path"
        if stage in edition.paths:
            file, field = edition.settings_file, f"extra.brand.paths.{stage}"
        if not page.meta.path and (edition.hidden or stage in edition.paths):
            message = f"hiding every step on the '{stage}' path leaves it empty. Keep one, or set 'extra.brand.paths.{stage}'"
            problems.append(Problem(edition.settings_file, "extra.brand.hide", message))
        first: dict[str, int] = {}
        for i, slug in enumerate(page.meta.path):
            if slug not in files:
                hidden = edition.hidden_note(f"steps/{slug}.md")
                problems.append(Problem(file, f"{field}[{i}]", f"no step has the slug '{slug}'{hidden} (the file name in steps/, without .md). Known steps: {known}"))
            elif slug not in slugs:
                continue
            elif slug in first:
                problems.append(Problem(file, f"{field}[{i}]", f"'{slug}' is already on this path at {field}[{first[slug]}]; list each step once"))
            else:
                first[slug] = i
    for step in content.steps:
        on = content.stages_of(step)
        if not on and step.meta.draft:
            continue  # a new draft may wait for a path; a publishing build leaves it out
        if not on:
            pages = ", ".join(f"{docs_dir.name}/{p.path}" for p in content.stages.values()) or "stages/"
            if edition.is_own(sources[step.path]):  # a brand's step joins a path in the brand's file
                pages = f"the stages under 'extra.brand.paths' in {edition.settings_file}"
            problems.append(Problem(sources[step.path].shown, "", f"this step is on no stage's path, so no reader would reach it. Add '{step.slug}' to the field 'path' in one or more of {pages}"))
            continue
        for stage in step.meta.for_stage:
            if stage in content.stages and stage not in on:
                problems.append(Problem(sources[step.path].shown, f"for_stage.{stage}", f"this step is not on the '{stage}' path, so this wording would never show. Add '{step.slug}' to 'path' in {docs_dir.name}/stages/{stage}.md, or remove it here. This step is on: {', '.join(on)}"))
    return problems


def _journey_list(content: Content) -> str:
    return ", ".join(content.journeys) or "none yet (each page in stages/ declares one)"


def _broken_links(source: Source, existing: set[str], file: str, edition: Edition) -> list[Problem]:
    problems = []
    for match in MD_LINK.finditer(source.body):
        target = match.group(1)
        if "://" in target or target.startswith("mailto:"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source.path), target))
        if resolved not in existing:
            message = f"the link to '{target}' points to no page{edition.hidden_note(resolved)}"
            problems.append(Problem(file, "body", message))
    return problems
