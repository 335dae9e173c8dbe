"""The words readers see come from one table per language, by key."""

from __future__ import annotations

import locale
import re
from datetime import date
from pathlib import Path

import pytest
import unmarked
from nextsteps import wording
from nextsteps.support import REGIONS
from support import ROOT, build, copy_project, pdf_page_texts

# One worker builds the marked second-language site (marked_site) for all of its tests.
pytestmark = pytest.mark.xdist_group("marked_site")

HOOKS = ROOT / "hooks"
CHANNELS = ("email", "letter", "linkedin")
# Keys the code builds from a name: each must exist for every name it can be.
BUILT_KEYS = {
    "channel.": CHANNELS,
    "noun.": CHANNELS,
    "region.": REGIONS,
    "widget.about.": ("guide", "checklist"),
    "when.": ("today", "this-week", "ongoing"),
    "print.letter.how.": CHANNELS,
    "limit.": CHANNELS,
    "plan.unit.": ("working", "calendar"),
}


OVERRIDES = ROOT / "overrides"


def code_files() -> list[Path]:
    """The generators, their templates and the theme's templates: everything that may ask the table for words."""
    return sorted(p for folder in (HOOKS, OVERRIDES) for p in folder.rglob("*") if p.suffix in (".py", ".html", ".j2"))


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for path in code_files():
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"""\bsay(?:_html|_with)?\(\s*['"]([a-z_.-]+)['"]""", text))
        # Phrases with the guide's topic in them, and phrases with a form for a guide of one journey.
        found |= set(re.findall(r"""\babout\(\s*\w+,\s*['"]([a-z_.-]+)['"]""", text))
        for key in re.findall(r"""\b_with_journey\(\s*['"]([a-z_.-]+)['"]""", text):
            found |= {key, key + ".one"}
        for prefix in re.findall(r"""\bwords_for_script\(\s*['"]([a-z_.-]+)['"]""", text):
            found |= {key for key in wording.en.WORDS if key.startswith(prefix)}
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
        for key, entry in english.items():
            assert wording.entry_slots(table[key]) == wording.entry_slots(entry), (name, key)
            # A phrase that counts keeps its plural forms, whatever the categories of the language.
            assert isinstance(table[key], dict) == isinstance(entry, dict), (name, key)
            if isinstance(entry, dict):
                assert "other" in table[key], (name, key)
        assert len(wording.MONTHS[name]) == 12, name


def test_every_plural_form_takes_the_slots_of_its_phrase():
    """Each form may leave out {count}, but no form may ask for a slot that the code does not give."""
    plural = {key: entry for key, entry in wording.en.WORDS.items() if isinstance(entry, dict)}
    assert {"path.steps", "path.back", "script.plan.restore_summary"} <= set(plural)
    for key, forms in plural.items():
        assert set(forms) == {"one", "other"}, key  # the English plural categories (Unicode CLDR)
        for form in forms.values():
            assert wording.slots(form) <= wording.entry_slots(forms), key


def test_a_count_picks_the_plural_form():
    assert wording.say("path.steps", count=1) == "Your step"
    assert wording.say("path.steps", count=2) == "Your 2 steps"
    assert wording.say("path.steps", count=0) == "Your 0 steps"
    assert wording.say("path.back.one", count=1) == "Back to the step"
    assert wording.say("plan.unit.working", count=1) == "working day"
    assert wording.say("plan.unit.working", count=3) == "working days"
    assert [wording.plural_form(n) for n in (0, 1, 2, 11, 21)] == ["other", "one", "other", "other", "other"]
    with pytest.raises(wording.UnknownWords, match=re.escape("'path.steps' takes ['count'], was given none")):
        wording.say("path.steps")
    with pytest.raises(wording.UnknownWords, match=re.escape("'path.steps' counts a whole number, was given count='2'")):
        wording.say("path.steps", count="2")
    with pytest.raises(wording.UnknownWords, match=re.escape("'path.steps' has plural forms: use say('path.steps', count=...)")):
        wording.say_raw("path.steps")


