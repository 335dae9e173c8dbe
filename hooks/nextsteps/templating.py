"""One Jinja setup for every generator's templates: HTML escaped by default,
unknown names are errors, one cached environment per template folder.

Compiled templates are kept in the build cache (``nextsteps.cache``), keyed by
the template's source: compiling them took a good part of a warm build. The
site engine's theme templates are kept the same way (:class:`KeptBytecode`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import cache as build_cache
from . import wording


class KeptBytecode(jinja2.BytecodeCache):
    """Jinja checks the bucket's source checksum and Python version itself on
    load. ``setup`` names the environment's options, which shape the code."""

    def __init__(self, setup: str):
        self.setup = setup

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return build_cache.key(bucket.key, bucket.checksum, jinja2.__version__, self.setup)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = build_cache.lookup("jinja", self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        build_cache.store("jinja", self._key(bucket), bucket.bytecode_to_string())


@cache
def _environment(folder: Path) -> jinja2.Environment:
    """Every template may use ``say(key, ...)``, ``say_html`` (a phrase
    around HTML that ``markup()`` marks as safe) and ``language()``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        bytecode_cache=KeptBytecode("generators"),
    )
    env.globals.update(say=wording.say, say_html=wording.say_html, markup=Markup, language=wording.language)
    return env


def render(folder: Path, name: str, **values: Any) -> str:
    """Render ``name`` from ``folder`` (a module's own template folder)."""
    return _environment(folder).get_template(name).render(**values)


def read_text(path: Path) -> str:
    """A template folder's stylesheet or other file, read again only when it
    changes: ``mkdocs serve`` keeps this process between rebuilds."""
    return _read_text(path, path.stat().st_mtime_ns)


@cache
def _read_text(path: Path, mtime_ns: int) -> str:
    return path.read_text(encoding="utf-8")
