"""The content model: what a page may say in its front matter, and the checks."""

from .edition import Edition
from .errors import ContentError, Problem
from .loader import load_content, load_guide
from .model import Content, Letter, Page, StagePage, Step, TickItem, lower_first, page_url
from .schema import WHENS
from .settings import GuideSettings, load_guide_settings

__all__ = [
    "WHENS",
    "Content",
    "ContentError",
    "Edition",
    "GuideSettings",
    "Letter",
    "Page",
    "Problem",
    "StagePage",
    "Step",
    "TickItem",
    "load_content",
    "load_guide",
    "load_guide_settings",
    "lower_first",
    "page_url",
]
