"""Many documents over local worker processes, in input order, with bounded memory.

Each worker loads spaCy once (the pool initializer) and runs ``process_chunk`` on the
chunks it is sent, so a record made in a worker is the record made in-process. Workers
start with the 'forkserver' method (spawn where there is none): forking a parent that
holds a loaded spaCy model copies its thread pools and locks in whatever state they were.

At most ``2 * workers`` chunks are in flight; the next is read from the input only
when the oldest comes back, so a million-document input never sits in memory.

A worker that raises, dies (a segfault in a C extension, the kernel's OOM killer) or
stops answering (stuck in native code the time limit's signal cannot interrupt: the
watchdog waits a generous multiple of the limit, then kills the pool) takes only its
chunk down; that chunk is then run one document at a time, on a fresh pool when the old
one broke, so the document to blame gets one DocumentError and every other document
gets its record.

Workers die with the process that started them, however it ends (``kill -9`` too): the
forkserver hands every worker the parent's liveness pipe and the resource tracker's fd,
so a worker left behind would keep all three alive. Each worker watches the parent's pid
(a pidfd on Linux) and exits when it is gone; ``PR_SET_PDEATHSIG`` covers its own parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import Any

from accord.parse import load_nlp
from accord.pipeline.batch import (
    chunks,
    iter_processed_here,
    late,
    process_chunk,
    records,
    warm_up,
)
from accord.pipeline.processed import Item, Result, where
from accord.schema import DocumentError, RawDocument, Record
from accord.settings import DEFAULT_MODEL, Settings, load_settings

Runner = Callable[[Sequence[Item], Settings], list[Result]]
"""The per-chunk function a worker runs (``process_chunk``; tests inject faults)."""

GRACE_S = 10.0
"""Slack over the time limit before the watchdog takes a silent worker for stuck."""

STARTUP_S = 300.0
"""How long a new pool's workers may take to load the model before any is ready."""

