"""The widgets as a WordPress site shows them, in real Chromium, and in the
other frames a host may make: our loader's, a plain one, and sandboxes
without WordPress's secret.

The host here behaves as WordPress does, re-implemented from its source
(WordPress/wordpress-develop, ``src/wp-includes/embed.php`` and
``src/js/_enqueues/wp/embed.js``, read in December 2026):

- ``wp_filter_oembed_result``: for a provider it does not trust, WordPress
  keeps only ``a[href]``, ``blockquote`` and an ``iframe`` with a few
  attributes (kses); keeps a blockquote only at the very start, then the
  iframe; adds ``#?secret=`` and ``data-secret``; hides the iframe until it
  speaks (when there is a blockquote); and sandboxes it (``allow-scripts``).
- ``wp_maybe_enqueue_oembed_host_js``: the page loads ``wp-embed.js`` only
  when the html holds ``<blockquote ... wp-embedded-content``.
- ``wp-embed.js``: a message with the secret hides the blockquote and shows
  the iframe; ``height`` sets its height, kept between 200 and 1000;
  ``link`` opens a page on the frame's own host in the top window, if the
  frame has focus. On DOMContentLoaded it says ``ready`` to each frame.
"""

from __future__ import annotations

import json
import re
import secrets
import string
from html import escape
from urllib.parse import urlsplit

import a11y
import pytest
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
CAP = 1000

# What kses lets through from a provider WordPress does not trust.
ALLOWED = {
    "a": ("href",),
    "blockquote": (),
    "iframe": ("src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"),
}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def kses(html: str, allowed: dict[str, tuple[str, ...]]) -> str:
    """Only the allowed tags, each with only its allowed attributes; other tags go, their text stays."""

    def keep(match: re.Match[str]) -> str:
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name not in allowed:
            return ""
        if closing:
            return f"</{name}>"
        attrs = [(a.lower(), v if v is not None else w) for a, v, w in _ATTR.findall(rest)]
        kept = "".join(f' {a}="{v}"' for a, v in attrs if a in allowed[name])
        return f"<{name}{kept}>"

    return _TAG.sub(keep, html)


def wp_filter_oembed_result(html: str, kind: str, secret: str) -> str | None:
    """What WordPress makes of an untrusted provider's oEmbed html (None: nothing embedded)."""
    if kind not in ("rich", "video"):
        return html
    clean = kses(html, ALLOWED)
    found = re.search(r"(<blockquote>.*?</blockquote>)?.*(<iframe.*?></iframe>)", clean, re.S | re.M)
    if not found or not found.group(2):
        return None
    quote = found.group(1) or ""
    out = quote + found.group(2)
    src = re.search(r""" src=(['"])(.*?)\1""", out)
    if src:
        quoted = src.group(1)
        address = f"{src.group(2)}#?secret={secret}"
        out = out.replace(src.group(0), f" src={quoted}{address}{quoted} data-secret={quoted}{secret}{quoted}")
        out = out.replace("<blockquote", f'<blockquote data-secret="{secret}"')
    with_secret = {name: (*attrs, "data-secret") if name != "a" else attrs for name, attrs in ALLOWED.items()}
    out = kses(out, with_secret)
    if quote:
        # The link stands in until the frame speaks.
        out = out.replace("<iframe", '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"')
        out = out.replace("<blockquote", '<blockquote class="wp-embedded-content"')
    sandboxed = '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"'
    return re.sub("<iframe", sandboxed, out, flags=re.I)


def wp_maybe_enqueue_oembed_host_js(html: str) -> bool:
    """WordPress loads wp-embed.js only for this."""
    return re.search(r"<blockquote\s[^>]*?wp-embedded-content", html) is not None


def new_secret() -> str:
    """Ten letters and digits, as wp_generate_password(10, false) makes."""
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(10))


