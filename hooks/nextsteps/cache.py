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
import tempfile
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


def lookup(kind: str, cache_key: str) -> bytes | None:
    """The kept bytes for this key, or None."""
    name = f"{kind}-{cache_key}"
    if name in _memory:
        return _memory[name]
    path = _folder / name if _folder else None
    if path is not None and path.is_file():
        _memory[name] = path.read_bytes()
        return _memory[name]
    return None


def store(kind: str, cache_key: str, data: bytes) -> None:
    """Keep ``data``. Several builds may share the folder (one per brand), so
    each writes a private temporary file and renames it into place: a reader
    sees the whole file or none, and equal keys mean equal bytes."""
    name = f"{kind}-{cache_key}"
    _memory[name] = data
    if _folder is None or (_folder / name).is_file():
        return
    _folder.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=_folder, prefix=f".{name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, _folder / name)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def cached(kind: str, cache_key: str, produce: Callable[[], bytes]) -> bytes:
    found = lookup(kind, cache_key)
    if found is None:
        found = produce()
        produced[kind] += 1
        store(kind, cache_key, found)
    return found
