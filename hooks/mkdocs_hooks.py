"""MkDocs adapter: the only module that knows about MkDocs.

Each hook translates one MkDocs event into a call on ``nextsteps.build.Build``,
which holds the build's policy in plain data. To move to another site engine,
rewrite this file only. MkDocs keeps this module across ``mkdocs serve``
rebuilds, so on_config makes a new ``Build`` for every build.
"""

from __future__ import annotations

import logging
import time as clock
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext
from nextsteps import addresses, build, skiplink
from nextsteps.templating import KeptBytecode

log = logging.getLogger("mkdocs.plugins.nextsteps")
_build = build.Build(log)
_serving, _dirty, _started = False, False, clock.time()  # `mkdocs serve`, with --dirty, since when


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty, _started
    _serving, _dirty, _started = command == "serve", dirty, clock.time()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything here, before MkDocs writes anything."""
    global _build
    _build = build.Build(log, serving=_serving, dirty=_dirty, started=_started)
    config_file, extra = Path(config.config_file_path), dict(config.extra)
    if _serving:
        config.watch += [p for p in _build.watched(config_file, config.theme.custom_dir, extra) if p not in config.watch]
    settings = build.Settings(
        config_file, Path(config.docs_dir), Path(config.site_dir), config.site_url, config.site_name, config.theme["language"],
        strict=bool(config.strict), directory_urls=config.use_directory_urls, nav=config.nav, extra=extra,
    )
    try:
        _build.validate(settings)
    except build.BuildError as exc:
        raise PluginError(str(exc)) from exc  # the preview's error page finds our problems on the chain
    config.site_url, config.nav, config.site_dir = settings.site_url, settings.nav, str(settings.site_dir)
    if not _build.problems:
        config.extra_css[:0] = build.FIRST_STYLESHEETS
        config.extra_css += build.STYLESHEETS
        for path in build.DEFERRED_SCRIPTS:
            config.extra_javascript.append(script := ExtraScriptValue(path))
            script.defer = True
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """A failed rebuild shows its error in the browser; with --dirty, MkDocs' own behaviour stays (see build.showing_errors)."""
    if not _dirty:
        server.builder = build.showing_errors(
            server.builder, Path(server.root), config.site_url,
            known=(PluginError, ConfigurationError, Abort), engine_log=logging.getLogger("mkdocs"), log=log,
        )
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _build.problems:  # while there are problems, every page keeps its address and shows them
        own = _build.own_pages()  # a brand's own pages replace or join the guide's
        for file in [f for f in files if f.src_uri in own]:
            files.remove(file)
        for path, folder in own.items():
            files.append(File(path, str(folder), config.site_dir, config.use_directory_urls))
        for file in [f for f in files if _build.removed(f.src_uri)]:
            files.remove(file)
        for file in files.documentation_pages():
            if not _build.in_nav(file.src_uri):
                file.inclusion = InclusionLevel.NOT_IN_NAV
    for new in _build.added_files():
        inclusion = InclusionLevel.UNDEFINED if new.in_nav else InclusionLevel.NOT_IN_NAV
        source = {"abs_src_path": str(new.source)} if new.source else {"content": new.content}
        files.append(File.generated(config, new.path, inclusion=inclusion, **source))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _build.problems:
        return ""  # the page is replaced by the error page in on_post_page
    result = _build.page(page.file.src_uri, markdown)
    page.meta.update(result.meta.as_dict(page.meta))
    if result.canonical is not None:
        page.canonical_url = addresses.absolute(_build.site_url, result.canonical)
    return result.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Material's skip link goes to the first contents entry: make that the main heading."""
    html, heading_id = skiplink.mark_main_heading(html)
    if [entry.level for entry in page.toc][:1] != [1]:
        top = AnchorLink(page.title or "", heading_id, 1)
        top.children = list(page.toc)
        page.toc = TableOfContents([top])
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _build.page_written(page.file.src_uri, output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _build.error_page(missing=True) if _build.problems and template_name == "404.html" else output_content


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals.update(_build.template_globals())
    env.filters["tel_href"] = addresses.tel_href
    # MkDocs makes a new environment, and compiles every theme template
    # again, on each build: keep the compiled code with the other build outputs.
    env.bytecode_cache = KeptBytecode(f"theme {env.autoescape!r} {sorted(env.extensions)}")
    return env


@event_priority(100)  # before the search index reads the page
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if page.content:
        page.content = _build.hold_sizes(page.content, page.file.abs_dest_path)
    return context


@event_priority(-100)  # last: after every other plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    try:
        config.site_dir = str(_build.finish(Path(config.site_dir)))
    except build.BuildError as exc:
        raise PluginError(str(exc)) from exc  # the preview's error page finds our problems on the chain


def on_build_error(error: Exception) -> None:
    _build.failed()
