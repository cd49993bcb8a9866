"""Deciding a derivation: every step on its own, the first broken step named.

>>> import sympy
>>> from symcond.model.derivation import Derivation, Step
>>> from symcond.rules.base import Rewrite, Substitute
>>> a, b = sympy.symbols("a b", positive=True)
>>> d = Derivation(id="demo:eq1", where="Eq. (1)", start=a * b / b,
...                steps=[Step(a * 2 / 2, Rewrite()), Step(b, Substitute({a: b}))])
>>> decide_derivation(d).verdict, [s.verdict.value for s in check_steps(d)]
(<Verdict.HOLDS: 'holds'>, ['holds', 'holds'])
"""

from __future__ import annotations

from symcond.budget import stage
from symcond.model.context import Context
from symcond.model.derivation import Derivation
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.prove.steps import check_step

__all__ = ["check_steps", "decide_derivation"]


def check_steps(claim: Derivation, ctx: Context | None = None) -> list[Outcome]:
    """Each step of ``claim`` decided on its own against its predecessor."""
    ctx = ctx if ctx is not None else Context(givens=claim.givens)
    exprs = claim.expressions()
    outcomes = []
    for i, step in enumerate(claim.steps):
        with stage(f"step {i + 1} ({step.rule.describe()})"):
            outcomes.append(check_step(step.rule, exprs[i], step.expr, ctx))
    return outcomes


def decide_derivation(claim: Derivation, ctx: Context | None = None) -> Outcome:
    """``holds`` when every step does (``holds-under`` when a step applies a stated assumption)."""
    ctx = ctx if ctx is not None else Context(givens=claim.givens)
    outcomes = check_steps(claim, ctx)
    for index, outcome in enumerate(outcomes, start=1):
        if not outcome.passed:
            rule = claim.steps[index - 1].rule.describe()
            return Outcome(outcome.verdict, outcome.evidence.with_(
                step=index, reason=f"step {index} ({rule}): {outcome.evidence.reason}"))
    conditions = claim.conditions
    checked = "the step checks" if len(outcomes) == 1 else f"all {len(outcomes)} steps check"
    evidence = Evidence(conditions=conditions, numeric_points=sum(o.evidence.numeric_points for o in outcomes),
                        digits=ctx.dps, reason=checked,
                        finding=Finding.CONDITIONAL if conditions else Finding.PROVED)
    return Outcome(Verdict.HOLDS_UNDER if conditions else Verdict.HOLDS, evidence)
