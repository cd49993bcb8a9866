"""Resource limits of the safe parser on numbers and powers: every number, exponent and
node is bounded before SymPy evaluates it, so that hostile input (exponent towers, huge
literals, huge sums and products) fails fast.

The parser (:mod:`symcond.parse.precedence`) builds each node through :func:`_build` after
the checks below; :func:`symcond.parse.substitute.bounded_xreplace` rebuilds an expression
after a substitution through the same checks.  The limits on function calls (``gamma``,
``exp``, ``Max``...) are applied by :mod:`symcond.parse.functions`.

>>> MAX_EXPONENT
1000
>>> _build(sympy.Pow, (sympy.Integer(2), sympy.Integer(10)), "at position 1")
1024
>>> _check_power(sympy.Integer(2), sympy.Integer(10) ** 100, "at position 1")
Traceback (most recent call last):
...
symcond.errors.ParseError: exponent 1e100 at position 1 exceeds the limit of 1000 in magnitude
>>> _short(sympy.Integer(3) ** 700)
'~9.66e333'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from itertools import chain
from typing import Any

import sympy
from sympy.calculus.accumulationbounds import AccumBounds

from symcond.errors import ParseError
from symcond.parse.tokenize import Token, abbreviate

#: What SymPy raises when it cannot evaluate a node.  AttributeError: SymPy 1.14's cache
#: wrapper calls ``.startswith`` on a lazily formatted TypeError message, so a TypeError
#: (``asin(sin(-2**1000))``: "cannot determine truth value of Relational") arrives as
#: "'LazyExceptionMessage' object has no attribute 'startswith'".
_SYMPY_ERRORS = (TypeError, ValueError, ArithmeticError, NotImplementedError, AttributeError)

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
#: Largest magnitude of a numeric argument of ``gamma``/``factorial``/``binomial``/``zeta``...,
#: an order of ``polylog``/``polygamma``/``expint`` or of a Bessel function (the table is
#: :data:`symcond.parse.functions._BOUNDED_ARGUMENTS`).
MAX_SPECIAL_ARGUMENT = 100
#: Largest magnitude of a numeric argument of ``exp``, ``sinh``, ``cosh``, ``sech``, ``csch``,
#: ``Ei``, ``Shi``, ``Chi``, ``E1``, and of the second argument of ``uppergamma``, ``lowergamma``,
#: ``expint``, ``besseli`` and ``besselk``.  The value then has at most about 4343 digits before
#: (or after) the point, so ``sin(exp(c))`` or a comparison needs at most that precision;
#: ``sin(exp(5e299))`` made SymPy recurse without end and ``Max(exp(-10**999), ...)`` took
#: seconds per comparison.
MAX_EXP_ARGUMENT = 10_000
#: Largest magnitude of a numeric argument of ``erf``, ``erfc`` and ``erfi``, which grow or decay
#: like ``exp(x**2)``: the square root of :data:`MAX_EXP_ARGUMENT`.
MAX_GAUSS_ARGUMENT = math.isqrt(MAX_EXP_ARGUMENT)
#: Largest denominator ``q`` of a rational exponent of a number (a root of degree ``q``):
#: comparing ``2**(1/q)`` with ``3**(1/q)`` (``Max``) needs ``q``-digit precision or a
#: minimal polynomial of degree ``q``, which hung for ``2**1e-400``.
MAX_ROOT_DEGREE = 1000
#: Largest magnitude of an exponent of a number not known to be real: SymPy expands
#: ``(1 + sqrt(-2))**n`` into real and imaginary parts to compare it, in time about
#: ``n**2.4`` (3 s at 300, a minute at 1000).
MAX_COMPLEX_POWER = 100
#: Most pairs of arguments that ``Max`` and ``Min`` compare in one expression, summed over
#: all their calls (``k`` arguments after flattening nested calls of the same function make
#: ``k*(k-1)/2`` pairs).  SymPy compares every pair: 20 positive symbols (190 pairs) take
#: about 0.4 s, 40 (780 pairs) 1.4 s, a few thousand hang.  One call of 20 arguments is
#: accepted.
MAX_MINMAX_PAIRS = 200
#: Most nodes of an expression after a function call or a substitution, counted as a tree (a
#: shared subexpression counts once per occurrence).  An input of :data:`MAX_INPUT_LENGTH
#: <symcond.parse.tokenize.MAX_INPUT_LENGTH>` characters has at most about 20 000 nodes; the
#: bundled papers reach 59.  Chained definitions can double a tree at each step, and so can a
#: call that SymPy expands into a form using its argument more than once
#: (``expint(1/2, z)`` is ``sqrt(pi)*erfc(sqrt(z))/sqrt(z)``, ``uppergamma(3, z)`` is
#: ``(z**2 + 2*z + 2)*exp(-z)``): 50 nested calls would make 2**50 nodes.
MAX_EXPRESSION_NODES = 20_000
#: Most nodes that calls repeating a large argument (``expint(1/2, z)`` uses ``z`` twice) may
#: build in one expression, summed over those calls.  SymPy expands such a result at about 150
#: microseconds a node, so this bounds the time of nested expansions to under a second.
MAX_EXPANDED_NODES = 5_000


def _at(pos: int) -> str:
    """Where in the input a parse error is: ``at position 3``."""
    return f"at position {pos}"


def _short(value: sympy.Basic) -> str:
    """A number or expression as short text for a message (a long number as ``~1.07e301``)."""
    if isinstance(value, sympy.Rational) and _digits(value) > 24:
        return _scientific(value)
    try:
        return abbreviate(sympy.sstr(value))
    except ValueError:  # a number beyond Python's int-to-str digit limit
        return f"an expression with a number of more than {MAX_TRANSIENT_DIGITS} digits"


def _scientific(value: sympy.Rational) -> str:
    """A large or tiny Rational as ``1e100`` or ``~-1.07e301`` (``~`` when three digits are not exact)."""
    size = Fraction(abs(value.p), value.q)
    exponent = math.floor(math.log10(abs(value.p)) - math.log10(value.q))
    exponent += (size >= Fraction(10) ** (exponent + 1)) - (size < Fraction(10) ** exponent)
    mantissa = size / Fraction(10) ** exponent
    shown = f"{float(mantissa):.3g}"
    if shown == "10":  # 9.996 rounds up
        shown, exponent = "1", exponent + 1
    approximate = "" if Fraction(shown) * Fraction(10) ** exponent == size else "~"
    return f"{approximate}{'-' * (value.p < 0)}{shown}e{exponent}"


# ---------------------------------------------------------------- building, limits
def _inverse(operator: Token, value: sympy.Expr) -> sympy.Expr:
    """The chain item for ``operator value``: ``-value`` for '-', ``1/value`` for '/'."""
    if operator.text == "-":
        return _build(sympy.Mul, (sympy.S.NegativeOne, value), _at(operator.pos))
    if operator.text == "/":
        if value == 0:
            raise ParseError(f"division by zero {_at(operator.pos)}")
        return _build(sympy.Pow, (value, sympy.S.NegativeOne), _at(operator.pos))
    return value


def _build(func: Callable[..., Any], args: Sequence[sympy.Expr], where: str) -> sympy.Expr:
    """Apply a SymPy constructor, turning its errors into ParseError and checking sizes."""
    try:
        result = func(*args)
    except _SYMPY_ERRORS as exc:
        raise ParseError(f"cannot evaluate the expression {where}: {_reason(exc)}") from exc
    if not isinstance(result, sympy.Expr):
        raise TypeError(f"function {where} returned {type(result).__name__}, not a sympy.Expr")
    _check_result(result, where)
    return result


def _reason(exc: BaseException) -> str:
    """The first line of SymPy's message (of the TypeError behind its AttributeError), at most 100 characters."""
    if isinstance(exc, AttributeError) and isinstance(exc.__context__, TypeError):
        exc = exc.__context__
    lines = str(exc).splitlines()
    reason = lines[0] if lines else type(exc).__name__
    return reason if len(reason) <= 100 else f"{reason[:97]}..."


