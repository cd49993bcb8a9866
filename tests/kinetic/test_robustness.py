"""Extreme fields and tau ratios: a correct finite answer or a clear one-line error.

Every solve runs with floating-point overflow, invalid operations and division by zero
raising and warnings as errors (underflow allowed), as in the soundness suite.  References
are mpmath: the closed form ``(N**2/M) R/(1+R)`` (constant times: exact at any field, Drude)
and the exact convolution solution (:mod:`tests.kinetic.reference`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np
import pytest

from symcond.errors import DefinitionError, NumericalError, SolverError
from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve
from tests.kinetic.reference import closed_form_G_G0, exact_f, linear_response_G_G0

#: Fields so weak that first order is exact: these failed before (G/G0 = 0, off by 1 %, or overflow).
WEAK_FIELD_CASES = [
    (-500.0, 1.0, 1e-300), (-500.0, 1e8, 1e-100), (-500.0, 1e-8, 1e-100), (-500.0, 1e300, 1e-300),
    (-50.0, 1.0, 1e-300), (-50.0, 1e8, 1e-300), (-50.0, 1e300, 1e-300), (0.0, 1e-8, 1e-300),
    (1000.0, 1e-8, 1e-300), (5000.0, 1e-8, 1e-300), (0.0, 1.0, -1e-300), (0.0, 1.0, 5e-324),
]
#: ratio = 1e-300 with an ordinary field: the field shifts f by only |F| * 1e-300 (overflowed before).
TINY_RATIO_CASES = [(0.0, 1e-8), (50.0, -1.0), (1000.0, 1e-12), (5000.0, 100.0)]
#: ratio = 1e-300 with a field strong enough to matter (rates of 1e300, rescaled internally).
STRONG_CASES = [(0.0, 1e300), (50.0, -1e300), (5000.0, 1e300)]


@pytest.fixture(autouse=True)
def strict_floats() -> Iterator[None]:
    """Overflow, invalid and divide-by-zero raise; warnings are errors."""
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"), warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _relative_error(value: float, reference) -> float:
    """Return ``|value / reference - 1|`` for an mpmath reference in the normal double range."""
    assert float(reference) > np.finfo(float).tiny
    return abs(value - float(reference)) / float(reference)


@pytest.mark.parametrize(("eta", "ratio", "field"), WEAK_FIELD_CASES)
def test_weak_field_gives_the_closed_form(eta: float, ratio: float, field: float) -> None:
    """A field far below the linear-response threshold converges to (N**2/M) R/(1+R) within 1e-12."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    assert res.success and _relative_error(res.G_G0, closed_form_G_G0(eta, ratio)) <= 1e-12


@pytest.mark.parametrize(("eta", "ratio", "field"), WEAK_FIELD_CASES[:4])
def test_weak_field_is_reported_as_linear_response(eta: float, ratio: float, field: float) -> None:
    """The result says that the field was solved to first order."""
    assert solve(KineticParams(eta=eta, ratio=ratio, field=field)).linear_response


@pytest.mark.parametrize(("eta", "field"), TINY_RATIO_CASES)
def test_tiny_ratio_with_a_field_gives_the_closed_form(eta: float, field: float) -> None:
    """ratio = 1e-300 with |F| <= 100 converges to (N**2/M) R/(1+R) ~ 1e-300 within 1e-12."""
    res = solve(KineticParams(eta=eta, ratio=1e-300, field=field))
    assert res.success and _relative_error(res.G_G0, closed_form_G_G0(eta, 1e-300)) <= 1e-12


@pytest.mark.parametrize(("eta", "field"), STRONG_CASES)
def test_tiny_ratio_with_huge_field_gives_the_closed_form(eta: float, field: float) -> None:
    """ratio = 1e-300 and |F| = 1e300 (decay length ~ 1 k_T) is a full solve that matches Drude within 1e-12."""
    res = solve(KineticParams(eta=eta, ratio=1e-300, field=field))
    assert res.success and not res.linear_response
    assert _relative_error(res.G_G0, closed_form_G_G0(eta, 1e-300)) <= 1e-12


