"""Premises: what a paper takes as given -- postulates, definitions and data -- checked, not derived.

A postulate or a definition is run through the check of its kind (an inequality, an
equality, a dimension); only a refutation (a dimension mismatch, a contradiction of the
stated assumptions) turns it into ``fails``.  Otherwise its verdict is its role's class,
with what the check found in the reason.  A datum is checked for the dimension of its unit
and the quantities it implies are computed from it.

>>> import sympy
>>> from symcond.model.claims import Inequality
>>> from symcond.model.context import Context
>>> x = sympy.Symbol("x", positive=True)
>>> outcome = decide_premise(Inequality(x, 2 * x, id="demo:eq1", role="postulate"), Context(),
...                          lambda c, ctx: Outcome(Verdict.HOLDS, Evidence(reason="2x - x = x > 0")))
>>> outcome.verdict.value, outcome.evidence.reason
('postulate', 'a postulate of the paper, taken as given; its check: holds (2x - x = x > 0)')
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy

from symcond.errors import DefinitionError, DimensionError
from symcond.model.claims import Claim, Inequality, Role
from symcond.model.context import Context
from symcond.model.data import DataValue
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict, number, show_expr
from symcond.numeric.sampling import evaluate
from symcond.prove.boundary import prover
from symcond.prove.inequality import check_inequality

__all__ = ["decide_premise", "check_data"]

_ARTICLE = {Role.POSTULATE: "a postulate", Role.DEFINITION: "a definition", Role.DATA: "data"}


def decide_premise(claim: Claim, ctx: Context, check: Callable[[Claim, Context], Outcome]) -> Outcome:
    """The verdict of a postulate or definition: ``check`` (the decision of its kind), then its role's class.

    * A refutation of the premise itself stands (``fails``): its dimensions differ, its sides differ by a
      constant factor (never equal), a definition disagrees with the givens, or a postulate contradicts
      the stated assumptions (its negation holds under them).
    * A postulate the check refutes only by a point is not implied by the stated assumptions -- which is
      what a postulate is: its verdict is ``postulate``, and the reason says so.
    * A check that did not finish (a budget, assumptions that contradict each other) stays ``undecided``,
      so that it shows as unexpected; otherwise the role's verdict, the check's result in the reason.
    """
    outcome = check(claim, ctx)
    verdict = claim.role.verdict
    if verdict is None:
        return outcome
    found, article = outcome.evidence, _ARTICLE[claim.role]
    if outcome.verdict is Verdict.UNDECIDED:
        return Outcome(Verdict.UNDECIDED, found.with_(reason=f"{article} of the paper, not checked: {found.reason}"))
    if outcome.verdict is Verdict.FAILS:
        refutation = _refutation(claim, ctx, outcome)
        if refutation is not None:
            return Outcome(Verdict.FAILS, found.with_(reason=f"{article} of the paper, refuted: {refutation}"))
        reason = f"{article} of the paper, taken as given; not implied by the stated assumptions ({found.reason})"
        return Outcome(verdict, found.with_(reason=reason, residual=None))
    reason = f"{article} of the paper, taken as given; its check: {outcome.verdict.value}"
    # the residual of a prover's inner check (an inequality's slack) says nothing about a premise
    return Outcome(verdict, found.with_(reason=f"{reason} ({found.reason})" if found.reason else reason,
                                        residual=None))


_REFUTING = (Finding.DIMENSION_MISMATCH, Finding.DIMENSION_INCONSISTENT, Finding.CONSTANT_FACTOR)


def _refutation(claim: Claim, ctx: Context, outcome: Outcome) -> str | None:
    """Why a failed check refutes the premise itself, or None when it only shows the premise is not derived."""
    if outcome.evidence.finding in _REFUTING or claim.role is Role.DEFINITION:
        return outcome.evidence.reason
    if isinstance(claim, Inequality):
        negation = check_inequality(claim.lhs, claim.rhs, ctx, not claim.strict, greater=not claim.greater)
        if negation.verdict in (Verdict.HOLDS, Verdict.HOLDS_UNDER):
            return f"it contradicts the stated assumptions: its negation holds ({negation.evidence.reason})"
    return None


@prover
def check_data(claim: DataValue, ctx: Context) -> Outcome:
    """A datum: its unit has the dimension of its quantity, and what it implies, computed with CODATA values.

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.context import Context
    >>> ctx = Context()
    >>> D = ctx.registry.declare("D_n", "length**2/time", "diffusion coefficient")
    >>> e, k_B, T = ctx.registry.symbols("e k_B T")
    >>> datum = DataValue(D, "3.5e-3 m^2/s", implies={"mu": e * D / (k_B * T)}, id="demo:text.D")
    >>> outcome = check_data(datum, Context(registry=ctx.registry, givens={T: sympy.Integer(300)}))
    >>> outcome.verdict.value
    'data'
    >>> print(outcome.evidence.reason)
    external data: 3.5e-3 m^2/s, the dimension of its quantity (m^2/s); implies mu = 0.135386 m^2/(V s)
    """
    _, unit = claim.printed()
    evidence = Evidence(value=claim.si_value(), rhs_dimension=unit.dimension, digits=ctx.dps)
    try:
        found = ctx.dimension(ctx.prepare(claim.quantity))
    except DimensionError as exc:
        return Outcome(Verdict.FAILS, evidence.with_(reason=f"dimensionally inconsistent: {exc}",
                                                     finding=Finding.DIMENSION_INCONSISTENT))
    evidence = evidence.with_(lhs_dimension=found)
    if found is not None and found != unit.dimension:
        return Outcome(Verdict.FAILS, evidence.with_(
            reason=f"dimension mismatch: {claim.quantity} is {found.unit_name()} but the datum's unit is "
                   f"{unit.dimension.unit_name()}", finding=Finding.DIMENSION_MISMATCH))
    value = claim.si_value()
    if (claim.quantity.is_positive and value <= 0) or (claim.quantity.is_nonnegative and value < 0):
        sign = "positive" if claim.quantity.is_positive else "non-negative"
        why = f"the datum {claim.stated} is not {sign}, as {claim.quantity} is declared"
        return Outcome(Verdict.FAILS, evidence.with_(reason=why, finding=Finding.DIFFERENT))
    what = "no declared dimension" if found is None else f"the dimension of its quantity ({found.unit_name()})"
    implied = "; ".join(_implied(claim, name, expr, ctx) for name, expr in claim.implies)
    reason = f"external data: {claim.stated}, {what}" + (f"; implies {implied}" if implied else "")
    return Outcome(Verdict.DATA, evidence.with_(reason=reason, finding=Finding.AGREES))


def _implied(claim: DataValue, name: str, expr: sympy.Expr, ctx: Context) -> str:
    """``name = value unit``: ``expr`` with the datum in place of the quantity, the givens and CODATA values."""
    prepared = ctx.prepare(expr.xreplace({claim.quantity: claim.si_value()}))
    values = {s: sympy.Rational(v) for s, v in ctx.registry.values().items()}
    missing = sorted(s.name for s in prepared.free_symbols if s not in values)
    if missing:
        raise DefinitionError(f"claim {claim.id!r}: no value for {', '.join(missing)} in the implied {name}")
    value = evaluate(prepared, values, ctx.dps)
    if not isinstance(value, mpmath.mpf):
        raise DefinitionError(f"claim {claim.id!r}: the implied {name} is not a real number")
    try:
        dimension = ctx.dimension(expr)  # of the expression as written: the SI numbers have none
    except DimensionError as exc:
        raise DefinitionError(f"claim {claim.id!r}: the implied {name} is dimensionally inconsistent: {exc}") from exc
    unit = "" if dimension is None or dimension.is_dimensionless else f" {dimension.unit_name()}"
    return f"{name} = {show_expr(number(value, ctx.dps), 6)}{unit}"
