"""Build the site into a fresh folder beside the real one, and swap it in
only when every file, PDFs included, is made.

PDFs finish in worker processes while the pages build, so a render can fail
after the site engine would have emptied the output folder. Building beside
it keeps the old site whole until the new one is complete. The cost: room on
disk for two copies while the build runs, and a moment, between two renames,
when the folder does not exist.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site: Path) -> Path:
    """A private folder next to ``site``, on the same disk, so the swap is a rename."""
    return site.parent / f".{site.name}.building-{os.getpid()}"


def swap_in(staging: Path, site: Path) -> None:
    """Replace ``site`` with ``staging``; the old site is removed afterwards."""
    old = site.parent / f".{site.name}.old-{os.getpid()}"
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
