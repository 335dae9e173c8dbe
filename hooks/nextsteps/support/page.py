"""The support list as Markdown, put in place of a marker on the support page."""

from __future__ import annotations

import re
from pathlib import Path

from ..templating import render
from ..wording import say
from .loader import SupportList
from .model import Organisation

HERE = Path(__file__).parent
# An editor writes this line where the list goes (docs/get-support.md).
PLACEHOLDER = "<!-- nextsteps:support-list -->"


def support_markdown(support: SupportList) -> str:
    """Grouped by topic, then by where each one helps; every entry names its source and year."""
    topics = []
    for topic, title in ((t.id, t.title) for t in support.topics):
        orgs = sorted((o for o in support.organisations if o.topic == topic), key=lambda o: (o.region_order, o.region_label, o.name))
        if not orgs:
            continue
        groups: list[tuple[str, list[Organisation]]] = []
        for org in orgs:
            if groups and groups[-1][0] == org.region_label:
                groups[-1][1].append(org)
            else:
                groups.append((org.region_label, [org]))
        topics.append({"id": topic, "title": title, "groups": groups})
    text = render(HERE, "support.md.j2", topics=topics)
    text = re.sub(r"(\n- [^\n]*)\n\n(?=- )", r"\1\n", text)  # one tight list per organisation
    text = re.sub(r"(\n- [^\n]*)\n\n(?=- )", r"\1\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def contents_markdown(support: SupportList, page_markdown: str) -> str:
    """A short list of the page's parts, for the top of the support page.

    An upset reader should see at once that help for their worry is here,
    without scrolling through every organisation: the topics of the list,
    then the page's own headings (such as "If you cannot find what you need").
    """
    lines = [f"**{say('support.contents')}**", ""]
    present = {o.topic for o in support.organisations}
    lines += [f"- [{t.title}](#{t.id})" for t in support.topics if t.id in present]
    for title in re.findall(r"^## (.+?)\s*$", page_markdown, flags=re.M):
        lines.append(f"- [{title}](#{_slug(title)})")
    return "\n".join(lines) + "\n"


def _slug(title: str) -> str:
    """The id Python-Markdown's toc extension gives a heading."""
    text = re.sub(r"[^\w\s-]", "", title).strip().lower()
    return re.sub(r"[-\s]+", "-", text)
