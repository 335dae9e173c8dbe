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

HSTS_MAX_AGE = 63072000
"""Two years, in seconds. MDN HTTP Observatory takes off points below six
months (15768000). ``includeSubDomains`` and ``preload`` are left out: they
bind every other site on the domain to HTTPS for years, which is the domain
owner's choice (README: "Hosting headers")."""

SHARED_HEADERS: tuple[tuple[str, str], ...] = (
    # No page here needs to tell another site where a visitor came from.
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    # Browsers keep to HTTPS for this site; over plain HTTP they ignore it.
    ("Strict-Transport-Security", f"max-age={HSTS_MAX_AGE}"),
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


def _redirect_server(name: str, pad: str) -> list[str]:
    """Plain HTTP only moves visitors to HTTPS, at the site's own name.

    The address comes from ``site_url``, never from the Host header a client
    sends, so a forged Host cannot send anyone elsewhere.
    """
    return [
        "# Plain HTTP: every address moves to the same address over HTTPS.",
        "server {",
        f"{pad}listen 80;",
        f"{pad}server_name {name};",
        f"{pad}server_tokens off;",
        f"{pad}access_log off;",
        f"{pad}error_log /dev/null;",
        f"{pad}return 301 https://{name}$request_uri;",
        "}",
    ]


def nginx_conf(site_url: str) -> str:
    """nginx server blocks serving the built site over HTTPS with the same headers.

    It keeps no log that names a visitor: the privacy page promises that
    nothing about a visitor is collected, and every access log line and every
    error nginx ties to a request holds their IP address.
    """
    host = urlsplit(site_url).hostname
    server_name = host or "_"
    redirect_to = host or "localhost"
    base = base_path(site_url)
    pad = "    "
    root = "/var/www/nextsteps"
    # The name of each file becomes a folder address here, ending in a slash.
    files = "try_files $uri ${uri}index.html @folder;"
    lines = [
        "# Example nginx server blocks for the built site (README: \"Hosting headers\").",
        f"# Copy the site folder to {root}{base}" + (" (the path in site_url)." if base != "/" else "."),
        "# Set ssl_certificate and ssl_certificate_key to your certificate, such as",
        "# one from Let's Encrypt. The HTTPS server sends the same headers as the",
        "# _headers file. nginx drops inherited add_header lines in any location",
        "# that has its own, so each location lists the full set.",
        *_redirect_server(redirect_to, pad),
        "",
        "server {",
        f"{pad}# On nginx 1.25.1 or later, add the line: http2 on;",
        f"{pad}listen 443 ssl;",
        f"{pad}server_name {server_name};",
        f"{pad}ssl_certificate /etc/letsencrypt/live/{redirect_to}/fullchain.pem;",
        f"{pad}ssl_certificate_key /etc/letsencrypt/live/{redirect_to}/privkey.pem;",
        f"{pad}ssl_protocols TLSv1.2 TLSv1.3;",
        "",
        f"{pad}# No nginx version in the Server header or on error pages. Redirects",
        f"{pad}# name a path only, never the Host header a client sent.",
        f"{pad}server_tokens off;",
        f"{pad}absolute_redirect off;",
        "",
        f"{pad}root {root};",
        f"{pad}index index.html;",
        f"{pad}charset utf-8;",
        f"{pad}error_page 404 {base}404.html;",
        "",
        f"{pad}# No record of visitors: no access log, and no error log, because",
        f"{pad}# nginx writes the client's IP address into every error tied to a",
        f"{pad}# request. Its own start-up errors still go to the main error log.",
        f"{pad}# To trace a fault, point error_log at a file for a while, then delete it.",
        f"{pad}access_log off;",
        f"{pad}log_not_found off;",
        f"{pad}error_log /dev/null;",
        "",
        f"{pad}# Answers nginx makes before it picks a location (400, 414, a folder",
        f"{pad}# redirect) carry the headers too.",
        *_add_headers(SITE_POLICY, pad),
        "",
        f"{pad}location {base} {{",
        f"{pad}{pad}{files}",
        *_add_headers(SITE_POLICY, pad * 2),
        f"{pad}}}",
        "",
        f"{pad}# A folder asked for without its final slash moves to it, so the",
        f"{pad}# page's relative links work. Folders with no page answer 404, not 403.",
        f"{pad}location @folder {{",
        f"{pad}{pad}if (-f $request_filename/index.html) {{",
        f"{pad}{pad}{pad}return 301 $uri/$is_args$args;",
        f"{pad}{pad}}}",
        f"{pad}{pad}return 404;",
        f"{pad}}}",
        "",
        f"{pad}# Widgets that other websites may show in a frame.",
        f"{pad}location ^~ {base}{EMBED_DIR}/ {{",
        f"{pad}{pad}{files}",
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
