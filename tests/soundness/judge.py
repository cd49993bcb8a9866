"""The numeric truth of a claim (or of a mutant) of each kind, from :mod:`tests.soundness.oracle`.

``judge(paper, claim, assumptions)`` returns the :class:`~tests.soundness.oracle.Truth` of
the claim under the named stated assumptions (none by default).  A mutated derivation step is judged
against the unmutated step in that step's context (``judge_mutant``): the original chain
is the paper's, established by the ledger, so a step that differs from it cannot follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

import mpmath
import sympy

from symcond.model.claims import Claim, ClaimKind
from symcond.model.paper import Paper
from symcond.rules.base import Assume, Substitute
from tests.mutate import Mutant
from tests.soundness.oracle import (
    DIGITS,
    Setting,
    Truth,
    compare,
    compile_expr,
    ordered,
    prepared,
    setting,
    value_at,
)

__all__ = ["judge", "judge_mutant", "usable"]

_FAR = (sympy.Integer(10) ** 4, sympy.Integer(10) ** 8, sympy.Integer(10) ** 16)
_NEAR = (sympy.Integer(10) ** -5, sympy.Integer(10) ** -10, sympy.Integer(10) ** -20)


def _equality(claim: Claim, where: Setting) -> Truth:
    return compare(claim.lhs, claim.rhs, where)  # type: ignore[attr-defined]


def _inequality(claim: Claim, where: Setting) -> Truth:
    return ordered(claim.lhs, claim.rhs, claim.strict, where)  # type: ignore[attr-defined]


def _iff(claim: Claim, where: Setting) -> Truth:
    condition = prepared(claim.condition, where.subs)  # type: ignore[attr-defined]
    if not isinstance(condition, sympy.Equality) or not condition.lhs.is_Symbol:
        return Truth.UNKNOWN
    left, right = prepared(claim.lhs, where.subs), prepared(claim.rhs, where.subs)  # type: ignore[attr-defined]
    on = {condition.lhs: condition.rhs}
    there = compare(left.xreplace(on), right.xreplace(on), where)
    if there is Truth.REFUTED or compare(left, right, where) is Truth.CONSISTENT:
        return Truth.REFUTED  # not equal on the condition, or equal everywhere (not "only when")
    return there


def _independence(claim: Claim, where: Setting) -> Truth:
    expr, var = prepared(claim.expr, where.subs), claim.var  # type: ignore[attr-defined]
    other = sympy.Symbol(f"{var.name}_oracle", positive=bool(var.is_positive), real=True)
    return compare(expr, expr.xreplace({var: other}), where)


def _value(claim: Claim, where: Setting, paper: Paper) -> Truth:
    expr = prepared(claim.expr, where.subs)  # type: ignore[attr-defined]
    values = {s: mpmath.mpf(v) for s, v in paper.registry.values().items()}
    if not expr.free_symbols <= set(values):
        return Truth.UNKNOWN
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    with mpmath.workdps(DIGITS):
        computed = value_at(compile_expr(expr, symbols), [values[s] for s in symbols], DIGITS)
    if computed is None or mpmath.im(computed) != 0:
        return Truth.REFUTED if computed is not None else Truth.UNKNOWN
    number = Decimal(claim.stated.strip())  # type: ignore[attr-defined]
    half_unit = Decimal(5).scaleb(number.as_tuple().exponent - 1)  # type: ignore[operator]
    inside = abs(Decimal(mpmath.nstr(mpmath.re(computed), 40)) - number) <= half_unit
    return Truth.CONSISTENT if inside else Truth.REFUTED


def _approach_points(var: sympy.Symbol, point: sympy.Expr, direction: str) -> tuple[list[sympy.Expr], sympy.Expr]:
    if point is sympy.oo:
        return list(_FAR), sympy.Integer(1)
    if point is -sympy.oo:
        return [-x for x in _FAR], sympy.Integer(-1)
    sign = -1 if direction == "-" else 1
    return [point + sign * d for d in _NEAR], point + sign


def _limit(claim: Claim, where: Setting) -> Truth:
    expr, stated = prepared(claim.expr, where.subs), prepared(claim.value, where.subs)  # type: ignore[attr-defined]
    if claim.kind is ClaimKind.ASYMPTOTIC:
        expr, stated = expr / stated, sympy.Integer(1)
    var = claim.var  # type: ignore[attr-defined]
    others = sorted((expr.free_symbols | stated.free_symbols) - {var}, key=lambda s: s.name)
    xs, one = _approach_points(var, claim.point, claim.direction)  # type: ignore[attr-defined]
    f, g = compile_expr(expr, [var, *others]), compile_expr(stated, others)
    truths = []
    for base in where.points(others, 3):
        rest = [base[s] for s in others]
        values = [value_at(f, [mpmath.mpf(sympy.Float(x, DIGITS)), *rest], DIGITS) for x in [one, *xs]]
        target = value_at(g, rest, DIGITS) if not stated.is_infinite else None
        truths.append(_limit_truth(values, target, stated))
    return _combine(truths)


def _limit_truth(values: list[mpmath.mpc | None], target: mpmath.mpc | None, stated: sympy.Expr) -> Truth:
    if any(v is None for v in values) or (target is None and not stated.is_infinite):
        return Truth.UNKNOWN
    reference, v1, v2, v3 = values
    growing = abs(v3) > 1e6 * max(abs(reference), mpmath.mpf("1e-300")) and abs(v3) > abs(v2) > abs(v1)
    if stated.is_infinite:
        return Truth.CONSISTENT if growing else Truth.UNKNOWN
    scale = max(abs(target), abs(reference), abs(v3), mpmath.mpf("1e-300"))
    if abs(v3 - v2) <= 1e-6 * scale:
        gap = abs(v3 - target) / scale
        return Truth.REFUTED if gap > 1e-3 else Truth.CONSISTENT if gap < 1e-5 else Truth.UNKNOWN
    return Truth.REFUTED if growing else Truth.UNKNOWN


def _combine(truths: list[Truth]) -> Truth:
    if Truth.REFUTED in truths:
        return Truth.REFUTED
    return Truth.CONSISTENT if truths and all(t is Truth.CONSISTENT for t in truths) else Truth.UNKNOWN


_KINDS: dict[ClaimKind, Callable[[Claim, Setting], Truth]] = {
    ClaimKind.EQUALITY: _equality, ClaimKind.INEQUALITY: _inequality, ClaimKind.EQUALITY_IFF: _iff,
    ClaimKind.LIMIT: _limit, ClaimKind.ASYMPTOTIC: _limit, ClaimKind.INDEPENDENCE: _independence,
}


def usable(paper: Paper, claim: Claim) -> tuple[str, ...]:
    """Names of the stated assumptions ``claim`` may use."""
    names = tuple(a.name for a in paper.assumptions)
    return names if claim.assumptions is None else tuple(n for n in names if n in claim.assumptions)


def judge(paper: Paper, claim: Claim, assumptions: Iterable[str] = ()) -> Truth:
    """Numeric truth of ``claim`` under the stated assumptions named in ``assumptions``."""
    where = setting(paper, claim, assumptions)
    if claim.kind is ClaimKind.VALUE:
        return _value(claim, where, paper)
    decide = _KINDS.get(claim.kind)
    return Truth.UNKNOWN if decide is None else decide(claim, where)


def judge_mutant(paper: Paper, mutant: Mutant, assumptions: Iterable[str] = ()) -> Truth:
    """Numeric truth of a mutant; a derivation step is compared with the unmutated step."""
    if mutant.step is None:
        return judge(paper, mutant.claim, assumptions)
    index = mutant.step - 1
    original, changed = mutant.original.steps[index], mutant.claim.steps[index]  # type: ignore[attr-defined]
    rule = original.rule
    extra = dict(rule.definitions) if isinstance(rule, Substitute) and not isinstance(rule, Assume) else {}
    return compare(changed.expr, original.expr, setting(paper, mutant.claim, (), extra))
