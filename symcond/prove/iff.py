""""Equality exactly when": lhs == rhs if and only if a stated condition holds."""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symcond.budget import run_with_budget
from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.numeric.sampling import differ, evaluate
from symcond.prove.admissible import admissible, as_reported, declared_signs, sign_condition, substituted
from symcond.prove.boundary import prover
from symcond.prove.common import decide, find_counterexample, witness
from symcond.prove.equality import equality_core

__all__ = ["check_equality_iff"]


@prover
def check_equality_iff(lhs: sympy.Expr, rhs: sympy.Expr, condition: sympy.Equality, ctx: Context) -> Outcome:
    """Decide that ``lhs == rhs`` exactly when ``condition`` (an equation in one unknown) holds.

    The equation lhs = rhs is solved for the condition's left symbol over the positive
    reals; the claim holds when the solution set equals the condition's (both ways), and
    the equality is confirmed numerically on the condition.  It fails only with a
    counterexample that satisfies every active assumption and keeps every given finite
    (re-checked as reported at ``2 * dps`` digits): a point of the condition where the sides
    differ, or, when they are equal identically, a point off the condition.

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Context
    >>> a, b = sympy.symbols("a b", positive=True)
    >>> check_equality_iff(2*a/(a + b), sympy.Integer(1), sympy.Eq(a, b), Context()).verdict
    <Verdict.HOLDS: 'holds'>
    >>> check_equality_iff(a/(a + b), sympy.Integer(1), sympy.Eq(a, b), Context()).verdict
    <Verdict.FAILS: 'fails'>
    """
    prepared = ctx.prepare(condition)
    if not _is_equation(prepared):
        raise DefinitionError(f"the condition of an 'exactly when' claim must be an equation symbol = expression "
                              f"that can hold for positive symbols (got {prepared})")
    implicit = declared_signs(ctx, (lhs, rhs, condition))
    return decide(lambda active: _core(lhs, rhs, condition, ctx, active), ctx, implicit)


def _is_equation(condition: sympy.Basic) -> bool:
    return isinstance(condition, sympy.Equality) and condition.lhs.is_Symbol


def _core(lhs: sympy.Expr, rhs: sympy.Expr, condition: sympy.Equality, ctx: Context,
          active: tuple[Assumption, ...]) -> Outcome:
    left, right = ctx.prepare(lhs, active), ctx.prepare(rhs, active)
    condition = ctx.prepare(condition, active)
    if not _is_equation(condition):  # a stated equality fixed its symbol: the claim says nothing here
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"the assumptions in force make the condition {condition}"))
    unknown = condition.lhs
    points = _Points(ctx, [ctx.prepare(a.relation, active) for a in active if not a.is_equality],
                     [ctx.prepare(v, active) for _, v in substituted(ctx, (lhs, rhs, condition), active)])
    if sympy.simplify(sympy.numer(sympy.together(left - right))) == 0:
        return _identity(points, left, right, condition)
    wanted = set(_solve(condition.lhs - condition.rhs, unknown, ctx) or [])
    found = _solve(left - right, unknown, ctx)
    if found is None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=f"solving for {unknown} exceeded its budget",
                                                   finding=Finding.BUDGET_EXCEEDED))
    solutions = {sympy.simplify(s) for s in found}
    if solutions != wanted:
        return _other_solutions(points, left, right, condition, solutions)
    if not wanted:  # the solver found no solution of either; that is not a proof that none exists
        return Outcome(Verdict.UNDECIDED, Evidence(finding=Finding.NO_PROOF, reason=(
            f"neither lhs = rhs nor {condition.lhs} = {condition.rhs} has a positive solution SymPy can find")))
    confirmed = equality_core(left.xreplace({unknown: condition.rhs}), right.xreplace({unknown: condition.rhs}),
                              ctx, active)
    if confirmed.verdict is not Verdict.HOLDS:
        return Outcome(Verdict.UNDECIDED, confirmed.evidence)
    return Outcome(Verdict.HOLDS, confirmed.evidence.with_(
        reason=f"the only positive solution of lhs = rhs is {unknown} = {condition.rhs}; confirmed",
        finding=Finding.PROVED))


@dataclass(frozen=True)
class _Points:
    """Where a counterexample may lie: the active ``constraints`` hold and the ``domain`` values are finite."""

    ctx: Context
    constraints: list[sympy.Basic]
    domain: list[sympy.Expr]

    def on(self, condition: sympy.Equality) -> _Points:
        """The same restrictions on the condition: its symbol replaced, which must keep its declared sign."""
        replace = {condition.lhs: condition.rhs}
        sign = sign_condition(condition.lhs, condition.rhs)
        return _Points(self.ctx, [*(c.xreplace(replace) for c in self.constraints),
                                  *([] if sign is None else [sign.relation])],
                       [d.xreplace(replace) for d in self.domain])


def _other_solutions(points: _Points, left: sympy.Expr, right: sympy.Expr, condition: sympy.Equality,
                     solutions: set[sympy.Expr]) -> Outcome:
    """SymPy's solutions are not the condition's: fails at an admissible point of the condition where the
    sides differ, else undecided (the solutions alone may be spurious or break an assumption)."""
    unknown = condition.lhs
    claim = f"lhs = rhs exactly when {unknown} is in {sorted(map(str, solutions))}, not when {condition}"
    on = points.on(condition)
    replace = {unknown: condition.rhs}
    witness = find_counterexample(points.ctx, left.xreplace(replace), right.xreplace(replace), on.constraints,
                                  on.domain)
    if witness is not None:
        return Outcome(Verdict.FAILS, Evidence(counterexample=witness, reason=claim, digits=points.ctx.dps,
                                               finding=Finding.CONDITION_MISMATCH))
    return Outcome(Verdict.UNDECIDED, Evidence(reason=(
        f"by SymPy's solutions {claim}, but no admissible point with {unknown} = {condition.rhs} where the sides "
        "differ was found")))


def _identity(points: _Points, left: sympy.Expr, right: sympy.Expr, condition: sympy.Equality) -> Outcome:
    """lhs = rhs identically: fails at an admissible point off the condition where both sides are finite."""
    unknown, ctx = condition.lhs, points.ctx
    symbols = set().union(left.free_symbols, right.free_symbols, condition.free_symbols,
                          *(c.free_symbols for c in points.constraints))
    for point in ctx.sampler.points(symbols, ctx.search_points, points.constraints, "identity"):
        shown = as_reported(point)
        if shown is not None and differ(unknown, condition.rhs, shown, ctx.dps) \
                and admissible(shown, points.constraints, points.domain, ctx.dps) \
                and None not in (evaluate(left, shown, 2 * ctx.dps), evaluate(right, shown, 2 * ctx.dps)):
            return Outcome(Verdict.FAILS, Evidence(counterexample=witness(shown, left, right), digits=ctx.dps,
                                                   finding=Finding.CONDITION_MISMATCH, reason=(
                f"lhs = rhs for every value of {unknown}, not only when {unknown} = {condition.rhs}")))
    return Outcome(Verdict.UNDECIDED, Evidence(reason=(
        f"lhs - rhs simplifies to 0, but no admissible point with {unknown} != {condition.rhs} was found")))


def _solve(expr: sympy.Expr, unknown: sympy.Symbol, ctx: Context) -> list[sympy.Expr] | None:
    def work() -> list[sympy.Expr]:
        numerator = sympy.numer(sympy.together(expr))
        return [s for s in sympy.solve(numerator, unknown) if s.is_positive is not False]

    return run_with_budget(work, ctx.budget, f"solving for {unknown}")
