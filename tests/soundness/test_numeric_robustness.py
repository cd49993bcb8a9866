"""Numerical robustness at extreme eta, tau ratios and fields: a correct finite answer or a clear error.

Every evaluation runs with overflow, invalid operations and division by zero raising, and
with warnings as errors; underflow to zero is allowed because the accuracy checks below
catch it whenever it damages a result.  References are mpmath at 30 digits (Fermi–Dirac
integrals as -polylog(j + 1, -exp(eta))), independent of the code under test.
"""

import importlib.util
import math
import warnings

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.errors import NumericalError, SymcondError
from symcond.ledger.run import load_papers
from tests.soundness.oracle import compile_expr, value_at

HAS_FD = importlib.util.find_spec("symcond.special.fermi_dirac") is not None
HAS_KINETIC = importlib.util.find_spec("symcond.kinetic") is not None
TINY = np.finfo(float).tiny  # smallest normal double
HUGE = np.finfo(float).max
ETAS = (-1e6, -800.0, -745.0, -708.0, -400.0, -50.0, 0.0, 50.0, 700.0, 1e4, 1e6, 1e15, 1e300)


@pytest.fixture(autouse=True)
def strict_floats():
    """Overflow, invalid and divide-by-zero raise; warnings are errors."""
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"), warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def fermi_dirac_reference(order: float, eta: float) -> mpmath.mpf:
    """F_j(eta) at 30 digits: -Li_{j+1}(-e^eta), or the two-term Sommerfeld series for eta > 1e5."""
    with mpmath.workdps(30):
        j, x = mpmath.mpf(order), mpmath.mpf(eta)
        if x > 1e5:
            return x ** (j + 1) / mpmath.gamma(j + 2) * (1 + (j + 1) * j * mpmath.pi**2 / (6 * x**2))
        if j == 0:
            return mpmath.log1p(mpmath.exp(x))
        return -mpmath.re(mpmath.polylog(j + 1, -mpmath.exp(x)))


def assert_close_or_out_of_range(value: float, reference: mpmath.mpf, rtol: float) -> None:
    """A normal double within ``rtol``; 0 or subnormal below the normal range; inf beyond the largest."""
    assert not math.isnan(value)
    if reference > HUGE:
        assert value == math.inf
    elif abs(reference) < TINY:
        assert abs(value) < 2 * TINY
    else:
        assert abs(value - float(reference)) <= rtol * abs(float(reference))


# --- Fermi–Dirac integrals ------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_FD, reason="symcond.special.fermi_dirac is not committed")
@pytest.mark.parametrize("eta", ETAS)
@pytest.mark.parametrize("order", [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0])
def test_fermi_dirac_is_accurate_or_out_of_range_at_extreme_eta(order, eta):
    """F_j(eta) matches mpmath to 1e-13, or is 0/subnormal/inf exactly when the true value is."""
    from symcond.special import fermi_dirac

    assert_close_or_out_of_range(float(fermi_dirac(order, eta)), fermi_dirac_reference(order, eta), 1e-13)


@pytest.mark.skipif(not HAS_FD, reason="symcond.special.fermi_dirac is not committed")
@settings(max_examples=60, deadline=None, derandomize=True)
@given(order=st.sampled_from([-1.5, -0.5, 0.5, 1.5, 2.5]), eta=st.floats(-740.0, 1e5))
def test_fermi_dirac_property_against_mpmath(order, eta):
    """At random eta in [-740, 1e5] the NumPy value matches the mpmath reference to 1e-13."""
    from symcond.special import fermi_dirac

    assert_close_or_out_of_range(float(fermi_dirac(order, eta)), fermi_dirac_reference(order, eta), 1e-13)


@pytest.mark.skipif(not HAS_FD, reason="symcond.special.fermi_dirac is not committed")
@pytest.mark.parametrize("eta", [math.nan, np.array([0.0, math.nan])])
def test_fermi_dirac_refuses_nan(eta):
    """NaN input raises NumericalError instead of returning NaN."""
    from symcond.special import fermi_dirac

    with pytest.raises(NumericalError, match="must not be NaN"):
        fermi_dirac(0.5, eta)


@pytest.mark.skipif(not HAS_FD, reason="symcond.special.fermi_dirac is not committed")
@pytest.mark.parametrize("order, expected", [(-1.5, 0.0), (-1.0, 1.0), (0.5, math.inf)])
def test_fermi_dirac_limits_at_infinity(order, expected):
    """F_j(-inf) = 0 and F_j(+inf) is the documented limit (0, 1 or inf)."""
    from symcond.special import fermi_dirac

    assert float(fermi_dirac(order, -math.inf)) == 0.0
    assert float(fermi_dirac(order, math.inf)) == expected


# --- closed forms of the claims --------------------------------------------------------------------

