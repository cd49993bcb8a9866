"""Green-Kubo at F = 0 (dasgreen2003 Eqs. (1)-(3)): C_vv, its integral and the linear-response G.

Derivation of the closed forms tested here (constant times, any statistics): a flip at
rate 1/(2 tau_el) reverses v and a re-draw from the even density f_eq / tau_in erases it,
so d E[v(t) | v(0)] / dt = -(2 / (2 tau_el) + 1 / tau_in) E[v(t) | v(0)], i.e.
C_vv(t) = exp(-t / tau_m) with 1/tau_m = 1/tau_el + 1/tau_in (Matthiessen, Eq. (5)), and
Integral C_vv dt = tau_m, so sigma = n e^2 tau_m / m (Eq. (3)): G / G0 = (N^2/M) tau_m.
Every tolerance is three standard errors of the Monte Carlo estimate.
"""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import EquilibriumResult, equilibrium
from tests.kinetic.reference import linear_response_G_G0
from tests.montecarlo.conftest import DEGENERATE_ETA, RATIO, lorentzian
from tests.montecarlo.reference import moments, tau_m, weighted_moments

TAU = tau_m(RATIO)


@pytest.mark.parametrize("multiple", [1.0, 2.0, 4.0])
def test_cvv_is_exponential_in_tau_m(either: EquilibriumResult, multiple: float) -> None:
    """C_vv(t) = exp(-t / tau_m) at t = tau_m, 2 tau_m, 4 tau_m within 3 standard errors."""
    k = int(np.argmin(np.abs(either.lags - multiple * TAU)))
    assert abs(either.cvv[k] - np.exp(-either.lags[k] / TAU)) <= 3.0 * either.cvv_stderr[k]


def test_cvv_integral_is_tau_m(either: EquilibriumResult) -> None:
    """Integral C_vv dt = tau_m = R / (1 + R) (Eqs. (2)-(3)) within 3 standard errors."""
    assert either.cvv_integral.agrees(TAU)


def test_cvv_rejects_flip_rate_without_the_half(classical: EquilibriumResult) -> None:
    """A flip rate 1/tau_el (not 1/(2 tau_el)) would give 1/tau_m' = 2 + 1/R: rejected by > 20 sigma."""
    wrong = 1.0 / (2.0 + 1.0 / RATIO)
    assert abs(classical.cvv_integral.z(wrong)) > 20.0


def test_green_kubo_G_is_eq_11(either: EquilibriumResult) -> None:
    """Linear-response G/G0 = (N^2/M) R/(1+R) (Eq. (11) with Eq. (10)) within 3 standard errors."""
    m = moments(either.params.eta)
    assert either.G_G0.agrees(m.g_scale * TAU)


def test_green_kubo_rejects_factor_two(degenerate: EquilibriumResult) -> None:
    """Twice Eq. (11) (the paper's plateau convention vbar -> v_F halves L) is rejected by > 20 sigma."""
    m = moments(degenerate.params.eta)
    assert abs(degenerate.G_G0.z(2.0 * m.g_scale * TAU)) > 20.0


def test_eq_1_3_normalised_form_gives_the_same_G(either: EquilibriumResult) -> None:
    """(N^2/M) Integral C_vv dt equals Eq. (11) for constant times at any eta."""
    m = moments(either.params.eta)
    assert either.G_G0_eq3.agrees(m.g_scale * TAU)


def test_energy_dependent_green_kubo_matches_quadrature_and_solver(energy_dependent: EquilibriumResult) -> None:
    """With tau_in ~ 1/(1 + eps), Green-Kubo G agrees with mpmath linear response and the solver."""
    from symcond.kinetic import solve

    exact = linear_response_G_G0(DEGENERATE_ETA, 1.0, lorentzian)
    assert energy_dependent.G_G0.agrees(exact) and energy_dependent.G_G0.agrees(solve(energy_dependent.params).G_G0)


def test_energy_dependent_cvv_integral_is_sea_average(energy_dependent: EquilibriumResult) -> None:
    """E[x(t) | x0] = x0 exp(-t / t_m(x0)), so Integral C_vv dt = <x^2 t_m> / <x^2> (mpmath), 3 sigma."""
    x2t, x2, _ = weighted_moments(DEGENERATE_ETA, 1.0, lorentzian)
    assert energy_dependent.cvv_integral.agrees(x2t / x2)


def test_elastic_only_correlation_decays_at_one_over_tau_el() -> None:
    """Without inelastic scattering (R = inf, allowed at F = 0), Integral C_vv dt = tau_el."""
    res = equilibrium(KineticParams(eta=0.0, ratio=float("inf")), particles=1000, time=200.0, seed=22)
    assert res.cvv_integral.agrees(1.0)
