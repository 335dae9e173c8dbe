"""The words the generators write for readers, kept apart from the code.

Every phrase a generated page, PDF or feed shows a reader comes from one
table per language (``en.py`` today), by key, with named slots filled in.
A second language is a second module here (``fr.py``) with the same keys
and slots, chosen with ``use()`` before a build (the site's
``theme.language``); the tests check that every table matches English.
Content pages (``docs/``) are translated as files, not here.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from datetime import date

from markupsafe import Markup, escape

from . import en  # noqa: F401 - the default table: a broken en.py fails at import, not mid-build


def _tables() -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, ...]]]:
    """Every language module in this folder: ``fr.py`` for ``theme.language: fr``."""
    words: dict[str, dict[str, str]] = {}
    months: dict[str, tuple[str, ...]] = {}
    for module in pkgutil.iter_modules(__path__):
        found = importlib.import_module(f"{__name__}.{module.name}")
        if hasattr(found, "WORDS") and hasattr(found, "MONTHS"):
            words[module.name] = found.WORDS
            months[module.name] = tuple(found.MONTHS)
    return words, months


LANGUAGES, MONTHS = _tables()

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


def say_raw(key: str) -> str:
    """The phrase for ``key`` with its ``{slots}`` left in."""
    try:
        return LANGUAGES[_language][key]
    except KeyError:
        raise UnknownWords(f"No words for '{key}' in language '{_language}'.") from None


def say_html(key: str, **values: object) -> Markup:
    """The phrase as HTML: its text escaped, ``Markup`` values kept as they are."""
    text = say(key, **{name: "{" + name + "}" for name in values})
    return Markup(escape(text)).format(**values)


def words_for_script(prefix: str) -> dict[str, str]:
    """The phrases a browser script needs, with their ``{slots}`` left in:
    the page hands them to the script, which fills them in."""
    table = LANGUAGES[_language]
    return {key[len(prefix):]: text for key, text in table.items() if key.startswith(prefix)}


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def long_date(day: date) -> str:
    """'23 November 2026', the same on every machine whatever its locale."""
    return say("date.long", day=day.day, month=MONTHS[_language][day.month - 1], year=day.year)
