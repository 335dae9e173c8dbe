"""What the December 2026 careers review fixed stays fixed, read from the real built site.

A reader acting on the high problems could be harmed or miss a deadline, so
each fix is pinned here: the money-mule warning, the crisis lines for
Scotland and Wales with their hours, and a time-limit statement that either
cites the order that brings in six months or says none was found and when.
The medium problems that shape the journey are pinned too: every stage path
has the steps the review found missing, and a path never offers a second
first message to the employer (the alternatives stay on /letters/).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nextsteps.content import load_content
from nextsteps.content.loader import GENERATED_PAGES
from nextsteps.letters.pages import INDEX_PATH
from nextsteps.support import load_support
from support import ROOT, journeys

CONTENT = load_content(ROOT / "docs")
SUPPORT = load_support(ROOT)
STAGES = journeys()  # the journeys the guide's stage pages declare


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", article(html)).split())


def path_pages(stage: str) -> list[str]:
    return [f"stages/{stage}/{step.slug}" for step in CONTENT.steps_for(stage)]


# High problems -----------------------------------------------------------------


@pytest.mark.parametrize("stage", STAGES)
def test_every_path_warns_against_money_mule_jobs(site, stage):
    """H2: a job that moves money through your account is a crime; the warning is on every path, with its source."""
    text = " ".join(words(read(site, url)) for url in path_pages(stage))
    assert "money mule" in text.lower(), stage
    assert re.search(r"money (pass|move)s? through your bank account", text), stage
    assert "crime even if you did not know" in text
    html = read(site, f"stages/{stage}/change-how-you-search")
    warning = html[html.index("money mule") :]
    source = re.search(r"<small>(.*?)</small>", warning, re.S)
    assert source and "Checked in 2026" in source.group(1) and "financialfraudaction.org.uk" in source.group(1)


def test_scotland_has_nhs_24_any_time_and_breathing_space_with_its_hours(site):
    """H3: NHS 24's 111 Mental Health Hub any time, Breathing Space's opening hours, NHS 111 Wales any time."""
    by_id = {o.id: o for o in SUPPORT.organisations}
    hub = by_id["nhs-24-mental-health-hub"]
    assert hub.regions == ["scotland"] and hub.phone == "111" and hub.topic == "wellbeing"
    assert hub.hours == "Any time, day or night"
    assert any("gov.scot" in url for _, url in hub.sources)
    breathing = by_id["breathing-space"]
    assert breathing.hours and "6pm to 2am" in breathing.hours
    assert "Friday 6pm to Monday 6am" in breathing.hours
    assert by_id["nhs-111-wales-mental-health"].hours == "Any time, day or night"
    assert "18001 0808 808 8000" in (by_id["lifeline"].phone_note or "")

    html = read(site, "get-support")
    wellbeing = html[html.index('id="wellbeing"') : html.index('id="careers"')]
    scotland = wellbeing[wellbeing.index(">Scotland<") :]
    scotland = scotland[: scotland.index("<h3") if "<h3" in scotland else None]
    assert "NHS 24 Mental Health Hub" in scotland and 'href="tel:111"' in scotland
    assert "Any time, day or night" in scotland and "6pm to 2am" in scotland


def test_time_limits_name_the_commencement_order_or_say_none_was_found_and_when(site):
    """H1: six months is written only as the orders allow; the safe advice (Acas first, early) stays."""
    html = read(site, "steps/its-not-personal")
    text = words(html)
    assert "3 months less one day" in text and "contact Acas first" in text and "early conciliation" in text
    assert "6 months" in text
    cited_order = re.search(r'href="https://www\.legislation\.gov\.uk/uksi/20\d\d/\d+[^"]*"', html)
    in_force = re.search(r"on or after \d{1,2} \w+ 20\d\d", text)
    none_found = re.search(r"When we checked on \d{1,2} \w+ 20\d\d, we found no commencement order", text)
    assert cited_order, "the commencement orders checked are linked"
    assert in_force or none_found, "the date six months applies from, or that no order brings it in and when we checked"
    if none_found:
        assert "count 3 months less one day" in text, "until an order is found, the safe limit is the one to count"


# Medium problems that shape the journey -----------------------------------------

# M15: what each path was missing.
MISSING_BEFORE = {"application": "clear-your-mind", "interview": "change-how-you-search", "final": "keep-learning"}


@pytest.mark.parametrize("stage", STAGES)
def test_each_path_has_the_steps_the_review_found_missing(site, stage):
    slugs = [s.slug for s in CONTENT.steps_for(stage)]
    assert MISSING_BEFORE[stage] in slugs
    assert 8 <= len(slugs) <= 10, slugs
    assert 'href="' + MISSING_BEFORE[stage] + '/"' in read(site, f"stages/{stage}")


# M4: the one reply, and the letters a reader could send instead of it.
ONE_REPLY = "reply-to-the-rejection"
FIRST_TO_RECRUITER = {"ask-your-recruiter-for-feedback"}


def alternatives() -> set[str]:
    """Letters that say to send them instead of the reply: offered on /letters/, never on a path."""
    instead = "instead of the reply to the rejection"
    return {lid for lid, letter in CONTENT.letters.items() if instead in letter.meta.send_when}


def linked_letters(html: str) -> set[str]:
    return set(re.findall(r'href="(?:\.\./)+letters/([a-z0-9-]+)/"', article(html)))


def test_the_alternatives_to_the_one_reply_are_named_and_on_the_letters_page(site):
    assert alternatives() == {"feedback-after-application", "feedback-after-interview", "thank-you-keep-in-mind"}
    index = read(site, "letters")
    for letter_id in alternatives() | {ONE_REPLY}:
        assert f'href="{letter_id}/"' in index, letter_id
    assert INDEX_PATH in GENERATED_PAGES, "steps may link to the letters page the build writes"


@pytest.mark.parametrize("stage", STAGES)
def test_a_path_offers_one_first_message_to_the_employer_and_one_to_the_recruiter(site, stage):
    first_to_employer = alternatives() | {ONE_REPLY}
    offered_on_path: set[str] = set()
    for url in path_pages(stage):
        html = read(site, url)
        linked = linked_letters(html)
        assert len(linked & first_to_employer) <= 1, (url, linked)
        assert len(linked & FIRST_TO_RECRUITER) <= 1, (url, linked)
        offered_on_path |= linked & first_to_employer
        if linked & alternatives():
            pytest.fail(f"{url} offers {sorted(linked & alternatives())}; alternatives belong on /letters/ only")
    assert offered_on_path == {ONE_REPLY}, (stage, offered_on_path)


def test_the_reply_step_has_its_own_tick_and_no_same_day_nudge(site):
    """M4 and M5: the 'send your reply' tick sits on the reply step; replies wait until the reader feels calm."""
    reply = next(s for s in CONTENT.steps if s.slug == "reply-to-the-rejection")
    assert reply.meta.checklist and "feel calm" in reply.meta.checklist[0].text
    for slug in ("reply-to-the-rejection", "ask-for-feedback"):
        step = next(s for s in CONTENT.steps if s.slug == slug)
        assert step.meta.when != "today", slug
        assert "feel calm" in words(read(site, step.url)), slug
    for letter_id in alternatives() | {ONE_REPLY, "ask-your-recruiter-for-feedback"}:
        send_when = CONTENT.letters[letter_id].meta.send_when
        assert "When you feel calm, ideally within 2 or 3 working days" in send_when, letter_id
