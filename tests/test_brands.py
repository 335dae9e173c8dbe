"""White-label brands: two brands from one checkout, and bad settings stop the build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import a11y
import pytest
import yaml
from support import ROOT, TEST_ENV, Server, build, copy_project, pdf_page_texts

EXAMPLE = yaml.safe_load((ROOT / "brands/example.yml").read_text(encoding="utf-8"))
DEFAULT = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
BRANDS = {
    "default": {"name": "Next Steps", "accent": "#1d4f91", "site_name": DEFAULT["site_name"], "site_url": DEFAULT["site_url"]},
    "example": {"name": "Example Recruitment", "accent": "#0b6e4f", "site_name": EXAMPLE["site_name"], "site_url": EXAMPLE["site_url"]},
}


@pytest.fixture(scope="module")
def sites(site, example_site) -> dict[str, Path]:
    return {"default": site, "example": example_site}


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("brand_file", sorted((ROOT / "brands").glob("*.yml")), ids=lambda p: p.stem)
def test_brand_file_names_the_same_hooks_as_the_base(brand_file):
    """MkDocs reads the brand's paths from brands/, so they are listed again with '../'."""
    settings = yaml.safe_load(brand_file.read_text(encoding="utf-8"))
    assert settings["INHERIT"] == "../mkdocs.yml"
    assert [str((ROOT / "brands" / h).resolve()) for h in settings["hooks"]] == [str((ROOT / h).resolve()) for h in DEFAULT["hooks"]]
    for name in ("logo", "logo_png"):
        if name in settings["extra"]["brand"]:
            assert (ROOT / "brands" / settings["extra"]["brand"][name]).is_file()


@pytest.mark.parametrize("brand", BRANDS)
def test_pages_carry_their_own_brand(sites, brand):
    site, want = sites[brand], BRANDS[brand]
    other = next(b for b in BRANDS.values() if b is not want)
    html = text(site, "index.html")
    # The start page's title, then the site's name; never the same words twice.
    title = "Next steps after a job rejection"
    expected = title if want["site_name"] == title else f"{title} - {want['site_name']}"
    assert f"<title>{expected}</title>" in html
    assert "Shared by" in html and want["name"] in html and other["name"] not in html
    assert f"--ns-accent:{want['accent']}" in text(site, "assets/brand.css")
    assert f'<link rel="canonical" href="{want["site_url"]}">' in html


def test_the_example_brand_shows_its_logo_and_contact(sites):
    html = text(sites["example"], "index.html")
    assert '<img src="assets/brand/logo.svg" alt="Example Recruitment">' in html
    assert (sites["example"] / "assets/brand/logo.svg").read_bytes() == (ROOT / "brands/example/logo.svg").read_bytes()
    assert "Talk to a consultant" in html and "hello@careers.example.com" in html


@pytest.mark.parametrize("brand", BRANDS)
def test_embeds_carry_their_own_brand(sites, brand):
    site, want = sites[brand], BRANDS[brand]
    assert f"Shared by {want['name']}." in text(site, "embed/guide/index.html")
    assert json.loads(text(site, "oembed/guide.json"))["provider_name"] == want["name"]
    assert f"{want['site_url']}embed.js" in text(site, "embed/index.html")
    assert f"{want['site_url']}embed/checklist/" in text(site, "oembed/checklist.json")


def pdf_text(path: Path) -> str:
    return " ".join(pdf_page_texts(path.read_bytes()))


@pytest.mark.parametrize("brand", BRANDS)
def test_pdfs_carry_their_own_brand(sites, brand):
    site, want = sites[brand], BRANDS[brand]
    other = next(b for b in BRANDS.values() if b is not want)
    pdfs = sorted((site / "downloads").rglob("*.pdf"))
    assert any("checklist" in p.name for p in pdfs) and any("letters" in p.parts for p in pdfs)
    checklist = pdf_text(next(p for p in pdfs if "checklist" in p.name))
    assert want["name"] in checklist and other["name"] not in checklist
    # A letter is from the visitor, so its PDF names the site it came from, not the brand.
    letter = pdf_text(next(p for p in pdfs if "letters" in p.parts))
    assert want["site_name"] in letter and other["site_name"] not in letter


@pytest.mark.browser
def test_the_brand_colour_reaches_the_embeds_and_stays_accessible(sites, browser):
    with Server(sites["example"]) as srv:
        page = browser.new_page()
        try:
            for path in ("", "embed/", "embed/guide/", "embed/checklist/interview/"):
                page.goto(srv.url(path))
                found = a11y.violations(page)
                assert not found, (path, a11y.describe(found))
            page.goto(srv.url("embed/guide/"))
            assert page.evaluate("getComputedStyle(document.body).borderTopColor") == "rgb(11, 110, 79)"
        finally:
            page.close()


BAD_SETTINGS = {
    "accent": ("grass green", "is not a colour"),
    "logo": ("example/missing.svg", "does not exist"),
    "url": ("careers.example.com", "is not a web address"),
}
# The build lists every problem of the brand's fields at once, so one build shows
# two of them; a missing logo is looked for only once the fields are valid.
BAD_SETTING_BUILDS = [("accent", "url"), ("logo",)]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("brand-project"))


