"""One build of the site, phase by phase, in plain data.

The site engine's adapter (``hooks/mkdocs_hooks.py``) makes a :class:`Build`
at the start of every build, so a rebuild under a preview server starts
clean, and calls one method for each phase: :meth:`Build.validate`, the files
to add, remove and hide, each page's Markdown and metadata, the checks on each
written page, and :meth:`Build.finish`. All build policy lives here (which
language, which date, which cache, which problems stop the build), so moving
to another site engine means rewriting the adapter's translation only.
Messages go out through the logger the adapter hands in; a problem that stops
the build is a :class:`BuildError`.
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

from . import (
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
    staging,
    support,
    wording,
)
from .brand import Brand, load_brand
from .checks import page_warnings
from .content import Content, Edition, load_content, load_guide_settings
from .content.drafts import drafts, left_out_warning, without_drafts
from .content.edition import shown_from
from .content.settings import guide_folder
from .outputs import Generated, fill_held_sizes, has_size_slots, hold_sizes
from .problems import ContentError, Problem
from .render_pool import RenderError, RenderJob, Renders

HOOKS_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = HOOKS_DIR.parent  # holds data/ and .cache/, wherever a brand's docs_dir points

# The guide's own styles and scripts, on every page of the guide (not in widgets).
FIRST_STYLESHEETS = ("assets/brand.css",)  # before the theme's, so the theme's rules can use its colours
# On every page of the guide, not in widgets; the shared browser module first: the others use it.
STYLESHEETS = (browser.STYLESHEET, searchhelp.STYLESHEET, journey.STYLESHEET, plan.STYLESHEET)
DEFERRED_SCRIPTS = (browser.SCRIPT, searchhelp.SCRIPT, journey.SCRIPT)

_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"\s]+)", re.M)


class BuildError(Exception):
    """A problem that stops the build; the message says the file, the field and what is allowed."""


def _failed(*problems: Problem) -> BuildError:
    """The error for our own problems, with them as its cause, so the preview shows them as they are."""
    failure = BuildError("\n".join(map(str, problems)))
    failure.__cause__ = ContentError(list(problems))
    return failure


@dataclass
class Settings:
    """The site engine's settings the build reads, and the few it sets (site_url, nav, site_dir)."""

    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str | None
    site_name: str
    language: str
    strict: bool = False
    directory_urls: bool = True
    nav: list[Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    theme_dir: str | None = None  # the theme overrides, watched under the preview server


@dataclass(frozen=True)
class NewFile:
    """A file the build adds: text or bytes, or a file copied from ``source``."""

    path: str  # site path of the source, such as 'letters/index.md' or 'assets/brand.css'
    content: str | bytes = b""
    source: Path | None = None
    in_nav: bool = True  # False keeps a page out of the navigation (linked only)


@dataclass
class Build:
    """What one build knows, from validation to the finished site."""

    log: logging.Logger
    serving: bool = False  # a preview server: show content errors in the browser
    dirty: bool = False  # the preview keeps the output folder, so it builds in place
    started: float = field(default_factory=clock.time)  # when the preview server started
    settings: Settings | None = None
    content: Content | None = None
    brand: Brand = field(default_factory=Brand)
    brand_logo: Path | None = None
    edition: Edition = field(default_factory=Edition)  # the brand's own pages, hidden pages and region
    support: support.SupportList | None = None
    search_help: tuple[searchhelp.Section, ...] = ()
    problems: list[Problem] = field(default_factory=list)  # only under the preview server
    nav_paths: set[str] = field(default_factory=set)  # pages the navigation lists; all others are linked only
    places: dict[str, guide.PathPlace] = field(default_factory=dict)  # each step on each path, by page
    generated: list[Generated] = field(default_factory=list)
    renders: Renders = field(default_factory=lambda: Renders([]))
    held_pages: list[Path] = field(default_factory=list)  # written pages whose file sizes come at the end
    left_out: set[str] = field(default_factory=set)  # drafts a publishing build leaves out
    site_dir: Path | None = None  # the real output folder, while the build writes beside it

    # -- validate: everything is checked here, before anything is written

    def validate(self, settings: Settings) -> None:
        """Check everything, load the guide, and start the slow renders.

        Sets ``settings.site_url``, ``nav`` and ``site_dir`` for the engine to
        use. Raises :class:`BuildError`; under the preview server, content
        problems are kept in :attr:`problems` instead, for the error page.
        """
        self.settings = settings
        native = preflight.native_problem()
        if native:
            raise BuildError(native)
        config_name = settings.config_file.name
        if settings.language not in wording.LANGUAGES:
            raise _failed(Problem(config_name, "theme.language", f"'{settings.language}' has no words in hooks/nextsteps/wording. Allowed: {', '.join(sorted(wording.LANGUAGES))}."))
        wording.use(settings.language)
        warning = preflight.site_url_warning(settings.site_url, config_name)
        settings.site_url = preflight.site_url_or_local(settings.site_url)
        try:
            self._load(settings)
        except ContentError as exc:
            if not self.serving:
                raise BuildError(str(exc)) from exc  # the preview's error page reads the problems from the cause
            self.log.error(str(exc))
            self.problems = exc.problems
            return
        assert self.content is not None and self.support is not None  # set by _load
        if not self.serving:  # the preview shows drafts; a publishing build leaves them out, with a warning each
            for step in drafts(self.content):
                self.log.warning(left_out_warning(step, settings.docs_dir.name))
                self.left_out.add(step.path)
            self.content = without_drafts(self.content)
        if warning and settings.strict:
            raise BuildError(warning)
        if warning:
            self.log.warning(warning)
        if self.brand.logo:
            self.brand_logo = (settings.config_file.parent / self.brand.logo).resolve()
        for note in self.brand.build_notes(self.edition.settings_file or config_name):
            self.log.info(note)
        if not settings.directory_urls:
            raise _failed(Problem(config_name, "use_directory_urls", "must be true; the guide's public URLs end in '/'."))
        if not settings.nav:
            settings.nav = guide.nav(self.content, generated={**checklist.nav(), wording.say("plan.title"): plan.PAGE})
        self.nav_paths = guide.nav_paths(settings.nav)
        self.places = guide.places(self.content)
        # Same sources, same bytes: date the build by the newest review, not the clock.
        reviewed = datetime.combine(self.content.last_reviewed, time(), tzinfo=UTC)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(reviewed.timestamp())))
        # Stale support entries are judged against the build's date, so builds stay reproducible.
        build_day = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC).date()
        newest = self.support.last_reviewed or build_day
        for warning in support.stale_warnings(self.support, max(build_day, newest)):
            self.log.warning(warning)
        # PDF and Word files are kept between builds; NEXTSTEPS_NO_CACHE=1 renders all afresh.
        cache.use_folder(None if os.environ.get("NEXTSTEPS_NO_CACHE") else PROJECT_DIR / ".cache" / "nextsteps")
        # PDFs finish after the pages, so build beside the site and swap it in
        # at the end: a failed build leaves the old site whole (nextsteps.staging).
        if not self.dirty:
            self.site_dir = settings.site_dir
            settings.site_dir = staging.staging_dir(settings.site_dir)
        self._generate(settings)

    def _load(self, settings: Settings) -> None:
        """Brand, content and address, every problem in one list."""
        problems: list[Problem] = []
        config_file = settings.config_file
        shown = shown_from(config_file, PROJECT_DIR)
        try:
            self.brand = load_brand(settings.extra.get("brand"), config_file.name, config_file.parent, shown, settings.docs_dir)
            self.edition = self.brand.edition(config_file.parent, shown, PROJECT_DIR)
        except ContentError as exc:
            problems += exc.problems
        guide_words = None
        try:
            guide_words = load_guide_settings(settings.extra.get("guide"), config_file, config_file.name)
        except ContentError as exc:
            problems += exc.problems
        try:
            self.content = load_content(settings.docs_dir, guide_words, self.edition)
        except ContentError as exc:
            problems += exc.problems
        try:
            checklist.check_site_url(settings.site_url, config_file.name)
        except ContentError as exc:
            problems += exc.problems
        own = self.brand.support
        try:
            self.support = support.load_support(
                guide_folder(config_file),
                brand_file=(config_file.parent / own.file) if own else None,
                brand_shown=shown_from(config_file.parent / own.file, PROJECT_DIR) if own else "",
                mode=own.mode if own else "extend",
                region=self.brand.region,
            )
        except ContentError as exc:
            problems += exc.problems
        topics = tuple(t.id for t in self.support.topics) if self.support else None
        try:
            self.search_help = searchhelp.load(guide_folder(config_file), topics)
        except ContentError as exc:
            problems += exc.problems
        if problems:
            raise ContentError(problems)

    # -- generate: everything the build adds

    def _generate(self, settings: Settings) -> None:
        """PDF and Word files start rendering now, in worker processes, so they
        are ready by the time the engine has built the pages."""
        content, brand, site_url = self.content, self.brand, settings.site_url
        assert content is not None and site_url is not None  # checked and set in validate
        generated = guide.generated_files(self.places) + recruiters.generated_files(content) + journey.generated_files() + browser.generated_files()
        generated += searchhelp.generated_files(self.search_help, self.support, support=guide.has_support_page(content)) + plan.generated_files(content, site_url)
        generated += checklist.generated_files(content, brand=brand, site_url=site_url, site_name=settings.site_name)
        generated += embed.generated_files(content, brand=brand, site_url=site_url)
        generated += letters.generated_files(
            content, author=brand.name, site_url=site_url, site_name=settings.site_name,
            logo=brand.logo_data_uri(), word_logo=brand.word_logo,
        )
        generated = [g for g in generated if g.path not in self.edition.hidden]  # e.g. the "For recruiters" page
        for message in checklist.print_warnings(content):
            self.log.warning(message)
        self.generated = generated
        self.renders = Renders((g.path, g.content) for g in generated if isinstance(g.content, RenderJob))
        self.renders.start()

    # -- files: plain paths and bytes, which the adapter turns into the engine's files

    def own_pages(self) -> dict[str, Path]:
        """The brand's own pages, by source path, with the folder each is read from: they replace or join the guide's."""
        folder = self.edition.pages_dir
        return {path: folder for path in self.edition.own_files()} if folder is not None else {}

    def removed(self, path: str) -> bool:
        """Whether a source file goes: hidden by the brand, or a draft a publishing build leaves out."""
        return path in self.edition.hidden or path in self.left_out

    def in_nav(self, path: str) -> bool:
        return path in self.nav_paths

    def added_files(self) -> list[NewFile]:
        """Every file the build adds. While there are problems, only the error page's
        own files: every page keeps its address and shows the problems instead."""
        if self.problems:
            return [NewFile(path, text) for path, text in errorpage.assets().items()]
        added = [NewFile("assets/brand.css", self.brand.stylesheet())]
        if self.brand_logo and self.brand.logo_name:
            added.append(NewFile(self.brand.logo_name, source=self.brand_logo))
        for out in self.generated:
            # A render job's file is listed now, so links to it check, and written in finish().
            content = b"" if isinstance(out.content, RenderJob) else out.content
            added.append(NewFile(out.path, content, in_nav=self.in_nav(out.path)))
        added.append(NewFile(hosting.NGINX_EXAMPLE, hosting.nginx_conf(self.site_url)))
        return added

    # -- pages

    @property
    def site_url(self) -> str:
        return (self.settings.site_url if self.settings else None) or "/"

    def page(self, src_path: str, markdown: str) -> pages.PageResult:
        """The Markdown to render for a page, and what the theme templates read."""
        assert self.content is not None
        return pages.build_page(
            self.content, src_path, markdown, site_url=self.site_url, brand=self.brand, support_list=self.support, places=self.places,
        )

    def page_written(self, src_path: str, output: str) -> str:
        """A written page, checked; while there are problems, the error page in its place."""
        if self.problems:
            return self.error_page()
        assert self.content is not None and self.settings is not None
        for message in page_warnings(self.content, src_path, output, self.settings.docs_dir.name, self.places):
            self.log.warning(message)
        return output

    def error_page(self, missing: bool = False) -> str:
        return errorpage.page(self.problems, site_root(self.site_url), missing=missing)

    def hold_sizes(self, html: str, written_to: str) -> str:
        """Download links show the file's size, which is known only once the file
        is made: hold a place for it, so the page is written without waiting."""
        if not has_size_slots(html):
            return html
        self.held_pages.append(Path(written_to))
        return hold_sizes(html)

    def template_globals(self) -> dict[str, Any]:
        """What the theme templates may use beside the page: the brand, the wording table's words, and addresses built as the generators build them."""
        return {
            "brand": self.brand,
            "say": wording.say,
            "checklist_url": addresses.checklist_url,
            "guide_choose": guide.choose(self.content) if self.content else "",
            "support_page": guide.has_support_page(self.content) if self.content else True,
        }

    # -- the preview server

    def watched(self, config_file: Path, theme_dir: str | None, extra: dict[str, Any]) -> list[str]:
        """What the preview server watches besides the docs: the theme overrides,
        the hooks, the support list and a brand's own files (its logo, its support
        list, the settings it inherits).

        Templates, CSS and JavaScript take effect at once. Python modules are
        loaded once per process, so a changed .py file needs a restart: say so.
        """
        found = [theme_dir or "", str(HOOKS_DIR), str(PROJECT_DIR / "data")]
        brand = extra.get("brand")
        if isinstance(brand, dict):
            own_support = brand.get("support")
            support_file = own_support.get("file") if isinstance(own_support, dict) else None
            for name in (brand.get("logo"), brand.get("logo_png"), brand.get("pages"), support_file):
                if isinstance(name, str) and name:
                    found.append(str((config_file.parent / name).resolve()))
        inherited = _INHERIT.search(config_file.read_text(encoding="utf-8")) if config_file.is_file() else None
        if inherited:
            found.append(str((config_file.parent / inherited.group(1)).resolve()))
        changed = sorted(p.relative_to(PROJECT_DIR).as_posix() for p in HOOKS_DIR.rglob("*.py") if p.stat().st_mtime > self.started)
        if changed:
            self.log.warning("Python code changed (%s): stop 'mkdocs serve' with Ctrl+C and start it again to use it.", ", ".join(changed))
        return list(dict.fromkeys(item for item in found if item and os.path.exists(item)))

    # -- finish

    def finish(self, site: Path) -> Path:
        """Collect the rendered files, write the headers file, then swap the new site in.

        Returns the folder the site is in now.
        """
        try:
            made = self.renders.finish()
        except RenderError as exc:
            raise BuildError(str(exc)) from None
        for path, data in made.items():
            (site / path).write_bytes(data)
        if self.content is not None:
            # Said, not failed: a longer list is still a good list, and --strict would stop the build.
            for message in checklist.paper_warnings(self.content, made):
                self.log.info(message)
        for page_file in self.held_pages:
            page_file.write_text(fill_held_sizes(page_file.read_text(encoding="utf-8"), lambda path: len(made[path])), encoding="utf-8")
        # The headers file lists every top-level folder, so it is written last.
        (site / hosting.HEADERS_FILE).write_text(hosting.headers_file(site, self.site_url), encoding="utf-8")
        if self.site_dir is None:
            return site
        staging.swap_in(site, self.site_dir)
        self.log.info(f"Complete site moved into place: {self.site_dir}")
        return self.site_dir

    def failed(self) -> None:
        """Stop the workers and drop the half-built folder: the old site stays as it was."""
        self.renders.close()
        if self.site_dir is not None:
            staging.discard(staging.staging_dir(self.site_dir))


