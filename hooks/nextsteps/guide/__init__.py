"""The guide's own pages: navigation, stage paths and what follows each step."""

from .render import lower_first, nav, reviewed_text, stage_steps_markdown, step_extras_markdown, steps_list_markdown

__all__ = ["lower_first", "nav", "reviewed_text", "stage_steps_markdown", "step_extras_markdown", "steps_list_markdown"]
