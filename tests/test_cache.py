"""Slow outputs are reused only when a fresh render would give the same bytes."""

from __future__ import annotations

import subprocess
import sys

from nextsteps import cache


def test_cache_keys_change_with_any_part():
    assert cache.key("a", "b") != cache.key("ab")


def test_a_disk_cache_is_reused_and_gives_the_same_bytes(tmp_path):
    folder = tmp_path / "cache"
    calls = []
    cache.use_folder(folder)
    try:
        first = cache.cached("test", cache.key("x", str(tmp_path)), lambda: calls.append(1) or b"bytes")
        cache._memory.clear()  # as a new process would start
        second = cache.cached("test", cache.key("x", str(tmp_path)), lambda: calls.append(1) or b"other")
    finally:
        cache.use_folder(None)
    assert first == second == b"bytes" and calls == [1]


def test_second_clean_build_renders_no_pdf_and_imports_no_weasyprint(fresh_site, tmp_path):
    """With the cache warm, a clean build does not even import WeasyPrint.

    The first build is the run's fresh build (conftest.fresh_site): a copy of
    the project whose cache started empty, and which that build filled.
    """
    project = fresh_site.parent / "project"
    assert any((project / ".cache" / "nextsteps").glob("pdf-*"))
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"build(load_config({str(project / 'mkdocs.yml')!r}, site_dir={str(tmp_path / 'two')!r}))\n"
        "from nextsteps import cache\n"
        "print(dict(cache.produced), 'weasyprint' in sys.modules, 'docx' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "{} False False"
    one = sorted(p.relative_to(fresh_site) for p in fresh_site.rglob("*.pdf"))
    assert one
    for rel in one:
        assert (fresh_site / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()
