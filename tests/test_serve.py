"""The editor's loop under a real ``mkdocs serve``: a mistake shows in the
browser with file, field and line, and the site comes back once it is fixed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import a11y
import articles
import pytest
from nextsteps.content import load_content
from playwright.sync_api import Error as PlaywrightError
from support import ROOT, TEST_ENV, copy_project, edit, free_port

pytestmark = pytest.mark.browser

STEP = "docs/steps/ask-for-feedback.md"
STEP_URL = "steps/ask-for-feedback/"
# Generous: a rebuild takes a second or two, longer on a busy machine.
WAIT = 60.0
ROOT_CONTENT = load_content(ROOT / "docs")


class Preview:
    def __init__(self, project: Path, proc: subprocess.Popen, port: int, log: Path):
        self.project, self.proc, self.port, self.log = project, proc, port, log
        self.log_start = 0  # where the current test's part of the log begins
        self.pristine: dict[str, tuple[bytes, int]] = {}  # a shared preview's files as it started

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def output(self) -> str:
        """What the preview printed since the current test began."""
        with self.log.open("rb") as log:
            log.seek(self.log_start)
            return log.read().decode("utf-8", errors="replace")

    def begin_test(self) -> None:
        self.log_start = self.log.stat().st_size

    def wait_for_rebuild_after(self, moment_ms: int) -> None:
        """Wait until the preview has finished a build that began after ``moment_ms``.

        The preview numbers each finished build by when it began, on the
        machine's monotonic clock in milliseconds, and tells its browsers that
        number at /livereload/0/0. A file written before ``moment_ms`` is in
        every build that began later; a build already running when the file
        was written is not enough, as it may have read the old file.
        """
        deadline = time.monotonic() + WAIT
        while True:
            assert self.proc.poll() is None, self.output()
            finished = fetch(self.url("livereload/0/0"))
            if finished and int(finished) > moment_ms:
                return
            assert time.monotonic() < deadline, "the preview never rebuilt: " + self.output()[-2000:]
            time.sleep(0.2)

    def wait_until_healthy(self) -> None:
        """Wait until the home page is the guide's, not the error page (a page is
        answered only between builds, so this also waits for a running build)."""
        deadline = time.monotonic() + WAIT
        while True:
            assert self.proc.poll() is None, self.output()
            home = (fetch(self.url()) or b"").decode("utf-8", errors="replace")
            if HEALTHY in home and "ns-error__problem" not in home:
                return
            assert time.monotonic() < deadline, "the preview never came back: " + self.output()[-2000:]
            time.sleep(0.3)


# Words of the guide's home page, which the error page never shows.
HEALTHY = "Where were you turned down?"
# The tests that share one preview of the project run one after another on one worker.
SHARED_PREVIEW = pytest.mark.xdist_group("serve-preview")


@pytest.fixture(scope="module")
def shared_preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """One preview of the project for every test of this module that edits it.

    Starting a preview builds the whole site, which costs far more than the
    rebuilds a test causes; the ``preview`` fixture puts the project back
    after each test, so the tests still do not depend on each other.
    """
    for server in _serve(tmp_path_factory.mktemp("shared-preview")):
        server.pristine = _project_files(server.project)
        yield server


@pytest.fixture
def preview(shared_preview: Preview, request: pytest.FixtureRequest) -> Iterator[Preview]:
    """The shared preview, in the state it started in, and back in it after the test.

    Every file the test changed, added or removed is put back as it was, its
    modification time too (the preview warns about a changed Python file by its
    time), and the next test starts only once the preview has rebuilt from the
    restored files and serves the guide again.
    """
    if getattr(request.config.option, "loadgroup", False) and not request.node.nodeid.endswith("@serve-preview"):
        pytest.fail(
            "pytest-xdist ran this test without its group (--dist loadgroup), so every worker starts its own preview "
            "and every module fixture is built once per worker. pytest 9.2 with pytest-xdist 3.8 does this "
            "(pytest-xdist issue 1386): see the pytest pin in pyproject.toml."
        )
    project, before = shared_preview.project, shared_preview.pristine
    shared_preview.wait_until_healthy()
    shared_preview.begin_test()
    yield shared_preview
    after = _project_files(project)
    changed = False
    for name in after.keys() - before.keys():
        (project / name).unlink()
        changed = True
    for name, (data, mtime_ns) in before.items():
        if after.get(name) != (data, mtime_ns):
            path = project / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            os.utime(path, ns=(mtime_ns, mtime_ns))
            changed = True
    if changed:
        shared_preview.wait_for_rebuild_after(round(time.monotonic() * 1000))
    shared_preview.wait_until_healthy()


def _project_files(project: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of a project copy with its bytes and modification time, leaving out the shared cache and Python's own."""
    return {
        path.relative_to(project).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in project.rglob("*")
        if path.is_file() and ".cache" not in path.relative_to(project).parts and "__pycache__" not in path.parts
    }


