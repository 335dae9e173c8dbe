"""Read and check a support file; merge a brand's own list with the default one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ValidationError

from ..problems import ContentError, Problem, problems_from_validation, with_lines, yaml_problem
from .model import Organisation

# Relative to the project folder (the folder that holds docs/).
DATA_FILE = "data/support.yml"
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class SupportList:
    organisations: tuple[Organisation, ...]

    @property
    def last_reviewed(self) -> date | None:
        return max((o.reviewed for o in self.organisations), default=None)


def read_file(path: Path, shown: str) -> list[Organisation]:
    """One support file, or ContentError naming the file, the entry and the field."""
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
    found: list[Organisation] = []
    for i, entry in enumerate(entries):
        name = entry.get("id") if isinstance(entry, dict) else None
        label = f"organisations[{i}]" + (f" ({name})" if isinstance(name, str) and name else "")
        if not isinstance(entry, dict):
            problems.append(Problem(shown, label, "must be a set of 'field: value' lines"))
            continue
        try:
            found.append(Organisation.model_validate(entry))
        except ValidationError as exc:
            problems += problems_from_validation(exc, shown, Organisation, at=f"organisations[{i}]", named=label)
    seen: dict[str, int] = {}
    for i, org in enumerate(found):
        if org.id in seen:
            problems.append(Problem(shown, f"organisations[{i}].id", f"'{org.id}' is already used by organisations[{seen[org.id]}]; each organisation needs its own id"))
        seen.setdefault(org.id, i)
    if problems:
        raise ContentError(with_lines(problems, {shown: path}))
    return found


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
    help for the edition's ``region``, so an Irish reader gets no UK number."""
    own = read_file(brand_file, brand_shown) if brand_file is not None else []
    if brand_file is not None and mode == "replace":
        return SupportList(tuple(o for o in own if o.shown_in(region)))
    # A guide on another topic may list no support organisations: no file, no list.
    default = read_file(project_dir / DATA_FILE, DATA_FILE) if (project_dir / DATA_FILE).is_file() else []
    known = {o.id for o in default}
    clashes = [Problem(brand_shown, f"organisations[{i}].id", f"'{o.id}' is already in {DATA_FILE}; use another id, or mode: replace") for i, o in enumerate(own) if o.id in known]
    if clashes:
        raise ContentError(clashes)
    return SupportList(tuple(o for o in default + own if o.shown_in(region)))


def stale_warnings(support: SupportList, today: date) -> list[str]:
    """Entries not checked for a year. ``today`` is the build's date, not the clock."""
    return [
        f"Support organisation '{o.id}' was last reviewed on {o.reviewed.isoformat()}, more than 12 months before {today.isoformat()}. Check its details again and update 'reviewed'."
        for o in support.organisations
        if today - o.reviewed > STALE_AFTER
    ]
