"""One Jinja setup for every generator's templates: HTML escaped by default,
unknown names are errors, one cached environment per template folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2


@cache
def _environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(folder: Path, name: str, **values: Any) -> str:
    """Render ``name`` from ``folder`` (a module's own template folder)."""
    return _environment(folder).get_template(name).render(**values)
