"""The optional numba kernel against the NumPy path and the closed forms (skipped without numba).

The two paths consume random numbers in different orders, so they are compared in
distribution: two independent estimates agree if they differ by at most three combined
standard errors, 3 sqrt(se_1^2 + se_2^2).  The flag ``_kernel.ENABLED`` chooses the path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest

from symcond.kinetic.params import KineticParams
from symcond.montecarlo import DriftResult, EquilibriumResult, Estimate, MCStatus, _kernel, drift, equilibrium
from symcond.montecarlo.ensemble import Ensemble
from symcond.montecarlo.process import Process
from tests.montecarlo.conftest import lorentzian
from tests.montecarlo.reference import moments, tau_m

needs_numba = pytest.mark.skipif(not _kernel.AVAILABLE, reason="numba is not installed")


def inverse_sqrt(eps):
    """tau_in proportional to eps**(-1/2) (rate proportional to |x|)."""
    return eps**-0.5


def step_law(eps):
    """tau_in with a jump at eps = 1.3: linear interpolation cannot reach 1e-6 across it."""
    return np.where(eps < 1.3, 1.0, 2.0)


DRIFTS = {
    "constant": KineticParams(eta=0.0, ratio=1.0, field=1.0),
    "lorentzian": KineticParams(eta=0.0, ratio=1.0, field=2.0, tau_in_law=lorentzian),
    "inverse_sqrt": KineticParams(eta=10.0, ratio=1.0, field=3.0, tau_in_law=inverse_sqrt),
}
EQUILIBRIA = {
    "constant": KineticParams(eta=5.0, ratio=0.5),
    "lorentzian": KineticParams(eta=5.0, ratio=1.0, tau_in_law=lorentzian),
}


def _with(enabled: bool, run: Callable[[], object]) -> object:
    """Return ``run()`` with the kernel switched on or off, restoring the flag afterwards."""
    saved, _kernel.ENABLED = _kernel.ENABLED, enabled
    try:
        return run()
    finally:
        _kernel.ENABLED = saved


def _agree(a: Estimate, b: Estimate) -> bool:
    """Whether two independent estimates differ by at most three combined standard errors."""
    return abs(a.value - b.value) <= 3.0 * float(np.hypot(a.stderr, b.stderr))


@pytest.fixture
def kernel_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Switch the kernel on for one test."""
    monkeypatch.setattr(_kernel, "ENABLED", True)
    yield


@pytest.fixture(scope="module", params=sorted(DRIFTS))
def drift_pair(request: pytest.FixtureRequest) -> tuple[DriftResult, DriftResult]:
    """The same drift run (seed 1) on the kernel and on the NumPy path."""
    if not _kernel.AVAILABLE:
        pytest.skip("numba is not installed")
    params = DRIFTS[request.param]
    runs = [_with(on, lambda: drift(params, particles=1000, time=60.0, seed=1)) for on in (True, False)]
    return runs[0], runs[1]  # type: ignore[return-value]


@pytest.fixture(scope="module", params=sorted(EQUILIBRIA))
def equilibrium_pair(request: pytest.FixtureRequest) -> tuple[EquilibriumResult, EquilibriumResult]:
    """The same equilibrium run (seed 2) on the kernel and on the NumPy path."""
    if not _kernel.AVAILABLE:
        pytest.skip("numba is not installed")
    params = EQUILIBRIA[request.param]
    runs = [_with(on, lambda: equilibrium(params, particles=1000, seed=2)) for on in (True, False)]
    return runs[0], runs[1]  # type: ignore[return-value]