def _int_digits(n: int) -> int:
    """Decimal digits of ``|n|`` (exact or one too many)."""
    return int(abs(n).bit_length() * math.log10(2)) + 1


def _digits(value: sympy.Basic) -> int:
    """Decimal digits of the larger of numerator and denominator of a Rational, else 0."""
    return _int_digits(max(abs(value.p), value.q)) if isinstance(value, sympy.Rational) else 0


def _check_exponent(exponent: sympy.Expr, where: str) -> None:
    """Reject a numeric exponent (or numeric term of an exponent) beyond MAX_EXPONENT."""
    for term in sympy.Add.make_args(exponent):
        coefficient = term.as_coeff_Mul()[0] if term.is_number else sympy.S.Zero
        if coefficient is sympy.nan:
            raise ParseError(f"exponent {_short(exponent)} {where} is undefined")
        if coefficient.is_Number and abs(coefficient) > MAX_EXPONENT:
            raise ParseError(f"exponent {_short(exponent)} {where} exceeds the limit of {MAX_EXPONENT} in magnitude")


def _check_power(base: sympy.Expr, exponent: sympy.Expr, where: str) -> None:
    """Bound ``base**exponent`` before SymPy evaluates it."""
    if base == 0 and exponent.is_negative:
        raise ParseError(f"division by zero {where}")
    _check_exponent(exponent, where)
    if base.is_number and isinstance(exponent, sympy.Rational) and base not in (0, 1, -1):
        _check_numeric_power(base, exponent, where)
    if isinstance(base, sympy.Rational) and isinstance(exponent, sympy.Rational) and abs(base) not in (0, 1):
        size = float(abs(exponent)) * math.log10(max(abs(base.p), base.q)) + 1
        if size > MAX_NUMBER_DIGITS:
            raise ParseError(
                f"exponent {_short(exponent)} {where} would make a number of about {int(size)} digits,"
                f" more than the limit of {MAX_NUMBER_DIGITS}"
            )


