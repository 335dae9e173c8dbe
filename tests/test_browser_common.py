"""The browser scripts share one module (hooks/nextsteps/browser) and reach the
components only through the hooks their templates write.

These read the built site, so a script copied back into a component, a widget
frame that looks for another component's class, or a test-only global shows up
here, whichever file it lands in.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = "assets/javascripts"
COMMON = f"{SCRIPTS}/common.js"
# The theme's own small scripts (overrides/) and the loader pasted into other sites.
NOT_COMPONENTS = {"embed.js", "header-buttons.js", "oembed-link.js", "theme-hash.js", "theme-palette.js", "theme-scope.js"}


def component_scripts(site: Path) -> dict[str, str]:
    """The published scripts that load after common.js, by file name."""
    found = {path.name: path.read_text(encoding="utf-8") for path in sorted((site / SCRIPTS).glob("*.js"))}
    ours = {name: text for name, text in found.items() if not name.endswith(".min.js")}  # not the theme's bundle
    return {name: text for name, text in ours.items() if name not in NOT_COMPONENTS | {"common.js"}}


def test_the_shared_helpers_are_written_once(site):
    """Storage probe, clipboard and the status-line trick live in common.js only."""
    common = (site / COMMON).read_text(encoding="utf-8")
    shared = {
        "the storage probe": r"\.localStorage\b",
        "the clipboard": r"navigator\.clipboard|execCommand\(",
        "the repeated-message trick": r"textContent = \"\";\s*window\.setTimeout",
        "filling {slots}": r"\\\{\(\\w\+\)\\\}",
    }
    for what, pattern in shared.items():
        assert re.search(pattern, common), f"common.js should hold {what}"
        copies = [name for name, text in component_scripts(site).items() if re.search(pattern, text)]
        assert not copies, f"{what} is written again in {copies}: use window.NextSteps (common.js)"
    assert {"checklist.js", "letters.js", "letter-details.js", "embed-frame.js", "journey.js", "plan.js", "plan-calendar.js", "carry-on.js"} <= set(
        component_scripts(site)
    )


def test_common_loads_before_every_script_that_uses_it(site):
    """On a guide page and in a widget frame, common.js comes first of the deferred scripts."""
    pages = ["letters/feedback-after-interview/index.html", "embed/letters/feedback-after-interview/index.html",
             "embed/checklist/index.html", "index.html"]
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        deferred = [src.rsplit("/", 1)[-1] for src in re.findall(r'<script src="([^"]+)" defer>', html)]
        users = [name for name in deferred if name in component_scripts(site)]
        assert users and "common.js" in deferred, page
        assert deferred.index("common.js") < min(deferred.index(name) for name in users), (page, deferred)


def test_the_plan_loads_its_helpers_first_where_it_is_drawn(site):
    """My plan draws itself while the page is read: common.js and the calendar
    run just before plan.js there, without "defer", in the order plan.js needs."""
    html = (site / "plan/index.html").read_text(encoding="utf-8")
    early = [src.rsplit("/", 1)[-1] for src in re.findall(r'<script src="([^"]+)"></script>', html)]
    plan_scripts = [name for name in early if name in {"common.js", "plan-calendar.js", "plan.js"}]
    assert plan_scripts == ["common.js", "plan-calendar.js", "plan.js"], early
    assert html.index('src="../assets/javascripts/plan.js"') < html.index("data-ns-plan-when-ready")
    assert "window.NextSteps.calendar =" in (site / SCRIPTS / "plan-calendar.js").read_text(encoding="utf-8")


def test_the_start_page_runs_common_before_the_carry_on_box(site):
    """The "Carry on" box is filled while the page is read: common.js runs just before it, without "defer"."""
    html = (site / "index.html").read_text(encoding="utf-8")
    early = [src.rsplit("/", 1)[-1] for src in re.findall(r'<script src="([^"]+)"></script>', html)]
    assert [name for name in early if name in {"common.js", "carry-on.js"}] == ["common.js", "carry-on.js"], early
    assert html.index('src="assets/javascripts/common.js"></script>') < html.index("data-ns-carry-on")


def test_no_test_only_global_ships(site):
    """Tests reach the letter renderer and the plan's calendar through what the
    page's own scripts use, not globals of their own."""
    for path in (site / SCRIPTS).glob("*.js"):
        text = path.read_text(encoding="utf-8")
        for name in ("NextStepsLetters", "NextStepsPlan"):
            assert name not in text, (path.name, name)


def test_widget_frames_know_components_by_their_hooks_only(site):
    """embed-frame.js finds other components' parts by data-ns-compact and data-ns-new-tab,
    never by their class names or their English words."""
    frame = (site / SCRIPTS / "embed-frame.js").read_text(encoding="utf-8")
    for other in (".ns-letter", "ns-letter__", ".ns-checklist", "ns-checklist__", ".ns-field", "ns-vh", "/new tab/", "opens in a new tab"):
        assert other not in frame, other
    for hook in ("data-ns-compact", "data-ns-new-tab"):
        assert hook in frame, hook
    letter = (site / "embed/letters/feedback-after-interview/index.html").read_text(encoding="utf-8")
    for part in ("form", "letter", "title", "intro", "box", "scroll"):
        assert f'data-ns-compact="{part}"' in letter, part
    assert 'data-ns-compact="section"' in (site / "embed/checklist/index.html").read_text(encoding="utf-8")


def test_one_visually_hidden_class(site):
    """The pages use .ns-visually-hidden, defined once, in common.css."""
    sheets = {path.name: path.read_text(encoding="utf-8") for path in site.rglob("*.css") if "assets/stylesheets/main" not in str(path)}
    defining = [name for name, text in sheets.items() if re.search(r"^\.ns-visually-hidden\b", text, re.M)]
    assert defining == ["common.css"]
    for old in ("ns-vh", "ns-offscreen"):
        assert not [name for name, text in sheets.items() if f".{old}" in text], old
        assert not [p for p in site.rglob("*.html") if f'class="{old}"' in p.read_text(encoding="utf-8")], old
