"""The attributes that tell journey.js which journey and step a page is.

Kept apart from the rest of the package so the guide can import it without
pulling in the checklist, which imports the guide.
"""

from __future__ import annotations

from markupsafe import Markup


def marker_attrs(stage: str, step_slug: str | None, checklist_href: str) -> Markup:
    """Attributes on a path's own markup that tell the script where the reader is."""
    step = Markup(' data-ns-step="{}"').format(step_slug) if step_slug else Markup("")
    return (
        Markup(' data-ns-journey="{}"').format(stage) + step + Markup(' data-ns-checklist="{}"').format(checklist_href)
    )
