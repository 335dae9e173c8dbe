"""Fill a letter template with values: the Python half of the renderer.

``letters.js`` does the same in the browser, step for step. Both run the
shared cases in ``tests/cases/letter_render_cases.json``, so a change to one
that is not made in the other fails the tests.

The rules:

- A value is trimmed; a value that is only spaces counts as empty.
- An empty field shows as a gap, ``[Field label]``.
- An optional part drops out when any field in it is empty, together with
  the spaces before it (or after it, when it starts a line). A line or
  paragraph left empty by that goes too. If the part has words after
  ``||``, those words take its place.
- ``blank_form`` keeps every optional part, for the printed and Word copies
  where the reader fills the gaps by hand.
- ``inline`` (for subject lines) turns line breaks in values into spaces.

Values are put in last, in one pass, so text a visitor types is never read
as template syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..content.letter_template import Field, Optional, Text, parse

# The same set as WHITESPACE in letters.js (Python's str.strip() and JavaScript's
# trim() disagree about a few characters, so both name them explicitly).
WHITESPACE = " \t\n\r\f\v\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000\ufeff"


@dataclass(frozen=True)
class Part:
    """A piece of a filled-in letter: template words, a visitor's value, or a gap."""

    kind: Literal["text", "value", "gap"]
    text: str
    name: str = ""


def clean_value(value: str | None, *, inline: bool = False) -> str:
    text = re.sub(r"\r\n?", "\n", value or "").strip(WHITESPACE)
    return re.sub(r"\n+", " ", text) if inline else text


def render_parts(
    template: str,
    values: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    blank_form: bool = False,
    inline: bool = False,
) -> list[Part]:
    values = {name: clean_value(v, inline=inline) for name, v in (values or {}).items()}
    labels = labels or {}
    _DROP = object()

    # 1. Decide which optional parts stay.
    items: list[object] = []
    for token in parse(template):
        if not isinstance(token, Optional):
            items.append(token)
        elif blank_form or all(values.get(name) for name in token.fields):
            items.extend(token.parts)
        elif token.alternative:
            items.append(Text(token.alternative))
        else:
            items.append(_DROP)

    # 2. Tidy the spaces and lines around the parts that dropped out.
    kept: list[list[str]] = []  # [kind, text or field name]
    strip_next = False
    for item in items:
        if item is _DROP:
            if kept and kept[-1][0] == "text":
                kept[-1][1] = kept[-1][1].rstrip(" \t")
            before = next((k for k in reversed(kept) if k[0] != "text" or k[1]), None)
            if before is None or (before[0] == "text" and before[1].endswith("\n")):
                strip_next = True
            continue
        if isinstance(item, Field):
            kept.append(["field", item.name])
            strip_next = False
            continue
        text = item.text  # type: ignore[attr-defined]
        if strip_next:
            text = text.lstrip(" \t")
            if text.startswith("\n"):
                text = text[1:]
            strip_next = False
        if kept and kept[-1][0] == "text":
            kept[-1][1] += text
        else:
            kept.append(["text", text])
    for k in kept:
        if k[0] == "text":
            k[1] = re.sub(r"\n{3,}", "\n\n", k[1])
    if kept and kept[0][0] == "text":
        kept[0][1] = kept[0][1].lstrip(" \t\n")
    if kept and kept[-1][0] == "text":
        kept[-1][1] = kept[-1][1].rstrip(" \t\n")

    # 3. Put the values in.
    parts: list[Part] = []
    for kind, text in kept:
        if kind == "text":
            if text:
                parts.append(Part("text", text))
        elif values.get(text):
            parts.append(Part("value", values[text], text))
        else:
            parts.append(Part("gap", f"[{labels.get(text, text)}]", text))
    return parts


def render_text(
    template: str,
    values: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    *,
    blank_form: bool = False,
    inline: bool = False,
) -> str:
    return "".join(p.text for p in render_parts(template, values, labels, blank_form=blank_form, inline=inline))