# The listener, written anew from what wp-embed.js does, check for check.
WP_EMBED = """
(function (window, document) {
  "use strict";
  if (!document.querySelector || !window.addEventListener) return;
  window.wp = window.wp || {};
  if (window.wp.receiveEmbedMessage) return;
  window.wp.receiveEmbedMessage = function (event) {
    var data = event.data;
    if (!(data || data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    var quotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
    var webOnly = /^https?:$/i;
    Array.prototype.forEach.call(quotes, function (quote) { quote.style.display = "none"; });
    Array.prototype.forEach.call(frames, function (frame) {
      if (event.source !== frame.contentWindow) return;
      frame.removeAttribute("style");
      if (data.message === "height") {
        var height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        frame.height = height;
      } else if (data.message === "link") {
        var from = new URL(frame.getAttribute("src")), to = new URL(data.value);
        if (webOnly.test(to.protocol) && to.host === from.host && document.activeElement === frame) {
          window.top.location.href = data.value;
        }
      }
    });
  };
  function onLoad() {
    Array.prototype.forEach.call(document.querySelectorAll("iframe.wp-embedded-content"), function (frame) {
      var secret = frame.getAttribute("data-secret");
      if (!secret) {
        secret = Math.random().toString(36).substring(2, 12);
        frame.src += "#?secret=" + secret;
        frame.setAttribute("data-secret", secret);
      }
      frame.contentWindow.postMessage({ message: "ready", secret: secret }, "*");
    });
  }
  window.addEventListener("message", window.wp.receiveEmbedMessage, false);
  document.addEventListener("DOMContentLoaded", onLoad, false);
})(window, document);
"""


def embed_block(html: str | None) -> str:
    """The block editor's Embed block around what WordPress kept."""
    wrapper = '<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">'
    return f"{wrapper}\n{html or ''}\n</div></figure>"


def post_page(boxes: list[str], ids: list[str], *, footer: str) -> str:
    """A post: WordPress prints wp-embed.js in the footer, if the post needs it."""
    body = "\n".join(f'<div id="{key}">{box}</div>' for key, box in zip(ids, boxes, strict=True))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency blog</title>'
        f'<link rel="icon" href="data:,"></head>\n<body><main><h1>Advice</h1>\n{body}\n</main>{footer}</body></html>\n'
    )


# On a slow network WordPress's footer script arrives after the frames above
# it have loaded and sent their height to nobody. This host serves it late.
SLOW_SCRIPT = "slow-wp-embed.js"


def blog_post(boxes: list[str], script: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency blog</title><link rel="icon" href="data:,">'
        f'{script}</head>\n<body><main><h1>Advice</h1>\n' + "\n".join(boxes) + "\n</main></body></html>\n"
    )


def wordpress_post(site, server, keys, *, strip_blockquote: bool = False, late: bool = False) -> str:
    """The post WordPress would print for these widgets' full-page addresses."""
    kept, needs_script = [], False
    for key in keys:
        data = json.loads((site / f"oembed/{key}.json").read_text(encoding="utf-8"))
        html = data["html"].replace(SITE_URL, server.origin + "/")
        if strip_blockquote:
            html = re.sub(r"<blockquote\b.*?</blockquote>", "", html, flags=re.S)
        filtered = wp_filter_oembed_result(html, data["type"], new_secret())
        assert filtered is not None, f"WordPress would embed nothing for {key}"
        if late:
            filtered = filtered.replace("<iframe ", '<iframe loading="eager" ')
        needs_script = needs_script or wp_maybe_enqueue_oembed_host_js(filtered)
        kept.append(embed_block(filtered))
    script = SLOW_SCRIPT if late else "wp-embed.js"
    footer = f'<script src="{script}"></script>' if needs_script else ""
    return post_page(kept, list(keys), footer=footer)


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory, site, server):
    folder = tmp_path_factory.mktemp("wordpress")
    (folder / "wp-embed.js").write_text(WP_EMBED, encoding="utf-8")
    (folder / SLOW_SCRIPT).write_text(WP_EMBED, encoding="utf-8")
    (folder / "post.html").write_text(wordpress_post(site, server, SHOWN), encoding="utf-8")
    (folder / "every.html").write_text(wordpress_post(site, server, EVERY), encoding="utf-8")
    (folder / "stripped.html").write_text(wordpress_post(site, server, SHOWN, strip_blockquote=True), encoding="utf-8")
    # The frames load eagerly here, so they finish before the listener starts.
    (folder / "late.html").write_text(wordpress_post(site, server, SHOWN, late=True), encoding="utf-8")
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
    with Server(folder, host="localhost", slow={"/" + SLOW_SCRIPT: 2.0}) as srv:
        yield srv


