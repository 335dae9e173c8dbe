"""Every guide page reads easily: Flesch 60+, no sentence over 25 words, all advice covered."""

from __future__ import annotations

import pytest
import textstat
from nextsteps import guide
from nextsteps.checks.plain_english import (
    MAX_WORDS,
    MIN_READING_EASE,
    article_blocks,
    reading_ease,
    sentences,
    word_count,
)
from nextsteps.content import load_content, page_url
from support import ROOT

CONTENT = load_content(ROOT / "docs")
STAGE_STEP_PAGES = [page_url(path) for path in guide.places(CONTENT)]
GUIDE_PAGES = [s.url for s in CONTENT.steps] + [p.url for p in CONTENT.stages.values()] + [p.url for p in CONTENT.pages.values()] + STAGE_STEP_PAGES


def page_text(site, url: str) -> list[str]:
    return article_blocks((site / url / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("url", GUIDE_PAGES)
def test_reading_ease_and_sentence_length(site, url):
    """The same rule as the build's warnings and `nextsteps check` (nextsteps.checks.plain_english)."""
    blocks = page_text(site, url)
    assert reading_ease(blocks) >= MIN_READING_EASE, url
    # The project counts Flesch itself, exactly as the reference library does.
    text = " ".join(b if b.endswith((".", "!", "?", ":")) else b + "." for b in blocks)
    assert reading_ease(blocks) == textstat.flesch_reading_ease(text)
    long = [s for s in sentences(blocks) if word_count(s) > MAX_WORDS]
    assert not long, long


# One or more phrases per piece of advice in the source articles; each group
# must appear somewhere in the guide, so no advice silently drops out.
ADVICE = {
    "rejection at any stage": ["first or second interview", "final stage", "after applying"],
    "apply to several roles": ["more than one", "several"],
    "not personal": ["not personal", "more experience"],
    "ask for feedback by email": ["feedback", "email"],
    "good and bad points": ["good and bad"],
    "may not get a clear answer": ["short or general"],
    "dress and body language": ["dress", "body language"],
    "seeming uninterested": ["interest"],
    "reflection questions": ["prepare enough", "surprise"],
    "follow-up letter": ["thank", "keep you in mind"],
    "clear your mind": ["fresh", "break"],
    "online courses": ["online course"],
    "note your achievements": ["achieved", "strengths"],
    "LinkedIn open to work": ["LinkedIn", "open to work"],
    "recruiters": ["recruiter", "saves you time"],
    "every interview teaches": ["yourself", "interviews"],
}

# What a careers adviser adds to the source articles: support, replying well,
# fairness, safe job hunting and help when rejections keep coming.
ADVICE.update({
    "where to get support": ["where to get support", "someone to talk to"],
    "one reply, not several": ["send one message, not several"],
    "what to send at each stage": ["after applying:", "after an interview:", "at the final stage:"],
    "reading rejection phrases": ["very strong field", "keep your details on file"],
    "unable to provide feedback": ["unable to provide feedback", "do not ask again"],
    "no-reply senders": ["no-reply"],
    "applied through an agency": ["through an agency", "reply to your recruiter, not to the employer"],
    "follow up once, then stop": ["7 to 10 working days", "stop there"],
    "never argue with feedback": ["do not argue with it"],
    "a short call": ["short call"],
    "fairness and its time limits": ["equality act 2010", "protected characteristics", "3 months less one day", "contact acas first"],
    "reasonable changes for disabled applicants": ["reasonable changes"],
    "Northern Ireland is different": ["equality commission for northern ireland"],
    "open to work for recruiters only": ["recruiters only", "your employer can see it"],
    "agencies must not charge": ["must not charge you a fee for finding you work"],
    "job scams": ["job scams", "pay for a job"],
    "free services and other routes": ["free careers services", "people you know", "employers you like"],
    "repeated rejection, stage by stage": ["keep getting turned down", "no interview", "no offers", "final stage but are not chosen", "one thing at a time"],
})


@pytest.mark.parametrize("advice", ADVICE)
def test_every_piece_of_advice_is_in_the_guide(site, advice):
    text = " ".join(" ".join(page_text(site, url)) for url in GUIDE_PAGES).lower()
    missing = [phrase for phrase in ADVICE[advice] if phrase.lower() not in text]
    assert not missing, f"{advice}: {missing}"


def test_email_is_spelled_one_way(site):
    """"email", never "e-mail", in anything the site ships."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".js", ".json", ".txt", ".xml", ".css"}:
            if "e-mail" in path.read_text(encoding="utf-8", errors="replace").lower():
                found.append(str(path.relative_to(site)))
    assert not found, found
