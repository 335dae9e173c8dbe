"""The content model: what a page may say in its front matter, and the checks."""

from .edition import Edition
from .errors import ContentError, Problem
from .loader import load_content
from .model import Content, Letter, Page, StagePage, Step, TickItem, page_url
from .schema import STAGES, WHENS

__all__ = [
    "STAGES",
    "WHENS",
    "Content",
    "ContentError",
    "Edition",
    "Letter",
    "Page",
    "Problem",
    "StagePage",
    "Step",
    "TickItem",
    "load_content",
    "page_url",
]
