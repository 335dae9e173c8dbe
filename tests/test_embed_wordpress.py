"""The widgets as a WordPress site shows them, in real Chromium, and in the
other frames a host may make: our loader's, a plain one, and sandboxes
without WordPress's secret.

For an oEmbed provider it does not trust, WordPress keeps only the iframe of
the answer's ``html`` (and a few of its attributes), adds
``sandbox="allow-scripts" security="restricted"`` and ``#?secret=...`` to
its address, and runs a listener that obeys two messages carrying that
secret: ``height`` (kept between 200 and 1000 pixels) and ``link`` (opens a
page on the frame's own host, in the top window, when the frame has focus).
The host page here does the same, written from that description. On
DOMContentLoaded it also posts ``{message: "ready", secret}`` to each frame,
so a frame that loaded before the listener can send its height again.
"""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import urlsplit

import pytest

import a11y
from nextsteps.content import load_guide, page_url
from nextsteps.embed import iframe_snippet, loader_snippet, widgets
from support import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_guide(ROOT / "mkdocs.yml")  # the content with the guide's own words
WIDGETS = {w.key: w for w in widgets(CONTENT)}
SITE_URL = "https://nextsteps.example.org/"
LETTER = next(w for w in WIDGETS.values() if w.kind == "letter")
SHOWN = ("guide", "checklist-interview", LETTER.key)
EVERY = tuple(WIDGETS)
SECRET = "a1B2c3D4e5"
CAP = 1000
# The attributes WordPress keeps on an untrusted provider's iframe.
KEPT = ("src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title", "class")

LISTENER = """
(function () {
  function receive(event) {
    var data = event.data;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    document.querySelectorAll('iframe[data-secret="' + data.secret + '"]').forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      frame.removeAttribute("style");
      if (data.message === "height") {
        var height = parseInt(data.value, 10);
        frame.height = height > 1000 ? 1000 : ~~height < 200 ? 200 : height;
      } else if (data.message === "link") {
        var target = new URL(data.value), own = new URL(frame.getAttribute("src"));
        if (/^https?:$/i.test(target.protocol) && target.host === own.host && document.activeElement === frame) {
          window.top.location.href = data.value;
        }
      }
    });
  }
  // Tells each frame the listener is there, in case the frame loaded first.
  function ready() {
    document.querySelectorAll("iframe.wp-embedded-content").forEach(function (frame) {
      frame.contentWindow.postMessage({ message: "ready", secret: frame.getAttribute("data-secret") }, "*");
    });
  }
  window.addEventListener("message", receive, false);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready, false);
  else ready();
})();
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


# Some themes print WordPress's script at the very end of the page, so a
# frame may send its height before anyone listens. This host adds the
# listener only once every frame has sent its height and gone quiet.
LATE = """
(function () {
  var frames = Array.prototype.slice.call(document.querySelectorAll("iframe"));
  var heard = new Set(), quiet = null;
  window.addEventListener("message", function (event) {
    if (!event.data || event.data.message !== "height") return;
    heard.add(event.source);
    clearTimeout(quiet);
    if (frames.every(function (f) { return heard.has(f.contentWindow); })) quiet = setTimeout(start, 1000);
  });
  function start() {
    var script = document.createElement("script");
    script.src = "listener.js";
    document.body.append(script);
  }
})();
"""


def blog_post(boxes: list[str], script: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency blog</title><link rel="icon" href="data:,">'
        f'{script}</head>\n<body><main><h1>Advice</h1>\n' + "\n".join(boxes) + "\n</main></body></html>\n"
    )


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory, site, server):
    folder = tmp_path_factory.mktemp("wordpress")
    boxes = []
    for key in EVERY:
        data = json.loads((site / f"oembed/{key}.json").read_text(encoding="utf-8"))
        html = data["html"].replace(SITE_URL, server.origin + "/")
        boxes.append(f'<figure id="{key}">{wordpress_iframe(html, SECRET + str(len(boxes)))}</figure>')
    (folder / "listener.js").write_text(LISTENER, encoding="utf-8")
    (folder / "late.js").write_text(LATE, encoding="utf-8")
    shown = [box for box, key in zip(boxes, EVERY) if key in SHOWN]
    (folder / "post.html").write_text(blog_post(shown, '<script src="listener.js"></script>'), encoding="utf-8")
    (folder / "every.html").write_text(blog_post(boxes, '<script src="listener.js"></script>'), encoding="utf-8")
    # The frames load eagerly here, so they finish before the listener starts.
    late = [box.replace("<iframe ", '<iframe loading="eager" ') for box in shown]
    (folder / "late.html").write_text(blog_post(late, '<script src="late.js"></script>'), encoding="utf-8")
    # Frames that are not WordPress's: the loader's, a plain one, and sandboxes without a secret.
    on_site = lambda snippet: snippet.replace(SITE_URL, server.origin + "/")  # noqa: E731
    (folder / "frames.html").write_text(
        blog_post(
            [
                f'<div id="loader-box">{on_site(loader_snippet(LETTER, SITE_URL))}</div>',
                f'<div id="plain-box">{on_site(iframe_snippet(LETTER, SITE_URL))}</div>',
            ],
            "",
        ),
        encoding="utf-8",
    )
    def sandboxed(box: str, widget, flags: str) -> str:
        snippet = on_site(iframe_snippet(widget, SITE_URL)).replace("<iframe ", f'<iframe sandbox="{flags}" ', 1)
        return f'<div id="{box}">{snippet}</div>'

    sandboxed_boxes = [
        sandboxed("guide", WIDGETS["guide"], "allow-scripts"),
        sandboxed(LETTER.key, LETTER, "allow-scripts"),
        sandboxed("same-origin-letter", LETTER, "allow-scripts allow-same-origin"),
    ]
    (folder / "sandboxed.html").write_text(blog_post(sandboxed_boxes, ""), encoding="utf-8")
    with Server(folder, host="localhost") as srv:
        yield srv


@pytest.fixture
def open_post(context, server, wordpress):
    """Opens a blog post, recording every error and every request."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 700, "height": 900})
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(f"{m.text} {m.location.get('url', '')}") if m.type == "error" else None)
    page.on("request", lambda request: page.requests.append(request.url))

    def open_it(name: str = "post.html", width: int = 700):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(wordpress.url(name))
        return page

    yield open_it
    allowed = {urlsplit(server.origin).netloc, urlsplit(wordpress.origin).netloc}
    strays = [u for u in page.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]
    assert not strays, f"requests to other origins: {strays}"


