"""The README's screenshots: the script that makes them runs as documented,
and writes exactly the files the README shows, at the sizes it promises."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, find_chromium

pytestmark = pytest.mark.browser

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHOWN = re.findall(r"\]\(screenshots/([a-z]+-(\d+)\.png)\)", README)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG file"
    return struct.unpack(">II", data[16:24])


def test_the_readme_shows_each_page_on_a_phone_and_a_laptop():
    names = [name for name, _ in SHOWN]
    assert sorted(names) == sorted(f"{page}-{width}.png" for page in ("start", "stage", "step") for width in (375, 1280)), names
    for name, width in SHOWN:
        assert png_size(ROOT / "screenshots" / name)[0] == int(width), name


def test_the_screenshot_script_writes_every_screenshot_the_readme_shows(tmp_path):
    # Run it as the README says, in a plain shell: no test settings to lean on.
    env = {k: v for k, v in os.environ.items() if k != "NEXTSTEPS_LOCAL"}
    env["CHROMIUM_PATH"] = find_chromium() or ""
    result = subprocess.run(
        [sys.executable, "scripts/screenshots.py", "--out", str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(name for name, _ in SHOWN)
    for name, width in SHOWN:
        # The first screen of each page, as a reader sees it before scrolling.
        assert png_size(tmp_path / name) == (int(width), 667 if width == "375" else 800), name
