"""How much the build hooks cost: the same docs built with the hooks on and off.

Run from the project folder:

    .venv/bin/python bench/build_ratio.py            # about two minutes
    .venv/bin/python bench/build_ratio.py --runs 3   # fewer repeats, faster

It prints a table and asserts nothing. Everything happens in a temporary copy
of the project, so the docs folder is never touched.

* Clean build: a build in a fresh process, as a deploy does. The time is the
  whole command, and separately MkDocs' own build step (wall and CPU time;
  CPU time is steadier on a busy machine).
* Rebuild after a text edit: one process builds, a step's body text changes,
  and it builds again, as ``mkdocs serve`` does. It also counts the PDFs the
  rebuilds rendered, which should be none.
* Where the time goes: the time spent inside each hook event.
* Made-up guides of 50, 250 and 500 steps (three checklist items each) show
  how the hooks' cost grows with the size of the guide: the whole command,
  on a fresh copy with an empty cache, hooks on against hooks off.
* Every brand: four brands built by ``scripts/build_brands.py`` one after
  another (``--jobs 1``) and side by side, each time with an empty cache.

"Hooks off" is a copy of mkdocs.yml whose only hook lets the theme templates
render without the values the real hooks provide (the brand, for example).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "brands", "data")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NEXTSTEPS_LOCAL": "1"}  # the example address is fine here

THEME_SHIM = '''"""Hooks-off stand-in: missing template values render as empty text."""

import jinja2


def on_env(env, config, files):
    env.undefined = jinja2.ChainableUndefined
    return env
'''

EDITS = ("Feedback can help you do better next time.", "Feedback can help you do a little better next time.")

SYNTHETIC_STEP = """---
title: Synthetic step {n}
summary: A made-up step used to measure how the build grows.
order: {n}
when: {when}
checklist:
  - id: synthetic-{n}-first
    text: Do the first small thing for step {n}.
  - id: synthetic-{n}-second
    text: Do the second small thing for step {n}.
    when: this-week
  - id: synthetic-{n}-third
    text: Keep doing the third thing for step {n}.
    when: ongoing
reviewed: 2026-11-23
---

This is step {n}. It has a short body so that the page is cheap to build.

Do one thing at a time. Then move on to the next step.
"""

SYNTHETIC_INDEX = """---
title: Synthetic guide
summary: A made-up guide used to measure how the build grows.
reviewed: 2026-11-23
---

This guide is made up. It is only here to time the build.
"""


# --- Projects --------------------------------------------------------------


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    write_hooks_off_config(dest)
    return dest


def write_hooks_off_config(project: Path) -> None:
    """mkdocs.yml with its hooks swapped for the theme stand-in, everything else as is."""
    (project / "bench_theme_shim.py").write_text(THEME_SHIM, encoding="utf-8")
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    out, skipping = [], False
    for line in lines:
        if line.startswith("hooks:"):
            out += ["hooks:", "  - bench_theme_shim.py"]
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    (project / "mkdocs.off.yml").write_text("\n".join(out) + "\n", encoding="utf-8")


def synthetic_project(dest: Path, steps: int) -> Path:
    project = copy_project(dest)
    docs = project / "docs"
    shutil.rmtree(docs / "steps")
    (docs / "steps").mkdir()
    (docs / "index.md").write_text(SYNTHETIC_INDEX, encoding="utf-8")
    stage_sets = [("application", "interview", "final"), ("interview", "final"), ("final",)]
    whens = ["today", "this-week", "ongoing"]
    paths: dict[str, list[str]] = {"application": [], "interview": [], "final": []}
    for n in range(1, steps + 1):
        slug = f"synthetic-{n:03d}"
        text = SYNTHETIC_STEP.format(n=n, when=whens[n % 3])
        (docs / "steps" / f"{slug}.md").write_text(text, encoding="utf-8")
        for stage in stage_sets[n % 3]:
            paths[stage].append(slug)
    # Each step joins its stages' paths, as an editor would: in the stage pages.
    for stage, slugs in paths.items():
        page = docs / "stages" / f"{stage}.md"
        text = page.read_text(encoding="utf-8")
        start, end = text.index("path:"), text.index("reviewed:")
        page.write_text(text[:start] + "path:\n" + "".join(f"  - {slug}\n" for slug in slugs) + text[end:], encoding="utf-8")
    return project


# --- Timing ----------------------------------------------------------------


def clean_build(project: Path, config: str, site: Path, env: dict[str, str] | None = None) -> tuple[float, dict]:
    """(whole command in seconds, the child's record), in a fresh process."""
    if site.exists():
        shutil.rmtree(site)
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-clean", str(project / config), str(site)],
        cwd=project,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{proc.stdout}{proc.stderr}")
    record = json.loads(proc.stdout.strip().splitlines()[-1])
    record["cpu_all"] = _children_cpu() - before
    return total, record


def _become_subreaper() -> None:
    """Worker processes outlive the build's own process by a moment; adopting
    them lets their CPU time count too (Linux only; elsewhere it is left out)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _children_cpu() -> float:
    import resource

    while True:  # reap adopted workers, so their time is added
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rebuilds(project: Path, config: str, site: Path, count: int) -> dict:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-rebuild", str(project / config), str(site), str(count)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"rebuild failed ({config}):\n{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _time_hooks(config, spent: dict[str, float]) -> None:
    """Wrap every hook function (not the theme's plugins) to add up the time spent in it."""

    def timed(function, event):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[event] = spent.get(event, 0.0) + time.perf_counter() - start

        return wrapper

    for event, functions in config.plugins.events.items():
        for i, function in enumerate(functions):
            if str(getattr(function, "__module__", "")).startswith("hooks/"):
                functions[i] = timed(function, event)


def _pages(site: str) -> int:
    return sum(1 for _ in Path(site).rglob("index.html"))


def _quiet() -> None:
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)


def child_clean(config_file: str, site: str) -> None:
    _quiet()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=site)
    hooks: dict[str, float] = {}
    _time_hooks(config, hooks)
    start, cpu = time.perf_counter(), time.process_time()
    build(config)
    record = {"build": time.perf_counter() - start, "cpu": time.process_time() - cpu, "hooks": hooks, "pages": _pages(site)}
    print(json.dumps(record))


