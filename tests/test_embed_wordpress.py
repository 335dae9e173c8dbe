"""The widgets as a WordPress site shows them, in real Chromium.

For an oEmbed provider it does not trust, WordPress keeps only the iframe of
the answer's ``html`` (and a few of its attributes), adds
``sandbox="allow-scripts" security="restricted"`` and ``#?secret=...`` to
its address, and runs a listener that obeys two messages carrying that
secret: ``height`` (kept between 200 and 1000 pixels) and ``link`` (opens a
page on the frame's own host, in the top window, when the frame has focus).
The host page here does the same, written from that description.
"""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import urlsplit

import pytest

from nextsteps.content import load_content, page_url
from nextsteps.embed import widgets
from support import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_content(ROOT / "docs")
WIDGETS = {w.key: w for w in widgets(CONTENT)}
SITE_URL = "https://nextsteps.example.org/"
LETTER = next(w for w in WIDGETS.values() if w.kind == "letter")
SHOWN = ("guide", "checklist-interview", LETTER.key)
SECRET = "a1B2c3D4e5"
CAP = 1000
# The attributes WordPress keeps on an untrusted provider's iframe.
KEPT = ("src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title", "class")

LISTENER = """
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || typeof data !== "object" || typeof data.secret !== "string" || /[^a-zA-Z0-9]/.test(data.secret)) return;
  document.querySelectorAll("iframe.wp-embedded-content").forEach(function (frame) {
    if (frame.getAttribute("data-secret") !== data.secret || frame.contentWindow !== event.source) return;
    if (data.message === "height") {
      var height = parseInt(data.value, 10);
      frame.height = isNaN(height) || height < 200 ? 200 : Math.min(height, 1000);
    }
    if (data.message === "link") {
      var target = new URL(data.value, location.href), own = new URL(frame.getAttribute("src"), location.href);
      if (target.host === own.host && document.activeElement === frame) window.top.location.href = target.href;
    }
  });
});
"""


def wordpress_iframe(html: str, secret: str) -> str:
    """What WordPress makes of an untrusted provider's oEmbed html."""
    tag = re.search(r"<iframe\b[^>]*>", html).group(0)
    attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))
    kept = {name: attrs[name] for name in KEPT if name in attrs}
    kept["class"] = "wp-embedded-content"
    kept["src"] = kept["src"] + "#?secret=" + secret
    out = " ".join(f'{name}="{value}"' for name, value in kept.items())
    return f'<iframe {out} sandbox="allow-scripts" security="restricted" data-secret="{secret}"></iframe>'


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory, site, server):
    folder = tmp_path_factory.mktemp("wordpress")
    boxes = []
    for key in SHOWN:
        data = json.loads((site / f"oembed/{key}.json").read_text(encoding="utf-8"))
        html = data["html"].replace(SITE_URL, server.origin + "/")
        boxes.append(f'<figure id="{key}">{wordpress_iframe(html, SECRET + key[:2])}</figure>')
    (folder / "listener.js").write_text(LISTENER, encoding="utf-8")
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency blog</title><link rel="icon" href="data:,">'
        '<script src="listener.js"></script></head>\n<body><main><h1>Advice</h1>\n'
        + "\n".join(boxes)
        + "\n</main></body></html>\n"
    )
    (folder / "post.html").write_text(page, encoding="utf-8")
    with Server(folder, host="localhost") as srv:
        yield srv


