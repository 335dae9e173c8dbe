"""Lighthouse scores for each page type, served with gzip on 127.0.0.1.

Run (installs Lighthouse into bench/node_modules on first use):
    .venv/bin/python bench/lighthouse.py
Needs Node.js 18+ and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from site_tools import GzipServer, build_site

HERE = Path(__file__).resolve().parent
PAGES = [
    ("start page", ""),
    ("stage page", "stages/interview/"),
    ("step on a path", "stages/interview/ask-for-feedback/"),
    ("step page", "steps/ask-for-feedback/"),
    ("checklist", "checklist/"),
    ("letter page", "letters/feedback-after-interview/"),
    ("embed page", "embed/checklist/"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


def lighthouse_bin() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        # Chromium comes from the system; never let npm download a browser.
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True, env=env)
    return binary


def run(url: str, binary: Path, chrome: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
             f"--only-categories={','.join(CATEGORIES)}"],
            check=True,
            env={**os.environ, "CHROME_PATH": chrome},
        )
        data = json.loads(report.read_text())
    return {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    binary = lighthouse_bin()
    site = build_site()
    server = GzipServer(site)
    try:
        print("| page           | performance | accessibility | best practices | SEO |")
        print("| -------------- | ----------: | ------------: | -------------: | --: |")
        misses = []
        for label, path in PAGES:
            if not (site / path / "index.html").is_file():
                print(f"| {label:<14} | missing")
                continue
            scores = run(f"{server.origin}/{path}", binary, chrome)
            misses += [f"{label}: {c} {s} < {TARGETS[c]}" for c, s in scores.items() if s < TARGETS[c]]
            print(f"| {label:<14} | {scores['performance']:>11} | {scores['accessibility']:>13} | {scores['best-practices']:>14} | {scores['seo']:>3} |")
        print("\nTargets: performance 95+, the others 100.", "All met." if not misses else "Missed: " + "; ".join(misses))
    finally:
        server.close()


if __name__ == "__main__":
    main()
