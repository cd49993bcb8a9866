"""Fermi–Dirac integrals: speed against numpy.exp and mpmath (40 digits), accuracy over the sweep.

Run ``python -m benchmarks.bench_fermi_dirac`` from the repository root.

* F_{1/2} against ``numpy.exp`` (issue 17): seconds per point of
  :func:`symcond.special.fermi_dirac` and of ``numpy.exp`` on the same 10^5 points in
  [-700, 700] (25 % in [-700, -40], 50 % in [-40, 80], 25 % log-uniform in [80, 700]), best of
  31 interleaved rounds; target 16 (fdint, Fukushima's rational approximations in Cython, is
  about 16 times ``numpy.exp``).  The points stop at 700 because ``numpy.exp`` overflows above
  709.8 and is then several times slower, which would flatten the ratio.  A second row gives
  the spread of the 31 calls of F_{1/2} in thread CPU time (90th percentile / best; the
  wall-clock spread on a shared machine measures the other processes): a bimodal timing shows
  as a large value.
* Speed rows against mpmath give seconds per point: the baseline is
  :func:`symcond.special.fermi_dirac_mp` at 40 digits (one call per point, on a 300-point
  subsample), the value is :func:`symcond.special.fermi_dirac` on 10^5 points (best of 5),
  both spread over [-700, 1e6] (as above, the last quarter log-uniform in [80, 1e6]).
If the optional ``fdint`` package is importable, its time per point for the same
half-integer orders is reported too.  Accuracy rows give the largest relative error
against mpmath over the stored sweep (``tests/special/data/fd_reference.npz``) and the
300 live points, for both evaluation paths: the sweep alone (3,965 points) goes through the
NumPy code, sweep and live points together (4,265) through the compiled kernels (arrays of at
least ``symcond.special.fermi_dirac.COMPILED_MIN_SIZE`` = 4,096 points).  The baseline is the
required 5e-16.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._timing import best_time, row
from symcond.special import SUPPORTED_ORDERS, fermi_dirac, fermi_dirac_mp

N_POINTS = 10**5
N_MPMATH = 300
SEED = 12345
REQUIRED = 5e-16
ROUNDS = 31
REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "special" / "data" / "fd_reference.npz"


def sample_eta(n: int, rng: np.random.Generator, top: float = 1e6) -> np.ndarray:
    """Return n values of eta: 25 % in [-700, -40], 50 % in [-40, 80], 25 % log-uniform to ``top``."""
    quarter = n // 4
    parts = [
        rng.uniform(-700.0, -40.0, quarter),
        rng.uniform(-40.0, 80.0, n - 2 * quarter),
        10.0 ** rng.uniform(np.log10(80.0), np.log10(top), quarter),
    ]
    return rng.permutation(np.concatenate(parts))


def _mpmath_per_point(order: float, eta: np.ndarray) -> tuple[float, np.ndarray]:
    """Return mpmath seconds per point and the 40-digit values (as float64)."""
    start = time.perf_counter()
    values = np.array([float(fermi_dirac_mp(order, float(e), dps=40)) for e in eta])
    return (time.perf_counter() - start) / eta.size, values


def _fdint_function(order: float) -> Callable[[np.ndarray], Any] | None:
    """Return fdint's vectorised F_j (unnormalised) if fdint is importable and has it, else None."""
    try:
        fdint = importlib.import_module("fdint")
        func = functools.partial(fdint.fdk, order)
        func(np.zeros(2))
    except Exception:  # fdint missing or without this order: nothing to compare
        return None
    return func


def _interleaved_rounds(funcs: list[Callable[[], object]], rounds: int) -> tuple[np.ndarray, np.ndarray]:
    """Return wall-clock and thread CPU seconds per call, each (rounds, len(funcs)), the functions taken in turn.

    CPU time leaves out the time the thread waits for a core (on a shared machine, most of the
    wall-clock spread), and keeps page faults and everything else the call itself costs.
    """
    for func in funcs:
        func()
    wall, cpu = np.empty((rounds, len(funcs))), np.empty((rounds, len(funcs)))
    for i in range(rounds):
        for k, func in enumerate(funcs):
            start, start_cpu = time.perf_counter(), time.thread_time()
            func()
            cpu[i, k], wall[i, k] = time.thread_time() - start_cpu, time.perf_counter() - start
    return wall, cpu


def exp_ratio_rows(rng: np.random.Generator) -> list[dict[str, object]]:
    """Return F_{1/2} against numpy.exp on the same 10^5 points in [-700, 700], and the spread of F_{1/2}."""
    eta = sample_eta(N_POINTS, rng, top=700.0)
    wall, cpu = _interleaved_rounds([lambda: np.exp(eta), lambda: fermi_dirac(0.5, eta)], ROUNDS)
    exp_best, ours = wall.min(axis=0) / eta.size
    spread = (float(np.min(cpu[:, 1])), float(np.percentile(cpu[:, 1], 90)))
    return [row("F_0.5 vs numpy.exp, same 1e5 points in [-700, 700], per point", exp_best, ours, "<= 16"),
            row(f"F_0.5 spread of {ROUNDS} calls, CPU time: 90th percentile vs best", *spread, "<= 1.5")]


def speed_rows(order: float, eta: np.ndarray, live_eta: np.ndarray) -> tuple[list[dict[str, object]], np.ndarray]:
    """Return the speed rows of one order and the live mpmath values."""
    ours = best_time(lambda: fermi_dirac(order, eta), repeat=5) / eta.size
    slow, live = _mpmath_per_point(order, live_eta)
    rows = [row(f"F_{order:g} vs mpmath 40 digits, per point", slow, ours, "<= 1e-3")]
    fdint_func = _fdint_function(order)
    if fdint_func is not None:
        other = best_time(lambda: fdint_func(eta), repeat=5) / eta.size
        rows.append(row(f"F_{order:g} vs fdint, per point", other, ours, "informative"))
    return rows, live


def accuracy_row(order: float, live_eta: np.ndarray, live: np.ndarray) -> dict[str, object]:
    """Return the largest relative error over the stored sweep and the live points (both paths)."""
    stored = np.load(REFERENCE)
    ref_row = stored["values"][list(stored["orders"]).index(order)]
    eta = np.concatenate([stored["eta"], live_eta])
    exact = np.concatenate([ref_row, live])
    compiled = np.max(np.abs(fermi_dirac(order, eta) / exact - 1.0))
    worst = float(max(compiled, np.max(np.abs(fermi_dirac(order, stored["eta"]) / ref_row - 1.0))))
    return row(f"F_{order:g} max relative error ({eta.size} points)", REQUIRED, worst, "<= 1", unit="rel")


def run() -> list[dict[str, object]]:
    """Return speed and accuracy rows for every supported order."""
    rng = np.random.default_rng(SEED)
    eta, live_eta = sample_eta(N_POINTS, rng), sample_eta(N_MPMATH, rng)
    speed, accuracy = exp_ratio_rows(np.random.default_rng(SEED + 1)), []
    for order in SUPPORTED_ORDERS:
        rows, live = speed_rows(order, eta, live_eta)
        speed += rows
        accuracy.append(accuracy_row(order, live_eta, live))
    return speed + accuracy


if __name__ == "__main__":
    from benchmarks.run import table

    print(table(run()))
