"""What the browser tests' work costs: a new context, a further page, an axe-core run.

The test suite keeps both CPUs busy from start to end, so it takes as long as
its CPU work (README, "Where the time goes"), and most of that work is
Chromium's. This measures the three things that work is made of, on the real
site, and prints them as CPU seconds and as ratios to one page visit in a
context that is already open. It asserts nothing.

    .venv/bin/python bench/browser_costs.py              # about a minute
    .venv/bin/python bench/browser_costs.py --pages 10   # fewer pages, faster

CPU time, not wall time: it is the same on a quiet machine and a busy one.
It is summed over every process involved (this one, Playwright's driver,
Chromium and the processes it starts), read from ``/proc``, so Linux only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from site_tools import ROOT, build_site

sys.path.insert(0, str(ROOT / "tests"))
# The tests' own browser settings, server and axe-core runner, so the costs are the suite's.
import a11y
from support import CHROMIUM_ARGS, Server, find_chromium, html_pages

TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and everything under it, ended children included."""
    children: dict[int, list[int]] = {}
    used: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        used[pid] = sum(int(x) for x in fields[11:15])  # utime, stime, and those of reaped children
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total / TICKS


def measure(run: Callable[[], None]) -> float:
    before = tree_cpu(os.getpid())
    run()
    time.sleep(1.0)  # closed contexts' processes end and are counted by their parent
    return tree_cpu(os.getpid()) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="how many of the site's pages to visit (default 30)")
    args = parser.parse_args()
    if args.pages < 1:
        parser.error("--pages must be 1 or more")
    executable = find_chromium()
    if executable is None:
        sys.exit("Chromium is missing: install it (apt-get install chromium) or set CHROMIUM_PATH.")
    from playwright.sync_api import sync_playwright

    site = build_site()
    paths = html_pages(site)[: args.pages]
    with Server(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        url = [server.url(path) for path in paths]

        def fresh_contexts() -> None:
            for address in url:
                context = browser.new_context()
                context.new_page().goto(address)
                context.close()

        def in_one_context(check: Callable[[Any], object]) -> float:
            """Per page, in a context already open and warm (the theme's files in its cache)."""
            context = browser.new_context()
            page = context.new_page()
            page.goto(url[0])

            def visits() -> None:
                for address in url:
                    page.goto(address)
                    check(page)

            seconds = measure(visits)
            context.close()
            return seconds / len(url)

        measure(fresh_contexts)  # a first round warms Chromium up; it is not counted
        costs = {
            "a new context and its first page": measure(fresh_contexts) / len(url),
            "a further page in the same context": in_one_context(lambda page: None),
            "a page and an axe-core run on it": in_one_context(a11y.violations),
        }
        browser.close()
    visit = costs["a further page in the same context"]
    print(f"CPU seconds per page, over {len(url)} pages of the built site:\n")
    print(f"| {'what':<36} | CPU s | against a further page |")
    print(f"| {'-' * 36} | ----: | ---------------------: |")
    for name, seconds in costs.items():
        print(f"| {name:<36} | {seconds:5.2f} | {seconds / visit:21.1f}x |")


if __name__ == "__main__":
    main()
