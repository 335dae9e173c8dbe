"""PDF and Word files render in worker processes: same bytes, clear failures, old site kept.

Speed itself is measured by bench/build_ratio.py, never here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from nextsteps import checklist
from support import ROOT, build, copy_project, edit

SERIAL = {"NEXTSTEPS_NO_CACHE": "1", "NEXTSTEPS_RENDER_WORKERS": "0"}
PARALLEL = {"NEXTSTEPS_NO_CACHE": "1", "NEXTSTEPS_RENDER_WORKERS": "3"}


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_parallel_rendering_gives_the_same_bytes_as_serial(tmp_path):
    serial = build(tmp_path / "serial", env=SERIAL)
    parallel = build(tmp_path / "parallel", env=PARALLEL)
    assert serial.returncode == 0, serial.output[-2000:]
    assert parallel.returncode == 0, parallel.output[-2000:]
    one, two = tree(serial.site), tree(parallel.site)
    assert sorted(one) == sorted(two)
    assert [p for p in one if one[p] != two[p]] == []
    made = [p for p in one if p.endswith((".pdf", ".docx"))]
    assert len(made) >= 10 and all(one[p] for p in made), "every PDF and Word file is written, none empty"


def test_a_failed_render_stops_the_build_names_the_file_and_keeps_the_old_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    first = build(site, project, env=PARALLEL)
    assert first.returncode == 0, first.output[-2000:]
    before = tree(site)

    # A vertical tab, as text pasted from a word processor can carry: Word
    # files cannot hold it, so the Word copy fails in its worker process.
    edit(project / "docs/letters/linkedin-stay-in-touch.md", "I enjoyed our talk", "I enjoyed\x0bour talk")
    second = build(site, project, env=PARALLEL)
    assert second.returncode != 0
    assert "downloads/letters/linkedin-stay-in-touch.docx (made from letters/linkedin-stay-in-touch.md): could not be rendered" in second.output
    assert tree(site) == before, "the old site is kept, untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "no half-built folder is left behind"


def test_a_checklist_too_long_to_print_gets_a_warning_and_no_pdf(tmp_path):
    project = copy_project(tmp_path / "project")
    items = "".join(f"  - id: long-list-{n}\n    text: Do small thing number {n}.\n" for n in range(checklist.MAX_PRINT_ITEMS))
    # This step is for the interview and final stages only.
    edit(project / "docs/steps/send-a-thank-you-note.md", "checklist:\n", "checklist:\n" + items)

    strict = build(tmp_path / "strict", project)
    assert strict.returncode != 0, "under --strict the warning stops the build, like any other warning"
    assert "checklist/index.md: " in strict.output and "gets no printable PDF" in strict.output

    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NEXTSTEPS_LOCAL": "1"}, capture_output=True, text=True, timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-2000:]
    site = tmp_path / "site"
    for stage in (None, "interview", "final"):
        warning = f"{checklist.page_path(stage)}: "
        assert warning in output and "gets no printable PDF" in output, stage
        for paper in checklist.PAPERS:
            assert not (site / checklist.pdf_path(stage, paper)).exists()
        page = (site / checklist.page_path(stage).replace(".md", "/index.html").replace("index/index.html", "index.html")).read_text(encoding="utf-8")
        assert "This list is too long to print well, so there is no printable copy." in page
        assert ".pdf" not in page
    # A list short enough still gets its PDFs.
    assert "checklist/application.md: " not in output
    for paper in checklist.PAPERS:
        assert (site / checklist.pdf_path("application", paper)).stat().st_size > 1000


def test_building_every_brand_reports_a_broken_one_and_builds_the_rest(tmp_path):
    project = copy_project(tmp_path / "project")
    broken = (project / "brands/example.yml").read_text(encoding="utf-8")
    broken = broken.replace('accent: "#0b6e4f"', 'accent: "dark green"').replace("site_dir: ../site-example", "site_dir: ../site-broken")
    assert "dark green" in broken
    (project / "brands/broken.yml").write_text(broken, encoding="utf-8")

    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_brands.py"), "--project", str(project), "--jobs", "3"],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NEXTSTEPS_LOCAL": "1"}, capture_output=True, text=True, timeout=900,
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
