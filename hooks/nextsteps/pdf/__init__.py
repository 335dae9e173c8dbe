"""PDF rendering shared by the checklist and letter downloads.

WeasyPrint takes most of a second to import, so it is imported only when a
PDF is really rendered, and finished PDFs are cached (``nextsteps.cache``) by
a hash of their HTML and the WeasyPrint version: a rebuild after an edit that
does not touch them does no PDF work at all.

Fonts ship in ``fonts/`` so the PDFs embed the same glyphs on every machine,
and dates come from the content (``dcterms`` meta), never the clock, so the
same sources give the same bytes.
"""

from __future__ import annotations

import functools
from importlib.metadata import version
from pathlib import Path

from .. import cache
from ..render_pool import RenderJob

FONTS_DIR = Path(__file__).parent / "fonts"
_FONTS_STAMP = ",".join(f"{p.name}:{p.stat().st_size}" for p in sorted(FONTS_DIR.glob("*.ttf")))


def font_face_css() -> str:
    """@font-face rules for the bundled fonts, for a print stylesheet."""
    regular = (FONTS_DIR / "DejaVuSans.ttf").as_uri()
    bold = (FONTS_DIR / "DejaVuSans-Bold.ttf").as_uri()
    return (
        f"@font-face{{font-family:'Next Steps Sans';src:url('{regular}');font-weight:400}}\n"
        f"@font-face{{font-family:'Next Steps Sans';src:url('{bold}');font-weight:700}}\n"
    )


def render_pdf(html: str) -> bytes:
    """Render an HTML document to a tagged PDF (PDF/UA-1).

    The document must carry ``<html lang>``, a ``<title>`` and
    ``dcterms.created`` / ``dcterms.modified`` meta tags: they become the PDF's
    language, title and dates.
    """
    return cache.cached("pdf", _key(html), lambda: render_now(html))


def pdf_job(html: str, *extra_key: str, function=None, args: tuple = ()) -> RenderJob:
    """The same PDF as a job for the render pool (``nextsteps.render_pool``).

    ``function(*args)`` may finish the HTML in the worker (the checklist adds
    its QR code there); ``extra_key`` then names everything it adds.
    """
    return RenderJob("pdf", _key(html, *extra_key), function or render_now, args or (html,), preload=("weasyprint",))


def _key(html: str, *extra: str) -> str:
    return cache.key(html, *extra, _weasyprint_version(), _FONTS_STAMP)


@functools.cache
def _weasyprint_version() -> str:
    return version("weasyprint")  # reads package metadata: slow enough to do once


def render_now(html: str) -> bytes:
    """Render without the cache: what a worker process runs."""
    from weasyprint import HTML  # deferred: slow to import, see module docstring

    return HTML(string=html, base_url=str(FONTS_DIR)).write_pdf(pdf_variant="pdf/ua-1", font_config=_font_config())


@functools.cache
def _font_config():
    """One font setup per process: every document loads the same two bundled
    fonts, and loading them again for each PDF cost about a fifth of its time.
    The bytes are the same either way."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def page_count(pdf: bytes) -> int:
    """How many pages a finished PDF has, for the build log.

    WeasyPrint packs the page tree into compressed object streams, so each
    stream is unpacked; the page tree's '/Count' is the largest one (the
    outline's '/Count' entries are left out).
    """
    import re
    import zlib

    tree = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")
    counts = [int(n) for n in tree.findall(pdf)]
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            data = zlib.decompressobj().decompress(pdf[match.end() : match.end() + 1_000_000])
        except zlib.error:
            continue
        counts += [int(n) for n in tree.findall(data)]
    return max(counts, default=0)


def renders_so_far() -> int:
    """How many PDFs this process has really rendered (for tests and benchmarks)."""
    return cache.produced["pdf"]
