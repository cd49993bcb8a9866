"""High-precision numeric values of expressions that contain definite integrals.

SymPy's ``Integral.evalf`` re-evaluates the SymPy integrand at every quadrature node, which
takes seconds at 40 digits, and loses digits on end-point singularities such as
``t**(-1/2)``; mpmath's own error estimate is unreliable for sharp interior features (a
Fermi edge far from unit scale).  :func:`quad_evaluate` compiles each integrand with
mpmath, substitutes ``t = a + s**2``, splits the range geometrically and bisects each piece
adaptively until its halves agree.  The rest of the expression is evaluated by
:func:`symcond.numeric.sampling.evaluate`.

>>> import sympy
>>> s = sympy.Symbol("s", positive=True)
>>> a = sympy.Symbol("a", positive=True)
>>> value = quad_evaluate(sympy.Integral(sympy.exp(-a * s**2), (s, 0, sympy.oo)), {a: sympy.Integer(1)}, 30)
>>> mpmath.nstr(value, 20)
'0.88622692545275801365'
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any, Protocol

import mpmath
import sympy

from symcond.budget import run_with_budget
from symcond.numeric.sampling import Point, Sampler, evaluate, format_point, relative_difference

__all__ = ["quad_evaluate", "quad_disagreement", "fold_constant_integrals", "Sampling"]

_GUARD = 10
_MAX_DEPTH = 12
_STEP = 4  # grid nodes at powers of 2**_STEP


def _integral_value(integral: sympy.Integral, point: Point, dps: int) -> sympy.Float | None:
    """The value of a one-dimensional definite integral at ``point``; None if not reliable.

    The variable is substituted as ``t = a + s**2`` (or ``b - s**2``; both signs of ``s**2``
    for a doubly infinite range), which removes algebraic end-point singularities; the
    range of ``s`` is split at powers of 16 between 2**-10 and 2**40 where the integrand is
    not negligible, and each piece is bisected until its two halves agree with it to
    ``dps + 3`` digits (None when that takes more than 12 levels).
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
        even = integrand.xreplace({var: -var}) == integrand
        value = _substituted_quad(func, ends[0], ends[1], -10, even)
        return None if value is None else sympy.Float(value, dps + _GUARD)


