"""Build the default site and every brand in brands/, side by side.

    .venv/bin/python scripts/build_brands.py              # all of them
    .venv/bin/python scripts/build_brands.py --jobs 1     # one after another
    .venv/bin/python scripts/build_brands.py example      # only brands/example.yml

Each brand is its own ``mkdocs build --strict`` process, writing to the
``site_dir`` its file names. They share one PDF and Word cache
(``.cache/nextsteps/``): files are kept by a hash of their content, so two
brands reuse each other's files wherever the bytes would be the same, and
each file is written whole or not at all. A brand that fails does not stop
the others; the command then exits with 1 and names every brand that failed.
For more brands than one machine builds in time, run one brand per job in
your CI system's job matrix instead (see README, "Building every brand").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

DEFAULT = "default"  # the name of mkdocs.yml's own site in the report


@dataclass
class Result:
    name: str
    config: Path
    ok: bool
    seconds: float
    output: str


def configs(project: Path, names: list[str]) -> dict[str, Path]:
    found = {DEFAULT: project / "mkdocs.yml"}
    found.update({p.stem: p for p in sorted((project / "brands").glob("*.yml"))})
    if names:
        unknown = [n for n in names if n not in found]
        if unknown:
            raise SystemExit(f"No such brand: {', '.join(unknown)}. Known: {', '.join(found)}")
        found = {n: found[n] for n in names}
    return found


def build_one(name: str, config: Path, project: Path, env: dict[str, str]) -> Result:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    return Result(name, config, proc.returncode == 0, time.perf_counter() - start, proc.stdout + proc.stderr)


def build_all(project: Path, names: list[str] | None = None, jobs: int | None = None) -> list[Result]:
    found = configs(project, names or [])
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(found)))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Share the cores: builds running side by side each get fewer PDF workers.
    env.setdefault("NEXTSTEPS_RENDER_WORKERS", str(max(1, (os.cpu_count() or 1) // jobs)))
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda item: build_one(item[0], item[1], project, env), found.items()))


def report(results: list[Result]) -> int:
    for r in results:
        print(f"{'ok' if r.ok else 'FAILED':7} {r.name:20} {r.seconds:6.1f} s  {r.config.name}")
        if not r.ok:
            reason = [line for line in r.output.splitlines() if line.strip()][-6:]
            print("\n".join("        " + line for line in reason))
    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"\n{len(failed)} of {len(results)} failed: {', '.join(failed)}")
        return 1
    print(f"\nAll {len(results)} built.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("brands", nargs="*", help=f"brand names (file names in brands/ without .yml, or '{DEFAULT}'); all if none")
    parser.add_argument("--jobs", type=int, default=None, help="builds at once (default: the number of CPUs)")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent, help="the project folder")
    args = parser.parse_args(argv)
    return report(build_all(args.project.resolve(), args.brands, args.jobs))


if __name__ == "__main__":
    sys.exit(main())
