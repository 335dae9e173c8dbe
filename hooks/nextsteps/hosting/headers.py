"""The HTTP headers the site needs, written for the hosts people use.

One policy is kept here and turned into two formats: a ``_headers`` file
(Netlify, Cloudflare Pages) and an nginx server block. Both come from the
same constants, so they cannot drift apart.

Why the ``_headers`` rules never overlap: when two rules match one address,
Netlify keeps the later value of a header but Cloudflare Pages joins both
values with a comma. Two joined Content-Security-Policy values are two
policies, and the browser obeys both, so ``frame-ancestors 'self'`` from a
catch-all rule would stop every embed. Each folder of the built site
therefore gets exactly one rule with its own policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

EMBED_DIR = "embed"
HEADERS_FILE = "_headers"
NGINX_EXAMPLE = "hosting/nginx.conf.example"

# Every script is a file on this site; nothing inline, nothing from elsewhere.
_COMMON = (
    ("default-src", "'self'"),
    # Material draws some icons with data: SVG images in its stylesheet.
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
)

SITE_POLICY = "; ".join(f"{k} {v}" for k, v in (*_COMMON, ("form-action", "'self'"), ("frame-ancestors", "'self'")))
"""For the guide itself: only this site may show it in a frame."""

EMBED_POLICY = "; ".join(f"{k} {v}" for k, v in (*_COMMON, ("form-action", "'none'"), ("frame-ancestors", "*")))
"""For the widgets under /embed/: any website may show them in a frame."""

SHARED_HEADERS: tuple[tuple[str, str], ...] = (
    # No page here needs to tell another site where a visitor came from.
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
)


def frameable(path: str) -> bool:
    """Widgets live in sub-folders of /embed/; the recruiters' page at /embed/ itself does not."""
    parts = [p for p in path.split("/") if p]
    in_folder = len(parts) > 2 or (len(parts) == 2 and path.endswith("/"))
    return bool(parts) and parts[0] == EMBED_DIR and in_folder


def policy_for(path: str) -> str:
    return EMBED_POLICY if frameable(path) else SITE_POLICY


def _patterns(site_dir: Path) -> list[str]:
    """One address pattern per top-level entry of the built site, embed widgets one level deeper."""
    patterns: list[str] = ["/"]
    for entry in sorted(site_dir.iterdir()):
        name = entry.name
        if name.startswith(("_", ".")):
            continue  # host settings such as _headers are not served
        if entry.is_dir() and name == EMBED_DIR:
            patterns += [f"/{EMBED_DIR}/"]
            for sub in sorted(entry.iterdir()):
                patterns.append(f"/{EMBED_DIR}/{sub.name}/*" if sub.is_dir() else f"/{EMBED_DIR}/{sub.name}")
        elif entry.is_dir():
            patterns.append(f"/{name}/*")
        else:
            patterns.append(f"/{name}")
    return patterns


def headers_file(site_dir: Path) -> str:
    """The ``_headers`` file for a built site (Netlify and Cloudflare Pages syntax)."""
    lines = [
        "# Security headers for Netlify and Cloudflare Pages, made by the site build.",
        "# Each address matches one Content-Security-Policy rule only: see hosting/headers.py.",
        "/*",
        *(f"  {name}: {value}" for name, value in SHARED_HEADERS),
    ]
    for pattern in _patterns(site_dir):
        lines += ["", pattern, f"  Content-Security-Policy: {policy_for(pattern.rstrip('*'))}"]
    return "\n".join(lines) + "\n"


def _add_headers(policy: str, indent: str) -> Iterable[str]:
    yield f'{indent}add_header Content-Security-Policy "{policy}" always;'
    for name, value in SHARED_HEADERS:
        yield f'{indent}add_header {name} "{value}" always;'


def nginx_conf(site_url: str) -> str:
    """An nginx server block serving the built site with the same headers."""
    server_name = urlsplit(site_url).hostname or "_"
    pad = "    "
    lines = [
        "# Example nginx server block for the built site (copy the site folder to root).",
        "# It sends the same headers as the _headers file. nginx drops inherited",
        "# add_header lines in any location that has its own, so each location",
        "# lists the full set.",
        "server {",
        f"{pad}listen 80;",
        f"{pad}server_name {server_name};",
        f"{pad}root /var/www/nextsteps;",
        f"{pad}index index.html;",
        f"{pad}charset utf-8;",
        f"{pad}error_page 404 /404.html;",
        "",
        f"{pad}location / {{",
        f"{pad}{pad}try_files $uri $uri/ =404;",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        "",
        f"{pad}# Widgets that other websites may show in a frame.",
        f"{pad}location ^~ /{EMBED_DIR}/ {{",
        f"{pad}{pad}try_files $uri $uri/ =404;",
        *_add_headers(EMBED_POLICY, pad * 2),
        f"{pad}}}",
        "",
        f"{pad}# The page for recruiters under /{EMBED_DIR}/ is part of the guide: not frameable.",
        f"{pad}location = /{EMBED_DIR}/ {{",
        f"{pad}{pad}try_files /{EMBED_DIR}/index.html =404;",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        f"{pad}location = /{EMBED_DIR}/index.html {{",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        "}",
    ]
    return "\n".join(lines) + "\n"
