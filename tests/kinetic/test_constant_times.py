"""Constant collision times: exact f, Drude current at every field, Eq. (11), conservation.

References are independent: the closed-form convolution solution and Fermi integrals
evaluated with mpmath (:mod:`tests.kinetic.reference`).
"""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve
from tests.kinetic.reference import drude_G_G0, exact_f, fermi_integrals

EXACT_CASES = [(-30.0, 1.0, 0.5), (5.0, 0.75, -2.0), (200.0, 0.5, 5.0), (0.0, 1.0, 1.0e4)]


def _probe_indices(x: np.ndarray, eta: float) -> np.ndarray:
    """Pick nodes in the core, at both Fermi edges and in both tails."""
    edge = np.sqrt(max(eta, 0.0))
    targets = [0.0, 0.5 * edge, edge - 0.1, edge, edge + 0.1, edge + 2.0, edge + 6.0, 0.3 * x[-1]]
    targets += [-t for t in targets[1:]]
    return np.unique([int(np.argmin(np.abs(x - t))) for t in targets])


@pytest.mark.parametrize(("eta", "ratio", "field"), EXACT_CASES)
def test_f_matches_exact_constant_time_solution(eta: float, ratio: float, field: float) -> None:
    """The solver's f equals the exact convolution solution to 1e-12 of its peak."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    idx = _probe_indices(res.x, eta)
    exact = np.array([exact_f(res.x[i], eta, ratio, field) for i in idx])
    error = np.max(np.abs(res.f[idx] - exact)) / np.max(res.f)
    assert error <= 1e-12


@pytest.mark.parametrize("field", [1e-3, 0.3, 3.0, 30.0, -3.0, 1e4])
@pytest.mark.parametrize("eta", [-30.0, 5.0, 200.0])
def test_current_is_drude_at_every_field(eta: float, field: float) -> None:
    """I = n e^2 tau_m E / m, i.e. I/(e k_T v_th) = F tau_m n/k_T, at weak and strong fields."""
    ratio = 0.75
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    tau_m = ratio / (1.0 + ratio)
    assert res.current == pytest.approx(field * tau_m * res.density, rel=1e-12)


@pytest.mark.parametrize("field", [0.0, 1e-3, 10.0])
@pytest.mark.parametrize(("eta", "ratio"), [(-30.0, 1.0), (0.0, 0.5), (30.0, 0.75), (200.0, 1.0)])
def test_conductance_reproduces_eq_11(eta: float, ratio: float, field: float) -> None:
    """G/G0 equals Eq. (11) with tau_el from Eq. (10), in linear response and beyond."""
    res = solve(KineticParams(eta=eta, ratio=ratio, field=field))
    assert res.G_G0 == pytest.approx(drude_G_G0(eta, ratio), rel=1e-8)


@pytest.mark.parametrize(("eta", "field"), [(-30.0, 2.0), (10.0, 0.7), (200.0, 20.0)])
def test_density_is_conserved(eta: float, field: float) -> None:
    """<f> = <f_eq>: n/k_T = N/pi with N = Integral f_eq dx from mpmath."""
    res = solve(KineticParams(eta=eta, ratio=1.0, field=field))
    n_eq, _ = fermi_integrals(eta)
    assert res.density == pytest.approx(n_eq / np.pi, rel=1e-13)


def test_energy_balance_by_independent_quadrature() -> None:
    """Joule power (2F/pi) Int x f equals inelastic loss (1/pi) Int x^2 (f - C f_eq)/R (Simpson)."""
    ratio, field = 0.5, 1.0
    res = solve(KineticParams(eta=5.0, ratio=ratio, field=field))
    x = np.linspace(-res.domain_end, res.domain_end, 100_001)
    f, f_eq = res.occupation(x), 1.0 / (1.0 + np.exp(x * x - 5.0))
    from scipy.integrate import simpson

    joule = 2.0 * field * simpson(x * f, x=x) / np.pi
    loss = simpson(x * x * (f - res.restoring_constant * f_eq) / ratio, x=x) / np.pi
    assert (joule, loss) == pytest.approx((res.joule_power, res.joule_power), rel=1e-9)


def test_built_in_checks_pass_for_a_strong_field() -> None:
    """Density conservation, energy balance and convergence are reported as passed."""
    res = solve(KineticParams(eta=50.0, ratio=0.5, field=25.0))
    assert res.success and res.checks.passed and res.checks.energy_residual < 1e-12


def test_negative_field_mirrors_the_distribution() -> None:
    """f(x; -F) = f(-x; F) and the current changes sign."""
    plus = solve(KineticParams(eta=3.0, ratio=1.0, field=2.0))
    minus = solve(KineticParams(eta=3.0, ratio=1.0, field=-2.0))
    assert np.max(np.abs(minus.f - plus.f[::-1])) < 1e-15 and minus.current == -plus.current
