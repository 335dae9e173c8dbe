"""MkDocs adapter: the only module that knows about MkDocs.

Each hook is a few lines that hand plain data to the ``nextsteps`` package
and hand its results back to MkDocs. To move to another site engine,
rewrite this file only.

MkDocs loads this module once and keeps it across ``mkdocs serve`` rebuilds,
so everything built per run lives in ``_state`` and is reset in on_config.
Under ``mkdocs serve`` a content error does not stop the preview: every page
shows the list of problems instead (``nextsteps.errorpage``).
"""

from __future__ import annotations

import logging
import os
import re
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
from nextsteps import (
    addresses,
    browser,
    cache,
    checklist,
    embed,
    errorpage,
    guide,
    hosting,
    journey,
    letters,
    pages,
    plan,
    preflight,
    recruiters,
    searchhelp,
    skiplink,
    staging,
    support,
    wording,
)
from nextsteps.addresses import absolute
from nextsteps.brand import Brand, load_brand
from nextsteps.checks import page_warnings
from nextsteps.content import Content, ContentError, Edition, Problem, load_content, load_guide_settings
from nextsteps.content.drafts import drafts, left_out_warning, without_drafts
from nextsteps.content.edition import shown_from
from nextsteps.content.settings import guide_folder
from nextsteps.outputs import Generated, fill_held_sizes, has_size_slots, hold_sizes
from nextsteps.render_pool import RenderError, RenderJob, Renders
from nextsteps.templating import KeptBytecode


@dataclass
class _BuildState:
    content: Content | None = None
    brand: Brand = field(default_factory=Brand)
    brand_logo: Path | None = None
    edition: Edition = field(default_factory=Edition)  # the brand's own pages, hidden pages and region
    support: support.SupportList | None = None
    search_help: tuple[searchhelp.Section, ...] = ()
    problems: list[Problem] = field(default_factory=list)  # only under `mkdocs serve`
    nav_paths: set[str] = field(default_factory=set)  # pages the navigation lists; all others are linked only
    generated: list[Generated] = field(default_factory=list)
    renders: Renders = field(default_factory=lambda: Renders([]))
    held_pages: list[str] = field(default_factory=list)  # written pages whose file sizes come at the end
    left_out: set[str] = field(default_factory=set)  # drafts a publishing build leaves out
    site_dir: Path | None = None  # the real output folder, while the build writes beside it


