"""Brand editions: an agency's own pages replace, join and hide the guide's,
without touching the default site; mistakes name the agency's own files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from support import ROOT, build, copy_project

# One group: the brand edition is built once, by the one worker that runs this module.
pytestmark = pytest.mark.xdist_group("brand_edition")

BRAND = "agency"
STAGE_FILE = sorted((ROOT / "docs/stages").glob("*.md"))[0]  # any stage: the test does not depend on their names
STAGE = STAGE_FILE.stem
HIDDEN_LETTER = "linkedin-stay-in-touch"
ADDED_STEP = "talk-to-our-team"
REPLACED_PAGE = "privacy.md"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def brand_settings(**brand: object) -> dict:
    """A brand file as an agency writes it, beside brands/example.yml."""
    return {
        "INHERIT": "../mkdocs.yml",
        "site_name": "Next steps with Agency",
        "site_url": "https://agency.example.com/next-steps/",
        "docs_dir": "../docs",
        "theme": {"custom_dir": "../overrides"},
        "hooks": ["../hooks/mkdocs_hooks.py", "../hooks/material_fixes.py"],
        "extra": {"brand": {"name": "Agency Recruitment", **brand}},
    }


def write_brand(project: Path, name: str, **brand: object) -> str:
    (project / "brands" / f"{name}.yml").write_text(yaml.safe_dump(brand_settings(**brand)), encoding="utf-8")
    return f"brands/{name}.yml"


def step_page(title: str, order: int) -> str:
    return f"""---
title: {title}
summary: Our team can look at your CV with you and tell you about jobs that suit you.
order: {order}
when: this-week
checklist:
  - id: agency-book-a-chat
    text: Book a short chat with our team.
reviewed: 2026-11-23
---

Our consultants know which employers are hiring now. A short chat helps them match you with jobs.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with an agency's brand folder; PDFs come from the shared cache."""
    project = copy_project(tmp_path_factory.mktemp("edition"))
    own = project / "brands" / BRAND / "docs"
    (own / "steps").mkdir(parents=True)
    orders = [front_matter(p)["order"] for p in (ROOT / "docs/steps").glob("*.md")]
    (own / "steps" / f"{ADDED_STEP}.md").write_text(step_page("Talk to our team", max(orders) + 1), encoding="utf-8")
    privacy = (ROOT / "docs" / REPLACED_PAGE).read_text(encoding="utf-8")
    (own / REPLACED_PAGE).write_text(
        privacy + "\nAgency Recruitment keeps no record of your visit either.\n", encoding="utf-8"
    )
    path = front_matter(STAGE_FILE)["path"]
    write_brand(
        project, BRAND, pages=f"{BRAND}/docs", hide=[f"letters/{HIDDEN_LETTER}.md"], paths={STAGE: [*path, ADDED_STEP]}
    )
    return project


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    result = build(tmp_path_factory.mktemp("edition-site") / "site", project, config=f"brands/{BRAND}.yml")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def edition(built) -> Path:
    return built.site


def test_the_build_log_says_which_printable_checklist_outgrew_its_page(built):
    """The added step's item makes the whole guide's list longer; the log names any PDF that no longer fits one page."""
    import pypdf

    for pdf in sorted((built.site / "downloads").glob("checklist*.pdf")):
        pages = len(pypdf.PdfReader(pdf).pages)
        said = f"downloads/{pdf.name}: the printable checklist takes {pages} pages" in built.output
        assert said is (pages > 1), pdf.name


def test_a_replaced_page_shows_the_brand_words(edition):
    html = (edition / "privacy/index.html").read_text(encoding="utf-8")
    assert "Agency Recruitment keeps no record of your visit either." in html


def test_an_added_step_joins_the_brand_path(edition):
    assert "Our consultants know which employers are hiring now." in (
        edition / f"steps/{ADDED_STEP}/index.html"
    ).read_text(encoding="utf-8")
    stage_page = (edition / f"stages/{STAGE}/index.html").read_text(encoding="utf-8")
    assert "Talk to our team" in stage_page
    feeds = [json.loads(p.read_text(encoding="utf-8")) for p in (edition / "api").rglob("*.json")]
    assert "agency-book-a-chat" in json.dumps(feeds)


