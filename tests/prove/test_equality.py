"""The equality prover: sound holds, exact ratios, counterexamples, budgets."""

import mpmath
import pytest
import sympy

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Finding, Verdict
from symcond.numeric.sampling import evaluate
from symcond.prove import check_equality


def test_identity_holds_with_numeric_confirmation(ctx, xy):
    """A true identity holds and records the numeric confirmation."""
    x, y = xy
    out = check_equality((x + y) ** 2, x**2 + 2 * x * y + y**2, ctx)
    assert out.verdict is Verdict.HOLDS
    assert out.evidence.numeric_points >= 3 and out.evidence.digits >= 30


@pytest.mark.parametrize("factor", [2, sympy.Rational(1, 2), sympy.pi, 2 * sympy.pi])
def test_constant_factor_is_reported_exactly(ctx, xy, factor):
    """A wrong constant factor fails with the exact ratio."""
    x, y = xy
    out = check_equality(factor * x / y, x / y, ctx)
    assert out.verdict is Verdict.FAILS and out.evidence.finding is Finding.CONSTANT_FACTOR
    assert out.evidence.ratio == factor and out.evidence.shown().ratio == sympy.sstr(factor)


def test_counterexample_really_violates(ctx, xy):
    """The reported counterexample makes the two sides differ when evaluated independently."""
    x, y = xy
    out = check_equality(x**2 / y, x / y, ctx)
    found = out.evidence.counterexample
    assert out.evidence.finding is Finding.DIFFERENT and isinstance(found["xx"], sympy.Rational)
    point = {x: found["xx"], y: found["yy"]}
    lhs, rhs = evaluate(x**2 / y, point, 30), evaluate(x / y, point, 30)
    assert abs(lhs - rhs) > mpmath.mpf("1e-10") * abs(rhs)
    assert (found["lhs"], found["rhs"]) == (sympy.Float(lhs, 30), sympy.Float(rhs, 30))


def test_dimension_mismatch_is_reported(ctx):
    """Sides of different dimension fail with both dimensions named."""
    h, m, L = ctx.registry.symbols("h m L")
    out = check_equality(h / m, L, ctx)
    assert out.verdict is Verdict.FAILS
    assert out.evidence.reason == "dimension mismatch: lhs is m^2/s but rhs is m (lhs/rhs: m/s)"
    assert out.evidence.finding is Finding.DIMENSION_MISMATCH
    assert (out.evidence.lhs_dimension, out.evidence.rhs_dimension) == (ctx.dimension(h / m), ctx.dimension(L))
    assert (out.evidence.shown().lhs_dimension, out.evidence.shown().rhs_dimension) == ("m^2 s^-1", "m")


def test_holds_under_names_the_needed_assumption(xy):
    """Of two stated assumptions only the needed one is named."""
    x, y = xy
    g = sympy.Symbol("gg", positive=True)
    ctx = Context(assumptions=(Assumption("unit_g", sympy.Eq(g, 1)), Assumption("x_le_y", sympy.Le(x, y))))
    out = check_equality(g * x, x, ctx)
    assert out.verdict is Verdict.HOLDS_UNDER
    assert out.evidence.conditions == ("unit_g: gg = 1",)


def test_hbar_is_h_over_two_pi(ctx):
    """Registry definitions are applied: h <-> hbar confusions are caught exactly."""
    e, h, hbar = ctx.registry.symbols("e h hbar")
    assert check_equality(e**2 / (2 * sympy.pi * hbar), e**2 / h, ctx).verdict is Verdict.HOLDS
    assert check_equality(e**2 / hbar, e**2 / h, ctx).evidence.ratio == 2 * sympy.pi


def test_expensive_simplification_is_undecided_not_hung(xy):
    """A simplification beyond the budget yields undecided with the reason."""
    x, y = xy
    big = sympy.expand((x + y + 1) ** 40)
    out = check_equality(big, (x + y + 1) ** 40 + sympy.Rational(1, 10**60), Context(budget=0.05))
    assert out.verdict in (Verdict.UNDECIDED, Verdict.FAILS)
    if out.verdict is Verdict.UNDECIDED:
        assert "budget" in out.evidence.reason


def test_conflicting_stated_equalities_are_a_contradiction_not_a_choice(xy):
    """gg = 1 and gg = 1/2 stated together contradict each other (was holds-under half_g, one of them dropped)."""
    x, _ = xy
    g = sympy.Symbol("gg", positive=True)
    ctx = Context(
        assumptions=(Assumption("unit_g", sympy.Eq(g, 1)), Assumption("half_g", sympy.Eq(g, sympy.Rational(1, 2))))
    )
    out = check_equality(2 * g * x, x, ctx)
    assert (out.verdict, out.evidence.reason) == (
        Verdict.UNDECIDED, "the assumptions contradict each other: unit_g: gg = 1, half_g: gg = 1/2")


def test_plain_integer_given_is_accepted(xy):
    """A given value written as a Python int works like a SymPy integer."""
    x, y = xy
    assert check_equality(x * y, x, Context(givens={y: 1})).verdict is Verdict.HOLDS


def test_a_divergent_integral_is_not_refuted_with_a_truncated_value():
    """Integral(exp(x), (x, 0, oo)) = 1 is undecided: quadrature of a divergent integral has no value."""
    x = sympy.Symbol("x", positive=True)
    outcome = check_equality(sympy.Integral(sympy.exp(x), (x, 0, sympy.oo)), sympy.Integer(1), Context())
    assert outcome.verdict is Verdict.UNDECIDED


def test_an_unevaluated_integral_ratio_is_not_called_a_constant_factor():
    """Integral(1/(1+x**2), (x, 0, oo)) = 1 fails, but not 'by the constant factor Integral(...)'."""
    x = sympy.Symbol("x", positive=True)
    outcome = check_equality(sympy.Integral(1 / (1 + x**2), (x, 0, sympy.oo)), sympy.Integer(1), Context())
    assert outcome.verdict is Verdict.FAILS and outcome.evidence.finding is Finding.DIFFERENT
