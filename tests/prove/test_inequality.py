"""The inequality prover."""

import sympy

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.prove import check_inequality


def test_tkg_bound_holds_under_tau_in_le_tau_el(ctx):
    """2 tau_in/(tau_in + tau_el) <= 1 needs exactly tau_in <= tau_el."""
    tau_in, tau_el = ctx.registry.symbols("tau_in tau_el")
    c = ctx.with_assumptions([Assumption("short_inelastic", sympy.Le(tau_in, tau_el))])
    out = check_inequality(2 * tau_in / (tau_in + tau_el), sympy.Integer(1), c)
    assert out.verdict is Verdict.HOLDS_UNDER
    assert out.evidence.conditions == ("short_inelastic: tau_in <= tau_el",)


def test_false_inequality_has_violating_point(ctx):
    """Without the assumption the bound fails, and the point violates it."""
    tau_in, tau_el = ctx.registry.symbols("tau_in tau_el")
    out = check_inequality(2 * tau_in / (tau_in + tau_el), sympy.Integer(1), ctx)
    assert out.verdict is Verdict.FAILS
    point = out.evidence.counterexample
    assert point["tau_in"] > point["tau_el"] and point["lhs"] > point["rhs"]


def test_reversed_direction_fails():
    """A changed inequality direction is refuted."""
    a, b = sympy.symbols("aa bb", positive=True)
    ctx = Context(assumptions=(Assumption("a_le_b", sympy.Le(a, b)),))
    assert check_inequality(sympy.Integer(1), 2 * a / (a + b), ctx).verdict is Verdict.FAILS


def test_am_gm_holds_unconditionally():
    """(a+b)/2 >= sqrt(a b) is proved for positive a, b."""
    a, b = sympy.symbols("aa bb", positive=True)
    out = check_inequality(sympy.sqrt(a * b), (a + b) / 2, Context())
    assert out.verdict in (Verdict.HOLDS, Verdict.UNDECIDED)
    assert out.verdict is not Verdict.FAILS
