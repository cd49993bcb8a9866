"""Ensemble Monte Carlo runs of the process of Eq. (9): drift under a field, fluctuations at ``F = 0``.

* :func:`drift` -- steady state under ``F != 0``: after a burn-in, every particle's
  time-averaged velocity is one independent sample of ``<x>``.
* :func:`equilibrium` -- ``F = 0``: started exactly in the stationary state ``f_eq``;
  velocity autocorrelation (Green-Kubo), diffusion, noise spectra and the relations of
  :class:`~symcond.montecarlo.result.Relations`.
* :func:`simulate` -- ``drift`` if ``params.field != 0``, else ``equilibrium`` (the
  linear-response limit, as for ``symcond.kinetic.solve``).

Units: :mod:`symcond.kinetic.params`.

References
----------
.. [1] A. Das and F. Green (2003), Eqs. (1)-(3), (9)-(11).
.. [2] L. Reggiani, E. Alfinito and F. Intini (2026), Eqs. (1)-(3), (19), (23).

Examples
--------
>>> res = drift(KineticParams(eta=0.0, ratio=1.0, field=1.0), particles=2000, time=40.0, seed=1)
>>> res.success, res.mobility.agrees(0.5)           # tau_m = R/(1+R) = 0.5 tau_el0
(True, True)
"""

from __future__ import annotations

import math
import time as _time
from collections.abc import Callable

import numpy as np

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams
from symcond.montecarlo.backend import EventLoopBackend
from symcond.montecarlo.ensemble import Ensemble
from symcond.montecarlo.estimators import equilibrium_result
from symcond.montecarlo.observables import Correlations, Spectra
from symcond.montecarlo.process import Process
from symcond.montecarlo.result import Counters, DriftResult, EquilibriumResult, MCStatus, outcome_message, status_of
from symcond.montecarlo.statistics import mean_of

__all__ = ["DEFAULT_PARTICLES", "GROUPS", "drift", "equilibrium", "simulate"]

Progress = Callable[[float], None]

#: Default ensemble size.
DEFAULT_PARTICLES = 10_000
#: Particle groups for the error bars of correlation curves (equilibrium runs use a multiple).
GROUPS = 20
#: Thinning candidates per particle per sampling interval of a drift run.
CANDIDATES_PER_STEP = 16.0
#: Equilibrium sampling: interval ``tau_c / 2``, curves to ``LAGS`` intervals (25 ``tau_c``).
LAGS = 50
#: Spectra: points every ``SPECTRUM_STRIDE`` intervals, Hann segments of ``SEGMENT`` points.
SPECTRUM_STRIDE, SEGMENT = 4, 256


def simulate(params: KineticParams, **options: object) -> DriftResult | EquilibriumResult:
    """Run :func:`drift` if ``params.field != 0``, else :func:`equilibrium` (same options)."""
    run = drift if params.field != 0.0 else equilibrium
    return run(params, **options)  # type: ignore[arg-type]


