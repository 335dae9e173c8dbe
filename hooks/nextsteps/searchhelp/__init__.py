"""Help within reach of site search: "Need help now?" above the results.

A reader who types "suicide", "rejected" or "benefits" into the search box is
looking for help, not for a page that happens to use the word. The words, and
the part of the "Get support" page each one leads to, are content: editors
keep them in ``data/search-help.yml``. ``search-help.js`` shows the line above
Material's results, and points a search that finds nothing to Get support and
the start page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..addresses import SUPPORT_PAGE, page_url
from ..outputs import Generated, asset
from ..problems import ContentError, Problem, with_lines, yaml_problem
from ..support import SupportList
from ..wording import words_for_script

HERE = Path(__file__).parent
DATA_FILE = "data/search-help.yml"  # relative to the project folder
SCRIPT = "assets/javascripts/search-help.js"
STYLESHEET = "assets/stylesheets/search-help.css"
DATA = "assets/javascripts/search-help.json"
WORD = re.compile(r"^[a-z0-9' -]{2,40}$")


@dataclass(frozen=True)
class Section:
    topic: str
    words: tuple[str, ...]


def load(project: Path, topics: tuple[str, ...] | None = None) -> tuple[Section, ...]:
    """The file's sections, or ContentError naming the file, the field and the line.

    ``topics``: the support list's topics, which a section must name; None
    when the list could not be read (its own problems say why)."""
    path = project / DATA_FILE
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(exc, DATA_FILE, text)]) from None
    entries = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ContentError([Problem(DATA_FILE, "sections", "must be a list of 'section' and 'words'")])
    problems: list[Problem] = []
    found: list[Section] = []
    for i, entry in enumerate(entries):
        where = f"sections[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"section", "words"}:
            problems.append(Problem(DATA_FILE, where, "needs exactly two fields: section and words"))
            continue
        topic, words = entry["section"], entry["words"]
        if topics is not None and topic not in topics:
            allowed = f"Allowed: {', '.join(topics)}" if topics else "This guide has no support list"
            problems.append(Problem(DATA_FILE, f"{where}.section", f"'{topic}' is not a part of the support page. {allowed}"))
            continue
        if not isinstance(words, list) or not words:
            problems.append(Problem(DATA_FILE, f"{where}.words", "must be a list of words"))
            continue
        for j, word in enumerate(words):
            if not isinstance(word, str) or not WORD.match(word):
                problems.append(
                    Problem(
                        DATA_FILE,
                        f"{where}.words[{j}]",
                        f"{word!r}: use 2 to 40 lower-case letters, digits, spaces, hyphens or apostrophes",
                    )
                )
        found.append(Section(topic, tuple(w for w in words if isinstance(w, str))))
    if problems:
        raise ContentError(with_lines(problems, {DATA_FILE: path}))
    return tuple(found)


def generated_files(sections: tuple[Section, ...], support_list: SupportList | None, *, support: bool = True) -> list[Generated]:
    """The script, its stylesheet, and the words it looks for with where each leads.

    ``support_list``: what the support page shows. A brand's own list may
    leave a topic out, and a link to a part that is not there helps nobody.
    ``support``: whether the guide has a support page at all.
    """
    support_url = page_url(SUPPORT_PAGE)
    present = {o.topic for o in support_list.organisations} if support_list else set()
    data = {
        "sections": [
            {"href": f"{support_url}#{s.topic}", "title": support_list.title_of(s.topic), "words": list(s.words)}
            for s in sections
            if support and support_list and s.topic in present
        ],
        "support": support_url if support else "",
        "start": "",
        "words": words_for_script("script.search."),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return [asset(SCRIPT, HERE / "search-help.js"), asset(STYLESHEET, HERE / "search-help.css"), Generated(DATA, text)]
