"""The guide's own pages: navigation, stage paths and each step on its path."""

from .render import (
    STAGE_LABELS,
    PathPlace,
    generated_files,
    letters_markdown,
    lower_first,
    nav,
    nav_paths,
    pager_html,
    places,
    reviewed_text,
    stage_choice_markdown,
    stage_start_markdown,
    stage_steps_markdown,
    stage_wording,
    stepnav_html,
    your_path_markdown,
)

__all__ = [
    "STAGE_LABELS",
    "PathPlace",
    "generated_files",
    "letters_markdown",
    "lower_first",
    "nav",
    "nav_paths",
    "pager_html",
    "places",
    "reviewed_text",
    "stage_choice_markdown",
    "stage_start_markdown",
    "stage_steps_markdown",
    "stage_wording",
    "stepnav_html",
    "your_path_markdown",
]
