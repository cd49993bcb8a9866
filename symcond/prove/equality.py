"""Equality claims: lhs == rhs, proved symbolically and confirmed numerically."""

from __future__ import annotations

import sympy

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.prove.admissible import declared_signs, side_conditions, substituted
from symcond.prove.boundary import prover
from symcond.prove.common import agree_everywhere, decide, dimension_evidence, find_counterexample, simplified
from symcond.rules.kernels import evaluate_kernels

__all__ = ["check_equality", "equality_core"]


@prover
def check_equality(lhs: sympy.Expr, rhs: sympy.Expr, ctx: Context) -> Outcome:
    """Decide ``lhs == rhs`` in ``ctx``.

    ``holds`` needs a symbolic proof (the simplified difference is 0 or the ratio is 1)
    confirmed at ``ctx.points`` random points with ``ctx.dps`` digits; ``fails`` carries
    the exact ratio, the residual and a numeric counterexample; otherwise ``undecided``.

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Context
    >>> x = sympy.Symbol("x", positive=True)
    >>> check_equality((x + 1)**2, x**2 + 2*x + 1, Context()).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_equality(2 * x, x, Context()).evidence.ratio
    2
    """
    return decide(lambda active: equality_core(lhs, rhs, ctx, active), ctx, declared_signs(ctx, (lhs, rhs)))


def equality_core(lhs: sympy.Expr, rhs: sympy.Expr, ctx: Context, active: tuple[Assumption, ...]) -> Outcome:
    """The equality check with a fixed set of active assumptions."""
    left, right = ctx.prepare(lhs, active), ctx.prepare(rhs, active)
    constraints = side_conditions(ctx, [ctx.prepare(a.relation, active) for a in active if not a.is_equality])
    domain = side_conditions(ctx, [ctx.prepare(value, active) for _, value in substituted(ctx, (lhs, rhs), active)])
    evidence, mismatch = dimension_evidence(ctx, left, right)
    closed = run_with_budget(lambda: _closed(left, right), ctx.budget, "integrals in closed form")
    closed_left, closed_right, used = closed if closed is not None else (left, right, "")
    residual = simplified(closed_left - closed_right, ctx)
    if residual == 0 and mismatch is None:
        return _confirm(ctx, left, right, constraints, domain, evidence, f"the difference simplifies to 0{used}")
    ratio = simplified(closed_left / closed_right, ctx) if closed_right != 0 else None
    if ratio == 1 and mismatch is None:
        return _confirm(ctx, left, right, constraints, domain, evidence, f"the ratio simplifies to 1{used}")
    evidence = evidence.with_(ratio=ratio, residual=residual)
    if mismatch is not None:
        return Outcome(Verdict.FAILS, evidence.with_(reason=mismatch))
    counterexample = find_counterexample(ctx, left, right, constraints, domain)
    if counterexample is not None:
        finding, reason = _failure(ratio)
        return Outcome(Verdict.FAILS, evidence.with_(counterexample=counterexample, reason=reason, digits=ctx.dps,
                                                    finding=finding))
    timed_out = residual is None or ratio is None
    why = "simplification exceeded its budget" if timed_out else "no symbolic proof found"
    count, problem = agree_everywhere(ctx, left, right, constraints, domain)
    agreement = f"the sides agree numerically at {count} points" if count else problem
    return Outcome(Verdict.UNDECIDED, evidence.with_(
        reason=f"{why}; {agreement}", numeric_points=count, digits=ctx.dps,
        finding=Finding.BUDGET_EXCEEDED if timed_out else Finding.NO_PROOF))


def _closed(left: sympy.Expr, right: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr, str]:
    """Both sides with integrals of the statistical kernels in closed form, and a note naming them.

    Only the symbolic proof uses the closed forms; the numeric confirmation evaluates the
    integrals as printed, by quadrature.
    """
    closed_left, on_left = evaluate_kernels(left)
    closed_right, on_right = evaluate_kernels(right)
    used = sorted(set(on_left + on_right))
    if not used:
        return left, right, ""
    closed_left, closed_right = (side.rewrite(sympy.polylog) for side in (closed_left, closed_right))
    return closed_left, closed_right, f" (evaluating {' and '.join(used)})"


def _confirm(ctx: Context, left: sympy.Expr, right: sympy.Expr, constraints: list[sympy.Basic],
             domain: list[sympy.Expr], evidence: Evidence, proof: str) -> Outcome:
    count, problem = agree_everywhere(ctx, left, right, constraints, domain)
    if problem is not None:
        return Outcome(Verdict.UNDECIDED, evidence.with_(reason=f"{proof} but {problem}", digits=ctx.dps,
                                                         finding=Finding.UNCONFIRMED))
    return Outcome(Verdict.HOLDS, evidence.with_(
        reason=f"{proof}; confirmed at {count} points with {ctx.dps} digits", numeric_points=count,
        digits=ctx.dps, finding=Finding.PROVED))


def _failure(ratio: sympy.Expr | None) -> tuple[Finding, str]:
    """The finding and reason of a refuted equality: a constant factor only when the ratio is a
    number in closed form (an unevaluated integral is "a number" to SymPy but says nothing)."""
    if ratio is not None and ratio.is_number and not ratio.has(sympy.Integral, sympy.Sum, sympy.Limit,
                                                               sympy.Derivative):
        return Finding.CONSTANT_FACTOR, f"the sides differ by the constant factor lhs/rhs = {sympy.sstr(ratio)}"
    return Finding.DIFFERENT, "the sides differ (see ratio and counterexample)"
