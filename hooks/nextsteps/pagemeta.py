"""What the theme templates read about a page, as one typed object.

``overrides/main.html`` and its partials read ``page.meta``; the fields of
:class:`PageMeta` are those keys, and nothing else sets them. It reaches a
page by one of two doors, both made here so the keys cannot drift apart: the
adapter copies :meth:`PageMeta.as_dict` onto the page, and a generated page
opens with :meth:`PageMeta.front_matter`, which the site engine reads back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Link:
    """The "What to do next" link: its words, and the site path it leads to."""

    text: str
    url: str


@dataclass(frozen=True)
class OEmbed:
    """The oEmbed discovery link in the page's head: the widget's oEmbed address and title."""

    href: str
    title: str


@dataclass
class PageMeta:
    """A page's values for the theme. ``None`` (or ``False``) leaves the page's own front matter as it is."""

    title: str | None = None  # the page's heading and, unless html_title says otherwise, its <title>
    html_title: str | None = None  # the <title> when it says more than the heading
    caption: str | None = None  # HTML above the heading: "Step 3 of 7: after an interview"
    stepnav: str | None = None  # HTML: the path's steps beside the page
    description: str | None = None  # escaped already: the theme writes it into an attribute as it is
    reviewed_text: str | None = None  # "Last reviewed ..."
    hide: list[str] | None = None  # the theme's parts the page leaves out: "navigation", "toc"
    search_exclude: bool = False  # left out of the site's search
    not_in_sitemap: bool = False
    next_link: Link | None = None  # "What to do next", when the brand gives no contact instead
    no_cta: bool = False  # no brand call to action on this page
    oembed: OEmbed | None = None
    scripts: list[str] = field(default_factory=list)  # site paths of the scripts this page needs

    def as_dict(self, own: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """``page.meta`` for the theme: the page's own front matter ``own``, with
        every value set here over it, and the scripts of both."""
        meta = dict(own or {})
        values: dict[str, Any] = {
            "title": self.title,
            "html_title": self.html_title,
            "caption": self.caption,
            "stepnav": self.stepnav,
            "description": self.description,
            "reviewed_text": self.reviewed_text,
            "hide": self.hide,
            "search": {"exclude": True} if self.search_exclude else None,
            "not_in_sitemap": True if self.not_in_sitemap else None,
            "next_link": asdict(self.next_link) if self.next_link else None,
            "no_cta": True if self.no_cta else None,
            "oembed": asdict(self.oembed) if self.oembed else None,
        }
        meta.update({key: value for key, value in values.items() if value is not None})
        meta["scripts"] = [*meta.get("scripts", []), *self.scripts]
        return meta

    def front_matter(self) -> str:
        """The page's values as a generated page's front matter, between its ``---`` lines.

        JSON is YAML too, so every value reads back exactly as written.
        """
        values = self.as_dict()
        if not self.scripts:
            del values["scripts"]
        return "\n".join(["---", *(f"{key}: {json.dumps(value)}" for key, value in values.items()), "---"])
