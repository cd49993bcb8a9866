"""Resource limits of the safe parser: every number and exponent is bounded before SymPy
evaluates it, so that hostile input (exponent towers, huge literals) fails fast.

>>> MAX_EXPONENT
1000
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

import sympy
from sympy.calculus.accumulationbounds import AccumBounds

from symcond._tokenize import Token, abbreviate
from symcond.errors import ParseError

_SYMPY_ERRORS = (TypeError, ValueError, ArithmeticError, NotImplementedError)

#: Deepest nesting of parentheses, function calls, unary signs and exponents.  Each level
#: costs up to four frames here and several more in SymPy's recursive printers and
#: simplifiers; at 100 levels some SymPy operations already hit Python's recursion limit.
MAX_DEPTH = 50
#: Largest magnitude of a numeric exponent (``x**1000`` is accepted, ``x**1001`` is not).
MAX_EXPONENT = 1000
#: Most decimal digits in the numerator or denominator of any exact number produced.
MAX_NUMBER_DIGITS = 1000
#: Most digits a single sum or product may combine before SymPy simplifies it.
MAX_TRANSIENT_DIGITS = 10 * MAX_NUMBER_DIGITS
#: Largest magnitude of a numeric argument of ``gamma``/``zeta`` or order of ``polylog``.
MAX_SPECIAL_ARGUMENT = 100



def _short(value: sympy.Expr) -> str:
    """A number or expression as short text for a message."""
    return abbreviate(sympy.sstr(value))


# ---------------------------------------------------------------- building, limits
def _inverse(operator: Token, value: sympy.Expr) -> sympy.Expr:
    """The chain item for ``operator value``: ``-value`` for '-', ``1/value`` for '/'."""
    if operator.text == "-":
        return _build(sympy.Mul, (sympy.S.NegativeOne, value), operator.pos)
    if operator.text == "/":
        if value == 0:
            raise ParseError(f"division by zero at position {operator.pos}")
        return _build(sympy.Pow, (value, sympy.S.NegativeOne), operator.pos)
    return value


def _build(func: Callable[..., Any], args: Sequence[sympy.Expr], pos: int) -> sympy.Expr:
    """Apply a SymPy constructor, turning its errors into ParseError and checking sizes."""
    try:
        result = func(*args)
    except _SYMPY_ERRORS as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParseError(f"cannot evaluate the expression at position {pos}: {reason}") from exc
    if not isinstance(result, sympy.Expr):
        raise TypeError(f"function at position {pos} returned {type(result).__name__}, not a sympy.Expr")
    _check_result(result, pos)
    return result


def _int_digits(n: int) -> int:
    """Decimal digits of ``|n|`` (exact or one too many)."""
    return int(abs(n).bit_length() * math.log10(2)) + 1


def _digits(value: sympy.Expr) -> int:
    """Decimal digits of the larger of numerator and denominator of a Rational, else 0."""
    return _int_digits(max(abs(value.p), value.q)) if isinstance(value, sympy.Rational) else 0


def _check_exponent(exponent: sympy.Expr, pos: int) -> None:
    """Reject a numeric exponent (or numeric term of an exponent) beyond MAX_EXPONENT."""
    for term in sympy.Add.make_args(exponent):
        coefficient = term.as_coeff_Mul()[0] if term.is_number else sympy.S.Zero
        if coefficient.is_Number and abs(coefficient) > MAX_EXPONENT:
            raise ParseError(
                f"exponent {_short(exponent)} at position {pos} exceeds the limit of {MAX_EXPONENT} in magnitude"
            )


def _check_power(base: sympy.Expr, exponent: sympy.Expr, pos: int) -> None:
    """Bound ``base**exponent`` before SymPy evaluates it."""
    if base == 0 and exponent.is_negative:
        raise ParseError(f"division by zero at position {pos}")
    _check_exponent(exponent, pos)
    if isinstance(base, sympy.Rational) and isinstance(exponent, sympy.Rational) and abs(base) not in (0, 1):
        size = float(abs(exponent)) * math.log10(max(abs(base.p), base.q)) + 1
        if size > MAX_NUMBER_DIGITS:
            raise ParseError(
                f"exponent {_short(exponent)} at position {pos} would make a number of about {int(size)} digits,"
                f" more than the limit of {MAX_NUMBER_DIGITS}"
            )


def _check_transient(items: Sequence[sympy.Expr], combine: Any, pos: int) -> None:
    """Bound the numbers an n-ary Add or Mul may create before it simplifies.

    A product's coefficient has at most the summed digits of its factors' coefficients; a
    sum's denominator at most the summed digits of its distinct denominators.
    """
    coefficients = [term.as_coeff_Mul()[0] for item in items for term in combine.make_args(item)]
    rationals = [c for c in coefficients if isinstance(c, sympy.Rational)]
    if combine is sympy.Mul:
        size = max(sum(_int_digits(c.p) for c in rationals), sum(_int_digits(c.q) for c in rationals))
    else:
        size = sum(_int_digits(q) for q in {c.q for c in rationals})
        size += max((_int_digits(c.p) for c in rationals), default=0) + _int_digits(len(rationals))
    if size > MAX_TRANSIENT_DIGITS:
        kind = "sum" if combine is sympy.Add else "product"
        raise ParseError(
            f"the {kind} at position {pos} combines numbers of more than {MAX_TRANSIENT_DIGITS} digits in total"
        )


def _check_result(result: sympy.Expr, pos: int) -> None:
    """Reject a freshly built node whose numbers or numeric exponents exceed the limits."""
    parts: Iterable[sympy.Expr] = [result]
    if result.is_Add or result.is_Mul:
        parts = chain(parts, result.args, (term.as_coeff_Mul()[0] for term in result.args))
    for part in parts:
        if part.is_Pow:
            _check_exponent(part.exp, pos)
            part = part.base
        if _digits(part) > MAX_NUMBER_DIGITS:
            raise ParseError(
                f"number of about {_digits(part)} digits at position {pos} exceeds the limit of {MAX_NUMBER_DIGITS}"
            )


def _check_defined(expr: sympy.Expr) -> sympy.Expr:
    """Reject an expression that evaluated to something undefined (zoo, nan, AccumBounds)."""
    for bad, label in ((sympy.zoo, "zoo"), (sympy.nan, "nan"), (AccumBounds, "AccumBounds")):
        if expr.has(bad):
            raise ParseError(f"expression is undefined (it contains {label})")
    return expr