def _closed_forms():
    """(claim id, result expression) of the derivations whose result contains a Fermi–Dirac integral."""
    found = []
    for paper in load_papers():
        for claim in paper:
            result = getattr(claim, "result", None)
            if result is not None and "FermiDirac" in sympy.srepr(result):
                found.append((claim.id, paper.context(claim).prepare(result)))
    return found


CLOSED_FORMS = _closed_forms()
RATIOS = (1e-300, 1e-12, 1.0, 1e12, 1e300)


def _closed_form_cases():
    return [pytest.param(claim_id, expr, eta, id=f"{claim_id}-eta={eta:g}")
            for claim_id, expr in CLOSED_FORMS
            for eta in (-1e6, -800.0, -700.0, -400.0, -300.0, -30.0, 0.0, 30.0, 1e3, 1e6, 1e15)]


@pytest.mark.skipif(not CLOSED_FORMS, reason="no derivation result contains a Fermi-Dirac integral")
@pytest.mark.parametrize("claim_id, expr, eta", _closed_form_cases())
def test_closed_form_is_accurate_at_extreme_eta_and_ratios(claim_id, expr, eta):
    """The lambdified result matches mpmath to 1e-10 at extreme eta and tau ratios (other symbols 1)."""
    from symcond.numeric.lambdify import lambdify

    func = lambdify(expr)
    reference = compile_expr(expr, func.args)
    for ratio in RATIOS:
        point = {name: (eta if name == "eta" else ratio if name == "R" else 1.0) for name in func.names}
        with mpmath.workdps(30):
            expected = mpmath.re(value_at(reference, [point[n] for n in func.names], 30))
        assert_close_or_out_of_range(float(func(**point)), expected, 1e-10)


# --- the kinetic solver -----------------------------------------------------------------------------

def _g_over_g0_reference(eta: float, ratio: float) -> mpmath.mpf:
    """Constant-time linear response G/G0 = (N**2/M) R/(1+R), N = sqrt(pi) F_{-1/2}, M = F_0."""
    with mpmath.workdps(30):
        n = mpmath.sqrt(mpmath.pi) * fermi_dirac_reference(-0.5, eta)
        m = fermi_dirac_reference(0.0, eta)
        r = mpmath.mpf(ratio)
        return n**2 / m * r / (1 + r)


SOLVER_ETAS = (-500.0, -50.0, 0.0, 50.0, 1000.0, 5000.0)
SOLVER_RATIOS = (1e-300, 1e-8, 1.0, 1e8, 1e300)
SOLVER_FIELDS = (1e-300, 1e-8, 1.0, -1.0, 1e2, 1e300)
LINEAR_FIELDS = (0.0, 1e-12, 1e-100, 1e-300)


def _solver_cases(fields):
    return [pytest.param(eta, ratio, field, id=f"eta={eta:g}-R={ratio:g}-F={field:g}")
            for eta in SOLVER_ETAS for ratio in SOLVER_RATIOS for field in fields]


@pytest.mark.skipif(not HAS_KINETIC, reason="symcond.kinetic is not committed")
@pytest.mark.parametrize("eta, ratio, field", _solver_cases(SOLVER_FIELDS))
def test_solver_gives_a_finite_answer_or_a_clear_error(eta, ratio, field):
    """solve() returns a finite G/G0 or raises a SymcondError (no NaN, no floating-point exception)."""
    from symcond.kinetic import KineticParams, solve

    try:
        result = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    except SymcondError:
        return
    assert math.isfinite(result.G_G0), result.message


@pytest.mark.skipif(not HAS_KINETIC, reason="symcond.kinetic is not committed")
@pytest.mark.parametrize("eta, ratio, field", _solver_cases(LINEAR_FIELDS))
def test_solver_linear_response_matches_closed_form(eta, ratio, field):
    """For constant times and a vanishing field, a converged G/G0 equals (N**2/M) R/(1+R) to 1e-10."""
    from symcond.kinetic import KineticParams, solve

    try:
        result = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    except SymcondError:
        return
    if result.success:
        assert_close_or_out_of_range(result.G_G0, _g_over_g0_reference(eta, ratio), 1e-10)


@pytest.mark.skipif(not HAS_KINETIC, reason="symcond.kinetic is not committed")
@pytest.mark.parametrize("kwargs, name", [
    (dict(eta=math.nan), "eta"), (dict(eta=math.inf), "eta"), (dict(eta=-1e4), "eta"),
    (dict(eta=0.0, ratio=math.nan), "ratio"), (dict(eta=0.0, ratio=0.0), "ratio"), (dict(eta=0.0, ratio=-1.0), "ratio"),
    (dict(eta=0.0, field=math.nan), "field"), (dict(eta=0.0, field=math.inf), "field"),
])
def test_solver_parameters_refuse_nan_inf_and_negative(kwargs, name):
    """NaN, infinite, negative or out-of-range parameters raise a SymcondError naming the parameter."""
    from symcond.kinetic import KineticParams

    with pytest.raises(SymcondError, match=f"'{name}' must"):
        KineticParams(**kwargs)
