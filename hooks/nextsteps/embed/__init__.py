"""Widgets other websites can embed: chrome-less pages, snippets and oEmbed.

A recruiter pastes one snippet. ``embed.js`` turns it into an iframe of a
page under ``/embed/`` that fits its content and reports what happens
(ready, progress counts, a copied letter) to the host page. With no script
at all, the plain iframe snippet still works.
"""

from .outputs import RECRUITER_PAGE, discovery_link, generated_files
from .snippets import LOADER, iframe_snippet, loader_snippet, oembed_data
from .widgets import KINDS, Widget, widgets

__all__ = [
    "KINDS",
    "LOADER",
    "RECRUITER_PAGE",
    "Widget",
    "discovery_link",
    "generated_files",
    "iframe_snippet",
    "loader_snippet",
    "oembed_data",
    "widgets",
]
