"""The letter tool as an HTML fragment, usable on any page (guide or embed)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..content import Letter
from ..content.letter_template import normalise
from ..templating import render as render_template
from ..wording import say, words_for_script
from .render import Part, render_parts

HERE = Path(__file__).parent

ID_PREFIX = "ns-letter-"


def channel_text(channel: str) -> str:
    """How a letter is sent, as the reader is told: "By email"."""
    return say(f"channel.{channel}")



@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    required: bool
    help: str
    autocomplete: str = "off"


# Boxes that ask for the reader's own details, by the field names the
# templates use, with the token that lets the browser fill them in
# (WCAG 2.2, 1.3.5 Identify Input Purpose). Every other box is about someone
# else (an interviewer, a company), which the browser must not fill in with
# the reader's own details, so it stays "off".
OWN_DETAILS = {"your_name": "name"}


def labels(letter: Letter) -> dict[str, str]:
    return {f.name: f.label for f in letter.meta.fields}


def help_text(hint: str, example: str) -> str:
    """The hint under a box; an example stands in when there is no hint."""
    if hint.strip():
        return hint.strip()
    return say("letter.example", example=example.strip()) if example.strip() else ""


def parts_html(parts: list[Part]) -> Markup:
    """Filled-in parts as HTML, the way letters.js builds them in the browser."""
    out = []
    for part in parts:
        if part.kind == "text":
            out.append(escape(part.text))
        elif part.kind == "value":
            out.append(Markup('<bdi class="ns-value">{}</bdi>').format(part.text))
        else:
            out.append(Markup('<mark class="ns-gap">{}</mark>').format(part.text))
    return Markup("").join(out)


def script_json(data: object) -> Markup:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def widget_data(letter: Letter) -> dict:
    """What letters.js needs: the templates and the fields, nothing a visitor typed."""
    meta = letter.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "channel": meta.channel,
        "subject": meta.subject,
        "body": normalise(letter.body),
        "fields": [{"name": f.name, "label": f.label, "required": f.required} for f in meta.fields],
        "maxLength": meta.max_length,
        "words": words_for_script("script.letters."),
    }


def widget_html(letter: Letter, *, heading_level: int = 2, id_prefix: str = ID_PREFIX) -> str:
    """The letter tool: form, live preview, actions and the remember switch.

    No page chrome, so the same fragment serves the guide page and an embed
    page. The page must also load ``letters.js`` and ``letters.css``.
    ``id_prefix`` keeps ids unique if a page shows more than one tool.
    """
    meta = letter.meta
    names = labels(letter)
    fields = [
        FieldView(f.name, f.label, f.required, help_text(f.hint, f.example), OWN_DETAILS.get(f.name, "off"))
        for f in meta.fields
    ]
    view = {"id": meta.id, "channel": meta.channel, "subject": meta.subject, "fields": fields, "max_length": meta.max_length}
    subject = render_parts(meta.subject, {}, names, blank_form=True, inline=True) if meta.subject else []
    return render_template(HERE, "widget.html",
        letter=view,
        p=f"{id_prefix}{meta.id}-",
        heading_level=heading_level,
        noun=say(f"noun.{meta.channel}"),
        limit_of=say(f"limit.{meta.channel}"),  # whose limit a max_length is
        print_only="" if meta.channel == "letter" else " ns-print-only",
        data_json=script_json(widget_data(letter)),
        subject_html=parts_html(subject),
        body_html=parts_html(render_parts(letter.body, {}, names, blank_form=True)),
    )
