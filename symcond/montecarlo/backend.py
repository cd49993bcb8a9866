"""Where an ensemble's event loop runs, and how many threads it may use.

:class:`Backend` names the choice a user makes (``backend="auto" | "numba" | "numpy"``);
:func:`default_threads` is the compiled kernel's default thread count.  Both are plain
Python, below the ensemble (:mod:`symcond.montecarlo.ensemble`) and the kernel
(:mod:`symcond.montecarlo.kernel`), which both use them.

Examples
--------
>>> Backend.parse("auto"), default_threads() >= 1
(<Backend.AUTO: 'auto'>, True)
"""

from __future__ import annotations

import enum
import os

from symcond.errors import DefinitionError

__all__ = ["Backend", "default_threads"]


class Backend(enum.Enum):
    """Where an ensemble's event loop runs."""

    #: The compiled kernel if numba is importable, else NumPy.
    AUTO = "auto"
    #: The compiled kernel (an error if numba is missing).
    NUMBA = "numba"
    #: Vectorised NumPy (the reference implementation).
    NUMPY = "numpy"

    @classmethod
    def parse(cls, value: Backend | str) -> Backend:
        """Return the backend named ``value``; raise :class:`DefinitionError` for another name.

        >>> Backend.parse("numpy")
        <Backend.NUMPY: 'numpy'>
        """
        if isinstance(value, Backend):
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