@pytest.mark.parametrize("settings", BAD_SETTING_BUILDS, ids="+".join)
def test_bad_brand_settings_stop_the_build(project, tmp_path, settings):
    bad = {setting: BAD_SETTINGS[setting][0] for setting in settings}
    broken = dict(EXAMPLE, extra={"brand": {**EXAMPLE["extra"]["brand"], **bad}})
    config = f"brands/broken-{'-'.join(settings)}.yml"
    (project / config).write_text(yaml.safe_dump(broken), encoding="utf-8")
    out = tmp_path / "site"
    result = build(out, project, config=config)
    assert result.returncode != 0
    for setting in settings:
        says = BAD_SETTINGS[setting][1]
        assert f"{config}: field 'extra.brand.{setting}'" in result.output, result.output
        assert any(f"field 'extra.brand.{setting}'" in line and says in line for line in result.output.splitlines()), result.output
    assert not out.exists(), "nothing may be written when the settings are wrong"


def figure_alts(path: Path) -> list[str]:
    """The alt text of every figure in a tagged PDF's structure tree: how a
    screen reader, and this test, finds an image whether SVG or raster."""
    import pypdf

    reader = pypdf.PdfReader(path)
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/Figure":
                found.append(str(node.get("/Alt")))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize("brand", BRANDS)
def test_the_logo_is_on_paper_only_for_a_brand_that_has_one(sites, brand):
    import zipfile

    site, name = sites[brand], BRANDS[brand]["name"]
    has_logo = brand == "example"
    checklist = site / "downloads/checklist-a4.pdf"
    letter = next((site / "downloads/letters").glob("*.pdf"))
    for pdf in (checklist, letter):
        assert (name in figure_alts(pdf)) is has_logo, pdf
        assert len(pdf_page_texts(pdf.read_bytes())) == 1, pdf
    word = next((site / "downloads/letters").glob("*.docx"))
    media = [n for n in zipfile.ZipFile(word).namelist() if n.startswith("word/media/")]
    assert bool(media) is has_logo
    if has_logo:
        assert zipfile.ZipFile(word).read(media[0]) == (ROOT / "brands/example/logo.png").read_bytes()


HEADER_NAME = ".md-header__topic:first-child .md-ellipsis"


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_a_phone_shows_the_whole_brand_name_and_the_logo(sites, browser, width):
    """Material cuts a long site name short on a phone and hides the logo below 1220 px."""
    with Server(sites["example"]) as srv:
        page = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page.goto(srv.url(""))
            name = page.locator(HEADER_NAME)
            assert name.inner_text().strip() == BRANDS["example"]["site_name"]
            whole = name.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight")
            assert whole, "the name is cut short"
            box = name.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
            header = page.locator(".md-header").bounding_box()
            assert header and box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
            logo = page.locator(".md-header .md-logo img")
            assert logo.is_visible() and (logo.bounding_box() or {}).get("width", 0) > 0
            link_colour = page.evaluate("getComputedStyle(document.querySelector('.md-typeset a')).color")
            assert link_colour == "rgb(11, 110, 79)"  # the brand's own accent: it keeps 4.5:1 on white
            found = a11y.violations(page)
            assert not found, a11y.describe(found)
        finally:
            page.close()


@pytest.mark.parametrize("path", ["get-support/index.html", "privacy/index.html"])
def test_no_sales_button_under_crisis_lines_or_the_privacy_notice(sites, path):
    assert 'class="ns-cta"' in text(sites["example"], "index.html")
    assert 'class="ns-cta"' not in text(sites["example"], path)
def test_building_every_brand_reports_a_broken_one_and_builds_the_rest(tmp_path):
    project = copy_project(tmp_path / "project")
    # Two good sites beside the broken one show "builds the rest"; each further brand is one more whole build.
    for other in (project / "brands").glob("*.yml"):
        if other.name != "example.yml":
            other.unlink()
    broken = (project / "brands/example.yml").read_text(encoding="utf-8")
    broken = broken.replace('accent: "#0b6e4f"', 'accent: "dark green"').replace("site_dir: ../site-example", "site_dir: ../site-broken")
    assert "dark green" in broken
    (project / "brands/broken.yml").write_text(broken, encoding="utf-8")

    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_brands.py"), "--project", str(project), "--jobs", "3"],
        env={**os.environ, **TEST_ENV}, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.split()[:2] == ["FAILED", "broken"] for line in lines), proc.stdout
    assert any(line.split()[:2] == ["ok", "default"] for line in lines), proc.stdout
    assert any(line.split()[:2] == ["ok", "example"] for line in lines), proc.stdout
    every = 1 + len(list((project / "brands").glob("*.yml")))  # the default site and each brand file
    assert f"1 of {every} failed: broken" in proc.stdout
    assert "accent" in proc.stdout, "the report shows why the brand failed"
    assert (project / "site/index.html").is_file()
    assert "Example Recruitment" in (project / "site-example/index.html").read_text(encoding="utf-8")
    assert (project / "site-example/downloads/checklist-a4.pdf").stat().st_size > 1000
    assert not (project / "site-broken").exists()
