""""Equality exactly when": lhs == rhs if and only if a stated condition holds."""

from __future__ import annotations

import sympy

from symcond.budget import run_with_budget
from symcond.context import Assumption, Context
from symcond.errors import DefinitionError
from symcond.prove.admissible import declared_signs
from symcond.prove.boundary import prover
from symcond.prove.common import decide, find_counterexample
from symcond.prove.equality import equality_core
from symcond.verdict import Evidence, Outcome, Verdict

__all__ = ["check_equality_iff"]


@prover
def check_equality_iff(lhs: sympy.Expr, rhs: sympy.Expr, condition: sympy.Equality, ctx: Context) -> Outcome:
    """Decide that ``lhs == rhs`` exactly when ``condition`` (an equation in one unknown) holds.

    The equation lhs = rhs is solved for the condition's left symbol over the positive
    reals; the claim holds when the solution set equals the condition's (both ways), and
    the equality is confirmed numerically on the condition.

    Examples
    --------
    >>> import sympy
    >>> from symcond.context import Context
    >>> a, b = sympy.symbols("a b", positive=True)
    >>> check_equality_iff(2*a/(a + b), sympy.Integer(1), sympy.Eq(a, b), Context()).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_equality_iff(a/(a + b), sympy.Integer(1), sympy.Eq(a, b), Context()).verdict
    <Verdict.FAILS: 'fails'>
    """
    implicit = declared_signs(ctx, (lhs, rhs, condition))
    return decide(lambda active: _core(lhs, rhs, condition, ctx, active), ctx, implicit)


def _core(lhs: sympy.Expr, rhs: sympy.Expr, condition: sympy.Equality, ctx: Context,
          active: tuple[Assumption, ...]) -> Outcome:
    left, right = ctx.prepare(lhs, active), ctx.prepare(rhs, active)
    condition = ctx.prepare(condition, active)
    if not isinstance(condition, sympy.Equality) or not condition.lhs.is_Symbol:
        raise DefinitionError(f"the condition of an 'exactly when' claim must be an equation symbol = expression "
                              f"that can hold for positive symbols (got {condition})")
    unknown = condition.lhs
    if sympy.simplify(sympy.numer(sympy.together(left - right))) == 0:
        return Outcome(Verdict.FAILS, Evidence(reason=(
            f"lhs = rhs for every value of {unknown}, not only when {condition.lhs} = {condition.rhs}")))
    wanted = set(_solve(condition.lhs - condition.rhs, unknown, ctx) or [])
    found = _solve(left - right, unknown, ctx)
    if found is None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"solving for {unknown} exceeded its budget"))
    solutions = {sympy.simplify(s) for s in found}
    if solutions != wanted:
        on_condition = {unknown: condition.rhs}
        witness = find_counterexample(ctx, left.xreplace(on_condition), right.xreplace(on_condition))
        return Outcome(Verdict.FAILS, Evidence(counterexample=witness, reason=(
            f"lhs = rhs exactly when {unknown} is in {sorted(map(str, solutions))}, not when {condition}")))
    if not wanted:  # the solver found no solution of either; that is not a proof that none exists
        return Outcome(Verdict.UNDECIDED, Evidence(reason=(
            f"neither lhs = rhs nor {condition.lhs} = {condition.rhs} has a positive solution SymPy can find")))
    confirmed = equality_core(left.xreplace({unknown: condition.rhs}), right.xreplace({unknown: condition.rhs}),
                              ctx, active)
    if confirmed.verdict is not Verdict.HOLDS:
        return Outcome(Verdict.UNDECIDED, confirmed.evidence)
    return Outcome(Verdict.HOLDS, confirmed.evidence.with_(
        reason=f"the only positive solution of lhs = rhs is {unknown} = {condition.rhs}; confirmed"))


def _solve(expr: sympy.Expr, unknown: sympy.Symbol, ctx: Context) -> list[sympy.Expr] | None:
    def work() -> list[sympy.Expr]:
        numerator = sympy.numer(sympy.together(expr))
        return [s for s in sympy.solve(numerator, unknown) if s.is_positive is not False]

    return run_with_budget(work, ctx.budget, f"solving for {unknown}")
