"""Diffusion at F = 0 and the Einstein relations (classical, and reggiani2026 Eqs. (3), (19), (23)).

Closed forms (constant times).  D = <v^2> tau_m, i.e. D / (v_th^2 tau_el0) = <x^2> tau_m.
Classical Einstein G = e^2 N D / (k_B T L^2) over the true G is 2 <x^2>.  With the measured
differential velocity v'^2 = <x^2 (1-f)> / <1-f> = 1 / (2 Fano) (reggiani2026 Eq. (3),
Fano = dN^2 / N = <1 - f>), Eq. (19) D = v'^2 tau and Eq. (23) G = e^2 m N D / h_s^2 with
h_s = m v' L hold for the Pauli-weighted diffusion D' but give 2 <x^2> Fano with the
independent-particle D.  Gamma = l / L = sqrt(v'^2) tau_m N / M.  Tolerances: 3 sigma.
"""

from __future__ import annotations

import math

from symcond.montecarlo import EquilibriumResult
from tests.montecarlo.conftest import RATIO
from tests.montecarlo.reference import moments, tau_m

TAU = tau_m(RATIO)


def test_diffusion_is_x2_tau_m(either: EquilibriumResult) -> None:
    """D from the mean-square displacement equals <x^2> tau_m within 3 standard errors."""
    assert either.diffusion.agrees(moments(either.params.eta).x2 * TAU)


def test_diffusion_rejects_half(classical: EquilibriumResult) -> None:
    """D = <x^2> tau_m / 2 (a 1D factor-2 slip) is rejected by > 20 sigma."""
    assert abs(classical.diffusion.z(0.5 * moments(classical.params.eta).x2 * TAU)) > 20.0


def test_classical_einstein_holds_for_boltzmann_statistics(classical: EquilibriumResult) -> None:
    """Non-degenerate: e^2 N D / (k_B T L^2) over G is 1 within 3 standard errors."""
    assert classical.relations.einstein_classical.agrees(1.0)


def test_classical_einstein_fails_by_2_x2_when_degenerate(degenerate: EquilibriumResult) -> None:
    """Degenerate: the classical Einstein ratio is 2 <x^2> (mpmath) within 3 sigma."""
    assert degenerate.relations.einstein_classical.agrees(2.0 * moments(degenerate.params.eta).x2)


def test_fano_factor_is_mean_of_one_minus_f(either: EquilibriumResult) -> None:
    """Fano = dN^2 / N = Int f(1-f) / Int f (mpmath) within 3 standard errors."""
    assert either.fano.agrees(moments(either.params.eta).fano)


def test_differential_velocity_is_eq_3(either: EquilibriumResult) -> None:
    """v'^2 / v_th^2 = (k_B T / m) (N / dN^2) / v_th^2 = 1 / (2 Fano) (Eq. (3)) within 3 sigma."""
    assert either.differential_velocity2.agrees(0.5 / moments(either.params.eta).fano)


def test_eq_23_with_independent_particle_diffusion(degenerate: EquilibriumResult) -> None:
    """Degenerate: Eq. (23) with the measured D over G is 2 <x^2> Fano (not 1) within 3 sigma."""
    m = moments(degenerate.params.eta)
    ratio = degenerate.relations.einstein_eq23
    assert ratio.agrees(2.0 * m.x2 * m.fano) and abs(ratio.z(1.0)) > 20.0


def test_eq_19_holds_for_boltzmann_statistics(classical: EquilibriumResult) -> None:
    """Non-degenerate: Eq. (19) D = v'^2 tau holds within 3 standard errors."""
    assert classical.relations.eq19.agrees(1.0)


def test_eq_19_holds_for_pauli_weighted_diffusion(degenerate: EquilibriumResult) -> None:
    """Degenerate: Eq. (19) holds for D' = Y / (2 Fano) within 3 standard errors."""
    assert degenerate.relations.eq19_differential.agrees(1.0)


def test_gamma_is_l_over_L(either: EquilibriumResult) -> None:
    """Gamma = sqrt(v'^2) tau_m / L with L / (v_th tau_el0) = M / N (Eq. (10)) within 3 sigma."""
    m = moments(either.params.eta)
    assert either.relations.gamma.agrees(math.sqrt(0.5 / m.fano) * TAU * m.n / m.m)