@pytest.fixture
def visit(open_post):
    """The blog post with a guide, a checklist and a letter."""
    return open_post()


def frame(page, key: str):
    page.locator(f"#{key} iframe").scroll_into_view_if_needed()  # lazy frames load when seen
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
        assert more.is_visible() and "too small" in more.inner_text()
        # One note at most, and it links to the full page.
        notes = content.locator(".ns-embed__note")
        assert notes.count() == 1, notes.all_inner_texts()
        assert notes.locator("a").inner_text().lower() == "open the full page"
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


@pytest.mark.parametrize("width", [700, 375])
def test_every_widget_fits_or_scrolls_to_its_end_and_says_nothing_untrue(open_post, width):
    """Every widget, on a wide and a phone-sized post: fitted up to the cap,
    its end reachable beyond it, no words about new tabs (links open in the
    same tab here), and no accessibility problem in the frame's own layout."""
    page = open_post("every.html", width)
    for key in EVERY:
        content = frame(page, key)
        assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "wordpress", key
        assert_nothing_cut_off(page, key)
        assert "new tab" not in content.locator("body").inner_text(), key
        assert content.locator("a[target]").count() == 0, key
        if width == 700:
            found = a11y.violations(content, preload=False)
            assert not found, (key, a11y.describe(found))
    assert not page.errors, page.errors


def test_a_frame_that_loads_before_the_listener_still_fits(open_post):
    """WordPress says "ready" when its script starts; the widget sends its height again."""
    page = open_post("late.html")
    page.wait_for_function("Array.from(document.scripts).some(s => s.src.endsWith('listener.js'))")
    for key in SHOWN:
        outer, inner = fitted(page, key)
        assert abs(outer - min(inner, CAP)) <= 2, f"{key}: frame {outer}px, content {inner}px"
    assert not page.errors, page.errors


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


LETTER_KEYS = tuple(key for key, w in WIDGETS.items() if w.kind == "letter")


@pytest.mark.parametrize("width", [700, 375])
def test_a_letter_is_two_sections_one_open_at_a_time(open_post, width):
    """Its details, then the letter: one open at a time, so the frame holds
    about half as much; a button after the details opens the letter. A
    section still taller than WordPress allows (the details of most letters
    on a phone) scrolls inside the frame, with the note."""
    page = open_post("every.html", width)
    for key in LETTER_KEYS:
        content = frame(page, key)
        sections = content.locator("details.ns-embed__section")
        assert sections.count() == 2, key
        details, letter = sections.first, sections.nth(1)
        assert details.evaluate("e => e.open") and not letter.evaluate("e => e.open"), key
        assert_nothing_cut_off(page, key)
        assert "preview changes" not in details.inner_text(), "the preview is out of sight"
        # Boxes that only feed a blocked action (the email app, printing) are not asked for.
        assert content.locator("[data-ns-field='email-to']").is_hidden(), key
        assert content.locator(".ns-letter__addresses").count() == 0 or content.locator(".ns-letter__addresses").is_hidden(), key
        show = content.locator("[data-ns=show-letter]")
        assert show.inner_text().startswith("Show your "), key
        # From the keyboard: a click lands by position, and on a phone this
        # button sits low in a frame that scrolls inside itself while it fits.
        show.focus()
        show.press("Enter")
        for _ in range(100):  # polled from here: the widget's policy forbids a page-side wait
            if letter.evaluate("e => e.open") and not details.evaluate("e => e.open"):
                break
            page.wait_for_timeout(50)
        assert letter.evaluate("e => e.open") and not details.evaluate("e => e.open"), key
        assert content.evaluate("document.activeElement.tagName") == "SUMMARY", key
        assert_nothing_cut_off(page, key)
    assert not page.errors, page.errors


