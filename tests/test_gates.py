"""Site-wide gates over every built page, each shown to fail on a page built to break it."""

from __future__ import annotations

from pathlib import Path

import gates
import pytest
from support import Server, files

BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main>
<p><a href="missing/">A link to nowhere</a> and <a href="#nowhere">a missing anchor</a>.</p>
<p style="color:#999;background:#aaa">Low contrast text</p>
<img src="missing.png">
<div style="width:900px">Too wide</div>
<p><span><div>Invalid nesting</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("broken")
    (root / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    return root


# Links ----------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(site):
    assert gates.broken_links(site) == []


def test_link_gate_fails_on_broken_links(broken_site):
    problems = gates.broken_links(broken_site)
    assert any("missing/" in p for p in problems)
    assert any("#nowhere" in p for p in problems)
    assert any("missing.png" in p for p in problems)


# Valid HTML -----------------------------------------------------------------

def test_every_page_is_valid_html(site):
    assert gates.invalid_html(site) == []


def test_html_gate_fails_on_invalid_html(broken_site):
    assert gates.invalid_html(broken_site)


# Reproducible and offline ---------------------------------------------------

def test_offline_build_is_byte_identical(fresh_site, offline_serial_site):
    """Two clean builds, one with no network at all (conftest.offline_serial_site), give the same bytes."""
    first, second = files(fresh_site), files(offline_serial_site)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


# Browser gates ----------------------------------------------------------------

# A page that sets a cookie and asks another site for a file (a refused port, so nothing waits).
LEAKY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leaky</title>
<link rel="stylesheet" href="http://localhost:9/font.css"></head>
<body><main><h1>Leaky</h1><script>document.cookie = "seen=1; path=/";</script></main></body></html>
"""


@pytest.mark.browser
def test_every_page_sweep_fails_on_a_broken_page(broken_site, browser):
    """The sweep over every page (tests/test_accessibility.py) reports each kind of failure."""
    (broken_site / "leaky").mkdir(exist_ok=True)
    (broken_site / "leaky" / "index.html").write_text(LEAKY_PAGE, encoding="utf-8")
    with Server(broken_site) as srv:
        problems = gates.sweep(browser, srv, ["", "leaky/"], 320, "dark")
    assert "color-contrast" in problems["/"]
    assert "wide at 320px" in problems["/"]
    assert "cookie" in problems["leaky/"]
    assert "http://localhost:9/font.css" in problems["(requests to other sites)"]


def test_privacy_gate_flags_a_foreign_request():
    assert gates.foreign_requests(["http://127.0.0.1:1/a.js", "https://fonts.example.com/x.woff2"], "http://127.0.0.1:1") == ["https://fonts.example.com/x.woff2"]


@pytest.mark.browser
def test_skip_link_moves_focus_to_the_content(server, page):
    page.goto(server.url("steps/ask-for-feedback/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    target = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"article [id='{target}']").count() == 1


@pytest.mark.browser
def test_focus_is_always_visible_when_tabbing(site, server, page):
    """Tab through each page type: every focused control shows an outline."""
    for path in ["", "steps/ask-for-feedback/", "stages/interview/"]:
        page.goto(server.url(path))
        seen = set()
        for _ in range(40):
            page.keyboard.press("Tab")
            info = page.evaluate(
                """() => { const el = document.activeElement; const s = getComputedStyle(el);
                return {tag: el.tagName, id: el.id, text: (el.textContent || '').trim().slice(0, 40),
                        outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"""
            )
            if info["tag"] == "BODY":
                continue
            seen.add((info["tag"], info["text"]))
            visible = (info["outline"] != "none" and info["width"] >= 2) or info["shadow"] != "none"
            assert visible, (path, info)
        assert len(seen) > 5, path
