"""The content model: what a page may say in its front matter, and the checks."""

from ..problems import ContentError, Problem  # kept here too, so older imports work
from .edition import Edition
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
