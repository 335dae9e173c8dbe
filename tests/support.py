"""Shared test machinery: build the real site, serve it, drive real Chromium."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "brands", "data")
# sitecustomize modules that change a build's machine: no network, no Pango.
SITECUSTOM = Path(__file__).resolve().parent / "sitecustom"

# The headless shell first: the same Blink engine without the desktop browser
# around it, as Playwright itself runs headless tests; it needs about a
# quarter less CPU. scripts/install-system-packages.sh --test adds it where
# the release has it.
CHROMIUM_CANDIDATES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
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


def build(site_dir: Path, project: Path = ROOT, config: str = "mkdocs.yml", env: dict[str, str] | None = None, engine: str = "mkdocs") -> BuildResult:
    """Run the real ``mkdocs build --strict`` as a user would (``engine="properdocs"``: the same with ProperDocs)."""
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}  # the build dates itself by the content
    full_env.update({**TEST_ENV, **(env or {})})
    proc = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", config, "-d", str(site_dir)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


# Render in worker processes. The fresh build (conftest.fresh_site) uses this
# on a copy of the project whose cache starts empty, so it renders every PDF
# and Word file afresh; the reproducibility and render-pool tests compare
# their builds with it.
FRESH_ENV = {"NEXTSTEPS_RENDER_WORKERS": "3"}
# Every file rendered afresh (no cache at all), in the build process itself.
SERIAL_FRESH_ENV = {"NEXTSTEPS_NO_CACHE": "1", "NEXTSTEPS_RENDER_WORKERS": "0"}


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, with its bytes: two builds compare as two dicts."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of this whole test run, shared by every pytest-xdist worker."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared(tmp_path_factory, name: str, make: Callable[[Path], BuildResult]) -> BuildResult:
    """Make one build once per test run, however many workers ask: ``make``
    gets an empty folder and builds into its ``site`` folder.

    The first worker to ask builds under a file lock; the others wait for it
    and read the same folder. Tests only read a shared build, never change it.
    """
    from filelock import FileLock

    folder = run_folder(tmp_path_factory) / f"build-{name}"
    record = folder / "result.json"
    with FileLock(str(folder) + ".lock"):
        if record.is_file():
            found = json.loads(record.read_text(encoding="utf-8"))
            return BuildResult(found["returncode"], found["output"], folder / "site")
        folder.mkdir(parents=True, exist_ok=True)
        result = make(folder)
        record.write_text(json.dumps({"returncode": result.returncode, "output": result.output}), encoding="utf-8")
        return result


def shared_build(tmp_path_factory, name: str, project: Path = ROOT, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> BuildResult:
    """Build one configuration of a project once per test run (see ``shared``)."""
    return shared(tmp_path_factory, name, lambda folder: build(folder / "site", project, config=config, env=env))


_last_port_offset = [-1]


def free_port() -> int:
    """A free port on 127.0.0.1 that no other test worker will choose.

    Servers asked for port 0 get one from the system's ephemeral range
    (32768 and up on Linux). Each worker probes its own block below that
    range, so a port found free here is still free when nginx or the preview
    server binds it a moment later.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = 20000 + 200 * (int(worker) if worker.isdigit() else 0)
    # Each call starts after the last port handed out, so two servers asked
    # for at once (nginx's HTTPS and HTTP ports) never get the same one.
    for step in range(200):
        port = start + (_last_port_offset[0] + 1 + step) % 200
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            _last_port_offset[0] = port - start
            return port
    raise RuntimeError(f"no free port in {start}-{start + 199}")


