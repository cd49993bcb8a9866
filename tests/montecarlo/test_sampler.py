"""Sampling of f_eq and of the inelastic re-draw density f_eq / tau_in, against mpmath moments."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symcond.montecarlo.sampler import TAIL, EnvelopeSampler, alias_table, support_end
from tests.montecarlo.reference import moments


def _within_three_sigma(samples: np.ndarray, exact: float) -> bool:
    return abs(samples.mean() - exact) <= 3.0 * samples.std(ddof=1) / np.sqrt(samples.size)


@pytest.mark.parametrize("eta", [-500.0, -10.0, 0.0, 5.0, 200.0])
def test_equilibrium_draws_have_the_fermi_mean_energy(eta: float) -> None:
    """<x^2> of 10^5 draws from f_eq equals the mpmath moment within 3 standard errors."""
    x = EnvelopeSampler(eta).draw(100_000, np.random.default_rng(1))
    exact = moments(eta).x2 if eta > -500 else 0.5
    assert _within_three_sigma(x * x, exact)


def test_draws_are_symmetric() -> None:
    """<x> = 0 within 3 standard errors (both signs equally likely)."""
    x = EnvelopeSampler(5.0).draw(100_000, np.random.default_rng(2))
    assert _within_three_sigma(x, 0.0)


def test_weighted_draws_follow_f_eq_over_tau_in() -> None:
    """Re-draws with weight 1/tau_in = 1 + eps have <x^2> = Int x^2 (1+x^2) f / Int (1+x^2) f (mpmath)."""
    eta = 2.0
    x = EnvelopeSampler(eta, weight=lambda eps: 1.0 + eps).draw(100_000, np.random.default_rng(3))
    with mp.workdps(30):
        f = lambda y: (1 + y * y) / (1 + mp.exp(y * y - eta))  # noqa: E731
        pts = [0, mp.sqrt(eta), mp.inf]
        exact = float(mp.quad(lambda y: y * y * f(y), pts) / mp.quad(f, pts))
    assert _within_three_sigma(x * x, exact)


def test_envelope_is_never_exceeded_for_a_monotone_weight() -> None:
    """No draw finds the density above its envelope (the rejection sampler is exact)."""
    sampler = EnvelopeSampler(10.0, weight=lambda eps: np.sqrt(eps))
    sampler.draw(50_000, np.random.default_rng(4))
    assert sampler.violations == 0


def test_support_end_cuts_a_negligible_tail() -> None:
    """Beyond support_end the occupation is below TAIL of its peak (mpmath)."""
    eta = 30.0
    end = support_end(eta)
    ratio = mp.mpf(1) / (1 + mp.exp(end**2 - eta)) * (1 + mp.exp(-eta))
    assert ratio < TAIL


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.01, 100.0), min_size=1, max_size=30))
def test_alias_table_reproduces_the_masses_exactly(masses: list[float]) -> None:
    """Walker's table assigns every index exactly its share of the total mass."""
    mass = np.asarray(masses)
    keep, alias = alias_table(mass)
    share = keep.copy()
    np.add.at(share, alias, 1.0 - keep)
    assert np.allclose(share / mass.size, mass / mass.sum(), rtol=1e-12, atol=1e-15)
