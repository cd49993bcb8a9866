"""Inequality claims lhs <= rhs (or <, >=, >), proved by sign analysis under stated assumptions.

Each active inequality assumption ``a <= b`` is eliminated with a slack variable
``s >= 0``: one symbol of ``b - a`` is solved from ``b - a = s``.  The claim then holds
when SymPy's assumption system proves ``rhs - lhs`` (``lhs - rhs`` for ``>=``, ``>``)
nonnegative (positive when strict) for all positive symbols and slacks; that proof is
confirmed numerically at admissible points.  A numeric point violating the claim refutes it;
its ``lhs`` and ``rhs`` are the sides as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import mpmath
import sympy
from sympy.core.assumptions import check_assumptions

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.model.point import Counterexample
from symcond.model.verdict import Finding, Outcome, Verdict
from symcond.numeric.sampling import Point, compare, evaluate, threshold
from symcond.prove.admissible import admissible, as_reported, declared_signs, side_conditions, substituted
from symcond.prove.boundary import prover
from symcond.prove.common import (
    decide,
    dimension_evidence,
    kept_constants,
    no_points,
    point_searches,
    simplified,
    with_units,
    witness,
)

__all__ = ["check_inequality"]


@prover
def check_inequality(lhs: sympy.Expr, rhs: sympy.Expr, ctx: Context, strict: bool = False, *,
                     greater: bool = False) -> Outcome:
    """Decide ``lhs <= rhs`` (``lhs < rhs`` when strict) in ``ctx``; ``lhs >= rhs`` (``>``) when ``greater``.

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Assumption, Context
    >>> a, b = sympy.symbols("a b", positive=True)
    >>> ctx = Context(assumptions=(Assumption("a<=b", sympy.Le(a, b)),))
    >>> out = check_inequality(2*a/(a + b), sympy.Integer(1), ctx)
    >>> out.verdict, out.evidence.conditions
    (<Verdict.HOLDS_UNDER: 'holds-under'>, ('a<=b: a <= b',))
    >>> out = check_inequality(a, 2*a, ctx, greater=True)
    >>> out.verdict, out.evidence.counterexample["lhs"] < out.evidence.counterexample["rhs"]
    (<Verdict.FAILS: 'fails'>, True)
    """
    return decide(lambda active: _core(lhs, rhs, ctx, active, strict, greater), ctx,
                  declared_signs(ctx, (lhs, rhs)))


def _core(lhs: sympy.Expr, rhs: sympy.Expr, ctx: Context, active: tuple[Assumption, ...], strict: bool,
          greater: bool) -> Outcome:
    left, right = ctx.prepare(lhs, active), ctx.prepare(rhs, active)
    small, large = (right, left) if greater else (left, right)
    constraints = side_conditions(ctx, [ctx.prepare(a.relation, active) for a in active if not a.is_equality])
    domain = side_conditions(ctx, [ctx.prepare(value, active) for _, value in substituted(ctx, (lhs, rhs), active)])
    evidence, mismatch = dimension_evidence(ctx, left, right)
    if mismatch is not None:
        return Outcome(Verdict.FAILS, evidence.with_(reason=mismatch))
    gap = _with_slacks(large - small, constraints, ctx.budget)
    reduced = simplified(gap, ctx) if gap is not None else None
    evidence = evidence.with_(residual=None if reduced is None else _factor(reduced))
    counterexample, checked = _violation(ctx, (left, right), greater, constraints, domain, strict)
    if counterexample is not None:
        return Outcome(Verdict.FAILS, evidence.with_(counterexample=counterexample, digits=ctx.dps,
                                                    reason="a point satisfying the assumptions violates it",
                                                    finding=Finding.VIOLATED))
    if reduced is not None and checked > 0 and _proved_sign(reduced, strict, ctx):
        sign, gap_text = "positive" if strict else "nonnegative", "lhs - rhs" if greater else "rhs - lhs"
        return Outcome(Verdict.HOLDS, evidence.with_(
            reason=f"{gap_text} = {evidence.shown().residual} is {sign} for all admissible values;"
                   f" confirmed at {checked} points", numeric_points=checked, digits=ctx.dps, finding=Finding.PROVED))
    numeric = f"no violating point among {checked} admissible points" if checked else no_points(ctx)
    return Outcome(Verdict.UNDECIDED, evidence.with_(reason=f"no sign proof found; {numeric}", digits=ctx.dps,
                                                     finding=Finding.NO_PROOF))


def _with_slacks(gap: sympy.Expr, constraints: list[sympy.Basic], budget: float) -> sympy.Expr | None:
    for index, rel in enumerate(constraints):
        if rel in (sympy.true, sympy.false):
            continue
        small, large = (rel.lhs, rel.rhs) if isinstance(rel, (sympy.Le, sympy.Lt)) else (rel.rhs, rel.lhs)
        slack = sympy.Symbol(f"slack_{index}", positive=True) if isinstance(rel, (sympy.Lt, sympy.Gt)) \
            else sympy.Symbol(f"slack_{index}", nonnegative=True)
        gap = _eliminate(gap, large, small, slack, budget)
        if gap is None:
            return None
    return gap


def _eliminate(gap: sympy.Expr, large: sympy.Expr, small: sympy.Expr, slack: sympy.Symbol,
               budget: float) -> sympy.Expr | None:
    difference = large - small
    preferred = sorted(large.free_symbols, key=str) + sorted(small.free_symbols - large.free_symbols, key=str)
    for symbol in preferred:
        if symbol not in gap.free_symbols:
            continue
        solutions = run_with_budget(partial(_solve, difference - slack, symbol), budget, f"solving for {symbol}")
        if solutions is not None and len(solutions) == 1:
            return gap.xreplace({symbol: solutions[0]})
    return gap


def _solve(expr: sympy.Expr, symbol: sympy.Symbol) -> list[sympy.Expr]:
    """Solutions of ``expr = 0`` for ``symbol``; none when SymPy has no method for the equation.

    ``expr`` linear in ``symbol`` with a nonzero number as coefficient (``x2 - x1 - slack``) is
    solved directly, as ``sympy.solve`` would: it costs a chain of assumptions one solve each.
    """
    rest, term = expr.as_independent(symbol, as_Add=True)
    coefficient = term / symbol
    if coefficient.is_Number and coefficient != 0:
        solution = -rest / coefficient
        if check_assumptions(solution, **symbol.assumptions0) is not False:  # else solve drops it: ask solve
            return [solution]
    try:
        return list(sympy.solve(expr, symbol))
    except (NotImplementedError, ValueError, TypeError):
        return []


def _factor(expr: sympy.Expr) -> sympy.Expr:
    """``sympy.factor(expr)``; a linear polynomial with coprime integer coefficients is its own factorisation.

    SymPy's multivariate factorisation of ``slack_0 + ... + slack_40`` (a chain of assumptions)
    takes a tenth of a second and grows with the number of terms, to return the sum unchanged.

    >>> x, y = sympy.symbols("x y", positive=True)
    >>> _factor(2 * x - 3 * y + 1), _factor(2 * x + 2 * y)
    (2*x - 3*y + 1, 2*(x + y))
    """
    terms = expr.as_coefficients_dict()
    linear = all(t is sympy.S.One or t.is_Symbol for t in terms) and len(terms) > 1
    if linear and all(c.is_Integer for c in terms.values()) and sympy.igcd(*terms.values()) == 1:
        return expr
    return sympy.factor(expr)


def _proved_sign(expr: sympy.Expr, strict: bool, ctx: Context) -> bool:
    def ask() -> bool:
        forms = (lambda: expr, lambda: _factor(expr), lambda: sympy.together(expr))  # the cheapest first
        return any((c.is_positive if strict else c.is_nonnegative) is True for c in (form() for form in forms))

    return bool(run_with_budget(ask, ctx.budget, "sign analysis"))


def _violation(ctx: Context, sides: tuple[sympy.Expr, sympy.Expr], greater: bool, constraints: list[sympy.Basic],
               domain: list[sympy.Expr], strict: bool) -> tuple[Counterexample | None, int]:
    """A reported-and-re-checked violating point (its ``lhs``, ``rhs`` the sides as printed) with the SI units
    of its entries, and the number of admissible points with real sides looked at.

    The search of :func:`~symcond.prove.common.find_counterexample`: a claim with CODATA constants is searched
    with them at their CODATA values and each free quantity in its physical range, then with the constants
    still at their values and the free quantities drawn as for any claim (a constant never moves); a claim
    without constants by the ordinary search.  Every point is re-checked as reported, the constants exact.
    """
    left, right = sides[::-1] if greater else sides
    symbols = set().union(left.free_symbols, right.free_symbols, *(c.free_symbols for c in constraints))
    fixed, searches = point_searches(ctx, symbols, constraints, "violation")
    checked = 0
    for points in searches:  # drawn only when the search before found no violation
        found, seen = _first_violation(ctx, (left, right), points(), constraints, domain, strict, fixed)
        checked += seen
        if found is not None:
            return with_units(ctx, witness(found, *sides), sides, fixed), checked
    if fixed:  # confirmation only: the constants move too (a sign proof holds for all their values), but a
        # violation there is no counterexample to a claim about the constants' values -- and no confirmation
        ordinary = ctx.sampler.points(symbols, ctx.search_points, constraints, "violation")
        found, seen = _first_violation(ctx, (left, right), ordinary, constraints, domain, strict, {})
        checked += seen if found is None else 0
    return None, checked


def _first_violation(ctx: Context, sides: tuple[sympy.Expr, sympy.Expr], points: Sequence[Point],
                     constraints: list[sympy.Basic], domain: list[sympy.Expr], strict: bool,
                     fixed: Point) -> tuple[dict[sympy.Symbol, sympy.Rational] | None, int]:
    """The first of ``points`` where ``small > large`` (re-checked as reported, ``fixed`` values kept exact),
    and the number of admissible points with real sides looked at."""
    small, large = sides
    checked = 0
    for point in points:
        a, b = (evaluate(side, point, ctx.dps) for side in (small, large))
        if not (isinstance(a, mpmath.mpf) and isinstance(b, mpmath.mpf)) or not admissible(point, (), domain, ctx.dps):
            continue
        checked += 1
        if a - b < -threshold(ctx.dps) * max(abs(a), abs(b)):
            continue  # clearly satisfied at this point
        shown = as_reported(point)
        if shown is None:
            continue
        shown.update(kept_constants(fixed, shown))
        if _violates(small, large, shown, strict, ctx.dps) and admissible(shown, constraints, domain, ctx.dps):
            return shown, checked
    return None, checked


def _violates(left: sympy.Expr, right: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational], strict: bool,
              dps: int) -> bool:
    """lhs > rhs at ``point`` (or lhs == rhs exactly, when strict), established by :func:`compare`."""
    sign = compare(left, right, point, dps)
    return sign == 1 or (strict and sign == 0)
