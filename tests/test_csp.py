"""The hosting headers: a strict Content-Security-Policy the whole site works under.

The ``server`` fixture serves the built ``_headers`` file the way Netlify and
Cloudflare Pages do, so every browser test here runs under the real policy.
"""

from __future__ import annotations

import http.client
import re
import ssl
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from nextsteps.hosting import EMBED_POLICY, SHARED_HEADERS, SITE_POLICY, nginx_conf
from support import _matches, nginx, nginx_example, parse_headers_file

CSP = "Content-Security-Policy"
SITE_URL = "https://nextsteps.example.org/"

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""

# One page of each kind, with what must work on it.
PAGES = [
    "",
    "steps/ask-for-feedback/",
    "stages/interview/",
    "checklist/",
    "letters/feedback-after-interview/",
    "embed/",
    "embed/guide/",
    "embed/checklist/interview/",
    "embed/letters/feedback-after-interview/",
    "privacy/",
    "404.html",
]


class _InlineCode(HTMLParser):
    """Finds what a CSP without 'unsafe-inline' would block."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._script: dict[str, str] | None = None
        self._code = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for name in a:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
        if "style" in a:
            self.problems.append(f"<{tag} style=...> attribute")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "a" and a.get("href", "").lower().startswith("javascript:"):
            self.problems.append("javascript: link")
        if tag == "script":
            self._script, self._code = a, ""

    def handle_data(self, data):
        if self._script is not None:
            self._code += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            data_only = self._script.get("type", "") in ("application/json", "application/ld+json")
            if "src" not in self._script and not data_only and self._code.strip():
                self.problems.append(f"inline script: {self._code.strip()[:60]!r}")
            if "src" in self._script and self._code.strip():
                self.problems.append("code inside a <script src>")
            self._script = None


def test_no_page_needs_unsafe_inline(site):
    problems = {}
    for html in sorted(site.rglob("*.html")):
        parser = _InlineCode()
        parser.feed(html.read_text(encoding="utf-8"))
        if parser.problems:
            problems[html.relative_to(site).as_posix()] = sorted(set(parser.problems))
    assert not problems, problems


def csp_rules(site: Path) -> list[tuple[str, str]]:
    return [(pattern, value) for pattern, headers in parse_headers_file(site / "_headers") for name, value in headers if name == CSP]


def site_paths(site: Path) -> list[str]:
    """Every address the site answers: each file, and each folder with an index page."""
    paths = ["/"]
    for path in sorted(site.rglob("*")):
        rel = "/" + path.relative_to(site).as_posix()
        if path.is_file() and not path.name.startswith("_"):
            paths.append(rel)
            if path.name == "index.html":
                paths.append(rel[: -len("index.html")])
    return paths


def test_only_the_public_json_is_open_to_other_origins(site):
    rules = parse_headers_file(site / "_headers")
    open_to_all = sorted(pattern for pattern, headers in rules if ("Access-Control-Allow-Origin", "*") in headers)
    assert open_to_all == ["/api/*", "/oembed/*"]


def test_every_address_gets_exactly_one_policy(site):
    """Hosts disagree on overlapping rules (Netlify replaces, Cloudflare joins), so none may overlap."""
    rules = csp_rules(site)
    for path in site_paths(site):
        found = [value for pattern, value in rules if _matches(pattern, path)]
        assert len(found) == 1, (path, found)
        widget = re.match(r"^/embed/[^/]+/", path) is not None
        assert found[0] == (EMBED_POLICY if widget else SITE_POLICY), path


def test_policy_is_strict():
    for policy in (SITE_POLICY, EMBED_POLICY):
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "script-src" not in directives and "style-src" not in directives  # both fall back to 'self'
        assert directives["object-src"] == "'none'"
    assert "frame-ancestors 'self'" in SITE_POLICY and "frame-ancestors *" in EMBED_POLICY


@pytest.mark.parametrize(
    ("path", "policy"),
    [
        ("", SITE_POLICY),
        ("steps/ask-for-feedback/", SITE_POLICY),
        ("embed/", SITE_POLICY),
        ("embed/index.html", SITE_POLICY),
        ("embed/guide/", EMBED_POLICY),
        ("embed/checklist/interview/", EMBED_POLICY),
        ("embed/letters/feedback-after-interview/", EMBED_POLICY),
        ("embed.js", SITE_POLICY),
    ],
)
def test_served_headers(server, path, policy):
    with urllib.request.urlopen(server.url(path)) as response:
        assert response.headers[CSP] == policy
        for name, value in SHARED_HEADERS:
            assert response.headers[name] == value


def _nginx_locations(conf: str) -> dict[str, dict[str, str]]:
    locations = {}
    # A location ends at the closing brace indented as far as it is (${uri} holds braces too).
    for match in re.finditer(r"^([ \t]*)location\s+([^{\n]+?)\s*\{(.*?)^\1\}", conf, re.S | re.M):
        headers = dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', match.group(3)))
        if not match.group(2).startswith("@"):  # a named location is reached from try_files only
            locations[match.group(2)] = headers
    return locations


def test_nginx_example_sends_the_same_headers(site):
    conf = (site / "hosting/nginx.conf.example").read_text(encoding="utf-8")
    assert conf == nginx_conf("https://nextsteps.example.org/")
    assert "server_name nextsteps.example.org;" in conf
    locations = _nginx_locations(conf)
    expected = {"/": SITE_POLICY, "^~ /embed/": EMBED_POLICY, "= /embed/": SITE_POLICY, "= /embed/index.html": SITE_POLICY,
                "^~ /api/": SITE_POLICY, "^~ /oembed/": SITE_POLICY}
    assert {k: v[CSP] for k, v in locations.items()} == expected
    # The public JSON may be read from other websites; nothing else may.
    assert {k for k, v in locations.items() if v.get("Access-Control-Allow-Origin") == "*"} == {"^~ /api/", "^~ /oembed/"}
    # No record of visitors (the privacy page promises it).
    assert "access_log off;" in conf and "log_not_found off;" in conf
    for name, value in SHARED_HEADERS:
        # nginx drops inherited add_header lines in a location with its own, so each lists all.
        assert all(headers.get(name) == value for headers in locations.values()), name


def test_nginx_serves_the_example_with_the_same_headers(site, tmp_path):
    """Runs a real nginx with the example server block over the built site."""
    with nginx((site / "hosting/nginx.conf.example").read_text(encoding="utf-8"), site, tmp_path) as base:
        cases = {"/": SITE_POLICY, "/steps/ask-for-feedback/": SITE_POLICY, "/embed/": SITE_POLICY, "/embed/index.html": SITE_POLICY,
                 "/embed/guide/": EMBED_POLICY, "/embed/letters/feedback-after-interview/": EMBED_POLICY, "/no-such-page/": SITE_POLICY}
        for path, policy in cases.items():
            try:
                response = urllib.request.urlopen(base + path)
            except urllib.error.HTTPError as error:  # the 404 page carries the headers too
                assert error.code == 404 and path == "/no-such-page/"
                response = error
            assert response.headers[CSP] == policy, path
            for name, value in SHARED_HEADERS:
                assert response.headers[name] == value, (path, name)
            assert response.headers["Access-Control-Allow-Origin"] is None, path
        with urllib.request.urlopen(base + "/api/checklist.json") as response:
            assert response.headers["Access-Control-Allow-Origin"] == "*"


FORGED = "evil.example"


def _ask(origin: str, target: str, host: str = FORGED) -> http.client.HTTPResponse:
    """One raw request: any Host header, any target, and no redirect followed."""
    parts = urlsplit(origin)
    if parts.scheme == "https":
        # The certificate is a throwaway one made for this test.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, parts.port, context=context, timeout=10
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _secured(response: http.client.HTTPResponse, what: str, policy: str = SITE_POLICY) -> None:
    assert response.getheader(CSP) == policy, what
    for name, value in SHARED_HEADERS:
        assert response.getheader(name) == value, (what, name)
    assert response.getheader("Server") == "nginx", f"{what}: the Server header names a version"


def test_nginx_example_over_https_earns_its_grade(site, tmp_path):
    """The example as it is published: HTTPS with a self-signed certificate on loopback.

    What MDN HTTP Observatory grades (README: "Hosting headers"): HTTP moves to
    HTTPS, HSTS of at least six months, the policy on every answer, errors
    included. Also: no forged Host echoed, no nginx version, no 403 for a
    folder, and no visitor's address in any log.
    """
    example = (site / "hosting/nginx.conf.example").read_text(encoding="utf-8")
    with nginx_example(example, site, tmp_path, tls=True, main_log_level="info") as running:
        moved = _ask(running.http_origin, "/steps/ask-for-feedback/?from=mail")
        assert moved.status == 301
        assert moved.getheader("Location") == "https://nextsteps.example.org/steps/ask-for-feedback/?from=mail"
        assert moved.getheader("Server") == "nginx"

        home = _ask(running.origin, "/", host="nextsteps.example.org")
        assert home.status == 200
        _secured(home, "/")
        max_age = int(re.fullmatch(r"max-age=(\d+)", home.getheader("Strict-Transport-Security")).group(1))
        assert max_age >= 15768000, "MDN HTTP Observatory takes points off under six months"
        _secured(_ask(running.origin, "/embed/guide/"), "a widget", EMBED_POLICY)

        # A folder without its slash moves to it, on this site, whatever Host was sent.
        folder = _ask(running.origin, "/privacy?x=1")
        assert (folder.status, folder.getheader("Location")) == (301, "/privacy/?x=1")
        _secured(folder, "a folder's redirect")
        # Folders with no page are missing pages, not forbidden ones.
        for path in ("/assets/", "/assets", "/embed/assets/", "/no-such-page/"):
            answer = _ask(running.origin, path)
            assert answer.status == 404, path
            _secured(answer, path)

        bad = _ask(running.origin, "/", host="two words")
        assert bad.status == 400
        _secured(bad, "a 400")
        long = _ask(running.origin, "/" + "a" * 20000)
        assert long.status == 414
        _secured(long, "a 414")

    logs = {path.name: path.read_text(encoding="utf-8", errors="replace") for path in tmp_path.rglob("*.log")}
    assert logs, "nginx wrote no log at all, so this test proves nothing"
    for name, text in logs.items():
        assert "127.0.0.1" not in text, f"{name} names a visitor's address: {text[-500:]}"


@pytest.fixture
def watched(context):
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_csp = []
    page.on("console", lambda m: page.console_csp.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    assert not page.console_csp, page.console_csp


def violations(page) -> list[str]:
    return page.evaluate("window.__violations || []") + page.console_csp


@pytest.mark.browser
def test_every_kind_of_page_runs_without_a_violation(server, watched):
    seen = {}
    for path in PAGES:
        watched.goto(server.url(path))
        watched.wait_for_load_state("load")
        watched.wait_for_timeout(200)
        if violations(watched):
            seen[path or "/"] = violations(watched)
            watched.console_csp.clear()
    assert not seen, seen


@pytest.mark.browser
def test_search_works_under_the_policy(server, watched):
    watched.set_viewport_size({"width": 1280, "height": 900})
    watched.goto(server.url(""))
    watched.locator("input.md-search__input").click()
    watched.keyboard.type("feedback", delay=30)  # the theme searches on key presses
    results = watched.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 2
    assert not violations(watched)


@pytest.mark.browser
def test_colour_scheme_switch_works_and_is_remembered(server, watched):
    """Runs the theme's helpers that moved from inline scripts into files."""
    watched.goto(server.url(""))
    scheme = lambda: watched.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    watched.locator("form[data-md-component='palette'] label:visible").click()
    after = scheme()
    assert {before, after} == {"default", "slate"}
    watched.goto(server.url("steps/ask-for-feedback/"))
    assert scheme() == after
    assert not violations(watched)


@pytest.mark.browser
def test_ticking_and_letter_filling_work_under_the_policy(server, watched):
    watched.goto(server.url("steps/ask-for-feedback/"))
    box = watched.locator(".ns-checklist input[type='checkbox']").first
    box.check()
    watched.reload()
    assert watched.locator(".ns-checklist input[type='checkbox']").first.is_checked()

    watched.goto(server.url("letters/feedback-after-interview/"))
    watched.locator("input[data-ns-field='company']").fill("Northside Bank")
    assert "Northside Bank" in watched.locator("[data-ns='sheet-body']").inner_text()
    assert not violations(watched)