_state = _BuildState()
_serving = False  # `mkdocs serve`: show content errors in the browser
_dirty = False  # 'mkdocs serve --dirty' keeps the output folder, so it builds in place
_started = clock.time()
log = logging.getLogger("mkdocs.plugins.nextsteps")
HOOKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = HOOKS_DIR.parent  # holds data/ and .cache/, wherever a brand's docs_dir points


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty, _started
    _serving, _dirty, _started = command == "serve", dirty, clock.time()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything here, before MkDocs writes anything."""
    global _state
    _state = _BuildState()
    native = preflight.native_problem()
    if native:
        raise PluginError(native)
    if _serving:
        _watch_code(config)
    config_file = Path(config.config_file_path)
    language = config.theme["language"]
    if language not in wording.LANGUAGES:
        raise PluginError(f"{config_file.name}: field 'theme.language': '{language}' has no words in hooks/nextsteps/wording. Allowed: {', '.join(sorted(wording.LANGUAGES))}.")
    wording.use(language)
    warning = preflight.site_url_warning(config.site_url, config_file.name)
    config.site_url = preflight.site_url_or_local(config.site_url)
    try:
        _validate(config, config_file)
    except ContentError as exc:
        if not _serving:
            raise PluginError(str(exc)) from None
        log.error(str(exc))
        _state.problems = exc.problems
        return config
    assert _state.content is not None
    if not _serving:  # the preview shows drafts; a publishing build leaves them out, with a warning each
        for step in drafts(_state.content):
            log.warning(left_out_warning(step, Path(config.docs_dir).name))
            _state.left_out.add(step.path)
        _state.content = without_drafts(_state.content)
    if warning and config.strict:
        raise PluginError(warning)
    if warning:
        log.warning(warning)
    if _state.brand.logo:
        _state.brand_logo = (config_file.parent / _state.brand.logo).resolve()
    for note in _state.brand.build_notes(_state.edition.settings_file or config_file.name):
        log.info(note)
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: field 'use_directory_urls': must be true; the guide's public URLs end in '/'.")
    assert _state.content is not None and _state.support is not None  # set by _validate
    if not config.nav:
        config.nav = guide.nav(_state.content, generated={**checklist.NAV, wording.say("plan.title"): plan.PAGE})
    _state.nav_paths = guide.nav_paths(config.nav)
    # Same sources, same bytes: date the build by the newest review, not the clock.
    reviewed = datetime.combine(_state.content.last_reviewed, time(), tzinfo=UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(reviewed.timestamp())))
    # Stale support entries are judged against the build's date, so builds stay reproducible.
    build_day = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC).date()
    newest = _state.support.last_reviewed or build_day
    for warning in support.stale_warnings(_state.support, max(build_day, newest)):
        log.warning(warning)
    config.extra_css.insert(0, "assets/brand.css")
    for component in (browser, searchhelp, journey):  # every guide page, not widgets; browser first: the others use it
        config.extra_css.append(component.STYLESHEET)
        config.extra_javascript.append(_deferred(component.SCRIPT))
    config.extra_css.append(plan.STYLESHEET)
    # PDF and Word files are kept between builds; NEXTSTEPS_NO_CACHE=1 renders all afresh.
    cache.use_folder(None if os.environ.get("NEXTSTEPS_NO_CACHE") else PROJECT_DIR / ".cache" / "nextsteps")
    # PDFs finish after the pages, so build beside the site and swap it in
    # at the end: a failed build leaves the old site whole (nextsteps.staging).
    if not _dirty:
        _state.site_dir = Path(config.site_dir)
        config.site_dir = str(staging.staging_dir(_state.site_dir))
    _generate(config)
    return config


def _deferred(path: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.defer = True
    return script


def _generate(config: MkDocsConfig) -> None:
    """Everything the build adds. PDF and Word files start rendering now, in
    worker processes, so they are ready by the time MkDocs has built the pages."""
    content, brand = _state.content, _state.brand
    assert content is not None and config.site_url is not None  # checked and set in on_config
    generated = guide.generated_files(content) + recruiters.generated_files() + journey.generated_files() + browser.generated_files()
    topics: set[str] | None = {o.topic for o in _state.support.organisations} if _state.support else None
    generated += searchhelp.generated_files(_state.search_help, topics, support=guide.has_support_page(content)) + plan.generated_files(content, config.site_url)
    generated += checklist.generated_files(content, brand=brand, site_url=config.site_url, site_name=config.site_name)
    generated += embed.generated_files(content, brand=brand, site_url=config.site_url)
    generated += letters.generated_files(
        content, author=brand.name, site_url=config.site_url, site_name=config.site_name,
        logo=brand.logo_data_uri(), word_logo=brand.word_logo,
    )
    generated = [g for g in generated if g.path not in _state.edition.hidden]  # e.g. the "For recruiters" page
    for message in checklist.print_warnings(content):
        log.warning(message)
    _state.generated = generated
    _state.renders = Renders((g.path, g.content) for g in generated if isinstance(g.content, RenderJob))
    _state.renders.start()


def _validate(config: MkDocsConfig, config_file: Path) -> None:
    """Brand, content and address, every problem in one list."""
    problems: list[Problem] = []
    shown = shown_from(config_file, PROJECT_DIR)
    try:
        settings = config.extra.get("brand")
        _state.brand = load_brand(settings, config_file.name, config_file.parent, shown, Path(config.docs_dir))
        _state.edition = _state.brand.edition(config_file.parent, shown, PROJECT_DIR)
    except ContentError as exc:
        problems += exc.problems
    guide_words = None
    try:
        guide_words = load_guide_settings(config.extra.get("guide"), config_file, config_file.name)
    except ContentError as exc:
        problems += exc.problems
    try:
        _state.content = load_content(Path(config.docs_dir), guide_words, _state.edition)
    except ContentError as exc:
        problems += exc.problems
    try:
        checklist.check_site_url(config.site_url, config_file.name)
    except ContentError as exc:
        problems += exc.problems
    try:
        _state.search_help = searchhelp.load(guide_folder(config_file))
    except ContentError as exc:
        problems += exc.problems
    own = _state.brand.support
    try:
        _state.support = support.load_support(
            guide_folder(config_file),
            brand_file=(config_file.parent / own.file) if own else None,
            brand_shown=shown_from(config_file.parent / own.file, PROJECT_DIR) if own else "",
            mode=own.mode if own else "extend",
            region=_state.brand.region,
        )
    except ContentError as exc:
        problems += exc.problems
    if problems:
        raise ContentError(problems)


def _watch_code(config: MkDocsConfig) -> None:
    """Rebuild on edits to the theme overrides, the hooks, the support list
    and a brand's own files (its logo, its support list, the settings it
    inherits), too.

    Templates, CSS and JavaScript take effect at once. Python modules are
    loaded once per process, so a changed .py file needs a restart.
    """
    config_file = Path(config.config_file_path)
    watched = [config.theme.custom_dir, str(HOOKS_DIR), str(PROJECT_DIR / "data")]
    brand = config.extra.get("brand")
    if isinstance(brand, dict):
        own_support = brand.get("support")
        support_file = own_support.get("file") if isinstance(own_support, dict) else None
        for name in (brand.get("logo"), brand.get("logo_png"), brand.get("pages"), support_file):
            if isinstance(name, str) and name:
                watched.append(str((config_file.parent / name).resolve()))
    inherited = re.search(r"^INHERIT:\s*['\"]?([^'\"\s]+)", config_file.read_text(encoding="utf-8"), re.M) if config_file.is_file() else None
    if inherited:
        watched.append(str((config_file.parent / inherited.group(1)).resolve()))
    for item in watched:
        if item and os.path.exists(item) and item not in config.watch:
            config.watch.append(item)
    changed = sorted(p.relative_to(HOOKS_DIR.parent).as_posix() for p in HOOKS_DIR.rglob("*.py") if p.stat().st_mtime > _started)
    if changed:
        log.warning("Python code changed (%s): stop 'mkdocs serve' with Ctrl+C and start it again to use it.", ", ".join(changed))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """A rebuild that fails where the hooks cannot list the problem (the
    settings file is not valid YAML, a theme template has a typo) shows its
    error in the browser too, instead of leaving the preview stuck.

    With --dirty the preview keeps MkDocs' own behaviour: a dirty rebuild
    would leave the error page on every page it does not rebuild.
    """
    if _dirty:
        return server
    rebuild = server.builder
    site = Path(server.root)
    project = PROJECT_DIR  # files are named from the project folder
    root = urlsplit(config.site_url or "/").path or "/"

    def rebuild_or_show_error() -> None:
        logged = _ErrorsLogged()
        logging.getLogger("mkdocs").addHandler(logged)
        try:
            rebuild()
        except Exception as exc:  # every failure goes to the browser
            problems = errorpage.problems_from_error(exc, logged.messages, project)
            known = isinstance(exc, (PluginError, ConfigurationError, Abort)) or problems[0].file
            if not known:
                log.exception("The rebuild failed:")
            log.error("The preview shows this until it is fixed:\n" + "\n".join(f"  - {p}" for p in problems))
            errorpage.write_over(site, problems, root if root.endswith("/") else root + "/")
        finally:
            logging.getLogger("mkdocs").removeHandler(logged)

    server.builder = rebuild_or_show_error
    return server


class _ErrorsLogged(logging.Handler):
    """The error messages MkDocs logs during one rebuild: often the only
    place a failure's details are."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _state.problems:
        return _error_files(files, config)
    _use_edition_files(files, config)
    files.append(File.generated(config, "assets/brand.css", content=_state.brand.stylesheet()))
    if _state.brand_logo and _state.brand.logo_name:
        files.append(File.generated(config, _state.brand.logo_name, abs_src_path=str(_state.brand_logo)))
    for file in files.documentation_pages():
        if file.src_uri in _state.left_out:
            files.remove(file)
        elif file.src_uri not in _state.nav_paths:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    _add(files, config, _state.generated)
    files.append(File.generated(config, hosting.NGINX_EXAMPLE, content=hosting.nginx_conf(config.site_url or "/")))
    return files


