"""Integral derivation rules (fold, change of variable, recognition) and quadrature evaluation."""

from __future__ import annotations

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.numeric.quadrature import quad_evaluate
from symcond.prove.steps import check_step
from symcond.rules.integrals import ChangeVariable, FoldEven, Recognize, normal_form, to_integrals
from symcond.special import fermi_dirac_mp
from symcond.special.sympy_fd import FermiDirac

K = sympy.Symbol("k", real=True)
X = sympy.Symbol("x", real=True)
U = sympy.Symbol("u", positive=True)
A = sympy.Symbol("a", positive=True)
ETA = sympy.Symbol("eta", real=True)
OO = sympy.oo
GAUSS = sympy.Integral(sympy.exp(-(K**2) / A**2), (K, -OO, OO))
HALF_GAUSS = 2 * sympy.Integral(sympy.exp(-(K**2) / A**2), (K, 0, OO))
FERMI_U = sympy.Integral(U ** sympy.Rational(-1, 2) / (1 + sympy.exp(U - ETA)), (U, 0, OO))


def test_fold_even_integrand():
    """An even integrand over (-oo, oo) folds onto twice (0, oo)."""
    assert FoldEven(K).apply(GAUSS) == HALF_GAUSS


def test_fold_leaves_odd_integrand():
    """An integrand that is not even is left unchanged."""
    odd = sympy.Integral(K * sympy.exp(-(K**2)), (K, -OO, OO))
    assert FoldEven(K).apply(odd) == odd


def test_fold_step_holds():
    """The fold step is proved and confirmed by quadrature."""
    assert check_step(FoldEven(K), GAUSS, HALF_GAUSS, Context()).verdict is Verdict.HOLDS


def test_change_of_variable_holds():
    """k = a x with the Jacobian a is proved and confirmed by quadrature."""
    stated = 2 * A * sympy.Integral(sympy.exp(-(X**2)), (X, 0, OO))
    assert check_step(ChangeVariable(K, X, A * X), HALF_GAUSS, stated, Context()).verdict is Verdict.HOLDS


def test_change_of_variable_without_jacobian_fails():
    """Forgetting the Jacobian a is refuted with a numeric counterexample."""
    stated = 2 * sympy.Integral(sympy.exp(-(X**2)), (X, 0, OO))
    outcome = check_step(ChangeVariable(K, X, A * X), HALF_GAUSS, stated, Context())
    assert outcome.verdict is Verdict.FAILS and outcome.evidence.counterexample is not None


def test_recognize_fermi_dirac_integral():
    """Integral t**(-1/2)/(1 + exp(t - eta)) is sqrt(pi) F_{-1/2}(eta)."""
    stated = sympy.sqrt(sympy.pi) * FermiDirac(-sympy.S.Half, ETA)
    assert check_step(Recognize(), FERMI_U, stated, Context()).verdict is Verdict.HOLDS


def test_recognize_wrong_order_fails():
    """Naming the same integral F_{1/2} is refuted."""
    stated = sympy.sqrt(sympy.pi) * FermiDirac(sympy.S.Half, ETA)
    assert check_step(Recognize(), FERMI_U, stated, Context()).verdict is Verdict.FAILS


def test_recognize_evaluates_definitions_sympy_can_integrate():
    """F_0 is recognised in SymPy's closed form log(1 + exp(eta))."""
    previous = sympy.log(1 + sympy.exp(ETA))
    assert check_step(Recognize(), previous, FermiDirac(0, ETA), Context()).verdict is Verdict.HOLDS


def test_to_integrals_leaves_orders_without_integral():
    """F_{-3/2} has no convergent defining integral and stays as it is."""
    expr = FermiDirac(sympy.Rational(-3, 2), ETA)
    assert to_integrals(expr) == expr


def test_normal_form_ignores_variable_name_and_constant_placement():
    """The same integral with another variable name and the constant outside has the same normal form."""
    left = sympy.Integral(A * sympy.exp(-(U**2)), (U, 0, OO))
    right = A * sympy.Integral(sympy.exp(-(K**2)), (K, 0, OO))
    assert normal_form(left) == normal_form(right)


@pytest.mark.parametrize(("integral", "exact"), [
    (sympy.Integral(U ** sympy.Rational(-1, 2) * sympy.exp(-U), (U, 0, OO)), lambda: mpmath.sqrt(mpmath.pi)),
    (sympy.Integral(1 / (1 + X**2), (X, -OO, OO)), lambda: +mpmath.pi),
    (sympy.Integral(sympy.log(U), (U, 0, 1)), lambda: mpmath.mpf(-1)),
])
def test_quadrature_matches_closed_forms_to_40_digits(integral, exact):
    """End-point singularities and infinite ranges are integrated to 40 digits."""
    with mpmath.workdps(45):
        reference = exact()
        assert abs(quad_evaluate(integral, {}, 40) - reference) <= abs(reference) * mpmath.mpf(10) ** -38


@settings(max_examples=5, deadline=None, derandomize=True)
@given(eta=st.floats(min_value=-30, max_value=30), scale=st.floats(min_value=1e-3, max_value=1e3))
def test_quadrature_of_fermi_integral(eta, scale):
    """Integral_0^oo dk/(1 + exp((k/scale)**2 - eta)) = scale sqrt(pi)/2 F_{-1/2}(eta) at 28 digits."""
    integrand = 1 / (1 + sympy.exp((K / A) ** 2 - ETA))
    point = {A: sympy.Rational(scale), ETA: sympy.Rational(eta)}
    value = quad_evaluate(sympy.Integral(integrand, (K, 0, OO)), point, 30)
    with mpmath.workdps(40):
        exact = mpmath.mpf(scale) * mpmath.sqrt(mpmath.pi) / 2 * fermi_dirac_mp(-0.5, eta, dps=40)
        assert abs(value - exact) <= abs(exact) * mpmath.mpf(10) ** -28


def test_quadrature_rejects_unevaluable_integrals():
    """An integral with a free symbol left, or a double integral, has no value."""
    assert quad_evaluate(sympy.Integral(sympy.exp(-A * U), (U, 0, OO)), {}, 30) is None
    assert quad_evaluate(sympy.Integral(U * X, (U, 0, 1), (X, 0, 1)), {}, 30) is None
