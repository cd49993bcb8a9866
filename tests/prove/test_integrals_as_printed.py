"""Integrals as printed (issue 15, point 5): Fermi windows, Fermi-Dirac and Bose integrals decided in budget."""

import pytest
import sympy

from symcond.cli.check import check_texts
from symcond.model.context import Context
from symcond.model.verdict import Finding, Verdict
from symcond.prove.equality import check_equality

E = sympy.Symbol("E", real=True)
mu, kT, x, eta = sympy.symbols("mu kT x eta", positive=True)
f = 1 / (sympy.exp((E - mu) / kT) + 1)
WINDOW = sympy.Integral((E - mu) ** 2 * -f.diff(E), (E, -sympy.oo, sympy.oo))


def test_sommerfeld_integral_holds_with_its_family_named():
    outcome = check_equality(WINDOW, sympy.pi ** 2 / 3 * kT ** 2, Context(budget=5.0))
    assert outcome.verdict is Verdict.HOLDS
    assert "Sommerfeld" in outcome.evidence.reason and "confirmed at" in outcome.evidence.reason


def test_sommerfeld_slip_fails_with_the_exact_factor_and_a_quadrature_counterexample():
    outcome = check_equality(WINDOW, sympy.pi ** 2 / 6 * kT ** 2, Context(budget=5.0))
    assert outcome.verdict is Verdict.FAILS and outcome.evidence.finding is Finding.CONSTANT_FACTOR
    assert outcome.evidence.ratio == 2
    point = outcome.evidence.counterexample
    assert point["lhs"] / point["rhs"] == pytest.approx(2, rel=1e-12)


def test_fermi_dirac_integral_equals_the_polylog_form():
    integral = sympy.Integral(sympy.sqrt(x) / (sympy.exp(x - eta) + 1), (x, 0, sympy.oo))
    stated = -sympy.sqrt(sympy.pi) / 2 * sympy.polylog(sympy.Rational(3, 2), -sympy.exp(eta))
    assert check_equality(integral, stated, Context(budget=5.0)).verdict is Verdict.HOLDS


@pytest.mark.parametrize(("rhs", "verdict"), [("pi**4/15", Verdict.HOLDS), ("pi**4/16", Verdict.FAILS)])
def test_planck_integral_through_check(rhs, verdict):
    """The safe parser reads Integral(f, x, a, b); the Bose integral is decided either way."""
    outcome = check_texts("Integral(x**3/(exp(x) - 1), x, 0, oo)", rhs, plain=True, total_budget=60)
    assert outcome.verdict is verdict


def test_whole_line_integral_of_a_variable_declared_positive_is_not_fooled():
    """Integral over the whole line reads its variable as real: |x| e^(-x^2) integrates to 1, not 0."""
    outcome = check_texts("Integral(sqrt(x**2)*exp(-x**2), x, -oo, oo)", "1", plain=True, total_budget=60)
    assert outcome.verdict is not Verdict.FAILS
    outcome = check_texts("Integral(sqrt(x**2)*exp(-x**2), x, -oo, oo)", "0", plain=True, total_budget=60)
    assert outcome.verdict is Verdict.FAILS
