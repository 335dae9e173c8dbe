"""Fixtures every test module shares: the built site, a server and a browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import (
    CHROMIUM_ARGS,
    CHROMIUM_ENV,
    FRESH_ENV,
    NO_CHROMIUM,
    ROOT,
    SERIAL_FRESH_ENV,
    SITECUSTOM,
    TEST_ENV,
    BuildResult,
    Server,
    build,
    copy_project,
    find_chromium,
    shared,
    shared_build,
)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with ``mkdocs build --strict`` and shared by every worker."""
    result = shared_build(tmp_path_factory, "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def fresh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of the project whose PDF cache starts empty,
    so every PDF and Word file is rendered afresh, in worker processes. The
    copy (``fresh_site.parent / "project"``) keeps the cache the build filled."""

    def make(folder: Path) -> BuildResult:
        project = copy_project(folder / "project", shared_cache=False)
        return build(folder / "site", project, env=FRESH_ENV)

    result = shared(tmp_path_factory, "fresh", make)
    assert result.returncode == 0, result.output[-2000:]
    return result.site


@pytest.fixture(scope="session")
def offline_serial_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with no network at all, every file rendered afresh in the build process itself.

    No network namespace where the machine allows one (some systems forbid
    unprivileged user namespaces), and its Python cannot open a connection
    either way. One build serves two promises: an offline build and a serial
    render each give the fresh build's bytes.
    """

    def make(folder: Path) -> BuildResult:
        unshare = shutil.which("unshare")
        allowed = unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0
        proc = subprocess.run(
            [*(["unshare", "-rn"] if allowed else []), sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(folder), **TEST_ENV, **SERIAL_FRESH_ENV, "PYTHONPATH": str(SITECUSTOM / "offline")},
            timeout=600,
        )
        return BuildResult(proc.returncode, proc.stdout + proc.stderr, folder / "site")

    result = shared(tmp_path_factory, "offline-serial", make)
    assert result.returncode == 0, result.output[-3000:]
    return result.site


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example brand (brands/example.yml), whose site_url has a path."""
    result = shared_build(tmp_path_factory, "example", config="brands/example.yml")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the real docs folder that a test may break."""
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", target)
    return target


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[Server]:
    with Server(site) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser() -> Iterator:
    executable = find_chromium()
    if executable is None:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, env={**os.environ, **CHROMIUM_ENV})
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    yield pg
    pg.close()
