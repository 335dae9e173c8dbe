"""The snippets on a host page of another origin, in real Chromium.

The site is served on 127.0.0.1 with its own ``_headers``; host pages are
served on localhost, a different origin, the way a recruiter's website would
show the widgets. The snippets are the ones the build prints, with the
published address swapped for the test server's.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from nextsteps.content import load_guide
from nextsteps.embed import KINDS, iframe_snippet, loader_snippet, widgets
from support import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_guide(ROOT / "mkdocs.yml")  # the content with the guide's own words
WIDGETS = {w.key: w for w in widgets(CONTENT)}
SITE_URL = "https://nextsteps.example.org/"
LETTER = next(w for w in WIDGETS.values() if w.kind == "letter")
INTERVIEW_TOTAL = len(CONTENT.checklist("interview"))

RECORD_EVENTS = """
if (window === window.top) {
  window.__events = [];
  window.__messages = [];
  window.addEventListener("message", function (event) {
    var from = Array.from(document.querySelectorAll("iframe")).filter(function (f) { return f.contentWindow === event.source; })[0];
    window.__messages.push({frame: from ? from.parentElement.closest("[id]").id : "", origin: event.origin, data: event.data});
  });
  ["ready", "progress", "copied"].forEach(function (name) {
    document.addEventListener("nextsteps:" + name, function (event) {
      window.__events.push({type: name, host: event.target.parentElement.id, detail: event.detail});
    });
  });
}
"""

FOREIGN_SCRIPT = """
<script>
for (var i = 0; i < 5; i++) {
  parent.postMessage({source: "nextsteps", type: "height", height: 7}, "*");
  parent.postMessage({source: "nextsteps", type: "progress", done: 9, total: 9}, "*");
  parent.postMessage({source: "nextsteps", type: "ready", widget: "guide", title: "Spoofed"}, "*");
}
</script>
"""


def page_html(body: str) -> str:
    return f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency</title></head>\n<body><main><h1>Jobs at an agency</h1>\n{body}\n</main></body></html>\n'


def on_test_site(snippet: str, server: Server) -> str:
    """A printed snippet, pointing at the test server instead of the published site."""
    return snippet.replace(SITE_URL, server.origin + "/")


@pytest.fixture(scope="module")
def foreign(tmp_path_factory) -> Iterator[Server]:
    """A third origin that tries to talk to the loader."""
    folder = tmp_path_factory.mktemp("foreign")
    (folder / "index.html").write_text(page_html(FOREIGN_SCRIPT), encoding="utf-8")
    with Server(folder) as srv:
        yield srv


@pytest.fixture(scope="module")
def host(tmp_path_factory, server, foreign) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("host")

    def loader(key: str, box: str, **options) -> str:
        return f'<div id="{box}">{on_test_site(loader_snippet(WIDGETS[key], SITE_URL, **options), server)}</div>'

    def plain(key: str, box: str) -> str:
        return f'<div id="{box}">{on_test_site(iframe_snippet(WIDGETS[key], SITE_URL), server)}</div>'

    pages = {
        "enhanced.html": "\n".join(
            [
                loader("checklist-interview", "checklist-box", accent="#0b6e4f"),
                loader("guide", "guide-box"),
                loader(LETTER.key, "letter-box"),
            ]
        ),
        "foreign.html": "\n".join(
            [
                loader("checklist-interview", "checklist-box"),
                plain(LETTER.key, "plain-box"),
                f'<iframe id="foreign" title="Another website" src="{foreign.url("index.html")}"></iframe>',
                # A frame told the wrong host origin must send this page nothing.
                f'<div id="wrong-host-box"><iframe title="Misled" src="{server.url("embed/guide/")}#host={foreign.origin}"></iframe></div>',
            ]
        ),
        "options.html": "\n".join(
            [
                f'<div id="{box}"><div {attrs}></div></div>'
                for box, attrs in [
                    ("bad-accent", 'data-nextsteps-embed="guide" data-accent="red;background:url(https://evil.example/x)"'),
                    ("short-accent", 'data-nextsteps-embed="guide" data-accent="#fff;--ns-accent:red"'),
                    ("light-accent", 'data-nextsteps-embed="guide" data-accent="#e07000" data-hide-title'),
                    ("white-accent", 'data-nextsteps-embed="guide" data-accent="#ffffff"'),
                    ("dark-accent", 'data-nextsteps-embed="checklist" data-stage="../../evil" data-accent="#0b0c0c" data-style="display:none" data-src="https://evil.example/"'),
                    ("dark-light-accent", 'data-nextsteps-embed="checklist" data-accent="#0b0c0c" data-style="display:none" data-src="https://evil.example/"'),
                    ("bad-kind", 'data-nextsteps-embed="javascript:alert(1)"'),
                    ("bad-letter", 'data-nextsteps-embed="letter" data-letter="../checklist"'),
                    ("no-letter", 'data-nextsteps-embed="letter"'),
                    ("empty-stage", 'data-nextsteps-embed="checklist" data-stage=""'),
                    ("typo-stage", 'data-nextsteps-embed="checklist" data-stages="interview"'),
                ]
            ]
        )
        + f'\n<script async src="{server.origin}/embed.js"></script>',
        "plain.html": "\n".join(
            [
                plain("checklist-interview", "checklist-box"),
                loader("guide", "loader-box"),
            ]
        ),
        # The fixture page may use a style attribute: it stands for someone else's site.
        "lazy.html": '<div style="height:5000px">Scroll down</div>\n' + loader("guide", "guide-box"),
    }
    for name, body in pages.items():
        (folder / name).write_text(page_html(body), encoding="utf-8")
    # Scripts are blocked on this host page only; the frames keep their own policy.
    (folder / "_headers").write_text("/plain.html\n  Content-Security-Policy: script-src 'none'\n", encoding="utf-8")
    with Server(folder, host="localhost") as srv:
        yield srv


@pytest.fixture
def watched(context, server, host, foreign):
    """A page that records the widgets' events and every request it makes."""
    context.add_init_script(RECORD_EVENTS)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_viewport_size({"width": 900, "height": 900})
    page.requests = requests
    yield page
    allowed = {urlsplit(u).netloc for u in (server.origin, host.origin, foreign.origin)}
    strays = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]
    assert not strays, f"requests to other origins: {strays}"


