"""Site addresses in one place: full URLs and the path the site lives under.

A site may be published under a path (``https://example.github.io/nextsteps/``).
Everything that writes an address for a browser or a web server asks here, so
the path is never forgotten in one of them.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def absolute(site_url: str, path: str) -> str:
    """A full address for a path relative to the site root."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def base_path(site_url: str | None) -> str:
    """The path the site is served under, with slashes at both ends: '/' or '/next-steps/'."""
    path = urlsplit(site_url or "").path.strip("/")
    return f"/{path}/" if path else "/"
