"""Limits, asymptotics, independence."""

import sympy

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
