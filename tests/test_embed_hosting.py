"""The widgets where recruiters really put them, in real Chromium.

- a site published under a path (``site_url`` with ``/next-steps/``), served
  both with its ``_headers`` file and with the generated nginx example;
- loader failures: a frame that never reports, a refused frame;
- hostile or strict host pages: a clobbered ``document.currentScript``, and a
  nonce with ``'strict-dynamic'`` and ``style-src 'self'``;
- the oEmbed discovery link, which must cost the reader no extra request.

Host pages are served on ``localhost``, the site on ``127.0.0.1``: two origins.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import gates
import pytest
from nextsteps.content import load_guide, page_url
from nextsteps.embed import iframe_snippet, loader_snippet, widgets
from nextsteps.embed.outputs import csp_examples
from nextsteps.hosting import SITE_POLICY
from support import Server, nginx

pytestmark = pytest.mark.browser

from support import ROOT  # noqa: E402

CONTENT = load_guide(ROOT / "mkdocs.yml")  # the content with the guide's own words
WIDGETS = {w.key: w for w in widgets(CONTENT)}
LETTER_KEY = next(key for key, w in WIDGETS.items() if w.kind == "letter")
BARE = ("guide", "checklist", "checklist-interview", LETTER_KEY)  # one widget of each kind, and a stage's checklist
SUB_URL = "https://careers.example.com/next-steps/"
SUB = "/next-steps/"
SITE_URL = "https://nextsteps.example.org/"
NONCE = "r4nd0mN0nce"


def page_html(body: str, head: str = "") -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An agency</title>'
        f'<link rel="icon" href="data:,">{head}</head>\n<body><main><h1>Jobs</h1>\n{body}\n</main></body></html>\n'
    )


@pytest.fixture(scope="module")
def sub_site(example_site) -> Path:
    """The example brand, whose site_url has a path."""
    return example_site


def watch(context):
    page = context.new_page()
    page.set_viewport_size({"width": 900, "height": 900})
    page.requests, page.errors, page.csp = [], [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.csp.append(m.text) if "Content Security Policy" in m.text else None)
    return page


def strays(page, *origins: str) -> list[str]:
    allowed = {urlsplit(o).netloc for o in origins}
    return [u for u in page.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc not in allowed]


def every_widget_frames(context, site_origin: str, tmp_path: Path) -> None:
    """Each widget, from the loader snippet, loads and reports from another origin."""
    snippets = [
        f'<div id="box-{key}">{loader_snippet(w, SUB_URL).replace(SUB_URL, site_origin + SUB)}</div>'
        for key, w in WIDGETS.items()
    ]
    fetch = '<p id="fetched"></p><script src="fetch.js"></script>'
    (tmp_path / "fetch.js").write_text(
        f'fetch("{site_origin}{SUB}api/checklist.json").then(r => r.json())'
        '.then(d => { document.getElementById("fetched").textContent = d.items.length; })'
        '.catch(e => { document.getElementById("fetched").textContent = "failed"; });\n',
        encoding="utf-8",
    )
    (tmp_path / "host.html").write_text(page_html("\n".join(snippets) + fetch), encoding="utf-8")
    with Server(tmp_path, host="localhost") as host:
        page = watch(context)
        page.goto(host.url("host.html"))
        # A recruiter's own script reads the JSON feed from the other origin.
        page.wait_for_function("document.getElementById('fetched').textContent !== ''")
        assert page.locator("#fetched").inner_text() == str(len(CONTENT.every_item()))
        for key in WIDGETS:
            page.locator(f"#box-{key} iframe").scroll_into_view_if_needed()
            page.wait_for_function(f"document.querySelector('#box-{key} [data-nextsteps-embed]').dataset.nextstepsState === 'ready'")
        assert not page.errors and not page.csp, (page.errors, page.csp)
        assert not strays(page, site_origin, host.origin)


def not_found_works(context, site_origin: str) -> None:
    """A missing page under the path gets the site's own 404 page, styled, with links that work."""
    page = watch(context)
    statuses: dict[str, int] = {}
    page.on("response", lambda r: statuses.__setitem__(r.url, r.status))
    response = page.goto(f"{site_origin}{SUB}no-such-page/")
    page.wait_for_load_state("load")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    loaded = {url: status for url, status in statuses.items() if "no-such-page" not in url}
    assert any(url.endswith(".css") for url in loaded) and any(url.endswith(".js") for url in loaded), loaded
    for url, status in loaded.items():
        assert url.startswith(site_origin + SUB) and status == 200, f"the 404 page asks for {url}: {status}"
    # The theme's stylesheet applies: Material's header sticks to the top.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator("main a", has_text="go to the start of the guide").click()
    page.wait_for_url(f"{site_origin}{SUB}")
    assert not page.csp, page.csp


