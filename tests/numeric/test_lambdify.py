"""Lambdified NumPy and mpmath callables agree with SymPy's own high-precision evaluation."""

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.errors import DefinitionError
from symcond.numeric.lambdify import lambdify
from tests.numeric.vocabulary import VOCABULARY, vocabulary_point

tau_in, tau_el = sympy.symbols("tau_in tau_el", positive=True)
T_KG = 2 * tau_in / (tau_in + tau_el)
positive = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(a=positive, b=positive)
def test_numpy_matches_exact_evaluation(a, b):
    """The NumPy callable agrees with exact rational evaluation to a few ulp."""
    exact = T_KG.subs({tau_in: sympy.Rational(a), tau_el: sympy.Rational(b)})
    got = lambdify(T_KG)(tau_in=a, tau_el=b)
    assert got == pytest.approx(float(exact), rel=4e-16)


@settings(max_examples=25, deadline=None)
@given(a=positive, b=positive)
def test_mpmath_backend_gives_30_digits(a, b):
    """The mpmath callable agrees with SymPy evalf at 30 digits."""
    exact = T_KG.subs({tau_in: sympy.Rational(a), tau_el: sympy.Rational(b)}).evalf(40)
    got = lambdify(T_KG, backend="mpmath")(tau_in=sympy.Rational(a), tau_el=sympy.Rational(b), dps=40)
    with mpmath.workdps(40):
        assert abs(got - mpmath.mpf(str(exact))) <= mpmath.mpf(10) ** -35


def test_vectorized_over_arrays():
    """Arrays broadcast."""
    out = lambdify(T_KG)(tau_in=np.array([1.0, 2.0]), tau_el=1.0)
    assert out.tolist() == [1.0, 4.0 / 3.0]


def test_missing_argument_message():
    """A missing named argument is reported by name."""
    with pytest.raises(DefinitionError, match=r"^missing argument\(s\) tau_el$"):
        lambdify(T_KG)(tau_in=1.0)


def test_unknown_argument_message():
    """An unknown named argument lists the valid ones."""
    with pytest.raises(DefinitionError, match=r"^unknown argument 'tau'; arguments are tau_el, tau_in$"):
        lambdify(T_KG)(tau=1.0, tau_in=1.0, tau_el=1.0)


def test_special_constants_compile_for_numpy():
    """zeta(3) and gamma() in an expression compile (SciPy printer), matching SymPy's value."""
    x = sympy.Symbol("x", positive=True)
    expr = x * sympy.zeta(3) * sympy.gamma(x)
    assert lambdify(expr)(x=2.5) == pytest.approx(float(expr.subs(x, sympy.Rational(5, 2)).evalf(30)), rel=1e-14)


@pytest.mark.parametrize("expr", [e for _, e, _ in VOCABULARY], ids=[n for n, _, _ in VOCABULARY])
def test_special_function_lambdifies_for_mpmath(expr):
    """Each function of the parser's vocabulary compiles for mpmath and agrees with evalf to 35 of 40 digits."""
    point = vocabulary_point()
    with mpmath.workdps(40):
        exact = mpmath.mpmathify(expr.xreplace(point).evalf(40))
        got = lambdify(expr, args=list(point), backend="mpmath")(*(mpmath.mpmathify(v) for v in point.values()), dps=40)
        assert abs(got - exact) <= mpmath.mpf(10) ** -35 * abs(exact)


#: NumPy has polylog(s, z) only for z <= 0 and s in a fixed set (symcond.special.fermi_dirac.polylog_negative).
NUMPY_VOCABULARY = [(n, e) for n, e, _ in VOCABULARY if n != "polylog"]


@pytest.mark.parametrize("expr", [e for _, e in NUMPY_VOCABULARY], ids=[n for n, _ in NUMPY_VOCABULARY])
def test_special_function_lambdifies_for_numpy(expr):
    """Each function of the vocabulary (but polylog) compiles for NumPy to real float64 values within 1e-12."""
    point = vocabulary_point()
    got = lambdify(expr, args=list(point))(*(np.array([float(v)]) for v in point.values()))
    exact = float(expr.xreplace(point).evalf(30))
    assert np.asarray(got).dtype == np.float64 and float(np.asarray(got).ravel()[0]) == pytest.approx(exact, rel=1e-12)
