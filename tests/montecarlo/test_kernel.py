"""The compiled kernel (numba) against the NumPy path and the closed forms.

The two paths consume other random numbers, so they are compared in distribution: two
independent estimates agree if they differ by at most three combined standard errors,
3 sqrt(se_1^2 + se_2^2).  The ``backend`` option chooses the path.
"""

from __future__ import annotations

import numpy as np
import pytest

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import DriftResult, EquilibriumResult, Estimate, MCStatus, drift, equilibrium, kernel
from symcond.montecarlo.backend import EventLoopBackend
from symcond.montecarlo.ensemble import Ensemble
from symcond.montecarlo.process import Process
from tests.montecarlo.conftest import lorentzian
from tests.montecarlo.reference import moments, tau_m

needs_numba = pytest.mark.skipif(not kernel.AVAILABLE, reason="numba is not installed")


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


def _agree(a: Estimate, b: Estimate) -> bool:
    """Whether two independent estimates differ by at most three combined standard errors."""
    return abs(a.value - b.value) <= 3.0 * float(np.hypot(a.stderr, b.stderr))


@pytest.fixture(scope="module", params=sorted(DRIFTS))
def drift_pair(request: pytest.FixtureRequest) -> tuple[DriftResult, DriftResult]:
    """The same drift run (seed 1) on the kernel and on the NumPy path."""
    if not kernel.AVAILABLE:
        pytest.skip("numba is not installed")
    params = DRIFTS[request.param]
    runs = [drift(params, particles=1000, time=60.0, seed=1, backend=b) for b in ("numba", "numpy")]
    return runs[0], runs[1]  # type: ignore[return-value]


@pytest.fixture(scope="module", params=sorted(EQUILIBRIA))
def equilibrium_pair(request: pytest.FixtureRequest) -> tuple[EquilibriumResult, EquilibriumResult]:
    """The same equilibrium run (seed 2) on the kernel and on the NumPy path."""
    if not kernel.AVAILABLE:
        pytest.skip("numba is not installed")
    params = EQUILIBRIA[request.param]
    runs = [equilibrium(params, particles=1000, seed=2, backend=b) for b in ("numba", "numpy")]
    return runs[0], runs[1]  # type: ignore[return-value]


def test_numpy_backend_keeps_the_numpy_path() -> None:
    """backend="numpy" gives an ensemble without a kernel."""
    ens = Ensemble(Process(DRIFTS["constant"]), 10, seed=1, backend="numpy")
    assert ens._kernel is None and ens.backend is EventLoopBackend.NUMPY


@needs_numba
def test_auto_backend_uses_the_kernel() -> None:
    """By default (numba installed) the ensemble advances on the kernel and keeps it."""
    ens = Ensemble(Process(DRIFTS["lorentzian"]), 10, seed=1)
    ens.advance(5.0)
    assert isinstance(ens._kernel, kernel.Kernel) and ens.backend is EventLoopBackend.NUMBA



@pytest.mark.parametrize("threads", [0, -1, 1.5, True])
def test_bad_thread_count_is_rejected(threads: object) -> None:
    """threads must be an integer >= 1."""
    with pytest.raises(DefinitionError, match=r"^'threads' must be an integer >= 1 \(got "):
        drift(DRIFTS["constant"], particles=10, time=1.0, threads=threads)  # type: ignore[arg-type]


def test_numba_backend_without_numba_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for numba where it is not importable is a one-line DefinitionError."""
    monkeypatch.setattr(kernel, "AVAILABLE", False)
    message = r"^backend 'numba' needs numba, which is not installed \(pip install numba\)$"
    with pytest.raises(DefinitionError, match=message):
        Ensemble(Process(DRIFTS["constant"]), 10, seed=1, backend="numba")


@needs_numba
@pytest.mark.parametrize("name", ["constant", "lorentzian"])
def test_result_does_not_depend_on_threads(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-particle streams: 1 and 3 threads (blocks of 64 particles) give bit-identical runs."""
    monkeypatch.setattr(kernel, "MIN_BLOCK", 64)
    runs = [drift(DRIFTS[name], particles=300, time=10.0, seed=5, threads=t) for t in (1, 3)]
    assert runs[0].G_G0.value == runs[1].G_G0.value and runs[0].counters.events == runs[1].counters.events



def test_drift_G_agrees_between_paths(drift_pair: tuple[DriftResult, DriftResult]) -> None:
    """G/G0 of a drift run agrees between kernel and NumPy path within 3 combined sigma."""
    compiled, numpy = drift_pair
    assert compiled.status is numpy.status is MCStatus.COMPLETED and _agree(compiled.G_G0, numpy.G_G0)


def test_drift_energy_agrees_between_paths(drift_pair: tuple[DriftResult, DriftResult]) -> None:
    """The steady-state <x^2> (Joule heating balance) agrees between the paths within 3 combined sigma."""
    compiled, numpy = drift_pair
    assert _agree(compiled.mean_energy, numpy.mean_energy)


def test_cvv_integral_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult]) -> None:
    """Integral C_vv dt agrees between kernel and NumPy path within 3 combined sigma."""
    compiled, numpy = equilibrium_pair
    assert compiled.status is numpy.status is MCStatus.COMPLETED and _agree(compiled.cvv_integral, numpy.cvv_integral)