def test_sub_path_site_has_no_broken_link(sub_site):
    assert not gates.broken_links(sub_site, SUB)


def test_sub_path_site_gives_every_address_with_its_path(sub_site):
    """Canonical links, the sitemap, the feeds, oEmbed and the snippets all name site_url's path."""
    host = SUB_URL[: SUB_URL.index(SUB) + 1]
    brand_url = host  # the recruiter's own website: outside the guide, on purpose
    found, outside = 0, []
    for path in sorted(sub_site.rglob("*")):
        if path.suffix not in {".html", ".json", ".xml", ".txt", ".js", ".css", ".example"}:
            continue
        for url in re.findall(re.escape(host) + r"[^\s\"'<>)\\]*", path.read_text(encoding="utf-8")):
            found += 1
            if url != brand_url and not url.startswith(SUB_URL):
                outside.append(f"{path.relative_to(sub_site)}: {url}")
    assert found > 100 and not outside, outside[:20]
    assert f'"checklist": "{SUB_URL}checklist/interview/"' in (sub_site / "api/checklist.json").read_text(encoding="utf-8")
    assert f"<loc>{SUB_URL}</loc>" in (sub_site / "sitemap.xml").read_text(encoding="utf-8")


def test_sub_path_site_with_headers_file(sub_site, context, tmp_path):
    headers = (sub_site / "_headers").read_text(encoding="utf-8")
    assert f"\n{SUB}embed/guide/*\n" in headers and "\n/embed/" not in headers
    with Server(sub_site, prefix=SUB) as site:
        every_widget_frames(context, site.origin, tmp_path)
        not_found_works(context, site.origin)


def test_sub_path_site_with_the_nginx_example(sub_site, context, tmp_path):
    conf = (sub_site / "hosting/nginx.conf.example").read_text(encoding="utf-8")
    assert f"error_page 404 {SUB}404.html;" in conf and f"location ^~ {SUB}embed/ {{" in conf
    root = tmp_path / "www"
    root.mkdir()
    shutil.copytree(sub_site, root / SUB.strip("/"))
    work = tmp_path / "nginx"
    work.mkdir()
    host_folder = tmp_path / "host"
    host_folder.mkdir()
    with nginx(conf, root, work) as origin:
        every_widget_frames(context, origin, host_folder)
        not_found_works(context, origin)


# The loader -------------------------------------------------------------------


@pytest.fixture(scope="module")
def refusing(site) -> Iterator[Server]:
    """The same site behind headers that let no other website frame anything."""
    with Server(site, rules=[("/*", [("Content-Security-Policy", SITE_POLICY)])]) as srv:
        yield srv


@pytest.fixture(scope="module")
def hosts(tmp_path_factory, server, refusing) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("hosts")
    guide, checklist = WIDGETS["guide"], WIDGETS["checklist-interview"]

    def loader(widget, box: str, origin: str = server.origin, **attrs) -> str:
        snippet = loader_snippet(widget, SITE_URL).replace(SITE_URL, origin + "/")
        for name, value in attrs.items():
            snippet = snippet.replace("<div ", f'<div {name}="{value}" ', 1)
        return f'<div id="{box}">{snippet}</div>'

    pages = {
        "unknown-letter.html": loader(guide, "letter-box").replace('data-nextsteps-embed="guide"', 'data-nextsteps-embed="letter" data-letter="no-such-letter"'),
        "refused.html": loader(guide, "refused-box", origin=refusing.origin),
        # A host that kept the elements but not the links inside them: one widget of each kind.
        "no-link.html": "\n".join(
            re.sub(r"<a [^>]*>[^<]*</a>", "", loader(WIDGETS[key], f"bare-{key}", origin=refusing.origin)) for key in BARE
        ),
        # Markup alone shadows document.currentScript, createElement and querySelectorAll.
        "clobbered.html": '<img name="currentScript" src="data:," alt=""><img name="createElement" src="data:," alt="">'
        '<form name="querySelectorAll"></form>\n' + loader(guide, "guide-box"),
        "strict.html": loader(checklist, "checklist-box").replace("<script async", f'<script nonce="{NONCE}" async')
        + f'\n<div id="plain-box">{iframe_snippet(guide, SITE_URL).replace(SITE_URL, server.origin + "/")}</div>',
        "allowlist.html": loader(checklist, "checklist-box")
        + f'\n<div id="plain-box">{iframe_snippet(guide, SITE_URL).replace(SITE_URL, server.origin + "/")}</div>',
    }
    for name, body in pages.items():
        (folder / name).write_text(page_html(body), encoding="utf-8")
    # The policies /embed/ and the README tell hosts to send, for this test's
    # site address, under a default-src that blocks everything else.
    documented = csp_examples(server.origin + "/")
    assert documented["nonce_tag"].startswith(f'<script async src="{server.origin}/embed.js" nonce="RANDOM"')
    policy = {name: "default-src 'self'; img-src data:; " + documented[name].split(": ", 1)[1].replace("RANDOM", NONCE) for name in ("nonce", "allowlist")}
    (folder / "_headers").write_text(
        f"/strict.html\n  Content-Security-Policy: {policy['nonce']}\n/allowlist.html\n  Content-Security-Policy: {policy['allowlist']}\n",
        encoding="utf-8",
    )
    with Server(folder, host="localhost") as srv:
        yield srv


