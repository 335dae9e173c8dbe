"""Read a saved article, whatever its format, into an ``Article``.

Each format has one reader. Bad input stops here with one line that says
what is wrong and what to do, before anything is written.

Nothing here uses the network: web pages are read from the saved file only,
and no address in them is ever fetched.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path

import markdown as markdown_lib
from lxml import etree
from lxml import html as lxml_html

from .article import Article, Section, clean, drop_furniture

KINDS = {
    ".html": "web page",
    ".htm": "web page",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".txt": "plain text",
    ".text": "plain text",
    ".docx": "Word",
}
MIN_ARTICLE_WORDS = 30  # fewer words than this is a page's furniture, not an article
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
SKIPPED_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "form", "button", "head"}
BOXES = {"div", "blockquote", "section", "article", "td", "dd", "figcaption", "pre"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class ImportProblem(Exception):
    """Why a source cannot be imported, in one line an editor can act on."""


def read_article(path: Path, title: str | None = None) -> Article:
    """The article in ``path``, without the site around it, or ImportProblem."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise ImportProblem(
            f"{path.name}: '{path.suffix or 'no extension'}' is not a format the import reads. Allowed: .html, .htm, "
            ".md, .markdown, .txt, .text, .docx"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ImportProblem(f"{path.name}: the file is empty. Save the article's text in it and import it again")
    if kind == "Word":
        article = _read_docx(path, data)
    else:
        text = _decode(path, data, kind)
        if kind == "web page":
            article = _read_html(path, text)
        elif kind == "Markdown":
            article = _read_markdown(path, text)
        else:
            article = _read_text(path, text)
    if title:
        article.title = clean(title)
    article = drop_furniture(article)
    if article.words < MIN_ARTICLE_WORDS:
        raise ImportProblem(
            f"{path.name}: found no article in it, only {article.words} words of text. Save the page with the "
            "article's text and import it again"
        )
    return article


