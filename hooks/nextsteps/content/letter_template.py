"""The letter template language, and the checks a letter must pass.

A template is plain text. ``{{ field }}`` is a gap for a declared field.
``[[ ... ]]`` is an optional part: it drops out when any field in it is
empty. ``[[ ... || other words ]]`` uses the words after ``||`` instead.

The same parser feeds the content checks and the Python renderer, and the
browser renderer (``letters.js``) follows the same rules, so a template that
passes the build fills in the same way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..problems import Problem
from .model import Letter
from .schema import LetterField

FIELD = re.compile(r"\{\{[ \t]*([a-z][a-z0-9_]*)[ \t]*\}\}")
MARKER = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|\|")


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Field:
    name: str
    line: int


@dataclass(frozen=True)
class Optional:
    parts: tuple[Text | Field, ...]
    alternative: str
    line: int

    @property
    def fields(self) -> list[str]:
        return [p.name for p in self.parts if isinstance(p, Field)]


Token = Text | Field | Optional


class TemplateError(ValueError):
    def __init__(self, message: str, line: int):
        self.line = line
        super().__init__(f"line {line}: {message}")


def normalise(text: str) -> str:
    """One form for every template: LF line ends, no trailing spaces, one blank line between paragraphs."""
    text = re.sub(r"\r\n?", "\n", text)
    text = re.sub(r"[ \t]+(?=\n|\Z)", "", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def parse(template: str) -> tuple[Token, ...]:
    """Split a template into text, fields and optional parts, or raise TemplateError."""
    text = normalise(template)
    tokens: list[Token] = []
    inner: list[Text | Field] | None = None  # the parts of an open [[ ]]
    alternative: list[str] | None = None  # the words after || in an open [[ ]]
    opened = 0
    pos = 0

    def line_at(index: int) -> int:
        return text.count("\n", 0, index) + 1

    def add_text(chunk: str) -> None:
        if not chunk:
            return
        if alternative is not None:
            alternative.append(chunk)
        elif inner is not None:
            inner.append(Text(chunk))
        else:
            tokens.append(Text(chunk))

    for match in MARKER.finditer(text):
        start = match.start()
        if start < pos:
            continue  # inside a {{ field }} already read
        chunk = text[pos:start]
        if inner is not None and "\n\n" in chunk:
            raise TemplateError("an optional part must end in the paragraph where it starts. Add ']]' before the blank line", opened)
        add_text(chunk)
        marker = match.group()
        line = line_at(start)
        if marker == "{{":
            field = FIELD.match(text, start)
            if field is None:
                raise TemplateError("'{{' must be followed by a field name and '}}', such as {{ your_name }}. Names use a-z, 0-9 and _", line)
            if alternative is not None:
                raise TemplateError("the words after '||' replace a part that dropped out, so they cannot contain a {{ field }}", line)
            part = Field(field.group(1), line)
            if inner is not None:
                inner.append(part)
            else:
                tokens.append(part)
            pos = field.end()
            continue
        pos = match.end()
        if marker == "}}":
            raise TemplateError("'}}' has no '{{' before it", line)
        if marker == "[[":
            if inner is not None:
                raise TemplateError("an optional part cannot hold another '[['", line)
            inner, opened = [], line
        elif marker == "]]":
            if inner is None:
                raise TemplateError("']]' has no '[[' before it", line)
            optional = Optional(tuple(inner), "".join(alternative or ()), opened)
            if not optional.fields:
                raise TemplateError("the optional part has no {{ field }}. It drops out when its field is empty, so it needs one", opened)
            tokens.append(optional)
            inner, alternative = None, None
        elif inner is None:
            add_text(marker)  # '||' outside [[ ]] is ordinary text
        elif alternative is not None:
            raise TemplateError("an optional part can have only one '||'", line)
        else:
            alternative = []
    if inner is not None:
        raise TemplateError("'[[' is never closed with ']]'", opened)
    add_text(text[pos:])
    return tuple(tokens)


def field_names(tokens: Iterable[Token]) -> list[str]:
    """Every field the template uses, in order of first use."""
    names: list[str] = []
    for token in tokens:
        for name in token.fields if isinstance(token, Optional) else [token.name] if isinstance(token, Field) else []:
            if name not in names:
                names.append(name)
    return names


def letter_problems(letter: Letter, file: str) -> list[Problem]:
    """What is wrong with one letter's subject and body, as editor-facing problems."""
    meta = letter.meta
    problems: list[Problem] = []
    declared = {f.name: f for f in meta.fields}
    used: set[str] = set()

    if meta.channel == "email" and meta.subject is None:
        problems.append(Problem(file, "subject", "an email template needs a subject line"))
    if meta.channel == "linkedin" and meta.subject is not None:
        problems.append(Problem(file, "subject", "a LinkedIn message has no subject line. Remove it"))

    for where, source in (("subject", meta.subject), ("body", letter.body)):
        if source is None:
            continue
        if where == "subject" and "\n" in source.strip():
            problems.append(Problem(file, where, "the subject must fit on one line"))
            continue
        try:
            tokens = parse(source)
        except TemplateError as exc:
            problems.append(Problem(file, where, str(exc)))
            continue
        problems += _gap_problems(tokens, declared, file, where, used.add)

    problems += _hint_problems(letter, file)
    for i, field in enumerate(meta.fields):
        if field.name not in used:
            problems.append(Problem(file, f"fields[{i}].name", f"'{field.name}' is declared but never used. Put {{{{ {field.name} }}}} in the subject or body, or remove the field"))
    return problems


