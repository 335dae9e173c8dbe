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

from ..addresses import base_path

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

# Folders of public data that other websites may read with fetch(): the JSON
# feeds and the oEmbed answers. They hold nothing private.
OPEN_DATA_DIRS = ("api", "oembed")
CORS_HEADERS: tuple[tuple[str, str], ...] = (("Access-Control-Allow-Origin", "*"),)


def _site_relative(path: str, base: str) -> str:
    """An address on the server made relative to the site root ('/next-steps/embed/' -> 'embed/')."""
    return path[len(base):] if path.startswith(base) else path.lstrip("/")


def frameable(path: str, base: str = "/") -> bool:
    """Widgets live in sub-folders of /embed/; the recruiters' page at /embed/ itself does not."""
    rel = _site_relative(path, base)
    parts = [p for p in rel.split("/") if p]
    in_folder = len(parts) > 2 or (len(parts) == 2 and rel.endswith("/"))
    return bool(parts) and parts[0] == EMBED_DIR and in_folder


def open_data(path: str, base: str = "/") -> bool:
    parts = [p for p in _site_relative(path, base).split("/") if p]
    return bool(parts) and parts[0] in OPEN_DATA_DIRS and (len(parts) > 1 or path.endswith("/"))


def policy_for(path: str, base: str = "/") -> str:
    return EMBED_POLICY if frameable(path, base) else SITE_POLICY


def _patterns(site_dir: Path, base: str) -> list[str]:
    """One address pattern per top-level entry of the built site, embed widgets one level deeper."""
    patterns: list[str] = [base]
    for entry in sorted(site_dir.iterdir()):
        name = entry.name
        if name.startswith(("_", ".")):
            continue  # host settings such as _headers are not served
        if entry.is_dir() and name == EMBED_DIR:
            patterns += [f"{base}{EMBED_DIR}/"]
            for sub in sorted(entry.iterdir()):
                patterns.append(f"{base}{EMBED_DIR}/{sub.name}/*" if sub.is_dir() else f"{base}{EMBED_DIR}/{sub.name}")
        elif entry.is_dir():
            patterns.append(f"{base}{name}/*")
        else:
            patterns.append(f"{base}{name}")
    return patterns


def headers_file(site_dir: Path, site_url: str | None = None) -> str:
    """The ``_headers`` file for a built site (Netlify and Cloudflare Pages syntax).

    With a path in ``site_url`` every rule starts with that path, because the
    host serves the site under it.
    """
    base = base_path(site_url)
    lines = [
        "# Security headers for Netlify and Cloudflare Pages, made by the site build.",
        "# Each address matches one Content-Security-Policy rule only: see hosting/headers.py.",
    ]
    if base != "/":
        lines.append(f"# The site lives under {base}: publish this file at the root of the host, above that folder.")
        lines.append("# Copy 404.html there too: Netlify and Cloudflare Pages look for it at the root.")
    lines += [f"{base}*", *(f"  {name}: {value}" for name, value in SHARED_HEADERS)]
    for pattern in _patterns(site_dir, base):
        path = pattern.rstrip("*")
        lines += ["", pattern, f"  Content-Security-Policy: {policy_for(path, base)}"]
        if open_data(path, base):
            lines += [f"  {name}: {value}" for name, value in CORS_HEADERS]
    return "\n".join(lines) + "\n"


def _add_headers(policy: str, indent: str, extra: tuple[tuple[str, str], ...] = ()) -> Iterable[str]:
    yield f'{indent}add_header Content-Security-Policy "{policy}" always;'
    for name, value in (*SHARED_HEADERS, *extra):
        yield f'{indent}add_header {name} "{value}" always;'


def nginx_conf(site_url: str) -> str:
    """An nginx server block serving the built site with the same headers.

    It keeps no access log: the privacy page promises that nothing about a
    visitor is collected, and a log line holds their IP address.
    """
    server_name = urlsplit(site_url).hostname or "_"
    base = base_path(site_url)
    pad = "    "
    root = "/var/www/nextsteps"
    lines = [
        "# Example nginx server block for the built site.",
        f"# Copy the site folder to {root}{base}" + (" (the path in site_url)." if base != "/" else "."),
        "# It sends the same headers as the _headers file. nginx drops inherited",
        "# add_header lines in any location that has its own, so each location",
        "# lists the full set.",
        "server {",
        f"{pad}listen 80;",
        f"{pad}server_name {server_name};",
        f"{pad}root {root};",
        f"{pad}index index.html;",
        f"{pad}charset utf-8;",
        f"{pad}error_page 404 {base}404.html;",
        "",
        f"{pad}# No record of visitors: no access log. The error log keeps warnings and",
        f"{pad}# errors only, and missing pages are not logged. nginx still writes the",
        f"{pad}# client's IP address into an error tied to a request (say, a file it",
        f"{pad}# cannot read); point error_log at /dev/null to keep none at all.",
        f"{pad}access_log off;",
        f"{pad}log_not_found off;",
        f"{pad}error_log /var/log/nginx/nextsteps-error.log warn;",
        "",
        f"{pad}location {base} {{",
        f"{pad}{pad}try_files $uri $uri/ =404;",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        "",
        f"{pad}# Widgets that other websites may show in a frame.",
        f"{pad}location ^~ {base}{EMBED_DIR}/ {{",
        f"{pad}{pad}try_files $uri $uri/ =404;",
        *_add_headers(EMBED_POLICY, pad * 2),
        f"{pad}}}",
        "",
        f"{pad}# The page for recruiters under {base}{EMBED_DIR}/ is part of the guide: not frameable.",
        f"{pad}location = {base}{EMBED_DIR}/ {{",
        f"{pad}{pad}try_files {base}{EMBED_DIR}/index.html =404;",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        f"{pad}location = {base}{EMBED_DIR}/index.html {{",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
    ]
    for folder in OPEN_DATA_DIRS:
        lines += [
            "",
            f"{pad}# Public data other websites may fetch().",
            f"{pad}location ^~ {base}{folder}/ {{",
            f"{pad}{pad}try_files $uri =404;",
            *_add_headers(SITE_POLICY, pad * 2, CORS_HEADERS),
            f"{pad}}}",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"
