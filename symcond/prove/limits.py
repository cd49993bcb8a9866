"""Limits, asymptotic equivalence and independence of a variable.

A limit is computed by SymPy within the budget, compared with the stated value by the
equality prover, and confirmed by evaluating the expression numerically ever closer to
the limit point.  A refuted limit reports the value the expression really tends to.

The active stated inequalities are used as fresh symbols (``mu > E_c`` is ``mu = E_c + d``
with ``d > 0``, :mod:`symcond.prove.reparametrise`), so that ``lim_{T -> 0}`` of a Fermi
function is ``holds-under mu > E_c``.  A two-sided limit at 0 of a variable declared
positive is its limit from above.

As in the other provers, a given that SymPy built with its symbol's declared sign is
faithful only where its value has that sign: for a limit, near the limit point
(:func:`_signs_near`); for independence, everywhere (a ``holds-under`` condition).
"""

from __future__ import annotations

from collections.abc import Sequence

import mpmath
import sympy

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.numeric.quadrature import quad_evaluate
from symcond.numeric.sampling import evaluate
from symcond.parse.caps import _SYMPY_ERRORS
from symcond.prove import asymptotics
from symcond.prove.admissible import DeclaredSign, declared_signs, sign_condition, substituted
from symcond.prove.boundary import prover, sympy_failure
from symcond.prove.common import decide, find_counterexample, simplified
from symcond.prove.equality import equality_core
from symcond.prove.reparametrise import reparametrise

__all__ = ["check_limit", "check_asymptotic", "check_independence"]


@prover
def check_limit(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, value: sympy.Expr, ctx: Context,
                direction: str = "+-") -> Outcome:
    """Decide ``lim_{var -> point} expr == value``.

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Context
    >>> x = sympy.Symbol("x", positive=True)
    >>> check_limit(sympy.sin(x) / x, x, 0, sympy.Integer(1), Context()).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_limit(sympy.sin(2*x) / x, x, 0, sympy.Integer(1), Context()).evidence.value
    2
    """
    direction = _in_domain(var, sympy.sympify(point), direction)
    near = _signs_near(ctx, (expr, value), var, point, direction)
    return decide(lambda active: _limit_core(expr, var, point, value, ctx, active, direction), ctx, near)


@prover
def check_asymptotic(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, value: sympy.Expr, ctx: Context,
                     direction: str = "+-") -> Outcome:
    """Decide ``expr ~ value`` as ``var -> point``, i.e. ``lim expr/value == 1``.

    A failure reports the factor ``lim expr/value`` as the ratio.
    """
    return check_limit(expr / value, var, point, sympy.Integer(1), ctx, direction)


def _in_domain(var: sympy.Symbol, point: sympy.Expr, direction: str) -> str:
    """A two-sided limit at 0 of a variable declared positive (or nonnegative) is the limit from above:
    no point of its domain lies below 0.

    >>> T = sympy.Symbol("T", positive=True)
    >>> _in_domain(T, sympy.Integer(0), "+-"), _in_domain(sympy.Symbol("x", real=True), sympy.Integer(0), "+-")
    ('+', '+-')
    """
    if direction == "+-" and point == 0 and var.is_nonnegative:
        return "+"
    return direction


def _signs_near(ctx: Context, exprs: tuple[sympy.Expr, ...], var: sympy.Symbol, point: sympy.Expr,
                direction: str) -> tuple[DeclaredSign, ...]:
    """The declared signs of the givens reachable from ``exprs``, as conditions near the limit point.

    A limit depends only on values near the point, so a given whose value depends on ``var``
    needs its declared sign there: its limit must be positive (then so is the value near the
    point).  A limit of +oo or one SymPy proves positive needs no condition; another real
    limit ``L`` gives the condition ``L > 0`` (for a negative ``L``, or -oo, one that cannot
    hold); a limit SymPy cannot find leaves the condition on the value itself, as elsewhere.
    """
    found = []
    for symbol, value in substituted(ctx, exprs):
        pointwise = sign_condition(symbol, value) if symbol in ctx.givens else None
        if pointwise is None:
            continue
        prepared = ctx.prepare(value)
        limit = _value_limit(prepared, var, point, direction, ctx) if var in prepared.free_symbols else None
        if limit is None:
            found.append(pointwise)
        elif not (limit is sympy.oo or limit.is_positive):
            found.append(_sign_near(symbol, value, limit, var, point))
    return tuple(found)


def _value_limit(value: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, direction: str,
                 ctx: Context) -> sympy.Expr | None:
    """``lim value`` as ``var -> point`` when SymPy finds a real one within the budget, else None."""
    try:
        found = run_with_budget(lambda: _sympy_limit(value, var, point, direction), ctx.budget,
                                f"limit of a given's value {var} -> {point}")
    except _SYMPY_ERRORS as exc:
        if not sympy_failure(exc):
            raise
        return None
    if found is None or found.has(sympy.Limit, sympy.AccumBounds, sympy.nan) or found.is_extended_real is not True:
        return None
    return found


