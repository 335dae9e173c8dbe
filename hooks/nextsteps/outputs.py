"""What every generator hands back to the site engine: one file to add.

A slow file (PDF, Word) comes as a render job, made in a worker process
while the pages build (``nextsteps.render_pool``). A page that shows such a
file's size writes :func:`size_slot` instead. The adapter turns the slots
into HTML comments with :func:`hold_sizes` before the page is written, and
fills them with :func:`fill_held_sizes` once every file is made, so no page
waits for a render. Site search reads the page between the two, so it
indexes "(PDF, A4)" without a size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .render_pool import RenderJob


@dataclass(frozen=True)
class Generated:
    path: str  # site path of the source: 'letters/index.md' (a page), 'downloads/x.pdf'
    content: str | bytes | RenderJob
    in_nav: bool = True  # informative only: a page is in the navigation when guide.nav lists it


def asset(path: str, source: Path) -> Generated:
    """A component's own script or stylesheet, kept beside its template and
    published at ``path``: each component's parts sit together."""
    return Generated(path, source.read_text(encoding="utf-8"))


def filled_script(path: str, source: Path, **slots: object) -> Generated:
    """A component's script with values from the build written into it, published at ``path``.

    Each slot is an empty object or list marked with its name, ``{/*name*/}``
    or ``[/*name*/]``, so the source stays valid JavaScript for the linter and
    the script needs no request to learn its addresses or words.
    """
    return Generated(path, fill_slots(source.read_text(encoding="utf-8"), source.name, **slots))


def fill_slots(script: str, name: str, **slots: object) -> str:
    """``script`` with each slot replaced by the JSON of its value (see :func:`filled_script`).

    Each slot must be there exactly once: a script that lost one would run with nothing.
    """
    for slot, value in slots.items():
        marks = [mark for mark in (f"{{/*{slot}*/}}", f"[/*{slot}*/]") if mark in script]
        if len(marks) != 1 or script.count(marks[0]) != 1:
            raise ValueError(f"{name} must hold {{/*{slot}*/}} or [/*{slot}*/] exactly once for the build to fill")
        script = script.replace(marks[0], json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return script


# Private-use characters: Markdown leaves them alone and no editor types them.
_SLOT = re.compile("\ue000([^\ue000\ue001]+)\ue001")


def size_slot(path: str) -> str:
    """Stands for ', 12 KB', the size of the generated file at site path ``path``."""
    return f"\ue000{path}\ue001"


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def has_size_slots(text: str) -> bool:
    return "\ue000" in text


_HELD = re.compile("<!--nextsteps-size:([^<>]+?)-->")


def hold_sizes(html: str) -> str:
    """The page with each slot as an HTML comment, to be filled at the end."""
    return _SLOT.sub(lambda m: f"<!--nextsteps-size:{m.group(1)}-->", html)


def fill_held_sizes(html: str, size_of: Callable[[str], int]) -> str:
    return _HELD.sub(lambda m: f", {size_label(size_of(m.group(1)))}", html)
