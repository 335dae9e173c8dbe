"""The printable checklists, read back from the real PDF files with pypdf."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest
from nextsteps import checklist
from nextsteps.brand import Brand
from nextsteps.content import load_content
from nextsteps.pdf import render_pdf
from pypdf import PdfReader
from support import ROOT, TEST_ENV, build, copy_project, edit, journeys, plain_text

STAGES = journeys()  # the journeys the guide's stage pages declare

CONTENT = load_content(ROOT / "docs")
SIZES = {"a4": (595, 842), "letter": (612, 792)}
DOWNLOADS = [(stage, paper) for stage in (None, *STAGES) for paper in checklist.PAPERS]


def flat(text: str) -> str:
    return plain_text(text)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@pytest.mark.parametrize(("stage", "paper"), DOWNLOADS, ids=[checklist.pdf_path(s, p) for s, p in DOWNLOADS])
def test_default_checklist_is_one_page_with_every_item(site, stage, paper):
    pdf = reader((site / checklist.pdf_path(stage, paper)).read_bytes())
    assert len(pdf.pages) == 1
    width, height = (round(float(v)) for v in pdf.pages[0].mediabox.upper_right)
    assert (width, height) == SIZES[paper.key]
    text = flat(pdf.pages[0].extract_text())
    for item in CONTENT.checklist(stage):
        assert flat(item.text) in text, item.id
    others = {i.id for i in CONTENT.every_item()} - {i.id for i in CONTENT.checklist(stage)}
    for item in CONTENT.every_item():
        if item.id in others:
            assert flat(item.text) not in text, item.id
    for heading in ("Today", "This week", "Ongoing"):
        assert heading in text
    # The brand, and the way back to the online list.
    assert "Next Steps" in text
    assert "nextsteps.example.org/checklist" + ("" if stage is None else f"/{stage}") in text


@pytest.mark.parametrize(("stage", "paper"), DOWNLOADS, ids=[checklist.pdf_path(s, p) for s, p in DOWNLOADS])
def test_pdf_is_titled_tagged_and_embeds_its_fonts(site, stage, paper):
    pdf = reader((site / checklist.pdf_path(stage, paper)).read_bytes())
    root = pdf.trailer["/Root"]
    assert pdf.metadata.title == checklist.printable.title_for(CONTENT, stage)
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    # Dated by the content, not the clock.
    day = CONTENT.last_reviewed.strftime("%Y%m%d")
    assert pdf.metadata["/CreationDate"].startswith(f"D:{day}") and pdf.metadata["/ModDate"].startswith(f"D:{day}")
    fonts = pdf.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
        assert "Next-Steps-Sans" in font["/BaseFont"]


def structure(node, found: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Every tag in a PDF's structure tree, with its alternative text."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kid in node:
            structure(kid, found)
    elif hasattr(node, "get"):
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Alt")))
        if node.get("/K") is not None:
            structure(node["/K"], found)
    return found


def test_pdf_structure_tags_headings_list_items_and_the_qr_code(site):
    pdf = reader((site / "downloads/checklist-a4.pdf").read_bytes())
    tags = structure(pdf.trailer["/Root"]["/StructTreeRoot"], [])
    names = [name for name, _ in tags]
    assert names.count("/H1") == 1 and names.count("/H2") == 3
    assert names.count("/LI") == len(CONTENT.checklist())
    assert ("/Figure", "QR code that opens this checklist online") in tags


def test_two_builds_give_identical_pdfs_and_json(site, fresh_site):
    """fresh_site renders afresh, not from the cache."""
    for stage, paper in DOWNLOADS:
        path = checklist.pdf_path(stage, paper)
        assert (fresh_site / path).read_bytes() == (site / path).read_bytes(), path
    assert (fresh_site / "api/checklist.json").read_bytes() == (site / "api/checklist.json").read_bytes()


def test_brand_contact_is_printed():
    brand = Brand(name="Acme Recruiting", email="jobs@acme.example", phone="+44 20 7946 0000", url="https://acme.example/")
    html = checklist.print_html(CONTENT, None, checklist.PAPERS[0], brand=brand, site_url="https://acme.example/guide/", site_name="Next steps")
    text = flat(reader(render_pdf(html)).pages[0].extract_text())
    for part in ("Acme Recruiting", "jobs@acme.example", "+44 20 7946 0000", "acme.example/guide/checklist"):
        assert part in text


STEP = """---
title: Extra step {n}
summary: A made-up step that makes the checklist longer.
order: {order}
when: {when}
checklist:
{items}
reviewed: 2026-11-23
---
Body text for a step added by the test.
"""


def test_a_longer_checklist_breaks_between_items_never_inside_one(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    whens = ["today", "this-week", "ongoing"]
    for n in range(6):
        items = "\n".join(
            f"  - id: extra-{n}-{k}\n    text: Extra task {n}.{k} is written out at length so that it wraps onto a second line on the printed page."
            for k in range(4)
        )
        (docs / f"steps/extra-{n}.md").write_text(STEP.format(n=n, order=100 + n, when=whens[n % 3], items=items), encoding="utf-8")
        edit(docs / "stages/interview.md", "path:\n", f"path:\n  - extra-{n}\n")
    content = load_content(docs)
    assert len(content.checklist()) >= 40
    for paper in checklist.PAPERS:
        html = checklist.print_html(content, None, paper, brand=Brand(), site_url="https://nextsteps.example.org/", site_name="Next steps")
        pages = [flat(p.extract_text()) for p in reader(render_pdf(html)).pages]
        assert len(pages) >= 2, paper.key
        for item in content.checklist():
            holding = [i for i, page in enumerate(pages) if flat(item.text) in page]
            assert len(holding) == 1, (paper.key, item.id, "split across pages or missing")
        # The last page holds items too, never the footer alone.
        assert any(flat(item.text) in pages[-1] for item in content.checklist()), paper.key
        # The build log says the list no longer fits on one page.
        pdf = render_pdf(html)
        warnings = checklist.paper_warnings(content, {checklist.pdf_path(None, paper): pdf})
        path = checklist.pdf_path(None, paper)
        said = f"{path}: the printable checklist takes {len(pages)} pages of {paper.label}, not one."
        assert warnings == [f"{said} Shorten its items, or take some steps off its path."]


def test_a_checklist_too_long_to_print_gets_a_warning_and_no_pdf(tmp_path):
    project = copy_project(tmp_path / "project")
    items = "".join(f"  - id: long-list-{n}\n    text: Do small thing number {n}.\n" for n in range(checklist.MAX_PRINT_ITEMS))
    # This step is on some journeys' paths only: their lists and the whole guide's grow too long.
    step = next(s for s in CONTENT.steps if s.slug == "send-a-thank-you-note")
    too_long = CONTENT.stages_of(step)
    short = [stage for stage in STAGES if stage not in too_long]
    assert too_long and short, "the test needs a step on some journeys' paths but not all"
    edit(project / "docs/steps/send-a-thank-you-note.md", "checklist:\n", "checklist:\n" + items)

    strict = build(tmp_path / "strict", project)
    assert strict.returncode != 0, "under --strict the warning stops the build, like any other warning"
    assert "checklist/index.md: " in strict.output and "gets no printable PDF" in strict.output

    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=project, env={**os.environ, **TEST_ENV}, capture_output=True, text=True, timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-2000:]
    site = tmp_path / "site"
    for stage in (None, *too_long):
        warning = f"{checklist.page_path(stage)}: "
        assert warning in output and "gets no printable PDF" in output, stage
        for paper in checklist.PAPERS:
            assert not (site / checklist.pdf_path(stage, paper)).exists()
        page = (site / checklist.page_path(stage).replace(".md", "/index.html").replace("index/index.html", "index.html")).read_text(encoding="utf-8")
        assert "This list is too long to print well, so there is no printable copy." in page
        assert ".pdf" not in page
    # A list short enough still gets its PDFs.
    for stage in short:
        assert f"{checklist.page_path(stage)}: " not in output, stage
        for paper in checklist.PAPERS:
            assert (site / checklist.pdf_path(stage, paper)).stat().st_size > 1000