def drift(params: KineticParams, *, particles: int = DEFAULT_PARTICLES, time: float | None = None,
          burn_in: float | None = None, seed: int = 0, progress: Progress | None = None,
          backend: EventLoopBackend | str = EventLoopBackend.AUTO, threads: int | None = None) -> DriftResult:
    """Simulate the steady state under the field ``params.field`` and measure ``<x>`` and ``G``.

    Parameters
    ----------
    params : KineticParams
        Dimensionless parameters with ``field != 0`` (units: :mod:`symcond.kinetic.params`).
    particles : int, default 10000
        Ensemble size (``>= 2``).
    time : float, optional
        Measured time per particle after the burn-in (units ``tau_el0``); default
        ``200 tau_r`` with ``tau_r`` the slower of ``1/<1/t_in>`` and ``tau_c`` over ``f_eq``.
    burn_in : float, optional
        Time discarded first (units ``tau_el0``); default ``20 tau_r``.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``: equal seeds give equal results.
    progress : callable, optional
        Called with the fraction done, e.g. a :class:`~symcond.montecarlo.progress.ProgressBar`.
    backend : {"auto", "numba", "numpy"}, default "auto"
        Event loop: compiled kernel (numba, default when importable) or vectorised NumPy
        (:class:`~symcond.montecarlo.ensemble.Ensemble`); both sample the same process.
    threads : int, optional
        Threads of the compiled kernel (default: the CPUs available); results do not depend on it.

    Returns
    -------
    DriftResult
        Estimates with standard errors from the spread over particles.

    Raises
    ------
    DefinitionError
        If an option breaks its rule, e.g. ``field = 0``.
    SolverError
        If Eq. (9) has no steady state (``ratio = inf``) or no collision can happen.
    """
    if params.field == 0.0:
        raise DefinitionError("'field' must be non-zero for a drift run (got 0.0); use equilibrium() at F = 0")
    _check_common(particles, seed)
    proc = Process(params)
    tau_r = proc.relaxation_time
    time, burn_in = _positive("time", time, 200.0 * tau_r), _nonnegative("burn_in", burn_in, 20.0 * tau_r)
    start = (_time.process_time(), _time.perf_counter())
    ens = Ensemble(proc, particles, seed, backend, threads)
    dt = CANDIDATES_PER_STEP / proc.mean_rate
    n_burn, n_half = math.ceil(burn_in / dt), max(math.ceil(time / (2.0 * dt)), 1)
    total = n_burn + 2 * n_half
    for i in range(n_burn):
        ens.advance(burn_in / n_burn)
        _tick(progress, i + 1, total)
    halves, energy = _measure(ens, time, n_half, lambda i: _tick(progress, n_burn + i, total))
    return _drift_result(proc, ens, seed, halves, energy, _counters(ens, total, start))


def _measure(ens: Ensemble, time: float, n_half: int, tick: Callable[[int], None]
             ) -> tuple[list[np.ndarray], np.ndarray]:
    """Return per-particle mean velocities over both halves of ``time``, and mean ``x**2``."""
    halves, energy, step = [], np.zeros(ens.size), time / (2 * n_half)
    for half in range(2):
        disp = np.zeros(ens.size)
        for i in range(n_half):
            disp += ens.advance(step).displacement
            energy += ens.x**2
            tick(half * n_half + i + 1)
        halves.append(disp / (time / 2.0))
    return halves, energy / (2 * n_half)


def _drift_result(proc: Process, ens: Ensemble, seed: int, halves: list[np.ndarray], energy: np.ndarray,
                  counters: Counters) -> DriftResult:
    """Assemble the :class:`DriftResult`."""
    field = proc.params.field
    velocity = mean_of(0.5 * (halves[0] + halves[1]))
    first, second = mean_of(halves[0]), mean_of(halves[1])
    change = mean_of(halves[1] - halves[0])
    status = status_of(counters)
    if status is MCStatus.COMPLETED and abs(change.z(0.0)) > 4.0:
        status = MCStatus.NOT_STATIONARY
    G = velocity.scaled(proc.g_scale() / field)
    message = outcome_message(status, f"G/G0 = {G:.6g}", counters)
    return DriftResult(
        success=status is MCStatus.COMPLETED, status=status, message=message, params=proc.params, seed=seed,
        mean_velocity=velocity, mobility=velocity.scaled(1.0 / field), G_G0=G,
        current=velocity.scaled(proc.density_integral / np.pi), density=proc.density_integral / np.pi,
        mean_energy=mean_of(energy), drift_halves=(first, second), counters=counters)


