"""``decide(claim, context)``: the verdict of any claim, dispatched on its kind.

>>> import sympy
>>> from symcond.model.claims import Equality
>>> y = sympy.Symbol("y", positive=True)
>>> decide(Equality(2 * y, y, id="demo:eq1")).evidence.ratio
2
"""

from __future__ import annotations

from collections.abc import Callable

from symcond.errors import DefinitionError
from symcond.model.claims import (
    Asymptotic,
    Claim,
    DimensionClaim,
    Equality,
    EqualityIff,
    Independence,
    Inequality,
    Limit,
    NumericValue,
)
from symcond.model.context import Context
from symcond.model.data import DataValue
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.solver_claims import KineticClaim
from symcond.model.verdict import Outcome
from symcond.prove.derivation import decide_derivation
from symcond.prove.equality import check_equality
from symcond.prove.iff import check_equality_iff
from symcond.prove.inequality import check_inequality
from symcond.prove.limits import check_asymptotic, check_independence, check_limit
from symcond.prove.premises import check_data, decide_premise
from symcond.prove.values import check_dimension, check_numeric_value
from symcond.usercode import reported

__all__ = ["decide"]


def _equality(c: Equality, ctx: Context) -> Outcome:
    return check_equality(c.lhs, c.rhs, ctx)


def _inequality(c: Inequality, ctx: Context) -> Outcome:
    return check_inequality(c.lhs, c.rhs, ctx, c.strict, greater=c.greater)


def _iff(c: EqualityIff, ctx: Context) -> Outcome:
    return check_equality_iff(c.lhs, c.rhs, c.condition, ctx)


def _limit(c: Limit, ctx: Context) -> Outcome:
    return check_limit(c.expr, c.var, c.point, c.value, ctx, c.direction)


def _asymptotic(c: Asymptotic, ctx: Context) -> Outcome:
    return check_asymptotic(c.expr, c.var, c.point, c.value, ctx, c.direction)


def _independence(c: Independence, ctx: Context) -> Outcome:
    return check_independence(c.expr, c.var, ctx)


def _value(c: NumericValue, ctx: Context) -> Outcome:
    return check_numeric_value(c.expr, c.stated, ctx, c.unit)


def _dimension(c: DimensionClaim, ctx: Context) -> Outcome:
    return check_dimension(c.expr, c.dimension, ctx)


def _kinetic(c: KineticClaim, ctx: Context) -> Outcome:
    from symcond.prove.solver_claims import check_kinetic  # NumPy and the kinetic solver: for these claims only

    return check_kinetic(c, ctx)


#: Claim class -> its decision procedure (exact classes: Asymptotic is not decided as a Limit).
DECIDERS: dict[type, Callable[..., Outcome]] = {
    Equality: _equality, Inequality: _inequality, EqualityIff: _iff, Limit: _limit, Asymptotic: _asymptotic,
    Independence: _independence, NumericValue: _value, DimensionClaim: _dimension, Derivation: decide_derivation,
    KineticClaim: _kinetic, DataValue: check_data,
}


def decide(claim: Claim, context: Context | Paper | None = None) -> Outcome:
    """The verdict of ``claim``: in ``context``, in its paper's context, or with the claim's givens only.

    Raises
    ------
    UserCodeError
        When code of a derivation file raises while the claim is decided (an ``eval`` or
        ``_sympystr`` of its own SymPy function): one line naming the file and the claim.
    """
    if isinstance(context, Paper):
        context = context.context(claim)
    ctx = context if context is not None else Context(givens=claim.givens)
    decider = next((DECIDERS[k] for k in type(claim).__mro__ if k in DECIDERS), None)
    if decider is None:
        raise DefinitionError(f"no decision procedure for claims of type {type(claim).__name__}")
    with reported(f"while deciding {claim.id}"):
        if claim.role.verdict is not None and not isinstance(claim, DataValue):
            return decide_premise(claim, ctx, decider)
        return decider(claim, ctx)
