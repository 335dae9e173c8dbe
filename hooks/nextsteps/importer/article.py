"""An article as a reader sees it: a title, an introduction and headed sections.

Every kind of source (a saved web page, Markdown, plain text, a Word file) is
read into this one shape, so the drafting rules never depend on the format.
Text here is plain: no HTML and no Markdown, so nothing in it can run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Lines a website puts around its articles, not advice: a reader skips them.
FURNITURE = re.compile(
    r"\b(?:cookies?\b.*\b(?:accept|consent|use|settings|policy)|(?:accept|reject|manage)\b.*\bcookies"
    r"|share (?:this|on|via)|^share\b|follow us|like us on|sign up (?:for|to)|subscribe (?:to|for|now)|newsletter"
    r"|no comments|be the first to (?:post|comment)|post (?:a )?comment|leave a (?:comment|reply)|comments? \(\d+\)"
    r"|contact (?:us|our team)|get in touch with (?:us|our team)|call us|email us"
    r"|speak to (?:one of )?our (?:team|consultants?)"
    r"|read more\b|related (?:posts|articles)|back to (?:top|blog|news)|all rights reserved|privacy policy)",
    re.IGNORECASE,
)
# "By Priya Shah, 3 March 2026": who wrote it and when, not what to do.
BYLINE = re.compile(r"^(?:By|Written by|Posted by) (?:[A-Z][\w'\u2019-]+ ?){1,3}(?:[,|].*)?$")
# "(like us, ...!)": the agency naming itself in the middle of a sentence of advice.
SELF_PROMOTION = re.compile(r"\s*\((?:like|such as) us\b[^)]*\)", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")


@dataclass
class Section:
    """A heading and the blocks under it; the introduction has no heading.

    A block is a paragraph, or a list item starting with '- '.
    """

    heading: str | None
    level: int = 2
    blocks: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str
    url: str | None
    sections: list[Section]
    kind: str  # "web page", "Markdown", "plain text" or "Word"
    dropped: list[str] = field(default_factory=list)  # page furniture left out, for the editor to check

    @property
    def headings(self) -> list[Section]:
        return [s for s in self.sections if s.heading]

    @property
    def words(self) -> int:
        return sum(len(b.split()) for s in self.sections for b in s.blocks)


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def clean(text: str) -> str:
    """One line of plain text: runs of spaces, tabs and odd spaces made one space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


def drop_furniture(article: Article) -> Article:
    """Take out the sentences a website adds around advice: share and follow
    lines, comment forms, cookie notices, calls to contact the agency.

    Whole sentences go, never parts of words, and each is listed in
    ``dropped`` so the editor can check nothing real was lost.
    """
    for section in list(article.sections):
        if section.heading and FURNITURE.search(section.heading):
            article.dropped += [section.heading, *section.blocks]
            article.sections.remove(section)
            continue
        kept_blocks = []
        for block in section.blocks:
            bullet = block.startswith("- ")
            text = block[2:] if bullet else block
            for promo in SELF_PROMOTION.findall(text):
                article.dropped.append(promo.strip())
            text = SELF_PROMOTION.sub("", text)
            kept = []
            for sentence in split_sentences(text):
                if FURNITURE.search(sentence) or BYLINE.match(sentence):
                    article.dropped.append(sentence)
                else:
                    kept.append(sentence)
            if kept:
                kept_blocks.append(("- " if bullet else "") + " ".join(kept))
        section.blocks = kept_blocks
    return article
