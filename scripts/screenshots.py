"""Take the README's screenshots: the start page, a stage page and a step page,
on a phone (375 px) and a laptop (1280 px).

Builds the site into a temporary folder, serves it on 127.0.0.1 and drives
Chromium with Playwright. Writes screenshots/<page>-<width>.png at the
project root, always with the same names, so a rerun replaces them.

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"

# name -> site path. The step is shown on a stage's path, as a reader meets it.
PAGES = {
    "start": "",
    "stage": "stages/interview/",
    "step": "stages/interview/ask-for-feedback/",
}
# width -> viewport height: a small phone and a laptop screen.
SIZES = {375: 667, 1280: 800}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def chromium() -> str:
    for name in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if name and (shutil.which(name) or Path(name).exists()):
            return shutil.which(name) or name
    sys.exit("Chromium was not found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        # A local build: the screenshots are not a published copy, so the example site_url is fine.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NEXTSTEPS_LOCAL": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{httpd.server_address[1]}/"
        args.out.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--force-color-profile=srgb", "--hide-scrollbars"])
                for width, height in SIZES.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light", reduced_motion="reduce", locale="en-GB")
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(origin + path, wait_until="networkidle")
                        target = args.out / f"{name}-{width}.png"
                        page.screenshot(path=str(target), animations="disabled", caret="hide")
                        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                    context.close()
                browser.close()
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    main()
