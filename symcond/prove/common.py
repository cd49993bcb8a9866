"""Pieces shared by the provers: budgeted simplification, dimensions, numeric witnesses,
and the search for the stated assumptions a claim needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import mpmath
import sympy

from symcond.budget import run_with_budget
from symcond.context import Assumption, Context
from symcond.errors import DefinitionError, DimensionError
from symcond.numeric import format_point, relative_difference
from symcond.verdict import Evidence, Outcome, Verdict

__all__ = ["simplified", "dimension_evidence", "agree_everywhere", "find_counterexample", "decide",
           "check_substitutions"]

Core = Callable[[tuple[Assumption, ...]], Outcome]


def simplified(expr: sympy.Expr, ctx: Context) -> sympy.Expr | None:
    """``expr`` simplified within the budget; None when the budget ran out."""

    def work() -> sympy.Expr:
        first = sympy.simplify(expr)
        if first == 0 or first.is_number:
            return first
        second = sympy.simplify(sympy.expand(sympy.powsimp(first, force=True)))
        return second if sympy.count_ops(second) < sympy.count_ops(first) else first

    return run_with_budget(work, ctx.budget, f"simplification of {sympy.sstr(expr)[:60]}")


def dimension_evidence(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr) -> tuple[Evidence, str | None]:
    """Evidence carrying both dimensions, and a mismatch message (or None)."""
    try:
        dl, dr = ctx.dimension(lhs), ctx.dimension(rhs)
    except DimensionError as exc:
        return Evidence(), f"dimensionally inconsistent: {exc}"
    ev = Evidence(lhs_dimension=None if dl is None else str(dl), rhs_dimension=None if dr is None else str(dr))
    if dl is not None and dr is not None and dl != dr:
        return ev, f"dimension mismatch: lhs is {dl.unit_name()} but rhs is {dr.unit_name()}"
    return ev, None


def _points(ctx: Context, exprs: Sequence[sympy.Expr], constraints: Sequence[sympy.Basic], count: int,
            salt: str) -> list[dict[sympy.Symbol, sympy.Rational]]:
    symbols: set[sympy.Symbol] = set()
    for item in [*exprs, *constraints]:
        symbols |= item.free_symbols  # type: ignore[arg-type]
    return ctx.sampler.points(symbols, count, constraints, salt)


def agree_everywhere(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr,
                     constraints: Sequence[sympy.Basic] = ()) -> tuple[int, str | None]:
    """Count of points where both sides agree to ~dps digits, and a message on disagreement."""
    points = _points(ctx, [lhs, rhs], constraints, ctx.points, "confirm")
    tolerance = mpmath.mpf(10) ** (8 - ctx.dps)
    for point in points:
        diff = relative_difference(lhs, rhs, point, ctx.dps)
        if diff is None or diff > tolerance:
            return 0, f"numeric confirmation failed at {format_point(point)}"
    if not points:
        return 0, "no admissible point found for the numeric confirmation"
    return len(points), None


def find_counterexample(ctx: Context, lhs: sympy.Expr, rhs: sympy.Expr,
                        constraints: Sequence[sympy.Basic] = ()) -> dict[str, str] | None:
    """A point where the sides differ stably (at dps and 2*dps digits), with both values."""
    points = _points(ctx, [lhs, rhs], constraints, ctx.search_points, "search")
    threshold = mpmath.mpf(10) ** -20
    for point in points:
        first = relative_difference(lhs, rhs, point, ctx.dps)
        if first is None or first <= threshold:
            continue
        second = relative_difference(lhs, rhs, point, 2 * ctx.dps)
        if second is not None and second > threshold:
            return witness(point, lhs, rhs)
    return None


def witness(point: dict[sympy.Symbol, sympy.Rational], lhs: sympy.Expr, rhs: sympy.Expr) -> dict[str, str]:
    """A point plus the numeric values of both sides there (12 digits)."""
    from symcond.numeric import evaluate, format_number

    found = format_point(point)
    found["lhs"] = format_number(evaluate(lhs, point, 30))
    found["rhs"] = format_number(evaluate(rhs, point, 30))
    return found


#: Largest subset size tried when all stated assumptions together do not make a claim hold
#: (they may conflict, e.g. "ballistic" against "diffusive").
MAX_SUBSET = 2


def _sufficient(core: Core, ctx: Context) -> tuple[list[Assumption], Outcome] | None:
    """A set of stated assumptions under which the claim holds: all of them, else a small subset."""
    every = core(ctx.assumptions)
    if every.verdict is Verdict.HOLDS:
        return list(ctx.assumptions), every
    for size in range(1, min(MAX_SUBSET, len(ctx.assumptions) - 1) + 1):
        for subset in combinations(ctx.assumptions, size):
            outcome = core(subset)
            if outcome.verdict is Verdict.HOLDS:
                return list(subset), outcome
    return None


def check_substitutions(ctx: Context) -> None:
    """Reject a given or stated equality that assigns a symbol a value its declaration excludes.

    SymPy simplifies with the declared signs (``sqrt(tau**2)`` is ``tau`` for positive
    ``tau``), so substituting ``tau = -1`` afterwards would prove a false claim.

    Raises
    ------
    DefinitionError
        For a positive symbol given a value that is not positive, or any symbol given an
        infinite or undefined value.
    """
    equalities = ((a.relation.lhs, a.relation.rhs) for a in ctx.assumptions if a.is_equality)
    for symbol, value in [*ctx.givens.items(), *equalities]:
        value = sympy.sympify(value)
        if value.is_finite is False or value.has(sympy.nan, sympy.zoo):
            raise DefinitionError(f"'{symbol}' must be finite (given {sympy.sstr(value)})")
        if symbol.is_positive and value.is_positive is False:
            raise DefinitionError(f"'{symbol}' must be positive (given {sympy.sstr(value)})")


def decide(core: Core, ctx: Context) -> Outcome:
    """Run ``core`` without assumptions, then find a minimal set of stated ones it needs.

    Returns the unconditional outcome when it holds or when no set of stated assumptions
    (all of them, or any subset of up to :data:`MAX_SUBSET`) makes the claim hold;
    otherwise ``holds-under`` naming a minimal sufficient set.
    """
    check_substitutions(ctx)
    base = core(())
    if base.verdict is Verdict.HOLDS or not ctx.assumptions:
        return base
    found = _sufficient(core, ctx)
    if found is None:
        return base
    needed, last = found
    # Try to drop the strongest (equality) assumptions first, so the weakest sufficient set remains.
    for assumption in sorted(needed, key=lambda a: not a.is_equality):
        trial = [a for a in needed if a is not assumption]
        outcome = core(tuple(trial))
        if outcome.verdict is Verdict.HOLDS:
            needed, last = trial, outcome
    if not needed:
        return last
    names = tuple(str(a) for a in needed)
    reason = f"holds only under {', '.join(a.name for a in needed)}; without: {base.evidence.reason}"
    return Outcome(Verdict.HOLDS_UNDER, last.evidence.with_(conditions=names, reason=reason,
                                                           ratio=base.evidence.ratio,
                                                           counterexample=base.evidence.counterexample))