def equilibrium(params: KineticParams, *, particles: int = DEFAULT_PARTICLES, time: float | None = None,
                seed: int = 0, progress: Progress | None = None,
                backend: EventLoopBackend | str = EventLoopBackend.AUTO, threads: int | None = None,
                ) -> EquilibriumResult:
    """Simulate equilibrium (``F = 0``) and measure Green-Kubo, diffusion and noise.

    Parameters
    ----------
    params : KineticParams
        Dimensionless parameters with ``field = 0``; ``ratio = inf`` is allowed here.
    particles : int, default 10000
        Ensemble size (``>= 2``), rounded up to a multiple of ``GROUPS = 20``.
    time : float, optional
        Simulated time per particle (units ``tau_el0``), default ``1024 tau_c`` (two noise
        segments) with ``tau_c = 1/<1/t_in + 1/t_el>`` over ``f_eq``.  Below ``50 tau_c`` no
        diffusion is measured and below ``512 tau_c`` no noise (status ``TOO_SHORT``).
    seed : int, default 0
        Seed of ``numpy.random.default_rng``.
    progress : callable, optional
        Called with the fraction done.
    backend, threads
        As for :func:`drift`.

    Returns
    -------
    EquilibriumResult
        Estimates with standard errors from the spread over particles (curves: over groups).
    """
    if params.field != 0.0:
        raise DefinitionError(f"'field' must be 0 for an equilibrium run (got {params.field!r})")
    _check_common(particles, seed)
    particles = GROUPS * math.ceil(particles / GROUPS)
    proc = Process(params)
    dt = 0.5 * proc.momentum_time
    time = _positive("time", time, 2 * SEGMENT * SPECTRUM_STRIDE * dt)
    steps = max(math.ceil(time / dt), 1)
    start = (_time.process_time(), _time.perf_counter())
    ens = Ensemble(proc, particles, seed, backend, threads)
    corr = Correlations(particles, LAGS, GROUPS)
    spectra = Spectra(particles, SEGMENT, SPECTRUM_STRIDE * dt)
    _equilibrium_loop(ens, corr, spectra, dt, steps, progress)
    return equilibrium_result(proc, seed, corr, spectra, dt, _counters(ens, steps, start))


def _equilibrium_loop(ens: Ensemble, corr: Correlations, spectra: Spectra, dt: float, steps: int,
                      progress: Progress | None) -> None:
    """Advance ``steps`` intervals, feeding both accumulators."""
    pos, wpos = np.zeros(ens.size), np.zeros(ens.size)
    mark, wmark = pos.copy(), wpos.copy()
    assert ens.pauli is not None
    corr.add(ens.x, ens.pauli, pos)
    for j in range(1, steps + 1):
        step = ens.advance(dt, weighted=True)
        pos += step.displacement
        wpos += step.weighted if step.weighted is not None else 0.0
        corr.add(ens.x, ens.pauli, pos)
        if j % SPECTRUM_STRIDE == 0:
            h = SPECTRUM_STRIDE * dt
            spectra.add((pos - mark) / h, (wpos - wmark) / h)
            mark, wmark = pos.copy(), wpos.copy()
        _tick(progress, j, steps)


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done / total)


def _counters(ens: Ensemble, steps: int, start: tuple[float, float]) -> Counters:
    """Return the work counters of a finished run started at ``(CPU time, wall time)``."""
    violations = ens.process.equilibrium.violations + ens.process.redraw_violations
    return Counters(events=ens.events, flips=ens.flips, redraws=ens.inelastic, candidates=ens.candidates,
                    checkpoints=ens.checkpoints, particles=ens.size, steps=steps, simulated_time=ens.time,
                    cpu_seconds=_time.process_time() - start[0], bound_violations=ens.violations,
                    envelope_violations=violations, wall_seconds=_time.perf_counter() - start[1],
                    backend=ens.backend.value)


def _check_common(particles: int, seed: int) -> None:
    """Raise :class:`DefinitionError` if ``particles`` or ``seed`` breaks its rule."""
    if isinstance(particles, bool) or not isinstance(particles, (int, np.integer)) or particles < 2:
        raise DefinitionError(f"'particles' must be an integer >= 2 (got {particles!r})")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DefinitionError(f"'seed' must be a non-negative integer (got {seed!r})")


def _positive(name: str, value: float | None, default: float) -> float:
    """Return ``value`` (or ``default`` if None) after checking it is positive and finite."""
    value = default if value is None else value
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0.0):
        raise DefinitionError(f"'{name}' must be positive and finite (got {value!r})")
    return float(value)


def _nonnegative(name: str, value: float | None, default: float) -> float:
    """Return ``value`` (or ``default``) after checking it is finite and ``>= 0``."""
    value = default if value is None else value
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0.0):
        raise DefinitionError(f"'{name}' must be non-negative and finite (got {value!r})")
    return float(value)