def site_root(site_url: str | None) -> str:
    """The path the site is served under, ending in '/'."""
    root = urlsplit(site_url or "/").path or "/"
    return root if root.endswith("/") else root + "/"


def showing_errors(
    rebuild: Callable[[], None], site: Path, site_url: str | None, *,
    known: tuple[type[BaseException], ...], engine_log: logging.Logger, log: logging.Logger,
) -> Callable[[], None]:
    """A preview rebuild that, when it fails where the build cannot list the
    problem (the settings file is not valid YAML, a theme template has a typo),
    shows its error in the browser too, instead of leaving the preview stuck.

    ``known`` are the engine's own errors, which say what is wrong without a
    traceback. Not for a preview that keeps its output folder (``--dirty``):
    a dirty rebuild would leave the error page on every page it does not rebuild.
    """

    def rebuild_or_show_error() -> None:
        logged = _ErrorsLogged()
        engine_log.addHandler(logged)
        try:
            rebuild()
        except Exception as exc:  # every failure goes to the browser
            problems = errorpage.problems_from_error(exc, logged.messages, PROJECT_DIR)  # files named from the project
            if not (isinstance(exc, known) or problems[0].file):
                log.exception("The rebuild failed:")
            log.error("The preview shows this until it is fixed:\n" + "\n".join(f"  - {p}" for p in problems))
            errorpage.write_over(site, problems, site_root(site_url))
        finally:
            engine_log.removeHandler(logged)

    return rebuild_or_show_error


class _ErrorsLogged(logging.Handler):
    """The error messages the engine logs during one rebuild: often the only
    place a failure's details are."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
