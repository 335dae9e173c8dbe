"""MkDocs hook: small fixes to Material's own HTML so every page is valid HTML.

Material 9.7 writes a few attributes the Nu HTML Checker rejects. They sit in
parts of its base template that no block can override, so they are fixed in
the finished page. Each fix is an exact string, so a Material update that
changes the markup simply stops matching (and the validity test says so).
"""

from __future__ import annotations

FIXES = (
    # autocomplete is not allowed on checkboxes (drawer and search toggles).
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    # An empty tabindex is not a number (navigation section labels).
    (' tabindex="">', ">"),
)


def on_post_page(output: str, page, config) -> str:
    for old, new in FIXES:
        output = output.replace(old, new)
    return output


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The same fixes for theme pages that are not Markdown pages (404.html)."""
    return on_post_page(output_content, None, config) if template_name.endswith(".html") else output_content
