"""Tests of the SymPy function FermiDirac and its lambdify mappings."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.function import ArgumentIndexError

from symcond.numeric.lambdify import lambdify as engine_lambdify
from symcond.special import SUPPORTED_ORDERS, fermi_dirac_mp
from symcond.special.sympy_fd import (
    FermiDirac,
    numpy_printer_mapping,
    polylog_to_fermi_dirac,
)

X = sympy.Symbol("x", real=True)


@pytest.mark.parametrize("order", [sympy.S.Half, sympy.Integer(2), sympy.Symbol("j")])
def test_derivative_lowers_order(order: sympy.Expr) -> None:
    """d/deta FermiDirac(j, eta) is FermiDirac(j - 1, eta)."""
    assert FermiDirac(order, X).diff(X) == FermiDirac(order - 1, X)


def test_derivative_in_order_is_not_implemented() -> None:
    """Differentiating with respect to the order raises ArgumentIndexError."""
    with pytest.raises(ArgumentIndexError):
        FermiDirac(X, 1).fdiff(1)


def test_rewrite_as_polylog() -> None:
    """rewrite(polylog) gives -polylog(j + 1, -exp(eta))."""
    assert FermiDirac(sympy.S.Half, X).rewrite(sympy.polylog) == -sympy.polylog(sympy.Rational(3, 2), -sympy.exp(X))


@pytest.mark.parametrize("eta", [sympy.Rational(-3, 2), sympy.Rational(13, 10), sympy.Integer(25)])
def test_rewritten_polylog_evaluates_to_same_value(eta: sympy.Expr) -> None:
    """The polylog form evaluated by SymPy (mpmath polylog) equals FermiDirac.evalf to 30 digits."""
    expr = FermiDirac(sympy.S.Half, eta)
    assert abs(sympy.N(expr.rewrite(sympy.polylog), 35) - expr.evalf(35)) < 1e-30 * expr.evalf(35)


def test_evalf_honours_precision() -> None:
    """evalf(50) agrees with quadrature of the defining integral at 60 digits."""
    with mpmath.workdps(60):
        exact = mpmath.quad(lambda t: mpmath.sqrt(t) / (1 + mpmath.exp(t - 2)), [0, 2, mpmath.inf])
        exact /= mpmath.gamma(mpmath.mpf(3) / 2)
    value = FermiDirac(sympy.S.Half, 2).evalf(50)
    assert abs(value - sympy.Float(exact, 60)) < sympy.Float("1e-48")


def test_evalf_keeps_symbolic_unevaluated() -> None:
    """evalf of a symbolic argument leaves FermiDirac in place."""
    assert FermiDirac(sympy.S.Half, X).evalf().has(FermiDirac)


def test_minus_infinity_evaluates_to_zero() -> None:
    """FermiDirac(j, -oo) is 0 on construction."""
    assert FermiDirac(sympy.Symbol("j"), -sympy.oo) == 0


def test_assumptions_real_and_positive() -> None:
    """With real order >= -1 and real eta FermiDirac is real and positive."""
    expr = FermiDirac(sympy.S.Half, X)
    assert expr.is_real and expr.is_positive


def test_positivity_unknown_below_order_minus_one() -> None:
    """For order -3/2 positivity is not asserted."""
    assert FermiDirac(sympy.Rational(-3, 2), X).is_positive is None


def test_latex() -> None:
    """LaTeX printing is \\mathcal{F}_{j}\\left(eta\\right)."""
    eta = sympy.Symbol("eta")
    assert sympy.latex(FermiDirac(sympy.S.Half, eta)) == r"\mathcal{F}_{\frac{1}{2}}\left(\eta\right)"


def test_latex_of_power() -> None:
    """A power puts the exponent on F before the argument."""
    assert sympy.latex(FermiDirac(1, X) ** 2) == r"\mathcal{F}_{1}^{2}\left(x\right)"


@settings(max_examples=30, deadline=None, derandomize=True)
@given(order=st.sampled_from(SUPPORTED_ORDERS), eta=st.floats(-700.0, 1e6))
def test_lambdify_matches_mpmath(order: float, eta: float) -> None:
    """sympy.lambdify with numpy_printer_mapping agrees with mpmath to 1e-13."""
    f = sympy.lambdify(X, FermiDirac(sympy.nsimplify(order), X), modules=[numpy_printer_mapping(), "numpy"])
    assert abs(mpmath.mpf(f(eta)) / fermi_dirac_mp(order, eta) - 1) <= 1e-13


def test_lambdify_polylog_mapping() -> None:
    """polylog(s, z) with z <= 0 lambdifies through polylog_negative."""
    f = sympy.lambdify(X, sympy.polylog(2, -X), modules=[numpy_printer_mapping(), "numpy"])
    assert f(3.0) == pytest.approx(float(mpmath.polylog(2, -3)), rel=1e-14)


def test_polylog_to_fermi_dirac_replaces_supported_orders_only() -> None:
    """Supported polylog(s, -exp(x)) become -FermiDirac(s - 1, x); others are kept."""
    expr = sympy.polylog(sympy.Rational(5, 2), -sympy.exp(X)) + sympy.polylog(sympy.Rational(9, 2), -sympy.exp(X))
    expected = -FermiDirac(sympy.Rational(3, 2), X) + sympy.polylog(sympy.Rational(9, 2), -sympy.exp(X))
    assert polylog_to_fermi_dirac(expr) == expected


def test_engine_lambdify_avoids_exp_overflow() -> None:
    """symcond.numeric.lambdify evaluates polylog(1/2, -exp(x)) at x = 1e6 without overflow."""
    f = engine_lambdify(-sympy.polylog(sympy.S.Half, -sympy.exp(X)))
    with np.errstate(all="raise"):
        value = float(f(np.array([1e6]))[0])
    assert value == pytest.approx(float(fermi_dirac_mp(-0.5, 1e6)), rel=1e-14)


def test_plain_lambdify_needs_no_mapping() -> None:
    """sympy.lambdify without a modules mapping evaluates FermiDirac with NumPy."""
    f = sympy.lambdify(X, FermiDirac(sympy.Rational(3, 2), X))
    np.testing.assert_allclose(
        f(np.array([-3.0, 50.0])), [float(fermi_dirac_mp(1.5, e)) for e in (-3.0, 50.0)], rtol=1e-14
    )


def test_mpf_arguments_give_working_precision() -> None:
    """sympy.lambdify with mpmath and mpf arguments evaluates at mpmath's working precision."""
    f = sympy.lambdify(X, FermiDirac(0, X), "mpmath")
    with mpmath.workdps(50):
        assert abs(f(mpmath.mpf(0)) - mpmath.log(2)) < mpmath.mpf(10) ** -49


def test_engine_mpmath_backend_uses_requested_digits() -> None:
    """symcond.numeric.lambdify's mpmath back end evaluates FermiDirac at the requested dps."""
    f = engine_lambdify(FermiDirac(sympy.S.Half, X), backend="mpmath")
    value = f(2, dps=45)
    assert abs(value - fermi_dirac_mp(0.5, 2, dps=60)) < mpmath.mpf(10) ** -44