def _use_edition_files(files: Files, config: MkDocsConfig) -> None:
    """A brand's own pages replace or join the guide's; pages it hides go."""
    edition = _state.edition
    for path in edition.own_files():
        old = files.get_file_from_path(path)
        if old is not None:
            files.remove(old)
        files.append(File(path, str(edition.pages_dir), config.site_dir, config.use_directory_urls))
    for path in edition.hidden:
        old = files.get_file_from_path(path)
        if old is not None:
            files.remove(old)


def _error_files(files: Files, config: MkDocsConfig) -> Files:
    """While there are problems, keep the pages' addresses (each shows the
    problems, and live reload swaps in the site when fixed) and add nothing."""
    for path, text in errorpage.assets().items():
        files.append(File.generated(config, path, content=text))
    return files


def _add(files: Files, config: MkDocsConfig, generated: list[Generated]) -> None:
    for out in generated:
        inclusion = InclusionLevel.UNDEFINED if out.path in _state.nav_paths else InclusionLevel.NOT_IN_NAV
        # A render job's file is listed now, so links to it check, and written in on_post_build.
        content = b"" if isinstance(out.content, RenderJob) else out.content
        files.append(File.generated(config, out.path, content=content, inclusion=inclusion))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _state.problems:
        return ""  # the page is replaced by the error page in on_post_page
    assert _state.content is not None and config.site_url is not None
    result = pages.build_page(
        _state.content, page.file.src_uri, markdown,
        site_url=config.site_url, brand=_state.brand, support_list=_state.support,
    )
    page.meta.update(result.meta)
    page.meta["scripts"] = [*page.meta.get("scripts", []), *result.scripts]
    if result.canonical is not None:
        page.canonical_url = absolute(config.site_url, result.canonical)
    return result.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Material's skip link goes to the first contents entry: make that the main heading."""
    html, heading_id = skiplink.mark_main_heading(html)
    first = next(iter(page.toc), None)
    if first is None or first.level != 1:
        top = AnchorLink(page.title or "", heading_id, 1)
        top.children = list(page.toc)
        page.toc = TableOfContents([top])
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _state.problems:
        return _error_page(config)
    assert _state.content is not None
    for message in page_warnings(_state.content, page.file.src_uri, output, Path(config.docs_dir).name):
        log.warning(message)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if _state.problems and template_name == "404.html":
        return _error_page(config, missing=True)
    return output_content


