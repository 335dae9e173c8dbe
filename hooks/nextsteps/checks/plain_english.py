"""The plain-English rule, in one place: at most 25 words a sentence, and a
Flesch reading ease of 60 or more for a page.

The tests, the build's warnings and ``nextsteps check`` all read text through
these functions, so a page that one of them passes the others pass too. Text
comes either from a built page (the words inside ``<article>``) or from a
Markdown source (each block with the file line it starts on).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from pyphen import Pyphen  # type: ignore[import-untyped]

MAX_WORDS = 25
MIN_READING_EASE = 60.0

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "summary", "label", "legend", "figcaption"}
SKIP = {"script", "style", "svg", "button"}
WORD = re.compile(r"[A-Za-z0-9\u2019']+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or heading as a reader sees it, and where it starts."""

    text: str
    line: int | None = None


class _ArticleText(HTMLParser):
    """Collects the text of the main article, one entry per block element."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <article>
        self.skip = 0
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def article_blocks(html: str) -> list[str]:
    """The text a visitor reads in a built page's ``<article>``, one string per block."""
    parser = _ArticleText()
    parser.feed(html)
    parser.flush()
    return parser.blocks


# Markdown that is not words: front matter, HTML comments, fences, link targets, emphasis.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]+|\{[:#.][^}]*\}")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")


def markdown_blocks(body: str, first_line: int = 1) -> list[Block]:
    """The words of a Markdown body, one block per paragraph, list item or
    heading, each with its line in the file (``first_line`` is the body's)."""
    body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    fenced = False

    def flush() -> None:
        text = " ".join(" ".join(current).split())
        if text:
            blocks.append(Block(text, start))
        current.clear()

    for number, raw in enumerate(body.splitlines(), start=first_line):
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            flush()
            fenced = not fenced
            continue
        if fenced or not line or line.startswith("|"):
            flush()
            continue
        item = _LIST_MARK.match(raw) or _HEADING.match(line)
        if item or _TAG.fullmatch(line):
            flush()
        if not current:
            start = number
        text = _MARKS.sub("", _LINK.sub(r"\1", _TAG.sub(" ", _HEADING.sub("", _LIST_MARK.sub("", line)))))
        current.append(text)
        if _HEADING.match(line):
            flush()
    flush()
    return blocks


def sentences(blocks: list[str]) -> list[str]:
    """Sentences as a reader meets them: a block ends one, and so do . ! and ?."""
    return [part.strip() for block in blocks for part in SENTENCE_END.split(block) if part.strip()]


def word_count(sentence: str) -> int:
    return len(WORD.findall(sentence))


def long_sentences(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Each sentence over MAX_WORDS words, with the block it is in."""
    return [(block, s) for block in blocks for s in sentences([block.text]) if word_count(s) > MAX_WORDS]


def reading_ease(blocks: list[str]) -> float:
    """Flesch reading ease of the blocks read as one text. A heading or list
    item without a full stop still ends its sentence, as a reader hears it."""
    text = " ".join(b if b.endswith((".", "!", "?", ":")) else b + "." for b in blocks)
    return flesch_reading_ease(text) if text.strip() else 100.0


# Flesch reading ease, counted exactly as textstat 0.7.3 counts it (the tests
# compare the two), without loading textstat: it takes most of a second to
# start, and its later releases fetch data from the network.
_NOT_WORD = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def flesch_reading_ease(text: str) -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word.

    A "sentence" of two words or fewer (a heading, "No one does!") does not
    count as a sentence; averages are rounded to one place, as textstat does.
    """
    words = _lexicon(text)
    if not words:
        return 206.835
    found = _SENTENCE.findall(text)
    sentences = max(1, len(found) - sum(1 for s in found if _lexicon(s) <= 2))
    per_sentence = _round(words / sentences, 1)
    per_word = _round(_syllables(text) / words, 1)
    return _round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2)


def _lexicon(text: str) -> int:
    return len(_NOT_WORD.sub("", text).split())


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    return Pyphen(lang="en_US")


def _syllables(text: str) -> int:
    return sum(len(_hyphenator().positions(word)) + 1 for word in _NOT_WORD.sub("", text.lower()).split())


def _round(number: float, places: int) -> float:
    scale: int = 10**places
    return math.floor(number * scale + math.copysign(0.5, number)) / scale


def shorten(sentence: str, words: int = 8) -> str:
    """The start of a sentence, enough for an editor to find it."""
    found = sentence.split()
    return " ".join(found[:words]) + (" ..." if len(found) > words else "")


def problems(blocks: list[Block]) -> list[tuple[int | None, str]]:
    """(line, what to change) for every long sentence and a hard page."""
    found: list[tuple[int | None, str]] = [
        (block.line, f'this sentence has {word_count(s)} words, more than {MAX_WORDS}: "{shorten(s)}". Split it in two')
        for block, s in long_sentences(blocks)
    ]
    ease = reading_ease([b.text for b in blocks])
    if ease < MIN_READING_EASE:
        found.append(
            (None, f"reading ease is {ease:.0f}, below {MIN_READING_EASE:.0f}. Use shorter sentences and words")
        )
    return found
