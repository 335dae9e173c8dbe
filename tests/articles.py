"""Articles shaped like a recruitment agency's blog posts, written for these tests.

Each has a title, a byline, an introduction, headed sections and the site's
furniture around it, in every format the import reads.
"""

from __future__ import annotations

import html
from pathlib import Path

TITLE = "How to keep your confidence up during a long job search"
INTRO = [
    "A long job search can wear you down. Many good people wait months for the right offer.",
    "Here are some simple ways to stay steady while you look.",
]
SECTIONS: list[tuple[str, list[str]]] = [
    (
        "Set a daily routine",
        [
            "Job hunting is easier with a plan for each day. You should set a start time and a finish time.",
            "Keep a short list of the jobs you apply for. It shows you how much you have done.",
        ],
    ),
    (
        "Look after your health",
        [
            "Rest, food and fresh air all help your mood. Go for a walk every day, even a short one.",
            "Try to see a friend at least once a week. Talking helps more than most people expect.",
        ],
    ),
    (
        "Ask For Feedback When You Can",
        [
            "A no is easier to take when you know why. Ask your interviewer for feedback in a short email.",
            "Thank them for any answer, even a brief one. Use one useful point in your next application.",
        ],
    ),
    (
        "Notice what goes well",
        [
            "Write down one thing that went well each week. It might be a good call or a kind reply.",
            "Read the list when you feel low. It reminds you that you are moving forward.",
        ],
    ),
]
OUTRO = "Every search ends in the end. Be kind to yourself until it does."

# What the agency's site adds around the article: none of it is advice.
BYLINE = "Priya Shah"
TEXT_FURNITURE = [
    "If you want help with your job search, contact us today.",
    "Follow us on LinkedIn for new roles every week.",
    "There are no comments yet. Be the first to post one!",
    "Post Comment",
]
PAGE_FURNITURE = [
    "Home",
    "Jobs",
    "About us",
    "We use cookies to improve your visit. Accept all cookies",
    "Share this article",
    "Follow us on LinkedIn",
    "Be the first to post one!",
    "Call us today to speak to our team about your next role.",
    "Sign up for our newsletter",
]
FURNITURE = [*TEXT_FURNITURE, *PAGE_FURNITURE]
CANONICAL = "https://agency.example/blog/confidence-long-job-search"
HEADINGS = [heading for heading, _ in SECTIONS]


def sentences() -> list[str]:
    """Every sentence of advice in the article, for checking what survives."""
    paragraphs = [*INTRO, *(p for _, ps in SECTIONS for p in ps), OUTRO]
    found = []
    for paragraph in paragraphs:
        found += [s if s.endswith((".", "!", "?")) else s + "." for s in paragraph.replace(". ", ".\n").split("\n")]
    return found


def as_text() -> str:
    lines = [TITLE, BYLINE, *INTRO]
    for heading, paragraphs in SECTIONS:
        lines += [heading, *paragraphs]
    lines += [OUTRO, *TEXT_FURNITURE]
    return "\n".join(lines) + "\n"


def as_markdown() -> str:
    parts = [f"# {TITLE}", *INTRO]
    for heading, paragraphs in SECTIONS:
        parts += [f"## {heading}", *paragraphs]
    parts.append(OUTRO)
    return "\n\n".join(p for p in parts if p) + "\n"


def as_html(article_extra: str = "") -> str:
    """A saved page: the article inside the agency's navigation, banners, share bar and comments."""
    e = html.escape
    body = "".join(f"<p>{e(p)}</p>" for p in INTRO)
    for heading, paragraphs in SECTIONS:
        body += f"<h2>{e(heading)}</h2>" + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    body += f"<p>{e(OUTRO)}</p>{article_extra}"
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{e(TITLE)} | Example Recruitment</title>
<link rel="canonical" href="{CANONICAL}">
<link rel="stylesheet" href="/style.css"><script src="/tracking.js"></script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your visit.</p><button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/jobs">Jobs</a></li>
<li><a href="/about">About us</a></li></ul></nav></header>
<main><article class="post">
<h1>{e(TITLE)}</h1><p class="byline">By {e(BYLINE)}, 3 March 2026</p>
<div class="entry-content">{body}</div>
<div class="share"><p>Share this article</p><a href="https://social.example/share">Facebook</a> <a href="https://social.example/x">X</a></div>
</article>
<section class="comments"><h3>Comments</h3><p>Currently there are no comments. Be the first to post one!</p>
<form><label>Name <input name="n"></label><textarea></textarea><button>Post Comment</button></form></section>
</main>
<aside><p>Follow us on LinkedIn</p><p>Sign up for our newsletter</p></aside>
<footer><p>Call us today to speak to our team about your next role.</p>
<p>© 2026 Example Recruitment. All rights reserved.</p></footer>
</body></html>
"""


def write_docx(path: Path, headings: bool = True) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.add_paragraph(TITLE, style="Title")
    for paragraph in INTRO:
        document.add_paragraph(paragraph)
    for heading, paragraphs in SECTIONS:
        if headings:
            document.add_heading(heading, level=2)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.add_paragraph(OUTRO)
    document.save(str(path))
    return path