@pytest.fixture
def brand_preview(tmp_path: Path) -> Iterator[Preview]:
    """The example brand, served under its site_url's path (/next-steps/)."""
    yield from _serve(tmp_path, "-f", "brands/example.yml")


def _serve(tmp_path: Path, *options: str) -> Iterator[Preview]:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, **TEST_ENV},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the render workers stop with it
        )
    server = Preview(project, proc, port, log)
    try:
        deadline = time.monotonic() + WAIT * 2
        while True:
            assert proc.poll() is None, server.output()
            try:
                urllib.request.urlopen(server.url(), timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, server.output()
                time.sleep(0.3)
        yield server
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def fetch(url: str) -> bytes | None:
    """The file at ``url``, or None while the preview is too busy rebuilding to answer."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return bytes(answer.read())
    except OSError:
        return None


def wait_for_text(page, text: str, selector: str = "body") -> None:
    """Wait until the page (reloaded by the preview, not by the test) shows ``text``."""
    deadline = time.monotonic() + WAIT
    while True:
        try:
            if text in page.inner_text(selector):
                return
        except PlaywrightError:  # the page is reloading
            pass
        assert time.monotonic() < deadline, f"{text!r} never appeared; the page shows: {page.inner_text('body')[:500]!r}"
        page.wait_for_timeout(200)


def line_of(path: Path, start: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith(start))


def problems_shown(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "tr.ns-error__problem",
        "rows => rows.map(r => Object.fromEntries([...r.querySelectorAll('td')].map(td => [td.dataset.ns, td.textContent.trim()])))",
    )


@SHARED_PREVIEW
def test_a_front_matter_mistake_shows_in_the_browser_and_goes_away_when_fixed(preview, page):
    step = preview.project / STEP
    page.goto(preview.url(STEP_URL))
    title = page.inner_text("h1")
    assert title == "Ask for feedback"

    edit(step, "when:", "wen:")
    edit(step, "summary:", "sumary:")
    wait_for_text(page, "problems to fix", "title")
    shown = problems_shown(page)
    wen = next(p for p in shown if p["field"] == "wen")
    assert (wen["file"], wen["line"]) == (STEP, str(line_of(step, "wen:")))
    assert any(p["field"] == "sumary" and p["line"] == str(line_of(step, "sumary:")) for p in shown)
    assert any(p["field"] == "when" and "required" in p["message"] for p in shown)
    assert "unknown field. Allowed fields are: title, summary" in page.inner_text("body")
    assert a11y.violations(page) == []
    # The terminal has the same list.
    assert "field 'wen': unknown field" in preview.output()

    edit(step, "wen:", "when:")
    edit(step, "sumary:", "summary:")
    wait_for_text(page, title, "h1")
    assert page.query_selector("tr.ns-error__problem") is None


@SHARED_PREVIEW
def test_a_yaml_mistake_names_its_line_and_pages_made_by_the_build_come_back(preview, page):
    step = preview.project / STEP
    page.goto(preview.url("checklist/"))
    assert page.inner_text("h1")
    edit(step, "title: Ask for feedback", 'title: "Ask for feedback')
    wait_for_text(page, "problem to fix", "title")  # /checklist/ does not exist while the build is broken
    [shown] = problems_shown(page)
    assert shown["file"] == STEP and shown["line"] == "2" and "quotation mark" in shown["message"]

    edit(step, 'title: "Ask for feedback', "title: Ask for feedback")
    wait_for_text(page, "Today", "main")
    assert page.query_selector("tr.ns-error__problem") is None


@SHARED_PREVIEW
def test_a_bad_brand_setting_shows_in_the_browser(preview, page):
    config = preview.project / "mkdocs.yml"
    page.goto(preview.url())
    edit(config, 'accent: "#1d4f91"', 'accent: "blue-ish"')
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    assert shown["file"] == "mkdocs.yml" and shown["field"] == "extra.brand.accent" and "not a colour" in shown["message"]
    assert shown["line"] == str(line_of(config, "    accent:"))
    edit(config, 'accent: "blue-ish"', 'accent: "#1d4f91"')
    wait_for_text(page, "Where were you turned down?", "main")


@SHARED_PREVIEW
def test_a_brand_mistake_and_a_page_mistake_show_together_each_with_file_field_and_line(preview, page):
    """The problems reach the page as the build found them, not parsed back from the terminal's text."""
    config, step = preview.project / "mkdocs.yml", preview.project / STEP
    page.goto(preview.url())
    edit(config, 'accent: "#1d4f91"', "accent: [blue]")
    edit(step, "when:", "wen:")
    wait_for_text(page, "wen")
    wait_for_text(page, "extra.brand.accent")
    shown = {p["field"]: p for p in problems_shown(page)}
    assert shown["extra.brand.accent"] == {
        "file": "mkdocs.yml", "line": str(line_of(config, "    accent:")), "field": "extra.brand.accent",
        "message": "must be text (got ['blue'])",
    }
    assert (shown["wen"]["file"], shown["wen"]["line"]) == (STEP, str(line_of(step, "wen:")))
    assert shown["wen"]["message"].startswith("unknown field. Allowed fields are: title, summary")
    edit(config, "accent: [blue]", 'accent: "#1d4f91"')
    edit(step, "wen:", "when:")
    wait_for_text(page, "Where were you turned down?", "main")


@SHARED_PREVIEW
def test_an_edit_to_the_theme_overrides_rebuilds_the_preview(preview, page):
    css = "assets/stylesheets/nextsteps.css"
    marker = "/* changed while the preview runs */"
    (preview.project / "overrides" / css).write_text((preview.project / "overrides" / css).read_text(encoding="utf-8") + marker + "\n", encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while marker.encode() not in (fetch(preview.url(css)) or b""):
        assert time.monotonic() < deadline, "the served stylesheet never changed: " + preview.output()[-2000:]
        time.sleep(0.3)


@SHARED_PREVIEW
def test_a_yaml_mistake_in_the_settings_file_shows_in_the_browser_with_its_line(preview, page):
    config = preview.project / "mkdocs.yml"
    page.goto(preview.url("checklist/"))
    assert page.inner_text("h1")
    # An unclosed quote on line 1: YAML itself only stumbles many lines later.
    edit(config, "site_name: Next steps after a job rejection", 'site_name: "Next steps after a job rejection')
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    assert (shown["file"], shown["line"]) == ("mkdocs.yml", "1") and "quotation mark" in shown["message"]
    assert a11y.violations(page) == []
    assert "An error happened during the rebuild" not in preview.output()

    edit(config, 'site_name: "Next steps after a job rejection', "site_name: Next steps after a job rejection")
    wait_for_text(page, "Today", "main")
    assert page.query_selector("tr.ns-error__problem") is None

    # A setting the build refuses shows there too, with its file and field.
    edit(config, "use_directory_urls: true", "use_directory_urls: false")
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    assert (shown["file"], shown["field"]) == ("mkdocs.yml", "use_directory_urls") and "must be true" in shown["message"]
    edit(config, "use_directory_urls: false", "use_directory_urls: true")
    wait_for_text(page, "Today", "main")


@SHARED_PREVIEW
def test_a_mistake_in_a_theme_template_shows_in_the_browser_with_its_line(preview, page):
    template = preview.project / "overrides/main.html"
    page.goto(preview.url())
    original = template.read_text(encoding="utf-8")
    broken = original.replace("{% endif %}", "{% endiff %}", 1)
    template.write_text(broken, encoding="utf-8")
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    line = next(i for i, text in enumerate(broken.splitlines(), start=1) if "endiff" in text)
    assert (shown["file"], shown["line"]) == ("overrides/main.html", str(line)) and "endiff" in shown["message"]

    template.write_text(original, encoding="utf-8")
    wait_for_text(page, "Where were you turned down?", "main")


@SHARED_PREVIEW
def test_a_support_list_mistake_shows_in_the_browser_with_its_line(preview, page):
    data = preview.project / "data/support.yml"
    page.goto(preview.url("get-support/"))
    edit(data, "    topic: wellbeing", "    topic: feelings")
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    assert (shown["file"], shown["line"]) == ("data/support.yml", str(line_of(data, "    topic: feelings")))
    assert shown["field"].endswith(".topic") and "feelings" in shown["message"]

    edit(data, "    topic: feelings", "    topic: wellbeing")
    wait_for_text(page, "Samaritans", "main")


@SHARED_PREVIEW
def test_an_edit_to_a_template_or_stylesheet_under_hooks_takes_effect_without_a_restart(preview, page):
    hooks = preview.project / "hooks/nextsteps"
    last = f"stages/interview/{ROOT_CONTENT.steps_for('interview')[-1].slug}/"
    page.goto(preview.url(last))
    assert "You have read every step" in page.inner_text("main")
    pdf = "downloads/checklist-a4.pdf"
    before = urllib.request.urlopen(preview.url(pdf), timeout=60).read()

    edit(hooks / "guide/templates/pager.html", '{{ say("pager.finished") }}', "You have read all the steps")
    wait_for_text(page, "You have read all the steps", "main")
    edit(hooks / "checklist/templates/print.css", "h1 { font-size: 16pt;", "h1 { font-size: 24pt;")
    deadline = time.monotonic() + WAIT
    while fetch(preview.url(pdf)) in (before, None):
        assert time.monotonic() < deadline, "the printable checklist never changed: " + preview.output()[-2000:]
        time.sleep(0.5)
    assert "stop 'mkdocs serve'" not in preview.output()

    # Python code is loaded once: the preview says so, and which file changed.
    edit(hooks / "pages.py", "\"\"\"", "\"\"\"Changed while the preview runs. ")
    deadline = time.monotonic() + WAIT
    while "stop 'mkdocs serve' with Ctrl+C and start it again" not in preview.output():
        assert time.monotonic() < deadline, preview.output()[-2000:]
        time.sleep(0.3)
    assert "(hooks/nextsteps/pages.py)" in preview.output()


def test_a_brand_preview_follows_the_settings_it_inherits_and_shows_its_own_errors(brand_preview, page):
    project = brand_preview.project
    brand = project / "brands/example.yml"
    page.goto(brand_preview.url("next-steps/"))
    assert "Example Recruitment" in page.inner_text("footer")
    edit(project / "mkdocs.yml", "copyright: Free to use and share.", "copyright: Free to share with anyone.")
    wait_for_text(page, "Free to share with anyone.", "footer")

    edit(brand, "site_name: Next steps with Example Recruitment", 'site_name: "Next steps with Example Recruitment')
    wait_for_text(page, "problem to fix", "title")
    [shown] = problems_shown(page)
    assert (shown["file"], shown["line"]) == ("brands/example.yml", str(line_of(brand, "site_name:")))
    # The error page's stylesheet loads under the brand's path.
    assert page.eval_on_selector("h1", "h => getComputedStyle(h).borderLeftStyle") == "solid"
    assert a11y.violations(page) == []
    edit(brand, 'site_name: "Next steps with Example Recruitment', "site_name: Next steps with Example Recruitment")
    wait_for_text(page, "Example Recruitment", "footer")


@SHARED_PREVIEW
def test_an_imported_draft_shows_in_the_preview_with_a_banner(preview, browser, tmp_path):
    """`nextsteps import` while the preview runs: the draft shows, on no path yet,
    with a visible Draft banner, accessible light and dark."""
    article = tmp_path / "article.md"
    article.write_text(articles.as_markdown(), encoding="utf-8")
    imported = subprocess.run(
        [sys.executable, "-m", "nextsteps.cli", "import", str(article)],
        cwd=preview.project, capture_output=True, text=True, timeout=120, env={**TEST_ENV, "PATH": "/usr/bin:/bin"},
    )
    assert imported.returncode == 0, imported.stderr
    address = preview.url("steps/how-to-keep-your-confidence-up/")
    deadline = time.monotonic() + WAIT
    while b"ns-draft" not in (fetch(address) or b""):
        assert time.monotonic() < deadline, "the draft never showed: " + preview.output()[-2000:]
        time.sleep(0.3)
    html = (fetch(address) or b"").decode("utf-8")
    banner = re.search(r'<p class="ns-draft" role="note"><strong>Draft</strong> (.*?)</p>', html)
    assert banner and "draft: true" in banner.group(1).replace("&#x27;", "'"), html[:2000]
    assert "Ask For Feedback When You Can" in html
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(address, timeout=60_000)
            shown = page.locator(".ns-draft")
            assert shown.is_visible() and shown.inner_text().startswith("DRAFT"), scheme
            found = a11y.violations(page)
            assert not found, a11y.describe(found)
        finally:
            context.close()
    assert "draft, left out" not in preview.output()
