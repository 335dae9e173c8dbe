"""``nextsteps import SOURCE``: an agency's article becomes draft step pages.

Everything is read and checked first; files are written only when all of it
is fine, and never over an existing file. The report tells the editor what
was made, what to check and what to do next.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..checks import plain_english
from ..content.frontmatter import FrontMatterError, split
from ..content.schema import StepMeta
from ..problems import problems_from_validation
from .article import Article
from .draft import Draft, make_drafts
from .journeys import add_to_path, stage_pages
from .read import ImportProblem, read_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", type=Path, help="the saved article: .html, .md, .txt or .docx")
    parser.add_argument("--out", type=Path, help="folder for the draft pages (default: the guide's docs/steps/)")
    parser.add_argument(
        "--journey",
        action="append",
        default=[],
        metavar="SLUG",
        help="also put the new steps on this stage's path; repeat for more stages",
    )
    parser.add_argument(
        "--after", metavar="STEP", help="with --journey: put the new steps after this step (default: at the end)"
    )
    parser.add_argument(
        "--steps",
        choices=("auto", "one", "each"),
        default="auto",
        help="one step, one step per heading, or decide by length (default)",
    )
    parser.add_argument("--title", help="the article's title, when the file does not say it")
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the guide's settings file (default: mkdocs.yml)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _import(args)
    except ImportProblem as problem:
        print(f"nextsteps import: {problem}. Nothing was written.", file=sys.stderr)
        return 2


def _import(args: argparse.Namespace) -> int:
    docs_dir = _docs_dir(args.config)
    if args.out is None and docs_dir is None:
        raise ImportProblem(
            f"{args.config}: not found. Run the import in the guide's folder, or give --config or --out"
        )
    if args.journey and (
        docs_dir is None or (args.out is not None and args.out.resolve() != (docs_dir / "steps").resolve())
    ):
        raise ImportProblem(
            "--journey puts steps on the guide's paths, so the steps must go to the guide's docs/steps/. Leave out "
            "--out"
        )
    if args.after and not args.journey:
        raise ImportProblem("--after needs --journey: it says where on that stage's path the steps go")
    out = args.out if args.out is not None else docs_dir / "steps"  # type: ignore[operator]
    if out.exists() and not out.is_dir():
        raise ImportProblem(f"{out}: is a file, not a folder for the draft pages")
    article = read_article(args.source, args.title)
    slugs, ids, last_order = _guide_so_far(docs_dir, out)
    drafts = make_drafts(article, args.steps, taken_slugs=slugs, taken_ids=ids, first_order=last_order + 1)
    day = _today()
    pages = {out / f"{d.slug}.md": d.page(article, day) for d in drafts}
    for path, text in pages.items():
        _must_be_valid(path, text)
    edits = _journey_edits(docs_dir, args.journey, [d.slug for d in drafts], args.after) if args.journey else {}

    out.mkdir(parents=True, exist_ok=True)
    for path, text in pages.items():
        with path.open("x", encoding="utf-8") as written:  # "x": fails rather than overwrite
            written.write(text)
    for path, text in edits.items():
        path.write_text(text, encoding="utf-8")
    print(_report(article, drafts, pages, edits, args))
    return 0


def _docs_dir(config: Path) -> Path | None:
    """The guide's docs folder, as its settings file names it."""
    if not config.is_file():
        return None
    named = re.search(r"^docs_dir:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
    return config.parent / (named.group(1) if named else "docs")


def _guide_so_far(docs_dir: Path | None, out: Path) -> tuple[set[str], set[str], int]:
    """The step slugs and checklist ids already taken, and the highest step order."""
    folders = {out} | ({docs_dir / "steps"} if docs_dir else set())
    slugs = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.md")}
    ids: set[str] = set()
    last_order = 0
    for folder in folders:
        for page in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            try:
                data, _ = split(page.read_text(encoding="utf-8"), page.name)
            except (FrontMatterError, UnicodeDecodeError):
                continue
            if isinstance(data.get("order"), int):
                last_order = max(last_order, data["order"])
            lists = [data.get("checklist")] + [
                w.get("checklist") for w in (data.get("for_stage") or {}).values() if isinstance(w, dict)
            ]
            ids |= {
                item["id"]
                for items in lists
                if isinstance(items, list)
                for item in items
                if isinstance(item, dict) and isinstance(item.get("id"), str)
            }
    return slugs, ids, last_order


def _today() -> date:
    """The import date; SOURCE_DATE_EPOCH, when set, makes an import repeatable."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), tz=UTC).date() if epoch and epoch.isdigit() else date.today()


def _must_be_valid(path: Path, text: str) -> None:
    """A draft is content like any other: it must load, so the guide still builds."""
    try:
        data, _ = split(text, path.name)
        StepMeta.model_validate(data)
    except FrontMatterError as exc:
        problems = [exc.problem]
    except ValidationError as exc:
        problems = problems_from_validation(exc, path.name, StepMeta)
    else:
        return
    found = "; ".join(str(p).removeprefix(f"{path.name}: ") for p in problems)
    raise ImportProblem(f"{path.name}: the draft would not be valid content ({found}). Please report this with the article")


def _journey_edits(docs_dir: Path | None, journeys: list[str], slugs: list[str], after: str | None) -> dict[Path, str]:
    assert docs_dir is not None
    known = stage_pages(docs_dir)
    edits: dict[Path, str] = {}
    for journey in journeys:
        page = known.get(journey)
        if page is None:
            raise ImportProblem(
                f"--journey {journey}: no stage page has that name. Known: {', '.join(sorted(known)) or 'none yet'}"
            )
        edits[page] = add_to_path(edits.get(page) or page.read_text(encoding="utf-8"), slugs, after, _shown(page))
    return edits


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _report(article: Article, drafts: list[Draft], pages: dict[Path, str], edits: dict[Path, str], args: Any) -> str:
    """What was made, what to check, and what to do next, in the order an editor works."""
    count = len(drafts)
    lines = [
        f'Imported "{article.title}" ({article.kind}, {article.words} words) '
        f"as {count} draft step{'s' if count != 1 else ''}:"
    ]
    long: list[str] = []
    for (path, text), draft in zip(pages.items(), drafts, strict=True):
        body_line = text[: len(text) - len(draft.body)].count("\n") + 1
        blocks = plain_english.markdown_blocks(draft.body, first_line=body_line)
        ease = plain_english.reading_ease([b.text for b in blocks])
        low = (
            ""
            if ease >= plain_english.MIN_READING_EASE
            else f" (below {plain_english.MIN_READING_EASE:.0f}: use shorter sentences and words)"
        )
        lines.append(f'  {_shown(path)}: "{draft.title}", reading ease {ease:.0f}{low}')
        for block, sentence in plain_english.long_sentences(blocks):
            long.append(
                f"  {_shown(path)}:{block.line}: {plain_english.word_count(sentence)} words: "
                f'"{plain_english.shorten(sentence)}"'
            )
    lines += ["", "Checklist candidates (in each step's 'checklist'; keep, reword or delete each):"]
    candidates = [
        f"  {_shown(path)}: {c.id}: {c.text}" for path, d in zip(pages, drafts, strict=True) for c in d.candidates
    ]
    lines += candidates or ["  none: no sentence tells the reader to do something"]
    lines += ["", f"Sentences over {plain_english.MAX_WORDS} words (split each in two):"]
    lines += long or ["  none"]
    lines += ["", "Dropped as page furniture (check that nothing real was lost):"]
    lines += [f"  {_short(line)}" for line in article.dropped] or ["  nothing"]
    if edits:
        where = f"after '{args.after}'" if args.after else "at the end"
        lines += ["", f"Added to the path {where} in:"] + [f"  {_shown(page)}" for page in edits]
    first = drafts[0].slug
    lines += [
        "",
        "Next:",
        f"  1. Preview: run 'mkdocs serve' and open steps/{first}/. Each draft shows a Draft banner.",
        "  2. Edit each draft: fix the long sentences, reword the advice in the guide's own plain words, and set "
        "'when'.",
        "  3. Run 'nextsteps check' until it prints nothing.",
    ]
    if not edits:
        lines.append(
            "  4. Put each step on a path: add its slug to 'path' in a page under docs/stages/ (or import again with "
            "--journey)."
        )
    lines.append(
        f"  {5 if not edits else 4}. To publish a step, remove its line 'draft: true'. A build leaves out, and warns "
        "about, every step that still has it."
    )
    return "\n".join(lines)


def _short(line: str, limit: int = 100) -> str:
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"
