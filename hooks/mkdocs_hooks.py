"""MkDocs adapter: the only module that knows about MkDocs.

Each hook is a few lines that hand plain data to the ``nextsteps`` package
and hand its results back to MkDocs. To move to another site engine,
rewrite this file only.

MkDocs loads this module once and keeps it across ``mkdocs serve`` rebuilds,
so everything built per run lives in ``_state`` and is reset in on_config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from nextsteps import cache, checklist, embed, guide, hosting, letters, pages, recruiters
from nextsteps.addresses import absolute
from nextsteps.brand import Brand, load_brand
from nextsteps.content import Content, ContentError, load_content
from nextsteps.outputs import Generated


@dataclass
class _BuildState:
    content: Content | None = None
    brand: Brand = field(default_factory=Brand)
    brand_logo: Path | None = None
    letter_files: list[Generated] = field(default_factory=list)
    nav_paths: set[str] = field(default_factory=set)  # pages the navigation lists; all others are linked only


_state = _BuildState()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything here: MkDocs empties the site folder right after."""
    global _state
    _state = _BuildState()
    config_file = Path(config.config_file_path)
    try:
        _state.brand = load_brand(config.extra.get("brand"), config_file.name, config_file.parent)
        _state.content = load_content(Path(config.docs_dir))
        checklist.check_site_url(config.site_url, config_file.name)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    if _state.brand.logo:
        _state.brand_logo = (config_file.parent / _state.brand.logo).resolve()
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: field 'use_directory_urls': must be true; the guide's public URLs end in '/'.")
    if not config.nav:
        config.nav = guide.nav(_state.content, generated=checklist.NAV)
    _state.nav_paths = guide.nav_paths(config.nav)
    # Same sources, same bytes: date the build by the newest review, not the clock.
    reviewed = datetime.combine(_state.content.last_reviewed, time(), tzinfo=timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(reviewed.timestamp())))
    config.extra_css.insert(0, "assets/brand.css")
    # PDF and Word files are kept between builds; NEXTSTEPS_NO_CACHE=1 renders all afresh.
    cache.use_folder(None if os.environ.get("NEXTSTEPS_NO_CACHE") else Path(config.docs_dir).parent / ".cache" / "nextsteps")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "assets/brand.css", content=_state.brand.stylesheet()))
    if _state.brand_logo and _state.brand.logo_name:
        files.append(File.generated(config, _state.brand.logo_name, abs_src_path=str(_state.brand_logo)))
    for file in files.documentation_pages():
        if file.src_uri not in _state.nav_paths:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    _add(files, config, guide.generated_files(_state.content))
    _add(files, config, recruiters.generated_files())
    _add(files, config, checklist.generated_files(_state.content, brand=_state.brand, site_url=config.site_url, site_name=config.site_name))
    _add(files, config, embed.generated_files(_state.content, brand=_state.brand, site_url=config.site_url))
    files.append(File.generated(config, embed.LOADER, abs_src_path=str(Path(config.theme.custom_dir, embed.LOADER_SOURCE))))
    _state.letter_files = letters.generated_files(_state.content, author=_state.brand.name, site_url=config.site_url, site_name=config.site_name)
    _add(files, config, _state.letter_files)
    files.append(File.generated(config, hosting.NGINX_EXAMPLE, content=hosting.nginx_conf(config.site_url)))
    return files


def _add(files: Files, config: MkDocsConfig, generated: list[Generated]) -> None:
    for out in generated:
        inclusion = InclusionLevel.UNDEFINED if out.path in _state.nav_paths else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, out.path, content=out.content, inclusion=inclusion))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _state.content is not None
    result = pages.build_page(_state.content, page.file.src_uri, markdown, letter_files=_state.letter_files, site_url=config.site_url)
    page.meta.update(result.meta)
    page.meta["scripts"] = [*page.meta.get("scripts", []), *result.scripts]
    if result.canonical is not None:
        page.canonical_url = absolute(config.site_url, result.canonical)
    return result.markdown


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["brand"] = _state.brand
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """The headers file lists every top-level folder, so it is written last."""
    site = Path(config.site_dir)
    (site / hosting.HEADERS_FILE).write_text(hosting.headers_file(site), encoding="utf-8")
