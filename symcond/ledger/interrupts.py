"""Ctrl-C held back while a pool forks, records and kills its workers, and let through while it waits.

>>> with sigint_held() as hold:
...     with sigint_let_through(hold):
...         pass
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Hold", "sigint_held", "sigint_let_through"]


class Hold:
    """The SIGINT handler of a held pool: Ctrl-C is recorded while held, handed on when let through."""

    def __init__(self, previous: Callable[[int, Any], Any]) -> None:
        self.previous, self.pending, self.open = previous, False, False

    def __call__(self, signum: int, frame: Any) -> None:
        if self.open:
            self.previous(signum, frame)  # the default handler raises KeyboardInterrupt
        else:
            self.pending = True

    def deliver(self) -> None:
        """Hand a recorded Ctrl-C on to the previous handler."""
        if self.pending:
            self.pending = False
            self.previous(signal.SIGINT, None)


@contextmanager
def sigint_held() -> Iterator[Hold | None]:
    """Hold Ctrl-C back until the block ends (then it is delivered); yields the hold (None: not held).

    The pool runs under this hold and lets Ctrl-C through only while it waits for its workers
    (:func:`sigint_let_through`), so a KeyboardInterrupt never lands between a fork, or a kill,
    and the bookkeeping that records it: every worker is known to the clean-up, which runs held
    too (a second Ctrl-C does not cut it short).

    The hold is a Python-level handler, not a signal mask: CPython runs signal handlers in the
    main thread whichever thread the kernel delivers the signal to, so masking SIGINT in the
    main thread does not hold it back once any other thread (BLAS, numba, a library's helper
    thread) exists.  Only the main thread can install handlers; elsewhere, or when SIGINT is
    ignored or left to the system, nothing is changed.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield None
        return
    hold = Hold(previous)
    signal.signal(signal.SIGINT, hold)
    try:
        yield hold
    finally:
        hold.open = False
        signal.signal(signal.SIGINT, previous)
        hold.deliver()


@contextmanager
def sigint_let_through(hold: Hold | None) -> Iterator[None]:
    """Deliver Ctrl-C inside the block (a recorded one at once), hold it again after."""
    if hold is None:
        yield
        return
    try:  # a KeyboardInterrupt raised as the hold is lifted still restores it
        hold.open = True
        hold.deliver()
        yield
    finally:
        hold.open = False
