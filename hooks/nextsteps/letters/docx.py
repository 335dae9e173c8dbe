"""The Word copy of a template: the letter with [Field label] gaps to fill in.

python-docx stamps the clock into the file twice (the document dates and the
zip entry times), so both are set from the letter's review date: the same
sources give the same bytes.
"""

from __future__ import annotations

import functools
import io
import zipfile
from datetime import UTC, date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .. import cache
from ..content import Letter
from ..render_pool import RenderJob
from ..wording import say
from .render import Part, render_parts
from .widget import labels

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_SOURCE = Path(__file__).read_bytes()


class DocxWords(NamedTuple):
    """The wording table's words in a Word copy, looked up before the file is made:
    a render worker is another process, which has not chosen the build's language."""

    address_gap: str
    date_gap: str
    recipient_gap: str
    subject: str
    language: str


def docx_words() -> DocxWords:
    return DocxWords(
        address_gap=f"[{say('letter.gap.from')}]",
        date_gap=f"[{say('letter.gap.date')}]",
        recipient_gap=f"[{say('letter.gap.to')}]",
        subject=say("letter.subject") + " ",
        language=say("letter.docx.language"),
    )


def docx_bytes(letter: Letter, *, author: str, logo: Path | None = None) -> bytes:
    """The Word file, from the cache when nothing that shapes it has changed."""
    job = docx_job(letter, author=author, logo=logo)
    return cache.cached("docx", job.key, lambda: build(letter, author, job.args[2], logo))


def docx_job(letter: Letter, *, author: str, logo: Path | None = None) -> RenderJob:
    """The Word file as a job for the render pool (``nextsteps.render_pool``).

    ``logo``, a PNG or JPEG, goes in the page footer: the letter is the
    visitor's own, so the brand stays out of its text."""
    words = docx_words()
    parts: tuple[str | bytes, ...] = (
        letter.path, letter.body, letter.meta.model_dump_json(), author, *words, _SOURCE, _docx_version()
    )
    if logo is not None:
        parts += (logo.read_bytes(),)
    args = (letter, author, words, logo) if logo is not None else (letter, author, words)
    return RenderJob("docx", cache.key(*parts), build, args, preload=("docx",), source=letter.path)


@functools.cache
def _docx_version() -> str:
    return version("python-docx")


def build(letter: Letter, author: str, words: DocxWords, logo: Path | None = None) -> bytes:
    """Make the file without the cache: what a worker process runs."""
    # python-docx (with lxml) is imported only when a file is really made.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    meta = letter.meta
    names = labels(letter)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(10)

    if meta.channel == "letter":
        for text, right in ((words.address_gap, True), (words.date_gap, True), (words.recipient_gap, False)):
            para = doc.add_paragraph()
            if right:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _gap(para, text)
    if meta.channel == "email" and meta.subject:
        para = doc.add_paragraph()
        para.add_run(words.subject).bold = True
        _add_parts(para, render_parts(meta.subject, {}, names, blank_form=True, inline=True), bold=True)

    paragraph: list[Part] = []
    for part in render_parts(letter.body, {}, names, blank_form=True):
        if part.kind == "text" and "\n\n" in part.text:
            pieces = part.text.split("\n\n")
            paragraph.append(Part("text", pieces[0]))
            for piece in pieces[1:]:
                _add_parts(doc.add_paragraph(), paragraph)
                paragraph = [Part("text", piece)]
        else:
            paragraph.append(part)
    _add_parts(doc.add_paragraph(), paragraph)

    if logo is not None:
        footer = section.footer.paragraphs[0]
        picture = footer.add_run().add_picture(str(logo), height=Mm(8))
        picture._inline.docPr.set("descr", author)  # the picture's alt text
        footer.add_run(" " + author)

    day = datetime.combine(meta.reviewed, datetime.min.time(), tzinfo=UTC)
    props = doc.core_properties
    props.title = meta.title
    props.subject = meta.purpose
    props.author = author
    props.last_modified_by = author
    props.language = words.language
    props.revision = 1
    props.created = props.modified = props.last_printed = day
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip_dates(out.getvalue(), meta.reviewed)


def _add_parts(para: Paragraph, parts: list[Part], *, bold: bool = False) -> None:
    for part in parts:
        if part.kind == "gap":
            _gap(para, part.text, bold=bold)
            continue
        lines = part.text.split("\n")
        for i, line in enumerate(lines):
            run = para.add_run(line)
            run.bold = bold or None
            if i < len(lines) - 1:
                run.add_break()


def _gap(para: Paragraph, text: str, *, bold: bool = False) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    run = para.add_run(text)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.bold = bold or None


def _fixed_zip_dates(data: bytes, day: date) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
