"""PDF and Word files rendered in worker processes while the pages build.

A generator hands back a :class:`RenderJob` (a module-level function, its
inputs and a cache key) instead of bytes. :class:`Renders` answers cache hits
at once, without importing WeasyPrint, and sends the misses to a pool of
worker processes. The site engine renders its pages meanwhile and collects
the bytes at the end (pages that show a file's size get it then, see
``nextsteps.outputs``). Rendering is a pure function of the job's inputs, so a file made in a
worker has the same bytes as one made in this process.

``NEXTSTEPS_RENDER_WORKERS`` sets the number of workers; ``0`` renders in
this process, one file after another, in the order the files were listed.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

from . import cache

WORKERS_ENV = "NEXTSTEPS_RENDER_WORKERS"


@dataclass(frozen=True)
class RenderJob:
    """What it takes to make one slow file, in a form a worker process can receive."""

    kind: str  # 'pdf' or 'docx': names the cached file and the counter in ``cache.produced``
    key: str  # hash of everything that decides the bytes (``cache.key``)
    function: Callable[..., bytes]  # a module-level function, so workers can import it
    args: tuple[Any, ...] = ()
    # Modules worth importing once in the process that starts the workers.
    preload: tuple[str, ...] = field(default=(), compare=False)
    source: str = field(default="", compare=False)  # the page it is made from, for error messages


class RenderError(Exception):
    """A file could not be made: names the file, so the message is useful as is."""

    def __init__(self, path: str, reason: str, source: str = ""):
        self.path = path
        self.reason = reason
        made_from = f" (made from {source})" if source else ""
        super().__init__(f"{path}{made_from}: could not be rendered: {reason}")


def run(job: RenderJob) -> bytes:
    """Make one file now, in this process, through the cache."""
    found = cache.lookup(job.kind, job.key)
    if found is None:
        found = job.function(*job.args)
        cache.store(job.kind, job.key, found)
    return found


def _worker_start(package_parent: str) -> None:
    """Workers import ``nextsteps`` from the same folder as the build did."""
    if package_parent not in sys.path:
        sys.path.insert(0, package_parent)


def _work(function: Callable[..., bytes], args: tuple[Any, ...]) -> tuple[bytes | None, str]:
    """Runs in a worker. Errors come back as text: not every exception pickles."""
    try:
        return function(*args), ""
    except Exception as exc:  # noqa: BLE001 - reported with the file's name by the caller
        return None, f"{type(exc).__name__}: {exc}"


def _start_fork_server(package_parent: str) -> None:
    """Start it with this package's folder first on its path, so it preloads
    the very code this build runs (the site engine loads it from a path)."""
    from multiprocessing import forkserver

    sys.path.insert(0, package_parent)
    try:
        forkserver.ensure_running()
    finally:
        sys.path.remove(package_parent)


def worker_count(misses: int) -> int:
    wanted = os.environ.get(WORKERS_ENV, "").strip()
    if wanted:
        if not wanted.isdigit():
            raise ValueError(f"{WORKERS_ENV} must be a whole number such as 0 (render in the build process) or 2, not {wanted!r}")
        return int(wanted)
    return max(1, min(misses, os.cpu_count() or 1))


class Renders:
    """The slow files of one build, by site path."""

    def __init__(self, jobs: Iterable[tuple[str, RenderJob]]):
        self._jobs: dict[str, RenderJob] = dict(jobs)
        self._done: dict[str, bytes] = {}
        self._futures: dict[str, Any] = {}
        self._executor: ProcessPoolExecutor | None = None
        self._starter: threading.Thread | None = None  # the thread that starts the workers, while it runs
        self._start_error = ""
        self._lock = threading.Lock()
        self._closed = False
        self.rendered = 0  # files really made in this build (not from the cache)

    @property
    def paths(self) -> list[str]:
        return list(self._jobs)

    def start(self) -> None:
        """Answer cache hits now and start the misses in worker processes.

        Starting the workers waits for the fork server to import WeasyPrint
        (about half a second), so that happens on a thread of its own: the
        site engine builds its pages meanwhile.
        """
        misses: list[str] = []
        for path, job in self._jobs.items():
            found = cache.lookup(job.kind, job.key)
            if found is None:
                misses.append(path)
            else:
                self._done[path] = found
        workers = worker_count(len(misses))
        if not misses or workers == 0:
            return  # serial: each miss is made when it is first asked for
        self._starter = threading.Thread(target=self._start_workers, args=(misses, workers), name="nextsteps-render-start", daemon=True)
        self._starter.start()

    def _start_workers(self, misses: list[str], workers: int) -> None:
        try:
            # Imported here: a build with a warm cache never starts a process.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Not 'fork': the site engine may run threads (mkdocs serve), and a
            # forked child can inherit a held lock. The fork server imports the
            # renderer and this package once; each worker is a cheap copy of it.
            package_parent = str(Path(__file__).resolve().parent.parent)
            context: multiprocessing.context.BaseContext
            if "forkserver" in multiprocessing.get_all_start_methods():
                forkserver = multiprocessing.get_context("forkserver")
                modules = {m for p in misses for m in self._jobs[p].preload} | {self._jobs[p].function.__module__ for p in misses}
                forkserver.set_forkserver_preload(sorted(modules))
                context = forkserver
                _start_fork_server(package_parent)
            else:
                context = multiprocessing.get_context("spawn")
            executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start, initargs=(package_parent,))
            with self._lock:
                if self._closed:
                    executor.shutdown(wait=False, cancel_futures=True)
                    return
                self._executor = executor
                # In the order given: list first the files that pages wait for first.
                for path in misses:
                    job = self._jobs[path]
                    self._futures[path] = executor.submit(_work, job.function, job.args)
        except Exception as exc:  # noqa: BLE001 - each file then reports it by name
            self._start_error = f"the render workers did not start ({type(exc).__name__}: {exc})"

    def result(self, path: str) -> bytes:
        """The file's bytes, waiting for its worker if need be."""
        if path in self._done:
            return self._done[path]
        job = self._jobs[path]
        if self._starter is not None:
            self._starter.join()
        if self._start_error:
            raise RenderError(path, self._start_error, job.source)
        future = self._futures.get(path)
        if future is None:
            try:
                data = job.function(*job.args)
            except Exception as exc:  # same report as from a worker
                raise RenderError(path, f"{type(exc).__name__}: {exc}", job.source) from exc
        else:
            try:
                data, error = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. a worker that was killed
                raise RenderError(path, f"the worker process stopped ({type(exc).__name__}: {exc})", job.source) from None
            if data is None:
                raise RenderError(path, error, job.source)
        cache.store(job.kind, job.key, data)
        cache.produced[job.kind] += 1
        self.rendered += 1
        self._done[path] = data
        return data

    def finish(self) -> dict[str, bytes]:
        """Every file's bytes, in the order they were listed; raises RenderError on the first failure."""
        try:
            return {path: self.result(path) for path in self._jobs}
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers; unstarted renders are dropped (after an error, or a finished build)."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def render_all(jobs: Iterable[tuple[str, RenderJob]]) -> dict[str, bytes]:
    """Start and collect in one call (tools and tests)."""
    renders = Renders(jobs)
    renders.start()
    return renders.finish()
