"""Parts of a step's text that only some stages' readers need.

An editor wraps such a part in two markers, each on a line of its own:

    <!-- nextsteps:only interview final -->
    **After an interview:** thank them and ask for feedback.
    <!-- nextsteps:end -->

The step's own page (``/steps/<slug>/``) keeps every part, so it still reads
as the whole step; the step read on a stage's path keeps only the parts for
that stage. A reader after applying is then not told what to do after an
interview. Markers are HTML comments, so a Markdown preview shows all parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

OPEN = re.compile(r"<!--\s*nextsteps:only\b(.*?)-->")
END = re.compile(r"<!--\s*nextsteps:end\s*-->")
MARKER_NAMES = ("only", "end")


def problems(body: str, stages_on_path: Iterable[str], journeys: Iterable[str]) -> list[tuple[int, str]]:
    """(line in the body, counted from 1; message) for each misused marker.

    ``journeys`` are the slugs the guide's stage pages declare.
    """
    on_path = set(stages_on_path)
    declared = tuple(journeys)
    listed = ", ".join(declared) or "none"
    found: list[tuple[int, str]] = []
    opened: int | None = None
    for number, line in enumerate(body.splitlines(), 1):
        opening, ending = OPEN.search(line), END.search(line)
        marker = opening or ending
        if marker and line.strip() != marker.group():
            found.append((number, "a nextsteps:only or nextsteps:end marker must be on a line of its own"))
            continue
        if opening:
            if opened is not None:
                found.append((number, f"a new 'nextsteps:only' part starts before the one on line {opened} ends. Close it first with <!-- nextsteps:end -->"))
            opened = number
            names = opening.group(1).split()
            if not names:
                example = " ".join(declared[:2]) or "first-day"
                needs = f"'nextsteps:only' needs the journeys it is for, such as <!-- nextsteps:only {example} -->"
                found.append((number, f"{needs}. Journeys: {listed}"))
            for name in names:
                if name not in declared:
                    unknown = f"unknown journey '{name}' in 'nextsteps:only': no page in stages/ declares it"
                    found.append((number, f"{unknown}. Journeys: {listed}"))
                elif name not in on_path:
                    paths = ", ".join(sorted(on_path)) or "none"
                    found.append((number, f"this step is not on the '{name}' path, so no reader would see this part. It is on: {paths}"))
        elif ending:
            if opened is None:
                found.append((number, "<!-- nextsteps:end --> without a <!-- nextsteps:only ... --> before it"))
            opened = None
    if opened is not None:
        found.append((opened, "this 'nextsteps:only' part is never closed. End it with <!-- nextsteps:end --> on a line of its own"))
    return found


def for_stage(body: str, stage: str | None) -> str:
    """The text as read on ``stage``'s path; ``None`` keeps every part.

    The markers go either way, so they never reach the page.
    """
    if "nextsteps:" not in body:
        return body
    kept: list[str] = []
    showing = True
    for line in body.splitlines(keepends=True):
        opening = OPEN.search(line)
        if opening:
            showing = stage is None or stage in opening.group(1).split()
            continue
        if END.search(line):
            showing = True
            continue
        if showing:
            kept.append(line)
    return "".join(kept)
