"""Content checks an editor runs before a build: ``nextsteps check``, and the
build's own plain-English warnings, from the same rules."""

from __future__ import annotations

from collections.abc import Mapping

from .. import guide
from ..content import Content
from . import plain_english


def page_warnings(content: Content, src_path: str, html: str, docs_name: str, places: Mapping[str, guide.PathPlace] | None = None) -> list[str]:
    """The plain-English problems of one built guide page, for the build log.

    Guide pages are the steps (on their own and on each path), the stage pages
    and the other pages; letters and generated lists have rules of their own.
    ``places`` is ``guide.places(content)``, when the build has it already.
    """
    place = (guide.places(content) if places is None else places).get(src_path)
    source = content.by_path(src_path)
    if place is not None:
        shown = f"{docs_name}/{place.step.path} (as {place.path.removesuffix('.md')}/)"
    elif source is not None and source.path not in {letter.path for letter in content.letters.values()}:
        shown = f"{docs_name}/{source.path}"
    else:
        return []
    blocks = [plain_english.Block(text) for text in plain_english.article_blocks(html)]
    return [f"{shown}: {message}" for _, message in plain_english.problems(blocks)]


__all__ = ["page_warnings", "plain_english"]
