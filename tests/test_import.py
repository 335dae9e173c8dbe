"""`nextsteps import`: an agency's article becomes draft steps that build.

The articles are written for these tests (tests/articles.py) and saved as a
web page wrapped in site furniture, plain text, Markdown and a Word file.
How the preview shows an imported draft is checked in test_serve.py, on the
preview those tests share.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import articles
import markdown
import pytest
import yaml
from lxml import html as lxml_html
from nextsteps.content import load_content
from nextsteps.content.frontmatter import split
from nextsteps.content.schema import StepMeta
from support import ROOT, TEST_ENV, build, copy_project

SHARED_SOURCES = ROOT.parent / "shared" / "sources"


def run_import(source: Path, *options: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The console script, as an editor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "nextsteps.cli", "import", str(source), *options],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**TEST_ENV, "PATH": "/usr/bin:/bin"},
    )


def written(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))} if folder.is_dir() else {}


def bodies(pages: dict[str, str]) -> str:
    text = " ".join(split(page, name)[1] for name, page in pages.items())
    return " ".join(text.replace("\\", "").split())


def saved(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"article.{kind}"
    if kind == "docx":
        return articles.write_docx(path)
    text = {"txt": articles.as_text, "md": articles.as_markdown, "html": articles.as_html}[kind]()
    path.write_text(text, encoding="utf-8")
    return path


# Every format -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["txt", "html", "md", "docx"])
def test_an_article_becomes_a_valid_draft_with_every_heading_and_no_furniture(tmp_path, kind):
    out = tmp_path / "out"
    result = run_import(saved(tmp_path, kind), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = written(out)
    assert len(pages) == 1  # a short article is one step, its headings its sections
    ((name, page),) = pages.items()
    data, body = split(page, name)
    meta = StepMeta.model_validate(data)
    assert meta.draft is True
    assert meta.title == articles.TITLE
    assert meta.source is not None and meta.source.title == articles.TITLE
    assert meta.source.url == (articles.CANONICAL if kind == "html" else None)
    assert meta.summary == articles.INTRO[0].split(". ")[0] + "."
    for heading in articles.HEADINGS:
        assert f"\n## {heading}\n" in body, heading
    text = bodies(pages)
    for line in articles.FURNITURE:
        assert line not in text, line
    assert "Priya Shah" not in page
    kept = [s for s in articles.sentences() if s in text]
    assert len(kept) >= 0.8 * len(articles.sentences()), set(articles.sentences()) - set(kept)
    # Instructions become short imperatives with ids made from their words; 'when' is the editor's.
    items = {item.id: item for item in meta.checklist}
    assert items["ask-interviewer-feedback-short-email"].text == "Ask your interviewer for feedback in a short email."
    assert items["set-start-time-finish-time"].text == "Set a start time and a finish time."  # from "You should set..."
    assert all(item.when is None for item in meta.checklist)
    assert "Rest, food and fresh air" not in {item.text[:25] for item in meta.checklist}
    # The report: the file, the candidates, reading ease, the furniture and what to do next.
    assert f"out/{name}" in result.stdout and "reading ease" in result.stdout
    assert "ask-interviewer-feedback-short-email: Ask your interviewer for feedback in a short email." in result.stdout
    assert "Next:" in result.stdout and "draft: true" in result.stdout
    if kind == "html":
        dropped = result.stdout.split("Dropped as page furniture")[1].split("Next:")[0]
        for line in (
            "Home",
            "Share this article",
            "Sign up for our newsletter",
            "Call us today to speak to our team about your next role.",
        ):
            assert f"  {line}\n" in dropped, line


def test_a_long_article_becomes_one_step_per_heading_and_long_sentences_are_reported(tmp_path):
    source = tmp_path / "long.txt"
    long_sentence = (
        "This sentence goes on and on with many small words so that it is far too long "
        "for a reader who is tired and wants to rest now."
    )
    paragraphs = []
    for number in range(1, 8):
        paragraphs += [
            f"Part number {number} of the plan",
            " ".join(["Keep a note of each job you apply for. It helps you see how far you have come."] * 9),
        ]
    paragraphs[1] += " " + long_sentence
    source.write_text("A long guide to the search\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_import(source, "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = written(out)
    assert sorted(pages) == sorted(f"part-number-{n}-of-the-plan.md" for n in range(1, 8))
    orders = sorted(StepMeta.model_validate(split(p, n)[0]).order for n, p in pages.items())
    assert orders == list(range(orders[0], orders[0] + 7))
    first = pages["part-number-1-of-the-plan.md"]
    line = next(i for i, text in enumerate(first.splitlines(), 1) if long_sentence in text)
    assert f"out/part-number-1-of-the-plan.md:{line}: 28 words" in result.stdout
    # Each step's checklist ids are free across the guide: the same words get a suffix.
    ids = [item.id for p in pages.values() for item in StepMeta.model_validate(split(p, "x")[0]).checklist]
    assert len(ids) == len(set(ids)) and "keep-note-each-job-apply" in ids and "keep-note-each-job-apply-2" in ids


def test_import_never_overwrites_a_file(tmp_path):
    source, out = saved(tmp_path, "txt"), tmp_path / "out"
    assert run_import(source, "--out", str(out)).returncode == 0
    first = written(out)
    assert run_import(source, "--out", str(out)).returncode == 0
    second = written(out)
    assert set(second) == set(first) | {name.replace(".md", "-2.md") for name in first}
    assert all(second[name] == text for name, text in first.items())


# The real guide: drafts build, --strict stops on them, removing the line publishes ----------


def test_imported_drafts_build_and_publish_when_the_line_is_removed(tmp_path):
    project = copy_project(tmp_path / "project")
    steps = project / "docs" / "steps"
    before = set(written(steps))
    interview = project / "docs" / "stages" / "interview.md"
    stage_before = interview.read_text(encoding="utf-8")
    result = run_import(saved(tmp_path, "html"), "--journey", "interview", "--after", "ask-for-feedback", cwd=project)
    assert result.returncode == 0, result.stderr
    for kind in ("txt", "md", "docx"):
        assert run_import(saved(tmp_path, kind), cwd=project).returncode == 0
    new = sorted(set(written(steps)) - before)
    assert len(new) == 4
    slug = "how-to-keep-your-confidence-up"
    # The stage page changed by one line, right after the step it was asked to follow.
    added = [
        line for line in interview.read_text(encoding="utf-8").splitlines() if line not in stage_before.splitlines()
    ]
    assert added == [f"  - {slug}"]
    path = yaml.safe_load(interview.read_text(encoding="utf-8").split("---")[1])["path"]
    assert path[path.index("ask-for-feedback") + 1] == slug
    load_content(project / "docs")  # valid content, so the guide builds

    drafts_build = build(tmp_path / "site", project=project)
    assert drafts_build.returncode != 0
    warnings = [line for line in drafts_build.output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 4, warnings
    assert all("draft, left out of this build" in w and "Remove the line 'draft: true'" in w for w in warnings), (
        warnings
    )
    assert {re.search(r"steps/([\w-]+)\.md", w).group(1) + ".md" for w in warnings} == set(new)

    for name in new:
        if name != f"{slug}.md":
            (steps / name).unlink()
    page = steps / f"{slug}.md"
    page.write_text(re.sub(r"(?m)^draft: true.*\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    published = build(tmp_path / "site2", project=project)
    assert published.returncode == 0, published.output
    html = (published.site / "steps" / slug / "index.html").read_text(encoding="utf-8")
    assert "Ask For Feedback When You Can" in html and "ns-draft" not in html
    assert (published.site / "stages" / "interview" / slug / "index.html").is_file()


# The articles this guide grew from, when they are beside the project -------------------------


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the source articles are not beside this copy of the project")
@pytest.mark.parametrize(
    "name", sorted(p.name for p in SHARED_SOURCES.glob("*.txt")) if SHARED_SOURCES.is_dir() else []
)
def test_the_source_articles_import(tmp_path, name):
    source = SHARED_SOURCES / name
    out = tmp_path / "out"
    result = run_import(source, "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = written(out)
    for page_name, page in pages.items():
        StepMeta.model_validate(split(page, page_name)[0])
    lines = [" ".join(line.split()) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = bodies(pages)
    titles = " ".join(yaml.safe_load(p.split("---")[1])["title"] for p in pages.values())
    # Headings: short lines without a full stop. The import reports the ones it
    # dropped (the title saved twice, the byline, "Post Comment"), for the editor to check.
    dropped = result.stdout.split("Dropped as page furniture")[1].split("Next:")[0]
    headings = [line for line in lines if len(line.split()) <= 10 and not line.endswith((".", "!", "?"))]
    assert headings
    for heading in headings:
        assert f"## {heading}" in text or heading in titles or f"  {heading}\n" in dropped, heading
    for furniture in (
        "contact us today",
        "follow us on LinkedIn",
        "Be the first to post one!",
        "Post Comment",
        "(like us",
    ):
        assert furniture not in text, furniture
    sentences = [s for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if s.endswith((".", "!", "?"))]
    kept = [s for s in sentences if s in text]
    assert len(kept) >= 0.8 * len(sentences)


# Bad input: one clear line each, nothing written -----------------------------------------------


def _html_without_article() -> str:
    return articles.as_html().split("<main>")[0] + "<main></main><footer><p>Call us today.</p></footer></body></html>"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"\n  \n", "the file is empty"),
        ("photo.txt", bytes(range(256)) * 4, "this is a binary file"),
        ("nav-only.html", _html_without_article().encode(), "found no article in it"),
        (
            "odd.html",
            articles.as_html().replace('charset="utf-8"', 'charset="x-made-up-9"').encode(),
            "'x-made-up-9', which is not a known encoding",
        ),
        (
            "latin.txt",
            articles.as_text().replace("kind", "caf\u00e9").encode("latin-1"),
            "is not UTF-8 text and does not say which encoding it uses",
        ),
        ("fake.docx", b"PK not really a zip", "this is not a Word (.docx) file"),
        ("notes.pdf", b"%PDF-1.4", "not a format the import reads"),
    ],
)
def test_bad_input_gives_one_line_and_writes_nothing(tmp_path, name, data, expected):
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out"
    result = run_import(source, "--out", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert expected in result.stderr and name in result.stderr and "Nothing was written." in result.stderr
    assert not out.exists()


def test_a_word_file_without_headings_is_refused(tmp_path):
    source = articles.write_docx(tmp_path / "plain.docx", headings=False)
    result = run_import(source, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "nextsteps import: plain.docx: the Word file has no headings. Give each subheading Word's 'Heading 2' style, "
        "save, and import it again. Nothing was written."
    )
    assert not (tmp_path / "out").exists()


def test_a_wrong_journey_or_after_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    before = written(project / "docs" / "steps")
    stage = (project / "docs" / "stages" / "interview.md").read_text(encoding="utf-8")
    source = saved(tmp_path, "txt")
    unknown = run_import(source, "--journey", "nowhere", cwd=project)
    assert unknown.returncode == 2 and "--journey nowhere: no stage page has that name. Known:" in unknown.stderr
    after = run_import(source, "--journey", "interview", "--after", "no-such-step", cwd=project)
    assert after.returncode == 2 and "'no-such-step' (given with --after) is not on this path" in after.stderr
    assert written(project / "docs" / "steps") == before
    assert (project / "docs" / "stages" / "interview.md").read_text(encoding="utf-8") == stage


# Hostile HTML ----------------------------------------------------------------------------------

HOSTILE = """
<p>Read this first.<script>alert('script')</script> It is safe.<style>p { color: red }</style></p>
<p onclick="alert('click')">Click here <a href="javascript:alert('link')">for more tips</a> on writing.</p>
<p>Text that looks like code: &lt;script&gt;alert('text')&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;.</p>
<p>An attribute list {: onclick="alert('attr')" } and a [link](javascript:alert('md')) in words.</p>
<img src="x" onerror="alert('img')"><iframe src="javascript:alert('frame')"></iframe>
<svg onload="alert('svg')"><text>drawing</text></svg>
"""


def test_hostile_html_never_reaches_the_markdown(tmp_path):
    source = tmp_path / "hostile.html"
    source.write_text(articles.as_html(article_extra=HOSTILE), encoding="utf-8")
    out = tmp_path / "out"
    result = run_import(source, "--out", str(out))
    assert result.returncode == 0, result.stderr
    (page,) = written(out).values()
    body = split(page, "page.md")[1]
    assert "Read this first." in body and "It is safe." in body
    # The page's own handlers, scripts and links are gone; what the article shows as words stays as escaped words.
    for bad in (
        "<script",
        "<style",
        "alert('script')",
        "alert('click')",
        "alert('link')",
        "alert('img')",
        "alert('frame')",
        "alert('svg')",
        "color: red",
    ):
        assert bad not in body, bad
    assert "](javascript:" not in body.replace("\\](", "") and "{:" not in body.replace("\\{:", "")
    # Rendered as the site renders Markdown, the words show as words and nothing can run.
    rendered = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    assert {element.tag for element in tree.iter()} <= {"div", "p", "h2", "ul", "li"}, rendered
    attributes = [(name, value) for element in tree.iter() for name, value in element.attrib.items()]
    assert all(name == "id" and "javascript" not in value for name, value in attributes), attributes
    assert "&lt;script&gt;alert('text')&lt;/script&gt;" in rendered


# nextsteps check -------------------------------------------------------------------------------


def run_check(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nextsteps.cli", "check"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**TEST_ENV, "PATH": "/usr/bin:/bin"},
    )


def test_check_passes_the_main_guide_silently():
    result = run_check(ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_names_the_file_and_line_of_a_long_sentence_and_a_draft(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "steps" / "clear-your-mind.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    long = (
        "This sentence has been written with far too many words in it so that a tired reader "
        "would very surely lose the thread long before it came to its end.\n"
    )
    assert len(long.split()) == 30
    at = len(lines) + 2
    page.write_text("".join(lines) + "\n" + long, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"docs/steps/clear-your-mind.md:{at}: this sentence has 30 words, more than 25: "
        '"This sentence has been written with far too ...". Split it in two'
    ]
    draft = project / "docs" / "steps" / "keep-learning.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")
    assert (
        "docs/steps/keep-learning.md:"
        in run_check(project).stdout.split("draft: a publishing build leaves it out")[0].splitlines()[-1]
    )


def test_check_reports_front_matter_print_limits_letter_notes_and_fact_lines(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    step = docs / "steps" / "keep-learning.md"
    step.write_text(step.read_text(encoding="utf-8").replace("when:", "wen:", 1), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    found = result.stdout.splitlines()
    assert found[0] == "docs/steps/keep-learning.md:1: field 'when': this field is required but missing"
    assert found[1].startswith(
        "docs/steps/keep-learning.md:5: field 'wen': unknown field. Allowed fields are: title, summary"
    )
    assert len(found) == 2
    # With the front matter fixed, the other checks run.
    step.write_text(step.read_text(encoding="utf-8").replace("wen:", "when:", 1), encoding="utf-8")
    many = docs / "steps" / "keep-applying.md"
    items = "".join(f"  - id: extra-item-{n}\n    text: Do extra thing {n}.\n" for n in range(30))
    text = many.read_text(encoding="utf-8")
    assert "checklist:\n" in text
    many.write_text(text.replace("checklist:\n", "checklist:\n" + items, 1), encoding="utf-8")
    note = docs / "letters" / "linkedin-stay-in-touch.md"
    note.write_text(note.read_text(encoding="utf-8").replace("max_length: 200", "max_length: 60"), encoding="utf-8")
    fact = docs / "steps" / "clear-your-mind.md"
    fact.write_text(
        fact.read_text(encoding="utf-8")
        + "\n## Your rights\n\nThe Employment Rights Act 1996 gives you rights at work.\n"
        + "\n## Sources\n\n<small>Checked in 2026.</small>\n",
        encoding="utf-8",
    )
    found = run_check(project).stdout
    assert re.search(
        r"docs/steps/keep-applying\.md:\d+: field 'checklist': \d+ items do not fit one printed page", found
    ), found
    assert re.search(
        r"docs/letters/linkedin-stay-in-touch\.md:1: the note is \d+ characters with its examples, "
        r"more than its max_length of 60",
        found,
    ), found
    assert re.search(
        r"docs/steps/clear-your-mind\.md:\d+: this source line needs a link to the page it was checked against", found
    ), found
    assert re.search(r"docs/steps/clear-your-mind\.md:\d+: 'Act 1996' is a fact with no source line", found), found


def test_hostile_markdown_keeps_its_words_and_loses_its_markup(tmp_path):
    source = tmp_path / "hostile.md"
    source.write_text(
        articles.as_markdown()
        + "\n<script>alert('script')</script>\n\nSome [tips](javascript:void) and [more](javascript:alert%281%29)"
        + " and <img src=x onerror=alert(1)> here.\n\n"
        + "<div onclick=\"alert('div')\">Words inside a box still count.</div>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_import(source, "--out", str(out)).returncode == 0
    (page,) = written(out).values()
    body = split(page, "page.md")[1]
    assert "Some tips and more and here." in body and "Words inside a box still count." in body
    for bad in ("alert(", "javascript:", "onerror", "onclick", "<script", "<img", "<div"):
        assert bad not in body, bad
