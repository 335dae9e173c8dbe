"""Run axe-core (the copy bundled with axe-playwright-python) inside a page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_axe = Axe()


def violations(page, context: str | None = None, *, preload: bool = True) -> list[dict]:
    """``preload=False`` for a sandboxed frame: its opaque origin may not fetch
    the stylesheets again, and axe would log the refused requests as errors."""
    # Only violations are read: axe then spends no time detailing the passes (about a quarter faster).
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if not preload:
        options["preload"] = False
    result = _axe.run(page, context=context, options=options)
    return result.response["violations"]


def describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        targets = [", ".join(map(str, n["target"])) for n in v["nodes"][:5]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)