@pytest.mark.parametrize("multiple", [1.0, 3.0])
def test_cvv_curve_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult],
                                        multiple: float) -> None:
    """C_vv(t) at t = tau_m and 3 tau_m agrees between the paths within 3 combined sigma."""
    compiled, numpy = equilibrium_pair
    k = int(np.argmin(np.abs(compiled.lags - multiple * tau_m(compiled.params.ratio))))
    assert abs(compiled.cvv[k] - numpy.cvv[k]) <= 3.0 * float(np.hypot(compiled.cvv_stderr[k], numpy.cvv_stderr[k]))


def test_green_kubo_G_agrees_between_paths(equilibrium_pair: tuple[EquilibriumResult, EquilibriumResult]) -> None:
    """Green-Kubo G/G0 (Pauli-weighted, so the kernel's Pauli factors matter) agrees within 3 combined sigma."""
    compiled, numpy = equilibrium_pair
    assert _agree(compiled.G_G0, numpy.G_G0)


@needs_numba
def test_kernel_drift_G_matches_eq_11() -> None:
    """On the kernel, G/G0 = (N^2/M) R/(1+R) for constant times (mpmath moments) within 3 sigma."""
    res = drift(KineticParams(eta=5.0, ratio=0.75, field=-2.0), particles=2000, time=60.0, seed=3)
    assert res.G_G0.agrees(moments(5.0).g_scale * tau_m(0.75))


@needs_numba
def test_kernel_rejects_factor_two() -> None:
    """On the kernel, twice Eq. (11) is rejected by more than 20 standard errors."""
    res = drift(KineticParams(eta=5.0, ratio=0.75, field=-2.0), particles=2000, time=60.0, seed=3)
    assert abs(res.G_G0.z(2.0 * moments(5.0).g_scale * tau_m(0.75))) > 20.0


@needs_numba
def test_kernel_same_seed_reproduces_and_other_seed_differs() -> None:
    """On the kernel, equal seeds give identical estimates and another seed a different one."""
    runs = [drift(DRIFTS["lorentzian"], particles=200, time=10.0, seed=s).G_G0.value for s in (7, 7, 8)]
    assert runs[0] == runs[1] != runs[2]


@needs_numba
def test_kernel_counters_add_up() -> None:
    """On the kernel, events = flips + redraws <= candidates <= checkpoints, without bound violations."""
    c = drift(DRIFTS["lorentzian"], particles=300, time=10.0, seed=9).counters
    assert c.events == c.flips + c.redraws <= c.candidates <= c.checkpoints and c.bound_violations == 0


@needs_numba
def test_kernel_keeps_pauli_factors_of_redrawn_particles() -> None:
    """At F = 0 the kernel's Pauli factors equal 1 - f_eq(x) recomputed by Process.pauli."""
    ens = Ensemble(Process(EQUILIBRIA["lorentzian"]), 500, seed=4)
    ens.advance(5.0, weighted=True)
    assert ens.pauli is not None and ens.inelastic > 0
    assert np.allclose(ens.pauli, ens.process.pauli(ens.x), rtol=1e-12, atol=0.0)



@needs_numba
def test_table_is_extended_to_reach_far_particles() -> None:
    """A particle far beyond the table makes the kernel extend it to x + F dt, keeping the kernel."""
    ens = Ensemble(Process(DRIFTS["lorentzian"]), 200, seed=6)
    ens.x[0] = 40.0
    ens.advance(1.0)
    assert isinstance(ens._kernel, kernel.Kernel) and ens._kernel.end >= 40.0 + 2.0 * 1.0


@needs_numba
def test_inaccurate_table_falls_back_to_numpy() -> None:
    """A rate law with a jump fails the midpoint check: the run continues on the NumPy path."""
    params = KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=step_law)
    ens = Ensemble(Process(params), 50, seed=7)
    ens.advance(1.0)
    assert ens._kernel is None and ens.events > 0 and ens.backend is EventLoopBackend.NUMPY


@needs_numba
def test_kernel_advance_leaves_particles_alone_when_the_table_cannot_cover() -> None:
    """Kernel.advance on arrays: None and nothing changed for an inaccurate table, else a tally of the step."""
    params = KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=step_law)
    ens = Ensemble(Process(params), 20, seed=7, backend="numpy")
    particles = kernel.Particles(ens.x, ens.wait, ens.bound, ens.candidate, ens.pauli)
    before = [a.copy() for a in particles[:4]]
    disp = np.zeros(ens.size)
    assert kernel.Kernel(ens.process).advance(particles, ens.rng, 1.0, disp, None) is None
    assert all(np.array_equal(a, b) for a, b in zip(before, particles[:4], strict=True)) and not disp.any()
    proc = Process(DRIFTS["constant"])
    ens = Ensemble(proc, 20, seed=7, backend="numpy")
    particles = kernel.Particles(ens.x, ens.wait, ens.bound, ens.candidate, ens.pauli)
    tally = kernel.Kernel(proc).advance(particles, ens.rng, 5.0, disp, None)
    assert tally is not None and tally.flips + tally.inelastic == tally.candidates == tally.checkpoints > 0