def _sign_near(symbol: sympy.Symbol, value: sympy.Expr, limit: sympy.Expr, var: sympy.Symbol,
               point: sympy.Expr) -> DeclaredSign:
    """The condition ``limit > 0`` that keeps ``symbol = value`` of its declared sign near the point."""
    word = "positive" if symbol.is_positive else "nonnegative"
    relation = sympy.Gt(sympy.S.NegativeOne if limit is -sympy.oo else limit, 0, evaluate=False)
    return DeclaredSign(f"{symbol} = {sympy.sstr(value)} -> {sympy.sstr(limit)} > 0 as {var} -> {point}"
                        f" (declared {word})", relation)


def _limit_core(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, value: sympy.Expr, ctx: Context,
                active: tuple[Assumption, ...], direction: str) -> Outcome:
    prepared, stated = ctx.prepare(expr, active), ctx.prepare(value, active)
    constraints = [ctx.prepare(a.relation, active) for a in active if not a.is_equality]
    try:
        found = _limit_under(prepared, var, point, direction, constraints, ctx)
    except (NotImplementedError, ValueError, TypeError) as exc:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"SymPy cannot compute the limit {var} -> {point}: "
                                                          f"{type(exc).__name__}", finding=Finding.UNSUPPORTED))
    if found is None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"the limit {var} -> {point} exceeded its budget",
                                                   finding=Finding.BUDGET_EXCEEDED))
    found = simplified(found, ctx) or found
    if found.has(sympy.Limit, sympy.AccumBounds, sympy.nan):
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"SymPy could not evaluate the limit (got {found})",
                                                   finding=Finding.UNSUPPORTED))
    compared = _compare(found, stated, ctx, active)
    evidence = compared.evidence.with_(value=found)
    if compared.verdict is Verdict.HOLDS and not _approaches(prepared, var, point, found, ctx, constraints):
        return Outcome(Verdict.UNDECIDED, evidence.with_(reason=f"SymPy gives {found} but numeric approach disagrees",
                                                         finding=Finding.UNCONFIRMED))
    if compared.verdict is Verdict.FAILS:
        evidence = evidence.with_(reason=f"the limit is {sympy.sstr(found)}, not {sympy.sstr(stated)}",
                                  finding=Finding.DIFFERENT)
    return Outcome(compared.verdict, evidence)


def _limit_under(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, direction: str,
                 constraints: Sequence[sympy.Basic], ctx: Context) -> sympy.Expr | None:
    """The limit within the budget (None past it), computed with the active inequalities as fresh
    symbols (:func:`~symcond.prove.reparametrise.reparametrise`: ``mu > E_c`` is ``mu = E_c + d``,
    ``d > 0``) and mapped back; without them when that gives no value.

    A relation that involves ``var`` is not used: it would move the limit point.
    """
    moved = reparametrise(constraints, (expr, point), avoid={var})
    if moved.fresh:
        new_expr, new_point = moved.exprs
        try:
            found = run_with_budget(lambda: _sympy_limit(new_expr, var, new_point, direction), ctx.budget,
                                    f"limit {var} -> {point} under the stated inequalities")
        except _SYMPY_ERRORS as exc:  # SymPy cannot do it this way: try without the fresh symbols
            if not sympy_failure(exc):
                raise
            found = None
        if found is not None and not found.has(sympy.Limit, sympy.AccumBounds, sympy.nan):
            return moved.back(found)
    return run_with_budget(lambda: _sympy_limit(expr, var, point, direction), ctx.budget, f"limit {var} -> {point}")


def _sympy_limit(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, direction: str) -> sympy.Expr:
    # SymPy's limit, plus known asymptotic equivalents of special functions at +-oo.
    return asymptotics.limit(expr, var, point, direction)


def _compare(found: sympy.Expr, stated: sympy.Expr, ctx: Context, active: tuple[Assumption, ...]) -> Outcome:
    if found.is_infinite or stated.is_infinite:
        same = sympy.simplify(found - stated) == 0 if found.is_infinite and stated.is_infinite else False
        return Outcome(Verdict.HOLDS if same else Verdict.FAILS,
                       Evidence(finding=Finding.PROVED if same else Finding.DIFFERENT))
    return equality_core(found, stated, ctx, active)


def _approach_values(var: sympy.Symbol, point: sympy.Expr) -> list[sympy.Expr]:
    if point is sympy.oo:
        return [sympy.Integer(10) ** k for k in (2, 4, 8)]
    if point is -sympy.oo:
        return [-sympy.Integer(10) ** k for k in (2, 4, 8)] if not var.is_positive else []
    offset = [sympy.Integer(10) ** -k for k in (4, 8, 16)]
    return [point + d for d in offset] if var.is_positive is not True or point > 0 else offset


