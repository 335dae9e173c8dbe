"""Turn an ``Article`` into draft step pages.

The rule for how many steps (``steps_rule``): an article of up to
``ONE_STEP_WORDS`` words, or with fewer than ``MIN_HEADINGS_TO_SPLIT``
headings, is one piece of advice read in one sitting, so it becomes one step
and each heading becomes a section (``##``) of it. A longer article becomes
one step per top-level heading; its introduction opens the first step and
deeper headings become that step's sections. ``--steps one|each`` overrides it.

Each draft is valid content (``StepMeta``) with ``draft: true``, so the guide
still builds the moment the import has written it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

import yaml

from .article import Article, Section, split_sentences

ONE_STEP_WORDS = 900
MIN_HEADINGS_TO_SPLIT = 3
SUMMARY_CHARS = 160
SLUG_WORDS = 6
ID_WORDS = 5
MAX_ITEM_WORDS = 14
DEFAULT_WHEN = "this-week"


@dataclass
class Candidate:
    """A checklist item found in the prose: an instruction, as a short imperative."""

    id: str
    text: str
    sentence: str  # what the article said


@dataclass
class Draft:
    slug: str
    title: str
    summary: str
    body: str
    order: int
    candidates: list[Candidate] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # the article's headings this step holds

    def page(self, article: Article, day: date) -> str:
        """The whole Markdown file: front matter, then the body."""
        lines = ["---", f"title: {_yaml(self.title)}", f"summary: {_yaml(self.summary)}", f"order: {self.order}"]
        lines.append(f"when: {DEFAULT_WHEN}  # when to do this: today, this-week or ongoing")
        if self.candidates:
            lines.append(
                "checklist:  # found in the article: keep, reword or delete each; an item may add its own 'when'"
            )
            for item in self.candidates:
                lines += [f"  - id: {item.id}", f"    text: {_yaml(item.text)}"]
        lines.append(f"reviewed: {day.isoformat()}")
        lines += ["source:", f"  title: {_yaml(article.title)}"]
        if article.url:
            lines.append(f"  url: {_yaml(article.url)}")
        lines += [f"  imported: {day.isoformat()}", "draft: true  # remove this line to publish the step", "---", ""]
        return "\n".join(lines) + "\n" + self.body


def steps_rule(article: Article, rule: str) -> str:
    """'one' or 'each': how many steps this article makes (see the module's docstring)."""
    if rule in ("one", "each"):
        return rule
    if article.words <= ONE_STEP_WORDS or len(article.headings) < MIN_HEADINGS_TO_SPLIT:
        return "one"
    return "each"


def make_drafts(
    article: Article, rule: str, *, taken_slugs: set[str], taken_ids: set[str], first_order: int
) -> list[Draft]:
    """The draft steps of an article, with slugs and item ids that are free in the guide."""
    groups: list[tuple[str, list[Section]]]
    if steps_rule(article, rule) == "one":
        groups = [(article.title, article.sections)]
    else:
        top = min(s.level for s in article.headings)
        groups = []
        for section in article.sections:
            if section.heading and section.level == top:
                groups.append((section.heading, [Section(None, section.level, section.blocks)]))
            elif not groups:
                groups.append(("", [section]))  # the introduction: it opens the first step
            else:
                groups[-1][1].append(section)
        if groups and groups[0][0] == "" and len(groups) > 1:
            intro = groups.pop(0)[1]
            groups[0] = (groups[0][0], intro + groups[0][1])
    drafts = []
    used_ids = set(taken_ids)
    for number, (title, sections) in enumerate(groups):
        slug = free_slug(slugify(title, SLUG_WORDS) or "imported-step", taken_slugs)
        taken_slugs.add(slug)
        top = min((s.level for s in sections if s.heading), default=2)
        body = _body(sections, shift=top - 2)
        text = [b.removeprefix("- ") for s in sections for b in s.blocks]
        first = split_sentences(text[0])[0] if text else title
        candidates: list[Candidate] = []
        for sentence in (s for block in text for s in split_sentences(block)):
            imperative = as_imperative(sentence)
            if imperative and imperative not in {c.text for c in candidates}:
                item_id = free_slug(slugify(_content_words(imperative), ID_WORDS), used_ids)
                used_ids.add(item_id)
                candidates.append(Candidate(item_id, imperative, sentence))
        headings = [s.heading for s in sections if s.heading]
        covered = headings if steps_rule(article, rule) == "one" else [title, *headings]
        drafts.append(Draft(slug, title, summary_of(first), body, first_order + number, candidates, covered))
    return drafts


def summary_of(sentence: str) -> str:
    """The first sentence, cut at a word to fit the summary's 160 characters."""
    if len(sentence) <= SUMMARY_CHARS:
        return sentence
    cut = sentence[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:\u2013\u2014-")
    return cut + "\u2026"


def _body(sections: list[Section], shift: int) -> str:
    parts = []
    for section in sections:
        if section.heading:
            parts.append("#" * max(2, min(section.level - shift, 4)) + " " + escape(section.heading))
        parts += [("- " + escape(b[2:])) if b.startswith("- ") else escape(b) for b in section.blocks]
    text = "\n\n".join(parts)
    return re.sub(r"(^- .*)\n\n(?=- )", r"\1\n", text, flags=re.M) + "\n"


# What the Markdown renderer would read as markup: escaped, so the words show as words.
_MARKUP = re.compile(r"([\\`*_{}\[\]])")
_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s|[=-]{3,})")


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly this text and can run nothing:
    no HTML, no links, no attribute lists, no emphasis."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKUP.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: re.sub(r"(\d+)([.)])", r"\1\\\2", m.group(1)) if m.group(1)[0].isdigit() else "\\" + m.group(1), text
    )


