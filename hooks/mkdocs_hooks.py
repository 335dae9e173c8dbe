"""MkDocs adapter: the only module that knows about MkDocs.

Each hook is a few lines that hand plain data to the ``nextsteps`` package
and hand its results back to MkDocs. To move to another site engine,
rewrite this file only.

MkDocs loads this module once and keeps it across ``mkdocs serve`` rebuilds,
so everything built per run lives in ``_state`` and is reset in on_config.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from nextsteps import cache, checklist, embed, guide, hosting, letters, pages, staging
from nextsteps.brand import Brand, load_brand
from nextsteps.content import Content, ContentError, load_content
from nextsteps.outputs import Generated, fill_sizes, has_size_slots
from nextsteps.render_pool import RenderError, RenderJob, Renders

log = logging.getLogger("mkdocs.hooks.nextsteps")


@dataclass
class _BuildState:
    content: Content | None = None
    brand: Brand = field(default_factory=Brand)
    brand_logo: Path | None = None
    renders: Renders = field(default_factory=lambda: Renders([]))
    site_dir: Path | None = None  # the real output folder, while the build writes beside it


_state = _BuildState()
_dirty = False  # 'mkdocs serve --dirty' keeps the output folder, so it builds in place


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything here, before MkDocs writes anything."""
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
        config.nav.append(embed.NAV)
    # Same sources, same bytes: date the build by the newest review, not the clock.
    reviewed = datetime.combine(_state.content.last_reviewed, time(), tzinfo=timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(reviewed.timestamp())))
    config.extra_css.insert(0, "assets/brand.css")
    # PDF and Word files are kept between builds; NEXTSTEPS_NO_CACHE=1 renders all afresh.
    cache.use_folder(None if os.environ.get("NEXTSTEPS_NO_CACHE") else Path(config.docs_dir).parent / ".cache" / "nextsteps")
    # PDFs finish after the pages, so build beside the site and swap it in
    # at the end: a failed build leaves the old site whole (nextsteps.staging).
    if not _dirty:
        _state.site_dir = Path(config.site_dir)
        config.site_dir = str(staging.staging_dir(_state.site_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "assets/brand.css", content=_state.brand.stylesheet()))
    if _state.brand_logo and _state.brand.logo_name:
        files.append(File.generated(config, _state.brand.logo_name, abs_src_path=str(_state.brand_logo)))
    letter_files = letters.generated_files(_state.content, author=_state.brand.name, site_url=config.site_url, site_name=config.site_name)
    generated = checklist.generated_files(_state.content, brand=_state.brand, site_url=config.site_url, site_name=config.site_name)
    generated += embed.generated_files(_state.content, brand=_state.brand, site_url=config.site_url)
    generated += letter_files
    for message in checklist.print_warnings(_state.content):
        log.warning(message)
    # PDF and Word files render in worker processes while MkDocs builds the
    # pages. Letters first: their pages are built early and wait for the sizes.
    _state.renders = Renders((g.path, g.content) for g in (*letter_files, *generated) if isinstance(g.content, RenderJob))
    _state.renders.start()
    _add(files, config, generated)
    files.append(File.generated(config, embed.LOADER, abs_src_path=str(Path(config.theme.custom_dir, embed.LOADER_SOURCE))))
    files.append(File.generated(config, hosting.NGINX_EXAMPLE, content=hosting.nginx_conf(config.site_url)))
    return files


def _add(files: Files, config: MkDocsConfig, generated: list[Generated]) -> None:
    for out in generated:
        inclusion = InclusionLevel.UNDEFINED if out.in_nav else InclusionLevel.NOT_IN_NAV
        # A render job's file is listed now, so links to it check, and written in on_post_build.
        content = b"" if isinstance(out.content, RenderJob) else out.content
        files.append(File.generated(config, out.path, content=content, inclusion=inclusion))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _state.content is not None
    result = pages.build_page(_state.content, page.file.src_uri, markdown, site_url=config.site_url)
    page.meta.update(result.meta)
    page.meta["scripts"] = [*page.meta.get("scripts", []), *result.scripts]
    return result.markdown


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["brand"] = _state.brand
    return env


@event_priority(100)  # before the search index reads the page
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Download links show the file's size: wait for that file only, as late as possible."""
    if page.content and has_size_slots(page.content):
        try:
            page.content = fill_sizes(page.content, _state.renders.size)
        except RenderError as exc:
            raise PluginError(str(exc)) from None
    return context


@event_priority(-100)  # last: after every other plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    """Collect the rendered files, write the headers file, then swap the new site in."""
    site = Path(config.site_dir)
    try:
        made = _state.renders.finish()
    except RenderError as exc:
        raise PluginError(str(exc)) from None
    for path, data in made.items():
        (site / path).write_bytes(data)
    # The headers file lists every top-level folder, so it is written last.
    (site / hosting.HEADERS_FILE).write_text(hosting.headers_file(site), encoding="utf-8")
    if _state.site_dir is not None:
        staging.swap_in(site, _state.site_dir)
        config.site_dir = str(_state.site_dir)
        log.info(f"Complete site moved into place: {_state.site_dir}")


def on_build_error(error: Exception) -> None:
    """Stop the workers and drop the half-built folder: the old site stays as it was."""
    _state.renders.close()
    if _state.site_dir is not None:
        staging.discard(staging.staging_dir(_state.site_dir))