def _decode(path: Path, data: bytes, kind: str) -> str:
    """Text from bytes: a byte-order mark, a web page's own charset, or UTF-8.

    Anything else is refused rather than guessed: a wrong guess turns every
    apostrophe and accent into nonsense that an editor might not notice.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="strict")
    if b"\x00" in data[:8192]:
        raise ImportProblem(
            f"{path.name}: this is a binary file, not {kind}. Save the article as .html, .md, .txt or .docx and "
            "import that"
        )
    declared = META_CHARSET.search(data[:4096]) if kind == "web page" else None
    codec = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise ImportProblem(
            f"{path.name}: the page says its encoding is '{codec}', which is not a known encoding. Save it again as "
            "UTF-8"
        ) from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        said = (
            f"is not {codec} text as it says"
            if declared
            else "is not UTF-8 text and does not say which encoding it uses"
        )
        raise ImportProblem(f"{path.name}: line {line} {said}. Save it again as UTF-8") from None


# Web pages --------------------------------------------------------------------------------


def _read_html(path: Path, text: str) -> Article:
    """The article from a saved web page, found by trafilatura.

    trafilatura scores the page's blocks the way a reader skims them and keeps
    the main text; it is given the text, never an address, so it fetches nothing.
    """
    import trafilatura  # loaded only for web pages: it takes a moment to start

    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise ImportProblem(f"{path.name}: found no article in it: the page has no HTML body") from None
    found_links = tree.xpath("//link[@rel='canonical']/@href")
    links = [str(href).strip() for href in found_links] if isinstance(found_links, list) else []
    canonical = next((href for href in links if href.startswith(("https://", "http://"))), None)
    found = trafilatura.extract(
        tree,
        output_format="xml",
        include_comments=False,
        include_links=False,
        include_images=False,
        include_tables=False,
        include_formatting=False,
        with_metadata=True,
        deduplicate=False,
    )
    if not found:
        raise ImportProblem(
            f"{path.name}: found no article in it: the page has navigation and other furniture only. Save the page "
            "with the article's text and import it again"
        )
    doc = etree.fromstring(found.encode("utf-8"))
    title = clean(str(doc.get("title") or "")) or _page_title(tree) or _title_from_name(path)
    sections = [Section(None)]
    for element in doc.iter("head", "p", "item", "quote"):
        words = clean("".join(str(t) for t in element.itertext()))
        if not words:
            continue
        if element.tag == "head":
            level = int((element.get("rend") or "h2")[1:] or 2) if (element.get("rend") or "").startswith("h") else 2
            if level == 1 and not any(s.blocks for s in sections) and (words == title or not sections[0].blocks):
                title = words
                continue
            sections.append(Section(words, level))
        elif element.tag == "item":
            sections[-1].blocks.append("- " + words)
        elif (parent := element.getparent()) is None or parent.tag != "item":
            sections[-1].blocks.append(words)
    article = Article(title, canonical, [s for s in sections if s.heading or s.blocks], "web page")
    kept = (
        {b.removeprefix("- ") for s in article.sections for b in s.blocks}
        | {s.heading for s in article.sections if s.heading}
        | {title}
    )
    article.dropped = [line for line in _visible_lines(tree) if line not in kept and not any(line in k for k in kept)]
    return article


def _page_title(tree: lxml_html.HtmlElement) -> str:
    found = tree.xpath("//title/text()")
    return clean(re.split(r"\s[|\u2013\u2014-]\s", found[0])[0]) if found else ""


def _visible_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """Every line of text a visitor would see on the page, once each."""
    body = tree.find("body")
    seen: dict[str, None] = {}
    if body is None:
        return []
    for element in body.iter():
        if (
            not isinstance(element.tag, str)
            or element.tag in SKIPPED_TAGS
            or any(a.tag in SKIPPED_TAGS for a in element.iterancestors())
        ):
            continue
        for piece in (element.text, element.tail if element is not body else None):
            line = clean(piece or "")
            if line and len(line) > 1:
                seen.setdefault(line, None)
    return list(seen)


# Markdown -----------------------------------------------------------------------------------


def _read_markdown(path: Path, text: str) -> Article:
    """Markdown read as its HTML, so lists, links and emphasis come out as a reader sees them."""
    title = ""
    front = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.S)
    if front:
        named = re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", front.group(1), re.M)
        title = clean(named.group(1)) if named else ""
        text = text[front.end() :]
    rendered = markdown_lib.markdown(text)
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    return _from_blocks(tree, title, path, "Markdown")


def _from_blocks(tree: lxml_html.HtmlElement, title: str, path: Path, kind: str) -> Article:
    sections = [Section(None)]
    for element in tree.iter():
        if (
            not isinstance(element.tag, str)
            or any(a.tag in SKIPPED_TAGS for a in element.iterancestors())
            or element.tag in SKIPPED_TAGS
        ):
            continue
        leaf_box = element.tag in BOXES and not any(
            isinstance(d.tag, str) and (d.tag in HEADING_TAGS or d.tag in BOXES or d.tag in {"p", "li"})
            for d in element.iterdescendants()
        )  # a <div> of text with no paragraphs in it: its words are a paragraph too
        if element.tag not in HEADING_TAGS and element.tag not in {"p", "li"} and not leaf_box:
            continue
        if element.tag == "p" and any(a.tag == "li" for a in element.iterancestors()):
            continue  # a loose list's paragraph is read with its item
        words = clean(" ".join(t for t in _text_without_skipped(element)))
        if not words:
            continue
        level = HEADING_TAGS.get(element.tag)
        if level == 1 and not title:
            title = words
        elif level:
            sections.append(Section(words, level))
        else:
            sections[-1].blocks.append(("- " if element.tag == "li" else "") + words)
    return Article(title or _title_from_name(path), None, [s for s in sections if s.heading or s.blocks], kind)


def _text_without_skipped(element: lxml_html.HtmlElement) -> list[str]:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
            parts += _text_without_skipped(child)
        parts.append(child.tail or "")
    return parts


# Plain text ---------------------------------------------------------------------------------

NAME_OR_DATE = re.compile(r"^(?:(?:[A-Z][a-z'\u2019.-]+\s?){1,4}|\d{1,2} \w+ \d{4}|\w+ \d{1,2},? \d{4}|by .+)$")


def looks_like_heading(line: str) -> bool:
    """A heading as articles write them: a short line with no full stop, in
    title case or sentence case. A short question in title case counts too."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 90 or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.endswith("?"):
        return len(words) <= 10 and sum(w[0].isupper() for w in words if len(w) > 3) >= max(
            1, len([w for w in words if len(w) > 3]) // 2
        )
    return not line.endswith((".", ",", ";", ":", "!", "-", "\u2013", "\u2014", "\u2026", ")", '"', "\u201d"))


