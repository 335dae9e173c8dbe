"""Page weight per page type, raw and gzipped, against the budgets below.

Run: .venv/bin/python bench/weight.py
"""

from __future__ import annotations

import re
from pathlib import Path

from site_tools import build_site, gzip_size

KB = 1024
# (label, path in the site, gzipped budget in bytes for the page and all it loads)
PAGES = [
    ("guide page", "steps/ask-for-feedback/index.html", 120 * KB),
    ("start page", "index.html", 120 * KB),
    ("stage page", "stages/interview/index.html", 120 * KB),
    ("step on a path", "stages/interview/ask-for-feedback/index.html", 120 * KB),
    ("checklist", "checklist/index.html", 120 * KB),
    ("letter", "letters/feedback-after-interview/index.html", 120 * KB),
    ("embed: checklist", "embed/checklist/index.html", 50 * KB),
    ("embed: letter", "embed/letters/feedback-after-interview/index.html", 50 * KB),
    ("embed: guide", "embed/guide/index.html", 50 * KB),
]
FILES = [("embed.js", "embed.js", 2 * KB)]
ASSET = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*rel="stylesheet"[^>]*\bhref|img[^>]*\bsrc)="([^"#?]+)', re.I)


def assets_of(page: Path, site: Path) -> list[Path]:
    found = []
    for ref in ASSET.findall(page.read_text(encoding="utf-8")):
        if "://" in ref or ref.startswith("data:"):
            continue
        target = (page.parent / ref).resolve() if not ref.startswith("/") else site / ref.lstrip("/")
        if target.is_file():
            found.append(target)
    return found


def row(label: str, files: list[Path], budget: int | None) -> str:
    raw = sum(f.stat().st_size for f in files)
    gz = sum(gzip_size(f.read_bytes()) for f in files)
    verdict = "" if budget is None else ("within" if gz <= budget else "OVER")
    budget_text = f"{budget / KB:.0f} KB" if budget else "-"
    return f"| {label:<40} | {raw / KB:>9.1f} | {gz / KB:>9.1f} | {budget_text:>7} | {verdict:<6} |"


def main() -> None:
    site = build_site()
    print("| what                                     |   raw, KB |  gzip, KB |  budget | result |")
    print("| ---------------------------------------- | --------: | --------: | ------: | ------ |")
    for label, path, budget in PAGES:
        page = site / path
        if not page.is_file():
            print(f"| {label:<40} | {'missing':>9} | {'':>9} | {'':>7} |        |")
            continue
        print(row(label, [page, *assets_of(page, site)], budget))
    for label, path, budget in FILES:
        target = site / path
        if target.is_file():
            print(row(label, [target], budget))
    for pdf in sorted((site / "downloads").rglob("*.*")) if (site / "downloads").is_dir() else []:
        print(row(pdf.relative_to(site).as_posix(), [pdf], None))


if __name__ == "__main__":
    main()
