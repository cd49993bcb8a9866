"""Ensemble Monte Carlo of Eq. (9): collisions per CPU second and statistical error per CPU second.

Run ``python -m benchmarks.bench_montecarlo`` from the repository root.  The baseline is a
plain-Python loop of the same algorithm (one particle at a time: exponential candidate
times, flip / re-draw choice, re-draws from the same alias-table envelope of ``f_eq`` by
scalar rejection) measured in the same run, for constant times at ``eta = 0``, ``R = 1``,
``F = 1``.  The numba kernel (:mod:`symcond.montecarlo._kernel`, opt-in) is timed after a
warm-up run, so compilation (or loading it from the cache) is excluded; its rows are left
out where numba is not installed.  Rows:

* collisions per CPU second, numba kernel vs the Python loop, and NumPy ensemble vs the
  Python loop (target >= 100x);
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
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from benchmarks._timing import row
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import DriftResult, _kernel, drift, equilibrium
from symcond.montecarlo.process import Process

SEED = 2024
PARAMS = KineticParams(eta=0.0, ratio=1.0, field=1.0)
PYTHON_PARTICLES, PYTHON_TIME = 1000, 60.0
NUMPY_PARTICLES, NUMPY_TIME = 100_000, 60.0
LAW = KineticParams(eta=0.0, ratio=1.0, field=1.0, tau_in_law=lambda e: 1.0 / (1.0 + e))

T = TypeVar("T")


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


def _python_row_data() -> tuple[float, float]:
    """Return (collisions per CPU s, relative error of G x sqrt(CPU s)) of the Python loop."""
    start = time.process_time()
    means, events = python_drift(PARAMS, PYTHON_PARTICLES, PYTHON_TIME, SEED)
    cpu = time.process_time() - start
    rel = float(np.std(means, ddof=1) / math.sqrt(len(means)) / abs(np.mean(means)))
    return events / cpu, rel * math.sqrt(cpu)


def _efficiency(estimate_rel: float, cpu: float) -> float:
    """Return the relative error reached after one CPU second (errors fall as 1/sqrt(CPU))."""
    return estimate_rel * math.sqrt(cpu)


def _path(kernel: bool, func: Callable[[], T]) -> T:
    """Return ``func()`` on the numba kernel (``kernel=True``) or on the NumPy path."""
    saved, _kernel.ENABLED = _kernel.ENABLED, kernel
    try:
        return func()
    finally:
        _kernel.ENABLED = saved


def _drift(params: KineticParams, particles: int, kernel: bool) -> DriftResult:
    """Return a drift run of ``NUMPY_TIME`` on the chosen path (the kernel after a warm-up run)."""
    if kernel:
        _path(True, lambda: drift(params, particles=10, time=1.0, seed=SEED))  # compile or load from cache
    return _path(kernel, lambda: drift(params, particles=particles, time=NUMPY_TIME, seed=SEED))


def _speed_rows(py_rate: float, py_eff: float, name: str, res: DriftResult) -> list[dict[str, object]]:
    """Collisions per CPU s and error after 1 CPU s of ``res`` against the Python loop."""
    eff = _efficiency(res.G_G0.relative_error, res.counters.cpu_seconds)
    return [row(f"MC collisions per CPU s, {name} vs plain-Python loop", py_rate, res.counters.events_per_second,
                ">= 100", unit="1/s"),
            row(f"MC drift G/G0 relative error after 1 CPU s, {name} vs Python", py_eff, eff, "<= 0.1", unit="rel")]


def _kernel_rows(py_rate: float, py_eff: float, law_numpy: DriftResult) -> list[dict[str, object]]:
    """The numba kernel's rows (none if numba is not installed)."""
    if not _kernel.AVAILABLE:
        return []
    fast, law = _drift(PARAMS, NUMPY_PARTICLES, True), _drift(LAW, NUMPY_PARTICLES // 4, True)
    return [*_speed_rows(py_rate, py_eff, "numba kernel", fast),
            row("MC collisions per CPU s, tau_in ~ 1/(1+eps), numba kernel vs NumPy ensemble",
                law_numpy.counters.events_per_second, law.counters.events_per_second, "informative", unit="1/s")]


def run() -> list[dict[str, object]]:
    """Return the Monte Carlo rows (ratios against baselines measured in this run)."""
    py_rate, py_eff = _python_row_data()
    res = _drift(PARAMS, NUMPY_PARTICLES, False)
    weak = _path(False, lambda: drift(KineticParams(eta=5.0, ratio=1.0, field=0.1), particles=20_000, seed=SEED))
    kubo = _path(False, lambda: equilibrium(KineticParams(eta=5.0, ratio=1.0), particles=20_000, seed=SEED))
    law = _drift(LAW, NUMPY_PARTICLES // 4, False)
    return [
        *_kernel_rows(py_rate, py_eff, law),
        *_speed_rows(py_rate, py_eff, "NumPy ensemble", res),
        row("MC linear-response G/G0 relative error after 1 CPU s, Green-Kubo vs drift at F=0.1",
            _efficiency(weak.G_G0.relative_error, weak.counters.cpu_seconds),
            _efficiency(kubo.G_G0.relative_error, kubo.counters.cpu_seconds), "informative", unit="rel"),
        row("MC collisions per CPU s, tau_in ~ 1/(1+eps) (local thinning) vs constant times",
            res.counters.events_per_second, law.counters.events_per_second, "informative", unit="1/s"),
    ]


if __name__ == "__main__":
    from benchmarks.run import table

    print(table(run()))
