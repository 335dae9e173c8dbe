"""Nothing moves when a page's own script starts, even when it arrives late.

Parts that need the script (the letter form and buttons, the checklist's
progress line and "Start again") are laid out from the first paint by the
stylesheets, not revealed later by the script.
"""

from __future__ import annotations

import gates
import pytest
from support import Server, journeys

STAGES = journeys()  # the journeys the guide's stage pages declare

pytestmark = pytest.mark.browser

PAGES = [
    ("letters/feedback-after-interview/", "letters.js"),
    ("embed/letters/feedback-after-interview/", "letters.js"),
    ("checklist/", "checklist.js"),
    *[(f"checklist/{stage}/", "checklist.js") for stage in STAGES],
    ("embed/checklist/", "checklist.js"),
    ("steps/ask-for-feedback/", "checklist.js"),
]


@pytest.fixture
def shift_page(browser, request):
    width = getattr(request, "param", 412)
    context = browser.new_context(viewport={"width": width, "height": 823})
    context.add_init_script(gates.LAYOUT_SHIFT_RECORDER)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("shift_page", [412, 1280], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize("path, script", PAGES, ids=[p for p, _ in PAGES])
def test_no_layout_shift_when_the_script_starts(server, shift_page, path, script):
    assert gates.layout_shift(shift_page, server.url(path), script) == []


BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jumps</title>
<script src="late.js" defer></script></head>
<body><main>
<h1>A page that jumps</h1>
<div id="late" hidden>""" + "<p>Revealed by the script.</p>" * 8 + """</div>
""" + "<p>This text moves down when the script starts.</p>" * 8 + """
</main></body></html>
"""


def test_layout_shift_gate_fails_on_a_page_that_jumps(tmp_path, shift_page):
    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (tmp_path / "late.js").write_text('document.getElementById("late").hidden = false;\n', encoding="utf-8")
    with Server(tmp_path) as srv:
        assert gates.layout_shift(shift_page, srv.url(""), "late.js")
