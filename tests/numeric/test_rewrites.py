"""Stable NumPy rewrites: each is an identity, and the lambdified forms match mpmath at 40 digits."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.numeric import rewrites, special_functions
from symcond.numeric.lambdify import NUMPY_FUNCTIONS, NUMPY_REWRITES, lambdify
from symcond.numeric.rewrites import expit, scaled_product, softplus, stable_rewrite, to_elementary
from symcond.special import sympy_fd
from symcond.special.scaled import fermi_dirac_tracked
from symcond.special.sympy_fd import FermiDirac, polylog_to_fermi_dirac

X = sympy.Symbol("x", real=True)
Y = sympy.Symbol("y", positive=True)
HALF = sympy.Rational(1, 2)
DENSE = np.linspace(-700.0, 700.0, 1401)
WIDE = st.floats(min_value=-700.0, max_value=700.0, allow_nan=False)
TOLERANCE = 1e-13

EXPRESSIONS = {
    "softplus": sympy.log(1 + sympy.exp(X)),
    "softplus shifted": sympy.log(2 + 3 * sympy.exp(X)),
    "softplus from integrate": X + sympy.log(1 + sympy.exp(-X)),
    "logistic": 1 / (1 + sympy.exp(X)),
    "logistic numerator": sympy.exp(X) / (1 + sympy.exp(X)),
    "logistic squared": 1 / (1 + sympy.exp(X)) ** 2,
    "log1p": sympy.log(1 + Y),
    "expm1": sympy.exp(Y) - 1,
    "fermi-dirac ratio": FermiDirac(-HALF, X) ** 2 / FermiDirac(0, X),
}


def _mp(expr: sympy.Expr, x: float) -> mpmath.mpf:
    """``expr`` at x with mpmath: 40 digits, plus the |x|/ln(10) digits that exp(+-x) can cancel in
    elementary forms (Fermi–Dirac integrals are evaluated without cancellation by fermi_dirac_mp)."""
    dps = 40 if expr.has(FermiDirac) else 50 + int(abs(x) / 2.3)
    return lambdify(expr, args=(X,), backend="mpmath")(mpmath.mpf(x), dps=dps)


def _relative(got: float, ref: mpmath.mpf) -> float:
    """Relative error; a true value below the normal double range only needs a result below it too."""
    tiny = np.finfo(float).tiny
    if abs(ref) < tiny:
        return 0.0 if abs(got) < tiny else 1.0
    return float(abs(mpmath.mpf(got) - ref) / abs(ref))


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_rewrite_is_an_identity(name):
    """stable_rewrite changes the form, never the value: its elementary form simplifies back."""
    expr = EXPRESSIONS[name]
    assert sympy.simplify(to_elementary(stable_rewrite(expr)) - expr) == 0


@pytest.mark.parametrize(("name", "replaced"), [
    ("softplus", softplus), ("softplus shifted", softplus), ("softplus from integrate", softplus),
    ("logistic", expit), ("logistic numerator", expit), ("fermi-dirac ratio", scaled_product),
])
def test_rewrite_uses_the_stable_function(name, replaced):
    """Each hazardous form is replaced by the stable function meant for it."""
    assert stable_rewrite(EXPRESSIONS[name]).has(replaced)


@pytest.mark.parametrize("name", ["softplus", "softplus from integrate", "logistic", "logistic numerator",
                                  "logistic squared", "fermi-dirac ratio"])
def test_dense_sweep_matches_mpmath(name):
    """On a dense grid of [-700, 700] the lambdified form is within 1e-13 of mpmath at 40 digits."""
    expr = EXPRESSIONS[name]
    got = lambdify(expr)(DENSE[::7])
    worst = max(_relative(g, _mp(expr, x)) for g, x in zip(got, DENSE[::7], strict=True))
    assert worst <= TOLERANCE


@settings(max_examples=40, deadline=None, derandomize=True)
@given(x=WIDE)
def test_softplus_cancellation_form_is_accurate(x):
    """x + log(1 + exp(-x)) (SymPy's integrate output) keeps 13 digits for every x in [-700, 700]."""
    expr = EXPRESSIONS["softplus from integrate"]
    assert _relative(float(lambdify(expr)(x)), _mp(expr, x)) <= TOLERANCE


@settings(max_examples=40, deadline=None, derandomize=True)
@given(x=WIDE)
def test_logistic_numerator_form_is_accurate(x):
    """exp(x)/(1 + exp(x)) keeps 13 digits for every x in [-700, 700]."""
    expr = EXPRESSIONS["logistic numerator"]
    assert _relative(float(lambdify(expr)(x)), _mp(expr, x)) <= TOLERANCE


@pytest.mark.parametrize("x", [-745.0, 710.0, 1e4])
def test_extreme_arguments_give_finite_limits(x):
    """Beyond the overflow threshold of exp the logistic forms return their limits, not NaN."""
    got = lambdify(EXPRESSIONS["logistic numerator"])(x)
    assert got == pytest.approx(1.0 if x > 0 else 0.0, abs=1e-300)


def test_scaled_product_avoids_intermediate_underflow():
    """F_{-1/2}(x)**3/F_0(x)**2 at x = -300 equals ~exp(-300) although F_{-1/2}**3 alone underflows."""
    expr = FermiDirac(-HALF, X) ** 3 / FermiDirac(0, X) ** 2
    got = float(lambdify(expr)(-300.0))
    assert _relative(got, _mp(expr, -300.0)) <= TOLERANCE


def test_polylog_lambdifies_without_name_error():
    """-polylog(1/2, -exp(x)) lambdifies to the Fermi–Dirac integral and matches mpmath at x = -700 and 700."""
    expr = -sympy.polylog(HALF, -sympy.exp(X))
    got = lambdify(expr)(np.array([-700.0, 700.0]))
    with mpmath.workdps(40):
        ref = [-mpmath.polylog(HALF, -mpmath.exp(-700)), 2 * mpmath.sqrt(700) / mpmath.sqrt(mpmath.pi)]
    assert _relative(got[0], ref[0]) <= TOLERANCE and abs(got[1] / float(ref[1]) - 1) < 1e-5


def test_mpmath_backend_is_not_rewritten():
    """The mpmath back end compiles the expression as written."""
    expr = sympy.log(1 + sympy.exp(X))
    assert lambdify(expr, backend="mpmath").expr == expr


def test_pipeline_is_the_fixed_tables():
    """lambdify's NumPy tables are the special-function, Fermi–Dirac and stability ones, in order; read-only."""
    assert NUMPY_REWRITES == (polylog_to_fermi_dirac, stable_rewrite)
    assert dict(NUMPY_FUNCTIONS) == {**special_functions.NUMPY_FUNCTIONS, **sympy_fd.NUMPY_FUNCTIONS,
                                     **rewrites.NUMPY_FUNCTIONS}
    assert NUMPY_FUNCTIONS["FermiDirac"] is fermi_dirac_tracked
    with pytest.raises(TypeError):
        NUMPY_FUNCTIONS["FermiDirac"] = np.exp  # type: ignore[index]


def test_stable_functions_evaluate_at_high_precision():
    """softplus, expit and scaled_product evalf to 40 digits like their elementary forms."""
    expr = softplus(X) * expit(X) * scaled_product(sympy.exp(X), 2)
    value = expr.subs(X, sympy.Rational(-3, 7))
    assert abs(value.evalf(40) - to_elementary(value).evalf(40)) < sympy.Float("1e-38")


# --- Fermi–Dirac products far below the double range (F_j(x) ~ exp(x) underflows below x ~ -745) ---

R = sympy.Symbol("R", positive=True)
SCALED = {
    "same argument": FermiDirac(-HALF, X) / FermiDirac(0, X),
    "square over one": FermiDirac(-HALF, X) ** 2 / FermiDirac(0, X) * 1e300 * R / (1 + R),
    "different arguments": FermiDirac(HALF, X) * FermiDirac(-1, X - 3) ** -1,
    "half power": FermiDirac(0, X) / sympy.sqrt(FermiDirac(-3 * HALF, 2 * X)),
}
FAR = st.floats(min_value=-1e6, max_value=-700.0, allow_nan=False)


def _mp_at(expr: sympy.Expr, x: float, r: float = 1.0) -> mpmath.mpf:
    """``expr`` at (x, R = r) with mpmath at 40 digits."""
    return lambdify(expr.subs(R, r), args=(X,), backend="mpmath")(mpmath.mpf(x), dps=40)


@pytest.mark.parametrize("name", sorted(SCALED))
@pytest.mark.parametrize("x", [-800.0, -1e4, -1e6])
def test_fermi_dirac_products_are_accurate_far_below_underflow(name, x):
    """Products and quotients of Fermi–Dirac integrals match mpmath (40 digits) to 1e-14 at x = -800, -1e4, -1e6."""
    expr = SCALED[name].subs(R, 1.0)
    with np.errstate(all="raise"):
        got = float(lambdify(expr, args=(X,))(x))
    assert _relative(got, _mp_at(expr, x)) <= 1e-14


@settings(max_examples=30, deadline=None, derandomize=True)
@given(x=FAR, r=st.sampled_from([1e-300, 1.0, 1e300]), name=st.sampled_from(sorted(SCALED)))
def test_fermi_dirac_products_property_far_below_underflow(x, r, name):
    """At random x in [-1e6, -700] and extreme R the scaled forms match mpmath to 1e-14 without FP warnings."""
    expr = SCALED[name]
    with np.errstate(all="raise"):
        got = float(lambdify(expr, args=(X, R))(x, r))
    assert _relative(got, _mp_at(expr, x, r)) <= 1e-14


def test_true_underflow_of_a_product_gives_zero_not_nan():
    """F_{-1/2}(x)**3/F_0(x)**2 ~ exp(x) at x = -1e4 is a true underflow: exactly 0.0, no NaN or warning."""
    expr = FermiDirac(-HALF, X) ** 3 / FermiDirac(0, X) ** 2
    with np.errstate(all="raise"):
        assert lambdify(expr)(np.array([-1e4, -745.2]))[0] == 0.0


def test_large_factor_rescues_an_underflowing_fermi_dirac_square():
    """1e300 R F_{-1/2}(x)**2/F_0(x) at x = -700, R = 1e300 is ~1e-4 although F_{-1/2}**2 underflows alone."""
    expr = SCALED["square over one"]
    got = float(lambdify(expr, args=(X, R))(-700.0, 1e300))
    assert got > 1e-5 and _relative(got, _mp_at(expr, -700.0, 1e300)) <= 1e-14