def test_tiny_ratio_with_huge_field_gives_the_exact_distribution() -> None:
    """At ratio = 1e-300, F = 1e300 the occupation equals the exact convolution solution to 1e-12 of its peak."""
    eta, ratio, field = 5.0, 1e-300, 1e300
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    x = np.array([-6.0, -3.0, -np.sqrt(eta), -1.0, 0.0, 0.5, np.sqrt(eta), 3.0, 6.0, 12.0, 30.0])
    exact = np.array([exact_f(v, eta, ratio, field) for v in x])
    assert np.max(np.abs(res.occupation(x) - exact)) <= 1e-12 * np.max(res.f)


def test_weak_field_current_is_drude() -> None:
    """At F = 1e-300 the current is F tau_m n to 1e-13 (not underflowed, not zero)."""
    ratio, field = 1.0, 1e-300
    res = solve(KineticParams(eta=0.0, ratio=ratio, field=field))
    assert res.current == pytest.approx(field * ratio / (1.0 + ratio) * res.density, rel=1e-13, abs=0.0)


@pytest.mark.parametrize("field", [1e-9, 1e-7])
def test_energy_dependent_G_is_continuous_at_the_threshold(field: float) -> None:
    """Just below (first order) and just above (full solve) the threshold, G matches the mpmath quadrature to 1e-11."""
    law = lambda eps: 1.0 / (1.0 + eps)  # noqa: E731
    res = solve(KineticParams(eta=0.0, ratio=1.0, field=field, tau_in_law=law))
    assert res.linear_response == (field < 1e-8)
    assert res.G_G0 == pytest.approx(linear_response_G_G0(0.0, 1.0, law), rel=1e-11)


def test_inelastic_rate_vanishing_at_the_band_bottom_allows_linear_response() -> None:
    """tau_in ~ eps**(-1/2) (1/tau_in = 0 at k = 0) at F = 1e-300 gives the mpmath linear-response G to 1e-12."""
    law = lambda eps: eps**-0.5  # noqa: E731
    res = solve(KineticParams(eta=0.0, ratio=1.0, field=1e-300, tau_in_law=law))
    assert res.success and res.linear_response
    assert res.G_G0 == pytest.approx(linear_response_G_G0(0.0, 1.0, law), rel=1e-12)


def test_ratio_below_the_normal_range_is_refused() -> None:
    """A subnormal ratio, whose inverse overflows, raises DefinitionError with the rule."""
    with pytest.raises(DefinitionError) as info:
        KineticParams(eta=0.0, ratio=1e-320, field=1.0)
    assert str(info.value) == (
        "'ratio' must be at least 2.225e-308, the smallest normal double, so that the "
        "inelastic rate 1/ratio is finite (got 1e-320)"
    )


def test_unrepresentable_joule_power_raises_numerical_error() -> None:
    """At ratio = 1e-300, F = 1e305 the Joule power 2 F I / pi ~ 1e309 overflows: a one-line NumericalError."""
    with pytest.raises(NumericalError) as info:
        solve(KineticParams(eta=0.0, ratio=1e-300, field=1e305))
    assert str(info.value) == (
        "floating-point overflow while solving Eq. (9) for eta=0.0, ratio=1e-300, field=1e+305: "
        "the solution is not representable in double precision"
    )


def test_vanishing_decay_rate_is_a_runaway_not_missing_scattering() -> None:
    """ratio = 1e300 with F = 1e200: the tail's decay rate underflows to 0, reported as runaway carriers."""
    with pytest.raises(SolverError) as info:
        solve(KineticParams(eta=5.0, ratio=1e300, field=1e200))
    assert str(info.value) == (
        "no steady state within |k| <= 1e+07 k_T: the field-driven tail does not decay "
        "(only 0 e-folds), carriers run away"
    )
