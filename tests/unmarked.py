"""Find English that did not come from the wording table.

A test build uses a made-up language whose every phrase is the English one
between markers (``⟦...⟧``). What a reader can see in the built site is then
one of three things:

- marked: the wording table's words;
- the guide's own words: its pages in ``docs/``, its data in ``data/`` and its
  settings in ``mkdocs.yml`` (brand, guide words, site name), which the build
  carries into pages, PDFs and widgets;
- Material for MkDocs' own words, from its language file.

Anything else with letters in it is a word the code wrote without the table.
A piece counts as the guide's own when every part of it, split at punctuation,
is found in those files as a whole run of words (a short run of two or more
words, joined, also counts: a printed letter sets two field names side by side).
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import lxml.html

OPEN, CLOSE = "\u27e6", "\u27e7"
_BREAK = "\x00"  # where one piece of text ends and the next begins

# Addresses, file names and e-mail addresses: not words.
_NOT_WORDS = re.compile(
    r"\b(?:https?://|mailto:|tel:)\S+|\S+@\S+\.\w+|\b[\w-]+(?:/[\w.#-]*)+|\b[\w-]+\.(?:pdf|docx|ics|txt|json|html)\b"
)
_LETTERS = re.compile(r"[A-Za-z]{2,}")
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*|[a-z]{2}(?:[-_][A-Z]{2})?")
_PARTS = re.compile(r"""[.,:;!?()\[\]|·\u2013\u2014"]|\s-\s|^-\s|\s'|'\s""")
# Elements whose text a reader does not see as words, or sees as code.
_SKIPPED = {"script", "style", "svg", "code", "pre"}
# Block elements: their text never runs on into the next element's.
_BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "section", "br", "nav", "header", "footer",
    "ul", "ol", "table", "tr", "form", "fieldset", "legend", "label", "button", "title", "details", "summary",
    "aside", "main", "article", "option", "select", "dt", "dd",
}
_SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_SHOWN_META = ("description", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description")
# Built files that only carry the theme's own code or a search index of the pages.
_NOT_OURS = ("search/", "assets/javascripts/bundle.", "assets/javascripts/workers/", "assets/javascripts/lunr/")


def _plain(text: str) -> str:
    return " ".join(text.split())


def _markdown_words(text: str) -> str:
    """A source file's text as the built site shows it: no link targets, emphasis or letter-template brackets."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)
    text = re.sub(r"\*{1,3}|`", "", text)
    text = text.replace("[[", "").replace("]]", "").replace("||", " ")
    return html.unescape(text)


class GuideWords:
    """The guide's own words and Material's, to tell them from words the code wrote."""

    def __init__(self, sources: list[Path], material_language: Path) -> None:
        texts = [_plain(_markdown_words(path.read_text(encoding="utf-8"))) for path in sources]
        self.text = _BREAK.join(texts)
        found = re.findall(r'"[^"]+":\s*"([^"]*)"', material_language.read_text(encoding="utf-8"))
        self.material = set(found)

    @functools.cache  # noqa: B019 - one instance per test run
    def has_run(self, words: str) -> bool:
        return re.search(r"(?<![A-Za-z])" + re.escape(words) + r"(?![A-Za-z])", self.text) is not None

    @functools.cache  # noqa: B019
    def has_runs(self, words: tuple[str, ...]) -> bool:
        if len(words) < 2:
            return False
        if self.has_run(" ".join(words)):
            return True
        return any(self.has_run(" ".join(words[:i])) and self.has_runs(words[i:]) for i in range(2, len(words) - 1))

    def owns(self, piece: str) -> bool:
        if piece in self.material:
            return True
        # A list's number runs into its item's text when inline (a step's number on a path): not a word.
        piece = re.sub(r"(?<![\w.])\d+(?=[A-Z])", " ", piece)
        for part in _PARTS.split(_NOT_WORDS.sub(" ", piece)):
            part = part.strip()
            if not _LETTERS.search(part) or _IDENTIFIER.fullmatch(part):
                continue
            if not (self.has_run(part) or self.has_runs(tuple(part.split()))):
                return False
        return True


def unmarked_pieces(text: str) -> list[str]:
    """The text left when every marked phrase (markers may nest) is taken out, piece by piece."""
    inner = re.compile(re.escape(OPEN) + "[^" + OPEN + CLOSE + "]*" + re.escape(CLOSE))
    before = None
    while before != text:
        before, text = text, inner.sub(_BREAK, text)
    return [piece for piece in (_plain(p) for p in text.split(_BREAK)) if _LETTERS.search(_NOT_WORDS.sub(" ", piece))]


def _html_text(root: lxml.html.HtmlElement) -> str:
    """What a reader sees or hears: text, shown attributes and JSON word blocks; inline elements run together."""
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            if tag == "script" and element.get("type") == "application/json":
                parts.append(_BREAK + json_text(json.loads(element.text or "null")) + _BREAK)
        elif tag:
            parts.extend(_BREAK + element.get(name, "") + _BREAK for name in _SHOWN_ATTRIBUTES if element.get(name))
            if element.get("data-ns-words"):  # the words a script shows, handed over by the page
                parts.append(_BREAK + _script_words(element.get("data-ns-words", "")) + _BREAK)
            if tag == "meta" and (element.get("name") or element.get("property") or "") in _SHOWN_META:
                parts.append(_BREAK + element.get("content", "") + _BREAK)
            if tag in _BLOCKS:
                parts.append(_BREAK)
            parts.append(element.text or "")
            for child in element:
                walk(child)
            if tag in _BLOCKS:
                parts.append(_BREAK)
        parts.append(element.tail or "")

    walk(root)
    return "".join(parts)


def _script_words(value: str) -> str:
    """A data-ns-words attribute: one phrase, or a JSON object of them."""
    try:
        return json_text(json.loads(value))
    except ValueError:
        return value


def json_text(value: object) -> str:
    """The strings in a JSON document, the HTML ones as a reader sees them."""
    if isinstance(value, str):
        if "<" in value and ">" in value:
            return _html_text(lxml.html.fragment_fromstring(value, create_parent="div"))
        return value
    if isinstance(value, dict):
        return _BREAK.join(json_text(item) for item in value.values())
    if isinstance(value, list):
        return _BREAK.join(json_text(item) for item in value)
    return ""


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return _BREAK.join(html.unescape("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))) for p in paragraphs)


def _pdf_text(data: bytes) -> str:
    import pypdf

    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return _BREAK.join(_BREAK.join((page.extract_text() or "").splitlines()) for page in pages)


def built_text(site: Path) -> Iterator[tuple[str, str]]:
    """Each built file a reader may see, by its path, with its text as a reader gets it."""
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if not path.is_file() or name.startswith(_NOT_OURS):
            continue
        if path.suffix == ".html":
            yield name, _html_text(lxml.html.fromstring(path.read_bytes()))
        elif path.suffix == ".json":
            yield name, json_text(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".pdf":
            yield name, _pdf_text(path.read_bytes())
        elif path.suffix == ".docx":
            yield name, _docx_text(path.read_bytes())
        elif name == "embed.js":  # the loader on other websites: the words the build wrote into it
            words = re.search(r"var WORDS = (\{.*?\});\n", path.read_text(encoding="utf-8"))
            yield name, json_text(json.loads(words.group(1))) if words else "embed.js has no words object"


def unmarked_english(site: Path, guide: GuideWords) -> dict[str, list[str]]:
    """Every built file with English that is neither marked nor the guide's own, and that English."""
    found: dict[str, list[str]] = {}
    for name, text in built_text(site):
        pieces = [piece for piece in unmarked_pieces(text) if not guide.owns(piece)]
        if pieces:
            found[name] = list(dict.fromkeys(pieces))
    return found


# Words written straight into theme templates and scripts -------------------------

_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_SHOWN_ATTRIBUTE_VALUES = re.compile(r"""\s(?:aria-label|title|alt|placeholder)=["']([^"']*)["']""")
_JS_STRINGS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`|/\*.*?\*/|//[^\n]*', re.S)
_PROSE = re.compile(r"(?:^|\s)[A-Za-z']{2,}\s+[A-Za-z']{2,}(?:[\s.,:;!?]|$)")
# Words for whoever builds or embeds the site, not for its readers: the browser's console, thrown errors.
_FOR_DEVELOPERS = re.compile(r"(?:console\.\w+|Error)\([^;]*$")


def template_words(source: str) -> list[str]:
    """Text a template writes itself, outside its ``{{ }}`` and ``{% %}``: words, not data."""
    source = re.sub(r"\A(?:\{#.*?#\}\s*)?---\n.*?\n---\n", " ", source, flags=re.S)  # a page's front matter: settings, not text
    source = _JINJA.sub(" ", source)
    source = re.sub(r"<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<pre\b.*?</pre>|`[^`\n]*`", " ", source, flags=re.S)
    shown = _SHOWN_ATTRIBUTE_VALUES.findall(source)
    text = re.sub(r"<[^>]*>", "\n", source).splitlines()
    return [line.strip() for line in (*shown, *text) if _LETTERS.search(line)]


def script_words(source: str) -> list[str]:
    """String literals in a script that read as prose, leaving out what only the browser's console shows."""
    found = []
    for match in _JS_STRINGS.finditer(source):
        literal = match.group(0)
        if literal.startswith("/"):
            continue  # a comment
        line_before = source[source.rfind("\n", 0, match.start()) + 1 : match.start()]
        if _PROSE.search(literal[1:-1]) and literal[1:-1] != "use strict" and not _FOR_DEVELOPERS.search(line_before):
            found.append(literal[1:-1])
    return found
