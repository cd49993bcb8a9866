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

__all__ = [
    "BudgetExceeded",
    "DefinitionError",
    "DimensionError",
    "NumericalError",
    "ParseError",
    "SolverError",
    "SymcondError",
    "UserCodeError",
]


class SymcondError(Exception):
    """Base class of every error raised by symcond on bad input."""


class ParseError(ValueError, SymcondError):
    """A user expression does not follow the restricted grammar."""


class DefinitionError(ValueError, SymcondError):
    """A symbol, claim or derivation is defined inconsistently."""


class DimensionError(ValueError, SymcondError):
    """An expression combines quantities of incompatible SI dimensions."""


class NumericalError(ArithmeticError, SymcondError):
    """A numeric evaluation received NaN/inf or cannot produce a finite answer."""


class SolverError(RuntimeError, SymcondError):
    """A numerical solver cannot produce the requested solution."""


class UserCodeError(RuntimeError, SymcondError):
    """A user-supplied derivation file raised an exception while loading."""


class BudgetExceeded(BaseException):
    """Raised inside a computation whose time budget ran out.

    Derives from BaseException on purpose: SymPy contains ``except Exception`` blocks that
    would otherwise swallow the interruption.  It never escapes the engine; callers turn it
    into an ``undecided`` verdict.
    """
