"""Kept so that older imports work: problems live in ``nextsteps.problems``."""

from ..problems import ContentError, Problem

__all__ = ["ContentError", "Problem"]