def test_a_missing_key_or_slot_names_what_is_wrong():
    with pytest.raises(wording.UnknownWords, match=re.escape("No words for 'path.nowhere' in language 'en'")):
        wording.say("path.nowhere")
    with pytest.raises(wording.UnknownWords, match=r"'path.caption' takes \['number', 'stage', 'total'\], was given \['number'\]"):
        wording.say("path.caption", number=1)
    with pytest.raises(wording.UnknownWords, match=re.escape("No words for language 'xx'. Known: en.")):
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


# A second language, end to end --------------------------------------------------
#
# A made-up table marks every phrase, so a page shows at once which words came
# from the table and which did not. It is written into a copy of the project
# as hooks/nextsteps/wording/fr.py, the way a real translation would be added.

MARK, END = unmarked.OPEN, unmarked.CLOSE
HOST_PAGE = "host.html"  # another website's page, which a browser test adds to the marked site
PSEUDO = '''"""A made-up French table for the tests: each English phrase between markers."""

from .en import MONTHS as _EN_MONTHS, WORDS as _EN


def _marked(key, text):
    # The browser needs a real locale for its date formats and plural rules.
    return "fr-FR" if key.endswith(".date_locale") else "\\u27e6" + text + "\\u27e7"


def plural_form(count):
    return "one" if count in (0, 1) else "other"  # French, as CLDR has it: 0 and 1 are "one"


MONTHS = tuple("\\u27e6" + m + "\\u27e7" for m in _EN_MONTHS)
WORDS = {
    key: {form: _marked(key, text) for form, text in entry.items()} if isinstance(entry, dict) else _marked(key, entry)
    for key, entry in _EN.items()
}
'''


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marked")
    project = copy_project(folder / "project")
    (project / "hooks/nextsteps/wording/fr.py").write_text(PSEUDO, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: fr\n", 1), encoding="utf-8")
    result = build(folder / "site", project)
    assert result.returncode == 0, result.output
    return result.site


def test_a_second_language_reaches_the_generated_pages_and_files(marked_site):
    start = (marked_site / "index.html").read_text(encoding="utf-8")
    # The question is the guide's own (extra.guide), translated with its pages, not the table.
    assert "Where were you turned down?" in start and f"{MARK}Tools to help you" in start
    step = (marked_site / "stages/interview/ask-for-feedback/index.html").read_text(encoding="utf-8")
    assert f"{MARK}Step " in step and f"{MARK}Previous step" in step and f"{MARK}Last reviewed" in step
    letter = (marked_site / "letters/reply-to-the-rejection/index.html").read_text(encoding="utf-8")
    assert f"{MARK}Your details" in letter and f"{MARK}Copy " in letter and "Copied. You can" in letter
    widget = (marked_site / "embed/letters/reply-to-the-rejection/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in widget and f"{MARK}Shared by" in widget
    support = (marked_site / "get-support/index.html").read_text(encoding="utf-8")
    assert f"{MARK}On this page" in support and f"{MARK}Call " in support
    checklist = (marked_site / "checklist/index.html").read_text(encoding="utf-8")
    assert f"{MARK}Start again" in checklist and ">Start again<" not in checklist
    printed = " ".join(pdf_page_texts((marked_site / "downloads/checklist-a4.pdf").read_bytes()))
    assert f"{MARK}Tick each box" in printed and f"{MARK}Today" in printed


@pytest.mark.browser
def test_a_second_language_reaches_the_browser_scripts(marked_site, context):
    from support import Server

    host = '<!doctype html><html lang="fr"><title>Host</title><iframe title="Letter" sandbox="allow-scripts" src="embed/letters/reply-to-the-rejection/"></iframe>'
    (marked_site / HOST_PAGE).write_text(host, encoding="utf-8")
    with Server(marked_site) as srv:
        page = context.new_page()
        page.goto(srv.url("checklist/"))
        page.locator(".ns-checklist__box").first.check()
        assert page.locator("[data-ns-progress]").first.inner_text().startswith(MARK)
        page.goto(srv.url("letters/reply-to-the-rejection/"))
        page.locator("[data-ns='copy']").click()
        assert page.locator("[data-ns='continue']").inner_text() == MARK + "Copy anyway" + END
        # In a sandboxed frame the widget says what it cannot keep, in the table's words.
        page.goto(srv.url(HOST_PAGE))
        note = page.frame_locator("iframe").locator(".ns-embed__limits")
        assert note.inner_text().startswith(MARK + "What you type is not saved")
        assert MARK + "The full page is at http" in note.inner_text()  # no link leaves this sandbox


# English left outside the table --------------------------------------------------
#
# In the marked site every word the table gives is between markers, so any
# other English a reader can see must be the guide's own (docs/, data/, its
# settings) or Material's. What is left is a word the code wrote by itself.

# Where the guide's own words come from: what the build carries into pages, files and widgets.
GUIDE_FOLDERS = ("docs", "data")
GUIDE_SETTINGS = "mkdocs.yml"  # the site's name, the brand and the guide's own words (extra.guide)
# The error page of the preview is for the editor, who reads the build's own messages in English.
FOR_THE_EDITOR = {"hooks/nextsteps/errorpage/page.html"}


def guide_words(language: str) -> unmarked.GuideWords:
    import material

    sources = [ROOT / GUIDE_SETTINGS]
    sources += [p for name in GUIDE_FOLDERS for p in sorted((ROOT / name).rglob("*")) if p.suffix in (".md", ".yml")]
    material_words = Path(material.__file__).parent / "templates/partials/languages" / f"{language}.html"
    return unmarked.GuideWords(sources, material_words)


def test_every_word_the_code_shows_comes_from_the_table(marked_site):
    """Pages, widgets, the JSON and oEmbed answers, the PDFs and Word copies: no English outside the markers."""
    found = unmarked.unmarked_english(marked_site, guide_words("fr"))
    found.pop(HOST_PAGE, None)  # not the guide's: the test's stand-in for another website
    report = "\n".join(f"{name}: {pieces}" for name, pieces in found.items())
    assert not found, "English that is not in the wording table (hooks/nextsteps/wording/en.py):\n" + report


def test_the_check_finds_english_outside_the_markers():
    guide = guide_words("fr")
    assert unmarked.unmarked_pieces(f"{MARK}Your checklist{END}") == []
    assert unmarked.unmarked_pieces(f"{MARK}See {MARK}the list{END}.{END} Saved in this browser") == ["Saved in this browser"]
    assert guide.owns("Ask for feedback")  # a step's title, from docs/
    assert not guide.owns("Your ticks are saved in this browser only")
    assert not guide.owns("Shared by Next Steps")  # the brand's name is the guide's, the words around it are not


def test_theme_templates_and_scripts_write_no_words_of_their_own():
    """Templates ask the table (say) and scripts get their words from the page, so nothing here is English."""
    found = {}
    templates = [p for p in code_files() if p.suffix in (".html", ".j2")]
    for path in templates:
        name = path.relative_to(ROOT).as_posix()
        words = unmarked.template_words(path.read_text(encoding="utf-8"))
        if words and name not in FOR_THE_EDITOR:
            found[name] = words
    for path in sorted(HOOKS.rglob("*.js")):
        words = unmarked.script_words(path.read_text(encoding="utf-8"))
        if words:
            found[path.relative_to(ROOT).as_posix()] = words
    assert len(templates) > 20, "the scan found too few templates to be working"
    assert not found, "\n".join(f"{name}: {words}" for name, words in found.items())


def test_who_the_guide_is_for_is_the_guides_own_word():
    """extra.guide.readers and reader name the guide's readers; a guide that sets neither
    gets the table's words for any guide, and the table names no guide's readers."""
    from nextsteps import recruiters
    from nextsteps.content import load_content, load_guide

    own = recruiters.page_markdown(load_guide(ROOT / "mkdocs.yml"))
    assert "share this guide with job seekers," in own and "If you are looking for work," in own
    plain = recruiters.page_markdown(load_content(ROOT / "docs"))  # the same pages, no settings
    assert f"share this guide with {wording.say('guide.readers')}," in plain
    assert f"If you are {wording.say('guide.reader')}," in plain
    table = (HOOKS / "nextsteps/wording/en.py").read_text(encoding="utf-8")
    assert not re.search(r"job seekers|looking for work", table)