def _error_page(config: MkDocsConfig, missing: bool = False) -> str:
    root = urlsplit(config.site_url or "/").path or "/"
    return errorpage.page(_state.problems, root if root.endswith("/") else root + "/", missing=missing)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["brand"] = _state.brand
    env.globals["checklist_url"] = addresses.checklist_url  # theme templates build addresses as the generators do
    env.filters["tel_href"] = addresses.tel_href
    env.globals["guide_choose"] = guide.choose(_state.content) if _state.content else ""
    env.globals["support_page"] = guide.has_support_page(_state.content) if _state.content else True
    # MkDocs makes a new environment, and compiles every theme template
    # again, on each build: keep the compiled code with the other build outputs.
    env.bytecode_cache = KeptBytecode(f"theme {env.autoescape!r} {sorted(env.extensions)}")
    return env


@event_priority(100)  # before the search index reads the page
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Download links show the file's size, which is known only once the file
    is made: hold a place for it, so the page is written without waiting."""
    if page.content and has_size_slots(page.content):
        page.content = hold_sizes(page.content)
        _state.held_pages.append(page.file.abs_dest_path)
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
    if _state.content is not None:
        # Said, not failed: a longer list is still a good list, and --strict would stop the build.
        for message in checklist.paper_warnings(_state.content, made):
            log.info(message)
    for page_file in map(Path, _state.held_pages):
        page_file.write_text(fill_held_sizes(page_file.read_text(encoding="utf-8"), lambda path: len(made[path])), encoding="utf-8")
    # The headers file lists every top-level folder, so it is written last.
    (site / hosting.HEADERS_FILE).write_text(hosting.headers_file(site, config.site_url), encoding="utf-8")
    if _state.site_dir is not None:
        staging.swap_in(site, _state.site_dir)
        config.site_dir = str(_state.site_dir)
        log.info(f"Complete site moved into place: {_state.site_dir}")


def on_build_error(error: Exception) -> None:
    """Stop the workers and drop the half-built folder: the old site stays as it was."""
    _state.renders.close()
    if _state.site_dir is not None:
        staging.discard(staging.staging_dir(_state.site_dir))
