"""The ``nextsteps`` command: one entry point for the editor's tools.

Each subcommand lives in the module that owns its work and exposes
``add_arguments(parser)`` and ``run(args) -> int``. This module only
dispatches, so adding a command never means editing another command's code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: Subcommand name -> (module that implements it, one-line help).
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("nextsteps.scaffold.command", "write a minimal new guide that builds at once"),
    "import": ("nextsteps.importer.command", "turn an article into draft step pages"),
    "check": ("nextsteps.checks.command", "run every content check without a full build"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run one subcommand and return its exit code."""
    parser = argparse.ArgumentParser(prog="nextsteps", description="Tools for guides built with Next Steps.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    modules = {}
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name is None or not module_name.startswith(missing.name):
                raise
            continue  # a command not built yet is simply not offered
        modules[name] = module
        module.add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    return int(modules[args.command].run(args))


if __name__ == "__main__":
    sys.exit(main())