def _yaml(text: str) -> str:
    """A YAML scalar: plain when that is safe, otherwise JSON's double quotes (valid YAML)."""
    if (
        re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ,.'\u2019()/-]*[A-Za-z0-9.)\u2019']", text)
        and ": " not in text
        and " #" not in text
        and yaml.safe_load(text) == text  # "2024", "yes" and "null" are not text to YAML
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str, words: int) -> str:
    found = re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "").replace("'", ""))
    return "-".join(found[:words])


def free_slug(slug: str, taken: set[str]) -> str:
    """The slug, or the slug with -2, -3... when it is taken: never overwrite."""
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


STOP_WORDS = set(
    [
        "a",
        "an",
        "the",
        "to",
        "for",
        "of",
        "your",
        "you",
        "and",
        "or",
        "in",
        "on",
        "with",
        "that",
        "this",
        "it",
        "is",
        "be",
        "any",
        "all",
        "about",
        "from",
        "as",
        "at",
        "by",
        "their",
        "they",
        "them",
        "it's",
        "its",
    ]
)


def _content_words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[A-Za-z0-9\u2019']+", text) if w.lower() not in STOP_WORDS)


# Instructions -------------------------------------------------------------------------------

# Verbs that start advice, in the base form an instruction uses.
_VERB_WORDS = """
    accept add agree apply approach ask avoid be book build call change check choose clear come connect
    consider contact create decide describe do dress email explain find focus follow get give go hold
    identify improve join keep learn let list look make move note plan practise practice prepare put
    reach read record reflect remember remind reply research rest review save say search see send set
    show sign speak spend start stay stop take talk tell thank think treat try turn update use visit
    wait walk work write
"""
VERBS = frozenset(_VERB_WORDS.split())
DANGLING = set(
    ["like", "to", "for", "and", "or", "of", "the", "a", "an", "with", "about", "as", "than", "that", "if", "when"]
)
_LEAD = re.compile(
    r"^(?:(?:first(?: of all)?|firstly|secondly|then|next|lastly|finally|also|instead"
    r"|if possible|where possible|above all|in short|so|now),?\s+)+",
    re.IGNORECASE,
)
_ADVICE = re.compile(
    r"\b(?:you (?:should|could|must|need to|ought to|may want to|might want to|might|will want to"
    r"|\u2019ll want to|'ll want to|can)"
    r"|(?:it[\u2019']s|it is) (?:also )?(?:a good idea|ideal|best|important|worth|wise|helpful|a great idea|good"
    r"|always a good idea) to"
    r"|(?:try|remember|make sure you|be sure) to|make sure you)"
    r"\s+(?:(?:also|then|simply|always|first|still|really)\s+)?(.+)",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s+(?:[\u2013\u2014-]\s|in case\b|because\b|so that\b|so you\b|to see\b|which\b|while\b|as a way\b"
    r"|but\b|since\b)|[,;:(]"
)


def as_imperative(sentence: str) -> str | None:
    """A short instruction, when the sentence tells the reader to do something.

    "Where you can, you should send a short note because it leaves a good
    impression" becomes "Send a short note."; a sentence that only
    describes, or a "do not", gives None: a checklist lists things to do.
    """
    text = sentence.strip().rstrip(".!?").strip()
    text = _LEAD.sub("", text)
    first = re.match(r"[A-Za-z]+", text)
    if first and text[first.end() : first.end() + 1] == ",":
        return None  # "Rest, food and fresh air...": a list of nouns, not an instruction
    if first and first.group(0).lower() in VERBS and first.group(0)[0].isupper():
        action = text
    else:
        found = _ADVICE.search(text)
        if not found:
            return None
        action = found.group(1)
        verb = re.match(r"[A-Za-z]+", action)
        if not verb or verb.group(0).lower() not in VERBS:
            return None
    cut = _CUT.search(action, pos=len(action.split()[0]))
    shortened = action[: cut.start()].strip() if cut else action
    was_cut = cut is not None and len(shortened.split()) >= 3  # "Try to see a friend" keeps its "to see"
    action = (shortened if was_cut else action).strip().rstrip(".,;:")
    words = action.split()
    if not 2 <= len(words) <= MAX_ITEM_WORDS or (words[0].lower() in {"be", "do"} and len(words) < 3):
        return None
    if was_cut and words[-1].lower() in DANGLING:
        return None  # the cut left half a thought: "Ask yourself things like"
    if words[0].lower() == "do" and len(words) > 1 and words[1].lower() in {"not", "n't"}:
        return None
    return action[0].upper() + action[1:] + "."