def copy_project(dest: Path, *, shared_cache: bool = True) -> Path:
    """A throwaway copy of the project, for tests that break its content on purpose.

    The copy uses the project's own cache of PDF and Word files (``.cache/``):
    entries are named by a hash of everything that shapes their bytes and are
    written atomically, so copies and workers can share them, and a copy does
    not render every file again. ``shared_cache=False`` gives it an empty one.
    """
    dest.mkdir(parents=True, exist_ok=True)
    if shared_cache:
        (ROOT / ".cache").mkdir(exist_ok=True)
        (dest / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
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

    rules: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = []
    prefix: str = "/"
    slow: ClassVar[dict[str, float]] = {}  # path -> seconds to wait before answering, as a slow network does

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

    def log_message(self, format, *args):  # quiet test output
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


class _QuietHTTPServer(ThreadingHTTPServer):
    """A browser that moves on drops the requests it no longer needs: not worth a traceback."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    """A static server for a folder on 127.0.0.1 (or another loopback host)."""

    def __init__(self, directory: Path, host: str = "127.0.0.1", headers: bool = True, prefix: str = "/", rules=None, slow: dict[str, float] | None = None):
        if rules is None:
            rules = parse_headers_file(directory / "_headers") if headers else []
        handler = type("Handler", (SiteHandler,), {"rules": rules, "prefix": prefix, "slow": slow or {}})
        self.httpd = _QuietHTTPServer((host, 0), functools.partial(handler, directory=str(directory)))
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def __enter__(self) -> Server:
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
    from nextsteps.content import load_content
    from nextsteps.problems import ContentError

    with pytest.raises(ContentError) as caught:
        load_content(docs)
    return str(caught.value)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NO_NGINX = (
    "nginx was not found, so the hosting example cannot be checked. "
    "Install it with 'scripts/install-system-packages.sh --test' (it installs nginx-light or nginx)."
)


def self_signed_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A throwaway certificate and key for ``name``, made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


@dataclass
class Nginx:
    """A running nginx: the HTTPS server (plain HTTP unless ``tls``) and the HTTP one that redirects."""

    origin: str
    http_origin: str
    work: Path


@contextlib.contextmanager
def nginx_example(server_block: str, root: Path, work: Path, *, tls: bool = False, main_log_level: str = "error"):
    """A real nginx running the generated example from ``root`` on loopback ports.

    With ``tls`` the main server speaks HTTPS with a self-signed certificate;
    without it, plain HTTP on its port, so Chromium needs no certificate.
    Fails with a clear message when nginx is not installed.
    """
    import pytest

    if shutil.which("nginx") is None:
        pytest.fail(NO_NGINX, pytrace=False)
    named = re.search(r"server_name (\S+);", server_block)
    name = named.group(1) if named else "localhost"
    cert, key = self_signed_certificate(work, name)
    port, http_port = free_port(), free_port()
    block = re.sub(r"ssl_certificate (\S+);", f"ssl_certificate {cert};", server_block)
    block = re.sub(r"ssl_certificate_key (\S+);", f"ssl_certificate_key {key};", block)
    block = (
        block.replace("/var/www/nextsteps", str(root))
        .replace("listen 443 ssl;", f"listen 127.0.0.1:{port}{' ssl' if tls else ''};")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    )
    conf = work / "nginx.conf"
    conf.write_text(
        f"daemon off;\nmaster_process off;\npid {work}/nginx.pid;\nerror_log {work}/error.log {main_log_level};\n"
        f"events {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n"
        + "".join(f"{kind}_temp_path {work}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"{block}}}\n",
        encoding="utf-8",
    )
    check = subprocess.run(["nginx", "-t", "-c", str(conf), "-p", str(work)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)], stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield Nginx(f"{'https' if tls else 'http'}://127.0.0.1:{port}", f"http://127.0.0.1:{http_port}", work)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def nginx(server_block: str, root: Path, work: Path):
    """The generated nginx example over plain HTTP on a free port; yields its origin."""
    with nginx_example(server_block, root, work) as running:
        yield running.origin


def old_site(site: Path, folder: Path) -> Path:
    """A site built earlier and still in place, for a test of a build that must
    keep it: a copy of the run's shared build (the ``site`` fixture), so the
    test does not first build the whole site again."""
    shutil.copytree(site, folder, symlinks=True)
    return folder


def content_slugs(content) -> set[str]:
    """Every name a guide's content (``nextsteps.content.Content``) gives a page: its steps, letters and journeys."""
    return {step.slug for step in content.steps} | set(content.letters) | set(content.journeys)
