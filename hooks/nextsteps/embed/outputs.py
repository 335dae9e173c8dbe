"""Everything embedding adds to a build, as plain (path, content) pairs.

The widget pages are complete HTML documents written here, not pages of the
guide's theme: they must not load the theme's scripts, header or search,
and being plain HTML files keeps them out of the site's search index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from .. import browser, checklist, letters
from ..addresses import absolute, checklist_url, letter_page, rel_url, root_of, widget_url
from ..brand import Brand
from ..content import Content, page_url
from ..outputs import Generated, asset, fill_slots
from ..pagemeta import OEmbed, PageMeta
from ..templating import render as render_template
from ..wording import say, words_for_script
from .snippets import LOADER, full_page_url, iframe_snippet, loader_element, loader_snippet, oembed_data, oembed_path
from .widgets import KINDS, Kind, Widget, widgets

HERE = Path(__file__).parent
RECRUITER_PAGE = "embed/index.md"
STYLESHEET = "embed/assets/embed.css"
FRAME_SCRIPT = "assets/javascripts/embed-frame.js"
RECRUITER_SCRIPT = "assets/javascripts/embed-recruiter.js"


@dataclass(frozen=True)
class _Body:
    html: str
    scripts: tuple[str, ...] = ()
    stylesheets: tuple[str, ...] = ()


def _body(widget: Widget, content: Content, root: str) -> _Body:
    """The widget's own HTML and the files it needs, relative to the site root.

    Checklists and letters reuse the very fragments, scripts and styles of
    the guide's pages; embed.css supplies the few theme values they read.
    """
    if widget.kind == "guide":
        intro = content.guide.widget_intro or say("widget.guide.intro")
        return _Body(render_template(HERE / "templates", "guide.html", steps=content.steps, root=root, intro=intro))
    if widget.kind == "checklist":
        html = checklist.widget_html(content, widget.stage, step_href=lambda step: root + step.url, new_tab=True, heading_level=2)
        return _Body(html, (checklist.SCRIPT,), (checklist.STYLESHEET,))
    assert widget.letter is not None
    return _Body(letters.widget_html(content.letters[widget.letter], heading_level=2), letters.SCRIPTS, (letters.STYLESHEET,))


def frame_page(widget: Widget, content: Content, brand: Brand, site_url: str) -> str:
    root = root_of(widget.path)
    body = _body(widget, content, root)
    return render_template(HERE / "templates", "frame.html",
        widget=widget,
        root=root,
        # The shared scripts and styles first: the frame's and the widget's own use them.
        stylesheets=(browser.STYLESHEET, *body.stylesheets, STYLESHEET),
        scripts=(browser.SCRIPT, FRAME_SCRIPT, *body.scripts),
        body=Markup(body.html),
        brand=brand,
        full_url=rel_url(widget.path, page_url(widget.page)),
        # Search engines are sent to the full page, which has the same content.
        canonical_url=absolute(site_url, page_url(widget.page)),
        description=_description(widget, content),
        full_link_text=say("widget.open.guide") if widget.kind == "guide" else say("widget.open"),
        frame_words=words_for_script("script.frame."),
    )


def _description(widget: Widget, content: Content) -> str:
    if widget.key in ("guide", "checklist"):
        return say(f"widget.about.{widget.key}")
    if widget.stage:
        return say("widget.about.checklist.stage", who=content.stages[widget.stage].checklist_for)
    return content.letters[widget.letter].meta.purpose if widget.letter else ""


EVENT_EXAMPLE = """var widget = document.querySelector("[data-nextsteps-embed]");
widget.addEventListener("nextsteps:progress", function (event) {
  if (event.detail.done === event.detail.total) {
    console.log("The checklist is finished");
  }
});"""


def csp_examples(site_url: str) -> dict[str, str]:
    """The host-page policies the recruiters' page and README describe."""
    parts = urlsplit(absolute(site_url, ""))
    origin = f"{parts.scheme}://{parts.netloc}"
    loader = absolute(site_url, LOADER)
    return {
        "allowlist": f"Content-Security-Policy: script-src 'self' {origin}; frame-src {origin}; style-src 'self'",
        "nonce": f"Content-Security-Policy: script-src 'nonce-RANDOM' 'strict-dynamic'; frame-src {origin}; style-src 'self'",
        "nonce_tag": f'<script async src="{loader}" nonce="RANDOM"></script>',
    }


