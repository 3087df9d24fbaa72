"""One document at a time within the time limit, from any thread: the API's write path.

A web server runs handlers in threads, where the timer signal of ``limits.py`` cannot
reach; so the document runs in a worker process, whose main thread the timer does
interrupt, and a document that still outlasts the limit (stuck in native code) has its
worker killed and replaced. Either way the caller gets an error entry after about the
time limit, and no core stays busy after it.
"""

from __future__ import annotations

import threading
from types import TracebackType

from accord.errors import AccordError
from accord.pipeline.batch import process_chunk
from accord.pipeline.pool import Runner, Workers
from accord.pipeline.processed import Processed, Result, where
from accord.schema import DocumentError, RawDocument, Record
from accord.settings import Settings


class DocumentFailed(AccordError):
    """A document gave an error entry instead of a record."""

    def __init__(self, error: DocumentError) -> None:
        super().__init__(f"{error.stage}: {error.reason}")
        self.error = error


class Processor:
    """Processes single documents in ``workers`` worker processes; thread-safe.

    Workers start on the first document (the model loads there, not in the server).
    Calling the processor gives the Record or raises DocumentFailed, so it fits the
    API's ``process`` hook; ``process`` gives the Processed pair or the error entry.
    """

    def __init__(
        self, settings: Settings, *, workers: int = 1, runner: Runner = process_chunk
    ) -> None:
        self.settings = settings
        self._workers = Workers(max(1, workers), settings, runner)
        self._busy = 0
        self._lock = threading.Lock()

    def process(self, raw: RawDocument) -> Result:
        """The document's result; an error entry for a failed or runaway document."""
        with self._lock:
            self._busy += 1
            waiting = self._busy  # documents ahead of this one, itself included
        try:
            task = self._workers.submit([raw])
            try:
                (result,) = self._workers.wait(task, waiting)
            except TimeoutError:
                self._workers.restart(task.generation)
                return DocumentError(
                    path=where(raw),
                    reason=f"took longer than the time limit of {self.settings.time_limit:g} s",
                    stage="process",
                )
            except Exception:  # the worker died (or the pool broke): retry once alone
                self._workers.restart(task.generation)
                return self._workers.run_alone(raw)
            self._workers.returned(task)
            return result
        finally:
            with self._lock:
                self._busy -= 1

    def __call__(self, raw: RawDocument) -> Record:
        result = self.process(raw)
        if isinstance(result, DocumentError):
            raise DocumentFailed(result)
        return result.record

    def processed(self, raw: RawDocument) -> Processed:
        """Like calling it, with the document too."""
        result = self.process(raw)
        if isinstance(result, DocumentError):
            raise DocumentFailed(result)
        return result

    def close(self) -> None:
        """Stop the workers once the documents in progress are done (each is bounded by
        the time limit); letting them exit cleanly frees their semaphores too."""
        self._workers.close(kill=False)

    def __enter__(self) -> Processor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