@pytest.fixture
def open_post(context, server, wordpress):
    """Opens a blog post, recording every error and every request."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 700, "height": 900})
    page.errors = []
    page.requests = []
    page.widget_frames = {}  # by widget key, filled by frame()
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
    """The widget's frame in the post, found once per post: each look-up is four
    calls to the browser, and the checks below ask for the same frame often."""
    found = page.widget_frames
    content = found.get(key)
    if content is None or content.is_detached():
        page.locator(f"#{key} iframe").scroll_into_view_if_needed()  # lazy frames load when seen
        content = page.locator(f"#{key} iframe").element_handle().content_frame()
        content.wait_for_load_state()
        found[key] = content
    return content


def fitted(page, key: str, tries: int = 100) -> tuple[float, float]:
    """(frame height, content height) once the frame follows its content."""
    inner_frame = frame(page, key)
    # Chromium pauses rendering in cross-origin frames out of view: look at it first, as a reader does.
    page.locator(f"#{key} iframe").scroll_into_view_if_needed()
    outer = inner = 0.0
    for _ in range(tries):
        outer = page.locator(f"#{key} iframe").evaluate("e => e.getBoundingClientRect().height")
        inner = inner_frame.evaluate("document.documentElement.getBoundingClientRect().height")
        if abs(outer - min(max(inner, 200), CAP)) <= 2:
            break
        page.wait_for_timeout(50)
    return outer, inner


def fit_problems(page, key: str, tries: int = 100) -> list[str]:
    """What is wrong with how a widget sits in its frame: none when it fits
    (within 2 px), or stops at WordPress's cap and says so."""
    outer, inner = fitted(page, key, tries)
    content = frame(page, key)
    more = content.locator(".ns-embed__more")
    found = []
    if inner <= CAP:
        if abs(outer - max(inner, 200)) > 2:
            found.append(f"{key}: frame {outer}px, content {inner}px")
        if more.count() and more.is_visible():
            found.append(f"{key}: says it is too small with nothing to scroll")
    else:
        if abs(outer - CAP) > 2:
            found.append(f"{key}: frame {outer}px for {inner}px of content")
        if not (more.count() and more.is_visible() and "too small" in more.inner_text()):
            found.append(f"{key}: scrolls inside without saying so")
    return found


def assert_nothing_cut_off(page, key: str) -> None:
    assert not fit_problems(page, key)
    _outer, inner = fitted(page, key)
    content = frame(page, key)
    if inner <= CAP:
        assert content.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
    else:
        # One note at most, and it links to the full page.
        notes = content.locator(".ns-embed__note")
        assert notes.count() == 1, notes.all_inner_texts()
        assert notes.locator("a").inner_text().lower() == "open the full page"
        content.locator(".ns-embed__footer").scroll_into_view_if_needed()
        box = content.evaluate("document.querySelector('.ns-embed__footer').getBoundingClientRect().bottom")
        assert box <= content.evaluate("window.innerHeight") + 1, f"{key}: the end cannot be reached"


def test_wordpress_loads_its_script_because_of_the_blockquote(open_post):
    """The oEmbed html starts with WordPress's blockquote, so WordPress loads
    wp-embed.js, hides the link once the frame speaks, and sizes the frame.
    The same answer without the blockquote gets no script, and fails."""
    page = open_post("post.html")
    assert page.locator("script[src$='wp-embed.js']").count() == 1
    for key in SHOWN:
        assert not fit_problems(page, key)
        quote = page.locator(f"#{key} blockquote.wp-embedded-content")
        assert quote.count() == 1 and quote.is_hidden(), f"{key}: the stand-in link still shows"
        assert quote.locator("a").get_attribute("href").endswith(page_url(WIDGETS[key].page))
        assert page.locator(f"#{key} iframe").get_attribute("style") is None, f"{key}: the frame is still hidden"

    stripped = open_post("stripped.html")
    assert stripped.locator("script[src$='wp-embed.js']").count() == 0
    problems = [problem for key in SHOWN for problem in fit_problems(stripped, key, tries=20)]
    assert problems, "without the blockquote nothing sizes the frames, so this test must fail"