def frame_of(page, box: str):
    return page.locator(f"#{box} iframe").element_handle().content_frame()


def heights(page, box: str) -> tuple[float, float, bool]:
    """(iframe height, content height, whether the content scrolls inside the frame), read once."""
    outer = page.locator(f"#{box} iframe").evaluate("e => e.getBoundingClientRect().height")
    inner, scrolls = frame_of(page, box).evaluate(
        "[document.documentElement.getBoundingClientRect().height, document.documentElement.scrollHeight > window.innerHeight]"
    )
    return outer, inner, scrolls


def assert_fits(page, box: str) -> float:
    # Chromium pauses rendering in cross-origin frames out of view, so a
    # frame measures itself again when it scrolls into view, as a reader's does.
    page.locator(f"#{box} iframe").scroll_into_view_if_needed()
    # The frame follows its content a moment after the content changes (a font
    # or a section settling), so both are read until they agree or time is up.
    deadline = time.monotonic() + 20.0
    outer, inner, scrolls = heights(page, box)
    while (abs(outer - inner) > 2 or scrolls) and time.monotonic() < deadline:
        page.wait_for_timeout(50)
        outer, inner, scrolls = heights(page, box)
    assert abs(outer - inner) <= 2, f"{box}: frame {outer}px, content {inner}px"
    assert not scrolls, f"{box} scrolls inside"
    return outer


def events(page, kind: str | None = None) -> list[dict]:
    found = page.evaluate("window.__events")
    return [e for e in found if kind is None or e["type"] == kind]


def wait_for_event(page, kind: str, count: int = 1) -> list[dict]:
    page.wait_for_function(f"window.__events.filter(e => e.type === '{kind}').length >= {count}")
    return events(page, kind)