def _read_text(path: Path, text: str) -> Article:
    """Plain text: paragraphs are lines or blank-line blocks; headings are
    short lines without a full stop. The first such line, before any
    paragraph, is the title; short names or dates under it are the byline."""
    lines = [clean(line) for line in text.splitlines()]
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    wrapped = (
        sum(1 for c in chunks if len(c) > 1) > 0
        and len(chunks) > 1
        and sum(len(c) for c in chunks) / len(chunks) > 1.5
        and not _line_per_paragraph(chunks)
    )
    blocks: list[str] = []
    for chunk in chunks:
        if not chunk:
            continue
        if wrapped:
            if len(chunk) > 1 and looks_like_heading(chunk[0]) and len(chunk[0].split()) <= 8:
                blocks += [chunk[0], " ".join(chunk[1:])]
            else:
                blocks.append(" ".join(chunk))
        else:
            blocks += chunk
    title = ""
    dropped: list[str] = []
    sections = [Section(None)]
    for block in blocks:
        heading = looks_like_heading(block)
        started = any(s.blocks for s in sections)
        if heading and not started and not title and len(sections) == 1:
            title = block
        elif heading and not started and len(sections) == 1 and (block == title or NAME_OR_DATE.match(block)):
            dropped.append(block)  # the title again, or the author's name or the date
        elif heading:
            sections.append(Section(block))
        else:
            sections[-1].blocks.append(
                block[2:].strip() and "- " + block[2:].strip() if block.startswith(("- ", "* ", "\u2022 ")) else block
            )
    article = Article(
        title or _title_from_name(path), None, [s for s in sections if s.heading or s.blocks], "plain text", dropped
    )
    return article


def _line_per_paragraph(chunks: list[list[str]]) -> bool:
    """Text saved from a browser has one paragraph a line: most lines end a sentence."""
    lines = [line for chunk in chunks for line in chunk]
    ends = sum(1 for line in lines if line.endswith((".", "!", "?", ":")))
    return ends >= len(lines) * 0.6


# Word ---------------------------------------------------------------------------------------


def _read_docx(path: Path, data: bytes) -> Article:
    """A Word file: its Title style is the title, its Heading styles the headings."""
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportProblem(
            f"{path.name}: this is not a Word (.docx) file. Open it in Word and save it as .docx, or save the text "
            "as .txt"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise ImportProblem(
            f"{path.name}: this is not a Word (.docx) file that can be read. Open it in Word and save it as .docx again"
        ) from None
    title = clean(document.core_properties.title or "")
    sections = [Section(None)]
    headings = 0
    for paragraph in document.paragraphs:
        words = clean(paragraph.text)
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if not words:
            continue
        if style == "Title":
            title = title or words
            continue
        level = re.match(r"Heading (\d)", style)
        if level:
            headings += 1
            if int(level.group(1)) == 1 and not title:
                title = words
            else:
                sections.append(Section(words, min(int(level.group(1)), 4)))
        elif style.startswith("List"):
            sections[-1].blocks.append("- " + words)
        else:
            sections[-1].blocks.append(words)
    if not headings:
        raise ImportProblem(
            f"{path.name}: the Word file has no headings. Give each subheading Word's 'Heading 2' style, save, and "
            "import it again"
        )
    return Article(title or _title_from_name(path), None, [s for s in sections if s.heading or s.blocks], "Word")


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[_\-]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Imported article"