def test_each_widget_knows_it_is_in_a_wordpress_frame_and_fits(visit):
    for key in SHOWN:
        content = frame(visit, key)
        assert content.evaluate("document.documentElement.getAttribute('data-ns-frame')") == "wordpress"
        assert content.evaluate("self.origin") == "null", "the test host must sandbox like WordPress"
        assert_nothing_cut_off(visit, key)
    assert not visit.errors, visit.errors


@pytest.mark.parametrize("width", [1280, 375])
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
        if width == 1280:
            found = a11y.violations(content, preload=False)
            assert not found, (key, a11y.describe(found))
    assert not page.errors, page.errors


def test_a_frame_that_loads_before_the_listener_still_fits(open_post):
    """WordPress says "ready" when its script starts; the widget sends its height again."""
    page = open_post("late.html")
    page.locator(f"script[src$='{SLOW_SCRIPT}']").wait_for(state="attached")
    for key in SHOWN:
        assert not fit_problems(page, key)
    assert not page.errors, page.errors


@pytest.mark.parametrize("width", [1280, 375])
def test_checklist_sections_start_open_when_they_fit(open_post, width):
    """Open, in order, as long as the whole list fits WordPress's frame; the first always."""
    page = open_post("every.html", width)
    for key in (k for k, w in WIDGETS.items() if w.kind == "checklist"):
        content = frame(page, key)
        sections = content.locator("details.ns-embed__section")
        opened = [sections.nth(i).evaluate("e => e.open") for i in range(sections.count())]
        assert opened and opened[0], key
        assert opened == sorted(opened, reverse=True), f"{key}: open sections come first ({opened})"
        assert not fit_problems(page, key)
        if not all(opened):
            # The next one would not have fitted.
            sections.nth(opened.index(False)).locator("summary").click()
            _, inner = fitted(page, key)
            assert inner > CAP, f"{key}: a section that fits was left closed"
            assert not fit_problems(page, key)
    assert not page.errors, page.errors


LETTER_KEYS = tuple(key for key, w in WIDGETS.items() if w.kind == "letter")


def section_height(content) -> float:
    return content.evaluate("document.documentElement.getBoundingClientRect().height")


def press(page, content, control) -> None:
    """Enter on a control inside the frame. From the keyboard: a click lands by
    position, and on a phone the control may sit low in a frame that scrolls."""
    control.focus()
    control.press("Enter")


