"""Counterexamples at physical points are real: CODATA constants exact, every assumption met, claim violated.

Random claims between small expressions in CODATA constants (k_B, e, h, m_e) and free quantities
(T, L, m) are decided under random stated inequalities at physical scales (``T < 300``,
``k_B*T < e/10``).  The search tries CODATA values and physical ranges first (issue 18.3); whenever
the engine answers ``fails`` with a point, the point as reported is re-checked independently of
:mod:`symcond.numeric.sampling` (exact rationals, mpmath at 60 digits, :mod:`tests.soundness.oracle`),
and each coordinate marked CODATA is exactly the registry's CODATA value.
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
from tests.soundness.test_counterexamples import MARGIN, value

REGISTRY = Registry.default()
CONSTANTS = REGISTRY.symbols("k_B e h m_e")
FREE = REGISTRY.symbols("T L m")
k_B, e, h, m_e = CONSTANTS
T, L, m = FREE
EXAMPLES = settings(max_examples=10, deadline=None, derandomize=True)
OPERATORS = (sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge)
#: Physical quantities of a few kinds and scales (SI): energies, a length, a mass, a voltage.
LEAVES = (k_B * T, e, h / (m * L**2), m_e / m, T, L * 10**9, k_B * T / e, sympy.Integer(2), sympy.Rational(1, 2))


def small_expressions() -> st.SearchStrategy[sympy.Expr]:
    """Sums, products, quotients, squares and exp of the physical leaves (some dimensionally odd: fine)."""
    def extend(children: st.SearchStrategy[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
        pairs = st.tuples(children, children)
        return st.one_of(pairs.map(lambda ab: ab[0] + ab[1]), pairs.map(lambda ab: ab[0] * ab[1]),
                         pairs.map(lambda ab: ab[0] / ab[1]), children.map(lambda x: x**2))

    return st.recursive(st.sampled_from(LEAVES), extend, max_leaves=3).map(sympy.sympify).filter(
        lambda x: bool(x.free_symbols))


@st.composite
def physical_assumptions(draw) -> tuple[Assumption, ...]:
    """Zero to two stated inequalities at physical scales (``T < 300``, ``k_B*T < e/10``, ``L > 1e-6``)."""
    bounds = (sympy.Lt(T, 300), sympy.Gt(T, 50), sympy.Lt(k_B * T, e / 10), sympy.Gt(L, sympy.Rational(1, 10**6)),
              sympy.Lt(m, m_e), sympy.Gt(m, 2 * m_e), sympy.Lt(T, 1))
    chosen = draw(st.lists(st.sampled_from(bounds), max_size=2, unique=True))
    return tuple(Assumption(f"a{i}", relation) for i, relation in enumerate(chosen))


def gap(big: sympy.Expr, small: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational]) -> mpmath.mpf | None:
    """(big - small) / max(|big|, |small|) at ``point``, independently evaluated: relative, as SI values of
    1e-23 J/K are far below any absolute floor (0 when both are 0)."""
    a, b = value(big, point), value(small, point)
    if a is None or b is None:
        return None
    with mpmath.workdps(60):
        scale = max(abs(a), abs(b))
        return mpmath.mpf(0) if scale == 0 else (a - b) / scale


def holds_at(relation: sympy.Basic, point: dict[sympy.Symbol, sympy.Rational]) -> bool:
    """True when ``relation`` is independently seen to hold at ``point`` (a strict one with a relative margin)."""
    big, small = (relation.lhs, relation.rhs) if isinstance(relation, (sympy.Gt, sympy.Ge)) \
        else (relation.rhs, relation.lhs)
    found = gap(big, small, point)
    if found is None:
        return False
    return found > MARGIN if isinstance(relation, (sympy.Gt, sympy.Lt)) else found > -MARGIN


def exact_point(outcome: Outcome) -> dict[sympy.Symbol, sympy.Rational]:
    """The reported point as exact rationals (of the decimal text shown)."""
    shown = outcome.evidence.shown().counterexample or {}
    return {s: sympy.Rational(shown[s.name]) for s in (*CONSTANTS, *FREE) if s.name in shown}


def assert_real(outcome: Outcome, ctx: Context, violated) -> None:
    """A fails with a point: CODATA coordinates exact, every assumption holds there, the claim is violated."""
    if outcome.verdict is not Verdict.FAILS or not outcome.evidence.counterexample:
        return
    point = exact_point(outcome)
    for name in outcome.evidence.shown().constants:
        assert point[REGISTRY.symbol(name)] == sympy.Rational(REGISTRY.quantity(name).value)
    broken = [a.name for a in ctx.assumptions if not holds_at(a.relation, point)]
    assert broken == [], f"counterexample {outcome.evidence.shown().counterexample} violates {broken}"
    assert violated(point), f"counterexample {outcome.evidence.shown().counterexample} does not violate the claim"


@EXAMPLES
@given(lhs=small_expressions(), rhs=small_expressions(), assumptions=physical_assumptions())
def test_equality_counterexample_at_physical_values_is_real(lhs, rhs, assumptions):
    """check_equality(lhs, rhs): a fails point meets every assumption and the sides differ there."""
    ctx = Context(registry=REGISTRY, assumptions=assumptions, budget=1.0)
    outcome = check_equality(lhs, rhs, ctx)

    def violated(point):
        found = gap(lhs, rhs, point)
        return found is not None and abs(found) > MARGIN

    assert_real(outcome, ctx, violated)


@EXAMPLES
@given(lhs=small_expressions(), rhs=small_expressions(), assumptions=physical_assumptions())
def test_inequality_counterexample_at_physical_values_is_real(lhs, rhs, assumptions):
    """check_inequality(lhs <= rhs): a fails point meets every assumption and has lhs > rhs."""
    ctx = Context(registry=REGISTRY, assumptions=assumptions, budget=1.0)
    outcome = check_inequality(lhs, rhs, ctx, False)

    def violated(point):
        found = gap(lhs, rhs, point)
        return found is not None and found > MARGIN

    assert_real(outcome, ctx, violated)


def test_some_counterexample_is_at_codata_values():
    """The corpus exercises the physical search: k_B T/e = 2 k_B T/e fails at CODATA values with T in 1..1000 K."""
    outcome = check_equality(k_B * T / e, 2 * k_B * T / e, Context(registry=REGISTRY))
    point = exact_point(outcome)
    assert outcome.evidence.shown().constants == ("e", "k_B") and 1 <= point[T] <= 1000
    assert abs(gap(2 * k_B * T / e, k_B * T / e, point) - sympy.Rational(1, 2)) < MARGIN
