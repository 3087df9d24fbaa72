"""The per-document time limit inside one process: a timer signal that interrupts Python.

CPU-bound Python cannot be stopped from another thread, so the limit is an interval timer
(``signal.setitimer``) whose handler raises ``TimeLimitExceeded`` in the main thread, at
the next bytecode the document's work runs. Only the main thread receives signals: in any
other thread (a web server's handler thread) ``time_limit`` does nothing, and the caller
must run the document where it can be bounded (a worker process, see ``guard.py``).

Native code that never returns to the interpreter is not interrupted; the pool's
watchdog (``pool.py``) kills such a worker from outside.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from accord.errors import AccordError


class TimeLimitExceeded(AccordError):
    """One document took longer than the configured time limit."""


def _on_timer(signum: int, frame: FrameType | None) -> None:
    raise TimeLimitExceeded("time limit")


def can_interrupt() -> bool:
    """Whether ``time_limit`` works here: the main thread of a platform with SIGALRM."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block once ``seconds`` have passed (0: no limit).

    The timer is cancelled and the previous handler restored on the way out, whether
    the block finished, raised or was interrupted.
    """
    if seconds <= 0 or not can_interrupt():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_timer)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
