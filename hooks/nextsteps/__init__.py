"""Next Steps: the build-time logic behind the guide.

Nothing in this package imports MkDocs. The site engine calls these plain
functions through a thin adapter (``hooks/mkdocs_hooks.py``), so moving to
another engine means rewriting that adapter only.
"""
