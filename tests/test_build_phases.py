"""nextsteps.build without the site engine: the build's policy is plain Python,
so the MkDocs adapter only translates, and another engine could drive it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
import yaml
from nextsteps import guide
from nextsteps.build import Build, BuildError, Settings
from nextsteps.content.frontmatter import split
from nextsteps.pagemeta import Link, PageMeta
from support import ROOT


class _Loose(yaml.SafeLoader):
    """Reads mkdocs.yml's settings without the engine's own YAML tags."""


_Loose.add_multi_constructor("", lambda loader, suffix, node: None)


def _settings(tmp_path, **changes):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loose)
    values = dict(
        config_file=ROOT / "mkdocs.yml", docs_dir=ROOT / "docs", site_dir=tmp_path / "site",
        site_url="https://guide.example.org/", site_name=config["site_name"], language="en", extra=config["extra"],
    )
    return Settings(**{**values, **changes})


@pytest.fixture
def quiet_env(monkeypatch):
    """The build dates itself through SOURCE_DATE_EPOCH and renders serially here: put both back afterwards."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    monkeypatch.setenv("NEXTSTEPS_RENDER_WORKERS", "0")


def test_the_build_module_imports_nothing_of_mkdocs():
    code = "import sys, nextsteps.build, nextsteps.pages; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert done.stdout.strip() == "[]"


def test_a_build_lists_and_makes_each_step_on_its_path_whole(tmp_path, quiet_env):
    build = Build(logging.getLogger("test.build"))
    settings = _settings(tmp_path)
    try:
        build.validate(settings)
        assert settings.site_dir != tmp_path / "site" and settings.site_dir.parent == tmp_path  # built beside, swapped in
        assert settings.nav and "index.md" in build.nav_paths
        added = {new.path: new for new in build.added_files()}
        assert build.places and set(build.places) <= set(added)
        path, place = next(iter(build.places.items()))
        assert added[path].content == "" and not added[path].in_nav  # listed now; made whole when asked for
        page = build.page(path, "")
        assert page.canonical == place.step.url
        assert page.meta.caption == guide.caption_html(build.content, place) and page.meta.stepnav
        assert page.meta.search_exclude and page.meta.not_in_sitemap and page.meta.next_link is None
        assert place.step.meta.title == page.meta.title and 'class="ns-pager' in page.markdown
    finally:
        build.failed()


def test_a_language_without_words_stops_the_build_naming_the_field(tmp_path, quiet_env):
    with pytest.raises(BuildError, match=r"mkdocs.yml: field 'theme.language': 'xx' has no words"):
        Build(logging.getLogger("test.build")).validate(_settings(tmp_path, language="xx"))


def test_page_meta_reads_back_the_same_from_its_front_matter():
    meta = PageMeta(
        title='Say "no": ça va', description="A &amp; B", reviewed_text="Last reviewed 1 May 2026", hide=["navigation"],
        search_exclude=True, next_link=Link("Your checklist", "checklist/"), scripts=["assets/checklist.js"],
    )
    front, body = split(meta.front_matter() + "\n\nThe page.\n", "generated.md")
    assert front == meta.as_dict() and body.strip() == "The page."


def test_page_meta_sets_its_values_over_the_page_own_and_joins_the_scripts():
    own = {"title": "Own", "description": "Own words", "scripts": ["a.js"]}
    meta = PageMeta(description="New words", scripts=["b.js"], no_cta=True).as_dict(own)
    assert meta == {"title": "Own", "description": "New words", "no_cta": True, "scripts": ["a.js", "b.js"]}
