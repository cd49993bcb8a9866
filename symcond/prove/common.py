"""Pieces shared by the provers: budgeted simplification, dimensions, numeric witnesses
re-checked as reported, and (re-exported) the search for the stated assumptions a claim needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import mpmath
import sympy

from symcond.errors import DimensionError
from symcond.model.context import Context
from symcond.model.point import Counterexample
from symcond.model.verdict import Evidence, Finding, number
from symcond.numeric.quadrature import quad_evaluate
from symcond.numeric.sampling import (
    Evaluator,
    Point,
    differ,
    evaluate,
    exact_difference,
    format_point,
    relative_difference,
    threshold,
)
from symcond.prove.admissible import admissible, as_reported, check_substitutions
from symcond.prove.assumptions import decide
from symcond.prove.strategies import reduce
from symcond.quantities.dimensions import Dim
from symcond.quantities.ranges import physical_range

__all__ = ["simplified", "dimension_evidence", "agree_everywhere", "find_counterexample", "point_searches",
           "kept_constants", "with_units", "witness", "no_points", "decide", "check_substitutions", "WITNESS_DPS"]


def simplified(expr: sympy.Expr, ctx: Context) -> sympy.Expr | None:
    """``expr`` simplified by the strategies of :mod:`symcond.prove.strategies`, each under its share of
    ``ctx.budget``; None when every strategy ran out of its budget.

    The first strategy that reduces ``expr`` to a number wins; otherwise the result is SymPy's simplify.
    """
    if _signed_sum(expr):
        return expr
    return reduce(expr, ctx.budget, f"simplification of {sympy.sstr(expr)[:60]}")


def _signed_sum(expr: sympy.Expr) -> bool:
    """True for ``x + y - z + 2`` (symbols with coefficient 1 or -1, an integer): simplify returns it unchanged.

    The slack sum of a chain of 300 assumptions takes SymPy's simplify seconds to leave as it is.

    >>> x, y = sympy.symbols("x y")
    >>> _signed_sum(x - y + 2), _signed_sum(2 * x - y), _signed_sum(x * y)
    (True, False, False)
    """
    terms = sympy.sympify(expr).as_coefficients_dict()
    return any(t.is_Symbol for t in terms) and all(
        (t.is_Symbol and abs(c) == 1) or (t is sympy.S.One and c.is_Integer) for t, c in terms.items())


def dimension_evidence(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr) -> tuple[Evidence, str | None]:
    """Evidence carrying both dimensions, and a mismatch message (or None).

    On a mismatch the evidence already carries its finding (``DIMENSION_MISMATCH`` or
    ``DIMENSION_INCONSISTENT``), so ``evidence.with_(reason=message)`` is complete.
    """
    try:
        dl, dr = ctx.dimension(lhs), ctx.dimension(rhs)
    except DimensionError as exc:
        return Evidence(finding=Finding.DIMENSION_INCONSISTENT), f"dimensionally inconsistent: {exc}"
    ev = Evidence(lhs_dimension=dl, rhs_dimension=dr)
    if dl is not None and dr is not None and dl != dr:
        return ev.with_(finding=Finding.DIMENSION_MISMATCH), \
            (f"dimension mismatch: lhs is {dl.unit_name()} but rhs is {dr.unit_name()}"
             f" (lhs/rhs: {(dl / dr).unit_name()})")
    return ev, None


def _points(ctx: Context, exprs: Sequence[sympy.Expr], constraints: Sequence[sympy.Basic], count: int,
            salt: str) -> list[dict[sympy.Symbol, sympy.Rational]]:
    return ctx.sampler.points(_symbols_of(exprs, constraints), count, constraints, salt)


def agree_everywhere(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr, constraints: Sequence[sympy.Basic] = (),
                     domain: Sequence[sympy.Expr] = ()) -> tuple[int, str | None]:
    """Count of admissible points where both sides agree to ~dps digits, and a message on disagreement."""
    candidates = _points(ctx, [lhs, rhs], constraints, ctx.points, "confirm")
    points = [p for p in candidates if admissible(p, (), domain, ctx.dps)]
    tolerance = mpmath.mpf(10) ** (8 - ctx.dps)
    evaluator = _evaluator(lhs, rhs)
    for point in points:
        diff = relative_difference(lhs, rhs, point, ctx.dps, evaluator)
        if diff is None or diff > tolerance:
            return 0, f"numeric confirmation failed at {format_point(point)}"
    if not points:
        return 0, no_points(ctx)
    return len(points), None


def no_points(ctx: Context) -> str:
    """The reason given when rejection sampling found no point satisfying the active conditions."""
    return f"no admissible point found among {ctx.sampler.patience} samples"


def find_counterexample(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr, constraints: Sequence[sympy.Basic] = (),
                        domain: Sequence[sympy.Expr] = ()) -> Counterexample | None:
    """A point where the sides provably differ (:func:`~symcond.numeric.sampling.differ`), with both values
    and the SI units of its entries.

    When the claim holds CODATA constants, points with every constant at its CODATA value and each free
    quantity in the physical range of its dimension (:mod:`symcond.quantities.ranges`) are tried first;
    then, if none is a counterexample, points with the constants still at their CODATA values and the
    free quantities drawn as for any claim (a constant is never moved off its value: ``alpha < 1/100`` is
    not refuted at ``alpha = 0.05``).  Without constants, the points of the sampler as for any claim.  The
    point is re-checked as it is reported (rounded to the digits shown, the constants exact): every
    constraint must provably hold there at ``dps`` and ``2 * dps`` digits, every value in ``domain`` (the
    substituted givens) must be finite, and the sides must still differ.
    """
    fixed, searches = point_searches(ctx, _symbols_of([lhs, rhs], constraints), constraints, "search")
    for points in searches:  # drawn only when the search before found no counterexample
        found = _first_witness(ctx, (lhs, rhs), points(), constraints, domain, fixed)
        if found is not None:
            return with_units(ctx, found, (lhs, rhs), fixed)
    return None


def point_searches(ctx: Context, symbols: set[sympy.Symbol], constraints: Sequence[sympy.Basic],
                   salt: str) -> tuple[Point, list[Callable[[], Sequence[Point]]]]:
    """The CODATA constants among ``symbols`` at their values, and the searches for a counterexample in order.

    With constants: every constant at its CODATA value and each free quantity in the physical range of
    its dimension, then the constants still at their values and the free quantities drawn as for any
    claim (a claim about the constants, ``alpha < 1/100``, is not refuted by moving them).  Without: the
    ordinary search.  Each search draws its points when called.
    """
    fixed, ranges = _physical(ctx, symbols)
    if not fixed:
        return fixed, [partial(ctx.sampler.points, symbols, ctx.search_points, constraints, salt)]
    physical = partial(ctx.sampler.physical_points, symbols, ctx.search_points, constraints)
    return fixed, [partial(physical, salt, fixed, ranges), partial(physical, f"{salt}-free", fixed, {})]


def _first_witness(ctx: Context, sides: tuple[sympy.Expr, sympy.Expr], points: Sequence[Point],
                   constraints: Sequence[sympy.Basic], domain: Sequence[sympy.Expr],
                   fixed: Point) -> dict[str, sympy.Expr] | None:
    """The first of ``points`` that is a re-checked counterexample as reported (``fixed`` values kept exact)."""
    lhs, rhs = sides
    evaluator = _evaluator(lhs, rhs)
    for point in points:
        first = relative_difference(lhs, rhs, point, ctx.dps, evaluator)
        if first is None or (first <= threshold(ctx.dps) and not exact_difference(lhs, rhs, point)):
            continue
        shown = as_reported(point)
        if shown is not None:
            shown.update(kept_constants(fixed, shown))
        if shown is None or not admissible(shown, constraints, domain, ctx.dps):
            continue
        if _quadrature_differs(lhs, rhs, shown, ctx.dps) if evaluator else differ(lhs, rhs, shown, ctx.dps):
            return witness(shown, lhs, rhs, evaluator)
    return None


def kept_constants(fixed: Point, shown: Point) -> dict[sympy.Symbol, sympy.Rational]:
    """The ``fixed`` values (CODATA constants) of the symbols of ``shown``: reported exactly, never rounded."""
    return {symbol: sympy.Rational(value) for symbol, value in fixed.items() if symbol in shown}


def _symbols_of(exprs: Sequence[sympy.Expr], constraints: Sequence[sympy.Basic]) -> set[sympy.Symbol]:
    symbols: set[sympy.Symbol] = set()
    for item in [*exprs, *constraints]:
        symbols |= item.free_symbols  # type: ignore[arg-type]
    return symbols


def _physical(ctx: Context, symbols: set[sympy.Symbol]) -> tuple[dict[sympy.Symbol, sympy.Rational],
                                                                  dict[sympy.Symbol, tuple[float, float]]]:
    """The CODATA constants among ``symbols`` at their CODATA value (SI), and the physical range (SI) of
    each other symbol whose dimension has one."""
    fixed: dict[sympy.Symbol, sympy.Rational] = {}
    ranges: dict[sympy.Symbol, tuple[float, float]] = {}
    for symbol in symbols:
        quantity = ctx.registry.get(symbol.name)
        if quantity is None or quantity.symbol != symbol:
            continue
        if quantity.codata is not None and quantity.value is not None:
            fixed[symbol] = sympy.Rational(quantity.value)
        elif (found := physical_range(quantity.dimension)) is not None:
            ranges[symbol] = (found.low, found.high)
    return fixed, ranges


def with_units(ctx: Context, found: dict[str, sympy.Expr], sides: tuple[sympy.Expr, sympy.Expr],
                fixed: Point) -> Counterexample:
    """``found`` with the SI dimension of each coordinate and side that has one, and its CODATA coordinates."""
    units = _side_units(ctx, sides)
    for name in found:
        quantity = ctx.registry.get(name)
        if quantity is not None and quantity.dimension is not None:
            units[name] = quantity.dimension
    constants = (s.name for s, v in fixed.items() if s.name in found and found[s.name] == v)
    return Counterexample.of(found, units, constants)


def _side_units(ctx: Context, sides: tuple[sympy.Expr, sympy.Expr]) -> dict[str, Dim]:
    """The dimensions of the two sides, when known and consistent."""
    try:
        dims = {"lhs": ctx.dimension(sides[0]), "rhs": ctx.dimension(sides[1])}
    except DimensionError:
        return {}
    return {name: dim for name, dim in dims.items() if dim is not None}


def _evaluator(lhs: sympy.Expr, rhs: sympy.Expr) -> Evaluator | None:
    """Quadrature (:func:`~symcond.numeric.quadrature.quad_evaluate`) when a side holds an integral:
    SymPy's own ``Integral.evalf`` takes seconds per point on an infinite range."""
    return quad_evaluate if lhs.has(sympy.Integral) or rhs.has(sympy.Integral) else None


