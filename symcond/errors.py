"""The one exception hierarchy of symcond.

Every error a user can provoke is a :class:`SymcondError`; each concrete class is also
the matching builtin, so ``except ValueError`` keeps working for callers who do not know
symcond.  Messages are one line and state the rule that was broken.

>>> try:
...     raise ParseError("unknown function 'open'")
... except ValueError as exc:
...     print(type(exc).__name__, exc)
ParseError unknown function 'open'
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BudgetExceeded",
    "DefinitionError",
    "DimensionError",
    "NumericalError",
    "OutputError",
    "ParseError",
    "SolverError",
    "SymcondError",
    "UserCodeError",
]


class SymcondError(Exception):
    """Base class of every error raised by symcond on bad input."""


class ParseError(ValueError, SymcondError):
    """A user expression does not follow the restricted grammar.

    Carries the 0-based character ``position`` where the rule was broken, when there is one.

    >>> err = ParseError("unexpected ')' at position 3", position=3)
    >>> err.position, str(err)
    (3, "unexpected ')' at position 3")
    """

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), str(self), {"position": self.position})


class DefinitionError(ValueError, SymcondError):
    """A symbol, claim or derivation is defined inconsistently."""


class DimensionError(ValueError, SymcondError):
    """An expression combines quantities of incompatible SI dimensions.

    Carries the two dimensions that disagree (``lhs``, ``rhs``; None when the rule broken is of
    another kind, e.g. a dimensional exponent).

    >>> err = DimensionError("cannot add x (length) and t (time)", lhs="length", rhs="time")
    >>> err.lhs, err.rhs
    ('length', 'time')
    """

    def __init__(self, message: str, *, lhs: object = None, rhs: object = None) -> None:
        super().__init__(message)
        self.lhs, self.rhs = lhs, rhs

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), str(self), {"lhs": self.lhs, "rhs": self.rhs})


def _rebuild(cls: type[SymcondError], message: str, data: dict[str, Any]) -> SymcondError:
    """Unpickle an error with its data (worker processes send errors to the parent)."""
    return cls(message, **data)  # type: ignore[call-arg]


class NumericalError(ArithmeticError, SymcondError):
    """A numeric evaluation received NaN/inf or cannot produce a finite answer."""


class SolverError(RuntimeError, SymcondError):
    """A numerical solver cannot produce the requested solution."""


class OutputError(ValueError, SymcondError):
    """An output file cannot be written: it exists, is not a regular file, or the system refused.

    Carries the ``path`` as given and the ``reason`` (the rule that was broken, or the
    system's ``strerror``); the message is ``cannot write '<path>': <reason>``.

    >>> print(OutputError("ledger.json", "file exists (pass --force to replace it)"))
    cannot write 'ledger.json': file exists (pass --force to replace it)
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"cannot write {shown_path(path)}: {reason}")

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, str]]:
        return type(self), (self.path, self.reason)


def shown_path(path: str, limit: int = 120) -> str:
    """``path`` quoted for a one-line message: control characters escaped, a long middle elided.

    >>> print(shown_path("ab" * 100, limit=20))
    'ababababababab...bab'
    >>> print(shown_path("new\\nline"))
    'new\\nline'
    """
    if len(path) > limit:
        tail = limit // 6
        path = f"{path[:limit - tail - 3]}...{path[-tail:]}"
    return repr(path)


class UserCodeError(RuntimeError, SymcondError):
    """A user-supplied derivation file raised an exception while loading."""


class BudgetExceeded(BaseException):
    """Raised inside a computation whose time budget ran out.

    Derives from BaseException on purpose: SymPy contains ``except Exception`` blocks that
    would otherwise swallow the interruption.  It never escapes the engine; callers turn it
    into an ``undecided`` verdict.
    """
