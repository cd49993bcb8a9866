"""Tests of symcond.special: double-precision Fermi–Dirac integrals against mpmath.

The dense sweep compares with ``data/fd_reference.npz`` (mpmath at 40 digits, checked at
60 digits and by quadrature; made by ``data/make_fd_reference.py``); live checks
recompute some of its points and test the reference itself against quadrature and
closed forms.
"""

from __future__ import annotations

import math
from pathlib import Path

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.errors import DefinitionError, NumericalError
from symcond.special import SUPPORTED_ORDERS, _fd_coeffs, fermi_dirac, fermi_dirac_mp, polylog_negative

REFERENCE = np.load(Path(__file__).with_name("data") / "fd_reference.npz")
TOLERANCE = 5e-16  # largest relative error seen on the sweep: 4.4e-16 (the reference is rounded to double)
RANDOM_TOLERANCE = 1e-15  # largest seen at random points (NumPy path): 6.7e-16
EXTREMES = np.array([-np.inf, -1e308, -800.0, -745.2, -708.5, -700.0, 0.0, 1e6, 1e200, 1e308, np.inf])
SEED = 20251121


def _reference_row(order: float) -> np.ndarray:
    """Return the stored 40-digit values of F_order on the sweep."""
    return REFERENCE["values"][list(REFERENCE["orders"]).index(order)]


def _quadrature(order: float, eta: float) -> mpmath.mpf:
    """F_j(eta) by direct quadrature in u = sqrt(t); j = -3/2 as dF_{-1/2}/deta."""
    x = mpmath.mpf(eta)

    def fermi(u: mpmath.mpf) -> mpmath.mpf:
        return 1 / (1 + mpmath.exp(u * u - x))

    if order == -1.5:
        return mpmath.quad(lambda u: 2 * fermi(u) * (1 - fermi(u)), [0, mpmath.sqrt(x), mpmath.inf]) / mpmath.sqrt(
            mpmath.pi
        )
    j = mpmath.mpf(order)
    edges = [0, mpmath.sqrt(x), mpmath.sqrt(x + 50), mpmath.inf]
    return mpmath.quad(lambda u: 2 * u ** (2 * j + 1) * fermi(u), edges) / mpmath.gamma(j + 1)


def test_reference_table_covers_every_supported_order() -> None:
    """The stored sweep has one row per supported order and spans [-700, 1e6]."""
    assert tuple(REFERENCE["orders"]) == SUPPORTED_ORDERS
    assert REFERENCE["eta"].min() == -700.0 and REFERENCE["eta"].max() == 1e6


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_dense_sweep_within_tolerance(order: float) -> None:
    """Relative error against mpmath (40 digits) is <= 5e-16 at every sweep point."""
    ref = _reference_row(order)
    rel = np.abs(fermi_dirac(order, REFERENCE["eta"]) / ref - 1.0)
    worst = int(np.argmax(rel))
    assert rel[worst] <= TOLERANCE, f"eta={REFERENCE['eta'][worst]!r}: relative error {rel[worst]:.2e}"


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_stored_reference_matches_live_mpmath(order: float) -> None:
    """Ten random stored reference values are reproduced by mpmath now."""
    pick = np.random.default_rng(SEED).choice(REFERENCE["eta"].size, 10, replace=False)
    live = [float(fermi_dirac_mp(order, float(REFERENCE["eta"][i]))) for i in pick]
    np.testing.assert_allclose(live, _reference_row(order)[pick], rtol=1e-15, atol=0)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    order=st.sampled_from(SUPPORTED_ORDERS),
    eta=st.floats(-700.0, 80.0) | st.floats(80.0, 1e6),
)
def test_random_points_match_live_mpmath(order: float, eta: float) -> None:
    """At random eta in [-700, 1e6] the relative error against live mpmath is <= 1e-15."""
    exact = fermi_dirac_mp(order, eta)
    assert abs(mpmath.mpf(fermi_dirac(order, eta)) / exact - 1) <= RANDOM_TOLERANCE


