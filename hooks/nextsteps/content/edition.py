"""What one edition of the guide reads: the guide's pages, a brand's own pages
over them, minus the pages the brand hides, for one region.

A brand page with the same path as a guide page replaces it; any other brand
page is added. Errors in a brand page name the brand's file, so the agency's
web person fixes their own page, not the guide's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .regions import DEFAULT_REGION


def shown_from(path: Path, project_dir: Path) -> str:
    """A file's name in errors, from the project folder: 'brands/ireland.yml'."""
    try:
        return Path(os.path.relpath(path.resolve(), project_dir.resolve())).as_posix()
    except ValueError:  # another drive
        return path.as_posix()


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where the build reads it
    shown: str  # how errors name it


@dataclass(frozen=True)
class Edition:
    """A brand's changes to the guide. The default edition changes nothing."""

    region: str = DEFAULT_REGION
    pages_dir: Path | None = None  # the brand's own pages, laid out like docs/
    hidden: frozenset[str] = frozenset()  # source paths, such as 'letters/x.md'
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stage -> its path for this brand
    settings_file: str = ""  # the brand's file as errors name it, such as 'brands/ireland.yml'
    project_dir: Path | None = None  # file names in errors are relative to it

    def sources(self, docs_dir: Path) -> dict[str, SourceFile]:
        """Every Markdown page of this edition by its source path, in path order."""
        found = {
            p.relative_to(docs_dir).as_posix(): SourceFile(p, self.shown(p, docs_dir.parent))
            for p in docs_dir.rglob("*.md")
        }
        own = self.pages_dir
        if own is not None:
            found.update({p.relative_to(own).as_posix(): SourceFile(p, self.shown(p)) for p in own.rglob("*.md")})
        return {rel: found[rel] for rel in sorted(found) if rel not in self.hidden}

    def own_files(self) -> dict[str, Path]:
        """Every file in the brand's own folder (pages, images) by its site path."""
        if self.pages_dir is None:
            return {}
        return {p.relative_to(self.pages_dir).as_posix(): p for p in sorted(self.pages_dir.rglob("*")) if p.is_file()}

    def shown(self, path: Path, base: Path | None = None) -> str:
        """A file's name in errors: relative to the project, so the editor finds it."""
        base = base or self.project_dir
        return path.as_posix() if base is None else shown_from(path, base)

    def is_own(self, source: SourceFile) -> bool:
        """Whether a page comes from the brand's own folder."""
        return self.pages_dir is not None and source.path.is_relative_to(self.pages_dir)

    def hidden_note(self, rel: str) -> str:
        """Why a page is missing, when the brand hides it."""
        if rel not in self.hidden:
            return ""
        return f" ('{rel}' is hidden by {self.settings_file}, field 'extra.brand.hide')"