def _check_numeric_power(base: sympy.Expr, exponent: sympy.Rational, where: str) -> None:
    """Bound the root degree, and the power of a possibly non-real number, before SymPy compares the result."""
    if exponent.q > MAX_ROOT_DEGREE:
        raise ParseError(
            f"exponent {_short(exponent)} {where} takes a root of degree {_short(sympy.Integer(exponent.q))}"
            f" of a number, more than the limit of {MAX_ROOT_DEGREE}"
        )
    if abs(exponent.p) > MAX_COMPLEX_POWER and base.is_extended_real is not True:
        raise ParseError(
            f"exponent {_short(exponent)} {where} raises a number that may not be real to a power beyond"
            f" the limit of {MAX_COMPLEX_POWER} in magnitude"
        )


def _check_transient(items: Sequence[sympy.Expr], combine: Any, where: str) -> None:
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
        raise ParseError(f"the {kind} {where} combines numbers of more than {MAX_TRANSIENT_DIGITS} digits in total")


def _check_result(result: sympy.Expr, where: str) -> None:
    """Reject a freshly built node whose numbers or numeric exponents exceed the limits."""
    parts: Iterable[sympy.Expr] = [result]
    if result.is_Add or result.is_Mul:
        parts = chain(parts, result.args, (term.as_coeff_Mul()[0] for term in result.args))
    for part in parts:
        if part.is_Pow:
            _check_exponent(part.exp, where)
            part = part.base
        if _digits(part) > MAX_NUMBER_DIGITS:
            raise ParseError(f"number of about {_digits(part)} digits {where} exceeds the limit of {MAX_NUMBER_DIGITS}")


def _tree_size(node: sympy.Basic, sizes: dict[sympy.Basic, int]) -> int:
    """Number of nodes of ``node`` as a tree, memoised in ``sizes`` over shared subexpressions."""
    size = sizes.get(node)
    if size is None:
        size = 1 + sum(_tree_size(arg, sizes) for arg in node.args if isinstance(arg, sympy.Basic))
        sizes[node] = size
    return size


def _check_size(result: sympy.Basic, sizes: dict[sympy.Basic, int], where: str) -> None:
    """Reject a freshly built node whose tree has more than :data:`MAX_EXPRESSION_NODES` nodes."""
    if _tree_size(result, sizes) > MAX_EXPRESSION_NODES:
        raise ParseError(f"the expression {where} grows to more than {MAX_EXPRESSION_NODES} nodes")


def _check_defined(expr: sympy.Expr) -> sympy.Expr:
    """Reject an expression that evaluated to something undefined (zoo, nan, AccumBounds) or cannot be printed."""
    for bad, label in ((sympy.zoo, "zoo"), (sympy.nan, "nan"), (AccumBounds, "AccumBounds")):
        if expr.has(bad):
            raise ParseError(f"expression is undefined (it contains {label})")
    _check_printable(expr)
    return expr


def _check_printable(expr: sympy.Basic) -> None:
    """Reject what SymPy cannot print: its printer evaluates numeric factors to order terms.

    ``log(x, tanh(1001))`` is ``log(x)/log(tanh(1001))``, and ``log(tanh(1001))``, about
    ``-2e-870``, is 0 at 15 digits, so printing divides by zero (an internal error before).
    """
    try:
        sympy.sstr(expr)
    except _SYMPY_ERRORS as exc:
        raise ParseError(f"SymPy cannot print the expression ({_reason(exc)})") from exc
