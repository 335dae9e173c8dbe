"""What can be embedded: one widget per embed page, derived from the content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..addresses import checklist_page, page_url, widget_url
from ..checklist.printable import title_for
from ..content import Content
from ..content.schema import Stage
from ..guide import about
from ..wording import say

Kind = Literal["guide", "checklist", "letter"]

# Kind -> height in CSS pixels that the plain iframe uses and the loader
# reserves until the widget reports its real height: about the height of
# each kind at 600px wide, so a plain frame rarely needs to scroll.
KINDS: dict[Kind, int] = {"guide": 900, "checklist": 1800, "letter": 2000}


@dataclass(frozen=True)
class Widget:
    kind: Kind
    key: str  # names the oEmbed file and the snippet on the recruiters' page
    title: str  # the page <title> and the iframe's title: they must match
    page: str  # the full page on the site, as a source path (addresses.checklist_page())
    stage: Stage | None = None
    letter: str | None = None

    @property
    def path(self) -> str:
        """The embed page's URL, relative to the site root."""
        return widget_url(page_url(self.page))

    @property
    def height(self) -> int:
        return KINDS[self.kind]

    @property
    def attributes(self) -> dict[str, str]:
        """The loader snippet's data-* attributes that pick this widget."""
        attrs: dict[str, str] = {"data-nextsteps-embed": self.kind}
        if self.stage:
            attrs["data-stage"] = self.stage
        if self.letter:
            attrs["data-letter"] = self.letter
        return attrs


def guide_widget(content: Content) -> Widget:
    return Widget("guide", "guide", about(content, "widget.guide"), "index.md")


def checklist_widgets(content: Content) -> list[Widget]:
    """The whole checklist, then one for each journey the guide declares."""
    found = [Widget("checklist", "checklist", about(content, "widget.checklist"), checklist_page())]
    for stage in content.journeys:
        title = title_for(content, stage)
        found.append(Widget("checklist", f"checklist-{stage}", title, checklist_page(stage), stage=stage))
    return found


def letter_widgets(content: Content) -> list[Widget]:
    return [
        Widget("letter", f"letter-{letter.meta.id}", say("widget.letter", title=letter.meta.title), letter.path, letter=letter.meta.id)
        for letter in sorted(content.letters.values(), key=lambda each: each.path)
    ]


def widgets(content: Content) -> list[Widget]:
    """Every widget, in the order the recruiters' page lists them."""
    return [guide_widget(content), *checklist_widgets(content), *letter_widgets(content)]