def test_frames_fit_their_content_before_and_after_ticking_and_resizing(watched, server, host):
    page = watched
    page.goto(host.url("enhanced.html"))
    wait_for_event(page, "ready", 3)
    sizes = {box: assert_fits(page, box) for box in ("checklist-box", "guide-box", "letter-box")}
    assert sizes["guide-box"] != KINDS["guide"], "the guide frame kept its reserved height"

    # The frame is named like the page inside it.
    for box in sizes:
        assert page.locator(f"#{box} iframe").get_attribute("title") == frame_of(page, box).title()

    checklist = page.frame_locator("#checklist-box iframe")
    for i in range(3):
        checklist.locator("input[type='checkbox']").nth(i).check()
    checklist.locator("[data-ns-progress]").filter(has_text=f"3 of {INTERVIEW_TOTAL} done").wait_for()
    assert_fits(page, "checklist-box")

    # A warning that appears (and a section opened, where there is one) makes the letter taller.
    letter = page.frame_locator("#letter-box iframe")
    before = assert_fits(page, "letter-box")
    if letter.locator("summary").count():  # posted letters have address boxes to open
        letter.locator("summary").first.click()
    letter.locator("[data-ns='copy']").click()
    letter.locator("[data-ns='warning']").wait_for()
    after = assert_fits(page, "letter-box")
    assert after > before + 50

    for width in (360, 1280, 700):
        page.set_viewport_size({"width": width, "height": 900})
        narrow = {box: assert_fits(page, box) for box in sizes}
        if width == 360:
            assert narrow["guide-box"] > sizes["guide-box"], "text wraps more at 360px, so the frame grows"