def test_flag_off_keeps_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ENABLED false the ensemble has no kernel (also where numba is missing)."""
    monkeypatch.setattr(_kernel, "ENABLED", False)
    assert Ensemble(Process(DRIFTS["constant"]), 10, seed=1)._kernel is None


@needs_numba
def test_flag_on_uses_the_kernel(kernel_on: None) -> None:
    """With ENABLED true and numba installed the ensemble advances on the kernel and keeps it."""
    ens = Ensemble(Process(DRIFTS["lorentzian"]), 10, seed=1)
    ens.advance(5.0)
    assert isinstance(ens._kernel, _kernel.Kernel)


def test_drift_G_agrees_between_paths(drift_pair: tuple[DriftResult, DriftResult]) -> None:
    """G/G0 of a drift run agrees between kernel and NumPy path within 3 combined sigma."""
    kernel, numpy = drift_pair
    assert kernel.status is numpy.status is MCStatus.COMPLETED and _agree(kernel.G_G0, numpy.G_G0)


def test_drift_energy_agrees_between_paths(drift_pair: tuple[DriftResult, DriftResult]) -> None:
    """The steady-state <x^2> (Joule heating balance) agrees between the paths within 3 combined sigma."""
    kernel, numpy = drift_pair
    assert _agree(kernel.mean_energy, numpy.mean_energy)


def test_cvv_integral_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult]) -> None:
    """Integral C_vv dt agrees between kernel and NumPy path within 3 combined sigma."""
    kernel, numpy = equilibrium_pair
    assert kernel.status is numpy.status is MCStatus.COMPLETED and _agree(kernel.cvv_integral, numpy.cvv_integral)


@pytest.mark.parametrize("multiple", [1.0, 3.0])
def test_cvv_curve_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult],
                                        multiple: float) -> None:
    """C_vv(t) at t = tau_m and 3 tau_m agrees between the paths within 3 combined sigma."""
    kernel, numpy = equilibrium_pair
    k = int(np.argmin(np.abs(kernel.lags - multiple * tau_m(kernel.params.ratio))))
    assert abs(kernel.cvv[k] - numpy.cvv[k]) <= 3.0 * float(np.hypot(kernel.cvv_stderr[k], numpy.cvv_stderr[k]))


def test_green_kubo_G_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult]) -> None:
    """Green-Kubo G/G0 (Pauli-weighted, so the kernel's Pauli factors matter) agrees within 3 combined sigma."""
    kernel, numpy = equilibrium_pair
    assert _agree(kernel.G_G0, numpy.G_G0)


@needs_numba
def test_kernel_drift_G_matches_eq_11(kernel_on: None) -> None:
    """On the kernel, G/G0 = (N^2/M) R/(1+R) for constant times (mpmath moments) within 3 sigma."""
    res = drift(KineticParams(eta=5.0, ratio=0.75, field=-2.0), particles=2000, time=60.0, seed=3)
    assert res.G_G0.agrees(moments(5.0).g_scale * tau_m(0.75))


@needs_numba
def test_kernel_rejects_factor_two(kernel_on: None) -> None:
    """On the kernel, twice Eq. (11) is rejected by more than 20 standard errors."""
    res = drift(KineticParams(eta=5.0, ratio=0.75, field=-2.0), particles=2000, time=60.0, seed=3)
    assert abs(res.G_G0.z(2.0 * moments(5.0).g_scale * tau_m(0.75))) > 20.0


@needs_numba
def test_kernel_same_seed_reproduces_and_other_seed_differs(kernel_on: None) -> None:
    """On the kernel, equal seeds give identical estimates and another seed a different one."""
    runs = [drift(DRIFTS["lorentzian"], particles=200, time=10.0, seed=s).G_G0.value for s in (7, 7, 8)]
    assert runs[0] == runs[1] != runs[2]


@needs_numba
def test_kernel_counters_add_up(kernel_on: None) -> None:
    """On the kernel, events = flips + redraws <= candidates <= checkpoints, without bound violations."""
    c = drift(DRIFTS["lorentzian"], particles=300, time=10.0, seed=9).counters
    assert c.events == c.flips + c.redraws <= c.candidates <= c.checkpoints and c.bound_violations == 0


@needs_numba
def test_kernel_keeps_pauli_factors_of_redrawn_particles(kernel_on: None) -> None:
    """At F = 0 the kernel's Pauli factors equal 1 - f_eq(x) recomputed by Process.pauli."""
    ens = Ensemble(Process(EQUILIBRIA["lorentzian"]), 500, seed=4)
    ens.advance(5.0, weighted=True)
    assert ens.inelastic > 0 and np.allclose(ens.pauli, ens.process.pauli(ens.x), rtol=1e-12, atol=0.0)


@needs_numba
def test_rate_table_interpolates_the_exact_rates() -> None:
    """The compiled interpolation of the rate tables is within TABLE_RTOL of Process.rates at random x."""
    proc = Process(DRIFTS["lorentzian"])
    kern = _kernel.Kernel(proc)
    x = np.random.default_rng(5).uniform(-6.0, 6.0, 200)
    assert kern.covers(6.0)
    got = np.array([_kernel._total(kern.tables, 1.0 / _kernel.TABLE_STEP, v) for v in x])
    assert np.allclose(got, np.sum(proc.rates(x), axis=0), rtol=_kernel.TABLE_RTOL, atol=0.0)


@needs_numba
def test_table_is_extended_to_reach_far_particles(kernel_on: None) -> None:
    """A particle far beyond the table makes the kernel extend it to x + F dt, keeping the kernel."""
    ens = Ensemble(Process(DRIFTS["lorentzian"]), 200, seed=6)
    ens.x[0] = 40.0
    ens.advance(1.0)
    assert isinstance(ens._kernel, _kernel.Kernel) and ens._kernel.end >= 40.0 + 2.0 * 1.0


@needs_numba
def test_inaccurate_table_falls_back_to_numpy(kernel_on: None) -> None:
    """A rate law with a jump fails the midpoint check: the run continues on the NumPy path."""
    params = KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=step_law)
    ens = Ensemble(Process(params), 50, seed=7)
    ens.advance(1.0)
    assert ens._kernel is None and ens.events > 0
