"""Errors raised by the code of derivation files, at any stage: loading, deciding, printing.

A derivation file is Python run as code, so its objects (a SymPy ``Function`` subclass with
its own ``eval`` or ``_sympystr``) run inside symcond long after the file was loaded.  Every
module loaded from a derivation file carries :data:`MARK` (its path) among its globals, so a
frame of its code can be recognised on a traceback; :func:`user_error` turns an exception
raised there into a one-line :class:`~symcond.errors.UserCodeError` naming the file.

>>> namespace = {MARK: "/tmp/mine.py"}
>>> exec("def boom():\\n    raise RuntimeError('no printing for you')", namespace)
>>> try:
...     namespace["boom"]()
... except RuntimeError as exc:
...     print(user_error(exc, "while deciding demo:eq1"))
mine.py: RuntimeError: no printing for you (while deciding demo:eq1)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from symcond.errors import SymcondError, UserCodeError

__all__ = ["MARK", "describe", "raised_in", "reported", "user_error"]

#: Name of the global, in a module loaded from a derivation file, that holds the file's path.
MARK = "__symcond_derivation_file__"
#: Characters of an exception's message kept in a one-line report.
_MESSAGE_LIMIT = 300


def raised_in(exc: BaseException) -> str | None:
    """The name of the innermost derivation file whose code is on ``exc``'s traceback (None: none)."""
    name = None
    tb = exc.__traceback__
    while tb is not None:
        path = tb.tb_frame.f_globals.get(MARK)
        if isinstance(path, str):
            name = Path(path).name
        tb = tb.tb_next
    return name


def describe(exc: BaseException) -> str:
    """``Type: message`` on one line, even when the exception's own ``__str__`` raises.

    >>> describe(ValueError("two\\nlines"))
    'ValueError: two lines'
    """
    try:
        text = " ".join(str(exc).split())
    except Exception:  # a user exception whose __str__ is broken
        text = "(its message cannot be printed)"
    if len(text) > _MESSAGE_LIMIT:
        text = text[:_MESSAGE_LIMIT - 3] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def user_error(exc: BaseException, during: str = "") -> UserCodeError | None:
    """A UserCodeError naming the derivation file ``exc`` was raised in (None: not raised by such code)."""
    name = raised_in(exc)
    if name is None:
        return None
    return UserCodeError(f"{name}: {describe(exc)}" + (f" ({during})" if during else ""))


@contextmanager
def reported(during: str) -> Iterator[None]:
    """Re-raise an exception from a derivation file's code as a UserCodeError (``during`` says when).

    SymcondErrors (already one line), exhaustion (RecursionError, MemoryError: undecided or
    "input too large" upstream), interruptions (KeyboardInterrupt, budgets) and exceptions
    raised by symcond's own code pass through unchanged.
    """
    try:
        yield
    except (SymcondError, RecursionError, MemoryError):
        raise
    except (Exception, SystemExit) as exc:
        error = user_error(exc, during)
        if error is None:
            raise
        raise error from exc
