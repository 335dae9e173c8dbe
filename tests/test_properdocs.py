"""ProperDocs, the maintained fork of MkDocs 1.6.1, builds the same site.

MkDocs 1.6.1 is the last 1.x release. If it stops installing, the site can
move to ProperDocs without a change to its code (README: "If MkDocs 1.6
stops installing"). This test keeps that promise checked.
"""

from __future__ import annotations

import re

from support import build, files

# The one line that names the engine: Material writes it into every page's <head>.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_bytes_as_mkdocs(site, tmp_path):
    result = build(tmp_path / "site", engine="properdocs")
    assert result.returncode == 0, result.output[-2000:]
    by_mkdocs, by_properdocs = files(site), files(result.site)
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    differ = [path for path in by_mkdocs if by_mkdocs[path] != by_properdocs[path]]
    assert all(path.endswith(".html") for path in differ), differ
    for path in differ:
        mkdocs_page, properdocs_page = by_mkdocs[path], by_properdocs[path]
        assert b'content="mkdocs-ProperDocs 1.6.' in properdocs_page, path
        assert GENERATOR.sub(b"", mkdocs_page) == GENERATOR.sub(b"", properdocs_page), f"{path} differs beyond the generator tag"
