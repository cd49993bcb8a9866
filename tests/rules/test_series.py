"""Bose–Einstein integrals by the geometric series agree with mpmath quadrature."""

import mpmath
import pytest
import sympy

from symcond.errors import SolverError
from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.prove.steps import check_step
from symcond.rules.series import IntegrateBose, bose_factor, bose_series_integral

x, a = sympy.symbols("x a", positive=True)


@pytest.mark.parametrize("power", [1, 2, 3, 4])
def test_bose_integral_matches_quadrature(power):
    """int_0^oo x^p / (exp(x) - 1) dx from the series equals mpmath quadrature to 25 digits."""
    found = bose_series_integral(x**power / (sympy.exp(x) - 1), x)
    with mpmath.workdps(30):
        reference = mpmath.quad(lambda t: t**power / mpmath.expm1(t), [0, 1, 10, mpmath.inf])
        assert abs(mpmath.mpf(str(found.evalf(30))) - reference) < mpmath.mpf("1e-25") * reference


def test_bose_integral_with_a_rate_scales_as_a_power():
    """A rate a in exp(a x) scales the integral of x^2 by a^-3."""
    assert sympy.simplify(bose_series_integral(x**2 / (sympy.exp(a * x) - 1), x) - 2 * sympy.zeta(3) / a**3) == 0


def test_fermi_factor_is_not_a_bose_factor():
    """1/(exp(x) + 1) is not split as a Bose factor."""
    assert bose_factor(x**2 / (sympy.exp(x) + 1), x) is None


def test_integrand_without_bose_factor_is_rejected():
    """An integrand without 1/(exp(a x) - 1) raises SolverError naming it."""
    message = r"^integrand x\*\*2/\(x \+ 1\) has no factor 1/\(exp\(a\*x\) - 1\) with a > 0$"
    with pytest.raises(SolverError, match=message):
        bose_series_integral(x**2 / (x + 1), x)


def test_rule_refutes_a_wrong_prefactor():
    """IntegrateBose checks the stated result: pi^4/15 holds for x^3, pi^4/16 fails."""
    rule = IntegrateBose(x, 0, sympy.oo)
    previous = x**3 / (sympy.exp(x) - 1)
    verdicts = [check_step(rule, previous, value, Context()).verdict for value in (sympy.pi**4 / 15, sympy.pi**4 / 16)]
    assert verdicts == [Verdict.HOLDS, Verdict.FAILS]


def test_rule_uses_sympy_first():
    """An integral SymPy can do is done directly."""
    assert IntegrateBose(x, 0, sympy.oo).apply(sympy.exp(-a * x)) == 1 / a


def test_a_bose_integrand_goes_to_the_series_without_a_direct_attempt(monkeypatch):
    """sympy.integrate, which cannot do x**2/(exp(x) - 1) on (0, oo), is not tried on it first (seconds lost)."""
    from symcond.rules import series as series_integrals

    attempted, original = [], sympy.integrate

    def integrate(expr, *args, **kw):
        attempted.append(expr)
        return original(expr, *args, **kw)

    monkeypatch.setattr(series_integrals.sympy, "integrate", integrate)
    assert IntegrateBose(x, 0, sympy.oo).apply(x**2 / (sympy.exp(x) - 1)) == 2 * sympy.zeta(3)
    assert attempted and all(bose_factor(expr, x) is None for expr in attempted)
