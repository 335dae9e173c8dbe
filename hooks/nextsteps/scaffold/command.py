"""``nextsteps new DIR``: write a minimal guide that builds at once.

The guide is the folder ``guide/`` beside this module, copied as it is:
settings, a start page, one journey of two steps and one letter, with a
comment on every field, so an editor learns the format by changing a guide
that works. Only the settings file is filled in, with the way from DIR to
the project's code (its hooks and theme templates), so the guide builds
wherever DIR is.

A folder that already has something in it is refused before anything is
written: a new guide must never overwrite an editor's work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "guide"
HOOKS_DIR = Path(__file__).resolve().parents[2]  # the folder that holds mkdocs_hooks.py
OVERRIDES_DIR = HOOKS_DIR.parent / "overrides"
SETTINGS = "mkdocs.yml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path, help="the folder for the new guide: new, or empty")


def run(args: argparse.Namespace) -> int:
    """Write the guide into ``args.dir``; 0 when written, 1 when refused."""
    target: Path = args.dir
    problem = refusal(target)
    if problem:
        print(f"nextsteps new: {problem}", file=sys.stderr)
        return 1
    write_guide(target)
    print(f"A new guide is in {target}. To build it:\n\n  cd {target}\n  NEXTSTEPS_LOCAL=1 mkdocs build --strict\n")
    print("Then change the words in docs/ and mkdocs.yml. Each field says what it does.")
    return 0


def refusal(target: Path) -> str:
    """Why ``target`` cannot take a new guide, or '' when it can."""
    if target.exists() and not target.is_dir():
        return f"'{target}' is a file. Choose a new folder name."
    if target.is_dir() and any(target.iterdir()):
        return f"'{target}' is not empty, and a new guide would overwrite what is there. Choose a new or empty folder."
    return ""


def write_guide(target: Path) -> None:
    """Copy the template guide, with the settings pointing at this project's code."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(TEMPLATE, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    settings = target / SETTINGS
    text = Template((TEMPLATE / SETTINGS).read_text(encoding="utf-8")).substitute(
        hooks=_from(target, HOOKS_DIR), overrides=_from(target, OVERRIDES_DIR)
    )
    settings.write_text(text, encoding="utf-8")


def _from(target: Path, folder: Path) -> str:
    """The way from the new guide to one of the project's folders: relative, so both can move together."""
    return Path(os.path.relpath(folder, target.resolve())).as_posix()