_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    """Exit this worker as soon as the process that started the pool is gone."""
    try:
        fd = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd: poll
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(0.5)
    select.select([fd], [], [])  # readable once the parent has exited
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """Make this process exit when ``parent`` does: PDEATHSIG for the direct parent
    (Linux), and a daemon thread watching ``parent`` itself (any start method)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    watch = threading.Thread(target=_watch_parent, args=(parent,), daemon=True)
    watch.name = "accord-parent-watch"
    watch.start()


def _start_worker(model: str, parent: int, ready: Any) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; die with the parent; load the
    model and warm the stages once; then tell the parent when this worker was ready
    (the watchdog's patience starts there, not while a model loads)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    warm_up(model)
    with ready.get_lock():
        ready.value = time.time()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports spaCy and the stages once (no model, no threads yet); each
    # worker forks from it and skips those imports. Ignored once the server runs.
    context.set_forkserver_preload(["accord.pipeline.batch"])
    return context


def patience(settings: Settings, documents: int) -> float | None:
    """How long a chunk of ``documents`` may stay silent before its worker is taken for
    stuck: twice the limit per document plus slack (None: no time limit, wait)."""
    if settings.time_limit <= 0:
        return None
    return GRACE_S + 2 * settings.time_limit * max(documents, 1)


@dataclass
class _Task:
    chunk: list[Item]
    future: Future[list[Result]]
    generation: int  # which pool it was sent to; a broken pool fails all of its tasks


class Workers:
    """A process pool that is replaced when a worker dies or hangs. Thread-safe."""

    def __init__(self, workers: int, settings: Settings, runner: Runner = process_chunk) -> None:
        self.workers, self.settings, self.runner = workers, settings, runner
        self.generation = 0
        self._pool: ProcessPoolExecutor | None = None
        self._finished_any = False  # whether the current pool has returned a result
        self._barren = 0  # pools in a row that broke before returning anything
        self._lock = threading.RLock()
        self._ready: Any = None  # wall time the current pool's latest worker was ready

    def submit(self, chunk: list[Item]) -> _Task:
        with self._lock:
            for _ in range(2):
                if self._pool is None:
                    context = _context()
                    self._ready = context.Value("d", 0.0)
                    self._pool = ProcessPoolExecutor(
                        self.workers,
                        context,
                        initializer=_start_worker,
                        initargs=(self.settings.model, os.getpid(), self._ready),
                    )
                try:
                    future = self._pool.submit(self.runner, chunk, self.settings)
                    return _Task(chunk, future, self.generation)
                except BrokenProcessPool:
                    self.restart(self.generation)
            raise BrokenProcessPool("worker processes die as soon as they start")

    def wait(self, task: _Task, documents: int) -> list[Result]:
        """The task's results; FutureTimeout once it has been silent longer than the
        patience for ``documents``, counted from when we began waiting or when a worker
        of its pool was last ready, whichever is later (STARTUP_S while none is)."""
        patient = patience(self.settings, documents)
        if patient is None:
            return task.future.result()
        start = time.time()
        ready = self._ready
        while True:
            ready_at = ready.value if ready is not None else 0.0
            deadline = max(start, ready_at) + patient if ready_at else start + STARTUP_S
            left = deadline - time.time()
            if left <= 0:
                raise FutureTimeout
            with contextlib.suppress(FutureTimeout):
                return task.future.result(timeout=min(left, 1.0))

    def returned(self, task: _Task) -> None:
        """Note a result: when it came from the current pool, its workers can start."""
        with self._lock:
            if task.generation == self.generation:
                self._finished_any = True
                self._barren = 0

    def restart(self, generation: int) -> None:
        """Replace the pool of ``generation`` (no-op when it was already replaced)."""
        with self._lock:
            if generation != self.generation:
                return
            self._barren = 0 if self._finished_any else self._barren + 1
            self.close(kill=True)
            self.generation += 1
            self._finished_any = False
            if self._barren == 2:
                # Workers that die before any result may not load the model: loading it
                # here raises ModelNotFoundError with the install hint, as in-process does.
                load_nlp(self.settings.model)

    def close(self, kill: bool) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:  # interrupted, broken or stuck: do not wait for chunks nobody will read
            for process in list(getattr(pool, "_processes", {}).values()):
                with contextlib.suppress(OSError, AttributeError):
                    process.kill()
        pool.shutdown(wait=True, cancel_futures=kill)

    def run_alone(self, raw: RawDocument, shared: Callable[[int], bool] | None = None) -> Result:
        """One document on its own; an error entry when it breaks or outlasts its worker.

        ``shared(generation)`` says whether another chunk ran on the same pool (and may
        be the one that broke it): then the document gets a second try.
        """
        for attempt in range(2):
            task = self.submit([raw])
            try:
                (result,) = self.wait(task, 1)
                self.returned(task)
                return result
            except FutureTimeout:
                self.restart(task.generation)
                return late(where(raw), self.settings.time_limit, "extract")
            except BrokenProcessPool:
                self.restart(task.generation)
                if shared is not None and shared(task.generation) and attempt == 0:
                    continue
                reason = "the worker process died while processing this document"
            except Exception as exc:  # a stage bug that process_chunk did not turn into an entry
                reason = f"{type(exc).__name__}: {exc}"
            return DocumentError(path=where(raw), reason=reason, stage="process")
        raise AssertionError("unreachable")


def _collect(pool: Workers, window: deque[_Task]) -> list[Result]:
    """Results of the oldest chunk in flight; a failed chunk is re-run document by document.

    Workers take chunks in order, so the oldest chunk is running once it is the oldest:
    the watchdog's patience counts from then.
    """
    task = window.popleft()
    try:
        results = pool.wait(task, len(task.chunk))
        pool.returned(task)
        return results
    except (BrokenProcessPool, FutureTimeout):
        pool.restart(task.generation)
    except Exception:
        pass  # whichever document raised, run_alone finds it

    def shared(generation: int) -> bool:
        return any(t.generation == generation for t in window)

    return [
        item if isinstance(item, DocumentError) else pool.run_alone(item, shared)
        for item in task.chunk
    ]


def iter_processed(
    items: Iterable[Item], settings: Settings, *, runner: Runner = process_chunk
) -> Generator[Result, None, None]:
    """Results for a stream of documents, in input order, on ``settings.workers`` processes.

    ``workers <= 1``, or an input that fits in one chunk, runs here (no pool to start).
    ``runner`` is the per-chunk function (a module-level callable, as workers import it
    by name). Closing the iterator early, Ctrl-C or SIGTERM stops the workers at once.
    """
    it = iter(items)
    first = list(islice(it, settings.batch_size + 1))
    one_chunk = len(first) <= settings.batch_size and runner is process_chunk
    if settings.workers <= 1 or one_chunk:
        rest = chain(first, it)
        if runner is process_chunk:
            yield from iter_processed_here(rest, settings)
        else:
            for chunk in chunks(rest, settings):
                yield from runner(chunk, settings)
        return
    pool = Workers(settings.workers, settings, runner)
    window: deque[_Task] = deque()
    finished = False
    try:
        for chunk in chunks(chain(first, it), settings):
            window.append(pool.submit(chunk))
            while len(window) >= 2 * settings.workers:
                yield from _collect(pool, window)
        while window:
            yield from _collect(pool, window)
        finished = True
    finally:
        pool.close(kill=not finished)


def process_parallel(
    items: Iterable[RawDocument | DocumentError],
    workers: int,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    *,
    settings: Settings | None = None,
    runner: Runner = process_chunk,
) -> Generator[Record | DocumentError, None, None]:
    """Records (or error entries) for a stream of raw documents, in input order.

    Kept for callers that want records only: ``iter_processed`` with ``settings``
    (default: load_settings) given these workers, model and batch size.
    """
    base = settings or load_settings()
    chosen = replace(base, workers=workers, model=model, batch_size=batch_size)
    yield from records(iter_processed(items, chosen, runner=runner))
