"""Read and check a support file; merge a brand's own list with the default one.

A file declares its topics (the parts of the support page, in page order,
each with its heading) before its organisations: what readers need help with
depends on what the guide is about, so it is content, not code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ValidationError

from ..problems import ContentError, Problem, problems_from_validation, with_lines, yaml_problem
from .model import Organisation, Topic

# Relative to the project folder (the folder that holds docs/).
DATA_FILE = "data/support.yml"
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class SupportList:
    organisations: tuple[Organisation, ...]
    topics: tuple[Topic, ...] = ()  # in page order

    def title_of(self, topic: str) -> str:
        """The heading of a topic's part of the page."""
        return next(t.title for t in self.topics if t.id == topic)

    @property
    def last_reviewed(self) -> date | None:
        return max((o.reviewed for o in self.organisations), default=None)


def read_file(path: Path, shown: str, known: tuple[Topic, ...] = ()) -> tuple[tuple[Topic, ...], list[Organisation]]:
    """One support file's own topics and organisations, or ContentError naming the file, the entry and the field.

    ``known``: the topics of the list this file adds to or stands in for, which
    its organisations may use too; a file with none to lean on must declare its own.
    """
    if not path.is_file():
        raise ContentError([Problem(shown, "", f"the support file does not exist (looked for {_looked_for(path)})")])
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(exc, shown, text)]) from None
    entries = data.get("organisations") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ContentError([Problem(shown, "organisations", "must be a list with at least one organisation")])
    problems: list[Problem] = []
    topics = _read_topics(data.get("topics"), shown, known, problems)
    allowed = [t.id for t in (*known, *topics)]
    found: list[Organisation] = []
    for i, entry in enumerate(entries):
        name = entry.get("id") if isinstance(entry, dict) else None
        label = f"organisations[{i}]" + (f" ({name})" if isinstance(name, str) and name else "")
        if not isinstance(entry, dict):
            problems.append(Problem(shown, label, "must be a set of 'field: value' lines"))
            continue
        try:
            org = Organisation.model_validate(entry)
        except ValidationError as exc:
            problems += problems_from_validation(exc, shown, Organisation, at=f"organisations[{i}]", named=label)
            continue
        if allowed and org.topic not in allowed:
            problems.append(Problem(shown, f"{label}.topic", f"'{org.topic}' is not one of the list's topics. Allowed: {', '.join(allowed)}"))
        found.append(org)
    seen: dict[str, int] = {}
    for i, org in enumerate(found):
        if org.id in seen:
            problems.append(Problem(shown, f"organisations[{i}].id", f"'{org.id}' is already used by organisations[{seen[org.id]}]; each organisation needs its own id"))
        seen.setdefault(org.id, i)
    if problems:
        raise ContentError(with_lines(problems, {shown: path}))
    return tuple(topics), found


TOPICS_NEEDED = "must list the parts of the support page in page order, each with an id and a title"


def _read_topics(raw: object, shown: str, known: tuple[Topic, ...], problems: list[Problem]) -> list[Topic]:
    """The file's own topics; their problems go into ``problems``."""
    if raw is None:
        if not known:
            problems.append(Problem(shown, "topics", TOPICS_NEEDED))
        return []
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(shown, "topics", TOPICS_NEEDED))
        return []
    topics: list[Topic] = []
    for i, entry in enumerate(raw):
        try:
            topic = Topic.model_validate(entry)
        except ValidationError as exc:
            problems += problems_from_validation(exc, shown, Topic, at=f"topics[{i}]")
            continue
        if topic.id in [t.id for t in (*known, *topics)]:
            problems.append(Problem(shown, f"topics[{i}].id", f"'{topic.id}' is already a topic; each topic needs its own id"))
            continue
        topics.append(topic)
    return topics


def _looked_for(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive
        return path.as_posix()


def load_support(
    project_dir: Path,
    *,
    brand_file: Path | None = None,
    brand_shown: str = "",
    mode: Literal["replace", "extend"] = "extend",
    region: str = "uk",
) -> SupportList:
    """The default list, replaced or extended by a brand's list; only the
    help for the edition's ``region``, so an Irish reader gets no UK number.

    A brand's list may add topics of its own, and uses the default list's
    topics unless it replaces the list and declares its own.
    """
    # A guide on another topic may list no support organisations: no file, no list.
    has_default = (project_dir / DATA_FILE).is_file()
    if brand_file is not None and mode == "replace":
        with_own = _has_topics(brand_file)
        known = () if with_own or not has_default else read_file(project_dir / DATA_FILE, DATA_FILE)[0]
        topics, own = read_file(brand_file, brand_shown, known)
        return SupportList(tuple(o for o in own if o.shown_in(region)), (*known, *topics))
    default_topics, default = read_file(project_dir / DATA_FILE, DATA_FILE) if has_default else ((), [])
    own_topics, own = read_file(brand_file, brand_shown, default_topics) if brand_file is not None else ((), [])
    known_ids = {o.id for o in default}
    clashes = [Problem(brand_shown, f"organisations[{i}].id", f"'{o.id}' is already in {DATA_FILE}; use another id, or mode: replace") for i, o in enumerate(own) if o.id in known_ids]
    if clashes:
        raise ContentError(clashes)
    return SupportList(tuple(o for o in default + own if o.shown_in(region)), (*default_topics, *own_topics))


def _has_topics(path: Path) -> bool:
    """Whether a support file declares topics of its own (read_file checks the rest)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return True  # read_file reports the problem
    return isinstance(data, dict) and "topics" in data


def stale_warnings(support: SupportList, today: date) -> list[str]:
    """Entries not checked for a year. ``today`` is the build's date, not the clock."""
    return [
        f"Support organisation '{o.id}' was last reviewed on {o.reviewed.isoformat()}, more than 12 months before {today.isoformat()}. Check its details again and update 'reviewed'."
        for o in support.organisations
        if today - o.reviewed > STALE_AFTER
    ]
