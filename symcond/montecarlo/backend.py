"""Where an ensemble's event loop runs, and how many threads it may use.

:class:`EventLoopBackend` names the choice a user makes (``backend="auto" | "numba" | "numpy"``);
:func:`default_threads` is the compiled kernel's default thread count.  Both are plain
Python, below the ensemble (:mod:`symcond.montecarlo.ensemble`) and the kernel
(:mod:`symcond.montecarlo.kernel`), which both use them.

Examples
--------
>>> EventLoopBackend.parse("auto"), default_threads() >= 1
(<EventLoopBackend.AUTO: 'auto'>, True)
"""

from __future__ import annotations

import enum
import os

from symcond.errors import DefinitionError

__all__ = ["EventLoopBackend", "default_threads"]


class EventLoopBackend(enum.Enum):
    """Where an ensemble's event loop runs."""

    #: The compiled kernel if numba is importable, else NumPy.
    AUTO = "auto"
    #: The compiled kernel (an error if numba is missing).
    NUMBA = "numba"
    #: Vectorised NumPy (the reference implementation).
    NUMPY = "numpy"

    @classmethod
    def parse(cls, value: EventLoopBackend | str) -> EventLoopBackend:
        """Return the backend named ``value``; raise :class:`DefinitionError` for another name.

        >>> EventLoopBackend.parse("numpy")
        <EventLoopBackend.NUMPY: 'numpy'>
        """
        if isinstance(value, EventLoopBackend):
            return value
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(repr(b.value) for b in cls)
            raise DefinitionError(f"'backend' must be one of {names} (got {value!r})") from None


def default_threads() -> int:
    """Return the CPUs this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not on Linux
        return max(os.cpu_count() or 1, 1)