def test_events_reach_the_element_with_counts_and_ids_only(watched, host, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = watched
    page.goto(host.url("enhanced.html"))
    ready = wait_for_event(page, "ready", 3)
    assert sorted((e["host"], e["detail"]["widget"]) for e in ready) == [
        ("checklist-box", "checklist"),
        ("guide-box", "guide"),
        ("letter-box", "letter"),
    ]
    assert wait_for_event(page, "progress")[-1] == {"type": "progress", "host": "checklist-box", "detail": {"done": 0, "total": INTERVIEW_TOTAL}}

    checklist = page.frame_locator("#checklist-box iframe")
    checklist.locator("input[type='checkbox']").nth(0).check()
    checklist.locator("input[type='checkbox']").nth(1).check()
    progress = wait_for_event(page, "progress", 3)
    assert progress[-1]["detail"] == {"done": 2, "total": INTERVIEW_TOTAL}

    letter = page.frame_locator("#letter-box iframe")
    letter.locator("input[data-ns-field]").first.fill("Words only the visitor should see")
    letter.locator("[data-ns='copy']").click()
    letter.locator("[data-ns='continue']").click()
    copied = wait_for_event(page, "copied")
    assert copied == [{"type": "copied", "host": "letter-box", "detail": {"letter": LETTER.letter}}]
    assert "Words only the visitor" not in str(events(page))


def test_messages_from_anyone_but_the_widget_change_nothing(watched, host):
    page = watched
    page.goto(host.url("foreign.html"))
    wait_for_event(page, "progress")
    settled = assert_fits(page, "checklist-box")
    page.frame_locator("#foreign").locator("h1").wait_for()  # its script has posted by now
    seen = len(events(page))
    # The host page itself posts a fake message with a plausible shape.
    page.evaluate(
        """() => {
        window.postMessage({source: "nextsteps", type: "height", height: 5}, "*");
        window.postMessage({source: "nextsteps", type: "progress", done: 1, total: 1}, "*");
        window.postMessage({source: "nextsteps", type: "copied", letter: "x"}, "*");
    }"""
    )
    page.wait_for_timeout(500)
    assert len(events(page)) == seen
    assert page.locator("#checklist-box iframe").evaluate("e => e.getBoundingClientRect().height") == settled
    assert page.locator("#checklist-box iframe").get_attribute("title") != "Spoofed"
    # The plain frame of the same site posts its height too, but it is not the loader's frame.
    assert page.locator("#plain-box iframe").evaluate("e => e.getBoundingClientRect().height") == KINDS["letter"]

    # What the widgets said: a frame with no host origin sends its height only,
    # and one given another origin sends this page nothing at all.
    frame_of(page, "wrong-host-box").wait_for_load_state()
    messages = page.evaluate("window.__messages")
    plain = [m["data"] for m in messages if m["frame"] == "plain-box"]
    assert plain and all(set(m) == {"source", "type", "height"} and m["type"] == "height" for m in plain)
    assert not [m for m in messages if m["frame"] == "wrong-host-box"]
    assert {m["data"]["type"] for m in messages if m["frame"] == "checklist-box"} >= {"ready", "height", "progress"}


def test_only_allowlisted_options_reach_the_widget(watched, server, host):
    page = watched
    page.console_texts = []
    page.on("console", lambda m: page.console_texts.append(m.text))
    page.goto(host.url("options.html"))
    page.wait_for_function("document.querySelectorAll('iframe').length === 6")

    def frame_css(box: str, prop: str) -> str:
        page.locator(f"#{box} iframe").scroll_into_view_if_needed()  # lazy frames load when seen
        frame = frame_of(page, box)
        frame.wait_for_load_state()
        return frame.evaluate(f"getComputedStyle(document.documentElement).getPropertyValue('{prop}').trim()")

    for box in ("bad-accent", "short-accent"):
        src = page.locator(f"#{box} iframe").get_attribute("src")
        assert src.startswith(f"{server.origin}/embed/guide/#")
        assert frame_css(box, "--ns-accent") == "#1d4f91"  # the widget refuses it: the brand's own colour

    assert frame_css("light-accent", "--ns-accent") == "#e07000"
    assert frame_css("light-accent", "--ns-on-accent") == "#000000"
    assert frame_of(page, "light-accent").evaluate("getComputedStyle(document.body).borderTopColor") == "rgb(224, 112, 0)"
    # White on white would hide the top bar and the buttons: refused, with a warning.
    assert frame_css("white-accent", "--ns-accent") == "#1d4f91"
    assert any("data-accent #ffffff is not used" in text for text in page.console_texts)
    title = frame_of(page, "light-accent").locator("h1")
    assert title.bounding_box()["width"] <= 1 and title.inner_text() == WIDGETS["guide"].title

    assert frame_css("dark-light-accent", "--ns-on-accent") == "#ffffff"
    assert page.locator("#dark-light-accent iframe").is_visible()

    # A mistyped option name is ignored, but never silently: the console names it.
    assert page.locator("#typo-stage iframe").get_attribute("src").startswith(f"{server.origin}/embed/checklist/#")
    for name in ("data-stages", "data-style", "data-src"):
        assert f"Next Steps: Unknown {name}, ignored." in page.console_texts, name
    assert not [t for t in page.console_texts if "Unknown data-accent" in t or "Unknown data-hide-title" in t]

    # A wrong setting shows a note instead of a silent fallback.
    for box, setting in (("dark-accent", "data-stage"), ("empty-stage", "data-stage"), ("bad-kind", "data-nextsteps-embed"), ("bad-letter", "data-letter"), ("no-letter", "data-letter")):
        assert page.locator(f"#{box} iframe").count() == 0
        assert page.locator(f"#{box} > div").get_attribute("data-nextsteps-state") == "invalid"
        notice = page.locator(f"#{box} .nextsteps-notice")
        assert notice.is_visible() and f"Unknown {setting}." in notice.inner_text(), box


def test_plain_iframe_works_with_scripts_blocked_on_the_host(watched, host):
    page = watched
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(host.url("plain.html"))
    # The host's own script never ran: the loader's element still shows its link.
    fallback = page.locator("#loader-box a")
    assert fallback.inner_text() == WIDGETS["guide"].title and fallback.is_visible()
    assert any("embed.js" in text for text in blocked)
    # The frame runs its own scripts: ticking works and is counted.
    frame = page.frame_locator("#checklist-box iframe")
    progress = frame.locator("[data-ns-progress]")
    progress.filter(has_text=f"0 of {INTERVIEW_TOTAL} done").wait_for()
    frame.locator("input[type='checkbox']").first.check()
    progress.filter(has_text=f"1 of {INTERVIEW_TOTAL} done").wait_for()
    iframe = page.locator("#checklist-box iframe")
    assert iframe.get_attribute("title") == frame_of(page, "checklist-box").title()
    assert iframe.evaluate("e => e.getBoundingClientRect().height") == KINDS["checklist"]


def test_space_is_reserved_until_a_lazy_frame_loads(watched, host):
    page = watched
    page.goto(host.url("lazy.html"))
    iframe = page.locator("#guide-box iframe")
    iframe.wait_for(state="attached")
    page.wait_for_timeout(300)
    assert iframe.evaluate("e => e.getBoundingClientRect().height") == KINDS["guide"]
    assert iframe.get_attribute("loading") == "lazy"
    iframe.scroll_into_view_if_needed()
    wait_for_event(page, "ready")
    assert assert_fits(page, "guide-box") != KINDS["guide"]


def test_recruiters_page_copies_snippets_and_builds_a_live_preview(server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url("embed/"))
    guide = WIDGETS["guide"]
    page.locator("[data-ns-copy='ns-snippet-guide-loader']").click()
    page.locator("[data-ns-copy-status]").filter(has_text="Snippet copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == loader_snippet(guide, SITE_URL)

    # The preview starts with the guide, through this site's own loader.
    preview = page.locator("[data-ns-preview] iframe")
    assert preview.get_attribute("src").startswith(f"{server.origin}/embed/guide/#host=")

    chosen = WIDGETS["checklist-interview"]
    page.locator("#ns-builder-widget").select_option(chosen.key)
    page.locator("#ns-builder-accent").fill("#0b6e4f")
    page.locator("#ns-builder-hide-title").check()
    expected = loader_snippet(chosen, SITE_URL, accent="#0b6e4f", hide_title=True)
    assert page.locator("[data-ns-custom-snippet]").inner_text() == expected
    src = preview.get_attribute("src")
    assert src.startswith(f"{server.origin}/embed/checklist/interview/#") and "accent=%230b6e4f" in src and "title=hide" in src
    frame = preview.element_handle().content_frame()
    frame.wait_for_load_state()
    assert frame.evaluate("document.documentElement.classList.contains('ns-embed--no-title')")
    # Hidden from sight, still in the page for screen readers.
    assert frame.evaluate("document.querySelector('.ns-embed__title').getBoundingClientRect().width") <= 1
    page.locator("[data-ns-copy='ns-snippet-custom']").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('data-stage'))")
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_ready_comes_only_once_the_widget_works(tmp_path, site, context):
    """On a slow network the widget's own script arrives after embed-frame.js.
    A host told "ready" may use the widget at once, so "ready" waits for it."""
    with Server(site, slow={"/assets/javascripts/letters.js": 1.5}) as slow:
        folder = tmp_path / "host"
        folder.mkdir()
        snippet = loader_snippet(LETTER, SITE_URL).replace(SITE_URL, slow.origin + "/")
        (folder / "index.html").write_text(page_html(f'<div id="letter-box">{snippet}</div>'), encoding="utf-8")
        with Server(folder, host="localhost") as host_site:
            context.add_init_script(RECORD_EVENTS)
            page = context.new_page()
            page.goto(host_site.url("index.html"), wait_until="commit")  # "load" would wait for the frame's scripts
            wait_for_event(page, "ready")
            tool = frame_of(page, "letter-box").locator("[data-ns-letter]")
            assert tool.get_attribute("data-ns-ready") is not None, "ready was sent before letters.js ran"
            frame = page.frame_locator("#letter-box iframe")
            frame.locator("[data-ns='copy']").click()
            assert frame.locator("[data-ns='warning']").is_visible()