def test_a_missing_detail_link_opens_the_details_and_the_box(visit):
    content = frame(visit, LETTER.key)
    content.locator("[data-ns=show-letter]").click()
    content.locator("[data-ns=copy]").click()
    warning = content.locator("[data-ns=warning]")
    assert warning.is_visible()
    first = warning.locator("a").first
    target = first.get_attribute("href")[1:]
    first.click()
    assert content.evaluate("document.activeElement.id") == target
    assert content.locator("details.ns-embed__section").first.evaluate("e => e.open")
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
    content.locator("[data-ns=show-letter]").click()  # the letter is its own section here
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


def test_a_normal_frame_and_the_loader_keep_every_control(server, page, open_post):
    """Outside a sandbox nothing is hidden and no note is shown."""
    page.goto(server.url(LETTER.path))
    assert page.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "page"
    assert page.locator("[data-ns-limits]").count() == 0
    for name in ("download", "print", "remember-box"):
        assert page.locator(f"[data-ns='{name}']").is_visible(), name
    assert escape(LETTER.title) in page.content()

    post = open_post("frames.html")
    for box, mode in (("loader-box", "loader"), ("plain-box", "frame")):
        content = frame(post, box)
        content.locator(f"[data-ns-letter='{LETTER.letter}'][data-ns-ready]").wait_for(state="attached")
        assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == mode, box
        # The browser may still refuse storage to another site's frame (its
        # third-party settings): then, and only then, the note says so.
        blocked = (content.evaluate("document.documentElement.getAttribute('data-ns-blocked')") or "").split()
        assert set(blocked) <= {"storage"}, (box, blocked)
        for name in ("download", "print", "email"):
            assert content.locator(f"[data-ns='{name}']").is_visible(), (box, name)
        assert content.locator("[data-ns='remember-box']").is_visible() == ("storage" not in blocked), box
        note = content.locator("[data-ns-limits]")
        assert note.count() == (1 if blocked else 0), box
        if blocked:
            assert "What you type is not saved" in note.inner_text() and "print" not in note.inner_text(), box
    assert not post.errors, post.errors


# Any other sandboxed frame: no secret, so no WordPress to pass links to ----------


def test_a_sandbox_without_a_secret_says_where_a_link_goes(open_post, server):
    """A frame sandboxed with scripts only: new tabs are refused, so the widget says so."""
    page = open_post("sandboxed.html")
    content = frame(page, "guide")
    assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "frame"
    link = content.locator(".ns-embed-steps__link").first
    link.click()
    said = content.locator("[data-ns-link-blocked]")
    said.wait_for()
    assert said.count() == 1 and said.inner_text() == f"This box cannot open links. The page is at {server.url(CONTENT.steps[0].url)}"
    link.click()
    assert content.locator("[data-ns-link-blocked]").count() == 1, "said once"
    assert len(page.context.pages) == 1 and page.url.endswith("sandboxed.html")

    letter = frame(page, LETTER.key)
    for name in ("download", "print", "email", "remember-box"):
        node = letter.locator(f"[data-ns='{name}']")
        assert node.count() == 0 or node.is_hidden(), name
    note = letter.locator("[data-ns-limits]")
    assert note.count() == 1 and f"The full page is at {server.url(page_url(LETTER.page))}" in note.inner_text()
    assert not [e for e in page.errors if "allow-popups" not in e], page.errors


def test_a_sandbox_that_keeps_its_origin_never_claims_a_print_or_download(open_post):
    """With allow-same-origin the sandbox cannot be seen, so the letter checks what happened."""
    page = open_post("sandboxed.html")
    content = frame(page, "same-origin-letter")
    content.locator(f"[data-ns-letter='{LETTER.letter}'][data-ns-ready]").wait_for(state="attached")
    # Only storage may show as blocked (the browser's third-party settings): print and download look allowed.
    assert set((content.evaluate("document.documentElement.getAttribute('data-ns-blocked')") or "").split()) <= {"storage"}
    for field in LETTER_FIELDS():
        content.locator(f"input[data-ns-field='{field.name}']").fill(field.example)
    status = content.locator("[data-ns='status']")
    content.locator("[data-ns='print']").click()
    status.filter(has_text="cannot print").wait_for()
    assert status.inner_text() == "This box cannot print. To print your letter, open the full page."
    content.locator("[data-ns='download']").click()
    status.filter(has_text="downloads").wait_for()
    assert "was saved" not in status.inner_text() and "If it is not in your downloads, use Copy instead." in status.inner_text()