def test_a_hidden_letter_is_gone_everywhere(edition):
    assert not (edition / "letters" / HIDDEN_LETTER).exists()
    for page in edition.rglob("*.html"):
        assert f"letters/{HIDDEN_LETTER}" not in page.read_text(encoding="utf-8"), page
    for feed in edition.rglob("*.json"):
        assert HIDDEN_LETTER not in feed.read_text(encoding="utf-8"), feed
    assert not [p for p in edition.rglob("*") if HIDDEN_LETTER in p.name]


def test_the_default_site_is_unchanged_by_a_brand_folder(project, site, tmp_path):
    """The guide built beside an agency's folder is byte for byte the guide built without it."""
    result = build(tmp_path / "site", project)
    assert result.returncode == 0, result.output
    ours = {p.relative_to(result.site): p.read_bytes() for p in result.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_a_brand_page_with_an_error_names_the_brand_file(project, tmp_path):
    broken = project / "brands" / BRAND / "docs" / "steps" / "broken.md"
    broken.write_text(
        "---\ntitle: Broken\norder: 99\nwhen: today\nreviewed: 2026-11-23\n---\n\nText.\n", encoding="utf-8"
    )
    try:
        result = build(tmp_path / "site", project, config=f"brands/{BRAND}.yml")
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert (
        f"brands/{BRAND}/docs/steps/broken.md: field 'summary': this field is required but missing" in result.output
    ), result.output
    assert not (tmp_path / "site").exists()


def test_hiding_a_page_that_others_link_to_stops_the_build(project, tmp_path):
    config = write_brand(project, "hides-support", hide=["get-support.md"])
    result = build(tmp_path / "site", project, config=config)
    assert result.returncode != 0
    assert (
        "the link to '../get-support.md' points to no page "
        "('get-support.md' is hidden by brands/hides-support.yml, field 'extra.brand.hide')" in result.output
    ), result.output


def test_hiding_a_page_that_does_not_exist_says_where_it_looked(project, tmp_path):
    config = write_brand(project, "hides-nothing", hide=["letters/no-such-letter.md"], pages="nowhere")
    result = build(tmp_path / "site", project, config=config)
    assert result.returncode != 0
    assert (
        "brands/hides-nothing.yml: field 'extra.brand.hide[0]': "
        "no page 'letters/no-such-letter.md' to hide (looked for " in result.output
    ), result.output
    assert "docs/letters/no-such-letter.md)" in result.output
    assert "field 'extra.brand.pages': the folder 'nowhere' does not exist (looked for " in result.output
    assert "brands/nowhere;" in result.output


def test_a_brand_with_its_own_copy_of_the_docs_finds_the_support_list(project, tmp_path):
    """A brand whose docs_dir is its own folder still reads the guide's support list."""
    shutil.copytree(project / "docs", project / "brands" / "copied" / "docs")
    settings = brand_settings()
    settings["docs_dir"] = "copied/docs"
    (project / "brands/copied.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    result = build(tmp_path / "site", project, config="brands/copied.yml")
    assert result.returncode == 0, result.output
    assert "Samaritans" in (result.site / "get-support/index.html").read_text(encoding="utf-8")


def test_a_brand_can_hide_the_for_recruiters_page_and_its_footer_link(project, tmp_path):
    config = write_brand(project, "no-recruiters", hide=["for-recruiters/index.md"])
    result = build(tmp_path / "site", project, config=config)
    assert result.returncode == 0, result.output
    assert not (result.site / "for-recruiters").exists()
    pages = {p: p.read_text(encoding="utf-8") for p in result.site.rglob("*.html")}
    assert [p for p, html in pages.items() if "for-recruiters/" in html] == []
    assert "Letter templates" in pages[result.site / "index.html"]  # the rest of the footer stays


def test_a_brand_step_on_no_path_is_told_to_join_one_in_the_brand_file(project, tmp_path):
    config = write_brand(project, "lost-step", pages=f"{BRAND}/docs")
    result = build(tmp_path / "site", project, config=config)
    assert result.returncode != 0
    assert (
        f"brands/{BRAND}/docs/steps/{ADDED_STEP}.md: this step is on no stage's path, so no reader would reach it. "
        f"Add '{ADDED_STEP}' to the field 'path' in one or more of "
        "the stages under 'extra.brand.paths' in brands/lost-step.yml"
    ) in result.output, result.output
