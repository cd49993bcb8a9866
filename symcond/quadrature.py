"""High-precision numeric values of expressions that contain definite integrals.

SymPy's ``Integral.evalf`` re-evaluates the SymPy integrand at every quadrature node, which
takes seconds at 40 digits, and loses digits on end-point singularities such as
``t**(-1/2)``.  :func:`quad_evaluate` instead compiles each integrand with mpmath and
integrates it with :func:`mpmath.quad` (tanh-sinh) after the substitution ``t = a + s**2``
on a range split geometrically, and accepts the value only when two different splits
agree to the working precision.  The rest of the expression is evaluated by
:func:`symcond.numeric.evaluate`.

>>> import sympy
>>> s = sympy.Symbol("s", positive=True)
>>> a = sympy.Symbol("a", positive=True)
>>> value = quad_evaluate(sympy.Integral(sympy.exp(-a * s**2), (s, 0, sympy.oo)), {a: sympy.Integer(1)}, 30)
>>> mpmath.nstr(value, 20)
'0.88622692545275801365'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import mpmath
import sympy

from symcond.context import Context
from symcond.numeric import Point, evaluate, format_point

__all__ = ["quad_evaluate", "quad_disagreement"]

_GUARD = 10


def _integral_value(integral: sympy.Integral, point: Point, dps: int) -> sympy.Float | None:
    """The value of a one-dimensional definite integral at ``point``; None if not reliable.

    The variable is substituted as ``t = a + s**2`` (or ``b - s**2``; both signs of ``s**2``
    for a doubly infinite range), which removes algebraic end-point singularities, and the
    range of ``s`` is split at powers of 2 from 2**-10 to 2**40 so that features far from
    unit scale are resolved.  The value is accepted when a second split (odd powers of 2)
    agrees to the working precision.
    """
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    var, lower, upper = integral.limits[0]
    integrand = integral.function.xreplace(dict(point))
    if integrand.free_symbols - {var} or integrand.has(sympy.Integral):
        return None
    with mpmath.workdps(dps + _GUARD):
        ends = [_end(end, point, dps + _GUARD) for end in (lower, upper)]
        if any(end is None for end in ends):
            return None
        func = sympy.lambdify(var, integrand, modules="mpmath")
        first, second = (_substituted_quad(func, ends[0], ends[1], start) for start in (-10, -9))
        if first is None or second is None:
            return None
        scale = max(abs(first), mpmath.mpf(10) ** (-4 * dps))
        if abs(first - second) > scale * mpmath.mpf(10) ** (-dps):
            return None
        return sympy.Float(first, dps + _GUARD)


def _end(end: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | None:
    if end is sympy.S.Infinity:
        return mpmath.inf
    if end is sympy.S.NegativeInfinity:
        return -mpmath.inf
    value = evaluate(end.xreplace(dict(point)), {}, dps)
    return value if isinstance(value, mpmath.mpf) else None


def _substituted_quad(func: Callable[[mpmath.mpf], Any], lower: mpmath.mpf, upper: mpmath.mpf,
                      first: int) -> mpmath.mpf | None:
    """Integral of func over [lower, upper] with t = shift +- s**2, split at powers of 2."""
    if mpmath.isfinite(lower):
        maps, top = [(lower, 1)], mpmath.sqrt(upper - lower) if mpmath.isfinite(upper) else mpmath.inf
    elif mpmath.isfinite(upper):
        maps, top = [(upper, -1)], mpmath.inf
    else:
        maps, top = [(mpmath.mpf(0), 1), (mpmath.mpf(0), -1)], mpmath.inf
    nodes = [mpmath.mpf(0), *(mpmath.mpf(2) ** k for k in range(first, 41, 2) if mpmath.mpf(2) ** k < top), top]
    try:
        total = mpmath.fsum(mpmath.quad(lambda s, a=a, b=b: 2 * s * func(a + b * s * s), nodes) for a, b in maps)
    except (ValueError, ZeroDivisionError, OverflowError, TypeError):
        return None
    return None if isinstance(total, mpmath.mpc) or not mpmath.isfinite(total) else total


def quad_evaluate(expr: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | mpmath.mpc | None:
    """``expr`` at ``point`` with ``dps`` digits, integrals by mpmath quadrature; None if undefined."""
    values = {}
    for integral in sympy.sympify(expr).atoms(sympy.Integral):
        value = _integral_value(integral, point, dps)
        if value is None:
            return None
        values[integral] = value
    return evaluate(sympy.sympify(expr).xreplace(values), point, dps)


def _relative(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | None:
    a, b = quad_evaluate(lhs, point, dps), quad_evaluate(rhs, point, dps)
    if a is None or b is None:
        return None
    with mpmath.workdps(dps):
        scale = max(abs(a), abs(b))
        return mpmath.mpf(0) if scale == 0 else abs(a - b) / scale


def quad_disagreement(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr, count: int,
                      constraints: Sequence[sympy.Basic] = ()) -> tuple[int, dict[str, str] | None]:
    """Number of sampled points where both sides agree to ~``ctx.dps`` digits, and a point where
    they differ stably (at ``dps`` and ``2 dps`` digits), if any.

    Points where a side cannot be evaluated reliably are skipped.
    """
    symbols = set().union(lhs.free_symbols, rhs.free_symbols)
    tolerance = mpmath.mpf(10) ** (8 - ctx.dps)
    agreed = 0
    for point in ctx.sampler.points(symbols, count, constraints, "quadrature"):
        first = _relative(lhs, rhs, point, ctx.dps)
        if first is None:
            continue
        if first <= tolerance:
            agreed += 1
            continue
        second = _relative(lhs, rhs, point, 2 * ctx.dps)
        if second is not None and second > mpmath.mpf(10) ** -20:
            return agreed, format_point(point)
    return agreed, None
