"""Reading the words a visitor reads on a built page, for plain-English checks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "summary", "label", "legend", "figcaption"}
SKIP = {"script", "style", "svg", "button"}


class _ArticleText(HTMLParser):
    """Collects the text of the main article, one entry per block element."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <article>
        self.skip = 0
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCKS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def article_blocks(html: str) -> list[str]:
    parser = _ArticleText()
    parser.feed(html)
    parser._flush()
    return parser.blocks


def sentences(blocks: list[str]) -> list[str]:
    found = []
    for block in blocks:
        for part in re.split(r"(?<=[.!?])\s+", block):
            if part.strip():
                found.append(part.strip())
    return found


def word_count(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9\u2019']+", sentence))