def _approaches(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, limit: sympy.Expr, ctx: Context,
                constraints: Sequence[sympy.Basic] = ()) -> bool:
    """The expression at points ever closer to the limit point approaches ``limit``; the other symbols
    take values satisfying the active ``constraints`` that do not involve ``var``.

    Integrals are evaluated by quadrature (:func:`~symcond.numeric.quadrature.quad_evaluate`); a
    point where it is not reliable (a Fermi window 10**4 from its band edge) is skipped, but at
    least one point must be evaluated.
    """
    kept = [c for c in constraints if var not in c.free_symbols and c not in (sympy.true, sympy.false)]
    others = set().union(expr.free_symbols, limit.free_symbols, *(c.free_symbols for c in kept)) - {var}
    base = ctx.sampler.points(others, 1, kept, "approach")
    if not base:
        return True
    errors = []
    integrals = expr.has(sympy.Integral)
    for x in _approach_values(var, point):
        at = {**base[0], var: x}
        value = quad_evaluate(expr, at, ctx.dps) if integrals else evaluate(expr, at, ctx.dps)
        target = evaluate(limit.xreplace({var: x}), at, ctx.dps)
        if value is None and integrals and target is not None:
            continue  # quadrature is not reliable this close to the point: the others must agree
        if value is None or target is None:
            return False
        scale = max(abs(target), mpmath.mpf(1)) if target != 0 else mpmath.mpf(1)
        errors.append(abs(value - target) / scale if not limit.is_infinite else 1 / (1 + abs(value)))
    if integrals and not errors:
        return False
    return not errors or (errors[-1] <= errors[0] and errors[-1] < mpmath.mpf("1e-2"))


@prover
def check_independence(expr: sympy.Expr, var: sympy.Symbol, ctx: Context) -> Outcome:
    """Decide that ``expr`` does not depend on ``var`` (d expr / d var == 0).

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Context
    >>> h, m = sympy.symbols("h m", positive=True)
    >>> check_independence((1/h) * (h/m), h, Context()).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_independence(h / m, h, Context()).evidence.residual
    1/m
    """
    return decide(lambda active: _independence_core(expr, var, ctx, active), ctx, declared_signs(ctx, (expr,)))


def _independence_core(expr: sympy.Expr, var: sympy.Symbol, ctx: Context, active: tuple[Assumption, ...]) -> Outcome:
    prepared = ctx.prepare(expr, active)
    moved = prepared.xreplace(_moved(var))
    derivative = simplified(sympy.diff(prepared, var), ctx)
    if derivative == 0:
        outcome = equality_core(prepared, moved, ctx, active)
        if outcome.verdict is Verdict.HOLDS:
            return Outcome(Verdict.HOLDS, outcome.evidence.with_(reason=f"d/d{var} simplifies to 0; confirmed",
                                                                 finding=Finding.PROVED))
        return Outcome(Verdict.UNDECIDED, outcome.evidence.with_(reason="d/dx is 0 but the numeric check disagrees",
                                                                 finding=Finding.UNCONFIRMED))
    counterexample = find_counterexample(ctx, prepared, moved, *_at_both(ctx, expr, var, active))
    if counterexample is not None:
        shown = None if derivative is None else sympy.sstr(derivative)
        return Outcome(Verdict.FAILS, Evidence(residual=derivative, counterexample=counterexample, digits=ctx.dps,
                                               reason=f"depends on {var}: d/d{var} = {shown}", finding=Finding.DEPENDS))
    return Outcome(Verdict.UNDECIDED, Evidence(residual=derivative, reason="derivative not proved 0 and no witness",
                                               finding=Finding.NO_PROOF))


def _moved(var: sympy.Symbol) -> dict[sympy.Symbol, sympy.Expr]:
    """The second point of an independence check: ``var`` moved to ``3 var + 1/7``."""
    return {var: 3 * var + sympy.Rational(1, 7)}


def _at_both(ctx: Context, expr: sympy.Expr, var: sympy.Symbol, active: tuple[Assumption, ...]
             ) -> tuple[list[sympy.Basic], list[sympy.Expr]]:
    """The active constraints and substituted values at a point and at its moved twin: a witness of
    dependence needs both points admissible."""
    constraints = [ctx.prepare(a.relation, active) for a in active if not a.is_equality]
    domain = [ctx.prepare(value, active) for _, value in substituted(ctx, (expr,), active)]
    move = _moved(var)
    return [*constraints, *(c.xreplace(move) for c in constraints)], [*domain, *(d.xreplace(move) for d in domain)]
