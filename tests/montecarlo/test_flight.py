"""The compiled free flight and Pauli factor against their closed forms."""

from __future__ import annotations

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo.flight import fly, pauli_factor
from symcond.montecarlo.process import Process


@pytest.mark.parametrize(("h", "x", "field", "p"),
                         [(0.0, 1.5, 2.0, 0.3), (2.0, -1.0, 0.5, 0.7), (0.25, 3.0, -4.0, 1.0)])
def test_fly_integrates_uniform_acceleration(h: float, x: float, field: float, p: float) -> None:
    """x -> x + F h, Integral x dt = h (x + F h / 2) added to d; the weighted integral only when asked."""
    new, d, wd = fly(h, x, 1.0, 2.0, p, field, True)
    assert new == pytest.approx(x + field * h) and d == pytest.approx(1.0 + h * (x + 0.5 * field * h))
    assert wd == pytest.approx(2.0 + p * x * h)
    assert fly(h, x, 1.0, 2.0, p, field, False)[2] == 2.0


@pytest.mark.parametrize("eta", [-500.0, -5.0, 0.0, 5.0, 800.0])
def test_pauli_factor_matches_process_pauli(eta: float) -> None:
    """1 - f_eq(x) agrees with Process.pauli, finite for any eta (no overflow)."""
    x = np.linspace(-40.0, 40.0, 81)
    got = np.array([pauli_factor(v, eta) for v in x])
    want = Process(KineticParams(eta=eta, ratio=1.0)).pauli(x)
    assert np.all(np.isfinite(got)) and np.allclose(got, want, rtol=1e-12, atol=1e-300)
