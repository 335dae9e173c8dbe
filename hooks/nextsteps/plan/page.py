"""The "My plan" page: its Markdown, its template and the data plan.js reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import browser
from ..addresses import absolute, checklist_url, page_url, rel_url, stage_step_path
from ..content import Content
from ..content.settings import with_topic
from ..guide import choose, date_question, day, question, reviewed_text, upper_first
from ..outputs import Generated, asset
from ..pagemeta import PageMeta
from ..templating import render as render_template
from ..wording import Entry, say, words_for_script

HERE = Path(__file__).parent
PAGE = "plan/index.md"
SCRIPT = "assets/javascripts/plan.js"
CALENDAR_SCRIPT = "assets/javascripts/plan-calendar.js"  # dates and the .ics text, as calendar.py
# Loaded in this order, without "defer", where the plan stands: plan.js uses the other two.
SCRIPTS = (browser.SCRIPT, CALENDAR_SCRIPT, SCRIPT)
STYLESHEET = "assets/stylesheets/plan.css"
GROUPS = ("today", "this-week", "later")


def _span(after: int, until: int | None, days: str) -> str:
    """'2 to 3 working days', '14 days': how long after the news, in words."""
    if until is None or until == after:
        return say("plan.span.one", count=after, unit=say(f"plan.unit.{days}", count=after))
    return say("plan.span.range", first=after, last=until, unit=say(f"plan.unit.{days}", count=until))


def plan_data(content: Content, site_url: str) -> dict[str, Any]:
    """Every journey's items and timed actions, linked from the plan page; words for the script."""
    here = page_url(PAGE)
    journeys: dict[str, Any] = {}
    for stage, page in content.stages.items():
        steps = content.steps_for(stage)
        journeys[stage] = {
            "title": page.meta.title,
            "checklist": rel_url(here, checklist_url(stage)),
            "steps": [s.slug for s in steps],
            "items": [
                {
                    "id": item.id,
                    "text": item.text,
                    "when": item.when,
                    "step": item.step.meta.title,
                    "href": rel_url(here, page_url(stage_step_path(stage, item.step.slug))),
                }
                for item in content.checklist(stage)
            ],
            "timed": [
                {
                    "id": action.id,
                    "text": action.text,
                    "after": action.after,
                    "until": action.until,
                    "days": action.days,
                    "step": step.meta.title,
                    "href": rel_url(here, page_url(stage_step_path(stage, step.slug))),
                    "url": absolute(site_url, page_url(stage_step_path(stage, step.slug))),
                }
                for step in steps
                for action in step.meta.timed
            ],
        }
    return {
        "journeys": journeys,
        "allIds": sorted(i.id for i in content.every_item()),
        "host": urlsplit(site_url).hostname or "localhost",
        "planUrl": absolute(site_url, here),
        "words": _script_words(content),
    }


def _script_words(content: Content) -> dict[str, Entry]:
    """The script's phrases with the guide's own words already in; the script fills in the rest."""
    own = {"day": day(content), "choose": upper_first(choose(content)), "topic": content.guide.topic}

    def filled(text: str) -> str:
        for name, value in own.items():
            if "{" + name + "}" in text:
                text = with_topic(text.replace("{" + name + "}", value))
        return text

    words: dict[str, Entry] = {}
    for key, entry in words_for_script("script.plan.").items():
        words[key] = {form: filled(text) for form, text in entry.items()} if isinstance(entry, dict) else filled(entry)
    return words


def _script_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_markdown(content: Content, site_url: str) -> str:
    """The page: a summary first, then the tool, which works out the rest in the browser."""
    timed = []
    seen: set[str] = set()
    for stage in content.journeys:
        for step in content.steps_for(stage):
            for action in step.meta.timed:
                if action.id not in seen:
                    seen.add(action.id)
                    timed.append({"text": action.text, "span": _span(action.after, action.until, action.days)})
    tool = render_template(
        HERE,
        "plan.html",
        data=_script_json(plan_data(content, site_url)),
        journeys=[(s, page.meta.title) for s, page in content.stages.items()],
        timed=timed,
        day=day(content),
        date_label=date_question(content),
        journey_label=question(content),
        checklist_href=rel_url(page_url(PAGE), checklist_url()),
        script_srcs=[rel_url(page_url(PAGE), "") + script for script in SCRIPTS],
    ).strip()
    front = PageMeta(
        title=say("plan.title"),
        description=say("plan.description"),
        reviewed_text=reviewed_text(content.last_reviewed),
    )
    lines = [front.front_matter(), ""]
    lines += [say("plan.intro", day=day(content)), "", tool, ""]
    return "\n".join(lines)


def generated_files(content: Content, site_url: str) -> list[Generated]:
    return [
        asset(CALENDAR_SCRIPT, HERE / "calendar.js"),
        asset(SCRIPT, HERE / "plan.js"),
        asset(STYLESHEET, HERE / "plan.css"),
        Generated(PAGE, page_markdown(content, site_url), in_nav=True),
    ]
