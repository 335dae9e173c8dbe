"""Every guide page reads easily: Flesch 60+, no sentence over 25 words, all advice covered."""

from __future__ import annotations

import pytest
import textstat

from nextsteps import guide
from nextsteps.content import load_content, page_url
from plain_english import article_blocks, sentences, word_count
from support import ROOT

CONTENT = load_content(ROOT / "docs")
STAGE_STEP_PAGES = [page_url(path) for path in guide.places(CONTENT)]
GUIDE_PAGES = [s.url for s in CONTENT.steps] + [p.url for p in CONTENT.stages.values()] + [p.url for p in CONTENT.pages.values()] + STAGE_STEP_PAGES


def page_text(site, url: str) -> list[str]:
    return article_blocks((site / url / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("url", GUIDE_PAGES)
def test_reading_ease_and_sentence_length(site, url):
    blocks = page_text(site, url)
    text = " ".join(b if b.endswith((".", "!", "?", ":")) else b + "." for b in blocks)
    assert textstat.flesch_reading_ease(text) >= 60, url
    long = [s for s in sentences(blocks) if word_count(s) > 25]
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


@pytest.mark.parametrize("advice", ADVICE)
def test_every_piece_of_advice_is_in_the_guide(site, advice):
    text = " ".join(" ".join(page_text(site, url)) for url in GUIDE_PAGES).lower()
    missing = [phrase for phrase in ADVICE[advice] if phrase.lower() not in text]
    assert not missing, f"{advice}: {missing}"
