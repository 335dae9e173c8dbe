"""Where to get help: organisations kept as checked data, shown on the support page.

The list lives in ``data/support.yml`` at the project root (not in docs/, so
it is not published as a file), with its topics: the parts of the page. A brand can replace or extend it. Every entry
names the page it was checked against and when; entries not reviewed for a
year give a warning.
"""

from .loader import DATA_FILE, SupportList, load_support, stale_warnings
from .model import REGIONS, Organisation, Topic, region_name
from .page import PLACEHOLDER, contents_markdown, support_markdown

__all__ = [
    "DATA_FILE",
    "PLACEHOLDER",
    "REGIONS",
    "Organisation",
    "SupportList",
    "Topic",
    "contents_markdown",
    "load_support",
    "region_name",
    "stale_warnings",
    "support_markdown",
]
