"""The inequality prover."""

import pytest
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


def _chain(n, op=sympy.Lt):
    xs = sympy.symbols(f"x0:{n + 1}", positive=True)
    return xs, Context(assumptions=tuple(Assumption(f"x{i}<x{i + 1}", op(xs[i], xs[i + 1])) for i in range(n)))


def test_a_chain_of_300_assumptions_decides_within_seconds():
    """x0 < x300 under x0 < x1, ..., x299 < x300 holds under all 300 (was undecided after the full 60 s budget)."""
    from symcond.budget import time_budget

    xs, ctx = _chain(300)
    with time_budget(30.0, "the chain"):
        out = check_inequality(xs[0], xs[300], ctx, strict=True)
    assert out.verdict is Verdict.HOLDS_UNDER and len(out.evidence.conditions) == 300
    assert out.evidence.reason.startswith("holds only under x0<x1, x1<x2, ")
    assert "x298<x299, x299<x300 (a set of 300, not minimised); without: " in out.evidence.reason


def test_the_reversed_chain_claim_fails_within_seconds():
    """x300 < x0 under the same chain fails, with a point that satisfies every link."""
    from symcond.budget import time_budget
    from symcond.numeric.sampling import satisfies

    xs, ctx = _chain(300)
    with time_budget(30.0, "the chain"):
        out = check_inequality(xs[300], xs[0], ctx, strict=True)
    assert out.verdict is Verdict.FAILS
    point = {s: sympy.Rational(out.evidence.counterexample[s.name]) for s in xs}
    assert all(satisfies(a.relation, point) for a in ctx.assumptions)


@pytest.mark.parametrize("expr, symbol", [("x + 1", "x"), ("x - y - s", "x"), ("y - x - s", "x"), ("2*x - y", "x"),
                                          ("x**2 - y", "x"), ("y/3 - x/2", "x")])
def test_linear_equations_are_solved_as_sympy_solves_them(expr, symbol):
    """The direct solution of a linear equation is sympy.solve's (a negative one for a positive x is dropped)."""
    from symcond.prove.inequality import _solve

    names = {n: sympy.Symbol(n, positive=True) for n in ("x", "y")} | {"s": sympy.Symbol("s", nonnegative=True)}
    equation = sympy.sympify(expr, locals=names)
    assert _solve(equation, names[symbol]) == sympy.solve(equation, names[symbol])


@pytest.mark.parametrize("expr", ["-a + b", "2*a + 2*b", "-2*a - 2*b", "a/2 + b/3", "3*a - 3", "a - b + c + 1",
                                  "a", "a*b + 1", "a**2 - b**2"])
def test_factor_is_sympy_factor(expr):
    """The shortcut for linear polynomials returns exactly what sympy.factor does."""
    from symcond.prove.inequality import _factor

    value = sympy.sympify(expr, locals={n: sympy.Symbol(n, positive=True) for n in "abc"})
    assert sympy.srepr(_factor(value)) == sympy.srepr(sympy.factor(value))


def _codata_claim():
    """k_B T <= h c / L (thermal energy below a photon's in a box): fails, with three CODATA constants."""
    ctx = Context()
    k_B, T, h, c, L = ctx.registry.symbols("k_B T h c L")
    return ctx, (k_B, T, h, c, L)


@pytest.mark.parametrize("greater", [False, True])
def test_counterexample_has_codata_constants_and_si_units(greater):
    """As for equalities, the violating point has k_B, h, c at CODATA (marked), T in 1-1000 K, SI units."""
    ctx, (k_B, T, h, c, L) = _codata_claim()
    sides = (k_B * T, h * c / L)
    out = check_inequality(*(sides[::-1] if greater else sides), ctx, greater=greater)
    found = out.evidence.counterexample
    assert out.verdict is Verdict.FAILS and found.constants == {"k_B", "h", "c"}
    assert found["h"] == sympy.Rational("6.62607015e-34") and found["c"] == 299792458
    assert 1 <= found["T"] <= 1000 and out.evidence.shown().units == {
        "L": "m", "T": "K", "c": "m/s", "h": "J s", "k_B": "J/K", "lhs": "J", "rhs": "J"}


def test_physical_counterexample_satisfies_the_assumptions_and_violates_the_claim():
    """The point at CODATA values is re-checked exactly: the assumption T >= 300 holds, lhs > rhs."""
    ctx, (k_B, T, h, c, L) = _codata_claim()
    ctx = ctx.with_assumptions([Assumption("warm", sympy.Ge(T, 300))])
    out = check_inequality(k_B * T, h * c / L, ctx)
    found = out.evidence.counterexample
    point = {s: found[s.name] for s in (k_B, T, h, c, L)}
    assert found.constants == {"k_B", "h", "c"} and point[T] >= 300
    assert (k_B * T - h * c / L).xreplace(point) > 0


def test_assumptions_excluding_physical_values_keep_the_constants_at_codata():
    """T <= 1/2 K is outside the physical temperatures: T is drawn as for any claim, k_B, h, c stay at CODATA."""
    ctx, (k_B, T, h, c, L) = _codata_claim()
    ctx = ctx.with_assumptions([Assumption("cold", sympy.Le(T, sympy.Rational(1, 2)))])
    out = check_inequality(k_B * T, h * c / L, ctx)
    found = out.evidence.counterexample
    assert out.verdict is Verdict.FAILS and found["T"] <= sympy.Rational(1, 2)
    assert found.constants == {"k_B", "h", "c"} and found["k_B"] == sympy.Rational("1.380649e-23")


def test_an_inequality_true_at_the_codata_values_is_not_refuted_by_moving_a_constant():
    """alpha < 1/100 holds at alpha's CODATA value (1/137.036): no violating point, so not 'fails' (a search
    moving the constant would refute it at alpha = 0.05)."""
    ctx = Context()
    (alpha,) = ctx.registry.symbols("alpha")
    out = check_inequality(alpha, sympy.Rational(1, 100), ctx)
    assert out.verdict is not Verdict.FAILS and out.evidence.counterexample is None