def _gap_problems(tokens: tuple[Token, ...], declared: dict[str, LetterField], file: str, where: str, mark_used: Callable[[str], None]) -> list[Problem]:
    problems = []
    known = ", ".join(declared) or "none"
    for token in tokens:
        inside = isinstance(token, Optional)
        fields = [p for p in token.parts if isinstance(p, Field)] if isinstance(token, Optional) else [token] if isinstance(token, Field) else []
        for field in fields:
            mark_used(field.name)
            spec = declared.get(field.name)
            if spec is None:
                problems.append(Problem(file, where, f"line {field.line}: {{{{ {field.name} }}}} is not a declared field. Declared fields: {known}"))
            elif not spec.required and not inside:
                problems.append(Problem(file, where, f"line {field.line}: '{field.name}' is optional (required: false), so {{{{ {field.name} }}}} must sit inside [[ ]] to drop out when it is empty"))
    return problems


QUOTED = re.compile(r'["\u201c]([^"\u201d]+)["\u201d]')
LAST_WORD = re.compile(r"(\w+)[ \t]*$")
FIRST_WORD = re.compile(r"^[ \t]*(\w+)")


def words_around_fields(tokens: Iterable[Token]) -> dict[str, set[tuple[str, str]]]:
    """For each field, the words the template writes straight before and after
    its gap: ("before", "Dear") for "Dear {{ name }}", ("after", "jobs") for "{{ roles }} jobs"."""
    found: dict[str, set[tuple[str, str]]] = {}

    def walk(parts: list[Text | Field]) -> None:
        for i, part in enumerate(parts):
            if not isinstance(part, Field):
                continue
            left = parts[i - 1] if i > 0 else None
            right = parts[i + 1] if i + 1 < len(parts) else None
            before = LAST_WORD.search(left.text) if isinstance(left, Text) else None
            after = FIRST_WORD.search(right.text) if isinstance(right, Text) else None
            if before:
                found.setdefault(part.name, set()).add(("before", before.group(1)))
            if after:
                found.setdefault(part.name, set()).add(("after", after.group(1)))

    flat: list[Text | Field] = []
    for token in tokens:
        if isinstance(token, Optional):
            walk(list(token.parts))
            flat.append(Text(""))  # seen from outside, an optional part may drop out: no neighbour to rely on
        else:
            flat.append(token)
    walk(flat)
    return found


def _hint_problems(letter: Letter, file: str) -> list[Problem]:
    """A hint or example that repeats the words the template writes around the gap.

    A hint such as 'Such as "Dear Alex"' makes readers type "Dear Alex", and the
    letter then says "Dear Dear Alex,". Examples show only what goes in the gap.
    """
    around: dict[str, set[tuple[str, str]]] = {}
    for source in (letter.meta.subject, letter.body):
        if source is None:
            continue
        try:
            found = words_around_fields(parse(source))
        except TemplateError:
            continue  # reported by letter_problems
        for name, words in found.items():
            around.setdefault(name, set()).update(words)
    problems = []
    for i, field in enumerate(letter.meta.fields):
        for side, word in sorted(around.get(field.name, ())):
            for where, text in (("hint", field.hint), ("example", field.example)):
                for example in QUOTED.findall(text) if where == "hint" else [text]:
                    shown = example.strip().lower()
                    if shown.startswith(word.lower() + " ") if side == "before" else shown.endswith(" " + word.lower()):
                        edge = "starts" if side == "before" else "ends"
                        problems.append(Problem(
                            file, f"fields[{i}].{where}",
                            f"'{example.strip()}' {edge} with '{word}', which the template already writes "
                            f"{side} {{{{ {field.name} }}}}, so the letter would say it twice. "
                            "Show only what goes in the gap",
                        ))
    return problems
