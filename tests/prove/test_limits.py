"""Limits, asymptotics, independence."""

import sympy

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Finding, Verdict
from symcond.prove import check_asymptotic, check_independence, check_limit


def test_kubo_limit(ctx):
    """(n e^2/m) tau (1 - exp(-t/tau)) -> n e^2 tau/m as t -> oo."""
    tau, t, e, m = ctx.registry.symbols("tau t e m")
    expr = e**2 * tau * (1 - sympy.exp(-t / tau)) / m
    assert check_limit(expr, t, sympy.oo, e**2 * tau / m, ctx).verdict is Verdict.HOLDS


def test_wrong_limit_reports_true_value(ctx, xy):
    """A wrong limit fails and reports the real one."""
    x, _ = xy
    out = check_limit(sympy.sin(3 * x) / x, x, 0, sympy.Integer(1), ctx)
    assert out.verdict is Verdict.FAILS and out.evidence.finding is Finding.DIFFERENT
    assert out.evidence.value == 3 and out.evidence.shown().value == "3"


def test_asymptotic_factor(ctx, xy):
    """x + 1 ~ 2x fails as x -> oo with factor 1/2."""
    x, _ = xy
    out = check_asymptotic(x + 1, x, sympy.oo, 2 * x, ctx)
    assert out.verdict is Verdict.FAILS
    assert out.evidence.value == sympy.Rational(1, 2)


def test_dependence_is_found(ctx):
    """G D = e^2/h * h/m... with a stray h depends on h."""
    e, h, m = ctx.registry.symbols("e h m")
    out = check_independence(e**2 / h * h**2 / m, h, ctx)
    assert out.verdict is Verdict.FAILS and out.evidence.finding is Finding.DEPENDS
    assert out.evidence.residual == e**2 / m and out.evidence.reason == "depends on h: d/dh = e**2/m"


a, w, z = sympy.symbols("a w z", positive=True)


def test_given_that_is_negative_near_the_limit_point_is_not_a_holds():
    """lim sqrt(a**2) = -z as w -> 0 with a = w - z was holds (a -> -z < 0; the true limit is z): now undecided."""
    out = check_limit(sympy.sqrt(a**2), w, 0, -z, Context(givens={a: w - z}))
    assert (out.verdict, out.evidence.reason) == (Verdict.UNDECIDED, (
        "the assumptions contradict each other: a = w - z -> -z > 0 as w -> 0 (declared positive),"
        " z > 0 (declared positive)"))


def test_given_that_tends_to_minus_infinity_is_not_a_holds():
    """lim sqrt(a**2)/w = -1 as w -> oo with a = z - w was holds (the true limit is 1): now undecided, named."""
    out = check_limit(sympy.sqrt(a**2) / w, w, sympy.oo, sympy.Integer(-1), Context(givens={a: z - w}))
    assert (out.verdict, out.evidence.reason) == (
        Verdict.UNDECIDED, "the assumption a = -w + z -> -oo > 0 as w -> oo (declared positive) can never hold")


def test_given_that_is_positive_near_the_limit_point_needs_no_condition():
    """lim sqrt(a**2)/w = 1 as w -> oo with a = w - z holds outright: a -> oo is positive near the point."""
    out = check_limit(sympy.sqrt(a**2) / w, w, sympy.oo, sympy.Integer(1), Context(givens={a: w - z}))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS, ())


def test_independence_names_the_declared_sign_of_a_given():
    """sqrt(a**2) - w with a = w - z is independent of w only where a > 0 (was holds outright)."""
    out = check_independence(sympy.sqrt(a**2) - w, w, Context(givens={a: w - z}))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("a = w - z > 0 (declared positive)",))


def test_dependence_is_shown_at_points_satisfying_the_assumptions():
    """Max(z, 1) under z < 1 is not refuted at a point with z > 1 (was fails at z = 4.6)."""
    out = check_independence(sympy.Max(z, 1), z, Context(assumptions=(Assumption("z<1", sympy.Lt(z, 1)),)))
    assert out.verdict is not Verdict.FAILS and out.evidence.counterexample is None