@pytest.mark.parametrize(
    ("order", "eta"), [(-1.5, 1.3), (-0.5, -7.0), (0.5, 0.25), (1.0, 12.0), (1.5, 47.0), (2.5, 3.0e3), (3.0, -2.5)]
)
def test_reference_agrees_with_quadrature(order: float, eta: float) -> None:
    """The mpmath reference (polylog / Hurwitz zeta) agrees with direct quadrature to 1e-30."""
    with mpmath.workdps(40):
        assert abs(fermi_dirac_mp(order, eta, dps=40) / _quadrature(order, eta) - 1) < 1e-30


@pytest.mark.parametrize("order", [-1.5, 0.5, 2.5])
@pytest.mark.parametrize("eta", [-30.0, 0.7, 64.0, 1e5])
def test_reference_stable_in_precision(order: float, eta: float) -> None:
    """The reference at 40 and 70 digits agrees to 1e-38."""
    low, high = fermi_dirac_mp(order, eta, dps=40), fermi_dirac_mp(order, eta, dps=70)
    assert abs(low / high - 1) < 1e-38


@pytest.mark.parametrize("order", [o for o in SUPPORTED_ORDERS if o != 0.0])
def test_value_at_zero_is_dirichlet_eta(order: float) -> None:
    """F_j(0) equals the Dirichlet eta function at j + 1 to double precision."""
    assert fermi_dirac(order, 0.0) == pytest.approx(float(mpmath.altzeta(order + 1)), rel=4e-16)


def test_order_zero_is_softplus() -> None:
    """F_0(eta) = log1p(exp(eta)), including where exp(eta) is far below epsilon."""
    eta = np.array([-600.0, -40.0, -1e-9, 3.0, 800.0])
    expected = [float(mpmath.log1p(mpmath.exp(e))) for e in eta]
    np.testing.assert_allclose(fermi_dirac(0, eta), expected, rtol=2e-16, atol=0)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_no_floating_point_warning_anywhere(order: float) -> None:
    """Sweep and extreme arguments raise no overflow/underflow/invalid/divide condition."""
    with np.errstate(all="raise"):
        fermi_dirac(order, np.concatenate([REFERENCE["eta"], EXTREMES]))


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_minus_infinity_gives_zero(order: float) -> None:
    """F_j(-inf) is 0."""
    assert fermi_dirac(order, -np.inf) == 0.0


@pytest.mark.parametrize(("order", "limit"), [(-1.5, 0.0), (-1.0, 1.0), (-0.5, np.inf), (0.0, np.inf), (3.0, np.inf)])
def test_plus_infinity_gives_limit(order: float, limit: float) -> None:
    """F_j(+inf) is inf for j > -1, 1 for j = -1 and 0 for j = -3/2."""
    assert fermi_dirac(order, np.inf) == limit


@pytest.mark.parametrize("order", [0.5, 1.0, 2.5, 3.0])
def test_beyond_double_range_gives_inf(order: float) -> None:
    """Where F_j exceeds the largest double the result is inf (no warning)."""
    with np.errstate(all="raise"):
        assert fermi_dirac(order, 1e300) == np.inf


@pytest.mark.parametrize("order", [-1.5, -0.5])
def test_huge_eta_follows_leading_power(order: float) -> None:
    """For eta = 1e300 the result is eta**(j+1)/Gamma(j+2) to double precision."""
    expected = math.exp((order + 1) * math.log(1e300) - math.lgamma(order + 2))
    assert fermi_dirac(order, 1e300) == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
@pytest.mark.parametrize("eta", [-720.0, -745.0])
def test_subnormal_results_equal_exp(order: float, eta: float) -> None:
    """Below eta = -708 the result is the subnormal exp(eta) (F_j = e**eta (1 - O(e**eta)))."""
    assert fermi_dirac(order, eta) == math.exp(eta)


