"""``nextsteps check``: every content check, without a full build.

Prints one line per problem, ``file:line: what to change``, and nothing at
all when the guide is fine; the exit code is 1 when anything was found.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the guide's settings file (default: mkdocs.yml)"
    )


def run(args: argparse.Namespace) -> int:
    config: Path = args.config
    if not config.is_file():
        print(f"nextsteps check: {config}: not found. Run it in the guide's folder, or give --config", file=sys.stderr)
        return 2
    named = re.search(r"^docs_dir:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
    docs_dir = config.parent / (named.group(1) if named else "docs")
    from .guide import check_guide  # the whole content model: loaded only when this command runs

    findings = check_guide(docs_dir)
    for finding in findings:
        print(finding)
    return 1 if findings else 0