def _quadrature_differs(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int) -> bool:
    """The sides differ at ``point`` by more than the noise, by quadrature at ``dps`` and ``2 * dps`` digits."""
    first = relative_difference(lhs, rhs, point, dps, quad_evaluate)
    second = relative_difference(lhs, rhs, point, 2 * dps, quad_evaluate)
    return first is not None and second is not None and min(first, second) > threshold(dps)


#: Digits with which a counterexample's sides are evaluated.
WITNESS_DPS = 30


def witness(point: dict[sympy.Symbol, sympy.Rational], lhs: sympy.Expr, rhs: sympy.Expr,
            evaluator: Evaluator | None = None) -> dict[str, sympy.Expr]:
    """The point as reported (name -> exact Rational) plus both sides' values there (Floats, :data:`WITNESS_DPS`
    digits; ``nan`` where undefined), for :attr:`~symcond.model.verdict.Evidence.counterexample`."""
    ordered = sorted(point.items(), key=lambda kv: kv[0].name)
    found: dict[str, sympy.Expr] = {s.name: sympy.Rational(v) for s, v in ordered}
    value_of = evaluator or evaluate
    found["lhs"] = number(value_of(lhs, point, WITNESS_DPS), WITNESS_DPS)
    found["rhs"] = number(value_of(rhs, point, WITNESS_DPS), WITNESS_DPS)
    return found
