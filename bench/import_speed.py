"""How long ``nextsteps import`` takes for a 3,000-word article.

Run from the project folder:

    .venv/bin/python bench/import_speed.py            # 5 runs of each format
    .venv/bin/python bench/import_speed.py --runs 10

It writes a made-up agency blog post of about 3,000 words (twelve headed
sections) as a saved web page wrapped in site furniture, as plain text and
as Markdown, imports each into a temporary folder with the real console
script, and prints the wall time of each whole command (a fresh process, as
an editor runs it) and of the import alone inside one process. The target is
under 2 seconds on the project's 2-CPU machine. It asserts nothing: it is a
measurement, not a timed test.
"""

from __future__ import annotations

import argparse
import html
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0

SENTENCES = [
    "A long search can wear you down, and that is normal.",
    "You should set a start time and a finish time for each day.",
    "Keep a short list of the jobs you apply for.",
    "Ask your interviewer for feedback in a short email.",
    "Many people wait months for the right offer, so try to be patient.",
    "Go for a walk every day, even a short one.",
    "Write down one thing that went well each week.",
    "Talking to a friend helps more than most people expect.",
    "Read the job advert again before each interview.",
    "It is a good idea to practise your answers out loud.",
]


def article(words: int = 3000, sections: int = 12) -> tuple[str, list[tuple[str, list[str]]]]:
    """A title and headed sections of short paragraphs, about ``words`` words in all."""
    per_section = words // sections
    body = []
    for number in range(1, sections + 1):
        paragraphs, count, i = [], 0, number
        while count < per_section:
            paragraph = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            i += 3
        body.append((f"Part {number} of staying steady in a long search", paragraphs))
    return "Staying steady through a long job search", body


def as_html(title: str, body: list[tuple[str, list[str]]]) -> str:
    e = html.escape
    text = "".join(f"<h2>{e(h)}</h2>" + "".join(f"<p>{e(p)}</p>" for p in ps) for h, ps in body)
    nav = "".join(f'<li><a href="/p{n}">Page {n}</a></li>' for n in range(40))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)} | Agency</title>'
        '<link rel="canonical" href="https://agency.example/blog/steady"><script>var tracking = '
        "1;</script></head><body>"
        f'<div class="cookies">We use cookies. <button>Accept all cookies</button></div><nav><ul>{nav}</ul></nav>'
        f"<main><article><h1>{e(title)}</h1>{text}<p>Share this article</p></article>"
        "<section><h3>Comments</h3><p>Be the first to post one!</p><form><textarea></textarea></form></section></main>"
        "<footer><p>Follow us on LinkedIn</p><p>Contact us today.</p></footer></body></html>"
    )


def as_text(title: str, body: list[tuple[str, list[str]]]) -> str:
    return "\n".join([title, *(line for h, ps in body for line in (h, *ps))]) + "\n"


def as_markdown(title: str, body: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join([f"# {title}", *(line for h, ps in body for line in (f"## {h}", *ps))]) + "\n"


def command_seconds(source: Path, out: Path) -> tuple[float, float]:
    """Wall time and CPU time of one whole command. On a busy machine the
    CPU time is the steadier number: it leaves out waiting for other work."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        [sys.executable, "-m", "nextsteps.cli", "import", str(source), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def in_process_seconds(source: Path) -> float:
    from nextsteps.importer.draft import make_drafts
    from nextsteps.importer.read import read_article

    started = time.perf_counter()
    found = read_article(source)
    make_drafts(found, "auto", taken_slugs=set(), taken_ids=set(), first_order=1)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    title, body = article()
    words = sum(len(p.split()) for _, ps in body for p in ps)
    load = os.getloadavg()[0]
    print(f"Article: {words} words in {len(body)} sections. Target: under {TARGET_SECONDS:.0f} s per import.")
    print(f"Load average now: {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it; CPU times do not).\n")
    print(f"{'format':<10} {'wall, median':>13} {'wall, worst':>12} {'CPU, median':>12} {'import only':>12}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, make, suffix in (
            ("web page", as_html, ".html"),
            ("text", as_text, ".txt"),
            ("Markdown", as_markdown, ".md"),
        ):
            source = work / f"article{suffix}"
            source.write_text(make(title, body), encoding="utf-8")
            runs = [command_seconds(source, work / f"out-{name}-{run}") for run in range(args.runs)]
            wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
            inside = min(in_process_seconds(source) for _ in range(args.runs))
            print(
                f"{name:<10} {statistics.median(wall):>12.2f}s {max(wall):>11.2f}s {statistics.median(cpu):>11.2f}s "
                f"{inside:>11.2f}s"
            )


if __name__ == "__main__":
    main()
