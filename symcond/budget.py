"""CPU-time budgets for symbolic work, so that no check can hang.

:func:`time_budget` arms ``SIGPROF`` on the process's CPU-time clock (main thread only;
elsewhere it cannot interrupt and runs unbounded, which it documents by returning False from
:func:`budgets_enforced`).  CPU time, not wall-clock time: a verdict must not depend on how
busy the machine is (on a loaded machine a 5 s symbolic step used to take 10 s of wall time
and turned a claim ``undecided``).  Wall-clock limits are the worker processes' job
(:mod:`symcond.ledger.workers` kills a claim that overruns its hard budget).
Nested budgets keep the tighter deadline.  Expiry raises
:class:`~symcond.errors.BudgetExceeded`, which derives from BaseException so that SymPy's
``except Exception`` blocks cannot swallow it.

>>> with time_budget(5.0):
...     1 + 1
2
"""

from __future__ import annotations

import gc
import math
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, TypeVar

from symcond.errors import BudgetExceeded, DefinitionError

__all__ = ["time_budget", "budgets_enforced", "run_with_budget", "set_stage_listener", "stage"]

T = TypeVar("T")
#: Budgets at or above this many seconds arm no timer (setitimer cannot hold them).
_UNLIMITED = 1e9


#: Interval (s) at which an expired budget fires again until the body has stopped.
_REPEAT = 0.01


def _swallowing(frame: FrameType | None, depth: int = 8) -> bool:
    """True inside a gc callback or ``__del__``, where a raised exception would be swallowed.

    The repeating timer fires again a few milliseconds later, in ordinary code.
    """
    callbacks = {getattr(cb, "__code__", None) for cb in gc.callbacks}
    while frame is not None and depth > 0:
        if frame.f_code in callbacks or frame.f_code.co_name == "__del__":
            return True
        frame, depth = frame.f_back, depth - 1
    return False


#: Called with a description of each budgeted section as it starts (see :mod:`symcond.ledger.workers`).
_listener: Callable[[str], None] | None = None
#: Labels of the enclosing :func:`stage` blocks, outermost first.
_labels: list[str] = []


def set_stage_listener(listener: Callable[[str], None] | None) -> None:
    """Have ``listener(text)`` called whenever a stage or a budgeted section starts (None: nobody).

    A worker process sends these to its parent, so that a task killed for running out of
    time can be reported with the step it was in.
    """
    global _listener
    _listener = listener


def _announce(what: str) -> None:
    if _listener is not None:
        _listener(": ".join([*_labels, what]) if what else ": ".join(_labels))


@contextmanager
def stage(label: str) -> Iterator[None]:
    """Name the enclosed work (e.g. ``"step 3 (integrate over E)"``) for timeout reports.

    >>> with stage("step 1"):
    ...     _labels
    ['step 1']
    """
    _labels.append(label)
    _announce("")
    try:
        yield
    finally:
        _labels.pop()


def budgets_enforced() -> bool:
    """True when budgets can interrupt the current thread (main thread on POSIX)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float, what: str = "computation") -> Iterator[bool]:
    """Interrupt the body with BudgetExceeded after ``seconds`` of CPU time of this process.

    Parameters
    ----------
    seconds : float
        Budget in seconds (s); must be positive (``inf`` or >= 1e9 s: no deadline).
    what : str
        Named in the BudgetExceeded message.

    Raises
    ------
    DefinitionError
        If ``seconds`` is not a positive number (zero, negative or NaN).
    """
    if not seconds > 0:
        raise DefinitionError(f"the budget of {what} must be a positive number of seconds (got {seconds!r})")
    _announce(what)
    if not budgets_enforced() or seconds >= _UNLIMITED:
        yield False
        return
    outer_remaining = signal.getitimer(signal.ITIMER_PROF)[0]
    outer_handler = signal.getsignal(signal.SIGPROF)
    deadline = seconds if outer_remaining <= 0 else min(seconds, outer_remaining)
    started = time.process_time()

    done = False

    def expire(signum: int, frame: FrameType | None) -> None:
        if not done and not _swallowing(frame):
            if deadline < seconds:  # the enclosing budget is the one that ran out
                raise BudgetExceeded(f"{what} was interrupted: the enclosing budget ran out")
            raise BudgetExceeded(f"{what} exceeded its budget of {seconds:g} s")

    outer_hook = sys.unraisablehook

    def drop_our_interruptions(unraisable: Any) -> None:
        # An interruption raised where Python cannot propagate it (weakref callback, ...) is dropped
        # silently: the repeating timer raises it again in ordinary code.
        if unraisable.exc_type is not BudgetExceeded:
            outer_hook(unraisable)

    sys.unraisablehook = drop_our_interruptions
    signal.signal(signal.SIGPROF, expire)
    # The timer repeats: an interruption swallowed where Python cannot propagate it (a gc callback,
    # a __del__ method) is raised again at the next tick.
    signal.setitimer(signal.ITIMER_PROF, deadline, _REPEAT)
    try:
        yield True
    finally:
        while True:  # a tick may interrupt the clean-up itself before ``done`` is set: retry
            try:
                done = True
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, outer_handler)
                sys.unraisablehook = outer_hook
                break
            except BudgetExceeded:
                continue
        if outer_remaining > 0:
            left = outer_remaining - (time.process_time() - started)
            signal.setitimer(signal.ITIMER_PROF, max(left, 1e-3))


def run_with_budget(func: Callable[[], T], seconds: float, what: str) -> T | None:
    """``func()`` within the budget, or None when the budget ran out."""
    try:
        with time_budget(seconds, what):
            return func()
    except BudgetExceeded:
        return None
    except RecursionError:
        return None


INFINITE = math.inf
