"""``/api/letters.json``: the templates for recruiters who build their own forms.

The shape is a public contract (``version`` 1); key order and formatting are
fixed so that the same sources give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..addresses import absolute
from ..content import Content, Letter
from ..content.letter_template import normalise

VERSION = 1


def letter_entry(letter: Letter, site_url: str | None) -> dict[str, Any]:
    meta = letter.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "url": absolute(site_url, letter.url),
        "channel": meta.channel,
        "subject": meta.subject,
        "fields": [{"name": f.name, "label": f.label, "required": f.required} for f in meta.fields],
        "body": normalise(letter.body),
        "max_length": meta.max_length,
    }


def letters_json(content: Content, site_url: str | None) -> str:
    data = {"version": VERSION, "letters": [letter_entry(letter, site_url) for letter in content.letters.values()]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
