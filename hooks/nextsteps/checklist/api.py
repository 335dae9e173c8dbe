"""``/api/checklist.json``: the items for recruiters who draw the list themselves.

The shape is a public contract (``version`` 1). Key order and formatting are
fixed so that the same sources give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..addresses import absolute, checklist_url, page_url, stage_step_path
from ..content import Content
from ..problems import ContentError, Problem

VERSION = 1


def checklist_data(content: Content, site_url: str) -> dict[str, Any]:
    return {
        "version": VERSION,
        "items": [
            {
                "id": item.id,
                "text": item.text,
                "when": item.when,
                "stages": list(item.stages),
                "step": {"title": item.step.meta.title, "url": absolute(site_url, item.step.url)},
            }
            for item in content.every_item()
        ],
        # Each stage's path: its steps in reading order, each as read on that path.
        "paths": {
            stage: {
                "title": page.meta.title,
                "url": absolute(site_url, page.url),
                "checklist": absolute(site_url, checklist_url(stage)),
                "steps": [{"slug": step.slug, "title": step.meta.title, "url": absolute(site_url, page_url(stage_step_path(stage, step.slug)))} for step in content.steps_for(stage)],
            }
            for stage, page in content.stages.items()
        },
    }


def checklist_json(content: Content, site_url: str) -> str:
    return json.dumps(checklist_data(content, site_url), ensure_ascii=False, indent=2) + "\n"


def check_site_url(site_url: str | None, config_file: str) -> None:
    """The JSON feed and the QR codes print full addresses, so they need the site's."""
    if not site_url or "://" not in site_url:
        raise ContentError([Problem(config_file, "site_url", "set the full address the site is published at, starting with https://. The checklist's QR codes and JSON feed print it")])