@pytest.fixture
def visit(context, server, wordpress):
    """The blog post, with every error and every request recorded."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 700, "height": 900})
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(f"{m.text} {m.location.get('url', '')}") if m.type == "error" else None)
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(wordpress.url("post.html"))
    yield page
    allowed = {urlsplit(server.origin).netloc, urlsplit(wordpress.origin).netloc}
    strays = [u for u in page.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]
    assert not strays, f"requests to other origins: {strays}"


def frame(page, key: str):
    handle = page.locator(f"#{key} iframe").element_handle()
    content = handle.content_frame()
    content.wait_for_load_state()
    return content


def fitted(page, key: str) -> tuple[float, float]:
    """(frame height, content height) once the frame follows its content."""
    page.locator(f"#{key} iframe").scroll_into_view_if_needed()
    inner_frame = frame(page, key)
    outer = inner = 0.0
    for _ in range(100):
        outer = page.locator(f"#{key} iframe").evaluate("e => e.getBoundingClientRect().height")
        inner = inner_frame.evaluate("document.documentElement.getBoundingClientRect().height")
        if abs(outer - min(max(inner, 200), CAP)) <= 2:
            break
        page.wait_for_timeout(50)
    return outer, inner


def assert_nothing_cut_off(page, key: str) -> None:
    outer, inner = fitted(page, key)
    content = frame(page, key)
    if inner <= CAP:
        assert abs(outer - inner) <= 2, f"{key}: frame {outer}px, content {inner}px"
        assert content.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
        assert content.locator(".ns-embed__more").is_hidden()
    else:
        # Taller than WordPress allows: the frame stops at the cap, scrolls,
        # and says how to see the rest.
        assert abs(outer - CAP) <= 2, f"{key}: frame {outer}px for {inner}px of content"
        more = content.locator(".ns-embed__more")
        assert more.is_visible() and "open the full page" in more.inner_text()
        content.locator(".ns-embed__footer").scroll_into_view_if_needed()
        box = content.evaluate("document.querySelector('.ns-embed__footer').getBoundingClientRect().bottom")
        assert box <= content.evaluate("window.innerHeight") + 1, f"{key}: the end cannot be reached"


def test_each_widget_knows_it_is_in_a_wordpress_frame_and_fits(visit):
    for key in SHOWN:
        content = frame(visit, key)
        assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "wordpress"
        assert content.evaluate("self.origin") == "null", "the test host must sandbox like WordPress"
        assert_nothing_cut_off(visit, key)
    assert not visit.errors, visit.errors


def test_checklist_groups_open_one_at_a_time_and_the_frame_follows(visit):
    key = "checklist-interview"
    content = frame(visit, key)
    sections = content.locator("details.ns-embed__section")
    assert sections.count() >= 2
    assert sections.first.evaluate("e => e.open") and not sections.nth(1).evaluate("e => e.open")
    # With the first group open, the list fits WordPress's limit.
    outer, inner = fitted(visit, key)
    assert inner <= CAP and abs(outer - inner) <= 2
    sections.nth(1).locator("summary").click()
    assert_nothing_cut_off(visit, key)
    bigger, _ = fitted(visit, key)
    assert bigger > outer
    assert not visit.errors, visit.errors


def test_a_step_link_opens_our_page_in_the_same_tab(visit, server):
    content = frame(visit, "guide")
    link = content.locator(".ns-embed-steps__link").first
    assert link.get_attribute("target") is None
    assert "new tab" not in link.inner_text()
    link.click()
    step = CONTENT.steps[0]
    visit.wait_for_url(server.url(step.url))
    assert visit.locator("h1").inner_text() == step.meta.title


def test_full_page_link_opens_our_page(visit, server):
    content = frame(visit, "checklist-interview")
    content.locator(".ns-embed__footer a").click()
    visit.wait_for_url(server.url(page_url(WIDGETS["checklist-interview"].page)))


def test_no_control_claims_a_success_that_did_not_happen(visit):
    content = frame(visit, LETTER.key)
    # What the sandbox blocks is not offered at all.
    for name in ("download", "print", "email", "remember-box"):
        node = content.locator(f"[data-ns='{name}']")
        assert node.count() == 0 or node.is_hidden(), name
    note = content.locator("[data-ns-limits]")
    assert note.count() == 1
    assert "not saved" in note.inner_text() and "copy" in note.inner_text()
    assert note.locator("a").inner_text() == "Open the full page"

    # Copying either really worked or says it did not.
    for field in LETTER_FIELDS():
        content.locator(f"input[data-ns-field='{field.name}']").fill(field.example or "x")
    content.locator("[data-ns='copy']").click()
    status = content.locator("[data-ns='status']")
    status.filter(has_text=re.compile("copy|Copied", re.I)).wait_for()
    said = status.inner_text()
    if said.startswith("Copied"):
        assert CONTENT.letters[LETTER.letter].meta.fields[0].example in visit.evaluate("navigator.clipboard.readText()")
    else:
        assert "did not let us copy" in said
    assert "saved" not in said.lower() or "not" in said.lower()
    assert not visit.errors, visit.errors


def LETTER_FIELDS():  # noqa: N802 - reads like the constant it stands for
    return [f for f in CONTENT.letters[LETTER.letter].meta.fields if f.example]


def test_ticks_that_cannot_be_kept_are_said_once(visit):
    content = frame(visit, "checklist-interview")
    notes = content.locator("[data-ns-limits]")
    assert notes.count() == 1
    assert "ticks are not saved" in notes.inner_text()
    box = content.locator("input[type='checkbox']").first
    box.check()
    assert box.is_checked()
    assert not visit.errors, visit.errors


def test_a_normal_frame_and_the_loader_keep_every_control(server, page):
    """Outside a sandbox nothing is hidden and no note is shown."""
    page.goto(server.url(LETTER.path))
    content = page
    assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "page"
    assert content.locator("[data-ns-limits]").count() == 0
    for name in ("download", "print"):
        assert content.locator(f"[data-ns='{name}']").is_visible(), name
    assert escape(LETTER.title) in content.content()
