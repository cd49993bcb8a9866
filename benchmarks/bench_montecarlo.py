"""Ensemble Monte Carlo of Eq. (9): collisions per second and statistical error per CPU second.

Run ``python -m benchmarks.bench_montecarlo`` from the repository root.  The baseline is a
plain-Python loop of the same algorithm (one particle at a time: exponential candidate
times, flip / re-draw choice, re-draws from ``f_eq`` by scalar rejection from the alias-table
envelope of the NumPy sampler) measured in the same run, for constant times at ``eta = 0``, ``R = 1``,
``F = 1``.  The compiled kernel (:mod:`symcond.montecarlo.kernel`, the default backend) is
timed after a warm-up run, so compilation (or loading it from numba's cache) is excluded.
Each symcond run is a whole :func:`~symcond.montecarlo.drift` call (set-up, burn-in and
measurement included).  Rows:

* collisions per second of elapsed time, kernel on all CPUs vs the Python loop (target >= 100x);
* collisions per CPU second, kernel on one thread vs the Python loop (target >= 100x), and the
  NumPy ensemble (reported);
* the kernel's SIMD lanes against its one-particle loop, one thread, same results (informative);
* relative standard error of ``G/G0`` reached after one CPU second (error x sqrt(CPU s)),
  kernel and NumPy vs Python (target <= 0.1: the speed-up is worth sqrt(100) in error);
* the same for linear response at ``eta = 5``: Green-Kubo at ``F = 0`` against a drift run at
  the weak field ``F = 0.1`` (informative);
* collisions per CPU second with the energy-dependent ``tau_in = R / (1 + eps)`` (local
  thinning bounds) against constant times, and kernel against NumPy there (informative).
"""

from __future__ import annotations

import math
import random
import time

import numpy as np

from benchmarks._timing import row
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import DriftResult, drift, equilibrium
from symcond.montecarlo.backend import default_threads
from symcond.montecarlo.ensemble import Ensemble
from symcond.montecarlo.kernel import AVAILABLE
from symcond.montecarlo.process import Process

SEED = 2024
PARAMS = KineticParams(eta=0.0, ratio=1.0, field=1.0)
PYTHON_PARTICLES, PYTHON_TIME = 1000, 60.0
NUMPY_PARTICLES, NUMPY_TIME = 100_000, 60.0
LAW = KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=lambda e: 1.0 / (1.0 + e))

class _PythonSampler:
    """Scalar draws from ``f_eq`` with the alias table and envelope of the NumPy sampler."""

    def __init__(self, proc: Process, rng: random.Random) -> None:
        sampler = proc.equilibrium
        self.eta, self.rng = proc.params.eta, rng
        self.left, self.width = sampler.left.tolist(), sampler.width.tolist()
        self.keep, self.alias = sampler.keep.tolist(), sampler.alias.tolist()
        self.empty = sampler.empty.tolist()

    def draw(self) -> float:
        """Return one wave vector (same two-uniform scheme as ``EnvelopeSampler``)."""
        rng, n = self.rng, len(self.keep)
        while True:
            u = rng.random() * n
            cell = int(u)
            frac, keep = u - cell, self.keep[cell]
            if frac < keep:
                pos = frac / keep
            else:
                pos, cell = (frac - keep) / (1.0 - keep), self.alias[cell]
            left, offset = self.left[cell], self.width[cell] * pos
            ratio = 1.0 / (1.0 + math.expm1(offset * (2.0 * left + offset)) * self.empty[cell])
            v = rng.random()
            if v < ratio:
                return -(left + offset) if v < 0.5 * ratio else left + offset


def python_drift(params: KineticParams, particles: int, duration: float, seed: int) -> tuple[list[float], int]:
    """Return per-particle mean velocities after a burn-in of 20, and the collisions simulated."""
    proc, rng = Process(params), random.Random(seed)
    sampler, field = _PythonSampler(proc, rng), params.field
    rate_in, flip = (float(r[0]) for r in proc.rates(np.zeros(1)))
    bound, burn, events, means = rate_in + flip, 20.0, 0, []
    for _ in range(particles):
        x, t, disp = sampler.draw(), 0.0, 0.0
        while True:
            wait = rng.expovariate(bound)
            h = min(wait, burn + duration - t)
            if t + h > burn:
                start = max(t, burn) - t
                disp += (h - start) * (x + 0.5 * field * (h + start))
            x, t = x + field * h, t + h
            if t >= burn + duration:
                break
            u, events = rng.random() * bound, events + 1
            x = -x if u < flip else sampler.draw()
        means.append(disp / duration)
    return means, events


def _python_row_data() -> tuple[float, float, float]:
    """Return collisions per CPU s and per elapsed s, and relative error of G x sqrt(CPU s), of the Python loop."""
    start, wall = time.process_time(), time.perf_counter()
    means, events = python_drift(PARAMS, PYTHON_PARTICLES, PYTHON_TIME, SEED)
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    rel = float(np.std(means, ddof=1) / math.sqrt(len(means)) / abs(np.mean(means)))
    return events / cpu, events / wall, rel * math.sqrt(cpu)


