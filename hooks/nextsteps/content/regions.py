"""Parts of a page that are true in one country only.

Laws, benefits and crisis numbers differ between countries. An editor wraps
such a part in two markers, each on a line of its own:

    <!-- nextsteps:region uk -->
    Get free advice from Acas.
    <!-- nextsteps:end -->

A site built for another region (``extra.brand.region``) leaves the part out,
so an Irish reader is never told about a UK law. The markers never reach the
page. A region part may hold a stage part (``nextsteps:only``) or sit inside
one: each ``end`` closes the part opened last.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

Region = Literal["uk", "ie"]
REGIONS: tuple[str, ...] = get_args(Region)
DEFAULT_REGION: Region = "uk"

OPEN = re.compile(r"<!--\s*nextsteps:region\b(.*?)-->")
_ONLY = re.compile(r"<!--\s*nextsteps:only\b.*?-->")
_END = re.compile(r"<!--\s*nextsteps:end\s*-->")
MARKER_NAMES = ("region",)


def problems(body: str) -> list[tuple[int, str]]:
    """(line in the body, counted from 1; message) for each misused region marker."""
    found: list[tuple[int, str]] = []
    known = ", ".join(REGIONS)
    opened: list[tuple[str, int]] = []  # (kind, line) of each part still open
    for number, line in enumerate(body.splitlines(), 1):
        region = OPEN.search(line)
        if region:
            if line.strip() != region.group():
                found.append((number, "a nextsteps:region marker must be on a line of its own"))
                continue
            names = region.group(1).split()
            if not names:
                example = "<!-- nextsteps:region uk -->"
                found.append(
                    (number, f"'nextsteps:region' needs the regions it is for, such as {example}. Regions: {known}")
                )
            found += [
                (number, f"unknown region '{name}' in 'nextsteps:region'. Regions: {known}")
                for name in names
                if name not in REGIONS
            ]
            if any(kind == "region" for kind, _ in opened):
                found.append(
                    (
                        number,
                        "a region part cannot start inside another one. Close the first with <!-- nextsteps:end -->",
                    )
                )
            opened.append(("region", number))
        elif _ONLY.search(line):
            opened.append(("only", number))
        elif _END.search(line) and opened:
            opened.pop()
    unclosed = "this 'nextsteps:region' part is never closed. End it with <!-- nextsteps:end --> on a line of its own"
    found += [(start, unclosed) for kind, start in opened if kind == "region"]
    return found


def for_region(body: str, region: str, *, keep_lines: bool = False) -> str:
    """The text as read in ``region``: other regions' parts and every region
    marker go; stage markers stay for the stage parts to handle.

    ``keep_lines`` leaves an empty line for each line taken out, so the
    checks that run afterwards still name the right line of the file.
    """
    if "nextsteps:region" not in body:
        return body
    kept: list[str] = []
    opened: list[tuple[str, bool]] = []  # (kind, shown) of each open part
    for line in body.splitlines(keepends=True):
        showing = all(shown for _, shown in opened)
        marker = OPEN.search(line)
        dropped = marker is not None
        if marker:
            opened.append(("region", region in marker.group(1).split()))
        elif _ONLY.search(line):
            opened.append(("only", True))
        elif _END.search(line) and opened:
            dropped = opened.pop()[0] == "region"
        if dropped or not showing:
            if keep_lines:
                kept.append("\n")
            continue
        kept.append(line)
    return "".join(kept)
