"""Deciding one step of a derivation: the stated expression against what its rule produces.

The rules (:mod:`symcond.rules`) are data; this module knows how each kind is checked:

* most rules: the rule's result (computed under the budget) must equal the stated step, in a
  context with the claim's givens plus the rule's own definitions and no stated assumptions;
* :class:`~symcond.rules.base.Expand`: the step is asymptotically equivalent to the previous one;
* integral rules (:mod:`symcond.rules.integrals`): normal forms compared symbolically and the
  stated step confirmed against the *previous* expression by quadrature.

>>> import sympy
>>> from symcond.model.context import Context
>>> from symcond.rules.base import Rewrite, Substitute
>>> a, b = sympy.symbols("a b", positive=True)
>>> check_step(Rewrite(), 2 * a / 2, a, Context()).verdict
<Verdict.HOLDS: 'holds'>
>>> check_step(Substitute({a: b}), a + 1, b + 1, Context()).verdict
<Verdict.HOLDS: 'holds'>
"""

from __future__ import annotations

import sympy

from symcond.budget import run_with_budget
from symcond.model.context import Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.numeric.quadrature import quad_disagreement
from symcond.prove.common import dimension_evidence, simplified
from symcond.prove.equality import check_equality
from symcond.prove.limits import check_asymptotic
from symcond.rules.base import Expand, Rule
from symcond.rules.integrals import IntegralRule, Recognize, defined_by_integrals, normal_form

__all__ = ["check_step", "QUADRATURE_POINTS"]

#: Number of sampled points at which an integral step is confirmed by quadrature.
QUADRATURE_POINTS = 3


def check_step(rule: Rule, previous: sympy.Expr, stated: sympy.Expr, ctx: Context) -> Outcome:
    """Decide whether ``stated`` follows from ``previous`` by ``rule``."""
    if isinstance(rule, Expand):
        return check_asymptotic(previous, rule.var, rule.point, stated, ctx.with_assumptions(()))
    if isinstance(rule, Recognize):
        return _check_recognize(rule, previous, stated, ctx)
    expected = _result(rule, previous, ctx)
    if isinstance(expected, Outcome):
        return expected
    if isinstance(rule, IntegralRule):
        return _compare_integrals(stated, previous, stated, expected, ctx)
    return check_equality(stated, expected, step_context(rule, ctx))


def step_context(rule: Rule, ctx: Context) -> Context:
    """The context of a step: the claim's givens and the rule's definitions, no stated assumptions."""
    extra = rule.definitions_used()
    if not extra:
        return ctx.with_assumptions(())
    return Context(ctx.registry, {**ctx.givens, **extra}, (), ctx.budget, ctx.dps, ctx.points,
                   ctx.search_points, ctx.sampler)


def _result(rule: Rule, previous: sympy.Expr, ctx: Context) -> sympy.Expr | Outcome:
    """The rule's result under the budget, or the undecided outcome that says why there is none."""
    try:
        expected = run_with_budget(lambda: rule.apply(previous), ctx.budget, rule.describe())
    except (NotImplementedError, ValueError, TypeError) as exc:
        return Outcome(Verdict.UNDECIDED, Evidence(
            reason=f"SymPy cannot carry out {rule.describe()}: {type(exc).__name__}", finding=Finding.UNSUPPORTED))
    if expected is None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"{rule.describe()} exceeded its budget",
                                                   finding=Finding.BUDGET_EXCEEDED))
    return expected


def _check_recognize(rule: Recognize, previous: sympy.Expr, stated: sympy.Expr, ctx: Context) -> Outcome:
    evaluate = not previous.has(sympy.Integral)
    defined = run_with_budget(lambda: defined_by_integrals(stated, evaluate), ctx.budget, rule.describe())
    if defined is None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"{rule.describe()} exceeded its budget",
                                                   finding=Finding.BUDGET_EXCEEDED))
    return _compare_integrals(stated, previous, defined, previous, ctx)


def _compare_integrals(stated: sympy.Expr, previous: sympy.Expr, left: sympy.Expr, right: sympy.Expr,
                       ctx: Context) -> Outcome:
    """Symbolic: the normal forms of ``left`` and ``right`` agree.  Numeric: ``stated`` and
    ``previous`` (not the rule's own result) agree by quadrature at sampled points."""
    prepared = [ctx.prepare(side) for side in (stated, left, right, previous)]
    evidence, mismatch = dimension_evidence(ctx, prepared[0], prepared[3])
    if mismatch is not None:
        return Outcome(Verdict.FAILS, evidence.with_(reason=mismatch))
    agreed, witness = quad_disagreement(ctx, prepared[0], prepared[3], QUADRATURE_POINTS)
    evidence = evidence.with_(numeric_points=agreed, digits=ctx.dps)
    if witness is not None:
        return Outcome(Verdict.FAILS, evidence.with_(
            counterexample=witness, reason="the step and the previous expression differ numerically",
            finding=Finding.DIFFERENT))
    proof = run_with_budget(lambda: _proof(normal_form(prepared[1]), normal_form(prepared[2]), ctx), ctx.budget,
                            "comparing normal forms")
    if proof is None or agreed == 0:
        why = "no symbolic proof found" if proof is None else "no point could be evaluated by quadrature"
        return Outcome(Verdict.UNDECIDED, evidence.with_(reason=f"{why}; the sides agree at {agreed} points",
                                                         finding=Finding.NO_PROOF))
    return Outcome(Verdict.HOLDS, evidence.with_(
        reason=f"{proof}; confirmed by quadrature at {agreed} points with {ctx.dps} digits", finding=Finding.PROVED))


def _proof(left: sympy.Expr, right: sympy.Expr, ctx: Context) -> str | None:
    if simplified(left - right, ctx) == 0:
        return "the normal forms agree"
    if right != 0 and simplified(left / right, ctx) == 1:
        return "the normal forms have ratio 1"
    return None
