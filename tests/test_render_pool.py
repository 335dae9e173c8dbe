"""The render pool: PDF and Word files made in worker processes give the same
bytes as the build process, and a file that fails stops the build, names the
file and keeps the old site.

Speed itself is measured by bench/build_ratio.py, never here.
"""

from __future__ import annotations

from support import build, copy_project, edit, files, old_site

# From the cache, except what changed: that file is made in a worker process.
IN_WORKERS = {"NEXTSTEPS_RENDER_WORKERS": "3"}


def test_parallel_rendering_gives_the_same_bytes_as_serial(fresh_site, offline_serial_site):
    """fresh_site renders in worker processes; offline_serial_site in the build process."""
    one, two = files(offline_serial_site), files(fresh_site)
    assert sorted(one) == sorted(two)
    assert [p for p in one if one[p] != two[p]] == []
    made = [p for p in one if p.endswith((".pdf", ".docx"))]
    assert len(made) >= 10 and all(one[p] for p in made), "every PDF and Word file is written, none empty"


def test_a_failed_render_stops_the_build_names_the_file_and_keeps_the_old_site(tmp_path, site):
    project = copy_project(tmp_path / "project")
    site = old_site(site, tmp_path / "site")
    before = files(site)

    # A vertical tab, as text pasted from a word processor can carry: Word
    # files cannot hold it, so the Word copy fails in its worker process.
    edit(project / "docs/letters/linkedin-stay-in-touch.md", "I enjoyed our talk", "I enjoyed\x0bour talk")
    second = build(site, project, env=IN_WORKERS)
    assert second.returncode != 0
    assert "downloads/letters/linkedin-stay-in-touch.docx (made from letters/linkedin-stay-in-touch.md): could not be rendered" in second.output
    assert files(site) == before, "the old site is kept, untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "no half-built folder is left behind"
