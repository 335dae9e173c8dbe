"""Fixtures every test module shares: the built site, a server and a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import CHROMIUM_ARGS, CHROMIUM_ENV, FRESH_ENV, NO_CHROMIUM, ROOT, Server, find_chromium, shared_build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with ``mkdocs build --strict`` and shared by every worker."""
    result = shared_build(tmp_path_factory, "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def fresh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with every PDF and Word file rendered afresh in worker processes, not from the cache."""
    result = shared_build(tmp_path_factory, "fresh", env=FRESH_ENV)
    assert result.returncode == 0, result.output[-2000:]
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
