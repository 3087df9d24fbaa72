"""Many documents over local worker processes, in input order, with bounded memory.

Each worker loads spaCy once (the pool initializer) and runs ``process_stream`` on the
chunks it is sent, so a record made in a worker is the record made in-process. Workers
start with the 'forkserver' method (spawn where there is none): forking a parent that
holds a loaded spaCy model copies its thread pools and locks in whatever state they were.

At most ``2 * workers`` chunks are in flight; the next is read from the input only
when the oldest comes back, so a million-document input never sits in memory.

A worker that raises, or dies (a segfault in a C extension, the kernel's OOM killer),
takes only its chunk down; that chunk is then run one document at a time, on a fresh
pool when the old one broke, so the document to blame gets one DocumentError and every
other document gets its record.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from accord.parse import DEFAULT_MODEL, load_nlp
from accord.pipeline.batch import process_stream
from accord.schema import DocumentError, RawDocument, Record

Item = RawDocument | DocumentError
Result = Record | DocumentError
Runner = Callable[[list[Item], str, int], list[Result]]


def _start_worker(model: str) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; load the model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_nlp(model)


def run_chunk(chunk: list[Item], model: str, batch_size: int) -> list[Result]:
    """What a worker does with one chunk: exactly the in-process path."""
    return list(process_stream(chunk, model, batch_size))


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports spaCy and the stages once (no model, no threads yet); each
    # worker forks from it and skips those imports. Ignored once the server runs.
    context.set_forkserver_preload(["accord.pipeline.batch"])
    return context


def _where(raw: RawDocument) -> str:
    return raw.source.path or raw.source.url or raw.id or "<input>"


@dataclass
class _Task:
    chunk: list[Item]
    future: Future[list[Result]]
    generation: int  # which pool it was sent to; a broken pool fails all of its tasks


class _Workers:
    """A process pool that is replaced when a worker dies."""

    def __init__(self, workers: int, model: str, batch_size: int, runner: Runner) -> None:
        self.workers, self.model, self.batch_size, self.runner = workers, model, batch_size, runner
        self.generation = 0
        self._pool: ProcessPoolExecutor | None = None
        self._finished_any = False  # whether the current pool has returned a result
        self._barren = 0  # pools in a row that broke before returning anything

    def submit(self, chunk: list[Item]) -> _Task:
        for _ in range(2):
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers, _context(), initializer=_start_worker, initargs=(self.model,)
                )
            try:
                future = self._pool.submit(self.runner, chunk, self.model, self.batch_size)
                return _Task(chunk, future, self.generation)
            except BrokenProcessPool:
                self.restart()
        raise BrokenProcessPool("worker processes die as soon as they start")

    def returned(self, task: _Task) -> None:
        """Note a result: when it came from the current pool, its workers can start."""
        if task.generation == self.generation:
            self._finished_any = True
            self._barren = 0

    def restart(self) -> None:
        self._barren = 0 if self._finished_any else self._barren + 1
        self.close(kill=True)
        self.generation += 1
        self._finished_any = False
        if self._barren == 2:
            # Workers that die before any result may not load the model: loading it here
            # raises ModelNotFoundError with the install hint, as the in-process path does.
            load_nlp(self.model)

    def close(self, kill: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:  # interrupted or broken: do not wait for chunks nobody will read
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=kill)


def _alone(pool: _Workers, raw: RawDocument, window: deque[_Task]) -> Result:
    """One document on its own; an error entry when it breaks its worker."""
    for attempt in range(2):
        task = pool.submit([raw])
        try:
            (result,) = task.future.result()
            pool.returned(task)
            return result
        except BrokenProcessPool:
            if task.generation == pool.generation:
                pool.restart()
            # Another chunk on the same pool may have been the one that crashed it.
            shared = any(t.generation == task.generation for t in window)
            if shared and attempt == 0:
                continue
            reason = "the worker process died while processing this document"
        except Exception as exc:  # a stage bug that process_stream did not turn into an entry
            reason = f"{type(exc).__name__}: {exc}"
        return DocumentError(path=_where(raw), reason=reason, stage="process")
    raise AssertionError("unreachable")


def _collect(pool: _Workers, window: deque[_Task]) -> list[Result]:
    """Results of the oldest chunk in flight; a failed chunk is re-run document by document."""
    task = window.popleft()
    try:
        results = task.future.result()
        pool.returned(task)
        return results
    except BrokenProcessPool:
        if task.generation == pool.generation:
            pool.restart()
    except Exception:
        pass  # whichever document raised, _alone finds it
    return [
        item if isinstance(item, DocumentError) else _alone(pool, item, window)
        for item in task.chunk
    ]


def process_parallel(
    items: Iterable[RawDocument | DocumentError],
    workers: int,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    *,
    runner: Runner = run_chunk,
) -> Generator[Record | DocumentError, None, None]:
    """Records (or error entries) for a stream of raw documents, in input order.

    ``workers`` processes each run ``process_stream`` on chunks of ``batch_size``
    documents; ``workers <= 1`` runs it here. ``runner`` is the per-chunk function (a
    module-level callable, as workers import it by name); tests swap it to inject faults.
    Closing the iterator early or Ctrl-C stops the workers at once.
    """
    if workers <= 1:
        yield from process_stream(items, model, batch_size)
        return
    pool = _Workers(workers, model, batch_size, runner)
    window: deque[_Task] = deque()
    it = iter(items)
    finished = False
    try:
        while chunk := list(islice(it, batch_size)):
            window.append(pool.submit(chunk))
            while len(window) >= 2 * workers:
                yield from _collect(pool, window)
        while window:
            yield from _collect(pool, window)
        finished = True
    finally:
        pool.close(kill=not finished)