def recruiter_markdown(found: list[Widget], content: Content, brand: Brand, site_url: str) -> str:
    first = found[0]
    return render_template(HERE / "templates", "recruiter.md.j2",
        front_matter=Markup(PageMeta(
            title=say("embed.title"),
            description=say("embed.description"),
            scripts=[LOADER, RECRUITER_SCRIPT],
        ).front_matter()),  # JSON values, not HTML: kept as written
        widgets=found,
        stages=content.journeys,
        accent=brand.accent,
        descriptions={w.key: _description(w, content) for w in found},
        loader_snippets={w.key: loader_snippet(w, site_url) for w in found},
        iframe_snippets={w.key: iframe_snippet(w, site_url) for w in found},
        # WordPress needs the full page's address: widget pages have no oEmbed link.
        wordpress_addresses={w.key: full_page_url(w, site_url) for w in found},
        # The preview runs the loader this page already includes, so it
        # works on every copy of the site, not only the published one.
        preview_element=loader_element(first, rel_url("embed/", page_url(first.page))),
        preview_snippet=loader_snippet(first, site_url),
        builder_data={
            "loader": absolute(site_url, LOADER),
            "words": words_for_script("script.recruiter."),
            "widgets": [
                {"key": w.key, "title": w.title, "attributes": w.attributes, "href": absolute(site_url, page_url(w.page))}
                for w in found
            ],
        },
        event_example=EVENT_EXAMPLE,
        csp_examples=csp_examples(site_url),
    )


def loader_kinds() -> dict[str, list[object]]:
    """Each kind of widget as embed.js needs it: the height its frame starts at, then its
    frame's and its full page's addresses, then (a checklist only) the same for a stage.

    ``{}`` stands for the stage or the letter. The loader opens the frame, and
    links to the full page when the frame does not start.
    """
    slot = "{}"
    pages: dict[Kind, list[str]] = {
        "guide": [""],
        "checklist": [checklist_url(), checklist_url(slot)],
        "letter": [page_url(letter_page(slot))],
    }
    return {kind: [KINDS[kind], *[url for full in fulls for url in (widget_url(full), full)]] for kind, fulls in pages.items()}


def loader_script(content: Content) -> Generated:
    """embed.js with the journeys this guide declares, so a mistyped data-stage is caught
    on the host page, whatever the guide; each kind of widget's height and addresses; and
    the notes it shows there in the guide's language. The loader itself names no journey,
    address, height or word. It runs on other people's pages, so it is published compact."""
    script = compact_script((HERE / "embed.js").read_text(encoding="utf-8"))
    slots = {"journeys": list(content.journeys), "kinds": loader_kinds(), "words": words_for_script("script.embed.")}
    return Generated(LOADER, fill_slots(script, "embed.js", **slots))


def compact_script(script: str) -> str:
    """The script without what only its maintainers read: indentation, blank lines and
    lines that are a ``//`` comment. Safe for a script with no string across lines
    (no template literals), which is checked."""
    if "`" in script:
        raise ValueError("embed.js must not use template literals: its lines are trimmed when it is published")
    lines = (line.strip() for line in script.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def generated_files(content: Content, *, brand: Brand, site_url: str) -> list[Generated]:
    """The widget pages, their stylesheet, the oEmbed answers and the recruiters' page."""
    found = widgets(content)
    out = [
        loader_script(content),
        asset(FRAME_SCRIPT, HERE / "embed-frame.js"),
        asset(RECRUITER_SCRIPT, HERE / "embed-recruiter.js"),
        asset(STYLESHEET, HERE / "embed.css"),
    ]
    for widget in found:
        out.append(Generated(widget.path + "index.html", frame_page(widget, content, brand, site_url)))
        data = oembed_data(widget, site_url, brand.name)
        out.append(Generated(oembed_path(widget), json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"))
    out.append(Generated(RECRUITER_PAGE, recruiter_markdown(found, content, brand, site_url)))
    return out


def discovery_link(src_path: str, content: Content, site_url: str) -> OEmbed | None:
    """The oEmbed <link> for a page of the guide that has a matching widget."""
    for widget in widgets(content):
        if widget.page == src_path:
            return OEmbed(absolute(site_url, oembed_path(widget)), widget.title)
    return None
