"""The support list as Markdown, put in place of a marker on the support page."""

from __future__ import annotations

import re
from pathlib import Path

from ..templating import render
from .loader import SupportList
from .model import TOPICS, Organisation, topic_title

HERE = Path(__file__).parent
# An editor writes this line where the list goes (docs/get-support.md).
PLACEHOLDER = "<!-- nextsteps:support-list -->"


def support_markdown(support: SupportList) -> str:
    """Grouped by topic, then by where each one helps; every entry names its source and year."""
    topics = []
    for topic in TOPICS:
        title = topic_title(topic)
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
