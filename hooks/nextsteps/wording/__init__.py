"""The words the generators write for readers, kept apart from the code.

Every phrase a generated page, PDF or feed shows a reader comes from one
table per language (``en.py`` today), by key, with named slots filled in.
A second language is a second table with the same keys and slots, chosen
with ``use()`` before a build; the tests check that every table matches.
Content pages (``docs/``) are translated as files, not here.
"""

from __future__ import annotations

import string
from datetime import date

from . import en

LANGUAGES: dict[str, dict[str, str]] = {"en": en.WORDS}
MONTHS: dict[str, tuple[str, ...]] = {"en": en.MONTHS}

_language = "en"


class UnknownWords(KeyError):
    """A key or slot the table does not have: a mistake in the code, not the content."""


def use(language: str) -> None:
    """Choose the table for the next build."""
    global _language
    if language not in LANGUAGES:
        raise UnknownWords(f"No words for language '{language}'. Known: {', '.join(sorted(LANGUAGES))}.")
    _language = language


def language() -> str:
    return _language


def say(key: str, **values: object) -> str:
    """The phrase for ``key``, its ``{slots}`` filled with ``values``."""
    try:
        text = LANGUAGES[_language][key]
    except KeyError:
        raise UnknownWords(f"No words for '{key}' in language '{_language}'.") from None
    wanted = slots(text)
    if wanted != set(values):
        raise UnknownWords(f"'{key}' takes {sorted(wanted) or 'no slots'}, was given {sorted(values) or 'none'}.")
    return text.format(**values)


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def long_date(day: date) -> str:
    """'23 November 2026', the same on every machine whatever its locale."""
    return say("date.long", day=day.day, month=MONTHS[_language][day.month - 1], year=day.year)
