"""The words readers see come from one table per language, by key."""

from __future__ import annotations

import locale
import re
from datetime import date

import pytest

from nextsteps import wording
from nextsteps.content import STAGES
from nextsteps.support import REGIONS, TOPICS
from support import ROOT, build, copy_project

HOOKS = ROOT / "hooks"
CHANNELS = ("email", "letter", "linkedin")
# Keys the code builds from a name: each must exist for every name it can be.
BUILT_KEYS = {
    "stage.": STAGES,
    "channel.": CHANNELS,
    "noun.": CHANNELS,
    "support.": TOPICS,
    "region.": REGIONS,
    "widget.about.": ("guide", "checklist"),
}


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for path in HOOKS.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"""\bsay\(\s*['"]([a-z_.-]+)['"]""", text))
        for prefix in re.findall(r"""\bsay\(\s*f['"]([a-z_.-]+)\{""", text):
            assert prefix in BUILT_KEYS, f"{path.relative_to(ROOT)}: say(f'{prefix}...') is not listed in BUILT_KEYS"
            found |= {prefix + name for name in BUILT_KEYS[prefix]}
    return found


def test_every_key_the_code_asks_for_is_in_the_english_table():
    used = keys_in_code()
    assert len(used) > 50, "the scan found too few keys to be working"
    missing = sorted(used - set(wording.en.WORDS))
    assert not missing, missing


def test_the_english_table_has_no_unused_words():
    unused = sorted(set(wording.en.WORDS) - keys_in_code() - {"date.long"})
    assert not unused, unused


def test_every_language_has_the_same_keys_and_slots_as_english():
    english = wording.en.WORDS
    for name, table in wording.LANGUAGES.items():
        assert set(table) == set(english), name
        for key, text in english.items():
            assert wording.slots(table[key]) == wording.slots(text), (name, key)
        assert len(wording.MONTHS[name]) == 12, name


def test_a_missing_key_or_slot_names_what_is_wrong():
    with pytest.raises(wording.UnknownWords, match="No words for 'path.nowhere' in language 'en'"):
        wording.say("path.nowhere")
    with pytest.raises(wording.UnknownWords, match=r"'path.caption' takes \['number', 'stage', 'total'\], was given \['number'\]"):
        wording.say("path.caption", number=1)
    with pytest.raises(wording.UnknownWords, match="No words for language 'xx'. Known: en."):
        wording.use("xx")


def test_dates_are_written_the_same_whatever_the_machines_locale():
    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert wording.long_date(date(2026, 12, 2)) == "2 December 2026"
    finally:
        locale.setlocale(locale.LC_TIME, before)
    assert wording.say("page.reviewed", date=wording.long_date(date(2026, 5, 9))) == "Last reviewed 9 May 2026"


def test_a_site_language_without_words_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: fr\n", 1), encoding="utf-8")
    result = build(tmp_path / "out", project)
    assert result.returncode != 0
    assert "mkdocs.yml: field 'theme.language': 'fr' has no words in hooks/nextsteps/wording. Allowed: en." in result.output
    assert not (tmp_path / "out" / "index.html").exists()
