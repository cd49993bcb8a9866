"""Shared Monte Carlo runs: one equilibrium ensemble per regime, simulated once per session."""

from __future__ import annotations

import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import EquilibriumResult, equilibrium

#: tau_in / tau_el of the shared runs: tau_m = R / (1 + R) = 1/3 tau_el.
RATIO = 0.5
#: Non-degenerate (f_eq ~ 4.5e-5 exp(-x**2)) and degenerate (eps_F = 5 k_B T) sub-bands.
CLASSICAL_ETA, DEGENERATE_ETA = -10.0, 5.0
PARTICLES = 2000


@pytest.fixture(scope="session")
def classical() -> EquilibriumResult:
    """Equilibrium run at eta = -10 (Boltzmann statistics), constant times, R = 0.5."""
    return equilibrium(KineticParams(eta=CLASSICAL_ETA, ratio=RATIO), particles=PARTICLES, seed=11)


@pytest.fixture(scope="session")
def degenerate() -> EquilibriumResult:
    """Equilibrium run at eta = 5 (degenerate), constant times, R = 0.5."""
    return equilibrium(KineticParams(eta=DEGENERATE_ETA, ratio=RATIO), particles=PARTICLES, seed=12)


def lorentzian(eps):
    """tau_in proportional to 1/(1 + eps): tau_in = R / (1 + eps)."""
    return 1.0 / (1.0 + eps)


@pytest.fixture(scope="session")
def energy_dependent() -> EquilibriumResult:
    """Equilibrium run at eta = 5 with tau_in = 1 / (1 + eps), tau_el = 1 (R = 1)."""
    params = KineticParams(eta=DEGENERATE_ETA, ratio=1.0, tau_in_law=lorentzian)
    return equilibrium(params, particles=PARTICLES, seed=13)


@pytest.fixture(params=["classical", "degenerate"])
def either(request: pytest.FixtureRequest) -> EquilibriumResult:
    """Each of the two shared equilibrium runs in turn."""
    return request.getfixturevalue(request.param)
