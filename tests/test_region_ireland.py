"""The Irish edition: Irish laws, payments and crisis numbers, and no UK-only
fact on any page, PDF, Word file, widget or feed. The UK site shows no Irish one."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from nextsteps.content import regions
from support import build, pdf_page_texts

# One group: the Irish edition is built once, by the one worker that runs this module.
pytestmark = pytest.mark.xdist_group("region_ireland")

# Facts that are true in the UK only: laws, advice services, benefits, time limits, free numbers.
UK_ONLY = [
    r"\bAcas\b",
    r"Equality Act 2010",
    r"Employment Rights Act 2025",
    r"3 months less one day",
    r"\bNHS\b",
    r"Universal Credit",
    r"Citizens Advice",
    r"Jobcentre",
    r"\b0800\b",
    r"\b0808\b",
    r"\b116 123\b.*\bShout\b",
    r"\bSHOUT\b",
    r"\bgov\.uk\b",
    r"legislation\.gov\.uk",
    r"\bthe UK\b",
    r"\bthe whole UK\b",
    r"Northern Ireland",
]
# The Irish facts, each on the page a reader looks for it.
IRISH_FACTS = {
    "get-support/index.html": [
        "116 123",
        "1800 247 247",
        "Text HELLO to",
        "50808",
        'href="tel:112"',
        'href="tel:999"',
        "Citizens Information",
        "0818 07 4000",
        "Workplace Relations Commission",
        "Intreo",
        "Jobseeker&#39;s Allowance",
        "checked in 2026",
    ],
    "steps/its-not-personal/index.html": [
        "Employment Equality Acts 1998 to 2015",
        "within 6 months",
        "up to 12 months",
        "Traveller community",
        "Checked in 2026",
    ],
}
IRISH_ONLY = [
    "Employment Equality Acts",
    "Workplace Relations Commission",
    "50808",
    "Intreo",
    "1800 247 247",
    "tel:112",
    # Not "Jobseeker": the UK has a Jobseeker's Allowance too. These name Ireland's payments and services.
    "PRSI",
    "mywelfare",
    "Citizens Information",
    "Garda",
]


@pytest.fixture(scope="module")
def ireland(tmp_path_factory) -> Path:
    result = build(tmp_path_factory.mktemp("ireland") / "site", config="brands/ireland.yml")
    assert result.returncode == 0, result.output
    return result.site


def reader_texts(site: Path) -> dict[str, str]:
    """What a reader or another site can get: pages, widgets, feeds, PDFs and Word files."""
    texts: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if name.startswith("assets/") or not path.is_file():
            continue
        if path.suffix in (".html", ".json", ".xml", ".txt", ".ics"):
            texts[name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            texts[name] = " ".join(pdf_page_texts(path.read_bytes()))
        elif path.suffix == ".docx":
            texts[name] = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return texts


def test_the_irish_edition_has_no_uk_only_fact(ireland):
    texts = reader_texts(ireland)
    assert (
        any(n.endswith(".pdf") for n in texts)
        and any(n.endswith(".docx") for n in texts)
        and any(n.startswith("embed/") for n in texts)
    )
    found = [(name, term) for name, text in texts.items() for term in UK_ONLY if re.search(term, text)]
    assert found == []


@pytest.mark.parametrize("page", IRISH_FACTS)
def test_the_irish_edition_shows_its_own_facts(ireland, page):
    html = (ireland / page).read_text(encoding="utf-8")
    missing = [fact for fact in IRISH_FACTS[page] if fact not in html]
    assert missing == []


def test_the_uk_site_shows_no_irish_fact(site):
    found = [(name, term) for name, text in reader_texts(site).items() for term in IRISH_ONLY if term in text]
    assert found == []
    assert "Acas" in (site / "steps/its-not-personal/index.html").read_text(encoding="utf-8")


def test_region_parts_keep_stage_parts_and_their_lines():
    only = "<!-- nextsteps:only interview -->\nI\n<!-- nextsteps:end -->\n"
    body = f"a\n<!-- nextsteps:region uk -->\nUK\n{only}<!-- nextsteps:end -->\nz\n"
    assert regions.for_region(body, "uk") == f"a\nUK\n{only}z\n"
    assert regions.for_region(body, "ie") == "a\nz\n"
    assert regions.for_region(body, "ie", keep_lines=True).count("\n") == body.count("\n")


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            "<!-- nextsteps:region fr -->\nx\n<!-- nextsteps:end -->\n",
            "unknown region 'fr' in 'nextsteps:region'. Regions: uk, ie",
        ),
        ("<!-- nextsteps:region ie -->\nx\n", "this 'nextsteps:region' part is never closed"),
        (
            "text <!-- nextsteps:region ie -->\n<!-- nextsteps:end -->\n",
            "a nextsteps:region marker must be on a line of its own",
        ),
    ],
)
def test_a_misused_region_marker_names_its_line(docs, body, says, tmp_path):
    from nextsteps.content import load_content
    from nextsteps.problems import ContentError

    page = docs / "privacy.md"
    before = page.read_text(encoding="utf-8") + "\n"
    page.write_text(before + body, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(docs)
    marker_line = before.count("\n") + 1
    assert f"docs/privacy.md: field 'body': {says}" in str(caught.value)
    assert f"(line {marker_line})" in str(caught.value)


@pytest.mark.parametrize("url", ["get-support/", "steps/its-not-personal/", "steps/change-how-you-search/"])
def test_the_irish_pages_read_as_plainly_as_the_uk_ones(ireland, url):
    from nextsteps.checks.plain_english import (
        MAX_WORDS,
        MIN_READING_EASE,
        article_blocks,
        reading_ease,
        sentences,
        word_count,
    )

    blocks = article_blocks((ireland / url / "index.html").read_text(encoding="utf-8"))
    assert reading_ease(blocks) >= MIN_READING_EASE, url
    assert [s for s in sentences(blocks) if word_count(s) > MAX_WORDS] == []