def child_rebuild(config_file: str, site: str, count: int) -> None:
    """Build, then edit a step's text and build again, as ``mkdocs serve`` does."""
    _quiet()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    step = Path(config_file).parent / "docs/steps/ask-for-feedback.md"
    build(load_config(config_file, site_dir=site))
    renders = _pdf_renders()
    times, cpus, hooks = [], [], []
    for _ in range(count):
        text = step.read_text(encoding="utf-8")
        old, new = EDITS if EDITS[0] in text else EDITS[::-1]
        assert old in text, "the text to edit has changed; update EDITS"
        step.write_text(text.replace(old, new, 1), encoding="utf-8")
        config = load_config(config_file, site_dir=site)
        hooks.append({})
        _time_hooks(config, hooks[-1])
        start, cpu = time.perf_counter(), time.process_time()
        build(config)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    renders = None if renders is None else _pdf_renders() - renders
    print(json.dumps({"times": times, "cpu": cpus, "hooks": hooks, "pdf_renders": renders}))


def _pdf_renders() -> int | None:
    pdf = sys.modules.get("nextsteps.pdf")
    return pdf.renders_so_far() if pdf else None


# --- Report ----------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="clean builds per variant (default 5)")
    parser.add_argument("--edits", type=int, default=6, help="rebuilds after an edit per variant (default 6)")
    parser.add_argument("--sizes", default="50,250,500", help="synthetic site sizes in steps (default 50,250,500)")
    parser.add_argument("--brands", type=int, default=4, help="brands for the every-brand timing (default 4, 0 skips it)")
    args = parser.parse_args()

    variants = {"off": "mkdocs.off.yml", "on": "mkdocs.yml"}
    _become_subreaper()
    with tempfile.TemporaryDirectory(prefix="nextsteps-bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(tmp / "project")

        print(f"Next Steps build benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        rounds = max(1, args.runs // 2)
        print(f"Clean builds: median of {args.runs} per variant. Rebuilds: median of {rounds} x {args.edits}. Variants alternate.\n")

        clean: dict[str, list[tuple[float, dict]]] = {"off": [], "on": []}
        clean_build(project, variants["on"], tmp / "warm")  # first run warms the disk cache
        cold: list[tuple[float, dict]] = []
        for _ in range(args.runs):
            for name, config in variants.items():
                clean[name].append(clean_build(project, config, tmp / f"site-{name}"))
            # The first build on a new machine: every PDF and Word file rendered afresh.
            cold.append(clean_build(project, variants["on"], tmp / "site-cold", env={"NEXTSTEPS_NO_CACHE": "1"}))
        rebuilt: dict[str, dict] = {"off": {"times": [], "cpu": [], "hooks": [], "pdf_renders": 0}, "on": {"times": [], "cpu": [], "hooks": [], "pdf_renders": 0}}
        for _ in range(max(1, args.runs // 2)):  # alternate, so a busy spell hits both variants
            for name, config in variants.items():
                found = rebuilds(project, config, tmp / f"serve-{name}", args.edits)
                for key in ("times", "cpu", "hooks"):
                    rebuilt[name][key] += found[key]
                rebuilt[name]["pdf_renders"] = (rebuilt[name]["pdf_renders"] or 0) + (found["pdf_renders"] or 0)

        rows = [
            ("clean build, warm cache: whole command", [median([t for t, _ in clean[n]]) for n in variants], "1.5x"),
            ("  MkDocs build step only", [median([r["build"] for _, r in clean[n]]) for n in variants], ""),
            ("  MkDocs build step, CPU time", [median([r["cpu"] for _, r in clean[n]]) for n in variants], ""),
            ("  CPU time, all processes", [median([r["cpu_all"] for _, r in clean[n]]) for n in variants], ""),
            ("first build, empty cache", [median([t for t, _ in clean["off"]]), median([t for t, _ in cold])], "2.5x"),
            ("  CPU time, all processes", [median([r["cpu_all"] for _, r in clean["off"]]), median([r["cpu_all"] for _, r in cold])], ""),
            ("rebuild after a text edit", [median(rebuilt[n]["times"]) for n in variants], "1.3x"),
            ("  CPU time", [median(rebuilt[n]["cpu"]) for n in variants], ""),
        ]
        print(f"{'':40}{'hooks off':>11}{'hooks on':>11}{'ratio':>8}{'target':>9}")
        for label, (off, on), target in rows:
            goal = f"<= {target}" if target else ""
            print(f"{label:40}{off:>10.2f}s{on:>10.2f}s{on / off:>7.2f}x{goal:>9}")
        pages = {n: clean[n][0][1]["pages"] for n in variants}
        print(f"\nPages built: {pages['off']} with hooks off, {pages['on']} with hooks on.")
        print(f"PDFs rendered by the {rounds * args.edits} rebuilds with hooks on: {rebuilt['on']['pdf_renders']}")
        print("\nTime inside the hook functions, hooks on (median; the rest is the engine and theme):")
        events = sorted({e for _, r in clean["on"] for e in r["hooks"]} | {e for h in rebuilt["on"]["hooks"] for e in h})
        print(f"{'event':34}{'clean':>11}{'rebuild':>11}")
        for event in events:
            cold = median([r["hooks"].get(event, 0.0) for _, r in clean["on"]])
            warm = median([h.get(event, 0.0) for h in rebuilt["on"]["hooks"]])
            if max(cold, warm) >= 0.005:
                print(f"{'on_' + event:34}{cold:>10.2f}s{warm:>10.2f}s")

        print("\nMade-up guides, clean build with an empty cache, whole command (one run each):")
        print(f"{'steps':>6}{'items':>7}{'hooks off':>11}{'hooks on':>11}{'ratio':>8}{'hooks cost':>12}{'per added step':>16}")
        previous: tuple[int, float] | None = None
        for size in (int(s) for s in args.sizes.split(",")):
            big = synthetic_project(tmp / f"synthetic-{size}", size)
            off = clean_build(big, variants["off"], tmp / f"syn-off-{size}")[0]
            on = clean_build(big, variants["on"], tmp / f"syn-on-{size}")[0]
            cost = on - off
            added = f"{1000 * (cost - previous[1]) / (size - previous[0]):>13.1f}ms" if previous else f"{'':>15}"
            print(f"{size:>6}{3 * size:>7}{off:>10.2f}s{on:>10.2f}s{on / off:>7.2f}x{cost:>11.2f}s{added}")
            previous = (size, cost)
            shutil.rmtree(big)
        print("Target for 500 steps: 3x or less. Lists over the print limit get no PDF (see README).")

        if args.brands:
            brands_bench(project, args.brands, max(1, args.runs // 2))


BRANDS = ("alpha", "bravo", "charlie", "delta")


def brands_bench(project: Path, count: int, runs: int) -> None:
    """Four brands, one after another against side by side, each run with an empty cache."""
    names = []
    example = (project / "brands/example.yml").read_text(encoding="utf-8")
    for i, name in enumerate(BRANDS[:count]):
        text = example.replace("Example Recruitment", f"{name.title()} Recruitment").replace("../site-example", f"../site-{name}")
        text = text.replace('accent: "#0b6e4f"', f'accent: "#{i + 1}b4e6f"')
        (project / "brands" / f"{name}.yml").write_text(text, encoding="utf-8")
        names.append(name)
    script = ROOT / "scripts" / "build_brands.py"
    timings: dict[str, list[float]] = {"one after another": [], "side by side": []}
    for _ in range(runs):
        for label, jobs in (("one after another", ["--jobs", "1"]), ("side by side", [])):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, str(script), "--project", str(project), *jobs, *names], env=ENV, capture_output=True, text=True)
            timings[label].append(time.perf_counter() - start)
            if proc.returncode != 0:
                raise SystemExit(f"brand builds failed:\n{proc.stdout}{proc.stderr}")
    serial, parallel = (median(timings[k]) for k in ("one after another", "side by side"))
    print(f"\nEvery brand: {len(names)} brands with scripts/build_brands.py, empty cache, median of {runs}:")
    print(f"{'one after another (--jobs 1)':34}{serial:>10.2f}s")
    print(f"{'side by side (one per CPU)':34}{parallel:>10.2f}s{parallel / serial:>7.2f}x   target <= 0.65x")

if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--child-clean":
        child_clean(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "--child-rebuild":
        child_rebuild(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