def failed_with_link(page, box: str) -> None:
    element = page.locator(f"#{box} [data-nextsteps-embed]")
    page.wait_for_function(f"document.querySelector('#{box} [data-nextsteps-embed]').dataset.nextstepsState === 'failed'", timeout=30000)
    assert element.locator("iframe").count() == 0
    assert "could not be shown here" in element.locator(".nextsteps-notice").inner_text()
    link = element.locator("a")
    assert link.is_visible() and link.get_attribute("href").endswith("/")


def test_a_widget_that_never_reports_gives_the_link_back(context, hosts, server):
    page = watch(context)
    page.goto(hosts.url("unknown-letter.html"))
    page.evaluate("document.addEventListener('nextsteps:failed', e => { window.__failed = e.detail; })")
    failed_with_link(page, "letter-box")
    assert page.evaluate("window.__failed") == {"widget": "letter"}
    assert not strays(page, server.origin, hosts.origin)


def test_a_refused_frame_gives_the_link_back(context, hosts, server, refusing):
    page = watch(context)
    page.goto(hosts.url("refused.html"))
    failed_with_link(page, "refused-box")
    assert not strays(page, refusing.origin, hosts.origin)


def test_a_failed_widget_with_no_link_gets_one_to_its_full_page(context, hosts, refusing):
    """The loader opens each kind's frame and links its full page at the addresses the build wrote into it."""
    page = watch(context)
    page.goto(hosts.url("no-link.html"))
    page.wait_for_function(f"document.querySelectorAll('iframe').length === {len(BARE)}")
    for key in BARE:
        src = page.locator(f"#bare-{key} iframe").get_attribute("src")
        assert src.split("#", 1)[0] == f"{refusing.origin}/{WIDGETS[key].path}", key
    for key in BARE:
        failed_with_link(page, f"bare-{key}")
        link = page.locator(f"#bare-{key} a")
        assert link.count() == 1
        assert link.get_attribute("href") == f"{refusing.origin}/{page_url(WIDGETS[key].page)}", key
        assert link.inner_text() == "Next Steps", "named as the frame was: the host gave no words"
    assert not strays(page, refusing.origin, hosts.origin)


def test_clobbered_globals_do_not_mislead_the_loader(context, hosts, server):
    page = watch(context)
    page.goto(hosts.url("clobbered.html"))
    assert page.evaluate("document.currentScript instanceof HTMLImageElement"), "the page must really clobber it"
    page.wait_for_function("document.querySelector('#guide-box [data-nextsteps-embed]').dataset.nextstepsState === 'ready'")
    assert page.locator("#guide-box iframe").get_attribute("src").startswith(f"{server.origin}/embed/guide/#")
    assert not page.errors, page.errors
    assert not strays(page, server.origin, hosts.origin)


@pytest.mark.parametrize("host_page", ["strict.html", "allowlist.html"])
def test_strict_host_policy_with_nonce_and_strict_dynamic(context, hosts, server, host_page):
    """The documented host policies, a nonce with 'strict-dynamic' and an allowlist, both with style-src 'self'."""
    page = watch(context)
    page.goto(hosts.url(host_page))
    # Polled from here: this host's policy forbids the string evaluation a page-side wait uses.
    page.locator("#checklist-box [data-nextsteps-embed][data-nextsteps-state='ready']").wait_for(state="attached")
    frame = page.locator("#checklist-box iframe")
    assert frame.evaluate("e => getComputedStyle(e).borderTopWidth") == "0px"
    plain = page.locator("#plain-box iframe")
    plain.scroll_into_view_if_needed()  # a lazy frame out of sight never loads
    plain.element_handle().content_frame().locator("h1").wait_for()
    # The plain frame has no border without any style attribute.
    assert plain.evaluate("e => getComputedStyle(e).borderTopWidth") == "0px"
    assert not page.csp, page.csp
    assert not page.errors, page.errors
    assert not strays(page, server.origin, hosts.origin)


# oEmbed discovery -------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "checklist/", "letters/feedback-after-interview/"])
def test_oembed_link_costs_no_request(context, server, site, path):
    html = (site / path / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/json+oembed"' in html
    page = watch(context)
    page.goto(server.url(path))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert not [u for u in page.requests if "sitemap" in u or "/oembed/" in u], page.requests
    assert not strays(page, server.origin)