@pytest.mark.parametrize("width", [1280, 375])
def test_a_letter_is_sections_that_each_fit_one_open_at_a_time(open_post, width):
    """Its details, then the letter: one open at a time. Details too tall for
    the frame show a page of boxes at a time. Every page, and the letter, is
    at most 1000 px, and Enter on each page's button leads on to the letter."""
    page = open_post("every.html", width)
    for key in LETTER_KEYS:
        content = frame(page, key)
        sections = content.locator("details.ns-embed__section")
        assert sections.count() == 2, key
        details, letter = sections.first, sections.nth(1)
        assert details.evaluate("e => e.open") and not letter.evaluate("e => e.open"), key
        assert "preview changes" not in details.inner_text(), "the preview is out of sight"
        # Boxes that only feed a blocked action (the email app, printing) are not asked for.
        assert content.locator("[data-ns-field='email-to']").is_hidden(), key
        assert content.locator(".ns-letter__addresses").count() == 0 or content.locator(".ns-letter__addresses").is_hidden(), key
        title = details.locator(":scope > summary")
        heading = title.inner_text()
        total = int(re.search(r"page 1 of (\d+)$", heading).group(1)) if "page 1 of" in heading else 1
        seen = set()
        for number in range(1, total + 1):
            if total > 1:
                assert title.inner_text().endswith(f"page {number} of {total}"), key
            fitted(page, key)  # the frame follows the page's new height
            height = section_height(content)
            assert height <= CAP, f"{key}: page {number} of {total} of the details is {height}px at {width}px"
            assert_nothing_cut_off(page, key)
            shown = content.locator(".ns-field__input:visible")
            seen.update(shown.evaluate_all("boxes => boxes.map(b => b.name)"))
            if number < total:
                press(page, content, content.locator("[data-ns=next-page]"))
                on_box = content.evaluate("document.activeElement.matches('.ns-field__input')")
                assert on_box, "Enter on Next goes to the next page's first box"
        wanted = {f.name for f in CONTENT.letters[WIDGETS[key].letter].meta.fields}
        assert wanted <= seen, f"{key}: boxes on no page: {wanted - seen}"
        show = content.locator("[data-ns=show-letter]")
        assert show.inner_text().startswith("Show your "), key
        press(page, content, show)
        for _ in range(100):  # polled from here: the widget's policy forbids a page-side wait
            if letter.evaluate("e => e.open") and not details.evaluate("e => e.open"):
                break
            page.wait_for_timeout(50)
        assert letter.evaluate("e => e.open") and not details.evaluate("e => e.open"), key
        assert content.evaluate("document.activeElement.tagName") == "SUMMARY", key
        fitted(page, key)
        height = section_height(content)
        assert height <= CAP, f"{key}: the letter section is {height}px at {width}px"
        assert_nothing_cut_off(page, key)
    assert not page.errors, page.errors


def test_a_missing_detail_link_opens_the_details_and_the_box(visit):
    content = frame(visit, LETTER.key)
    content.locator("[data-ns=show-letter]").evaluate("button => button.click()")  # in the last part of the details
    content.locator("[data-ns=copy]").click()
    warning = content.locator("[data-ns=warning]")
    assert warning.is_visible()
    first = warning.locator("a").first
    target = first.get_attribute("href")[1:]
    first.click()
    assert content.evaluate("document.activeElement.id") == target
    assert content.locator(f"#{target}").evaluate("box => box.closest('details').open")
    assert not visit.errors, visit.errors


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("how", ["click", "Enter"])
def test_a_step_link_opens_our_page_in_the_same_tab(open_post, server, width, how):
    """wp-embed.js opens a link the frame passes on, on our host, in the top window."""
    page = open_post("post.html", width)
    content = frame(page, "guide")
    assert not fit_problems(page, "guide")
    link = content.locator(".ns-embed-steps__link").first
    assert link.get_attribute("target") is None
    assert "new tab" not in link.inner_text()
    if how == "click":
        link.click()
    else:
        link.focus()
        link.press("Enter")
    step = CONTENT.steps[0]
    page.wait_for_url(server.url(step.url))
    assert page.locator("h1").inner_text() == step.meta.title
    assert len(page.context.pages) == 1, "the same tab"


@pytest.mark.parametrize("how", ["click", "Enter"])
def test_full_page_link_opens_our_page(visit, server, how):
    content = frame(visit, "checklist-interview")
    assert not fit_problems(visit, "checklist-interview")
    link = content.locator(".ns-embed__footer a")
    if how == "click":
        link.click()
    else:
        link.focus()
        link.press("Enter")
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
    fill_every_box(content, {f.name: f.example or "x" for f in LETTER_FIELDS()})
    content.locator("[data-ns=show-letter]").evaluate("button => button.click()")  # the letter is its own section here
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


def fill_every_box(content, values: dict[str, str]) -> None:
    """Types into each box, page after page where the details come in pages."""
    for _ in range(20):
        for name, value in values.items():
            box = content.locator(f"input[data-ns-field='{name}']")
            if box.is_visible():
                box.fill(value)
        following = content.locator("[data-ns=next-page]")
        if not (following.count() and following.is_visible()):
            return
        following.click()


def LETTER_FIELDS():  # reads like the constant it stands for
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
