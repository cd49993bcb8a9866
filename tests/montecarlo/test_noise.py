"""Current noise at F = 0 against Johnson-Nyquist, S_I(0) = 4 k_B T G, and reggiani2026's Fano factor.

Closed forms (constant times).  For independent particles S_I(0) = 4 (e/L)^2 N <v^2> tau_m,
so S_I(0) / (4 k_B T G) = <v^2> / (k_B T / m) = 2 <x^2>: 1 for Boltzmann statistics, larger
for a degenerate band.  The Pauli-weighted (Boltzmann-Langevin) noise replaces f by
f (1 - f), and Integral x^2 f (1 - f) dx = N / 2 restores 1 exactly; so does reggiani2026's
Eq. (3) correction dN^2 v'^2 = N k_B T / m.  Tolerances are three standard errors.
"""

from __future__ import annotations

from symcond.montecarlo import EquilibriumResult
from tests.montecarlo.conftest import DEGENERATE_ETA, RATIO, lorentzian
from tests.montecarlo.reference import moments, tau_m, weighted_moments


def test_johnson_nyquist_holds_for_boltzmann_statistics(classical: EquilibriumResult) -> None:
    """Non-degenerate: low-frequency S_I / (4 k_B T G) = 1 within 3 standard errors."""
    assert classical.relations.johnson.agrees(1.0)


def test_noise_level_is_four_x2_tau_m(either: EquilibriumResult) -> None:
    """Per particle S_v(0) = 4 <x^2> tau_m (units v_th^2 tau_el0) within 3 standard errors."""
    expected = 4.0 * moments(either.params.eta).x2 * tau_m(RATIO)
    assert either.noise.agrees(expected)


def test_independent_particle_noise_breaks_fdt_when_degenerate(degenerate: EquilibriumResult) -> None:
    """Degenerate: S_I / (4 k_B T G) = 2 <x^2> (mpmath) within 3 sigma, and 1 is rejected by > 20 sigma."""
    ratio = degenerate.relations.johnson
    assert ratio.agrees(2.0 * moments(degenerate.params.eta).x2) and abs(ratio.z(1.0)) > 20.0


def test_pauli_weighted_noise_restores_fdt(degenerate: EquilibriumResult) -> None:
    """Degenerate: the f(1 - f)-weighted noise over 4 k_B T G is 1 within 3 standard errors."""
    assert degenerate.relations.johnson_pauli.agrees(1.0)


def test_reggiani_fano_correction_restores_fdt(degenerate: EquilibriumResult) -> None:
    """Degenerate: 4 (e/L)^2 dN^2 v'^2 tau (Eq. (3), tau = Integral C_vv) over 4 k_B T G is 1 (3 sigma)."""
    assert degenerate.relations.johnson_fano.agrees(1.0)


def test_pauli_noise_rejects_missing_factor_two(degenerate: EquilibriumResult) -> None:
    """Johnson with 2 k_B T G instead of 4 k_B T G (ratio 2) is rejected by > 20 sigma."""
    assert abs(degenerate.relations.johnson_pauli.z(2.0)) > 20.0


def test_pauli_weighted_noise_restores_fdt_with_energy_dependent_times(energy_dependent: EquilibriumResult) -> None:
    """Degenerate, tau_in ~ 1/(1 + eps): the f(1 - f)-weighted noise over 4 k_B T G is still 1 (3 sigma)."""
    assert energy_dependent.relations.johnson_pauli.agrees(1.0)


def test_reggiani_fano_correction_fails_with_energy_dependent_times(energy_dependent: EquilibriumResult) -> None:
    """With one tau = Integral C_vv the Eq. (3) correction gives <x^2 t_m> / (2 <x^2> <x^2 w t_m>) != 1.

    E[x(t) | x0] = x0 exp(-t / t_m(x0)) makes tau = <x^2 t_m> / <x^2> a Fermi-sea average while
    G needs the Fermi-surface average 2 <x^2 w t_m>; mpmath gives 1.42 at eta = 5, R = 1.
    """
    x2t, x2, x2wt = weighted_moments(DEGENERATE_ETA, 1.0, lorentzian)
    ratio = energy_dependent.relations.johnson_fano
    assert ratio.agrees(x2t / (2.0 * x2 * x2wt)) and abs(ratio.z(1.0)) > 20.0