def _efficiency(estimate_rel: float, cpu: float) -> float:
    """Return the relative error reached after one CPU second (errors fall as 1/sqrt(CPU))."""
    return estimate_rel * math.sqrt(cpu)


def _drift(params: KineticParams, particles: int, backend: str, threads: int | None = None) -> DriftResult:
    """Return a drift run of ``NUMPY_TIME`` on ``backend`` (the kernel after a warm-up run)."""
    if backend == "numba":
        drift(params, particles=10, time=1.0, seed=SEED, backend="numba")  # compile or load from cache
    return drift(params, particles=particles, time=NUMPY_TIME, seed=SEED, backend=backend, threads=threads)


def _lane_rows() -> list[dict[str, object]]:
    """Collisions per CPU s of one ``Ensemble.advance`` on the SIMD lanes and on the one-particle loop."""
    proc, rates = Process(PARAMS), []
    for lanes in (False, True):
        ens = Ensemble(proc, NUMPY_PARTICLES, SEED, threads=1)
        assert ens._kernel is not None
        ens._kernel.lanes = lanes
        ens.advance(1.0)  # compile or load from cache, seed the streams
        start, events = time.process_time(), ens.events
        ens.advance(NUMPY_TIME / 4.0)
        rates.append((ens.events - events) / (time.process_time() - start))
    return [row("MC collisions per CPU s, kernel SIMD lanes vs one-particle loop (1 thread, same results)", rates[0],
                rates[1], "informative", unit="1/s")]


def _speed_rows(py_rate: float, py_eff: float, name: str, res: DriftResult, target: str = "report"
                ) -> list[dict[str, object]]:
    """Collisions per CPU s and error after 1 CPU s of ``res`` against the Python loop."""
    eff = _efficiency(res.G_G0.relative_error, res.counters.cpu_seconds)
    return [row(f"MC collisions per CPU s, {name} vs plain-Python loop", py_rate, res.counters.events_per_second,
                target, unit="1/s"),
            row(f"MC drift G/G0 relative error after 1 CPU s, {name} vs Python", py_eff, eff, "<= 0.1", unit="rel")]


def _kernel_rows(py_rate: float, py_wall: float, py_eff: float, law_numpy: DriftResult) -> list[dict[str, object]]:
    """The compiled kernel's rows (none if numba is not installed)."""
    if not AVAILABLE:
        return []
    wide = _drift(PARAMS, NUMPY_PARTICLES, "numba")
    single = _drift(PARAMS, NUMPY_PARTICLES, "numba", threads=1)
    law = _drift(LAW, NUMPY_PARTICLES // 4, "numba", threads=1)
    return [row(f"MC collisions per second (elapsed), kernel on {default_threads()} threads vs "
                "plain-Python loop", py_wall, wide.counters.events_per_wall_second, ">= 100", unit="1/s"),
            *_speed_rows(py_rate, py_eff, "kernel, 1 thread", single, ">= 100"),
            *_lane_rows(),
            row("MC collisions per CPU s, tau_in ~ 1/(1+eps), kernel (1 thread) vs NumPy ensemble",
                law_numpy.counters.events_per_second, law.counters.events_per_second, "informative", unit="1/s")]


def run() -> list[dict[str, object]]:
    """Return the Monte Carlo rows (ratios against baselines measured in this run)."""
    py_rate, py_wall, py_eff = _python_row_data()
    res = _drift(PARAMS, NUMPY_PARTICLES, "numpy")
    weak = drift(KineticParams(eta=5.0, ratio=1.0, field=0.1), particles=20_000, seed=SEED, threads=1)
    kubo = equilibrium(KineticParams(eta=5.0, ratio=1.0), particles=20_000, seed=SEED, threads=1)
    law = _drift(LAW, NUMPY_PARTICLES // 4, "numpy")
    return [
        *_kernel_rows(py_rate, py_wall, py_eff, law),
        *_speed_rows(py_rate, py_eff, "NumPy ensemble", res),
        row("MC linear-response G/G0 relative error after 1 CPU s (kernel), Green-Kubo vs drift at F=0.1",
            _efficiency(weak.G_G0.relative_error, weak.counters.cpu_seconds),
            _efficiency(kubo.G_G0.relative_error, kubo.counters.cpu_seconds), "informative", unit="rel"),
        row("MC collisions per CPU s (NumPy), tau_in ~ 1/(1+eps) (local thinning) vs constant times",
            res.counters.events_per_second, law.counters.events_per_second, "informative", unit="1/s"),
    ]


if __name__ == "__main__":
    from benchmarks.run import table

    print(table(run()))
