"""The prover boundary: an error SymPy raises while deciding a claim makes it undecided, not a crash.

SymPy raises TypeError, ValueError, ArithmeticError, NotImplementedError or AttributeError on
expressions it cannot handle (``simplify(x - Min(a + b, c + d, gamma(1/10)))``: "The argument
'_rf(1, -9/10)' is not comparable").  Such an error says nothing about the claim: the check
(or the one run of :func:`~symcond.prove.assumptions.decide` that met it) is ``undecided`` and
the reason names the error.  Bad input stays an error for the caller: symcond's own errors
(:class:`~symcond.errors.SymcondError`, e.g. DefinitionError), OverflowError and a number past
Python's int-to-str digit limit (both "input too large" on the command line) pass through.

>>> import sympy
>>> x = sympy.Symbol("x", positive=True)
>>> guarded(lambda: Outcome(Verdict.HOLDS, Evidence(reason=str(x - x)))).verdict
<Verdict.HOLDS: 'holds'>
>>> guarded(lambda: Outcome(Verdict.HOLDS, Evidence(reason=str(sympy.Min(x, sympy.I))))).evidence.reason
"SymPy failed (ValueError: The argument 'I' is not comparable.)"
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

from symcond.errors import SymcondError
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.parse.caps import _SYMPY_ERRORS, _reason
from symcond.usercode import raised_in

__all__ = ["guarded", "prover", "sympy_failure"]

P = ParamSpec("P")


def sympy_failure(exc: BaseException) -> bool:
    """True for an error of SymPy's on input it cannot handle; False for bad input (see the module)
    and for an error raised by a derivation file's own code (:mod:`symcond.usercode` reports it)."""
    if isinstance(exc, (SymcondError, OverflowError)) or not isinstance(exc, _SYMPY_ERRORS):
        return False
    if raised_in(exc) is not None:
        return False
    text = str(exc)
    return "integer string conversion" not in text and "int_max_str_digits" not in text


def guarded(work: Callable[[], Outcome]) -> Outcome:
    """``work()``, or ``undecided`` naming the error when SymPy fails in it (:func:`sympy_failure`)."""
    try:
        return work()
    except _SYMPY_ERRORS as exc:
        if not sympy_failure(exc):
            raise
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"SymPy failed ({type(exc).__name__}: {_reason(exc)})",
                                                   finding=Finding.UNSUPPORTED))


def prover(check: Callable[P, Outcome]) -> Callable[P, Outcome]:
    """Decorate a public ``check_*`` function: its SymPy failures become ``undecided`` (:func:`guarded`)."""

    @functools.wraps(check)
    def checked(*args: P.args, **kwargs: P.kwargs) -> Outcome:
        return guarded(functools.partial(check, *args, **kwargs))

    return checked