def _end(end: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | None:
    if end is sympy.S.Infinity:
        return mpmath.inf
    if end is sympy.S.NegativeInfinity:
        return -mpmath.inf
    value = evaluate(end.xreplace(dict(point)), {}, dps)
    return value if isinstance(value, mpmath.mpf) else None


def _substituted_quad(func: Callable[[mpmath.mpf], Any], lower: mpmath.mpf, upper: mpmath.mpf,
                      first: int, even: bool = False) -> mpmath.mpf | None:
    """Integral of func over [lower, upper] with t = shift +- s**2, split at powers of 2, then adaptively.

    Over the whole real line the two halves are integrated apart; for an ``even`` function
    (unchanged, as a SymPy object, by t -> -t) the negative half is the positive one.
    """
    if mpmath.isfinite(lower):
        maps, top = [(lower, 1)], mpmath.sqrt(upper - lower) if mpmath.isfinite(upper) else mpmath.inf
    elif mpmath.isfinite(upper):
        maps, top = [(upper, -1)], mpmath.inf
    else:
        maps, top = [(mpmath.mpf(0), 1)] if even else [(mpmath.mpf(0), 1), (mpmath.mpf(0), -1)], mpmath.inf
    try:
        pieces = [partial(_piece, func, a, b) for a, b in maps]
        total = mpmath.fsum(_adaptive(piece, _nodes(piece, top, first)) for piece in pieces)
        if even and not (mpmath.isfinite(lower) or mpmath.isfinite(upper)):
            total *= 2
    except (ValueError, ZeroDivisionError, OverflowError, TypeError, RecursionError):
        return None
    return None if isinstance(total, mpmath.mpc) or not mpmath.isfinite(total) else total


def _piece(func: Callable[[mpmath.mpf], Any], shift: mpmath.mpf, sign: int, s: mpmath.mpf) -> Any:
    """The integrand in ``s``, ``2 s f(shift + sign s**2)``; 0 within rounding of the end point.

    Tanh-sinh quadrature places its outermost nodes closer to the end point than the working
    precision resolves (``s**2`` below ``eps``); a removable 0/0 there (``x**3/(exp(x) - 1)``
    near 0, where ``exp(x) - 1`` rounds to 0) would otherwise abandon the integral.  Those
    nodes carry weights far below the precision asked for.
    """
    try:
        return 2 * s * func(shift + sign * s * s)
    except ZeroDivisionError:
        if s * s <= mpmath.eps * max(1, abs(shift)):
            return mpmath.mpf(0)
        raise


def _adaptive(piece: Callable[[mpmath.mpf], Any], nodes: list[mpmath.mpf]) -> mpmath.mpf:
    """Sum over consecutive nodes; each finite interval is bisected until its halves agree."""
    intervals = list(itertools.pairwise(nodes))
    rough = [mpmath.quad(piece, [a, b]) for a, b in intervals]
    # 10**-(dps + 3) relative to the whole integral (mpmath.eps is 10**-(dps + _GUARD) here)
    tolerance = abs(mpmath.fsum(rough)) * mpmath.eps * mpmath.mpf(10) ** (_GUARD - 3)
    return mpmath.fsum(_refine(piece, a, b, whole, tolerance, 0) if mpmath.isfinite(b) else whole
                       for (a, b), whole in zip(intervals, rough, strict=True))


def _refine(piece: Callable[[mpmath.mpf], Any], a: mpmath.mpf, b: mpmath.mpf, whole: mpmath.mpf,
            tolerance: mpmath.mpf, depth: int) -> mpmath.mpf:
    middle = (a + b) / 2
    left, right = mpmath.quad(piece, [a, middle]), mpmath.quad(piece, [middle, b])
    if abs(left + right - whole) <= tolerance:
        return left + right
    if depth >= _MAX_DEPTH:
        raise ValueError("adaptive quadrature did not converge")
    return _refine(piece, a, middle, left, tolerance, depth + 1) + _refine(piece, middle, b, right, tolerance,
                                                                           depth + 1)


def _nodes(piece: Callable[[mpmath.mpf], Any], top: mpmath.mpf, first: int) -> list[mpmath.mpf]:
    """0, the powers 2**first, 2**(first + _STEP), ... where the integrand is not negligible, and ``top``."""
    grid = [k for k in range(first, 41, _STEP) if mpmath.mpf(2) ** k < top]
    if not grid:
        return [mpmath.mpf(0), top]
    sizes = [abs(piece(mpmath.mpf(2) ** k)) for k in grid]
    floor = max(sizes) * mpmath.eps * mpmath.mpf(10) ** -_GUARD
    if not mpmath.isfinite(top) and not _decays(sizes, grid, floor):
        raise ValueError("the integrand does not decay fast enough for the integral to converge")
    kept = [k for k, size in zip(grid, sizes, strict=True) if size > floor] or grid
    inner = [k for k in grid if min(kept) - _STEP <= k <= max(kept) + _STEP]
    return [mpmath.mpf(0), *(mpmath.mpf(2) ** k for k in inner), top]


def _decays(sizes: list[mpmath.mpf], grid: list[int], floor: mpmath.mpf) -> bool:
    """Whether the tail beyond the last grid node converges: the integrand is negligible there, or
    ``s |piece(s)|`` (the tail's order of magnitude) falls by at least 4 between the last two nodes,
    so the integrand in ``t`` decays at least like ``t**-1.25``.  A divergent integral (``exp(t)``,
    ``1/t``, ``1/(t log t)``) or an oscillating one that converges only conditionally
    (``sin(t)/t``) fails the test: mpmath would integrate the truncated tail and return a finite
    number that is not the integral."""
    if sizes[-1] <= floor:
        return True
    if len(grid) < 2 or not all(mpmath.isfinite(size) for size in sizes[-2:]):
        return False
    before, last = (mpmath.mpf(2) ** k * size for k, size in zip(grid[-2:], sizes[-2:], strict=True))
    return bool(last * 4 <= before)


@lru_cache(maxsize=256)
def _remembered_value(integral: sympy.Integral, point: tuple[tuple[sympy.Symbol, sympy.Rational], ...],
                      dps: int) -> sympy.Float | None:
    """:func:`_integral_value`, remembered: the steps of a derivation compare each expression twice,
    as the result of one step and the start of the next, at the same sampled points.  A computation
    stopped by its budget raises, so it is not remembered."""
    return _integral_value(integral, dict(point), dps)


def quad_evaluate(expr: sympy.Expr, point: Point, dps: int, seconds: float = 10.0) -> mpmath.mpf | mpmath.mpc | None:
    """``expr`` at ``point`` with ``dps`` digits, integrals by mpmath quadrature (each within
    ``seconds`` of CPU time); None if undefined or not reliable."""
    values = {}
    for integral in sympy.sympify(expr).atoms(sympy.Integral):
        # remembered by the coordinates it depends on: a constant integral is computed once per precision
        key = tuple(sorted(((s, v) for s, v in point.items() if s in integral.free_symbols),
                           key=lambda item: item[0].sort_key()))
        value = run_with_budget(partial(_remembered_value, integral, key, dps), seconds, "quadrature")
        if value is None:
            return None
        values[integral] = value
    return evaluate(sympy.sympify(expr).xreplace(values), point, dps)


def fold_constant_integrals(expr: sympy.Expr, dps: int, seconds: float = 10.0) -> sympy.Expr:
    """``expr`` with each definite integral that depends on no symbol replaced by its value, by quadrature
    with ``dps`` digits (and guard digits); an integral without a reliable value is kept.

    For the numeric side conditions of a check (a given's value must be finite at a sampled
    point, a stated relation must hold there): SymPy evaluates an integral anew at every point,
    seconds each, though a constant one has the same value everywhere.

    >>> t = sympy.Symbol("t", positive=True)
    >>> x = sympy.Symbol("x", positive=True)
    >>> folded = fold_constant_integrals(x + sympy.Integral(sympy.exp(-t), (t, 0, sympy.oo)), 20)
    >>> folded.has(sympy.Integral), abs(folded - x - 1) < 1e-25
    (False, True)
    """
    expr = sympy.sympify(expr)
    values = {}
    for integral in expr.atoms(sympy.Integral):
        if integral.free_symbols:
            continue
        value = run_with_budget(partial(_remembered_value, integral, (), dps), seconds, "quadrature")
        if value is not None:
            values[integral] = value
    return expr.xreplace(values) if values else expr


def _relative(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | None:
    return relative_difference(lhs, rhs, point, dps, evaluator=quad_evaluate)


class Sampling(Protocol):
    """What :func:`quad_disagreement` needs from a prover's settings: where to sample, and with how
    many digits.  ``symcond.model.context.Context`` has both; this layer does not import it."""

    @property
    def sampler(self) -> Sampler:
        """Draws the points."""

    @property
    def dps(self) -> int:
        """Decimal digits of the comparison."""


def quad_disagreement(settings: Sampling, lhs: sympy.Expr, rhs: sympy.Expr, count: int,
                      constraints: Sequence[sympy.Basic] = ()) -> tuple[int, dict[str, str] | None]:
    """Number of points drawn by ``settings.sampler`` where both sides agree to ~``settings.dps``
    digits, and a point where they differ stably (at ``dps`` and ``2 dps`` digits), if any.

    Points where a side cannot be evaluated reliably are skipped.

    >>> import sympy
    >>> from types import SimpleNamespace
    >>> s = sympy.Symbol("s", positive=True)
    >>> a = sympy.Symbol("a", positive=True)
    >>> gauss = sympy.Integral(sympy.exp(-a * s**2), (s, 0, sympy.oo))
    >>> quad_disagreement(SimpleNamespace(sampler=Sampler(), dps=30), gauss, sympy.sqrt(sympy.pi / a) / 2, 3)
    (3, None)
    """
    sampler, dps = settings.sampler, settings.dps
    symbols = set().union(lhs.free_symbols, rhs.free_symbols)
    tolerance = mpmath.mpf(10) ** (8 - dps)
    agreed = 0
    for point in sampler.points(symbols, count, constraints, "quadrature"):
        first = _relative(lhs, rhs, point, dps)
        if first is None:
            continue
        if first <= tolerance:
            agreed += 1
            continue
        second = _relative(lhs, rhs, point, 2 * dps)
        if second is not None and second > mpmath.mpf(10) ** -20:
            return agreed, format_point(point)
    return agreed, None
