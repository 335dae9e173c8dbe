"""The HTML a recruiter pastes, and the oEmbed answer that carries it.

Every snippet uses full addresses built from ``site_url``, because it runs on
someone else's website.
"""

from __future__ import annotations

from html import escape

from ..addresses import absolute
from ..content import page_url
from .widgets import Widget

LOADER = "embed.js"  # served at the site root: https://SITE/embed.js
# The widgets need nothing from the host page's address.
REFERRER_POLICY = "no-referrer"


def _attrs(pairs: dict[str, str]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs.items())


def frame_permissions(widget: Widget) -> str | None:
    """A cross-origin frame may use the clipboard only when the host allows it."""
    return "clipboard-write" if widget.kind == "letter" else None


def iframe_snippet(widget: Widget, site_url: str) -> str:
    """Works with no script at all; it keeps a fixed height."""
    attrs = {
        "src": absolute(site_url, widget.path),
        "title": widget.title,
        "width": "100%",
        "height": str(widget.height),
        "loading": "lazy",
        "referrerpolicy": REFERRER_POLICY,
    }
    allow = frame_permissions(widget)
    if allow:
        attrs["allow"] = allow
    # No style attribute: a host's style-src 'self' would block it. HTML5
    # calls frameborder obsolete, yet every browser still honours it and
    # WordPress keeps it; hosts may use CSS (border: 0) instead.
    attrs["frameborder"] = "0"
    return f"<iframe{_attrs(attrs)}></iframe>"


def loader_element(widget: Widget, href: str, *, accent: str | None = None, hide_title: bool = False) -> str:
    """The element embed.js turns into a self-sizing frame.

    The link inside is what a visitor sees if the script never runs, and its
    words name the frame until the widget reports its own title.
    """
    attrs = dict(widget.attributes)
    if accent:
        attrs["data-accent"] = accent
    if hide_title:
        attrs["data-hide-title"] = ""
    return f'<div{_attrs(attrs)}><a href="{escape(href)}">{escape(widget.title)}</a></div>'


def loader_snippet(widget: Widget, site_url: str, *, accent: str | None = None, hide_title: bool = False) -> str:
    element = loader_element(widget, full_page_url(widget, site_url), accent=accent, hide_title=hide_title)
    return f'{element}\n<script async src="{escape(absolute(site_url, LOADER))}"></script>'


def full_page_url(widget: Widget, site_url: str) -> str:
    return absolute(site_url, page_url(widget.page))


def oembed_path(widget: Widget) -> str:
    return f"oembed/{widget.key}.json"


def wordpress_html(widget: Widget, site_url: str) -> str:
    """The oEmbed html in the shape WordPress's own embeds have: a link to the full page, then the frame.

    WordPress (5.9 and later, ``wp_maybe_enqueue_oembed_host_js``) loads its
    ``wp-embed.js`` only for html with a ``<blockquote class="wp-embedded-content">``,
    and without that script a frame cannot change its height or open a link.
    WordPress keeps the blockquote only at the very start, strips its
    attributes and adds its own; it shows the link until the frame's first
    message, then hides it. Other sites show the link above the frame.
    """
    link = f'<a href="{escape(full_page_url(widget, site_url))}">{escape(widget.title)}</a>'
    return f'<blockquote class="wp-embedded-content">{link}</blockquote>{iframe_snippet(widget, site_url)}'


def oembed_data(widget: Widget, site_url: str, provider_name: str) -> dict[str, str | int]:
    """An oEmbed 1.0 'rich' answer: WordPress and others paste its html."""
    return {
        "version": "1.0",
        "type": "rich",
        "title": widget.title,
        "provider_name": provider_name,
        "provider_url": absolute(site_url, ""),
        "html": wordpress_html(widget, site_url),
        "width": 600,
        "height": widget.height,
        "cache_age": 86400,
    }
