"""The names an expression may use: the constants, the whitelisted functions with their
arities, the default resolution of every other name, and the limits on function calls.

A call is checked twice before SymPy evaluates it: :func:`_check_arity` (the number of
arguments a whitelisted function takes) and :meth:`_Tally.check_call` (numeric arguments of
``gamma``/``zeta``/``polylog`` and ``exp``/``sinh``/``cosh``, and the pairs that ``Max`` and
``Min`` compare, summed over one expression).  :func:`symcond.parse.substitute.bounded_xreplace`
applies the same call limits when a substitution rebuilds a node.

>>> sorted(CONSTANTS)
['oo', 'pi']
>>> DEFAULT_FUNCTIONS["abs"](-3)
3
>>> _Tally().check_call(sympy.gamma, "gamma", [sympy.Integer(101)], "at position 0")
Traceback (most recent call last):
...
symcond.errors.ParseError: argument 101 of 'gamma' at position 0 exceeds the limit of 100 in magnitude
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import sympy

from symcond.errors import ParseError
from symcond.parse.caps import (
    MAX_EXP_ARGUMENT,
    MAX_MINMAX_PAIRS,
    MAX_SPECIAL_ARGUMENT,
    _check_exponent,
    _short,
)
from symcond.parse.tokenize import Token

__all__ = ["CONSTANTS", "DEFAULT_FUNCTIONS", "Resolver", "positive_symbol"]

Resolver = Callable[[str], sympy.Expr]

#: Names that always mean a SymPy constant, whatever the resolver says.
CONSTANTS: Mapping[str, sympy.Expr] = MappingProxyType({"pi": sympy.pi, "oo": sympy.oo})


def positive_symbol(name: str) -> sympy.Expr:
    """Return the default resolution of ``name``: a positive SymPy symbol.

    >>> positive_symbol("tau_in").is_positive
    True
    """
    return sympy.Symbol(name, positive=True)


def _polylog(s: sympy.Expr, z: sympy.Expr) -> sympy.Expr:
    """Return ``polylog(s, z)``, evaluated by SymPy only for a numeric literal ``z``.

    SymPy's evaluation calls ``simplify`` on ``z``, which can take minutes on long input.
    """
    return sympy.polylog(s, z, evaluate=bool(z.is_Number))


_SYMPY_FUNCTION_NAMES = (
    *("sqrt", "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan"),
    *("Abs", "zeta", "gamma", "Min", "Max", "Heaviside"),
)


#: The whitelist of callable functions, by the name used in expressions.  ``log(x, b)`` is
#: the base-``b`` logarithm, ``zeta(s, a)`` the Hurwitz zeta, ``Heaviside(x, H0)`` sets H(0).
DEFAULT_FUNCTIONS: Mapping[str, Callable[..., sympy.Expr]] = MappingProxyType(
    {
        **{name: getattr(sympy, name) for name in _SYMPY_FUNCTION_NAMES},
        "abs": sympy.Abs,
        "polylog": _polylog,
    }
)

_ARITY: Mapping[Any, tuple[int, int | None]] = {
    **{func: (1, 1) for func in DEFAULT_FUNCTIONS.values()},
    sympy.log: (1, 2),
    _polylog: (2, 2),
    sympy.zeta: (1, 2),
    sympy.Min: (1, None),
    sympy.Max: (1, None),
    sympy.Heaviside: (1, 2),
}
#: The SymPy class a whitelisted function builds, where it is not the function itself.
_KINDS: Mapping[Any, Any] = {_polylog: sympy.polylog}


def _check_arity(name: Token, func: Callable[..., Any], count: int) -> None:
    """Reject a call to a known function with the wrong number of arguments."""
    low, high = _ARITY.get(func, (0, None))
    if low <= count and (high is None or count <= high):
        return
    if high is None:
        wanted = f"at least {low} argument{'s' * (low != 1)}"
    else:
        wanted = f"{low}{f' or {high}' * (high != low)} argument{'s' * (high != 1)}"
    raise ParseError(f"function {name.text!r} at position {name.pos} takes {wanted} (got {count})", position=name.pos)


# ---------------------------------------------------------------- limits on calls
#: Arguments (by position) bounded by :data:`MAX_SPECIAL_ARGUMENT`: with a number there,
#: SymPy evaluates a closed form whose size grows with that number (a factorial, a
#: Bernoulli number).  Only gamma, zeta and polylog can be written in an expression; the
#: others can appear in derivation files.
_BOUNDED_ARGUMENTS: Mapping[Any, tuple[int, ...]] = {
    sympy.gamma: (0,), sympy.loggamma: (0,), sympy.zeta: (0, 1), sympy.polylog: (0,), sympy.polygamma: (0, 1),
    sympy.factorial: (0,), sympy.factorial2: (0,), sympy.binomial: (0, 1), sympy.harmonic: (0,),
    sympy.bernoulli: (0,), sympy.RisingFactorial: (0, 1), sympy.FallingFactorial: (0, 1),
}


def _beyond(value: sympy.Expr, limit: int) -> bool:
    """Whether a finite numeric ``value`` exceeds ``limit`` in magnitude (False for others).

    Numbers built within the limits are at most about ``exp(MAX_EXP_ARGUMENT)``, so the
    15-digit evaluation of a non-rational one is cheap.
    """
    if isinstance(value, sympy.Rational):
        return bool(abs(value) > limit)
    if not value.is_number or value.has(sympy.oo, -sympy.oo, sympy.zoo):  # exp(-oo) is 0, not a huge number
        return False
    try:
        return not abs(complex(value.evalf(15))) <= limit
    except OverflowError:
        return True
    except (TypeError, ValueError, ArithmeticError):
        return False


class _Tally:
    """Work counted over one expression: the pairs of arguments Max and Min compared so far."""

    def __init__(self) -> None:
        self.minmax = 0

    def check_call(self, kind: Any, label: str, args: Sequence[sympy.Basic], where: str) -> None:
        """Bound the numeric arguments of ``kind(*args)`` and the Max/Min work before SymPy evaluates it.

        ``kind`` is the SymPy class the call builds, ``label`` its name in messages.
        """
        for index in _BOUNDED_ARGUMENTS.get(kind, ()):
            value = args[index] if index < len(args) else sympy.S.Zero
            if isinstance(value, sympy.Rational) and abs(value) > MAX_SPECIAL_ARGUMENT:
                raise ParseError(
                    f"argument {_short(value)} of {label!r} {where}"
                    f" exceeds the limit of {MAX_SPECIAL_ARGUMENT} in magnitude"
                )
        if kind in (sympy.exp, sympy.sinh, sympy.cosh) and args and _beyond(args[0], MAX_EXP_ARGUMENT):
            raise ParseError(
                f"argument {_short(args[0])} of {label!r} {where} exceeds the limit of {MAX_EXP_ARGUMENT} in magnitude"
            )
        if kind is sympy.exp and args:  # exp(c*log(b)) evaluates to b**c
            for term in sympy.Add.make_args(args[0]):
                if term.has(sympy.log):
                    _check_exponent(term.as_coeff_Mul()[0], where)
        if kind in (sympy.Max, sympy.Min):
            count = sum(len(arg.args) if arg.func is kind else 1 for arg in args)
            self.minmax += count * (count - 1) // 2
            if self.minmax > MAX_MINMAX_PAIRS:
                raise ParseError(
                    f"{label!r} {where} makes Max and Min compare {self.minmax} pairs of arguments in one"
                    f" expression, more than the limit of {MAX_MINMAX_PAIRS}"
                )
