"""The words the generators write for readers, kept apart from the code.

Every phrase a generated page, PDF or feed shows a reader comes from one
table per language (``en.py`` today), by key, with named slots filled in.
A second language is a second module here (``fr.py``) with the same keys
and slots, chosen with ``use()`` before a build (the site's
``theme.language``); the tests check that every table matches English.
Content pages (``docs/``) are translated as files, not here.

A phrase that counts something has a form for each plural category of its
language, as Unicode CLDR names them ("one", "other"; other languages add
"few", "many"...): ``{"one": "1 step", "other": "{count} steps"}``, picked
by ``say(key, count=n)`` as GOV.UK Frontend's i18n picks them with
``Intl.PluralRules``. The language module's ``plural_form(count)`` says
which category a number falls in.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Callable
from datetime import date

from markupsafe import Markup, escape

from . import en  # the default table, and the plural rule a language without its own uses

# A phrase, or one form per plural category for a phrase that counts something.
Entry = str | dict[str, str]
PluralRule = Callable[[int], str]


def _tables() -> tuple[dict[str, dict[str, Entry]], dict[str, tuple[str, ...]], dict[str, PluralRule]]:
    """Every language module in this folder: ``fr.py`` for ``theme.language: fr``."""
    words: dict[str, dict[str, Entry]] = {}
    months: dict[str, tuple[str, ...]] = {}
    rules: dict[str, PluralRule] = {}
    for module in pkgutil.iter_modules(__path__):
        found = importlib.import_module(f"{__name__}.{module.name}")
        if hasattr(found, "WORDS") and hasattr(found, "MONTHS"):
            words[module.name] = found.WORDS
            months[module.name] = tuple(found.MONTHS)
            rules[module.name] = getattr(found, "plural_form", en.plural_form)
    return words, months, rules


LANGUAGES, MONTHS, PLURAL_RULES = _tables()

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
    """The phrase for ``key``, its ``{slots}`` filled with ``values``.

    For a phrase with plural forms, ``count`` picks the form and fills
    ``{count}`` where the form has it: ``say("path.steps", count=1)``.
    """
    return _phrase(key, values).format(**values)


def _phrase(key: str, values: dict[str, object]) -> str:
    """The phrase for ``key`` with its slots still in, once ``values`` are known to fill them all."""
    entry = _entry(key)
    wanted = entry_slots(entry)
    if wanted != set(values):
        raise UnknownWords(f"'{key}' takes {sorted(wanted) or 'no slots'}, was given {sorted(values) or 'none'}.")
    if not isinstance(entry, dict):
        return entry
    count = values["count"]
    if not isinstance(count, int):
        raise UnknownWords(f"'{key}' counts a whole number, was given count={count!r}.")
    # A table may leave out a category its language folds into "other".
    return entry.get(plural_form(count), entry["other"])


def plural_form(count: int) -> str:
    """The plural category of ``count`` in the build's language: "one" for 1 in English, "other" otherwise."""
    return PLURAL_RULES[_language](count)


def say_raw(key: str) -> str:
    """The phrase for ``key`` with its ``{slots}`` left in."""
    entry = _entry(key)
    if isinstance(entry, dict):
        raise UnknownWords(f"'{key}' has plural forms: use say('{key}', count=...).")
    return entry


def _entry(key: str) -> Entry:
    try:
        return LANGUAGES[_language][key]
    except KeyError:
        raise UnknownWords(f"No words for '{key}' in language '{_language}'.") from None


def say_html(key: str, **values: object) -> Markup:
    """The phrase as HTML: its text escaped, ``Markup`` values kept as they are."""
    return Markup(escape(_phrase(key, values))).format(**values)


def words_for_script(prefix: str) -> dict[str, Entry]:
    """The phrases a browser script needs, with their ``{slots}`` left in:
    the page hands them to the script, which fills them in. A phrase with
    plural forms goes as its forms; the script picks one with ``Intl.PluralRules``."""
    table = LANGUAGES[_language]
    return {key[len(prefix):]: text for key, text in table.items() if key.startswith(prefix)}


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def entry_slots(entry: Entry) -> set[str]:
    """The slots a phrase takes: for plural forms, every form's slots and ``count``, which picks the form."""
    if isinstance(entry, dict):
        return {"count"}.union(*(slots(form) for form in entry.values()))
    return slots(entry)


def long_date(day: date) -> str:
    """'23 November 2026', the same on every machine whatever its locale."""
    return say("date.long", day=day.day, month=MONTHS[_language][day.month - 1], year=day.year)
