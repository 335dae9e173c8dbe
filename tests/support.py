"""Shared test machinery: build the real site, serve it, drive real Chromium."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "brands", "data")
# sitecustomize modules that change a build's machine: no network, no Pango.
SITECUSTOM = Path(__file__).resolve().parent / "sitecustom"

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# The browser's time zone and language are the tests', not the machine's.
CHROMIUM_ENV = {"TZ": "Europe/London", "LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB"}
CHROMIUM_ARGS = [
    "--lang=en-GB",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


# Every build in the tests: no MkDocs 2 notice, and the example address in
# mkdocs.yml is fine because nothing built here is published.
TEST_ENV = {"NO_MKDOCS_2_WARNING": "1", "NEXTSTEPS_LOCAL": "1"}


def plain_text(text: str) -> str:
    """Text as a reader sees it: ligatures (U+FB01 'fi') and other compatibility
    forms spelled out (NFKC), and runs of white space made single spaces.

    Which fonts and which Chromium a machine has decides whether a PDF stores
    'fix' or 'ﬁx', so every comparison of PDF text goes through this.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_page_texts(pdf: bytes) -> list[str]:
    """The plain text of each page of a PDF."""
    import io

    import pypdf

    return [plain_text(page.extract_text() or "") for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def build(site_dir: Path, project: Path = ROOT, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> BuildResult:
    """Run the real ``mkdocs build --strict`` as a user would."""
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}  # the build dates itself by the content
    full_env.update({**TEST_ENV, **(env or {})})
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project, for tests that break its content on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def journeys(docs: Path = ROOT / "docs") -> tuple[str, ...]:
    """The journeys a guide's stage pages declare, in its order, read as the build reads them."""
    from nextsteps.content import load_content

    return load_content(docs).journeys


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


NO_CHROMIUM = (
    "Chromium was not found, so the browser tests cannot run. "
    "Install it with 'apt-get install -y chromium' (Debian/Ubuntu), "
    "or set CHROMIUM_PATH to a Chromium or Chrome binary."
)


def parse_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Read a Netlify/Cloudflare ``_headers`` file: path patterns with headers."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _matches(pattern: str, path: str) -> bool:
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site the way a static host does, ``_headers`` included.

    With a ``prefix`` such as ``/next-steps/`` the site answers under that
    path only, as a site published with a path in ``site_url`` does.
    """

    rules: list[tuple[str, list[tuple[str, str]]]] = []
    prefix: str = "/"
    slow: dict[str, float] = {}  # path -> seconds to wait before answering, as a slow network does

    def do_GET(self):
        delay = self.slow.get(self.path.split("?", 1)[0].split("#", 1)[0])
        if delay:
            time.sleep(delay)
        super().do_GET()

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "_outside_the_site_")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format, *args):  # noqa: A002 - quiet test output
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        applied: dict[str, str] = {}
        for pattern, headers in self.rules:
            if _matches(pattern, path):
                for name, value in headers:
                    applied[name] = value
        for name, value in applied.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class Server:
    """A static server for a folder on 127.0.0.1 (or another loopback host)."""

    def __init__(self, directory: Path, host: str = "127.0.0.1", headers: bool = True, prefix: str = "/", rules=None, slow: dict[str, float] | None = None):
        if rules is None:
            rules = parse_headers_file(directory / "_headers") if headers else []
        handler = type("Handler", (SiteHandler,), {"rules": rules, "prefix": prefix, "slow": slow or {}})
        self.httpd = ThreadingHTTPServer((host, 0), functools.partial(handler, directory=str(directory)))
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def html_pages(site: Path) -> list[str]:
    """Every built HTML page as a site path ('' for the start page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            pages.append("404.html")
        elif rel.endswith("index.html"):
            pages.append(rel[: -len("index.html")])
    return pages


def problems_for(docs: Path) -> str:
    """The error message the content model gives for a broken docs folder."""
    import pytest

    from nextsteps.content import ContentError, load_content

    with pytest.raises(ContentError) as caught:
        load_content(docs)
    return str(caught.value)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@contextlib.contextmanager
def nginx(server_block: str, root: Path, work: Path):
    """A real nginx serving an example server block from ``root``, on a free port.

    Yields the origin (``http://127.0.0.1:PORT``).
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    block = (
        server_block.replace("/var/log/nginx/nextsteps-error.log", f"{work}/site-error.log")
        .replace("/var/www/nextsteps", str(root))
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
    )
    conf = work / "nginx.conf"
    conf.write_text(
        f"daemon off;\nmaster_process off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        f"events {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n"
        + "".join(f"{kind}_temp_path {work}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"{block}}}\n",
        encoding="utf-8",
    )
    check = subprocess.run(["nginx", "-t", "-c", str(conf), "-p", str(work)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)], stderr=subprocess.PIPE)
    origin = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield origin
    finally:
        proc.terminate()
        proc.wait(timeout=10)
