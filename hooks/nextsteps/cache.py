"""A cache for slow build outputs (PDF and Word files).

Each output is keyed by a hash of everything that decides its bytes: its
input, the generator's own source and the library version. So a cached file
is only reused when a fresh render would give the same bytes anyway.

The in-memory layer makes ``mkdocs serve`` rebuilds skip unchanged files; the
optional folder on disk makes the next clean build skip them too.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_memory: dict[str, bytes] = {}
_folder: Path | None = None
produced: Counter[str] = Counter()  # outputs really rendered, by kind, in this process


def use_folder(folder: Path | None) -> None:
    """Keep outputs on disk in ``folder`` as well (None: memory only)."""
    global _folder
    _folder = folder


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached(kind: str, cache_key: str, produce: Callable[[], bytes]) -> bytes:
    name = f"{kind}-{cache_key}"
    if name in _memory:
        return _memory[name]
    path = _folder / name if _folder else None
    if path is not None and path.is_file():
        data = path.read_bytes()
    else:
        data = produce()
        produced[kind] += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(path)
    _memory[name] = data
    return data