@pytest.mark.parametrize("order", SUPPORTED_ORDERS)
def test_continuous_across_piece_edges(order: float) -> None:
    """At every piece edge the values one ulp apart differ by < 1e-15 plus the true change.

    The true relative change over one ulp is |d log F_j/d eta| * ulp(eta) <= ulp(eta).
    """
    edges = np.arange(_fd_coeffs.ETA_LO, 62.0, _fd_coeffs.WIDTH)
    below, above = fermi_dirac(order, np.nextafter(edges, -np.inf)), fermi_dirac(order, edges)
    assert np.all(np.abs(above / below - 1) <= 1e-15 + np.abs(np.spacing(edges)))


def test_scalar_input_gives_float() -> None:
    """A Python or 0-d NumPy scalar gives a Python float."""
    assert type(fermi_dirac(0.5, 1)) is float and type(fermi_dirac(0.5, np.float32(1))) is float


def test_array_shape_is_kept() -> None:
    """A 2-D array input gives a float64 array of the same shape."""
    out = fermi_dirac(-0.5, np.zeros((2, 3)))
    assert isinstance(out, np.ndarray) and out.shape == (2, 3) and out.dtype == np.float64


def test_exact_rational_order_is_accepted() -> None:
    """An exact rational order (sympy.S.Half) gives the same result as 0.5."""
    import sympy

    assert fermi_dirac(sympy.S.Half, 1.0) == fermi_dirac(0.5, 1.0)


def test_nan_raises_numerical_error() -> None:
    """NaN in eta raises NumericalError with a one-line message."""
    with pytest.raises(NumericalError, match=r"^'eta' must not be NaN \(got 1 NaN of 3 values\)$"):
        fermi_dirac(0.5, [0.0, np.nan, 1.0])


def test_unsupported_order_raises_definition_error() -> None:
    """An unsupported order raises DefinitionError, also a ValueError."""
    msg = r"^'order' must be one of -3/2, -1, -1/2, 0, 1/2, 1, 3/2, 2, 5/2, 3 \(got 0.25\)$"
    with pytest.raises(DefinitionError, match=msg) as info:
        fermi_dirac(0.25, 1.0)
    assert isinstance(info.value, ValueError)


def test_non_numeric_order_raises_definition_error() -> None:
    """A non-numeric order raises DefinitionError."""
    with pytest.raises(DefinitionError, match=r"^'order' must be a real number \(got 'half'\)$"):
        fermi_dirac("half", 1.0)  # type: ignore[arg-type]


def test_complex_eta_raises_definition_error() -> None:
    """Complex eta raises DefinitionError."""
    with pytest.raises(DefinitionError, match=r"^'eta' must be real \(got complex dtype complex128\)$"):
        fermi_dirac(0.5, 1j)


@pytest.mark.parametrize(("s", "z"), [(0.5, -0.3), (1.0, -2.0), (2.5, -1e5), (4.0, -7.0)])
def test_polylog_negative_matches_mpmath(s: float, z: float) -> None:
    """polylog_negative(s, z) equals mpmath.polylog(s, z) for z < 0."""
    with mpmath.workdps(40):
        expected = float(mpmath.re(mpmath.polylog(s, z)))
    assert polylog_negative(s, z) == pytest.approx(expected, rel=1e-14)


def test_polylog_negative_at_zero_is_zero() -> None:
    """Li_s(0) = 0 without a divide-by-zero warning."""
    with np.errstate(all="raise"):
        assert polylog_negative(1.5, 0.0) == 0.0


def test_polylog_negative_rejects_positive_argument() -> None:
    """A positive argument raises NumericalError."""
    with pytest.raises(NumericalError, match=r"^'z' of polylog_negative must be <= 0 \(got 1 positive values\)$"):
        polylog_negative(1.5, [-1.0, 0.5])


def test_polylog_negative_rejects_unsupported_order() -> None:
    """An order s with unsupported s - 1 raises DefinitionError naming s."""
    with pytest.raises(DefinitionError, match=r"\(got 5\)$"):
        polylog_negative(5, -1.0)


def test_reference_rejects_nan() -> None:
    """fermi_dirac_mp raises NumericalError for NaN eta."""
    with pytest.raises(NumericalError, match="must not be NaN"):
        fermi_dirac_mp(0.5, float("nan"))
