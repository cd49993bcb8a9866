"""Counterexamples are real: a `fails` point satisfies every stated assumption and violates the claim.

Random claims (equalities and inequalities between small expressions in x, y, z) are decided
under random stated inequalities, linear and not (``exp(x) <= y**2``).  Whenever the engine
answers ``fails`` with a point, the point as reported is re-checked independently of
:mod:`symcond.numeric.sampling`: exact rationals fed to ``sympy.lambdify(modules="mpmath")`` at 60
digits (:mod:`tests.soundness.oracle`).
"""

from __future__ import annotations

import mpmath
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Outcome, Verdict
from symcond.prove import check_equality, check_inequality
from symcond.quantities.registry import Registry
from tests.soundness.oracle import compile_expr, value_at

DIGITS = 60
#: Relative margin by which an independent evaluation must show a violation (the engine needs 1e-20).
MARGIN = mpmath.mpf(10) ** -30
SYMBOLS = sympy.symbols("x y z", positive=True)
EXAMPLES = settings(max_examples=30, deadline=None, derandomize=True)
OPERATORS = (sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge)


def small_expressions() -> st.SearchStrategy[sympy.Expr]:
    """Sums, products, quotients, squares, square roots, exp and log of x, y, z and small rationals."""
    leaves = st.one_of(st.sampled_from(SYMBOLS), st.sampled_from([sympy.Rational(1, 2), sympy.Integer(1), 2, 3]))

    def extend(children: st.SearchStrategy[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
        pairs = st.tuples(children, children)
        return st.one_of(
            pairs.map(lambda ab: ab[0] + ab[1]), pairs.map(lambda ab: ab[0] * ab[1]),
            pairs.map(lambda ab: ab[0] / ab[1]), children.map(lambda e: e**2), children.map(sympy.sqrt),
            children.map(sympy.exp), children.map(lambda e: sympy.log(1 + e)),
        )

    return st.recursive(leaves, extend, max_leaves=3).map(sympy.sympify).filter(lambda e: bool(e.free_symbols))


@st.composite
def stated_assumptions(draw) -> tuple[Assumption, ...]:
    """One to three stated inequalities between small expressions (not already true or false)."""
    found = []
    for index in range(draw(st.integers(1, 3))):
        relation = draw(st.sampled_from(OPERATORS))(draw(small_expressions()), draw(small_expressions()))
        if isinstance(relation, sympy.core.relational.Relational):
            found.append(Assumption(f"a{index}", relation))
    return tuple(found)


def exact_point(counterexample) -> dict[sympy.Symbol, sympy.Rational]:
    """The reported point as exact rationals."""
    return {s: sympy.Rational(counterexample[s.name]) for s in SYMBOLS if s.name in counterexample}


def value(expr: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational]) -> mpmath.mpf | None:
    """``expr`` at ``point``, real, by mpmath at 60 digits from exact rational inputs; None otherwise."""
    symbols = sorted(point, key=lambda s: s.name)
    if not sympy.sympify(expr).free_symbols <= set(symbols):
        return None
    with mpmath.workdps(DIGITS):
        inputs = [mpmath.mpf(point[s].p) / point[s].q for s in symbols]
        found = value_at(compile_expr(sympy.sympify(expr), symbols), inputs, DIGITS)
    return None if found is None or mpmath.im(found) != 0 else mpmath.re(found)


def gap(big: sympy.Expr, small: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational]) -> mpmath.mpf | None:
    """(big - small) / max(|big|, |small|, 1) at ``point``, independently evaluated."""
    a, b = value(big, point), value(small, point)
    if a is None or b is None:
        return None
    with mpmath.workdps(DIGITS):
        return (a - b) / max(abs(a), abs(b), 1)


def holds_at(relation: sympy.Basic, point: dict[sympy.Symbol, sympy.Rational]) -> bool:
    """True when ``relation`` is independently seen to hold at ``point`` (a strict one with a margin)."""
    big, small = (relation.lhs, relation.rhs) if isinstance(relation, (sympy.Gt, sympy.Ge)) \
        else (relation.rhs, relation.lhs)
    found = gap(big, small, point)
    if found is None:
        return False
    return found > MARGIN if isinstance(relation, (sympy.Gt, sympy.Lt)) else found > -MARGIN


def assert_counterexample_is_real(outcome: Outcome, ctx: Context, violated) -> None:
    """A fails with a point: every assumption holds there and ``violated(point)`` is independently true."""
    if outcome.verdict is not Verdict.FAILS or not outcome.evidence.counterexample:
        return
    point = exact_point(outcome.evidence.counterexample)
    broken = [a.name for a in ctx.assumptions if not holds_at(a.relation, point)]
    assert broken == [], f"counterexample {dict(outcome.evidence.counterexample)} violates {broken}"
    assert violated(point), f"counterexample {dict(outcome.evidence.counterexample)} does not violate the claim"


@EXAMPLES
@given(lhs=small_expressions(), rhs=small_expressions(), assumptions=stated_assumptions(), strict=st.booleans())
def test_inequality_counterexample_satisfies_every_assumption(lhs, rhs, assumptions, strict):
    """check_inequality(lhs, rhs) under random assumptions: a fails point meets them all and has lhs > rhs."""
    ctx = Context(registry=Registry(), assumptions=assumptions, budget=1.0)
    outcome = check_inequality(lhs, rhs, ctx, strict)

    def violated(point):
        found = gap(lhs, rhs, point)
        return found is not None and (found > MARGIN or (strict and found > -MARGIN))

    assert_counterexample_is_real(outcome, ctx, violated)


@EXAMPLES
@given(lhs=small_expressions(), rhs=small_expressions(), assumptions=stated_assumptions())
def test_equality_counterexample_satisfies_every_assumption(lhs, rhs, assumptions):
    """check_equality(lhs, rhs) under random assumptions: a fails point meets them all and the sides differ."""
    ctx = Context(registry=Registry(), assumptions=assumptions, budget=1.0)
    outcome = check_equality(lhs, rhs, ctx)

    def violated(point):
        found = gap(lhs, rhs, point)
        return found is not None and abs(found) > MARGIN

    assert_counterexample_is_real(outcome, ctx, violated)
