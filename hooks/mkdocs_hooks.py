"""MkDocs adapter: the only module that knows about MkDocs.

Each hook is a few lines that hand plain data to the ``nextsteps`` package
and hand its results back to MkDocs. To move to another site engine,
rewrite this file only.

MkDocs loads this module once and keeps it across ``mkdocs serve`` rebuilds,
so everything built per run lives in ``_state`` and is reset in on_config.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from nextsteps import guide
from nextsteps.brand import Brand, load_brand
from nextsteps.content import Content, ContentError, StagePage, Step, load_content


@dataclass
class _BuildState:
    content: Content | None = None
    brand: Brand = field(default_factory=Brand)
    brand_logo: Path | None = None


_state = _BuildState()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything here: MkDocs empties the site folder right after."""
    global _state
    _state = _BuildState()
    config_file = Path(config.config_file_path)
    try:
        _state.brand = load_brand(config.extra.get("brand"), config_file.name, config_file.parent)
        _state.content = load_content(Path(config.docs_dir))
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    if _state.brand.logo:
        _state.brand_logo = (config_file.parent / _state.brand.logo).resolve()
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: field 'use_directory_urls': must be true; the guide's public URLs end in '/'.")
    if not config.nav:
        config.nav = guide.nav(_state.content)
    # Same sources, same bytes: date the build by the newest review, not the clock.
    reviewed = datetime.combine(_state.content.last_reviewed, time(), tzinfo=timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(reviewed.timestamp())))
    config.extra_css.insert(0, "assets/brand.css")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "assets/brand.css", content=_state.brand.stylesheet()))
    if _state.brand_logo and _state.brand.logo_name:
        files.append(File.generated(config, _state.brand.logo_name, abs_src_path=str(_state.brand_logo)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _state.content
    assert content is not None
    source = content.by_path(page.file.src_uri)
    if source is None:
        return markdown
    # Material writes the description into an attribute without escaping it.
    page.meta["description"] = html.escape(getattr(source.meta, "summary", None) or getattr(source.meta, "purpose", ""))
    page.meta["reviewed_text"] = guide.reviewed_text(source.meta.reviewed)
    if isinstance(source, Step):
        return markdown + guide.step_extras_markdown(content, source)
    if isinstance(source, StagePage):
        return markdown + guide.stage_steps_markdown(content, source.meta.stage, source.path)
    if source.path == "index.md":
        return markdown + "\n\n" + guide.steps_list_markdown(list(content.steps), source.path)
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["brand"] = _state.brand
    return env
