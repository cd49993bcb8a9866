"""The rates of the jump process read off the master equation (9), and its time scales."""

from __future__ import annotations

import numpy as np
import pytest

from symcond.errors import SolverError
from symcond.kinetic.params import KineticParams
from symcond.montecarlo.process import Process


def test_flip_rate_is_half_the_elastic_rate() -> None:
    """The loss term f(k) / (2 tau_el) makes x -> -x happen at rate 1 / (2 tau_el(eps))."""
    proc = Process(KineticParams(eta=0.0, ratio=2.0, tau_el_law=lambda eps: 1.0 + eps))
    x = np.array([0.0, 1.0, 3.0])
    assert np.allclose(proc.rates(x)[1], 0.5 / (1.0 + x * x), rtol=1e-15)


def test_redraw_rate_is_one_over_tau_in() -> None:
    """The loss term f / tau_in makes re-draws happen at rate 1 / (R tau_in_law(eps))."""
    proc = Process(KineticParams(eta=0.0, ratio=2.0, tau_in_law=lambda eps: 1.0 / (1.0 + eps)))
    x = np.array([0.0, 2.0])
    assert np.allclose(proc.rates(x)[0], (1.0 + x * x) / 2.0, rtol=1e-15)


@pytest.mark.parametrize("ratio", [0.25, 1.0, 4.0])
def test_momentum_time_is_matthiessen(ratio: float) -> None:
    """For constant times tau_c = 1 / (1/tau_el + 1/tau_in) (Eq. (5))."""
    assert Process(KineticParams(eta=3.0, ratio=ratio)).momentum_time == pytest.approx(ratio / (1 + ratio))


def test_local_bound_covers_the_flight() -> None:
    """The local thinning bound is >= the total rate everywhere on the flight it covers."""
    proc = Process(KineticParams(eta=0.0, ratio=1.0, field=2.0, tau_in_law=lambda eps: 1.0 / (1.0 + eps)))
    x = np.linspace(-6.0, 6.0, 241)
    bound, horizon = proc.local_bound(x)
    path = x[None, :] + np.linspace(0.0, 2.0 * horizon, 101)[:, None]
    assert np.all(np.sum(proc.rates(path), axis=0) <= bound[None, :])


def test_infinite_rate_is_rejected() -> None:
    """A time too small to invert (1e-320) gives an infinite rate: thinning is impossible."""
    with pytest.raises(SolverError, match="collision rate is infinite"):
        Process(KineticParams(eta=0.0, ratio=1.0, tau_in_law=lambda eps: 1e-320 + 0.0 * eps))


def test_no_collisions_is_rejected() -> None:
    """Infinite times everywhere (R = inf, tau_el = inf) leave nothing to simulate."""
    with pytest.raises(SolverError, match="no collisions"):
        Process(KineticParams(eta=0.0, ratio=float("inf"), tau_el_law=lambda eps: np.inf + eps))
